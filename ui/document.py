"""An Article as a QTextDocument for reading (title, date line, headings, paragraphs) with the
OffsetMap from the article's str offsets to the document's positions; no widget."""

from __future__ import annotations

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
    size = font.pointSizeF()
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    offsets = OffsetMap(article.text)
    paragraph = QTextBlockFormat()
    _line_height(paragraph, line_height)
    paragraph.setBottomMargin(size * 0.9)
    heading = QTextBlockFormat()
    heading.setTopMargin(size * 0.6)
    heading.setBottomMargin(size * 1.1)
    _line_height(heading, HEADING_LINE_HEIGHT)
    heading.setHeadingLevel(2)
    plain = _chars(font)
    heading_chars = _chars(_scaled(font, HEADING_SCALE, bold=True))
    first = True

    def start_block(block_format: QTextBlockFormat, chars: QTextCharFormat) -> None:
        nonlocal first
        if first:
            cursor.setBlockFormat(block_format)
            cursor.setCharFormat(chars)
            first = False
        else:
            cursor.insertBlock(block_format, chars)

    if article.title and not repeats_opening(article):
        title_chars = _chars(_scaled(font, TITLE_SCALE, bold=True))
        start_block(heading, title_chars)
        cursor.insertText(article.title.replace("\n", " "), title_chars)
    if article.date is not None:
        meta_chars = _chars(_scaled(font, META_SCALE), muted)
        start_block(paragraph, meta_chars)
        cursor.insertText(article.date.describe(), meta_chars)
    text = article.text
    for block in article.blocks:
        is_heading = block.kind is BlockKind.HEADING
        chars = heading_chars if is_heading else plain
        start_block(heading if is_heading else paragraph, chars)
        doc_start = cursor.position()
        cursor.insertText(text[block.start : block.end].replace("\n", LINE_SEPARATOR), chars)
        offsets.add(block.start, block.end, doc_start)
    return ArticleDocument(document, offsets)


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
