"""What the reader marks, where and how: names, hard words, a note's mentions, the open card's
phrase and the keyboard focus, as document ranges with their character formats."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QTextCharFormat

from assistant.knowledge.places import is_nationality_adjective
from assistant.models import Category, Reading, Token
from ui.offsets import OffsetMap
from ui.theme import ReaderColours


class MarkKind(str, Enum):
    ENTITY = "entity"
    HARD = "hard"
    MENTION = "mention"
    PHRASE = "phrase"
    FOCUS = "focus"


@dataclass(frozen=True, slots=True)
class Mark:
    """One marked range [start, end) in Qt document positions."""

    kind: MarkKind
    start: int
    end: int
    category: Category | None = None  # entities only
    step: int | None = None  # hard words being learnt: their learning step, 1–4


def reading_marks(
    reading: Reading,
    offsets: OffsetMap,
    tokens: Sequence[tuple[int, int]],
    show_hard: bool = True,
    show_entities: bool = True,
    show_nationalities: bool = False,
    step_of: Callable[[Token], int | None] | None = None,
) -> list[Mark]:
    """The marks a reading always has: names first, hard words drawn over them. Nationality
    adjectives ("Russische") are names only when `show_nationalities` asks for them.

    `tokens` are the tokens' document ranges (ui.document.token_ranges); `step_of` gives a
    word's learning step (1–4), which marks it in that step's colour.
    """
    marks: list[Mark] = []
    analysed = reading.analysed
    if show_entities:
        for entity in analysed.entities:
            if not show_nationalities and is_nationality_adjective(entity.text):
                continue
            start, end = offsets.to_document_range(entity.start, entity.end)
            marks.append(Mark(MarkKind.ENTITY, start, end, entity.category))
    if show_hard:
        for token in analysed.tokens:
            if token.hard and 0 <= token.index < len(tokens):
                step = step_of(token) if step_of is not None else None
                marks.append(Mark(MarkKind.HARD, *tokens[token.index], step=step))
    return marks


def span_marks(kind: MarkKind, spans: Iterable[tuple[int, int]], offsets: OffsetMap) -> list[Mark]:
    """Marks for str ranges of the article text (e.g. a note's mentions)."""
    return [Mark(kind, *offsets.to_document_range(start, end)) for start, end in spans]


def token_marks(
    kind: MarkKind, indices: Iterable[int], tokens: Sequence[tuple[int, int]]
) -> list[Mark]:
    """Marks for tokens by index; indices outside the reading are left out."""
    return [Mark(kind, *tokens[index]) for index in indices if 0 <= index < len(tokens)]


def mark_format(mark: Mark, colours: ReaderColours) -> QTextCharFormat:
    """How a mark is drawn in the current palette."""
    chars = QTextCharFormat()
    if mark.kind is MarkKind.ENTITY:
        chars.setBackground(colours.entity[mark.category or Category.OTHER])
    elif mark.kind is MarkKind.HARD:
        chars.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        chars.setUnderlineColor(colours.hard_underline)
        if mark.step is not None:
            chars.setBackground(colours.learning[mark.step - 1])
    elif mark.kind is MarkKind.MENTION:
        chars.setBackground(colours.mention)
        chars.setFontUnderline(True)
    elif mark.kind is MarkKind.PHRASE:
        chars.setBackground(colours.phrase)
    else:
        chars.setBackground(colours.focus)
    return chars
