"""The ui/ layering: the composition root builds the core objects; the session and the pure
modules import no widgets."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
# Built once, by main.py, and handed in.
CORE_OBJECTS = {"ReadingAssistant", "LearnerMemory", "Enricher"}
# The learner store's former name: never built in ui/ either.
ALSO_FORBIDDEN = {"KnownWords"}


def _imported_names(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom | ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _modules(source: str) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_ui_builds_no_core_objects() -> None:
    offenders = {
        path.name: sorted(_imported_names(path.read_text(encoding="utf-8"))
                          & (CORE_OBJECTS | ALSO_FORBIDDEN))
        for path in UI.glob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}
    built_by_main = _imported_names((ROOT / "main.py").read_text(encoding="utf-8"))
    assert built_by_main >= CORE_OBJECTS


def test_the_check_would_catch_an_offender() -> None:
    source = "from assistant.service import ReadingAssistant\nimport PySide6.QtWidgets\n"
    assert "ReadingAssistant" in _imported_names(source)
    assert "PySide6.QtWidgets" in _modules(source)


def test_the_session_and_the_pure_modules_import_no_widgets() -> None:
    for name in ("session.py", "notices.py", "settings.py", "tasks.py", "document.py",
                 "marks.py", "offsets.py"):
        modules = _modules((UI / name).read_text(encoding="utf-8"))
        assert not any(m.startswith("PySide6.QtWidgets") for m in modules), name
        assert not {"ui.main_window", "ui.reader", "ui.message_bar"} & modules, name
