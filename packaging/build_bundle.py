"""Builds dist/leeswijzer/ with PyInstaller, strips it (Linux), prints its size and big parts."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import appinfo
import icons

ROOT = appinfo.ROOT
DIST = ROOT / "dist"
BUNDLE = DIST / "leeswijzer"
WORK = ROOT / "build" / "pyinstaller"
STAMP = ROOT / "build" / "bundle.stamp"
SIZES = ROOT / "build" / "bundle-sizes.json"
EXE_NAME = "leeswijzer.exe" if sys.platform == "win32" else "leeswijzer"
# Everything that changes the bundle's content; the venv stamps stand for installed packages.
INPUTS = ("main.py", "assistant", "ui", "resources", "leeswijzer.spec", "pyproject.toml",
          "packaging/pyinstaller", "packaging/appinfo.py", ".venv/.installed")
MB = 1_000_000


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif path.is_file():
            yield path


def newest_input(root: Path = ROOT) -> float:
    """Modification time of the newest file the bundle is built from."""
    paths = [root / name for name in INPUTS] + sorted((root / ".venv").glob(".pipeline-*"))
    return max((p.stat().st_mtime for p in _files(paths)), default=0.0)


def is_fresh(root: Path = ROOT) -> bool:
    """Whether the bundle exists and was built after every input last changed."""
    executable = BUNDLE / EXE_NAME
    return (executable.is_file() and STAMP.is_file()
            and STAMP.stat().st_mtime >= newest_input(root))


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def strip_candidates(bundle: Path) -> list[Path]:
    """ELF libraries safe to strip: not the executable (its archive is appended to it) and not
    the wheel-vendored libraries (numpy.libs/, libscipy_openblas*), which stripping breaks."""
    vendored = {p.name for p in bundle.rglob("*") if p.parent.name.endswith(".libs")}
    found: list[Path] = []
    for path in bundle.rglob("*"):
        if (path.is_symlink() or not path.is_file() or path == bundle / EXE_NAME
                or any(part.endswith(".libs") for part in path.relative_to(bundle).parts[:-1])
                or path.name in vendored or path.name.startswith("libscipy_openblas")):
            continue
        if is_elf(path):
            found.append(path)
    return found


def strip_bundle(bundle: Path) -> int:
    """Strip symbols not needed at run time; returns the bytes saved."""
    strip = shutil.which("strip")
    if strip is None:
        print("bundle: `strip` not found; leaving binaries as they are")
        return 0
    targets = strip_candidates(bundle)
    before = sum(p.stat().st_size for p in targets)

    def run(path: Path) -> None:
        subprocess.run([strip, "--strip-unneeded", str(path)], check=True)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(run, targets))
    return before - sum(p.stat().st_size for p in targets)


def tree_size(path: Path) -> int:
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(bundle: Path, count: int = 10) -> list[tuple[str, int]]:
    """The biggest top-level parts of the bundle (packages, libraries, data folders)."""
    top = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    parts = [(p.relative_to(bundle).as_posix(), tree_size(p)) for p in top.iterdir()]
    return sorted(parts, key=lambda item: -item[1])[:count]


def make_archive(bundle: Path, target: Path) -> Path:
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=bundle.name)
    return target


def report(bundle: Path, archive: Path | None) -> dict[str, object]:
    unpacked = tree_size(bundle)
    sizes: dict[str, object] = {
        "unpacked_bytes": unpacked,
        "archive": archive.name if archive else None,
        "archive_bytes": archive.stat().st_size if archive else None,
        "largest": largest_parts(bundle),
    }
    print(f"bundle: {bundle.relative_to(ROOT)} unpacked {unpacked / MB:.1f} MB"
          + (f", {archive.name} {archive.stat().st_size / MB:.1f} MB" if archive else ""))
    print("bundle: ten largest parts:")
    for name, size in sizes["largest"]:  # type: ignore[attr-defined]
        print(f"  {size / MB:7.1f} MB  {name}")
    return sizes


def bundled_pipeline(bundle: Path) -> str | None:
    names = [p.name.split("-")[0] for p in (bundle / "_internal").glob("nl_*.dist-info")]
    return names[0] if names else None


def build(archive: bool) -> None:
    info = appinfo.load()
    started = time.monotonic()
    icons.build_icons(ROOT / "build" / "icons")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(ROOT / "leeswijzer.spec")],
        cwd=ROOT, check=True,
    )
    if sys.platform.startswith("linux"):
        saved = strip_bundle(BUNDLE)
        print(f"bundle: stripping saved {saved / MB:.1f} MB")
    target = None
    if archive:
        platform = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
        target = make_archive(BUNDLE, DIST / f"leeswijzer-{info.version}-{platform}.tar.gz")
    sizes = report(BUNDLE, target)
    sizes["pipeline"] = bundled_pipeline(BUNDLE)
    sizes["build_seconds"] = round(time.monotonic() - started)
    SIZES.parent.mkdir(parents=True, exist_ok=True)
    SIZES.write_text(json.dumps(sizes, indent=1), encoding="utf-8")
    STAMP.touch()
    print(f"bundle: built in {sizes['build_seconds']} s with pipeline {sizes['pipeline']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--if-stale", action="store_true",
                        help="do nothing when the bundle is newer than its sources")
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz")
    parser.add_argument("--require-pipeline", metavar="NAME",
                        help="fail unless this pipeline is the one bundled (releases)")
    args = parser.parse_args(argv)
    if args.if_stale and is_fresh():
        print(f"bundle: {BUNDLE.relative_to(ROOT)} is up to date")
        return 0
    build(archive=not args.no_archive)
    if args.require_pipeline and bundled_pipeline(BUNDLE) != args.require_pipeline:
        print(f"bundle: expected pipeline {args.require_pipeline}, bundled "
              f"{bundled_pipeline(BUNDLE)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
