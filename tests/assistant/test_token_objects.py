"""The analyze JSON's token objects encoded a section at a time are, once mended, those the whole
reading gives: the notes' redrawn tokens and entities and names found in later text included."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable

import pytest

from assistant.learner.statuses import EMPTY_VIEW
from assistant.lexicon.glossing import card_names
from assistant.models import (
    AnalysedArticle,
    Category,
    Entity,
    GlossCard,
    GlossKind,
    Level,
    PipelineInfo,
    Reading,
    Sentence,
    Token,
)
from assistant.parallel import read_sections
from assistant.reading.loading import article_from_text, load_article
from assistant.report import (
    TOKEN_DEPTH,
    Encoded,
    TokenObjects,
    reading_to_json,
    token_to_json,
    write_json,
)
from assistant.service import ReadingAssistant

# (text, UD part of speech, sentence, hard); entities below name tokens by index.
Words = list[tuple[str, str, int, bool]]


def _analysed(words: Words, entities: tuple[tuple[int, Category], ...] = ()) -> AnalysedArticle:
    """Tokens joined by spaces; each entity one token long."""
    text = " ".join(word for word, _, _, _ in words)
    starts = [sum(len(word) + 1 for word, _, _, _ in words[:i]) for i in range(len(words))]
    entity_of = {token: index for index, (token, _) in enumerate(entities)}
    tokens = tuple(
        Token(index=i, start=starts[i], end=starts[i] + len(word), text=word, lemma=word.lower(),
              pos=pos, morph="", sentence=sentence, zipf=2.0, is_word=True, hard=hard,
              entity=entity_of.get(i))
        for i, (word, pos, sentence, hard) in enumerate(words))
    sentences = tuple(
        Sentence(n, tokens[[t.sentence for t in tokens].index(n)].start,
                 max(t.end for t in tokens if t.sentence == n))
        for n in sorted({t.sentence for t in tokens}))
    named = tuple(Entity(index, tokens[token].start, tokens[token].end, tokens[token].text,
                         "X", category, token, token)
                  for index, (token, category) in enumerate(entities))
    return AnalysedArticle(article=article_from_text(text), model=PipelineInfo("test", "0"),
                           level=Level.B1, tokens=tokens, sentences=sentences, entities=named,
                           phrases=())


class ContextGloss:
    """A gloss that says what the real cards depend on beyond their sentence: whether the
    token is left out as a name in the text so far, and its entity's category."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, reading: Reading, index: int) -> GlossCard | None:
        self.calls += 1
        analysed = reading.analysed
        token = analysed.tokens[index]
        category = (analysed.entities[token.entity].category.value
                    if token.entity is not None else "-")
        named = "name" if index in card_names(analysed) else "word"
        return GlossCard(form=token.text, lemma=token.lemma, pos=token.pos, kind=GlossKind.WORD,
                         senses=(f"{named} {category}",), source="test")


def _prefix(analysed: AnalysedArticle, end: int) -> AnalysedArticle:
    """The analysis of the first `end` tokens (a section boundary there)."""
    return dataclasses.replace(
        analysed, tokens=analysed.tokens[:end],
        sentences=tuple(s for s in analysed.sentences
                        if any(t.sentence == s.index for t in analysed.tokens[:end])),
        entities=tuple(e for e in analysed.entities if e.last_token < end))


def _whole_list(reading: Reading, gloss: Callable[[Reading, int], GlossCard | None]) -> str:
    """The tokens list as reading_to_json makes it from the whole reading."""
    items = [token_to_json(reading.analysed, t, gloss(reading, t.index) if t.hard else None)
             for t in reading.analysed.tokens]
    out = io.StringIO()
    write_json({"tokens": items}, out)
    return out.getvalue()


def _mended_list(objects: TokenObjects, reading: Reading) -> str:
    out = io.StringIO()
    write_json({"tokens": objects.finish(reading)}, out)
    return out.getvalue()


# Bakker opens sentence 0 as a common word; what later text and the notes do to it.
OPENER: Words = [("Bakker", "NOUN", 0, True), ("bakt", "VERB", 0, True), (".", "PUNCT", 0, False),
                 ("Wij", "PRON", 1, False), ("zien", "VERB", 1, True), (".", "PUNCT", 1, False)]
LATER_NAME: Words = [("Zij", "PRON", 2, False), ("belt", "VERB", 2, True),
                     ("Bakker", "PROPN", 2, False), (".", "PUNCT", 2, False)]
LATER_LOWER: Words = [("De", "DET", 2, False), ("bakker", "NOUN", 2, True),
                      (".", "PUNCT", 2, False)]
MID_NAME: Words = [("Ik", "PRON", 2, False), ("bel", "VERB", 2, True),
                   ("Bakker", "PROPN", 2, False), (".", "PUNCT", 2, False)]


def _redrawn(index: int, hard: bool) -> Callable[[AnalysedArticle], AnalysedArticle]:
    """The notes redraw token `index` (a new object), hard or not."""
    def redraw(analysed: AnalysedArticle) -> AnalysedArticle:
        tokens = list(analysed.tokens)
        tokens[index] = dataclasses.replace(tokens[index], hard=hard)
        return dataclasses.replace(analysed, tokens=tuple(tokens))
    return redraw


def _redrawn_entity(analysed: AnalysedArticle) -> AnalysedArticle:
    """The notes give entity 0 another category; its token stays the same object."""
    entities = list(analysed.entities)
    entities[0] = dataclasses.replace(entities[0], category=Category.PERSON)
    return dataclasses.replace(analysed, entities=tuple(entities))


def _unchanged(analysed: AnalysedArticle) -> AnalysedArticle:
    return analysed


@pytest.mark.parametrize(
    ("words", "entities", "boundaries", "redraw", "mended"),
    [
        # Nothing the whole text changes: no card is made again.
        (OPENER + LATER_LOWER, (), (3, 6), _unchanged, 0),
        # A later mid-sentence "Bakker" makes the opener a name: its card goes.
        (OPENER + LATER_NAME, (), (3, 6), _unchanged, 1),
        # ... but not when the opener's card was made before the name was seen.
        (OPENER + MID_NAME + LATER_LOWER, (), (3, 10), _unchanged, 0),
        # A later lower-case "bakker" takes a name back: the opener gets its card again.
        (OPENER + MID_NAME + LATER_LOWER, (), (10,), _unchanged, 1),
        # The notes redraw a token: its object (and card) again.
        (OPENER + LATER_LOWER, (), (3, 6), _redrawn(3, hard=True), 1),
        (OPENER + LATER_LOWER, (), (3, 6), _redrawn(1, hard=False), 0),
        # The notes redraw an entity of a hard token: its card again.
        (OPENER + LATER_LOWER, ((4, Category.OTHER),), (3,), _redrawn_entity, 1),
        # One section: the same as the whole.
        (OPENER + LATER_NAME, (), (), _unchanged, 0),
    ],
)
def test_mended_objects_are_those_of_the_whole_reading(
        words: Words, entities: tuple[tuple[int, Category], ...], boundaries: tuple[int, ...],
        redraw: Callable[[AnalysedArticle], AnalysedArticle], mended: int) -> None:
    merged = _analysed(words, entities)
    gloss = ContextGloss()
    objects = TokenObjects(gloss)
    first = 0
    for end in (*boundaries, len(merged.tokens)):
        objects.add(_prefix(merged, end) if end < len(merged.tokens) else merged, first)
        first = end
    made = gloss.calls
    assert made == sum(t.hard for t in merged.tokens)
    reading = Reading(redraw(merged), (), ())
    mended_list = _mended_list(objects, reading)
    assert gloss.calls - made == mended
    assert mended_list == _whole_list(reading, ContextGloss())


def test_the_sections_cards_differ_from_the_whole_ones_where_mended() -> None:
    # The case above that mends the opener, checked to be one that needs it.
    merged = _analysed(OPENER + LATER_NAME)
    gloss = ContextGloss()
    section = Reading(_prefix(merged, 3), (), ())
    whole = Reading(merged, (), ())
    assert gloss(section, 0) != gloss(whole, 0)


@pytest.mark.parametrize("first", [1, 7])
def test_tokens_added_out_of_order_are_refused(first: int) -> None:
    merged = _analysed(OPENER)
    objects = TokenObjects(ContextGloss())
    objects.add(_prefix(merged, 3), 0)
    with pytest.raises(ValueError, match="added after 3"):
        objects.add(merged, first)


def test_a_reading_with_tokens_not_added_is_refused() -> None:
    merged = _analysed(OPENER + LATER_LOWER)
    objects = TokenObjects(ContextGloss())
    objects.add(_prefix(merged, 3), 0)
    with pytest.raises(ValueError, match="3 tokens encoded of 9"):
        objects.finish(Reading(merged, (), ()))
    assert not TokenObjects(ContextGloss()).started


def test_an_empty_list_is_written_as_json_writes_it() -> None:
    objects = TokenObjects(ContextGloss())
    empty = _analysed([("x", "X", 0, False)])
    empty = dataclasses.replace(empty, tokens=(), sentences=())
    objects.add(empty, 0)
    assert objects.finish(Reading(empty, (), ())) == Encoded("[]")
    assert TOKEN_DEPTH == 2


@pytest.fixture(scope="module")
def assistant() -> ReadingAssistant:
    assistant = ReadingAssistant()
    assistant.load_pipeline()
    return assistant


def _json(reading: Reading, assistant: ReadingAssistant, tokens: Encoded | None = None) -> str:
    out = io.StringIO()
    write_json(reading_to_json(reading, assistant, tokens), out)
    return out.getvalue()


@pytest.mark.parametrize("level", [Level.A1, Level.B2])
def test_a_real_article_in_small_sections_gives_the_whole_readings_json(
        assistant: ReadingAssistant, sample_path: object, level: Level) -> None:
    # The sample's notes redraw names, and its sections of 400 characters split its
    # paragraphs at sentence ends: every way the whole text changes a section's objects.
    article = load_article(str(sample_path))
    objects = TokenObjects(assistant.gloss)
    reading = read_sections(assistant, article, level, EMPTY_VIEW, jobs=1, limit=400,
                            on_section=objects.add)
    assert objects.started
    assert reading.notes
    assert _json(reading, assistant, objects.finish(reading)) == _json(reading, assistant)
