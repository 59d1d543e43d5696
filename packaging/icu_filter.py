"""Shrinks the Qt wheel's ICU data library (32 MB) to the locales and data Qt uses here (~4.5 MB).

QtCore links ICU for collation, time zones and text codecs; the data library carries all of
CLDR for 800 locales, CJK dictionaries and 200 legacy code pages. This keeps the core data
(character properties, normalisation, time zones, root collation and break rules) and the
Dutch and English locales, and rebuilds the library with ICU's own tools (icupkg, genccode
from Debian's icu-devtools) and the C compiler.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

# Locale resources are named like nl, nl_BE, en_001, sr_Latn_BA; data files have longer names.
LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_\w*)?$")
KEPT_LOCALE = re.compile(r"^(root|pool|res_index|nl(_\w+)?|en(_\w+)?)$")
# Transliteration rules and dictionary-based breaking for Thai, Lao, Khmer, Burmese and CJK
# are never used on Dutch text; legacy code pages: Python, not Qt, decodes the app's files.
DROPPED_TREES = ("translit",)
DROPPED_SUFFIXES = (".dict", ".cnv")
TOOLS = ("icupkg", "genccode", "cc", "nm", "readelf")


def keep_item(item: str) -> bool:
    """Whether an item of the ICU data package (e.g. 'coll/nl.res', 'uprops.icu') is kept."""
    *trees, name = item.split("/")
    if any(tree in DROPPED_TREES for tree in trees) or name.endswith(DROPPED_SUFFIXES):
        return False
    stem, _, suffix = name.rpartition(".")
    return not (suffix == "res" and LOCALE_ITEM.match(stem) and not KEPT_LOCALE.match(stem))


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _run(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout


def data_symbol(library: Path) -> tuple[str, int, int]:
    """The library's data symbol (icudtNN_dat) with its file offset and size."""
    symbols = _run("nm", "-D", "--defined-only", "-S", str(library))
    match = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", symbols, re.MULTILINE)
    if match is None:
        raise ValueError(f"{library.name} has no ICU data symbol")
    address, size, name = int(match.group(1), 16), int(match.group(2), 16), match.group(3)
    for line in _run("readelf", "-S", "-W", str(library)).splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return name, address - section_address + section_offset, size
    raise ValueError(f"{library.name} has no .rodata section")


def filter_icu_library(library: Path) -> int:
    """Replace `library` (libicudataNN) with a filtered build; returns the bytes saved."""
    name, offset, size = data_symbol(library)
    entry = name.removesuffix("_dat")  # icudt73
    before = library.stat().st_size
    with tempfile.TemporaryDirectory(prefix="leeswijzer-icu-") as folder:
        work = Path(folder)
        package = work / f"{entry}l.dat"
        with library.open("rb") as handle:
            handle.seek(offset)
            package.write_bytes(handle.read(size))
        items = _run("icupkg", "-l", str(package)).split()
        (work / "remove.txt").write_text(
            "".join(f"{item}\n" for item in items if not keep_item(item)), encoding="utf-8")
        filtered = work / "filtered" / package.name
        filtered.parent.mkdir()
        _run("icupkg", "--ignore-deps", "-r", str(work / "remove.txt"), str(package),
             str(filtered))
        _run("genccode", "-q", "-d", str(work), "-e", entry, "-a", "gcc", str(filtered))
        assembly = next(work.glob("*.S"))
        rebuilt = work / library.name
        _run("cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(rebuilt),
             str(assembly))
        if data_symbol(rebuilt)[0] != name:
            raise ValueError(f"the rebuilt {library.name} lacks {name}")
        shutil.copyfile(rebuilt, library)
    return before - library.stat().st_size


def find_icu_data(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("libicudata.so.*")
                  if p.is_file() and not p.is_symlink())
