"""Builds dist/leeswijzer_<version>_<arch>.deb from the bundle in dist/leeswijzer/ with dpkg-deb."""

from __future__ import annotations

import argparse
import gzip
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import appinfo
import icons

ROOT = appinfo.ROOT
LINUX = ROOT / "packaging" / "linux"
BUNDLE = ROOT / "dist" / "leeswijzer"
INSTALL_DIR = "opt/leeswijzer"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Libraries the bundle loads from the system rather than carrying (leeswijzer.spec's
# SYSTEM_LIBRARIES; readelf's NEEDED entries that no bundled file provides): glibc, the GL/EGL
# driver stack, X11 and the xcb libraries of Qt's X11 plugin, the Wayland client libraries of
# its Wayland plugin, xkbcommon, fontconfig/freetype, GLib and D-Bus; the C++ runtime, OpenSSL
# and SQLite (Python's ssl, hashlib and sqlite3 modules).
DEPENDS = ("libstdc++6", "libssl3", "libsqlite3-0", "libgl1", "libegl1", "libfontconfig1",
           "libfreetype6", "libpng16-16",
           "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-glx0",
           "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
           "libxcb-render0", "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0",
           "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1", "libxkbcommon0",
           "libxkbcommon-x11-0", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
           "libglib2.0-0", "libdbus-1-3")
# Read-aloud (QtTextToSpeech) links QtMultimedia, which needs PulseAudio's client library (also
# what PipeWire systems provide), and speaks through speech-dispatcher (Qt's speechd plugin).
SPEECH_DEPENDS = ("libpulse0", "libgssapi-krb5-2")
SPEECH_RECOMMENDS = ("speech-dispatcher",)
CHANGELOG = LINUX / "changelog"
LICENCES = f"/{INSTALL_DIR}/_internal/resources/licences"
MB = 1_000_000


def deb_architecture() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], check=True, text=True,
                              capture_output=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def glibc_version() -> str:
    name, version = platform.libc_ver()
    return version if name == "glibc" and version else "2.31"


def has_speech_plugin(bundle: Path) -> bool:
    return any(bundle.rglob("libQt6TextToSpeech.so*"))


def control_text(info: appinfo.AppInfo, arch: str, installed_kib: int, *,
                 package: str | None = None, speech: bool = False) -> str:
    package = package or info.package
    depends = ", ".join((f"libc6 (>= {glibc_version()})", *DEPENDS,
                         *(SPEECH_DEPENDS if speech else ())))
    standin = package != info.package
    lines = [
        f"Package: {package}",
        f"Version: {info.version}",
        f"Architecture: {arch}",
        f"Maintainer: {info.maintainer}",
        f"Installed-Size: {installed_kib}",
        f"Depends: {depends}",
    ]
    if speech:
        lines.append(f"Recommends: {', '.join(SPEECH_RECOMMENDS)}")
    other = info.package if standin else info.package + appinfo.STANDIN_SUFFIX
    lines += [f"Conflicts: {other}", f"Replaces: {other}"]
    lines += ["Section: education", "Priority: optional", f"Homepage: {info.homepage}"]
    summary = info.summary + (" (test build, stand-in model)" if standin else "")
    lines.append(f"Description: {summary}")
    body = [
        "Leeswijzer helps learners of Dutch read real articles: it marks the words",
        "that are hard for the reader's level, glosses them in English, highlights",
        "people, places and organisations and shows background notes.",
        ".",
        "Self-contained: the Dutch language model, dictionary and Qt are included",
        "and it works offline. Learner data stays in the home folder on removal.",
    ]
    if standin:
        body += [".", "This test build carries a stand-in language model that must not be",
                 "distributed; releases carry the official nl_core_news_sm."]
    return "\n".join(lines + [f" {line}" for line in body]) + "\n"


def copyright_text(info: appinfo.AppInfo) -> str:
    """Machine-readable debian/copyright (DEP-5) for the app and what the bundle carries."""
    return f"""Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: {info.name}
Upstream-Contact: {info.maintainer}
Source: {info.homepage}
Comment: A self-contained bundle in /{INSTALL_DIR}. The full licence texts of every bundled
 component are in {LICENCES}/ (THIRD_PARTY.txt says which applies to what).

Files: *
Copyright: 2024-2026 {appinfo.DEVELOPER}
License: GPL-3+
 On Debian systems the full text is in /usr/share/common-licenses/GPL-3
 and in {LICENCES}/GPL-3.0.txt.

Files: opt/leeswijzer/_internal/PySide6/* opt/leeswijzer/_internal/shiboken6/*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
 On Debian systems the full text is in /usr/share/common-licenses/LGPL-3
 and in {LICENCES}/LGPL-3.0.txt.

Files: opt/leeswijzer/_internal/libpython3* opt/leeswijzer/_internal/python3*
 opt/leeswijzer/_internal/base_library.zip
Copyright: 2001-2024 Python Software Foundation
License: PSF-2.0
 The full text is in {LICENCES}/PYTHON.txt.

Files: opt/leeswijzer/_internal/nl_core_news_*
Copyright: Explosion AI GmbH
License: CC-BY-SA-4.0
 The full text is in {LICENCES}/CC-BY-SA-4.0.txt.

Files: opt/leeswijzer/_internal/resources/dictionary.sqlite
Copyright: FreeDict contributors; Open Dutch WordNet and Open Multilingual Wordnet authors;
 2006 Princeton University
License: GPL-2+ and CC-BY-SA-4.0 and CC-BY-SA-3.0 and WordNet
 The notices and texts are in {LICENCES}/ (FREEDICT.txt, OMW.txt, WORDNET.txt).
"""


def changelog_gz(info: appinfo.AppInfo, package: str) -> bytes:
    """packaging/linux/changelog in Debian's format, for this package name, gzip -9n."""
    text = CHANGELOG.read_text(encoding="utf-8").replace(f"{info.package} (", f"{package} (")
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


SHARED_LIBRARY = re.compile(r"\.so(\.[\w.]+)?$")


def _normalise_modes(tree: Path) -> None:
    """Folders and programs 0755, everything else 0644 (shared libraries too: they are
    mapped, not executed, and Debian policy wants them without the executable bit)."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif SHARED_LIBRARY.search(path.name):
            path.chmod(0o644)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def stage(info: appinfo.AppInfo, bundle: Path, staging: Path, arch: str,
          package: str | None = None) -> None:
    """Lay out the package tree: bundle in /opt, launcher, menu entry, icons, metainfo."""
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(bundle, staging / INSTALL_DIR, symlinks=True)
    (staging / "usr/bin").mkdir(parents=True)
    (staging / "usr/bin/leeswijzer").symlink_to(f"/{INSTALL_DIR}/leeswijzer")
    share = staging / "usr/share"
    for folder, name in (("applications", f"{info.app_id}.desktop"),
                         ("metainfo", f"{info.app_id}.metainfo.xml")):
        (share / folder).mkdir(parents=True)
        shutil.copy2(LINUX / name, share / folder / name)
    hicolor = share / "icons/hicolor"
    (hicolor / "scalable/apps").mkdir(parents=True)
    shutil.copy2(icons.SOURCE, hicolor / "scalable/apps" / f"{info.app_id}.svg")
    rendered = ROOT / "build" / "icons"
    if not all((rendered / f"leeswijzer-{size}.png").is_file() for size in ICON_SIZES):
        icons.build_icons(rendered)
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}/apps"
        target.mkdir(parents=True)
        shutil.copy2(rendered / f"leeswijzer-{size}.png", target / f"{info.app_id}.png")
    package = package or info.package
    doc = share / "doc" / package
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(info), encoding="utf-8")
    (doc / "changelog.gz").write_bytes(changelog_gz(info, package))
    _normalise_modes(staging)
    installed_kib = sum(p.stat().st_size for p in staging.rglob("*")
                        if p.is_file() and not p.is_symlink()) // 1024
    debian = staging / "DEBIAN"
    debian.mkdir(mode=0o755)
    # No maintainer scripts: dpkg triggers refresh the menu and icon caches, and removal must
    # never touch the learner's data in their home folder.
    (debian / "control").write_text(
        control_text(info, arch, installed_kib, package=package,
                     speech=has_speech_plugin(staging / INSTALL_DIR)), encoding="utf-8")
    (debian / "control").chmod(0o644)


def build_deb(output_dir: Path = ROOT / "dist", bundle: Path = BUNDLE,
              work: Path = ROOT / "build" / "deb", release: bool = False) -> Path:
    """Stage the bundle with its desktop integration and pack it with dpkg-deb."""
    if not (bundle / "leeswijzer").is_file():
        raise SystemExit(f"package: build the bundle first ({bundle}/leeswijzer is missing)")
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("package: dpkg-deb is not installed (apt install dpkg)")
    info = appinfo.load()
    pipeline = appinfo.bundled_pipeline(bundle)
    if release and not appinfo.is_official(pipeline):
        raise SystemExit(f"package: refusing a release with the stand-in pipeline {pipeline}")
    package = appinfo.build_name(pipeline)
    arch = deb_architecture()
    staging = work / f"{package}_{info.version}_{arch}"
    stage(info, bundle, staging, arch, package)
    target = output_dir / f"{package}_{info.version}_{arch}.deb"
    output_dir.mkdir(parents=True, exist_ok=True)
    for old in output_dir.glob(f"{info.package}*_{info.version}_{arch}.deb"):
        old.unlink()
    started = time.monotonic()
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging),
                    str(target)], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(staging)
    print(f"package: {target} {target.stat().st_size / MB:.1f} MB "
          f"(xz, {time.monotonic() - started:.0f} s)")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output-dir", type=Path, default=ROOT / "dist")
    parser.add_argument("--release", action="store_true",
                        help="refuse a bundle with a stand-in pipeline")
    parser.add_argument("--print-depends", action="store_true",
                        help="print the Debian packages the bundle needs from the system")
    args = parser.parse_args(argv)
    if args.print_depends:
        print(" ".join((*DEPENDS, *SPEECH_DEPENDS)))
        return 0
    build_deb(args.output_dir, release=args.release)
    return 0


if __name__ == "__main__":
    sys.exit(main())
