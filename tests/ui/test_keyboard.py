"""Keyboard first: F6 between the text, the notes panel and the toolbar; Tab out of the text past
its last hard word; Ctrl+[ and Ctrl+] for the level; note cards that open with Enter; a focus
ring no entity colour is near; the shortcuts page (F1)."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import (
    FakeService,
    WindowFactory,
    focused,
    hand_reading,
    note,
    reading_window,
)

from assistant.learner.statuses import Status
from assistant.models import Category, Level, Phrase, PhraseKind
from assistant.reading.loading import article_from_text
from ui.main_window import MainWindow
from ui.notes_panel import NoteCard
from ui.reader import ReaderView
from ui.shortcuts import TEXT_KEYS, ShortcutsDialog, WordCommand, action_rows, word_command
from ui.theme import reader_colours

TEXT = ("De gemeente Utrecht wil een viaduct bouwen. Rutte noemt het viaduct een "
        "ambitieus plan. De provincie betaalt de helft van de subsidie.")
HARD = {"viaduct": Level.C1, "ambitieus": Level.C1, "subsidie": Level.C1}


def _service() -> FakeService:
    article = article_from_text(TEXT)
    notes = (note("utrecht", "Utrecht", Category.PLACE, "A city in the Netherlands.", article),
             note("rutte", "Rutte", Category.PERSON, "A Dutch politician.", article))
    return FakeService(HARD, entities=[("Utrecht", Category.PLACE), ("Rutte", Category.PERSON)],
                       notes=notes)


def _window(qtbot: QtBot, make_window: WindowFactory) -> MainWindow:
    return reading_window(qtbot, make_window, _service(), TEXT)


def test_f6_moves_between_text_notes_and_toolbar_and_round(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    assert window.reader.hasFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_F6)
    assert isinstance(focused(), NoteCard)
    QTest.keyClick(focused(), Qt.Key.Key_F6)
    assert window.toolbar.isAncestorOf(focused())
    QTest.keyClick(focused(), Qt.Key.Key_F6)
    assert window.reader.hasFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.toolbar.isAncestorOf(focused())
    QTest.keyClick(focused(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.notes.isAncestorOf(focused())
    # A hidden notes panel is passed over.
    window.notes.hide()
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_F6)
    assert window.toolbar.isAncestorOf(focused())


def test_tab_walks_the_hard_words_and_names_then_leaves_the_text(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    reader = window.reader
    assert [reader.lemma_of(i) for i in reader.hard_tokens()] == [
        "viaduct", "viaduct", "ambitieus", "subsidie"]
    reading = reader.reading
    assert reading is not None
    hard = [t.index for t in reading.analysed.tokens
            if reader.is_hard(t.index) or t.text in ("Utrecht", "Rutte")]  # names with notes
    assert [reading.analysed.tokens[i].text for i in hard] == [
        "Utrecht", "viaduct", "Rutte", "viaduct", "ambitieus", "subsidie"]
    for index in hard:
        QTest.keyClick(reader, Qt.Key.Key_Tab)
        assert reader.focus_token == index and reader.card.token_index == index
    QTest.keyClick(reader, Qt.Key.Key_Tab)  # past the last: out of the text
    assert not reader.hasFocus()
    assert reader.focus_token is None and not reader.card.isVisible()
    # Shift+Tab comes back in at the last hard word on screen.
    QTest.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert reader.hasFocus() and reader.focus_token == hard[-1]
    for index in reversed(hard[:-1]):
        QTest.keyClick(reader, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert reader.focus_token == index
    QTest.keyClick(reader, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not reader.hasFocus() and reader.focus_token is None


def test_tab_stops_once_at_a_phrase_split_by_a_hard_word(qtbot: QtBot) -> None:
    text = "De buurman zette het plan van de minister door."
    reading = hand_reading(article_from_text(text), hard=["zette", "minister", "door"])
    tokens = list(reading.analysed.tokens)
    members = tuple(t.index for t in tokens if t.text in ("zette", "door"))
    for index in members:
        tokens[index] = dataclasses.replace(tokens[index], phrase=0)
    reading = dataclasses.replace(reading, analysed=dataclasses.replace(
        reading.analysed, tokens=tuple(tokens),
        phrases=(Phrase(0, PhraseKind.SEPARABLE_VERB, "doorzetten", members),)))
    view = ReaderView(lambda _r, _i: None)
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_reading(reading)
    words = reading.analysed.tokens

    def walk(forward: bool) -> list[str]:
        view.clear_focus_token()
        stops: list[str] = []
        while (index := view.move_focus(forward)) is not None:
            stops.append(words[index].text)
        return stops

    # "door" is the phrase's card again, not a stop of its own, in either direction.
    assert walk(True) == ["zette", "minister"]
    assert walk(False) == ["minister", "zette"]


def test_ctrl_brackets_change_the_level_within_a1_to_c2(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    assert window.session.level is Level.B1
    QTest.keyClick(window.reader, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert window.session.level is Level.B2
    assert window.level_slider.value() == 3 and window.level_label.text().strip() == "B2"
    for _ in range(5):
        QTest.keyClick(window.reader, Qt.Key.Key_BracketRight,
                       Qt.KeyboardModifier.ControlModifier)
    assert window.session.level is Level.C2
    assert window.reader.hard_tokens() == []  # C1 words are easy at C2
    for _ in range(7):
        QTest.keyClick(window.reader, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert window.session.level is Level.A1
    assert len(window.reader.hard_tokens()) == 4


def test_note_cards_take_the_focus_and_open_with_enter(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    # The panel adds its rows a slice at a time: Tab walks the cards once they are all in.
    qtbot.waitUntil(lambda: not window.notes.building, timeout=5000)
    window.notes.focus_first()
    card = focused()
    assert isinstance(card, NoteCard)
    with qtbot.waitSignal(window.notes.note_selected, timeout=2000) as selected:
        QTest.keyClick(card, Qt.Key.Key_Return)
    assert selected.args == [card.note.key]
    assert window.reader.highlighted_mentions == sorted(
        (m.start, m.end) for m in card.note.mentions)
    QTest.keyClick(card, Qt.Key.Key_Tab)
    other = focused()
    assert isinstance(other, NoteCard) and other is not card
    QTest.keyClick(other, Qt.Key.Key_Space)
    assert window.notes.selected_key == other.note.key
    # The focused card wears the focus ring.
    assert reader_colours(other.palette()).focus.name() in other.styleSheet()


def _lab(colour: QColor) -> tuple[float, float, float]:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour.getRgbF()[:3])
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def colour_distance(a: QColor, b: QColor) -> float:
    """CIE76 ΔE: about 2.3 is a just noticeable difference; over 25 reads as another colour."""
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = (linear(c) for c in colour.getRgbF()[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _palette(dark: bool) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1d1e21" if dark else "#ffffff"))
    return palette


@pytest.mark.parametrize("dark", [False, True])
def test_focus_ring_is_near_no_entity_or_mark_colour(dark: bool) -> None:
    colours = reader_colours(_palette(dark))
    others = {f"entity {c.value}": colour for c, colour in colours.entity.items()}
    others |= {f"learning {i}": colour for i, colour in enumerate(colours.learning, 1)}
    others |= {"mention": colours.mention, "phrase": colours.phrase,
               "hard": colours.hard_underline, "phrase underline": colours.phrase_underline}
    near = {name: round(colour_distance(colours.focus, colour))
            for name, colour in others.items() if colour_distance(colours.focus, colour) < 30}
    assert near == {}
    # A ring, not a fill: it stands out from the page (WCAG's 3:1 for what is not text).
    assert _contrast(colours.focus, _palette(dark).color(QPalette.ColorRole.Base)) >= 3


def test_the_colour_check_would_catch_the_old_focus_colour() -> None:
    organisation = reader_colours(_palette(False)).entity[Category.ORGANISATION]
    assert colour_distance(QColor("#d6e4ff"), organisation) < 30


def test_f1_lists_every_shortcut(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window)
    QTest.keyClick(window.reader, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog, "shortcutsDialog")
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = dict((what, keys) for keys, what in dialog.rows())
    native = QKeySequence.SequenceFormat.NativeText
    for action in window.actions():
        if not action.shortcut().isEmpty():
            what = action.text().replace("&", "").rstrip("…")
            assert action.shortcut().toString(native) in rows[what], what
    assert "Ctrl+]" in rows["Level up (fewer words marked)"]
    assert "F6" in rows["Next part of the window"]
    assert any("Tab" in keys for keys, _what in dialog.rows())
    assert dialog.table.rowCount() == len(dialog.rows()) + len(dialog.sections)


def test_the_text_keys_come_from_the_one_table(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window)
    reader = window.reader
    index = reader.move_focus(True)
    while index is not None and not reader.is_hard(index):  # past the names
        index = reader.move_focus(True)
    assert index is not None
    lemma = reader.lemma_of(index)
    statuses: list[tuple[str, Status]] = []
    saved: list[int] = []
    reader.status_requested.connect(lambda lemma, status: statuses.append((lemma, status)))
    reader.save_requested.connect(saved.append)
    for binding in TEXT_KEYS:
        if binding.command is not WordCommand.KNOWN:
            for key in binding.keys:
                QTest.keyClick(reader, key)
    learning = [Status.learning(step) for step in range(1, 5)]
    assert [s for _l, s in statuses if s is not Status.IGNORED] == learning
    assert (lemma, Status.IGNORED) in statuses and saved == [index]
    # A key no binding has does nothing to the word.
    assert word_command(Qt.Key.Key_Q) is None
    # The page lists the table's rows, in its order.
    dialog = window.show_shortcuts()
    assert dialog.sections[0][1] == [(b.label, b.what) for b in TEXT_KEYS]
    # The context menu offers the same keys.
    actions = reader.status_actions(index, lemma or "", reader)
    assert [a.shortcut().toString() for a in actions[:5]] == ["S", "1", "2", "3", "4"]


def test_the_page_leaves_out_media_keys(qapp: QApplication) -> None:
    action = QAction("&Open…")
    action.setShortcuts([QKeySequence("Ctrl+O"), QKeySequence(Qt.Key.Key_Open)])
    assert action_rows([action]) == [("Ctrl+O", "Open")]
