"""The .deb builder lays out a Debian package that dpkg accepts, from a stand-in bundle."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import appinfo
import build_deb
import pytest

INFO = appinfo.load()


def test_control_text_names_package_version_and_dependencies() -> None:
    text = build_deb.control_text(INFO, "amd64", 1234)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Package"] == INFO.package
    assert fields["Version"] == INFO.version
    assert fields["Installed-Size"] == "1234"
    assert fields["Depends"].startswith("libc6 (>= ")
    assert all(line.startswith(" ") for line in text.splitlines()[len(fields):])


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed")
def test_build_deb_from_a_stand_in_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "leeswijzer").write_text("#!/bin/sh\necho fake\n", encoding="utf-8")
    (bundle / "leeswijzer").chmod(0o755)
    (bundle / "_internal" / "data.txt").write_text("x", encoding="utf-8")
    deb = build_deb.build_deb(tmp_path / "out", bundle=bundle, work=tmp_path / "work")
    fields = subprocess.run(["dpkg-deb", "--field", str(deb), "Package", "Version"],
                            capture_output=True, text=True, check=True).stdout
    assert f"Package: {INFO.package}" in fields and f"Version: {INFO.version}" in fields
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                             text=True, check=True).stdout
    assert "root/root" in listing
    for path in ("./opt/leeswijzer/leeswijzer", "./opt/leeswijzer/_internal/data.txt",
                 f"./usr/share/applications/{INFO.app_id}.desktop",
                 f"./usr/share/metainfo/{INFO.app_id}.metainfo.xml",
                 f"./usr/share/icons/hicolor/scalable/apps/{INFO.app_id}.svg",
                 f"./usr/share/icons/hicolor/48x48/apps/{INFO.app_id}.png",
                 "./usr/bin/leeswijzer -> /opt/leeswijzer/leeswijzer"):
        assert path in listing, path
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "--control", str(deb), str(control)], check=True)
    assert not {"preinst", "postinst", "prerm", "postrm"} & {p.name for p in control.iterdir()}
