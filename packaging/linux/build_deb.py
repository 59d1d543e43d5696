"""Builds dist/leeswijzer_<version>_<arch>.deb from the bundle in dist/leeswijzer/ with dpkg-deb."""

from __future__ import annotations

import argparse
import platform
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
# Libraries the bundle loads from the system rather than carrying: glibc, the GL/EGL driver
# stack, and two xcb helpers Qt's X11 plugin needs (not present on the build machine).
DEPENDS = ("libgl1", "libegl1", "libfontconfig1", "libxcb-icccm4", "libxcb-keysyms1",
           "libxkbcommon-x11-0", "libxcb-cursor0")
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


def control_text(info: appinfo.AppInfo, arch: str, installed_kib: int) -> str:
    depends = ", ".join((f"libc6 (>= {glibc_version()})", *DEPENDS))
    return (
        f"Package: {info.package}\n"
        f"Version: {info.version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {info.maintainer}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends}\n"
        "Section: education\n"
        "Priority: optional\n"
        f"Homepage: {info.homepage}\n"
        f"Description: {info.summary}\n"
        " Leeswijzer helps learners of Dutch read real articles: it marks the words\n"
        " that are hard for the reader's level, glosses them in English, highlights\n"
        " people, places and organisations and shows background notes.\n"
        " .\n"
        " Self-contained: the Dutch language model, dictionary and Qt are included\n"
        " and it works offline. Learner data stays in the home folder on removal.\n"
    )


def copyright_text(info: appinfo.AppInfo) -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {info.name}\n"
        f"Source: {info.homepage}\n\n"
        "Files: *\n"
        f"License: {info.licence}\n"
        " The bundled third-party components (Python, Qt/PySide6 under LGPL-3.0,\n"
        " spaCy and its pipeline, wordfreq, the dictionary sources) keep their own\n"
        f" licences; see /{INSTALL_DIR}/_internal/resources/licences/.\n"
    )


def _normalise_modes(tree: Path) -> None:
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def stage(info: appinfo.AppInfo, bundle: Path, staging: Path, arch: str) -> None:
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
    doc = share / "doc" / info.package
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(info), encoding="utf-8")
    _normalise_modes(staging)
    installed_kib = sum(p.stat().st_size for p in staging.rglob("*")
                        if p.is_file() and not p.is_symlink()) // 1024
    debian = staging / "DEBIAN"
    debian.mkdir(mode=0o755)
    # No maintainer scripts: dpkg triggers refresh the menu and icon caches, and removal must
    # never touch the learner's data in their home folder.
    (debian / "control").write_text(control_text(info, arch, installed_kib), encoding="utf-8")
    (debian / "control").chmod(0o644)


def build_deb(output_dir: Path = ROOT / "dist", bundle: Path = BUNDLE,
              work: Path = ROOT / "build" / "deb") -> Path:
    """Stage the bundle with its desktop integration and pack it with dpkg-deb."""
    if not (bundle / "leeswijzer").is_file():
        raise SystemExit(f"package: build the bundle first ({bundle}/leeswijzer is missing)")
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("package: dpkg-deb is not installed (apt install dpkg)")
    info = appinfo.load()
    arch = deb_architecture()
    staging = work / f"{info.package}_{info.version}_{arch}"
    stage(info, bundle, staging, arch)
    target = output_dir / f"{info.package}_{info.version}_{arch}.deb"
    output_dir.mkdir(parents=True, exist_ok=True)
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
    args = parser.parse_args(argv)
    build_deb(args.output_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
