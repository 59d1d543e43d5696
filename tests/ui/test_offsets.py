"""Python str offsets ↔ Qt document positions, including astral characters and accents."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot
from ui_helpers import hand_reading

from assistant.models import Category
from assistant.reading.loading import article_from_text
from ui.offsets import OffsetMap, utf16_length
from ui.reader import ReaderView


def test_utf16_length_counts_surrogate_pairs() -> None:
    assert utf16_length("abc") == 3
    assert utf16_length("😀") == 2
    assert utf16_length("e\u0301") == 2
    assert utf16_length("a😀b𝄞") == 6


def test_emoji_before_entity_maps_past_the_surrogate_pair() -> None:
    text = "😀 Rutte"
    mapping = OffsetMap(text, [(0, len(text), 0)])
    start = text.index("Rutte")
    assert start == 2
    assert mapping.to_document_range(start, len(text)) == (3, 8)
    assert mapping.from_document(3) == 2


def test_position_inside_surrogate_pair_maps_to_its_character() -> None:
    text = "a😀b"
    mapping = OffsetMap(text, [(0, 3, 10)])
    assert [mapping.from_document(p) for p in range(10, 15)] == [0, 1, 1, 2, 3]


def test_segments_and_gaps() -> None:
    text = "Kop\n\nTekst 😀 hier"
    mapping = OffsetMap(text)
    mapping.add(0, 3, 0)
    mapping.add(5, len(text), 4)  # the document has one separator between blocks
    assert mapping.to_document(5) == 4
    assert mapping.to_document(len(text)) == 4 + utf16_length(text[5:])
    assert mapping.from_document(3) == 3
    assert mapping.from_document(4) == 5
    with pytest.raises(ValueError):
        mapping.to_document(4)
    with pytest.raises(ValueError):
        mapping.add(0, 1, 100)


@given(st.lists(st.sampled_from(["a", "é", "e\u0301", "😀", " ", "𝄞", "ĳ", "\u0308"])))
def test_round_trip(pieces: list[str]) -> None:
    text = "".join(pieces)
    mapping = OffsetMap(text, [(0, len(text), 7)])
    for offset in range(len(text) + 1):
        position = mapping.to_document(offset)
        assert position == 7 + utf16_length(text[:offset])
        assert mapping.from_document(position) == offset


@given(st.lists(st.lists(st.sampled_from(["a", "é", "😀", " ", "𝄞"]), min_size=1), min_size=1))
def test_many_segments_map_like_one_at_a_time(blocks: list[list[str]]) -> None:
    """Blocks joined by one separator, as the document has them; each segment is looked up
    among all the others (an offset between blocks belongs to none)."""
    texts = ["".join(block) for block in blocks]
    text = "\n".join(texts)
    mapping = OffsetMap(text)
    start = position = 0
    expected: dict[int, int] = {}
    for piece in texts:
        assert mapping.mapped_end == max(start - 1, 0)
        mapping.add(start, start + len(piece), position)
        for offset in range(len(piece) + 1):
            expected[start + offset] = position + utf16_length(piece[:offset])
        start += len(piece) + 1
        position += utf16_length(piece) + 1
    assert mapping.mapped_end == len(text)
    for offset, doc in expected.items():
        assert mapping.to_document(offset) == doc
        assert mapping.from_document(doc) == offset


def _document_text(view: ReaderView, start: int, end: int) -> str:
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_reader_document_ranges_select_the_right_text(qtbot: QtBot) -> None:
    text = (
        "Kop met 😀 emoji\n\n"
        "😀😀 Mark Rutte sprak in Zoetermeer over café\u0301 en naïeve plannen."
    )
    article = article_from_text(text)
    reading = hand_reading(
        article,
        hard=["plannen"],
        entities=[("Mark Rutte", Category.PERSON), ("Zoetermeer", Category.PLACE)],
    )
    view = ReaderView(lambda _r, _i: None)
    qtbot.addWidget(view)
    view.set_reading(reading)
    for entity in reading.analysed.entities:
        start, end = view.document_range(entity.start, entity.end)
        assert _document_text(view, start, end) == entity.text
    for token in reading.analysed.tokens:
        start, end = view.token_document_range(token.index)
        assert _document_text(view, start, end) == token.text
    ranges = view.marked_ranges()
    expected = [view.document_range(e.start, e.end) for e in reading.analysed.entities]
    assert sorted(ranges["entity"]) == sorted(expected)
    assert [_document_text(view, *r) for r in ranges["hard"]] == ["plannen"]
