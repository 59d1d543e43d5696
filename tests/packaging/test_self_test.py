"""The self-test fails when a part a learner needs is broken, and passes on the real parts."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from assistant.resources import resource_path
from assistant.service import ReadingAssistant
from ui import self_test
from ui.self_test import Counts, Floors, SelfTestFailed

FLOORS = Floors(tokens=100, hard=5, entities=2, notes=1, glossed_share=0.8)


@pytest.mark.parametrize(("counts", "problem"), [
    (Counts(tokens=300, hard=20, glossed=18, entities=5, notes=3), None),
    (Counts(tokens=100, hard=5, glossed=4, entities=2, notes=1), None),  # exactly the floors
    (Counts(tokens=99, hard=20, glossed=20, entities=5, notes=3), "99 tokens"),
    (Counts(tokens=300, hard=4, glossed=4, entities=5, notes=3), "4 hard words"),
    (Counts(tokens=300, hard=20, glossed=20, entities=1, notes=3), "1 entities"),
    (Counts(tokens=300, hard=20, glossed=20, entities=5, notes=0), "0 notes"),
    (Counts(tokens=300, hard=20, glossed=15, entities=5, notes=3), "only 15 of 20"),
])
def test_counts_must_reach_every_floor(counts: Counts, problem: str | None) -> None:
    if problem is None:
        counts.check(FLOORS, "artikel")
    else:
        with pytest.raises(SelfTestFailed, match=problem):
            counts.check(FLOORS, "artikel")


def test_platform_plugins_pass_on_the_real_folder(qapp: object) -> None:
    assert "offscreen" in self_test.check_platform_plugins({"offscreen"})


def test_deleted_platform_plugins_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       qapp: object) -> None:
    monkeypatch.setattr(self_test, "platform_plugins_folder", lambda: tmp_path / "platforms")
    with pytest.raises(SelfTestFailed, match="offscreen is missing"):
        self_test.check_platform_plugins({"offscreen"})


@pytest.mark.qt_log_ignore(".*")  # Qt warns about the file it cannot map
def test_an_empty_plugin_file_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    qapp: object) -> None:
    name = {"win32": "qxcb.dll", "darwin": "libqxcb.dylib"}.get(sys.platform, "libqxcb.so")
    (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(self_test, "platform_plugins_folder", lambda: tmp_path)
    with pytest.raises(SelfTestFailed, match="xcb does not load"):
        self_test.check_platform_plugins({"xcb"})


def test_the_bundle_also_demands_xcb_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(self_test.sys, "platform", "linux")
    assert self_test.required_platforms("wayland") == {"wayland"}
    monkeypatch.setattr(self_test.sys, "frozen", True, raising=False)
    assert self_test.required_platforms("wayland") == {"wayland", "xcb"}


def test_qt_check_draws_text_and_collates(qapp: object) -> None:
    assert self_test.check_qt().startswith("Qt offscreen")


def test_the_real_dictionary_passes() -> None:
    assert self_test.check_dictionary(ReadingAssistant()).startswith("dictionary ")


def test_an_emptied_dictionary_fails(tmp_path: Path) -> None:
    emptied = tmp_path / "dictionary.sqlite"
    shutil.copy(resource_path("dictionary.sqlite"), emptied)
    with sqlite3.connect(emptied) as connection:
        connection.execute("DELETE FROM entries")
    with pytest.raises(SelfTestFailed, match="has 0 entries"):
        self_test.check_dictionary(ReadingAssistant(dictionary_path=emptied))


def test_a_missing_dictionary_fails(tmp_path: Path) -> None:
    with pytest.raises(SelfTestFailed, match="missing"):
        self_test.check_dictionary(ReadingAssistant(dictionary_path=tmp_path / "none.sqlite"))


def test_a_dictionary_without_the_known_gloss_fails(tmp_path: Path) -> None:
    damaged = tmp_path / "dictionary.sqlite"
    shutil.copy(resource_path("dictionary.sqlite"), damaged)
    word = self_test.KNOWN_GLOSS[0]
    with sqlite3.connect(damaged) as connection:
        connection.execute("DELETE FROM entries WHERE lemma = ?", (word,))
    with pytest.raises(SelfTestFailed, match=f"does not gloss '{word}'"):
        self_test.check_dictionary(ReadingAssistant(dictionary_path=damaged))


def test_the_real_knowledge_base_passes() -> None:
    assert self_test.check_knowledge(ReadingAssistant()).startswith("knowledge ")


def test_a_removed_knowledge_base_fails(tmp_path: Path) -> None:
    with pytest.raises(SelfTestFailed, match="has 0 notes"):
        self_test.check_knowledge(ReadingAssistant(knowledge_dir=tmp_path / "knowledge"))


def test_a_small_knowledge_base_fails() -> None:
    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "knowledge"
    with pytest.raises(SelfTestFailed, match=r"notes \(at least"):
        self_test.check_knowledge(ReadingAssistant(knowledge_dir=fixtures))


def test_the_new_knowledge_base_has_a_higher_floor(tmp_path: Path) -> None:
    (tmp_path / "people.json").write_text('{"entries": []}', encoding="utf-8")
    assert self_test.knowledge_floor(tmp_path) == self_test.KNOWLEDGE_FLOOR
    (tmp_path / "events.json").write_text('{"schema": 2, "entries": []}', encoding="utf-8")
    assert self_test.knowledge_floor(tmp_path) == self_test.KNOWLEDGE_FLOOR_SCHEMA_2


def test_fixtures_are_the_sample_article_as_html_and_epub() -> None:
    from assistant.reading.loading import load_article

    sample = load_article(resource_path("sample_article.txt"))
    first = sample.text.split("\n")[0]
    for name in self_test.FIXTURES:
        article = load_article(resource_path("self-test") / name)
        assert article.title == "Rotterdam wil veel meer groene daken"
        assert first in article.text and sample.text.split("\n")[-1] in article.text


def test_a_missing_fixture_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(self_test, "FIXTURES", ("weg.epub",))
    from assistant.errors import AssistantError

    with pytest.raises(AssistantError, match=r"weg\.epub"):
        self_test.check_fixtures(ReadingAssistant())


def test_optional_libraries_are_exercised_only_when_installed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[str] = []
    monkeypatch.setattr(self_test, "OPTIONAL", {
        "present": ("json", lambda: called.append("present")),
        "absent": ("no_such_module_here.sub", lambda: called.append("absent")),
    })
    assert self_test.check_optional() == "extras present"
    assert called == ["present"]


def test_a_broken_optional_library_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise SelfTestFailed("feedparser does not read a news feed")

    monkeypatch.setattr(self_test, "OPTIONAL", {"feedparser": ("json", broken)})
    with pytest.raises(SelfTestFailed, match="news feed"):
        self_test.check_optional()
