"""Painted marks: the hard-word underline is seen in light and dark at every zoom (pixels of its
colour under the word), a separable verb or idiom is underlined as one unit with its parts
linked and its easy words not marked as hard words, and the focus ring is drawn round the word."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import hand_reading

from assistant.models import Level, Phrase, PhraseKind, Reading
from assistant.reading.loading import article_from_text
from assistant.reading.marking import Marking
from ui.decorations import line_spans
from ui.marks import MarkKind
from ui.reader import ZOOM_LIMIT, ReaderView
from ui.theme import dark_palette

TEXT = "De buurman klopte gisteren bij de minister aan en zette de plannen door."


def _reading() -> Reading:
    """'klopte … aan' one phrase (only 'klopte' hard), 'minister' a hard word."""
    reading = hand_reading(article_from_text(TEXT), hard=["minister", "klopte"])
    tokens = list(reading.analysed.tokens)
    members = tuple(t.index for t in tokens if t.text in ("klopte", "aan"))
    for index in members:
        tokens[index] = dataclasses.replace(tokens[index], phrase=0)
    phrase = Phrase(0, PhraseKind.SEPARABLE_VERB, "aankloppen", members)
    return dataclasses.replace(reading, analysed=dataclasses.replace(
        reading.analysed, tokens=tuple(tokens), phrases=(phrase,)))


def _index(reading: Reading, text: str) -> int:
    return next(t.index for t in reading.analysed.tokens if t.text == text)


def _view(qtbot: QtBot, reading: Reading, dark: bool = False, zoom: int = 0) -> ReaderView:
    view = ReaderView(lambda _r, _i: None)
    qtbot.addWidget(view)
    if dark:
        view.setPalette(dark_palette())
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_reading(reading)
    view.set_zoom(zoom)
    return view


def _image(view: ReaderView) -> QImage:
    return view.viewport().grab().toImage()


def _coloured_rows_and_columns(image: QImage, view: ReaderView, index: int,
                               colour: QColor) -> tuple[int, float]:
    """Below the token: how many pixel rows hold the colour, and the share of its columns."""
    rect = view.token_rect(index)
    rows: set[int] = set()
    columns: set[int] = set()
    for y in range(rect.top(), min(image.height(), rect.bottom() + rect.height() // 2)):
        for x in range(rect.left(), rect.right()):
            pixel = image.pixelColor(x, y)
            if max(abs(pixel.red() - colour.red()), abs(pixel.green() - colour.green()),
                   abs(pixel.blue() - colour.blue())) <= 24:
                rows.add(y)
                columns.add(x)
    return len(rows), len(columns) / max(1, rect.width())


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("zoom", [-3, 0, 4, ZOOM_LIMIT])
def test_the_hard_word_underline_is_seen_at_every_zoom(
    qtbot: QtBot, dark: bool, zoom: int
) -> None:
    reading = _reading()
    view = _view(qtbot, reading, dark, zoom)
    index = _index(reading, "minister")
    rows, share = _coloured_rows_and_columns(_image(view), view, index,
                                             view._colours.hard_underline)
    assert rows >= 2  # at least two pixels thick, thicker as the text grows
    assert 0.5 <= share < 0.9  # dashed: about two thirds of the word's width, all along it
    easy = _index(reading, "buurman")
    rows, _share = _coloured_rows_and_columns(_image(view), view, easy,
                                              view._colours.hard_underline)
    assert rows == 0


def test_the_underline_grows_with_the_zoom(qtbot: QtBot) -> None:
    reading = _reading()
    index = _index(reading, "minister")
    small = _view(qtbot, reading, zoom=0)
    large = _view(qtbot, reading, zoom=ZOOM_LIMIT)
    thin, _ = _coloured_rows_and_columns(_image(small), small, index,
                                         small._colours.hard_underline)
    thick, _ = _coloured_rows_and_columns(_image(large), large, index,
                                          large._colours.hard_underline)
    assert thick > thin


def test_a_phrase_is_one_unit_in_its_own_style_with_its_parts_linked(qtbot: QtBot) -> None:
    reading = _reading()
    view = _view(qtbot, reading)
    klopte, aan = _index(reading, "klopte"), _index(reading, "aan")
    # Both parts are marked (as one phrase) though only "klopte" is hard.
    assert view.hard_tokens() == [klopte, _index(reading, "minister")]
    hard = {(m.start, m.end): m for m in view.decorations.marks if m.kind is MarkKind.HARD}
    assert hard[view.token_document_range(aan)].phrase == 0
    assert hard[view.token_document_range(klopte)].phrase == 0
    assert hard[view.token_document_range(_index(reading, "minister"))].phrase is None
    image = _image(view)
    violet = view._colours.phrase_underline
    for part in (klopte, aan):
        rows, share = _coloured_rows_and_columns(image, view, part, violet)
        assert rows >= 2 and share >= 0.9  # solid, not dashed
    # The words between the parts carry the link, thin and in the phrase's colour.
    between = _index(reading, "gisteren")
    rows, share = _coloured_rows_and_columns(image, view, between, violet)
    assert rows >= 1 and share >= 0.9
    # ... and no hard-word underline of their own.
    rows, _share = _coloured_rows_and_columns(image, view, between, view._colours.hard_underline)
    assert rows == 0


def test_the_focus_ring_is_drawn_round_the_focused_word(qtbot: QtBot) -> None:
    reading = _reading()
    view = _view(qtbot, reading)
    view.setFocus()
    target = view.move_focus(True)
    assert target == _index(reading, "klopte")
    image = _image(view)
    rect = view.token_rect(target)
    ring = view._colours.focus
    left = [image.pixelColor(x, rect.center().y()) for x in range(rect.left() - 8, rect.left())]
    assert any(abs(p.red() - ring.red()) + abs(p.green() - ring.green())
               + abs(p.blue() - ring.blue()) < 60 for p in left)


def test_line_spans_follow_a_range_over_lines(qtbot: QtBot) -> None:
    view = _view(qtbot, _reading())
    view.resize(220, 500)
    qtbot.waitUntil(lambda: view.viewport().width() < 240)
    document = view.document()
    spans = line_spans(document, 0, document.characterCount() - 1)
    assert len(spans) >= 3  # the sentence wraps
    assert all(s.left < s.right and s.top < s.baseline < s.bottom for s in spans)
    assert [s.top for s in spans] == sorted(s.top for s in spans)
    assert line_spans(document, 5, 5) == []


def test_resting_on_either_part_of_a_phrase_highlights_both(qtbot: QtBot) -> None:
    reading = _reading()
    view = _view(qtbot, reading)
    klopte, aan = _index(reading, "klopte"), _index(reading, "aan")
    parts = sorted(view.token_document_range(i) for i in (klopte, aan))
    for part in (aan, klopte):  # "aan" is easy on its own: the phrase's card all the same
        view.hide_card()
        view.rest_at(view.token_center(part), Qt.KeyboardModifier.NoModifier)
        assert view.card.isVisible() and view.card.token_index == part
        assert sorted(view.drawn_ranges()["phrase"]) == parts
    # Moving from one part to the other keeps the card; to a word between them hides it.
    QTest.mouseMove(view.viewport(), view.token_center(aan))
    assert view.card.isVisible()
    QTest.mouseMove(view.viewport(), view.token_center(_index(reading, "gisteren")))
    assert not view.card.isVisible()
    # With the hard words switched off a phrase's easy part shows nothing.
    view.set_show_hard(False)
    view.rest_at(view.token_center(aan), Qt.KeyboardModifier.NoModifier)
    assert not view.card.isVisible()


def test_a_card_shown_or_hidden_judges_no_word_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading = _reading()
    view = _view(qtbot, reading)
    judged: list[int] = []
    judge = view.is_hard
    monkeypatch.setattr(view, "is_hard", lambda i: judged.append(i) or judge(i))
    view.set_show_entities(False)  # a toggle: the screen is judged again
    assert judged
    judged.clear()
    minister = _index(reading, "minister")
    assert view.show_card_for_token(minister)
    view.hide_card()
    view.rest_at(view.token_center(_index(reading, "aan")), Qt.KeyboardModifier.NoModifier)
    assert view.card.isVisible()
    assert len(judged) < len(reading.analysed.tokens)  # the card's checks, not the screen's
    # What the marks depend on still re-marks: a marking, a toggle.
    before = view.drawn_ranges()["hard"]
    view.set_marking(Marking(Level.C2))
    assert view.drawn_ranges().get("hard", []) != before
    view.set_marking(None)
    view.set_show_hard(False)
    assert "hard" not in view.drawn_ranges()
