"""scripts/mutation_report.py: the rule modules it mutates, mutmut's names and the scores."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from script_modules import script

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def report() -> ModuleType:
    return script("mutation_report")


def test_the_rule_modules_are_mutated(report: ModuleType) -> None:
    modules = report.configured_modules()
    for expected in ("assistant/reading/difficulty.py", "assistant/reading/separable.py",
                     "assistant/lexicon/keys.py", "assistant/knowledge/subjects.py",
                     "assistant/timex/expressions.py", "assistant/storage.py"):
        assert expected in modules
    assert "assistant/reading/loading.py" not in modules
    assert all((ROOT / m).is_file() for m in modules)


@pytest.mark.parametrize(("module", "pattern"), [
    ("assistant/reading/separable.py", "assistant.reading.separable.*"),
    ("assistant/storage.py", "assistant.storage.*"),
    ("assistant/timex/__init__.py", "assistant.timex.*"),
])
def test_mutant_names_of_a_module(report: ModuleType, module: str, pattern: str) -> None:
    assert report.mutant_glob(module) == pattern


def test_score_counts_caught_and_leaves_out_unchecked(report: ModuleType, tmp_path: Path) -> None:
    meta = tmp_path / "assistant" / "x.py.meta"
    meta.parent.mkdir()
    codes = {"a": 1, "b": 1, "c": -24, "d": 0, "e": 33, "f": None, "g": 3}
    meta.write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")
    score = report.module_score("assistant/x.py", tmp_path)
    assert (score.caught, score.total) == (4, 6)  # killed 3, timeout 1; survived and no tests
    assert score.counts["not checked"] == 1
    assert score.percent == pytest.approx(400 / 6)
    assert report.module_score("assistant/missing.py", tmp_path).total == 0


def test_coverage_is_traced_again_when_a_module_is_added(report: ModuleType,
                                                         tmp_path: Path) -> None:
    stats, record = tmp_path / "mutmut-stats.json", tmp_path / "mutated-modules.json"
    stats.write_text("{}", encoding="utf-8")
    assert report.forget_stale_coverage(["a.py", "b.py"], stats, record) is True  # no record
    assert not stats.exists()
    stats.write_text("{}", encoding="utf-8")
    assert report.forget_stale_coverage(["a.py", "b.py"], stats, record) is False  # same
    assert report.forget_stale_coverage(["b.py"], stats, record) is False  # one left out
    assert stats.exists()
    assert report.forget_stale_coverage(["b.py", "c.py"], stats, record) is True  # c added
    assert not stats.exists()
    assert json.loads(record.read_text(encoding="utf-8")) == ["b.py", "c.py"]
    assert report.forget_stale_coverage(["b.py", "c.py"], stats, record) is False  # no stats


def test_survivors_are_run_again_against_the_tests_as_they_are_now(
        report: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, mutants = tmp_path / "project", tmp_path / "project" / "mutants"
    (root / "tests").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.mutmut]\npytest_add_cli_args = ["-q"]\n',
                                         encoding="utf-8")
    # The test as written after the run catches the mutant named "bad" only; mutants/ still
    # holds the old copy, which caught nothing.
    (root / "tests" / "test_x.py").write_text(
        "import os\n\ndef test_x():\n    assert os.environ['MUTANT_UNDER_TEST'] != 'bad'\n",
        encoding="utf-8")
    (mutants / "tests").mkdir(parents=True)
    (mutants / "tests" / "test_x.py").write_text("def test_x():\n    pass\n", encoding="utf-8")
    monkeypatch.setattr(report, "ROOT", root)
    monkeypatch.setattr(report, "MUTANTS", mutants)
    monkeypatch.setenv("LEESWIJZER_SHARED", str(tmp_path / "no-shared-folder"))
    assert report.recheck(["bad", "good"], ["tests/test_x.py"], 2) == {"bad": True,
                                                                        "good": False}
