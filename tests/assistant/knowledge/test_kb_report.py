"""The knowledge-base report: coverage counts and which entries count as stale."""

from __future__ import annotations

import datetime
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def kb_report() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kb_report", ROOT / "scripts" / "kb_report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entry(entry_id: str, **extra: object) -> dict[str, object]:
    return {"id": entry_id, "kind": "person", "names": [entry_id.upper()],
            "international_name": entry_id, "description": "A person.",
            "sources": ["https://example.org/"], **extra}


@pytest.mark.parametrize(
    ("extra", "today", "is_stale"),
    [
        ({"checked": "2026-11"}, "2027-11-30", False),  # within a year of the last day of 11
        ({"checked": "2026-11"}, "2027-12-01", True),
        ({"facts": [{"date": "2020", "text": "A."}], "checked": "2026-01"}, "2026-06-01", False),
        ({"facts": [{"date": "2025-03-01", "text": "A."}]}, "2026-03-02", True),
        ({"roles": [{"role": "Mayor", "from": "2010", "to": "2026-02"}]}, "2026-06-01", False),
        ({}, "2026-06-01", True),  # no date at all: nobody knows how current it is
    ],
)
def test_stale_means_nothing_newer_than_a_year(
    kb_report: ModuleType, tmp_path: Path, extra: dict[str, object], today: str, is_stale: bool
) -> None:
    (tmp_path / "a.json").write_text(json.dumps({"schema": 2, "entries": [_entry("x", **extra)]}),
                                     encoding="utf-8")
    entries = kb_report.load_curated(tmp_path)
    found = kb_report.stale(entries, datetime.date.fromisoformat(today))
    assert [e.id for e in found] == (["x"] if is_stale else [])


def test_report_prints_coverage_and_staleness(
    kb_report: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = [
        _entry("a", roles=[{"role": "Mayor", "from": "2010", "to": "2012"}], checked="2026-11"),
        _entry("b", kind="organisation", facts=[{"date": "2001", "text": "F."}]),
    ]
    (tmp_path / "a.json").write_text(json.dumps({"schema": 2, "entries": entries}),
                                     encoding="utf-8")
    assert kb_report.main(["--folder", str(tmp_path), "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "entries: 2 (person 1, organisation 1)" in out
    assert "with roles: 1 (1 roles), with roles_complete: 0, with facts: 1 (1 facts)" in out
    assert "2009 0, 2010 1, 2011 1, 2012 1, 2013 0" in out
    assert "stale (newest fact, role or check older than 365 days before 2026-12-01): 1" in out
    assert "  b: newest 2001" in out


def test_report_names_a_bad_file(
    kb_report: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.json").write_text('{"schema": 2, "entries": [{"id": "x"}]}',
                                       encoding="utf-8")
    assert kb_report.main(["--folder", str(tmp_path)]) == 1
    assert "bad.json" in capsys.readouterr().err
