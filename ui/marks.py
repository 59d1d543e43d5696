"""What the reader marks, where and how: names, hard words, a note's mentions, the open card's
phrase and the keyboard focus, as document ranges with their character formats — only for a
window of the text at a time, found by binary search, so a long article costs no more."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from itertools import accumulate

from PySide6.QtGui import QTextCharFormat

from assistant.knowledge.places import is_adjective_of_origin
from assistant.models import Category, Entity, Reading, Token
from assistant.reading.language import is_foreign_word
from ui.offsets import OffsetMap
from ui.theme import ReaderColours

_TEXT_END = 1 << 62  # past any str offset


class MarkKind(str, Enum):
    ENTITY = "entity"
    HARD = "hard"
    MENTION = "mention"
    PHRASE = "phrase"
    FOCUS = "focus"
    FOREIGN = "foreign"


@dataclass(frozen=True, slots=True)
class Mark:
    """One marked range [start, end) in Qt document positions."""

    kind: MarkKind
    start: int
    end: int
    category: Category | None = None  # entities only
    step: int | None = None  # hard words being learnt: their learning step, 1–4
    phrase: int | None = None  # hard words of a separable verb or idiom: the phrase's index


class TextIndex:
    """Where a reading's tokens and names lie in its text (str offsets), by binary search."""

    def __init__(self, reading: Reading | None = None) -> None:
        analysed = reading.analysed if reading is not None else None
        self._token_starts = [t.start for t in analysed.tokens] if analysed else []
        self._token_ends = [t.end for t in analysed.tokens] if analysed else []
        self._entities: tuple[Entity, ...] = analysed.entities if analysed else ()
        self._entity_starts = [e.start for e in self._entities]
        # Names may overlap: the running maximum of their ends is what can be searched.
        self._entity_reach = list(accumulate((e.end for e in self._entities), max))

    @property
    def token_count(self) -> int:
        return len(self._token_starts)

    def follow(self, reading: Reading) -> int | None:
        """Index a later state of the same article's reading: a streamed part's tokens appended,
        or the same tokens restyled with its names redrawn (the end). Only what is new is
        indexed; returns the str offset where the new tokens begin (the text end when none
        are new), or None when `reading` does not follow on (nothing changed here)."""
        tokens = reading.analysed.tokens
        count = len(self._token_starts)
        if len(tokens) < count or (count and (tokens[count - 1].start != self._token_starts[-1]
                                              or tokens[count - 1].end != self._token_ends[-1])):
            return None
        added = tokens[count:]
        self._token_starts += [t.start for t in added]
        self._token_ends += [t.end for t in added]
        entities = reading.analysed.entities
        known = len(self._entities)
        if len(entities) >= known and entities[:known] == self._entities:
            new = entities[known:]
            self._entity_starts += [e.start for e in new]
            reach = self._entity_reach[-1] if self._entity_reach else 0
            self._entity_reach += list(accumulate((e.end for e in new), max, initial=reach))[1:]
        else:
            self._entity_starts = [e.start for e in entities]
            self._entity_reach = list(accumulate((e.end for e in entities), max))
        self._entities = entities
        return added[0].start if added else _TEXT_END

    def token_at(self, offset: int) -> int | None:
        """The token whose text holds str offset `offset`, or None."""
        index = bisect_right(self._token_starts, offset) - 1
        return index if index >= 0 and offset < self._token_ends[index] else None

    def tokens_between(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping [start, end) (tokens never overlap)."""
        return range(bisect_right(self._token_ends, start), bisect_left(self._token_starts, end))

    def entities_between(self, start: int, end: int) -> list[Entity]:
        first = bisect_right(self._entity_reach, start)
        last = bisect_left(self._entity_starts, end)
        return [e for e in self._entities[first:last] if e.end > start]


def reading_marks(
    reading: Reading,
    index: TextIndex,
    offsets: OffsetMap,
    window: tuple[int, int],
    is_hard: Callable[[int], bool],
    show_hard: bool = True,
    show_entities: bool = True,
    show_nationalities: bool = False,
    step_of: Callable[[Token], int | None] | None = None,
    hidden_categories: frozenset[Category] = frozenset(),
) -> list[Mark]:
    """The marks a reading always has within the str range `window`: foreign words (shown
    quietly) and names first, hard words drawn over them (every word of a separable verb or
    idiom when one of them is hard: the phrase is one unit); text not yet in the document
    (past `offsets.mapped_end`) has none.
    Adjectives of a nationality or place ("Russische", "Rotterdamse") are names only when
    `show_nationalities` asks;
    `step_of` gives a word's learning step (1–4), which marks it in that step's colour; names
    of `hidden_categories` (switched off in the legend) are not marked."""
    start, end = window[0], min(window[1], offsets.mapped_end)
    marks: list[Mark] = []
    tokens = reading.analysed.tokens
    if show_entities:
        for entity in index.entities_between(start, end):
            if entity.category in hidden_categories or (
                    not show_nationalities and is_adjective_of_origin(entity, tokens)):
                continue
            if entity.end <= offsets.mapped_end:
                marks.append(Mark(MarkKind.ENTITY, *offsets.to_document_range(
                    entity.start, entity.end), entity.category))
    for i in index.tokens_between(start, end):
        token = tokens[i]
        if token.end <= offsets.mapped_end and is_foreign_word(token):
            marks.append(Mark(MarkKind.FOREIGN, *offsets.to_document_range(token.start,
                                                                           token.end)))
    if show_hard:
        phrases = reading.analysed.phrases
        unit_hard: dict[int, bool] = {}  # a phrase is marked whole when one of its words is hard
        for i in index.tokens_between(start, end):
            token = tokens[i]
            if token.end > offsets.mapped_end:
                continue
            hard = is_hard(i)
            phrase = token.phrase
            if not hard and phrase is not None and phrase < len(phrases):
                if phrase not in unit_hard:
                    unit_hard[phrase] = any(is_hard(m) for m in phrases[phrase].tokens)
                hard = unit_hard[phrase]
            if hard:
                step = step_of(token) if step_of is not None else None
                marks.append(Mark(MarkKind.HARD, *offsets.to_document_range(
                    token.start, token.end), step=step, phrase=token.phrase))
    return marks


def span_marks(kind: MarkKind, spans: Iterable[tuple[int, int]], offsets: OffsetMap) -> list[Mark]:
    """Marks for str ranges of the article text (e.g. a note's mentions) in the document."""
    reach = offsets.mapped_end
    return [Mark(kind, *offsets.to_document_range(start, end))
            for start, end in spans if end <= reach]


def token_marks(
    kind: MarkKind, indices: Iterable[int], reading: Reading, offsets: OffsetMap
) -> list[Mark]:
    """Marks for tokens by index; indices outside the reading or the document are left out."""
    tokens = reading.analysed.tokens
    return span_marks(kind, ((tokens[i].start, tokens[i].end) for i in indices
                             if 0 <= i < len(tokens)), offsets)


def mark_format(mark: Mark, colours: ReaderColours) -> QTextCharFormat:
    """How a mark is drawn in the current palette. Hard words' underlines and the focus ring
    are painted over the text (ui/decorations.py: thick enough at every zoom, phrases linked),
    so their formats carry only a learning step's background."""
    chars = QTextCharFormat()
    if mark.kind is MarkKind.ENTITY:
        chars.setBackground(colours.entity[mark.category or Category.OTHER])
    elif mark.kind is MarkKind.HARD:
        if mark.step is not None:
            chars.setBackground(colours.learning[mark.step - 1])
    elif mark.kind is MarkKind.MENTION:
        chars.setBackground(colours.mention)
        chars.setFontUnderline(True)
    elif mark.kind is MarkKind.PHRASE:
        chars.setBackground(colours.phrase)
    elif mark.kind is MarkKind.FOREIGN:
        chars.setForeground(colours.muted)  # quiet: no gloss, nothing to learn
    return chars
