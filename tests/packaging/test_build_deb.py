"""The .deb builder lays out a Debian package that dpkg accepts, from a stand-in bundle."""

from __future__ import annotations

import re
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


def test_control_declares_wayland_and_marks_a_stand_in_build() -> None:
    text = build_deb.control_text(INFO, "amd64", 1, package="leeswijzer-standin", speech=True)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    for library in ("libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
                    "libxcb-cursor0"):
        assert library in fields["Depends"]
    assert fields["Package"] == "leeswijzer-standin"
    assert fields["Conflicts"] == "leeswijzer" and "stand-in" in fields["Description"]
    assert fields["Recommends"] == "speech-dispatcher" and "libpulse0" in fields["Depends"]
    release = build_deb.control_text(INFO, "amd64", 1)
    assert "Recommends" not in release and "stand-in" not in release.split("\n .")[0]


def test_copyright_is_machine_readable_with_every_licence() -> None:
    text = build_deb.copyright_text(INFO)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert paragraphs[0].startswith("Format: https://www.debian.org/doc/packaging-manuals/")
    for paragraph in paragraphs[1:]:
        keys = {line.split(":", 1)[0] for line in paragraph.splitlines()
                if not line.startswith(" ")}
        assert {"Files", "Copyright", "License"} <= keys, paragraph
    for licence in ("GPL-3+", "LGPL-3", "PSF-2.0", "CC-BY-SA-4.0"):
        assert f"License: {licence}" in text
    licences = appinfo.ROOT / "resources" / "licences"
    for name in ("GPL-3.0.txt", "LGPL-3.0.txt", "PYTHON.txt", "CC-BY-SA-4.0.txt"):
        assert name in text or name in (licences / "THIRD_PARTY.txt").read_text("utf-8"), name
        assert (licences / name).stat().st_size > 5000, name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.0.txt").read_text("utf-8")
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in (licences / "PYTHON.txt").read_text("utf-8")


def test_changelog_names_the_current_version() -> None:
    import gzip

    text = gzip.decompress(build_deb.changelog_gz(INFO, "leeswijzer-standin")).decode()
    first = text.splitlines()[0]
    assert first.startswith(f"leeswijzer-standin ({INFO.version}) ")
    assert all(len(line) <= 80 for line in text.splitlines() if line.startswith("  "))


def test_ci_installs_what_the_package_depends_on() -> None:
    script = (appinfo.ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for package in (*build_deb.DEPENDS, *build_deb.SPEECH_DEPENDS, "xvfb", "weston", "lintian",
                    "desktop-file-utils", "appstream", "patchelf", "icu-devtools"):
        assert re.search(rf"\b{re.escape(package)}\b", script), package


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed")
def test_desktop_file_passes_desktop_file_validate() -> None:
    path = appinfo.ROOT / "packaging" / "linux" / f"{INFO.app_id}.desktop"
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed")
def test_a_stand_in_bundle_is_named_so_and_refused_for_a_release(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "_internal" / "nl_standin_sm-0.1.0.dist-info").mkdir(parents=True)
    (bundle / "leeswijzer").write_text("#!/bin/sh\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="stand-in"):
        build_deb.build_deb(tmp_path / "out", bundle=bundle, work=tmp_path / "w", release=True)
    deb = build_deb.build_deb(tmp_path / "out", bundle=bundle, work=tmp_path / "w")
    assert deb.name.startswith("leeswijzer-standin_")
    (bundle / "_internal" / "nl_standin_sm-0.1.0.dist-info").rmdir()
    (bundle / "_internal" / "nl_core_news_sm-3.8.0.dist-info").mkdir()
    release = build_deb.build_deb(tmp_path / "out", bundle=bundle, work=tmp_path / "w",
                                  release=True)
    assert release.name == f"leeswijzer_{INFO.version}_{build_deb.deb_architecture()}.deb"
    assert not deb.exists(), "the stand-in package is replaced, not left beside the release"
