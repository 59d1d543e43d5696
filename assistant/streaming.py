"""An article analysed a few blocks at a time: each part is ready to show as soon as it is parsed
(the first blocks first, the first part small), then what needs the whole article: its notes,
its time expressions and the names the notes redraw."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
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
    TokenRow,
    token_row,
)
from assistant.reading.analysis import LemmaChoices, build_analysis, with_note_entities
from assistant.reading.difficulty import Learner
from assistant.reading.separable import SeparableLexicon

if TYPE_CHECKING:
    from assistant.knowledge.base import KnowledgeBase
    from assistant.lexicon.lemmas import Lexicon
    from assistant.reading.idioms import IdiomList
    from assistant.reading.nlp import Pipeline
    from assistant.timex.expressions import RuleMatches

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


@dataclass(frozen=True, slots=True)
class Counts:
    """How many tokens, sentences, entities and phrases the parts before one hold."""

    tokens: int = 0
    sentences: int = 0
    entities: int = 0
    phrases: int = 0


@dataclass(frozen=True, slots=True)
class Placed:
    """A part's tokens, sentences, entities and phrases with the whole reading's indices and
    offsets."""

    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    phrases: tuple[Phrase, ...]

    def counts_after(self, before: Counts) -> Counts:
        """The counts of the parts up to and including this one."""
        return Counts(before.tokens + len(self.tokens), before.sentences + len(self.sentences),
                      before.entities + len(self.entities), before.phrases + len(self.phrases))


def placed(tokens: Iterable[TokenRow], sentences: Sequence[Sentence],
           entities: Sequence[Entity], phrases: Sequence[Phrase], before: Counts,
           shift: int = 0) -> Placed:
    """A part's analysis (its own indices starting at 0; its tokens as rows) with the indices
    the parts `before` it leave and its character offsets moved by `shift` (a section's start
    in its text)."""
    t, s, e, p = before.tokens, before.sentences, before.entities, before.phrases
    replace = dataclasses.replace
    return Placed(
        tuple(Token(index=index + t, start=start + shift, end=end + shift, text=text,
                    lemma=lemma, pos=pos, morph=morph, sentence=sentence + s, zipf=zipf,
                    is_word=is_word, hard=hard, phrase=None if phrase is None else phrase + p,
                    entity=None if entity is None else entity + e, like_num=like_num,
                    like_url=like_url, language=language)
              for (index, start, end, text, lemma, pos, morph, sentence, zipf, is_word, hard,
                   phrase, entity, like_num, like_url, language) in tokens),
        tuple(replace(x, index=x.index + s, start=x.start + shift, end=x.end + shift)
              for x in sentences),
        tuple(replace(x, index=x.index + e, start=x.start + shift, end=x.end + shift,
                      first_token=x.first_token + t, last_token=x.last_token + t)
              for x in entities),
        tuple(replace(x, index=x.index + p, tokens=tuple(i + t for i in x.tokens))
              for x in phrases),
    )


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
    lemma_choices: LemmaChoices | None = None,
) -> Iterator[ReadingPart | ReadingEnd]:
    """The reading of `article` in `parts` (by default `parts_of`), then its end: what
    ReadingAssistant.read gives (it reads in one part); `cancel` is looked at before each
    part (and by the pipeline between its batches). `lemma_choices`: the lemmas chosen with
    the same `lexicon` before (its parts share theirs in any case)."""
    from assistant.reading.idioms import load_idioms

    idioms = idioms if idioms is not None else load_idioms()
    assembly = ReadingAssembly(article, pipeline.info, level)
    counts = Counts()
    lemma_choices = lemma_choices if lemma_choices is not None else {}
    for first, end in parts if parts is not None else parts_of(article):
        end = min(end, len(article.blocks))
        if first >= end:
            continue
        raise_if_cancelled(cancel)
        spans = [(b.start, b.end) for b in article.blocks[first:end]]
        parsed = pipeline.parse(article.text, spans, cancel)
        analysed = build_analysis(article, parsed, pipeline.info, level, learner, idioms,
                                  separable, lexicon, lemma_choices=lemma_choices)
        moved = (Placed(analysed.tokens, analysed.sentences, analysed.entities,
                        analysed.phrases)
                 if counts == Counts()  # the first part (read()'s only one) is in place
                 else placed(map(token_row, analysed.tokens), analysed.sentences,
                             analysed.entities, analysed.phrases, counts))
        counts = moved.counts_after(counts)
        part = ReadingPart(first, end, moved.tokens, moved.sentences, moved.entities,
                           moved.phrases)
        assembly.add(part)
        yield part
    raise_if_cancelled(cancel)
    yield reading_end(assembly.analysed(), learner, knowledge)


def reading_end(whole: AnalysedArticle, learner: Learner,
                knowledge: Callable[[], KnowledgeBase],
                matches: RuleMatches | None = None) -> ReadingEnd:
    """What needs the whole article's analysis: its notes, its time expressions and the
    entities (and tokens) the notes redraw. `matches`: the time rules' matches found as the
    article's sections came in."""
    from assistant.knowledge.subjects import build_notes
    from assistant.timex.expressions import find_time_expressions

    notes = build_notes(whole, knowledge())
    redrawn = with_note_entities(whole, notes, learner)
    changed = tuple(new for new, old in zip(redrawn.tokens, whole.tokens, strict=True)
                    if new is not old)
    return ReadingEnd(notes=notes, times=find_time_expressions(redrawn, matches),
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

