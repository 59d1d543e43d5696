"""The `analyze` command line: JSON on success, exit code 2 with one line on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from commands import run_here

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def sample_json(sample_path: Path) -> dict[str, Any]:
    # In this process, as the self-tests below (its model is loaded already; a new interpreter
    # loads spaCy, the model, the dictionary and the knowledge base again, ~5 s of CPU each);
    # `main.py analyze` as a process of its own: test_bad_input_exits_2_with_one_line here and
    # tests/ui/test_worker_app.py (the app and the command line from new interpreters).
    result = run_here("analyze", str(sample_path), "--level", "B1", "--format", "json")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_analyze_prints_the_documented_object(sample_json: dict[str, Any]) -> None:
    assert sample_json["date"] == "2023-09"
    assert sample_json["title"] is None
    assert sample_json["warnings"] == []
    assert sample_json["model"]["name"] and sample_json["model"]["version"]
    token = sample_json["tokens"][0]
    assert {"start", "end", "text", "lemma", "pos", "zipf", "hard"} <= token.keys()
    entity = sample_json["entities"][0]
    assert {"start", "end", "text", "label", "category"} <= entity.keys()
    assert {"notes", "times"} <= sample_json.keys()


def test_analyze_finds_persons_places_and_hard_words(sample_json: dict[str, Any]) -> None:
    persons = {e["text"] for e in sample_json["entities"] if e["category"] == "person"}
    assert {"Vladimir Poetin", "Kim Jong-un"} <= persons
    assert any(e["text"] == "Vladivostok" and e["category"] == "place"
               for e in sample_json["entities"])
    hard = {t["text"] for t in sample_json["tokens"] if t["hard"]}
    assert {"vernietigingsoorlog", "naarstig", "gepantserde"} <= hard
    assert not hard & {"oorlog", "de", "maar"}
    assert all("gloss" in t for t in sample_json["tokens"] if t["hard"])
    phrases = {t["phrase"]["lemma"] for t in sample_json["tokens"] if "phrase" in t}
    assert "binnenvallen" in phrases


def test_metadata_is_not_analysed(sample_json: dict[str, Any]) -> None:
    assert sample_json["tokens"][0]["text"] == "Er"
    assert sample_json["tokens"][0]["start"] == 0
    assert all(t["text"] not in ("date", "2023-09") for t in sample_json["tokens"])


def test_bad_input_exits_2_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.txt"
    empty.write_text("", encoding="utf-8")
    paths = [empty, tmp_path / "ontbreekt.txt", tmp_path / ("lang" * 80 + ".txt")]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pijp.txt")
        paths.append(tmp_path / "pijp.txt")
    for path in paths:
        result = run("analyze", str(path))
        assert result.returncode == 2
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and path.name[:40] in lines[0]


def test_self_test_prints_one_summary_line(sample_path: Path) -> None:
    result = run_here("--self-test", str(sample_path))
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("self-test OK:") and "\n" not in line
    assert "hard words" in line and "notes" in line and "entities" in line


def test_self_test_fails_clearly(tmp_path: Path) -> None:
    result = run_here("--self-test", str(tmp_path / "ontbreekt.txt"))
    assert result.returncode == 1
    assert "self-test FAILED" in result.stderr and "ontbreekt.txt" in result.stderr


LONG_SENTENCE = "De gemeente bouwt dit jaar een nieuwe brug over de rivier. "  # 59 characters


def test_a_worker_that_fails_on_a_long_text_exits_2_with_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import worker_faults

    from assistant import parallel

    long_text = tmp_path / "lang.txt"  # over 50,000 characters: two parts or more
    long_text.write_text(LONG_SENTENCE * 1_000, encoding="utf-8")
    monkeypatch.setattr(parallel, "_analyse_job", worker_faults.raises)
    result = run_here("analyze", str(long_text), "--jobs", "2")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "leeswijzer: A worker process failed while analysing the text: RuntimeError: broken "
        "section of 49972 characters"]  # 847 sentences of 59 characters, the last space cut


def test_a_short_text_is_analysed_without_workers(
        sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant import parallel

    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "_in_workers", no_pool)
    result = run_here("analyze", str(sample_path), "--jobs", "2", "--format", "summary")
    assert result.returncode == 0, result.stderr
    assert "hard words" in result.stdout
