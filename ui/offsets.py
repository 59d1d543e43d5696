"""The one place where Python str offsets and Qt (UTF-16) document positions are converted."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

# Code points above the Basic Multilingual Plane take two UTF-16 units (a surrogate pair);
# everything else, combining marks included, takes one, as in a Python str.
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def utf16_length(text: str) -> int:
    """Length of `text` in UTF-16 code units (what Qt counts)."""
    return len(text) + (0 if text.isascii() else len(_ASTRAL.findall(text)))


@dataclass(frozen=True, slots=True)
class _Segment:
    start: int  # str offset in the source text
    end: int
    doc_start: int  # Qt document position of `start`
    astral_doc: tuple[int, ...]  # doc position + 1 of each astral char, relative to doc_start
    astral_py: tuple[int, ...]  # str offset of each astral char, relative to start

    @property
    def doc_end(self) -> int:
        return self.doc_start + (self.end - self.start) + len(self.astral_py)


class OffsetMap:
    """Maps offsets of one str to positions of the QTextDocument built from slices of it.

    Each segment is a slice [start, end) of the text inserted verbatim (one char may be
    swapped for another BMP char, e.g. '\\n' → U+2028) at document position `doc_start`.
    Segments are only ever appended (a document built block by block); every lookup is a
    binary search over them.
    """

    def __init__(self, text: str, segments: Iterable[tuple[int, int, int]] = ()) -> None:
        self._text = text
        self._segments: list[_Segment] = []
        self._starts: list[int] = []
        self._doc_starts: list[int] = []
        for start, end, doc_start in segments:
            self.add(start, end, doc_start)

    @property
    def mapped_end(self) -> int:
        """The str offset where the last segment ends (0 before any): later text is not in
        the document yet."""
        return self._segments[-1].end if self._segments else 0

    def add(self, start: int, end: int, doc_start: int) -> None:
        """Record that text[start:end] was inserted at `doc_start` (segments in order)."""
        if self._segments and (
            start < self._segments[-1].end or doc_start < self._segments[-1].doc_end
        ):
            raise ValueError("segments must be added in increasing order")
        astral_py: list[int] = []
        astral_doc: list[int] = []
        piece = self._text[start:end]
        if not piece.isascii():
            for match in _ASTRAL.finditer(piece):
                relative = match.start()
                astral_doc.append(relative + len(astral_py) + 1)
                astral_py.append(relative)
        self._segments.append(
            _Segment(start, end, doc_start, tuple(astral_doc), tuple(astral_py))
        )
        self._starts.append(start)
        self._doc_starts.append(doc_start)

    def _segment_for_offset(self, offset: int) -> _Segment | None:
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        segment = self._segments[index]
        return segment if offset <= segment.end else None

    def to_document(self, offset: int) -> int:
        """Document position of str offset `offset` (an end offset maps past its last char)."""
        segment = self._segment_for_offset(offset)
        if segment is None:
            raise ValueError(f"offset {offset} is not inside any inserted text")
        relative = offset - segment.start
        return segment.doc_start + relative + bisect_right(segment.astral_py, relative - 1)

    def to_document_range(self, start: int, end: int) -> tuple[int, int]:
        return self.to_document(start), self.to_document(end)

    def from_document(self, position: int) -> int | None:
        """str offset at document position `position`; None between segments.

        A position inside a surrogate pair maps to the start of that character.
        """
        index = bisect_right(self._doc_starts, position) - 1
        if index < 0:
            return None
        segment = self._segments[index]
        if position > segment.doc_end:
            return None
        relative = position - segment.doc_start
        return segment.start + relative - bisect_right(segment.astral_doc, relative)

    def offset_near(self, position: int) -> int:
        """The str offset at document position `position`, or of the next text after it when it
        falls between segments (past the end: `mapped_end`); for windows onto the text."""
        mapped = self.from_document(position)
        if mapped is not None:
            return mapped
        index = bisect_right(self._doc_starts, position)
        return self._segments[index].start if index < len(self._segments) else self.mapped_end
