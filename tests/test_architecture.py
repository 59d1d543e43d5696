"""The core stays Qt-free, only assistant/reading/nlp.py imports spaCy, nothing runs at import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "assistant"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_qt_or_ui() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & {"PySide6", "ui", "shiboken6"})
        for path in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_nlp_module_imports_spacy() -> None:
    importers = sorted(
        str(path.relative_to(ROOT)) for path in CORE.rglob("*.py")
        if "spacy" in imported_modules(path)
    )
    assert importers == ["assistant/reading/nlp.py"]


def test_boundary_check_would_catch_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport spacy.tokens\n", encoding="utf-8")
    assert {"PySide6", "spacy"} <= imported_modules(bad)


def test_importing_everything_loads_no_model_qt_or_database() -> None:
    code = (
        "import sys, pkgutil, importlib, assistant\n"
        "for m in pkgutil.walk_packages(assistant.__path__, 'assistant.'):\n"
        "    importlib.import_module(m.name)\n"
        "import main\n"
        "bad = [m for m in ('spacy', 'PySide6', 'wordfreq') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == ""
