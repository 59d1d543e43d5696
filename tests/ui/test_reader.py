"""The reader driven through the real window: hover cards, keyboard, toggles, level, known words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import CountingService, hand_reading, open_and_wait

from assistant.learner.known_words import KnownWords
from assistant.models import Category, Level
from assistant.service import ReadingAssistant
from ui.main_window import MainWindow


def _visible_hard_token(window: MainWindow) -> int:
    reader = window.reader
    area = reader.viewport().rect()
    for index in reader.hard_tokens():
        if area.contains(reader.token_rect(index)):
            return index
    raise AssertionError("no hard word visible")


def test_hover_hard_word_shows_card(qtbot: QtBot, window: MainWindow, shared_sample: Path) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    index = _visible_hard_token(window)
    token = reading.analysed.tokens[index]
    point = reader.token_center(index)
    assert reader.token_at(point) == index
    with qtbot.waitSignal(reader.card_shown, timeout=5000) as shown:
        QTest.mouseMove(reader.viewport(), point - QPoint(2, 0))
        QTest.mouseMove(reader.viewport(), point)
    assert shown.args == [index]
    assert reader.card.isVisible()
    text = reader.card.plain_text()
    assert text.splitlines()[0] == token.text
    card = window.service.gloss(reading, index)
    if card is not None:
        assert card.lemma in text
        for sense in card.senses[:3]:
            assert sense in text
        assert all(sense not in text for sense in card.senses[3:] if sense not in card.senses[:3])
    phrase = reader.marked_ranges().get("phrase", [])
    assert reader.token_document_range(index) in phrase
    # Leaving the text hides the card.
    with qtbot.waitSignal(reader.card_hidden, timeout=2000):
        QTest.mouseMove(reader.viewport(), QPoint(2, reader.viewport().height() - 2))
    assert not reader.card.isVisible()


def test_card_only_for_hard_words_unless_modifier(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    area = reader.viewport().rect()
    easy = next(
        t.index
        for t in reading.analysed.tokens
        if t.is_word
        and not t.hard
        and t.phrase is None
        and area.contains(reader.token_rect(t.index))
    )
    point = reader.token_center(easy)
    reader.rest_at(point, Qt.KeyboardModifier.NoModifier)
    assert not reader.card.isVisible()
    reader.rest_at(point, Qt.KeyboardModifier.ControlModifier)
    assert reader.card.isVisible()
    assert reader.card.token_index == easy
    assert reader.card.plain_text().splitlines()[0] == reading.analysed.tokens[easy].text


def test_phrase_card_highlights_whole_phrase(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    phrases = [p for p in reading.analysed.phrases if len(p.tokens) > 1]
    if not phrases:
        return
    reader = window.reader
    phrase = phrases[0]
    assert reader.show_card_for_token(phrase.tokens[0])
    card = reader.card.card
    assert card is not None
    highlighted = set(reader.marked_ranges().get("phrase", []))
    members = card.phrase_tokens or (phrase.tokens[0],)
    assert {reader.token_document_range(i) for i in members} == highlighted


def test_tab_moves_between_hard_words_and_escape_hides(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    hard = reader.hard_tokens()
    assert len(hard) >= 2
    reader.setFocus()
    QTest.keyClick(reader, Qt.Key.Key_Tab)
    assert reader.focus_token == hard[0]
    assert reader.card.isVisible() and reader.card.token_index == hard[0]
    QTest.keyClick(reader, Qt.Key.Key_Tab)
    assert reader.focus_token == hard[1]
    QTest.keyClick(reader, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert reader.focus_token == hard[0]
    QTest.keyClick(reader, Qt.Key.Key_Escape)
    assert not reader.card.isVisible()
    assert reader.hasFocus()


def test_toggle_entities_and_hard_words(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    assert reading.analysed.entities
    assert len(reader.marked_ranges()["entity"]) == len(reading.analysed.entities)
    window.entities_action.trigger()
    assert "entity" not in reader.marked_ranges()
    assert not window.legend.isVisible()
    assert reader.marked_ranges()["hard"]
    window.hard_action.trigger()
    assert "hard" not in reader.marked_ranges()
    window.entities_action.trigger()
    window.hard_action.trigger()
    assert len(reader.marked_ranges()["entity"]) == len(reading.analysed.entities)
    assert window.legend.isVisible()
    assert set(window.legend.labels()) >= {"person", "place", "organisation"}


def test_level_slider_remarks_without_new_analysis(
    qtbot: QtBot, make_window: object, service: ReadingAssistant, shared_sample: Path
) -> None:
    counting = CountingService(service)
    window = make_window(counting)  # type: ignore[operator]
    open_and_wait(qtbot, window, shared_sample)
    assert counting.reads == 1
    before = set(window.reader.hard_tokens())
    with qtbot.assertNotEmitted(window.analysis_finished):
        window.level_slider.setValue(0)
        a1 = set(window.reader.hard_tokens())
        window.level_slider.setValue(5)
        c2 = set(window.reader.hard_tokens())
    assert window.level is Level.C2
    assert window.level_label.text().strip() == "C2"
    assert counting.reads == 1
    assert c2 < a1
    assert c2 <= before <= a1
    assert len(window.reader.marked_ranges().get("hard", [])) == len(c2)


def test_mark_known_and_forget(
    qtbot: QtBot, window: MainWindow, shared_sample: Path, tmp_path: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    index = next(
        t.index for t in reading.analysed.tokens if t.hard and t.phrase is None and t.is_word
    )
    lemma = reading.analysed.tokens[index].lemma
    same = [t.index for t in reading.analysed.tokens if t.lemma == lemma]
    actions = reader.known_actions(index)
    assert actions and "I know this word" in actions[0].text()
    actions[0].trigger()
    hard_now = set(reader.hard_tokens())
    assert not hard_now & set(same)
    assert lemma.lower() in KnownWords(tmp_path / "data" / "learner.sqlite").all()
    forget = reader.known_actions(index)
    assert "Forget" in forget[0].text()
    forget[0].trigger()
    assert index in reader.hard_tokens()
    assert lemma.lower() not in KnownWords(tmp_path / "data" / "learner.sqlite").all()


def test_k_key_marks_focused_word(qtbot: QtBot, window: MainWindow, shared_sample: Path) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    reader.setFocus()
    QTest.keyClick(reader, Qt.Key.Key_Tab)
    focused = reader.focus_token
    assert focused is not None
    lemma = reading.analysed.tokens[focused].lemma
    QTest.keyClick(reader, Qt.Key.Key_K)
    assert focused not in reader.hard_tokens()
    assert lemma.lower() in window.known_words.all()


def test_known_words_survive_restart(
    qtbot: QtBot, make_window: object, service: ReadingAssistant, shared_sample: Path
) -> None:
    first = make_window(service)  # type: ignore[operator]
    reading = open_and_wait(qtbot, first, shared_sample)
    index = first.reader.hard_tokens()[0]
    lemma = reading.analysed.tokens[index].lemma
    first.set_known(lemma, True)
    first.close()
    second = make_window(service)  # type: ignore[operator]
    open_and_wait(qtbot, second, shared_sample)
    assert index not in second.reader.hard_tokens()


def test_zoom_shortcuts(qtbot: QtBot, window: MainWindow, shared_sample: Path) -> None:
    open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    size = reader.document().defaultFont().pointSizeF()
    window.zoom_in_action.trigger()
    assert reader.zoom == 1
    assert reader.document().defaultFont().pointSizeF() > size
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert reader.zoom == -1
    window.zoom_reset_action.trigger()
    assert reader.zoom == 0
    assert reader.document().defaultFont().pointSizeF() == size
    assert reader.marked_ranges()["hard"]


def test_reader_draws_no_caret_but_keys_scroll(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    flags = reader.textInteractionFlags()
    assert not flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert not flags & Qt.TextInteractionFlag.TextEditable
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    reader.setFocus()
    bar = reader.verticalScrollBar()
    assert bar.maximum() > 0
    QTest.keyClick(reader, Qt.Key.Key_PageDown)
    assert bar.value() > 0


def test_card_never_covers_the_words_line(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    area = reader.viewport().rect()
    checked = 0
    for index in reader.hard_tokens():
        line = reader.token_line_rect(index)
        if not area.contains(line):
            continue
        assert reader.show_card_for_token(index)
        card = reader.card.geometry()
        assert area.contains(card)
        assert card.top() > line.bottom() or card.bottom() < line.top()
        word = reader.token_rect(index)
        if word.left() + card.width() < area.right() - 8:
            assert card.left() == word.left()
        checked += 1
    assert checked >= 3


def test_legend_names_date_only_when_the_article_has_dates(
    window: MainWindow, service: ReadingAssistant
) -> None:
    article = service.article_from_text("Op maandag 4 september reisde Anna naar Utrecht.")
    with_date = hand_reading(
        article, entities=[("maandag 4 september", Category.DATE), ("Utrecht", Category.PLACE)]
    )
    window._set_reading(with_date)
    assert "date" in window.legend.labels()
    window._set_reading(hand_reading(article, entities=[("Utrecht", Category.PLACE)]))
    assert "date" not in window.legend.labels()
    assert "place" in window.legend.labels()
