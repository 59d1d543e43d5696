"""PyInstaller hook: spaCy's data files and submodules, without its test suite and without the
language packages other than Dutch (and the multi-language 'xx'); the base modules of
spacy.lang (punctuation, character classes...) stay."""

import importlib.util
from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

KEPT_LANGUAGES = ("nl", "xx")
_LANG = Path(importlib.util.find_spec("spacy").origin).parent / "lang"
LANGUAGE_PACKAGES = {path.name for path in _LANG.iterdir() if (path / "__init__.py").is_file()}


def wanted(name: str) -> bool:
    parts = name.split(".")
    if ".tests" in name:
        return False
    return not (parts[:2] == ["spacy", "lang"] and len(parts) > 2
                and parts[2] in LANGUAGE_PACKAGES and parts[2] not in KEPT_LANGUAGES)


datas = collect_data_files("spacy", excludes=["tests", "tests/**"])
hiddenimports = collect_submodules("spacy", filter=wanted)
