"""Library and start: the reading position kept on switching and closing, the last article
reopened there at start (the sample only on the first run), the library view opening one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, activate

from assistant.learner.history import ReadingRecord
from assistant.models import Level
from ui.library import (
    LAST_KEY,
    Position,
    choose_start,
    library_entries,
    positions,
    remember_position,
    top_position,
)
from ui.main_window import MainWindow

PARAGRAPH = "De gemeente wil een nieuwe haven bouwen voor de schepen van morgen."


def _article(folder: Path, name: str, title: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\n" + "\n\n".join(f"{PARAGRAPH} Alinea {i}." for i in range(80)),
                    encoding="utf-8")
    return path


def _window(make_window: WindowFactory) -> MainWindow:
    return make_window(FakeService({"gemeente": Level.C1}))


def _scroll_half(window: MainWindow) -> int:
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    return top_position(window.reader).position


def test_position_kept_on_switch_and_close_and_the_last_article_reopens_there(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    first, second = _article(tmp_path, "een.txt", "Eerste"), _article(tmp_path, "twee.txt",
                                                                       "Tweede")
    window = _window(make_window)
    window.session.open_path(first)
    left_at = _scroll_half(window)
    window.session.open_path(second)  # switching keeps where the first was left
    assert window.reader.verticalScrollBar().value() == 0
    kept = positions(window.settings)
    assert kept[str(first.resolve())].position == left_at
    second_at = _scroll_half(window)
    window.close()
    settings = window.settings
    assert positions(settings)[str(second.resolve())].position == second_at
    assert settings.value(LAST_KEY) == str(second.resolve())

    again = _window(make_window)
    start = choose_start(None, again.settings, "sample.txt")
    assert start == str(second.resolve())
    again.session.open_path(start)
    assert top_position(again.reader).position == second_at  # where it was left
    again.session.open_path(first)
    assert top_position(again.reader).position == left_at


def test_the_library_lists_articles_read_and_opens_one_with_enter(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    first, second = _article(tmp_path, "een.txt", "Eerste"), _article(tmp_path, "twee.txt",
                                                                       "Tweede")
    window = _window(make_window)
    window.session.open_path(first)
    _scroll_half(window)
    window.session.open_path(second)
    window.session.open_text("Geplakte tekst.\n\nDie komt niet in de bibliotheek.")
    activate(qtbot, window)
    QTest.keyClick(window.reader, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    library = window.library
    assert library is not None and library.isVisible()
    rows = [library.tree.topLevelItem(i) for i in range(library.tree.topLevelItemCount())]
    # Last read first, by the title on their first line; the file's name beside it.
    assert [(row.text(0), row.text(1)) for row in rows] == [("Tweede", "twee.txt"),
                                                            ("Eerste", "een.txt")]
    assert all(row.text(4).endswith(" %") for row in rows)  # coverage
    assert rows[1].text(5).endswith(" %") and rows[0].text(5) == "beginning"
    library.tree.setCurrentItem(rows[1])
    with qtbot.waitSignal(window.session.analysis_finished):
        QTest.keyClick(library.tree, Qt.Key.Key_Return)
    assert window.session.article is not None
    assert window.session.article.source == str(first.resolve())
    assert top_position(window.reader).position > 0 and not library.isVisible()


@pytest.mark.parametrize(("path", "last", "started", "expected"), [
    ("given.txt", "KEEP", False, "given.txt"),  # a path on the command line wins
    (None, "KEEP", True, "KEEP"),  # the last article
    (None, "http://127.0.0.1/a", True, "http://127.0.0.1/a"),
    (None, None, False, "sample.txt"),  # first run: the sample
    (None, None, True, None),  # later runs: nothing rather than the sample again
    (None, "gone.txt", True, None),  # the last file is no longer there
    (None, "pasted text", True, None),
])
def test_what_opens_at_start(tmp_path: Path, path: str | None, last: str | None,
                             started: bool, expected: str | None) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    kept = tmp_path / "kept.txt"
    kept.write_text("Tekst.", encoding="utf-8")
    if last is not None:
        settings.setValue(LAST_KEY, str(kept) if last == "KEEP" else str(tmp_path / last)
                          if last.endswith(".txt") else last)
    if started:
        settings.setValue("library/started", True)
    chosen = choose_start(path, settings, "sample.txt")
    assert chosen == (str(kept) if expected == "KEEP" else expected)
    assert choose_start(None, settings, "sample.txt") != "sample.txt"  # once only


def _long_book(folder: Path) -> Path:
    """Three sections of about 30,000 characters (a paragraph each is too long for two)."""
    path = folder / "boek.txt"
    path.write_text("\n\n".join(f"Deel {n}. " + f"{PARAGRAPH} " * 440 for n in range(3)),
                    encoding="utf-8")
    return path


def test_a_long_text_reopens_at_the_section_and_place_it_was_left(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    book, other = _long_book(tmp_path), _article(tmp_path, "een.txt", "Eerste")
    window = _window(make_window)
    window.session.open_path(book)
    assert len(window.session.sections) == 3
    assert window.session.next_section() and window.session.next_section()
    assert window.reader.verticalScrollBar().value() == 0  # a section opens at its top
    left_at = _scroll_half(window)
    window.session.open_path(other)
    kept = positions(window.settings)[str(book.resolve())]
    assert (kept.section, kept.position) == (2, left_at)
    assert 0.8 < kept.share < 0.9  # of the whole text: past two thirds, half the third one
    window.close()

    again = _window(make_window)
    again.session.open_path(book)
    assert again.session.section_index == 2
    assert top_position(again.reader).position == left_at
    again.session.previous_section()  # another section: from its top, not the place kept
    assert again.reader.verticalScrollBar().value() == 0


@pytest.mark.parametrize(("stored", "expected"), [
    ([5, 0.5], Position(5, 0.5, 0)),  # written before sections: the first
    ([5, 0.5, 3], Position(5, 0.5, 3)),
    ([5, 0.5, -2], Position(5, 0.5, 0)),
    ([5, 0.5, "3"], None), ([5, 0.5, 1.5], None), ([5, 0.5, True], None),
    ([5, 0.5, 3, 4], None),
])
def test_a_stored_position_is_read_with_its_section_or_refused(
    tmp_path: Path, stored: list[object], expected: Position | None
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("library/positions", json.dumps({"a": stored}))
    assert positions(settings).get("a") == expected
    if expected is not None:
        remember_position(settings, "a", expected)
        assert positions(settings)["a"] == expected


def test_positions_survive_bad_values_and_stay_bounded(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("library/positions", '{"a": [5, 0.5], "b": "x", "c": [-3, 7]}')
    assert positions(settings) == {"a": Position(5, 0.5), "c": Position(0, 1.0)}
    settings.setValue("library/positions", "not json")
    assert positions(settings) == {}
    for number in range(510):
        remember_position(settings, f"/s/{number}", Position(number, 0.1))
    kept = positions(settings)
    assert len(kept) == 500 and "/s/509" in kept and "/s/0" not in kept


def test_library_entries_one_per_source_with_times_read() -> None:
    def record(source: str, at: float, known: int) -> ReadingRecord:
        return ReadingRecord(source, None, "2024-05", "B1", at, 100, known)

    entries = library_entries(
        [record("/a.txt", 1.0, 50), record("pasted text", 2.0, 10), record("/b.txt", 3.0, 70),
         record("/a.txt", 4.0, 90)], {"/b.txt": Position(10, 0.25)})
    assert [(e.source, e.times, e.share) for e in entries] == [("/a.txt", 2, 0.9),
                                                                 ("/b.txt", 1, 0.7)]
    assert entries[1].cells()[2] == "2024-05" and entries[1].cells()[5] == "25 %"
    assert entries[0].cells()[5] == "beginning"  # no position kept
    # Without a recorded title (read before titles were kept) the file's name is the title.
    assert entries[0].cells()[:2] == ["a.txt", "a.txt"]
    web = library_entries([ReadingRecord("https://nos.nl/artikel/1", "Kabinet valt", None,
                                         "B1", 1.0, 10, 5)], {})
    assert web[0].cells()[:2] == ["Kabinet valt", "nos.nl/artikel/1"]


@pytest.mark.parametrize(("text", "title"), [
    # A heading line is the title; a paragraph lends its opening words (as pasted text).
    ("Meer mensen fietsen\n\nSteeds meer Nederlanders fietsen.", "Meer mensen fietsen"),
    ("Steeds meer Nederlanders nemen de fiets naar kantoor, want gemeenten leggen bredere "
     "fietspaden aan.", "Steeds meer Nederlanders nemen de fiets naar kantoor, want…"),
    (" date 2024-06 Kort bericht.", "Kort bericht."),  # the date is metadata, never the title
])
def test_a_text_file_is_recorded_under_its_first_line(
    make_window: WindowFactory, tmp_path: Path, text: str, title: str
) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(text, encoding="utf-8")
    window = _window(make_window)
    window.session.open_path(path)
    entries = window.show_library().entries
    assert [(e.title, e.file) for e in entries] == [(title, "artikel.txt")]
