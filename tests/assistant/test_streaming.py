"""An article analysed in parts gives the reading a whole analysis gives; parts come in order,
the first small; a cancel stops between parts."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import Cancelled
from assistant.models import (
    Article,
    Block,
    BlockKind,
    Category,
    Entity,
    Level,
    Phrase,
    PhraseKind,
    Reading,
    ReadingEnd,
    ReadingPart,
    Sentence,
    Token,
    token_row,
)
from assistant.reading.loading import article_from_text, load_article
from assistant.service import ReadingAssistant
from assistant.streaming import Counts, ReadingAssembly, assembled, parts_of, placed


@pytest.fixture(scope="module")
def assistant() -> ReadingAssistant:
    assistant = ReadingAssistant()
    assistant.load_pipeline()
    return assistant


def _article(sizes: list[int]) -> Article:
    blocks, start = [], 0
    for size in sizes:
        blocks.append(Block(BlockKind.PARAGRAPH, start, start + size))
        start += size + 2
    return Article(text="x" * start, blocks=tuple(blocks))


@pytest.mark.parametrize(
    ("sizes", "first", "size", "expected"),
    [
        ([10, 10, 10, 10], 15, 25, [(0, 2), (2, 4)]),  # the first part small, then larger
        ([100], 15, 25, [(0, 1)]),  # a block longer than a part is one part
        ([5, 5, 5, 30, 5], 12, 25, [(0, 3), (3, 4), (4, 5)]),
        ([], 15, 25, []),
    ],
)
def test_parts_are_whole_blocks_in_order(
    sizes: list[int], first: int, size: int, expected: list[tuple[int, int]]
) -> None:
    assert parts_of(_article(sizes), first, size) == expected


def _long_article(sample_path: Path, copies: int) -> Article:
    sample = load_article(sample_path)
    text = "\n\n".join([f" date {sample.date.iso()} " + sample.text if sample.date else
                        sample.text] + [sample.text] * (copies - 1))
    return article_from_text(text)


def _canonical(reading: Reading) -> tuple[object, ...]:
    """The reading with its phrases by what they are, not by their number (a whole analysis
    numbers every idiom before every separable verb; parts number theirs part by part)."""
    analysed = reading.analysed
    phrases = {p.index: (p.kind, p.lemma, p.tokens, p.meaning, p.zipf) for p in analysed.phrases}
    tokens = [(dataclasses.replace(t, phrase=None), phrases.get(t.phrase) if t.phrase is not None
               else None) for t in analysed.tokens]
    return (analysed.article, analysed.model, analysed.level, tokens, analysed.sentences,
            analysed.entities, sorted(phrases.values(), key=lambda p: p[2]), reading.notes,
            reading.times)


def test_in_parts_the_reading_is_the_whole_one(
    assistant: ReadingAssistant, sample_path: Path
) -> None:
    article = _long_article(sample_path, 3)
    assert len(article.blocks) > 6
    level, known = Level.B2, frozenset({"oorlog", "minister"})
    expected = assistant.read(article, level, known)
    pipeline = assistant.load_pipeline()
    parts = [(i, i + 2) for i in range(0, len(article.blocks), 2)]
    items = list(assistant.stream(article, level, known, parts=parts))
    assert [type(item) for item in items] == [ReadingPart] * len(parts) + [ReadingEnd]
    assert [(p.first_block, p.end_block) for p in items[:-1]] == [
        (a, min(b, len(article.blocks))) for a, b in parts]
    reading = assembled(iter(items), article, pipeline, level)
    assert _canonical(reading) == _canonical(expected)
    assert reading.notes and reading.analysed.entities and reading.analysed.phrases


def test_the_default_parts_give_it_too(assistant: ReadingAssistant, sample_path: Path) -> None:
    article = load_article(sample_path)
    reading = assembled(assistant.stream(article), article, assistant.load_pipeline(), Level.B1)
    assert _canonical(reading) == _canonical(assistant.read(article))


def test_a_cancel_stops_between_parts(assistant: ReadingAssistant, sample_path: Path) -> None:
    article = _long_article(sample_path, 2)
    cancel = threading.Event()
    stream: Iterator[ReadingPart | ReadingEnd] = assistant.stream(
        article, cancel=cancel, parts=[(i, i + 1) for i in range(len(article.blocks))])
    first = next(stream)
    assert isinstance(first, ReadingPart) and first.first_block == 0
    cancel.set()
    with pytest.raises(Cancelled):
        next(stream)


def test_the_assembly_takes_parts_in_order_only(
    assistant: ReadingAssistant, sample_path: Path
) -> None:
    article = _long_article(sample_path, 2)
    info = assistant.load_pipeline()
    items = list(assistant.stream(article, parts=[(0, 1), (1, len(article.blocks))]))
    first, second, end = items
    assert isinstance(first, ReadingPart) and isinstance(second, ReadingPart)
    assert isinstance(end, ReadingEnd)
    assembly = ReadingAssembly(article, info, Level.B1)
    with pytest.raises(ValueError, match="out of order"):
        assembly.add(second)
    assembly.add(first)
    partial = assembly.reading()
    assert partial.analysed.tokens == first.tokens and partial.notes == ()
    with pytest.raises(ValueError, match="still missing"):
        assembly.finish(end)
    assembly.add(second)
    assert assembly.complete
    assert assembly.reading().analysed.tokens[len(first.tokens)] == second.tokens[0]
    whole = assembly.finish(end)
    assert [t.index for t in whole.analysed.tokens] == list(range(len(whole.analysed.tokens)))


# A part's own analysis: token 0 in entity 0, tokens 1-2 a phrase, token 2 in nothing.
PART_TOKENS = tuple(
    Token(index=i, start=s, end=e, text=t, lemma=t, pos="X", morph="", sentence=0, zipf=3.0,
          is_word=True, hard=False, phrase=p, entity=n, like_num=i == 1, like_url=False,
          language="en" if i == 2 else "nl")
    for i, (s, e, t, p, n) in enumerate([(0, 3, "Jan", None, 0), (4, 8, "belt", 0, None),
                                          (9, 11, "op", 0, None)]))
PART_SENTENCE = Sentence(0, 0, 11, "nl")
PART_ENTITY = Entity(0, 0, 3, "Jan", "PER", Category.PERSON, 0, 0)
PART_PHRASE = Phrase(0, PhraseKind.SEPARABLE_VERB, "opbellen", (1, 2), None, 2.0)


@pytest.mark.parametrize(
    ("before", "shift"),
    [(Counts(), 0), (Counts(10, 2, 3, 4), 0), (Counts(), 100), (Counts(10, 2, 3, 4), 100)],
)
def test_a_part_is_placed_after_the_parts_before_it(before: Counts, shift: int) -> None:
    moved = placed(map(token_row, PART_TOKENS), (PART_SENTENCE,), (PART_ENTITY,),
                   (PART_PHRASE,), before, shift)
    t, s, e, p = before.tokens, before.sentences, before.entities, before.phrases
    assert moved.tokens == tuple(
        dataclasses.replace(x, index=x.index + t, start=x.start + shift, end=x.end + shift,
                            sentence=s, phrase=None if x.phrase is None else x.phrase + p,
                            entity=None if x.entity is None else x.entity + e)
        for x in PART_TOKENS)
    assert [x.language for x in moved.tokens] == ["nl", "nl", "en"]  # untouched fields kept
    assert [x.like_num for x in moved.tokens] == [False, True, False]
    assert moved.sentences == (Sentence(s, shift, 11 + shift, "nl"),)
    assert moved.entities == (Entity(e, shift, 3 + shift, "Jan", "PER", Category.PERSON, t, t),)
    assert moved.phrases == (dataclasses.replace(PART_PHRASE, index=p, tokens=(1 + t, 2 + t)),)
    assert moved.counts_after(before) == Counts(t + 3, s + 1, e + 1, p + 1)
