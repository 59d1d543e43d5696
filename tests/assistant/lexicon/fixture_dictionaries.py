"""Dictionaries built from the tiny fixture sources, with a test module's own rows added."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

from script_modules import script

from assistant.lexicon.store import Dictionary

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "dictionary" / "sources"


def built_dictionary(folder: Path, supplement: str, frequencies: Mapping[str, float],
                     additions: Mapping[str, str] | None = None) -> Dictionary:
    """The fixture sources copied to `folder`, each text of `additions` appended to its file
    (a path inside the sources), built with `supplement` (TSV text) and opened with those
    word frequencies (0 for any other word)."""
    sources = folder / "sources"
    shutil.copytree(FIXTURES, sources)
    for name, text in (additions or {}).items():
        with (sources / name).open("a", encoding="utf-8") as source:
            source.write(text)
    supplement_file = folder / "supplement.tsv"
    supplement_file.write_text(supplement, encoding="utf-8")
    script("build_dictionary").build(sources, folder / "d.sqlite", supplement_file)
    return Dictionary.open(folder / "d.sqlite", zipf=lambda word: frequencies.get(word, 0.0))
