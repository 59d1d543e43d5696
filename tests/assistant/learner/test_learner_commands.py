"""The learner's command line: known import/list, vocab export, history, analyze --data-dir."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from commands import run_here

from assistant.learner.exporting import note_guid
from assistant.learner.memory import LearnerMemory
from assistant.learner.saved import SavedWord

ROOT = Path(__file__).resolve().parents[3]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_known_import_prints_how_many_lemmas_were_new(tmp_path: Path) -> None:
    words = tmp_path / "woorden.txt"
    words.write_text("fiets\nhuizen\nliep\n12345\n", encoding="utf-8")
    # In this process (its dictionary and lemma table are loaded already); the tests of a bad
    # file, the export and a newer learner file run `main.py` as a process of its own.
    dry = run_here("--data-dir", str(tmp_path), "known", "import", str(words), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    # fiets and huizen are headwords too (of a noun, of a verb): kept beside simplemma's lemma.
    assert dry.stdout.startswith("5 new lemmas") and "nothing written" in dry.stdout
    first = run_here("--data-dir", str(tmp_path), "known", "import", str(words))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("5 new lemmas marked known")
    assert "woorden.txt:4: skipped" in first.stderr
    again = run_here(f"--data-dir={tmp_path}", "known", "import", str(words))
    assert again.stdout.startswith("0 new lemmas") and "5 already known" in again.stdout
    listed = run_here("--data-dir", str(tmp_path), "known", "list")
    assert listed.stdout.split() == ["fiets", "fietsen", "huis", "huizen", "lopen"]


def test_known_import_of_a_bad_file_exits_2(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "known", "import", str(tmp_path / "weg.apkg"))
    assert result.returncode == 2
    assert result.stdout == "" and "weg.apkg" in result.stderr


def test_vocab_export_csv_and_apkg(tmp_path: Path) -> None:
    memory = LearnerMemory(tmp_path / "learner.sqlite")
    memory.save_word(SavedWord("fiets", "fiets", "De fiets is rood.", "bike", "de", "Titel",
                               "2023-09"))
    memory.save_word(SavedWord("huis", "huizen", "Twee huizen.", "house", "het"))
    memory.close()
    csv_out, apkg_out = tmp_path / "w.csv", tmp_path / "w.apkg"
    result = run("--data-dir", str(tmp_path), "vocab", "export", str(csv_out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 saved words written")
    assert csv_out.read_text(encoding="utf-8").splitlines()[0].startswith("lemma,word,")
    assert run("--data-dir", str(tmp_path), "vocab", "export", str(apkg_out)).returncode == 0
    with zipfile.ZipFile(apkg_out) as archive:
        archive.extract("collection.anki2", tmp_path)
    with contextlib.closing(sqlite3.connect(tmp_path / "collection.anki2")) as collection:
        guids = {row[0] for row in collection.execute("SELECT guid FROM notes")}
    assert guids == {note_guid("fiets"), note_guid("huis")}
    wrong = run("--data-dir", str(tmp_path), "vocab", "export", str(tmp_path / "w.xlsx"))
    assert wrong.returncode == 2 and ".csv or .apkg" in wrong.stderr


def test_a_newer_learner_file_is_refused_on_the_command_line(tmp_path: Path) -> None:
    with contextlib.closing(sqlite3.connect(tmp_path / "learner.sqlite")) as newer:
        newer.execute("PRAGMA user_version = 99")
    result = run("--data-dir", str(tmp_path), "known", "list")
    assert result.returncode == 2 and "newer Leeswijzer" in result.stderr


@pytest.fixture(scope="module")
def learner_json(sample_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("learner")
    words = folder / "bekend.txt"
    words.write_text("vernietigingsoorlog\nnaarstig\n", encoding="utf-8")
    # In this process, which has the model loaded already (a new one loads it again).
    assert run_here("--data-dir", str(folder), "known", "import", str(words)).returncode == 0
    result = run_here("--data-dir", str(folder), "analyze", str(sample_path))
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_analyze_with_a_learner_never_marks_known_lemmas(learner_json: dict[str, Any]) -> None:
    hard = {t["lemma"] for t in learner_json["tokens"] if t["hard"]}
    assert not hard & {"vernietigingsoorlog", "naarstig"}
    assert "gepantserd" in hard or "gepantserde" in {t["text"] for t in learner_json["tokens"]
                                                     if t["hard"]}
    # The documented fields are all still there.
    assert {"date", "title", "level", "model", "blocks", "tokens", "entities", "notes",
            "times"} <= learner_json.keys()


def test_analyze_json_carries_coverage(learner_json: dict[str, Any]) -> None:
    coverage = learner_json["coverage"]
    assert {"running_words", "known_words", "share", "hard_words"} <= coverage.keys()
    assert 0.8 < coverage["share"] < 1.0
    assert coverage["known_words"] < coverage["running_words"]
    hard = {t["lemma"] for t in learner_json["tokens"] if t["hard"]}
    listed = {h["lemma"] for h in coverage["hard_words"]}
    assert "vernietigingsoorlog" not in listed and listed & hard
