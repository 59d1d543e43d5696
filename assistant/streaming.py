"""An article analysed a few blocks at a time: each part is ready to show as soon as it is parsed
(the first blocks first, the first part small), then what needs the whole article: its notes,
its time expressions and the names the notes redraw."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.errors import CancelCheck, raise_if_cancelled
from assistant.models import (
    AnalysedArticle,
    Article,
    Entity,
    Level,
    Phrase,
    PipelineInfo,
    Reading,
    ReadingEnd,
    ReadingPart,
    Sentence,
    Token,
)
from assistant.reading.analysis import LemmaChoices, build_analysis, with_note_entities
from assistant.reading.difficulty import Learner
from assistant.reading.separable import SeparableLexicon

if TYPE_CHECKING:
    from assistant.knowledge.base import KnowledgeBase
    from assistant.lexicon.lemmas import Lexicon
    from assistant.reading.idioms import IdiomList
    from assistant.reading.nlp import Pipeline

# Parts are whole blocks of about this many characters: the first small, so the screen is
# marked soon; later ones larger, but not so large that a cancel waits long (spaCy here does
# about 40,000 characters a second).
FIRST_PART_CHARS = 3_000
PART_CHARS = 20_000


def parts_of(article: Article, first: int = FIRST_PART_CHARS,
             size: int = PART_CHARS) -> list[tuple[int, int]]:
    """The article's blocks in parts [first_block, end_block), in order; each part at least one
    block, the first about `first` characters, the others about `size`."""
    parts: list[tuple[int, int]] = []
    begin, chars, limit = 0, 0, first
    for index, block in enumerate(article.blocks):
        chars += block.end - block.start
        if chars >= limit:
            parts.append((begin, index + 1))
            begin, chars, limit = index + 1, 0, size
    if begin < len(article.blocks):
        parts.append((begin, len(article.blocks)))
    return parts


@dataclass(slots=True)
class _Counts:
    """How many tokens, sentences, entities and phrases the parts before this one hold."""

    tokens: int = 0
    sentences: int = 0
    entities: int = 0
    phrases: int = 0


def _placed(analysed: AnalysedArticle, before: _Counts, blocks: tuple[int, int]) -> ReadingPart:
    """A part's analysis with the whole reading's indices (its own start at 0)."""
    t, s, e, p = before.tokens, before.sentences, before.entities, before.phrases
    if t == s == e == p == 0:  # the first part (read()'s only one) is placed already
        return ReadingPart(blocks[0], blocks[1], analysed.tokens, analysed.sentences,
                           analysed.entities, analysed.phrases)
    replace = dataclasses.replace
    sentence_numbers = [index + s for index in range(len(analysed.sentences))]
    tokens = tuple(
        replace(token, index=token.index + t, sentence=sentence_numbers[token.sentence],
                phrase=None if token.phrase is None else token.phrase + p,
                entity=None if token.entity is None else token.entity + e)
        for token in analysed.tokens
    )
    sentences = tuple(replace(x, index=x.index + s) for x in analysed.sentences)
    entities = tuple(replace(x, index=x.index + e, first_token=x.first_token + t,
                             last_token=x.last_token + t) for x in analysed.entities)
    phrases = tuple(replace(x, index=x.index + p, tokens=tuple(i + t for i in x.tokens))
                    for x in analysed.phrases)
    return ReadingPart(blocks[0], blocks[1], tokens, sentences, entities, phrases)


def stream_reading(
    article: Article,
    level: Level,
    learner: Learner,
    pipeline: Pipeline,
    knowledge: Callable[[], KnowledgeBase],
    separable: SeparableLexicon | None = None,
    idioms: IdiomList | None = None,
    cancel: CancelCheck | None = None,
    parts: Sequence[tuple[int, int]] | None = None,
    lexicon: Lexicon | None = None,
) -> Iterator[ReadingPart | ReadingEnd]:
    """The reading of `article` in `parts` (by default `parts_of`), then its end: what
    ReadingAssistant.read gives (it reads in one part); `cancel` is looked at before each
    part (and by the pipeline between its batches)."""
    from assistant.reading.idioms import load_idioms

    idioms = idioms if idioms is not None else load_idioms()
    assembly = ReadingAssembly(article, pipeline.info, level)
    counts = _Counts()
    lemma_choices: LemmaChoices = {}  # the parts share their words' lemmas
    for first, end in parts if parts is not None else parts_of(article):
        end = min(end, len(article.blocks))
        if first >= end:
            continue
        raise_if_cancelled(cancel)
        spans = [(b.start, b.end) for b in article.blocks[first:end]]
        parsed = pipeline.parse(article.text, spans, cancel)
        analysed = build_analysis(article, parsed, pipeline.info, level, learner, idioms,
                                  separable, lexicon, lemma_choices=lemma_choices)
        part = _placed(analysed, counts, (first, end))
        counts = _Counts(counts.tokens + len(part.tokens), counts.sentences + len(part.sentences),
                         counts.entities + len(part.entities), counts.phrases + len(part.phrases))
        assembly.add(part)
        yield part
    raise_if_cancelled(cancel)
    yield reading_end(assembly.analysed(), learner, knowledge)


def reading_end(whole: AnalysedArticle, learner: Learner,
                knowledge: Callable[[], KnowledgeBase]) -> ReadingEnd:
    """What needs the whole article's analysis: its notes, its time expressions and the
    entities (and tokens) the notes redraw."""
    from assistant.knowledge.subjects import build_notes
    from assistant.timex.expressions import find_time_expressions

    notes = build_notes(whole, knowledge())
    redrawn = with_note_entities(whole, notes, learner)
    changed = tuple(new for new, old in zip(redrawn.tokens, whole.tokens, strict=True)
                    if new is not old)
    return ReadingEnd(notes=notes, times=find_time_expressions(redrawn),
                      entities=redrawn.entities, changed_tokens=changed)


class ReadingAssembly:
    """Parts put back together, in order, into the reading they belong to."""

    def __init__(self, article: Article, model: PipelineInfo, level: Level) -> None:
        self.article = article
        self.model = model
        self.level = level
        self.next_block = 0
        self._tokens: list[Token] = []
        self._sentences: list[Sentence] = []
        self._entities: list[Entity] = []
        self._phrases: list[Phrase] = []
        self._analysed: AnalysedArticle | None = None

    @property
    def complete(self) -> bool:
        """Whether every block has its part."""
        return self.next_block >= len(self.article.blocks)

    def add(self, part: ReadingPart) -> None:
        """Append the next part; a part out of order is refused (ValueError)."""
        if part.first_block != self.next_block or part.end_block <= part.first_block:
            raise ValueError(f"part for blocks {part.first_block}–{part.end_block} out of order "
                             f"(next: {self.next_block})")
        if part.tokens and part.tokens[0].index != len(self._tokens):
            raise ValueError("part indices do not follow on")
        self._tokens += part.tokens
        self._sentences += part.sentences
        self._entities += part.entities
        self._phrases += part.phrases
        self.next_block = part.end_block
        self._analysed = None

    def analysed(self) -> AnalysedArticle:
        """The analysis of the blocks so far (those after them not analysed yet)."""
        if self._analysed is None:
            self._analysed = AnalysedArticle(
                article=self.article, model=self.model, level=self.level,
                tokens=tuple(self._tokens), sentences=tuple(self._sentences),
                entities=tuple(self._entities), phrases=tuple(self._phrases),
            )
        return self._analysed

    def reading(self) -> Reading:
        """The reading so far: no notes or time expressions until the end."""
        return Reading(self.analysed(), (), ())

    def finish(self, end: ReadingEnd) -> Reading:
        """The whole reading, once every part is in."""
        if not self.complete:
            raise ValueError(f"finished with blocks from {self.next_block} still missing")
        return finished(self.analysed(), end)


def finished(whole: AnalysedArticle, end: ReadingEnd) -> Reading:
    """The reading of a whole article's analysis and its end."""
    tokens = list(whole.tokens)
    for token in end.changed_tokens:
        tokens[token.index] = token
    analysed = dataclasses.replace(whole, tokens=tuple(tokens), entities=end.entities)
    return Reading(analysed=analysed, notes=end.notes, times=end.times)


def assembled(stream: Iterator[ReadingPart | ReadingEnd], article: Article,
              model: PipelineInfo, level: Level) -> Reading:
    """The reading a whole stream gives."""
    assembly = ReadingAssembly(article, model, level)
    for item in stream:
        if isinstance(item, ReadingPart):
            assembly.add(item)
        else:
            return assembly.finish(item)
    raise ValueError("the stream ended before its end")

