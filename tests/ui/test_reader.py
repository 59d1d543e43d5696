"""The reader: driven through the real window on the sample (hover cards, keyboard, toggles, level,
known words), and alone on hand-built readings with a fake dictionary (what the card shows)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import CountingService, WindowFactory, hand_reading, open_and_wait

from assistant.knowledge.places import is_adjective_of_origin
from assistant.learner.known_words import KnownWords
from assistant.models import (
    Category,
    GlossCard,
    GlossKind,
    Level,
    Phrase,
    PhraseKind,
    Reading,
)
from assistant.reading.loading import article_from_text
from assistant.reading.marking import Marking
from assistant.service import ReadingAssistant
from ui.gloss_card import CARD_MARGIN, MAX_SENSES, card_plain_text
from ui.main_window import MainWindow
from ui.reader import GlossProvider, ReaderView, fallback_card


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
    expected = window.session.gloss(reading, index) or fallback_card(token)
    assert text == card_plain_text(expected)
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
    assert phrases  # the sample has separable verbs (binnenvallen) with either pipeline
    reader = window.reader
    phrase = phrases[0]
    assert reader.show_card_for_token(phrase.tokens[0])
    card = reader.card.card
    assert card is not None
    highlighted = set(reader.marked_ranges()["phrase"])
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
    # The other words of the focused phrase are passed over: one stop per unit.
    tokens = window.session.reading.analysed.tokens  # type: ignore[union-attr]
    phrase = tokens[hard[0]].phrase
    second = next(i for i in hard[1:] if phrase is None or tokens[i].phrase != phrase)
    QTest.keyClick(reader, Qt.Key.Key_Tab)
    assert reader.focus_token == second
    QTest.keyClick(reader, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert reader.focus_token is not None and reader.focus_token < second
    assert tokens[reader.focus_token].phrase == phrase if phrase is not None else (
        reader.focus_token == hard[0])
    QTest.keyClick(reader, Qt.Key.Key_Escape)
    assert not reader.card.isVisible()
    assert reader.hasFocus()


def test_toggle_entities_and_hard_words(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    assert reading.analysed.entities
    names = [e for e in reading.analysed.entities
             if not is_adjective_of_origin(e, reading.analysed.tokens)]
    assert 0 < len(names) < len(reading.analysed.entities)  # the sample has "Russische"
    assert len(reader.marked_ranges()["entity"]) == len(names)
    window.notes.nationality_toggle.setChecked(True)
    assert len(reader.marked_ranges()["entity"]) == len(reading.analysed.entities)
    window.notes.nationality_toggle.setChecked(False)
    assert len(reader.marked_ranges()["entity"]) == len(names)
    window.entities_action.trigger()
    assert "entity" not in reader.marked_ranges()
    assert not window.legend.isVisible()
    assert reader.marked_ranges()["hard"]
    window.hard_action.trigger()
    assert "hard" not in reader.marked_ranges()
    window.entities_action.trigger()
    window.hard_action.trigger()
    assert len(reader.marked_ranges()["entity"]) == len(names)
    assert window.legend.isVisible()
    assert set(window.legend.labels()) >= {"person", "place", "organisation"}


def test_level_slider_remarks_without_new_analysis(
    qtbot: QtBot, make_window: WindowFactory, service: ReadingAssistant, shared_sample: Path
) -> None:
    counting = CountingService(service)
    window = make_window(counting)
    open_and_wait(qtbot, window, shared_sample)
    assert counting.reads == 1
    before = set(window.reader.hard_tokens())
    with qtbot.assertNotEmitted(window.session.analysis_finished):
        window.level_slider.setValue(0)
        a1 = set(window.reader.hard_tokens())
        window.level_slider.setValue(5)
        c2 = set(window.reader.hard_tokens())
    assert window.session.level is Level.C2
    assert window.level_label.text().strip() == "C2"
    assert counting.reads == 1
    assert c2 < a1
    assert c2 <= before <= a1
    # Every hard word is marked, and besides them only the other words of their phrases.
    reading = window.session.reading
    assert reading is not None
    tokens, phrases = reading.analysed.tokens, reading.analysed.phrases
    units = {m for i in c2 if tokens[i].phrase is not None
             for m in phrases[tokens[i].phrase].tokens}  # type: ignore[index]
    marked = set(window.reader.marked_ranges().get("hard", []))
    assert {window.reader.token_document_range(i) for i in c2} <= marked
    assert marked <= {window.reader.token_document_range(i) for i in c2 | units}


def test_mark_known_and_forget(
    qtbot: QtBot, window: MainWindow, shared_sample: Path, learner_path: Path
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
    assert lemma.lower() in KnownWords(learner_path).all()
    forget = reader.known_actions(index)
    assert "Forget" in forget[0].text()
    forget[0].trigger()
    assert index in reader.hard_tokens()
    assert lemma.lower() not in KnownWords(learner_path).all()


def test_k_key_marks_focused_word(
    qtbot: QtBot, window: MainWindow, shared_sample: Path, learner_path: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    reader.setFocus()
    QTest.keyClick(reader, Qt.Key.Key_Tab)
    focused = reader.focus_token
    assert focused is not None
    lemma = reading.analysed.tokens[focused].lemma
    QTest.keyClick(reader, Qt.Key.Key_K)
    assert focused not in reader.hard_tokens()
    assert lemma.lower() in KnownWords(learner_path).all()
    assert lemma.lower() in window.session.known()


def test_known_words_survive_restart(
    qtbot: QtBot, make_window: WindowFactory, service: ReadingAssistant, shared_sample: Path
) -> None:
    first = make_window(service)
    reading = open_and_wait(qtbot, first, shared_sample)
    index = first.reader.hard_tokens()[0]
    lemma = reading.analysed.tokens[index].lemma
    first.session.set_known(lemma, True)
    first.close()
    second = make_window(service)
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
        # At the word's left edge unless that would push the card out on the right.
        word = reader.token_rect(index)
        rightmost = area.right() + 1 - CARD_MARGIN - card.width()
        assert card.left() == max(area.left() + CARD_MARGIN, min(word.left(), rightmost))
        checked += 1
    assert checked >= 3


# -- the reader alone, on hand-built readings ---------------------------------------------

TEXT = "De minister zette het plan door, zei Anna in Utrecht."


def _phrase_reading() -> Reading:
    """'zette … door' as one separable verb; 'minister' hard; Anna and Utrecht names."""
    reading = hand_reading(
        article_from_text(TEXT), hard=["minister", "zette", "door"],
        entities=[("Anna", Category.PERSON), ("Utrecht", Category.PLACE)],
    )
    tokens = list(reading.analysed.tokens)
    members = tuple(t.index for t in tokens if t.text in ("zette", "door"))
    for index in members:
        tokens[index] = dataclasses.replace(tokens[index], phrase=0)
    phrase = Phrase(0, PhraseKind.SEPARABLE_VERB, "doorzetten", members)
    analysed = dataclasses.replace(reading.analysed, tokens=tuple(tokens), phrases=(phrase,))
    return dataclasses.replace(reading, analysed=analysed)


def _index(reading: Reading, text: str) -> int:
    return next(t.index for t in reading.analysed.tokens if t.text == text)


def _reader(qtbot: QtBot, reading: Reading, gloss: GlossProvider) -> ReaderView:
    view = ReaderView(gloss)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_reading(reading)
    return view


def test_card_shows_the_first_senses_only(qtbot: QtBot) -> None:
    reading = _phrase_reading()
    senses = ("minister", "secretary", "servant", "parson", "envoy")
    card = GlossCard("minister", "minister", "NOUN", GlossKind.WORD, senses, "test", "de")
    view = _reader(qtbot, reading, lambda _r, _i: card)
    index = _index(reading, "minister")
    with qtbot.waitSignal(view.card_shown) as shown:
        view.rest_at(view.token_center(index), Qt.KeyboardModifier.NoModifier)
    assert shown.args == [index]
    lines = view.card.plain_text().splitlines()
    assert lines[:2] == ["minister", "de minister · noun"]
    assert lines[2:2 + MAX_SENSES] == [f"{n}. {s}" for n, s in enumerate(senses[:3], 1)]
    assert not set(senses[MAX_SENSES:]) & set(lines)


@pytest.mark.parametrize("failure", ["none", "raises"])
def test_card_falls_back_to_the_word_when_the_dictionary_fails(
    qtbot: QtBot, failure: str
) -> None:
    def gloss(_reading: Reading, _index: int) -> GlossCard | None:
        if failure == "raises":
            raise RuntimeError("dictionary broken")
        return None

    reading = _phrase_reading()
    view = _reader(qtbot, reading, gloss)
    index = _index(reading, "minister")
    assert view.show_card_for_token(index)
    token = reading.analysed.tokens[index]
    assert view.card.plain_text() == card_plain_text(fallback_card(token))
    assert "No dictionary entry." in view.card.plain_text()


def test_card_for_easy_words_only_with_the_modifier(qtbot: QtBot) -> None:
    reading = _phrase_reading()
    view = _reader(qtbot, reading, lambda _r, _i: None)
    point = view.token_center(_index(reading, "plan"))
    view.rest_at(point, Qt.KeyboardModifier.NoModifier)
    assert not view.card.isVisible()
    view.rest_at(point, Qt.KeyboardModifier.ControlModifier)
    assert view.card.isVisible() and view.card.token_index == _index(reading, "plan")
    names = view.token_center(_index(reading, "Anna"))
    view.rest_at(names, Qt.KeyboardModifier.ControlModifier)
    assert not view.card.isVisible()  # a name is not a word to gloss


def test_phrase_card_marks_every_part_of_the_phrase(qtbot: QtBot) -> None:
    reading = _phrase_reading()
    members = reading.analysed.phrases[0].tokens
    card = GlossCard("zette", "doorzetten", "VERB", GlossKind.PHRASE, ("to persist",), "test",
                     phrase="doorzetten", phrase_tokens=members)
    view = _reader(qtbot, reading, lambda _r, _i: card)
    assert view.show_card_for_token(members[0])
    assert sorted(view.marked_ranges()["phrase"]) == [
        view.token_document_range(i) for i in members
    ]
    view.hide_card()
    assert "phrase" not in view.marked_ranges()


def test_marks_follow_the_reading_and_the_toggles(qtbot: QtBot) -> None:
    reading = _phrase_reading()
    view = _reader(qtbot, reading, lambda _r, _i: None)
    hard = [view.token_document_range(_index(reading, w)) for w in ("minister", "zette", "door")]
    names = [view.document_range(e.start, e.end) for e in reading.analysed.entities]
    assert sorted(view.marked_ranges()["hard"]) == hard
    assert sorted(view.marked_ranges()["entity"]) == names
    view.set_show_hard(False)
    assert "hard" not in view.marked_ranges()
    view.set_show_entities(False)
    assert view.marked_ranges() == {}
    view.set_show_hard(True)
    view.set_show_entities(True)
    easier = dataclasses.replace(reading, analysed=dataclasses.replace(
        reading.analysed,
        tokens=tuple(dataclasses.replace(t, hard=t.text == "minister")
                     for t in reading.analysed.tokens),
    ))
    document = view.document()
    view.set_reading(easier)
    assert view.document() is document  # the same article: only the marks change
    assert view.marked_ranges()["hard"] == hard[:1]


def test_known_word_menu_and_key(qtbot: QtBot) -> None:
    reading = _phrase_reading()
    view = _reader(qtbot, reading, lambda _r, _i: None)
    index = _index(reading, "minister")
    requests: list[tuple[str, bool]] = []
    view.known_requested.connect(lambda lemma, known: requests.append((lemma, known)))
    [action] = view.known_actions(index)
    assert action.text() == "I know this word (“minister”)"
    action.trigger()
    view.set_known(frozenset({"minister"}))
    [forget] = view.known_actions(index)
    assert forget.text() == "Forget “minister” (mark again)"
    forget.trigger()
    assert view.known_actions(_index(reading, ",")) == []
    view.setFocus()
    view.move_focus(True)
    assert view.focus_token == index
    QTest.keyClick(view, Qt.Key.Key_K)
    assert requests == [("minister", True), ("minister", False), ("minister", False)]


def test_known_words_match_the_stored_form_of_the_lemma(qtbot: QtBot) -> None:
    reading = _phrase_reading()
    index = _index(reading, "minister")
    tokens = list(reading.analysed.tokens)
    tokens[index] = dataclasses.replace(tokens[index], lemma=" Minister")
    reading = dataclasses.replace(reading, analysed=dataclasses.replace(
        reading.analysed, tokens=tuple(tokens)))
    view = _reader(qtbot, reading, lambda _r, _i: None)
    view.set_known(frozenset({"minister"}))  # the store keeps lemmas stripped, lower-cased
    assert view.is_known(" Minister")
    [action] = view.known_actions(index)
    assert action.text().startswith("Forget")


def test_a_reading_that_grows_is_indexed_again(qtbot: QtBot) -> None:
    reading = _phrase_reading()
    tokens = reading.analysed.tokens
    first_part = dataclasses.replace(reading, analysed=dataclasses.replace(
        reading.analysed, tokens=tokens[:3]))
    view = _reader(qtbot, first_part, lambda _r, _i: None)
    with pytest.raises(IndexError):
        view.token_document_range(len(tokens) - 1)
    view.set_reading(reading)  # the same article, now with all its tokens
    last = tokens[-1]
    assert view.token_document_range(last.index) == view.document_range(last.start, last.end)
    assert view.token_at(view.token_center(_index(reading, "Utrecht"))) == _index(
        reading, "Utrecht"
    )


def test_click_on_a_name_reports_its_offset_and_escape_clears_mentions(qtbot: QtBot) -> None:
    reading = _phrase_reading()
    view = _reader(qtbot, reading, lambda _r, _i: None)
    anna = _index(reading, "Anna")
    with qtbot.waitSignal(view.text_clicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.token_center(anna))
    assert clicked.args == [reading.analysed.tokens[anna].start]
    span = (TEXT.index("Utrecht"), TEXT.index("Utrecht") + len("Utrecht"))
    view.highlight_mentions([span])
    assert view.marked_ranges()["mention"] == [view.document_range(*span)]
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert "mention" not in view.marked_ranges()
    assert view.highlighted_mentions == []


def _hard_word(n: int) -> str:
    """A word of letters only, one for each number: moeilijkba, moeilijkbb, …"""
    return "moeilijk" + "".join("abcdefghij"[int(d)] for d in f"{n:03d}")


def _long_reading(paragraphs: int) -> Reading:
    """Many paragraphs, each with one hard word of its own (`_hard_word`)."""
    text = "\n\n".join(f"Alinea noemt Utrecht en het woord {_hard_word(n)} hier."
                       for n in range(paragraphs))
    article = article_from_text(text)
    return hand_reading(article, hard=[_hard_word(n) for n in range(paragraphs)])


def test_only_the_marks_around_the_screen_are_drawn(qtbot: QtBot) -> None:
    reading = _long_reading(600)
    view = _reader(qtbot, reading, lambda _r, _i: None)
    drawn = view.drawn_ranges()["hard"]
    marked = view.marked_ranges()["hard"]
    assert len(marked) == 600
    assert drawn and set(drawn) < set(marked) and len(drawn) < 100
    first = view.token_document_range(_index(reading, _hard_word(0)))
    last = view.token_document_range(_index(reading, _hard_word(599)))
    assert first in drawn and last not in drawn
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    drawn = view.drawn_ranges()["hard"]
    assert last in drawn and first not in drawn
    assert set(drawn) < set(marked)


def test_a_new_marking_re_judges_the_words_on_screen(qtbot: QtBot) -> None:
    reading = _long_reading(3)  # every hard word has Zipf 3.0, the rest too
    view = _reader(qtbot, reading, lambda _r, _i: None)
    index = _index(reading, _hard_word(1))
    assert view.show_card_for_token(index)
    view.set_marking(Marking(Level.C1))  # 3.0 is not below C1's threshold
    assert view.hard_tokens() == [] and view.marked_ranges().get("hard") is None
    assert not view.card.isVisible()
    view.set_marking(Marking.of(Level.B1, frozenset({_hard_word(1)})))
    words = {t.index for t in reading.analysed.tokens if t.is_word}
    assert set(view.hard_tokens()) == words - {index}
    assert len(view.drawn_ranges()["hard"]) == len(words) - 1
    view.set_marking(None)  # the reading's own flags again
    assert view.hard_tokens() == [_index(reading, _hard_word(n)) for n in range(3)]
