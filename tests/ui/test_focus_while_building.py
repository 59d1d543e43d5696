"""Keyboard focus while the notes dock is still adding its cards a slice at a time (issue 15):
F6 and Tab out of the text land in the panel, as they do once it is built."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, focused, note, reading_window

import ui.notes_panel as notes_panel
from assistant.models import Category, Level
from assistant.reading.loading import article_from_text
from ui.main_window import MainWindow
from ui.notes_panel import NoteCard

NAMES = [f"Stad{n:02d}" for n in range(40)]
TEXT = "Het viaduct staat in " + " en ".join(NAMES) + "."


def _window(qtbot: QtBot, make_window: WindowFactory) -> MainWindow:
    article = article_from_text(TEXT)
    notes = tuple(note(name.lower(), name, Category.PLACE, f"Place {name}.", article)
                  for name in NAMES)
    service = FakeService({"viaduct": Level.C1},
                          entities=[(name, Category.PLACE) for name in NAMES], notes=notes)
    return reading_window(qtbot, make_window, service, TEXT)


@pytest.fixture(autouse=True)
def _one_row_per_slice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notes_panel, "SLICE_SECONDS", 0.0)


def test_f6_from_the_text_lands_on_a_card_while_the_panel_is_built(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    window.notes.set_reading(window.session.reading)  # built again: rows still to come
    assert window.notes.building and window.reader.hasFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_F6)
    focus = focused()
    assert isinstance(focus, NoteCard), focus
    qtbot.waitUntil(lambda: not window.notes.building, timeout=5000)
    assert focused() is focus


def test_f6_then_tab_walks_the_cards_while_the_panel_is_built(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    window.notes.set_reading(window.session.reading)
    QTest.keyClick(window.reader, Qt.Key.Key_F6)
    first = focused()
    assert isinstance(first, NoteCard)
    QTest.keyClick(first, Qt.Key.Key_Tab)
    second = focused()
    assert isinstance(second, NoteCard) and second is not first, second


def test_a_rebuilt_panel_keeps_the_focus_on_its_card(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    QTest.keyClick(window.reader, Qt.Key.Key_F6)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    card = focused()
    assert isinstance(card, NoteCard)
    key = card.note.key
    reading = window.session.reading
    assert reading is not None
    window.notes.set_notes(reading.notes)  # enriched notes arrive: the cards built again
    assert window.notes.building
    focus = focused()
    assert isinstance(focus, NoteCard) and focus.note.key == key, focus
    QTest.keyClick(focus, Qt.Key.Key_Tab)
    assert isinstance(focused(), NoteCard) and focused() is not focus
