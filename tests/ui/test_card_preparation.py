"""What the cards need of the whole text (its name-like words) is found after each reading a
slice at a time from the event loop, a streamed part going on from the tokens read before: the
first card of an article does not find it all on the UI thread."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import hand_reading

import ui.reader as reader_module
from assistant.lexicon import glossing
from assistant.lexicon.wordclasses import name_like_tokens
from assistant.models import Reading
from assistant.reading.loading import article_from_text
from ui.reader import ReaderView

TEXT = "\n\n".join(["Toen kwam Fortuin naar Volder in de stad."] * 60)


def _part(reading: Reading, tokens: int) -> Reading:
    analysed = reading.analysed
    return Reading(dataclasses.replace(analysed, tokens=analysed.tokens[:tokens]), (), ())


def _prepared(reading: Reading) -> bool:
    """Nothing left to find for this reading's tokens (a card would find nothing)."""
    return not list(glossing.prepare_names(reading.analysed))


@pytest.fixture
def reader(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> ReaderView:
    monkeypatch.setattr(reader_module, "PREPARE_SLICE_SECONDS", 0.0)  # a step per slice
    monkeypatch.setattr(glossing, "NAMES_STEP", 50)
    view = ReaderView(lambda _reading, _index: None)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view


def test_a_reading_is_prepared_a_slice_at_a_time(
    qtbot: QtBot, reader: ReaderView, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading = hand_reading(article_from_text(TEXT))
    assert len(reading.analysed.tokens) > 200  # several steps
    steps: list[int] = []
    real_add = glossing.NameLike.add

    def counting_add(self: glossing.NameLike, tokens: object) -> None:
        real_add(self, tokens)  # type: ignore[arg-type]
        steps.append(self.count)

    monkeypatch.setattr(glossing.NameLike, "add", counting_add)
    reader.set_reading(reading)
    assert reader.preparing and not steps  # not at once: from the event loop
    qtbot.waitUntil(lambda: not reader.preparing, timeout=5000)
    count = len(reading.analysed.tokens)
    assert steps == [*range(50, count, 50), count]  # 50 tokens a slice
    assert _prepared(reading)
    assert glossing.card_names(reading.analysed) == name_like_tokens(
        [(t.text, t.pos, t.sentence) for t in reading.analysed.tokens])


def test_a_streamed_part_is_prepared_from_where_the_last_ended(
    qtbot: QtBot, reader: ReaderView, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = hand_reading(article_from_text(TEXT))
    first = _part(whole, 120)
    reader.set_reading(first)
    qtbot.waitUntil(lambda: not reader.preparing, timeout=5000)
    read: list[int] = []
    real_add = glossing.NameLike.add

    def counting_add(self: glossing.NameLike, tokens: object) -> None:
        before = self.count
        real_add(self, tokens)  # type: ignore[arg-type]
        read.append(self.count - before)

    monkeypatch.setattr(glossing.NameLike, "add", counting_add)
    reader.set_reading(whole)
    qtbot.waitUntil(lambda: not reader.preparing, timeout=5000)
    assert sum(read) == len(whole.analysed.tokens) - 120
    assert _prepared(whole)


def test_the_same_tokens_again_start_nothing(qtbot: QtBot, reader: ReaderView) -> None:
    reading = hand_reading(article_from_text(TEXT))
    reader.set_reading(reading)
    qtbot.waitUntil(lambda: not reader.preparing, timeout=5000)
    reader.set_reading(dataclasses.replace(reading, notes=()))  # notes enriched: same tokens
    assert not reader.preparing
