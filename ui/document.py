"""An Article as a QTextDocument for reading (title, date line, headings, paragraphs) with the
OffsetMap from the article's str offsets to the document's positions, whole or a piece at a
time; no widget."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from assistant.models import Article, BlockKind, Token
from ui.offsets import OffsetMap
from ui.theme import PARAGRAPH_LINE_HEIGHT

HEADING_LINE_HEIGHT = 120
TITLE_SCALE = 1.6
HEADING_SCALE = 1.3
META_SCALE = 0.85
# A line break inside a block: one UTF-16 unit like '\n', so offsets keep mapping one to one.
LINE_SEPARATOR = "\u2028"
# A block longer than this goes into the document in pieces (each its own OffsetMap segment),
# so that a built slice of a long document stays short however long its paragraphs.
PIECE_CHARS = 4_000


@dataclass(frozen=True, slots=True)
class ArticleDocument:
    """The document shown for an article and where each part of the article's text went."""

    document: QTextDocument
    offsets: OffsetMap


def _line_height(block_format: QTextBlockFormat, percent: int) -> None:
    block_format.setLineHeight(
        percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )


def _chars(font: QFont, colour: QColor | None = None) -> QTextCharFormat:
    chars = QTextCharFormat()
    chars.setFont(font)
    if colour is not None:
        chars.setForeground(colour)
    return chars


def _scaled(font: QFont, scale: float, bold: bool = False) -> QFont:
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * scale)
    scaled.setBold(bold)
    return scaled


def build_document(article: Article, font: QFont, muted: QColor,
                   line_height: int = PARAGRAPH_LINE_HEIGHT) -> ArticleDocument:
    """The article laid out in `font` with paragraphs' lines `line_height` per cent apart: its
    title, its date in `muted`, then its blocks.

    Only the blocks' text is mapped: the title and the date line are not part of
    Article.text, so no offset points into them.
    """
    builder = DocumentBuilder(article, font, muted, line_height)
    builder.add()
    return ArticleDocument(builder.document, builder.offsets)


class DocumentBuilder:
    """An article's document built a piece at a time (`add`): the title and date at once, then
    its blocks in order, a long block in pieces of PIECE_CHARS; the OffsetMap grows with it
    (`offsets.mapped_end`: where the text in the document ends so far)."""

    def __init__(self, article: Article, font: QFont, muted: QColor,
                 line_height: int = PARAGRAPH_LINE_HEIGHT) -> None:
        size = font.pointSizeF()
        self.article = article
        self.document = QTextDocument()
        self.document.setDefaultFont(font)
        self.document.setUndoRedoEnabled(False)
        self.offsets = OffsetMap(article.text)
        self._cursor = QTextCursor(self.document)
        self._paragraph = QTextBlockFormat()
        _line_height(self._paragraph, line_height)
        self._paragraph.setBottomMargin(size * 0.9)
        self._heading = QTextBlockFormat()
        self._heading.setTopMargin(size * 0.6)
        self._heading.setBottomMargin(size * 1.1)
        _line_height(self._heading, HEADING_LINE_HEIGHT)
        self._heading.setHeadingLevel(2)
        self._plain = _chars(font)
        self._heading_chars = _chars(_scaled(font, HEADING_SCALE, bold=True))
        self._first = True
        self._block = 0  # the next block to add (or to go on with)
        self._inside: int | None = None  # str offset reached inside the block being added
        if article.title and not repeats_opening(article):
            title_chars = _chars(_scaled(font, TITLE_SCALE, bold=True))
            self._start_block(self._heading, title_chars)
            self._cursor.insertText(article.title.replace("\n", " "), title_chars)
        if article.date is not None:
            meta_chars = _chars(_scaled(font, META_SCALE), muted)
            self._start_block(self._paragraph, meta_chars)
            self._cursor.insertText(article.date.describe(), meta_chars)

    @property
    def done(self) -> bool:
        """Whether every block is in the document."""
        return self._block >= len(self.article.blocks)

    def _start_block(self, block_format: QTextBlockFormat, chars: QTextCharFormat) -> None:
        if self._first:
            self._cursor.setBlockFormat(block_format)
            self._cursor.setCharFormat(chars)
            self._first = False
        else:
            self._cursor.insertBlock(block_format, chars)

    def add(self, chars: int | None = None, seconds: float | None = None,
            until: int | None = None) -> None:
        """Add the text that follows: at least one piece, then until about `chars` characters
        were added, `seconds` have passed or str offset `until` is in (with none of them: all
        of it)."""
        began = time.perf_counter()
        added = 0
        text, blocks, cursor = self.article.text, self.article.blocks, self._cursor
        while self._block < len(blocks):
            block = blocks[self._block]
            is_heading = block.kind is BlockKind.HEADING
            chars_format = self._heading_chars if is_heading else self._plain
            if self._inside is None:
                self._start_block(self._heading if is_heading else self._paragraph,
                                  chars_format)
                self._inside = block.start
            start = self._inside
            end = min(block.end, start + PIECE_CHARS)
            doc_start = cursor.position()
            cursor.insertText(text[start:end].replace("\n", LINE_SEPARATOR), chars_format)
            self.offsets.add(start, end, doc_start)
            added += end - start
            if end >= block.end:
                self._block += 1
                self._inside = None
            else:
                self._inside = end
            if ((chars is not None and added >= chars)
                    or (seconds is not None and time.perf_counter() - began >= seconds)
                    or (until is not None and self.offsets.mapped_end >= until)):
                break


def repeats_opening(article: Article) -> bool:
    """Whether the title only repeats the text's opening words (pasted text is titled by its
    first line): then the document does not show it twice."""
    title = (article.title or "").removesuffix("…").strip()
    return bool(title) and article.text.startswith(title)


def placeholder_document(text: str, font: QFont, muted: QColor) -> QTextDocument:
    """A document holding one muted line (what the reader shows before an article)."""
    document = QTextDocument()
    document.setDefaultFont(font)
    QTextCursor(document).insertText(text, _chars(font, muted))
    return document


def token_ranges(tokens: Sequence[Token], offsets: OffsetMap) -> tuple[tuple[int, int], ...]:
    """Each token's [start, end) in document positions, by token index."""
    return tuple(offsets.to_document_range(token.start, token.end) for token in tokens)
