"""The reader restyles only what changed: a streamed part adds its own marks, a relevel or a known
word restyles the tokens whose hardness changed, and a long article's document is built a slice
at a time with the same text and offsets as when built whole."""

from __future__ import annotations

import dataclasses
import re

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from ui_helpers import hand_reading, zipf_hard_up_to

import ui.document as document_module
import ui.reader as reader_module
from assistant.learner.statuses import LearnerView
from assistant.models import Category, Level, Reading
from assistant.reading.loading import article_from_text
from assistant.reading.marking import Marking
from ui.document import build_document
from ui.reader import ReaderView
from ui.theme import reading_font

SENTENCE = "De gemeente Utrecht opent een loket voor de buurtbewoners van Lunetten."
FREQUENCIES = {"gemeente": zipf_hard_up_to(Level.A2), "loket": zipf_hard_up_to(Level.B1),
               "buurtbewoners": zipf_hard_up_to(Level.C1)}


def _reading() -> Reading:
    article = article_from_text("\n\n".join([SENTENCE] * 4))
    return hand_reading(article, entities=[("Utrecht", Category.PLACE)],
                        frequencies=FREQUENCIES, default_zipf=7.0)


def _part(reading: Reading, tokens: int) -> Reading:
    """The reading as streamed so far: its first `tokens` tokens and their names."""
    analysed = reading.analysed
    kept = analysed.tokens[:tokens]
    names = tuple(e for e in analysed.entities if e.last_token < tokens)
    return Reading(dataclasses.replace(analysed, tokens=kept, entities=names), (), ())


@pytest.fixture
def reader(qtbot: QtBot) -> ReaderView:
    view = ReaderView(lambda _reading, _index: None)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view


def _ranges(reader: ReaderView, reading: Reading, indices: list[int]) -> list[tuple[int, int]]:
    return sorted(reader.document_range(reading.analysed.tokens[i].start,
                                        reading.analysed.tokens[i].end) for i in indices)


def _hard_at(reading: Reading, marking: Marking) -> set[int]:
    tokens, phrases = reading.analysed.tokens, reading.analysed.phrases
    return {t.index for t in tokens if marking.hard(t, phrases)}


def test_a_streamed_part_adds_only_its_own_marks(reader: ReaderView) -> None:
    whole = _reading()
    half = len(whole.analysed.tokens) // 2
    reader.set_marking(Marking(Level.B1))
    reader.set_reading(_part(whole, half))
    judged: list[int] = []
    judge = reader.is_hard

    def counting(index: int) -> bool:
        judged.append(index)
        return judge(index)

    reader.is_hard = counting  # type: ignore[method-assign]
    reader.set_reading(whole)
    assert judged and min(judged) >= half  # the tokens before the part are not judged again
    boundary = whole.analysed.tokens[half].start
    restyled = reader.restyled_ranges()
    assert restyled  # the second half has hard words and a name
    first_new = reader.document_range(boundary, boundary)[0]
    assert all(start >= first_new for start, _end in restyled)
    assert reader.drawn_ranges() == reader.marked_ranges()  # nothing lost, nothing left over


def test_a_relevel_restyles_only_the_words_whose_hardness_changed(reader: ReaderView) -> None:
    reading = _reading()
    before, after = Marking(Level.B1), Marking(Level.A2)
    reader.set_marking(before)
    reader.set_reading(reading)
    names = reader.marked_ranges()["entity"]
    styled: list[object] = []
    reader.setExtraSelections = styled.append  # type: ignore[assignment]
    reader.set_marking(after)
    assert styled == []  # the underlines are painted: no selection is styled again
    changed = sorted(_hard_at(reading, before) ^ _hard_at(reading, after))
    assert changed  # "loket" is hard at A2, easy at B1
    assert reader.restyled_ranges() == _ranges(reader, reading, changed)
    assert not set(names) & set(reader.restyled_ranges())
    reader.set_marking(after)  # the same marking again: nothing to restyle
    assert reader.restyled_ranges() == _ranges(reader, reading, changed)
    reader.set_show_hard(True)
    assert reader.restyled_ranges() == []


def test_a_known_word_restyles_only_its_occurrences(reader: ReaderView) -> None:
    reading = _reading()
    reader.set_marking(Marking(Level.A1))
    reader.set_reading(reading)
    view = LearnerView(known=frozenset({"gemeente"}))
    reader.set_view(view)
    reader.set_marking(Marking(Level.A1, view))
    gemeente = [t.index for t in reading.analysed.tokens if t.lemma == "gemeente"]
    assert len(gemeente) == 4
    assert reader.restyled_ranges() == _ranges(reader, reading, gemeente)


def test_a_long_document_is_built_a_slice_at_a_time(
    qtbot: QtBot, reader: ReaderView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "FIRST_DOCUMENT_CHARS", 1_000)
    monkeypatch.setattr(reader_module, "BUILD_SLICE_SECONDS", 0.0)  # one piece per slice
    monkeypatch.setattr(document_module, "PIECE_CHARS", 500)
    long_paragraph = " ".join([SENTENCE] * 40)  # a block in several pieces
    article = article_from_text("\n\n".join([SENTENCE] * 30 + [long_paragraph, "Het einde."]))
    whole = build_document(article, reading_font(), QColor("gray"))
    reader.set_article(article)
    assert reader.building
    assert len(reader.document().toPlainText()) < len(whole.document.toPlainText())
    qtbot.waitUntil(lambda: not reader.building, timeout=10_000)
    assert reader.document().toPlainText() == whole.document.toPlainText()
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", article.text)]
    for start, end in words[::7]:
        assert reader.document_range(start, end) == whole.offsets.to_document_range(start, end)


def test_a_place_past_the_built_text_finishes_the_document(
    reader: ReaderView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "FIRST_DOCUMENT_CHARS", 1_000)
    article = article_from_text("\n\n".join([SENTENCE] * 60))
    reader.set_article(article)
    assert reader.building
    end = len(article.text)
    assert reader.document_range(end - 3, end)[1] == reader.document().characterCount() - 1
    assert not reader.building


def test_another_article_drops_the_old_documents_selections(reader: ReaderView) -> None:
    reading = _reading()
    reader.set_marking(Marking(Level.A1))
    reader.set_reading(reading)
    assert reader.marked_ranges()["entity"]
    other = article_from_text("Een zin zonder namen.")
    reader.set_article(other)  # no marks: nothing to style, the old selections must go
    assert reader.extraSelections() == []
    again = _reading()
    reader.set_reading(again)  # Qt measured the deleted document's cursors here
    assert reader.drawn_ranges() == reader.marked_ranges()
