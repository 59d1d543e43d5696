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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import appinfo
import icons
import icu_filter

ROOT = appinfo.ROOT
DIST = ROOT / "dist"
BUNDLE = DIST / "leeswijzer"
WORK = ROOT / "build" / "pyinstaller"
STAMP = ROOT / "build" / "bundle.stamp"
SIZES = ROOT / "build" / "bundle-sizes.json"
EXE_NAME = "leeswijzer.exe" if sys.platform == "win32" else "leeswijzer"
# Everything that changes the bundle's content; the venv stamps stand for installed packages.
INPUTS = ("main.py", "assistant", "ui", "resources", "leeswijzer.spec", "pyproject.toml",
          "packaging/pyinstaller", "packaging/appinfo.py", "packaging/qt_filter.py",
          "packaging/icu_filter.py", "packaging/build_bundle.py", ".venv/.installed")
MB = 1_000_000
SIZE_GOAL = 250 * MB
# PySide6-Essentials 6.12.0 drops a reference to None on every void Qt call on Python 3.11 and
# aborts the app (README, "Why PySide6 is pinned"); pyproject.toml excludes it, and so must
# every installer.
AFFECTED_QT = ("6.12.0",)


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


def absolute_runpaths(bundle: Path) -> dict[Path, str]:
    """ELF files whose RUNPATH/RPATH names a folder of the build machine (not $ORIGIN-relative)."""
    patchelf = shutil.which("patchelf")
    found: dict[Path, str] = {}
    if patchelf is None:
        return found
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        runpath = subprocess.run([patchelf, "--print-rpath", str(path)], capture_output=True,
                                 text=True, check=False).stdout.strip()
        if any(entry.startswith("/") for entry in runpath.split(":")):
            found[path] = runpath
    return found


def fix_runpaths(bundle: Path) -> int:
    """Drop the build machine's folders from RUNPATHs (libpython and lib-dynload carry the
    Python installation's lib/); keeps $ORIGIN entries. Returns the files changed."""
    found = absolute_runpaths(bundle)
    for path, runpath in found.items():
        kept = ":".join(entry for entry in runpath.split(":")
                        if entry and not entry.startswith("/"))
        args = ["--set-rpath", kept] if kept else ["--remove-rpath"]
        subprocess.run(["patchelf", *args, str(path)], check=True)
    return len(found)


def shrink_icu(bundle: Path) -> int:
    """Filter the ICU data library (packaging/icu_filter.py); returns the bytes saved."""
    libraries = icu_filter.find_icu_data(bundle)
    if not libraries:
        return 0
    missing = icu_filter.missing_tools()
    if missing:
        print(f"bundle: ICU data left whole (missing {', '.join(missing)}; "
              "apt install icu-devtools gcc binutils)")
        return 0
    return sum(icu_filter.filter_icu_library(library) for library in libraries)


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


# Parts of the size table: (label, test on the path inside _internal/). First match wins.
PARTS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("Qt: ICU data", lambda p: "libicudata" in p),
    ("Qt: ICU code", lambda p: "libicu" in p),
    ("Qt: libraries", lambda p: p.startswith("PySide6/Qt/lib/") or "/Qt6" in p or "/libQt6" in p),
    ("Qt: plugins and translations", lambda p: p.startswith("PySide6/Qt/")),
    ("Qt: Python bindings", lambda p: p.startswith(("PySide6/", "shiboken6/"))),
    ("blis (spaCy's maths kernels)", lambda p: p.startswith("blis/")),
    ("numpy.libs (OpenBLAS)", lambda p: p.startswith("numpy.libs/")),
    ("numpy", lambda p: p.startswith("numpy/")),
    ("dictionary", lambda p: p == "resources/dictionary.sqlite"),
    ("knowledge and other resources", lambda p: p.startswith("resources/")),
    ("Dutch pipeline", lambda p: p.startswith("nl_")),
    ("spaCy, thinc and helpers", lambda p: p.startswith(
        ("spacy", "thinc", "srsly", "cymem", "preshed", "murmurhash", "pydantic", "confection",
         "wasabi", "catalogue", "weasel", "cloudpathlib", "langcodes", "language_data"))),
    ("rapidfuzz", lambda p: p.startswith("rapidfuzz/")),
    ("HTML/EPUB (lxml, trafilatura, ...)", lambda p: p.startswith(
        ("lxml", "trafilatura", "justext", "courlan", "htmldate", "dateparser", "ebooklib",
         "charset_normalizer", "babel", "pytz", "tzlocal", "regex"))),
    ("wordfreq", lambda p: p.startswith(("wordfreq", "ftfy", "wcwidth", "msgpack", "locate"))),
    ("newer features (simplemma, py3langid, genanki, feedparser)", lambda p: p.startswith(
        ("simplemma", "py3langid", "genanki", "feedparser", "sgmllib", "chevron", "frozendict",
         "yaml", "_yaml", "cached_property"))),
    ("Python (libpython, standard library)", lambda p: p.startswith(
        ("libpython", "python3", "base_library.zip", "lib-dynload"))),
    ("executable and its module archive", lambda p: p == "../leeswijzer"),
    ("system libraries (libssl, libstdc++, X11, ...)", lambda p: "/" not in p and ".so" in p),
)


def part_sizes(bundle: Path) -> list[tuple[str, int]]:
    """Bytes per part of PARTS (the rest as 'other'), largest first."""
    internal = bundle / "_internal"
    totals: dict[str, int] = {}
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        relative = os.path.relpath(path, internal).replace(os.sep, "/")
        label = next((name for name, test in PARTS if test(relative)), "other")
        totals[label] = totals.get(label, 0) + path.stat().st_size
    return sorted(totals.items(), key=lambda item: -item[1])


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
        "parts": part_sizes(bundle),
    }
    print(f"bundle: {bundle.relative_to(ROOT)} unpacked {unpacked / MB:.1f} MB "
          f"(goal {SIZE_GOAL / MB:.0f} MB{': met' if unpacked <= SIZE_GOAL else ': MISSED'})"
          + (f", {archive.name} {archive.stat().st_size / MB:.1f} MB" if archive else ""))
    print("bundle: size per part:")
    print(f"  {'part':<60} {'MB':>7}")
    for name, size in sizes["parts"]:  # type: ignore[attr-defined]
        print(f"  {name:<60} {size / MB:7.1f}")
    print("bundle: ten largest top-level entries:")
    for name, size in sizes["largest"]:  # type: ignore[attr-defined]
        print(f"  {size / MB:7.1f} MB  {name}")
    return sizes


def bundled_pipeline(bundle: Path) -> str | None:
    return appinfo.bundled_pipeline(bundle)


def installed_qt_version() -> str:
    from importlib import metadata

    return metadata.version("PySide6-Essentials")


def check_qt_version(version: str) -> None:
    """Refuse to bundle a Qt that pyproject.toml excludes (the 6.12.0 None refcount bug)."""
    if version in AFFECTED_QT and sys.version_info < (3, 12):
        raise SystemExit(f"bundle: PySide6-Essentials {version} is excluded by pyproject.toml "
                         "(it aborts on Python 3.11: README, 'Why PySide6 is pinned'); "
                         "install another version")


def build(archive: bool) -> None:
    info = appinfo.load()
    started = time.monotonic()
    check_qt_version(installed_qt_version())
    icons.build_icons(ROOT / "build" / "icons")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(ROOT / "leeswijzer.spec")],
        cwd=ROOT, check=True,
    )
    if sys.platform.startswith("linux"):
        saved = strip_bundle(BUNDLE)
        print(f"bundle: stripping saved {saved / MB:.1f} MB")
        saved = shrink_icu(BUNDLE)
        print(f"bundle: filtering ICU's data saved {saved / MB:.1f} MB")
        print(f"bundle: removed build-machine RUNPATHs from {fix_runpaths(BUNDLE)} files")
    target = None
    if archive:
        platform = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
        name = appinfo.build_name(bundled_pipeline(BUNDLE))
        for old in DIST.glob(f"{appinfo.PACKAGE_NAME}*-{platform}.tar.gz"):
            old.unlink()
        target = make_archive(BUNDLE, DIST / f"{name}-{info.version}-{platform}.tar.gz")
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
    parser.add_argument("--release", action="store_true",
                        help="a release: refuse a stand-in pipeline and a bundle over the goal")
    args = parser.parse_args(argv)
    if args.if_stale and is_fresh():
        print(f"bundle: {BUNDLE.relative_to(ROOT)} is up to date")
        return 0
    build(archive=not args.no_archive)
    pipeline = bundled_pipeline(BUNDLE)
    if args.require_pipeline and pipeline != args.require_pipeline:
        print(f"bundle: expected pipeline {args.require_pipeline}, bundled {pipeline}",
              file=sys.stderr)
        return 1
    if args.release and not appinfo.is_official(pipeline):
        print(f"bundle: refusing a release with the stand-in pipeline {pipeline} "
              f"(install {appinfo.OFFICIAL_PIPELINES[0]})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
