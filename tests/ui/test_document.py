"""The reader's document and marks, built without a widget: blocks, formats, offsets, ranges."""

from __future__ import annotations

import pytest
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication
from ui_helpers import hand_reading

from assistant.models import Article, ArticleDate, Block, BlockKind, Category
from ui.document import (
    HEADING_LINE_HEIGHT,
    LINE_SEPARATOR,
    PARAGRAPH_LINE_HEIGHT,
    build_document,
    placeholder_document,
    token_ranges,
)
from ui.marks import (
    Mark,
    MarkKind,
    TextIndex,
    mark_format,
    reading_marks,
    span_marks,
    token_marks,
)
from ui.offsets import OffsetMap
from ui.theme import reader_colours, reading_font

HEADING = "Kop met 😀"
PARAGRAPH = "Mark Rutte sprak\nin Zoetermeer over 𝄞 café."
TEXT = f"{HEADING}\n\n{PARAGRAPH}"
MUTED = QColor("#6b6b6b")


def _article(title: str | None = "De titel", date: ArticleDate | None = None) -> Article:
    paragraph_start = len(HEADING) + 2
    return Article(
        text=TEXT,
        blocks=(Block(BlockKind.HEADING, 0, len(HEADING)),
                Block(BlockKind.PARAGRAPH, paragraph_start, len(TEXT))),
        date=date,
        title=title,
    )


def _blocks(document: QTextDocument) -> list[str]:
    block = document.begin()
    texts = []
    while block.isValid():
        texts.append(block.text())
        block = block.next()
    return texts


def _chars(block: QTextBlock) -> QTextCharFormat:
    """The character format of the block's first character."""
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 1)
    return cursor.charFormat()


def _selected(document: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


@pytest.fixture
def font(qapp: QApplication) -> QFont:
    return reading_font(12.0)


def test_title_date_heading_and_paragraph_become_blocks(font: QFont) -> None:
    built = build_document(_article(date=ArticleDate(2023, 9)), font, MUTED)
    document = built.document
    assert _blocks(document) == [
        "De titel", "September 2023", HEADING, PARAGRAPH.replace("\n", LINE_SEPARATOR)
    ]
    title, date, heading, paragraph = (document.findBlockByNumber(i) for i in range(4))
    assert title.blockFormat().headingLevel() == 2
    assert _chars(title).font().bold()
    assert _chars(date).foreground().color() == MUTED
    assert heading.blockFormat().headingLevel() == 2
    assert heading.blockFormat().lineHeight() == HEADING_LINE_HEIGHT
    assert _chars(heading).font().pointSizeF() > font.pointSizeF()
    assert not _chars(paragraph).font().bold()
    assert paragraph.blockFormat().headingLevel() == 0
    assert paragraph.blockFormat().lineHeight() == PARAGRAPH_LINE_HEIGHT
    assert document.defaultFont().pointSizeF() == font.pointSizeF()


def test_offsets_map_only_the_article_text(font: QFont) -> None:
    built = build_document(_article(date=ArticleDate(2023)), font, MUTED)
    offsets, document = built.offsets, built.document
    for block in _article().blocks:
        start, end = offsets.to_document_range(block.start, block.end)
        expected = TEXT[block.start:block.end].replace("\n", LINE_SEPARATOR)
        assert _selected(document, start, end) == expected
        assert offsets.from_document(start) == block.start
    assert offsets.from_document(0) is None  # the title is not part of the text
    for word in ("Rutte", "Zoetermeer", "café"):
        at = TEXT.index(word)
        assert _selected(document, *offsets.to_document_range(at, at + len(word))) == word


def test_without_title_or_date_the_text_starts_the_document(font: QFont) -> None:
    built = build_document(_article(title=None), font, MUTED)
    assert _blocks(built.document)[0] == HEADING
    assert built.offsets.to_document(0) == 0


def test_placeholder_is_one_muted_line(font: QFont) -> None:
    document = placeholder_document("Open an article.", font, MUTED)
    assert _blocks(document) == ["Open an article."]
    assert _chars(document.begin()).foreground().color() == MUTED


def test_token_ranges_select_each_token(font: QFont) -> None:
    article = _article()
    reading = hand_reading(article)
    built = build_document(article, font, MUTED)
    ranges = token_ranges(reading.analysed.tokens, built.offsets)
    assert len(ranges) == len(reading.analysed.tokens)
    for token, (start, end) in zip(reading.analysed.tokens, ranges, strict=True):
        assert _selected(built.document, start, end) == token.text


def test_reading_marks_names_then_hard_words_as_the_toggles_say(font: QFont) -> None:
    article = _article()
    reading = hand_reading(article, hard=["sprak", "café"],
                           entities=[("Mark Rutte", Category.PERSON),
                                     ("Zoetermeer", Category.PLACE)])
    built = build_document(article, font, MUTED)
    index = TextIndex(reading)
    tokens = reading.analysed.tokens
    everything = (0, len(TEXT))

    def hard(i: int) -> bool:
        return tokens[i].hard

    marks = reading_marks(reading, index, built.offsets, everything, hard)
    assert [(m.kind, _selected(built.document, m.start, m.end), m.category) for m in marks] == [
        (MarkKind.ENTITY, "Mark Rutte", Category.PERSON),
        (MarkKind.ENTITY, "Zoetermeer", Category.PLACE),
        (MarkKind.HARD, "sprak", None),
        (MarkKind.HARD, "café", None),
    ]
    only_hard = reading_marks(reading, index, built.offsets, everything, hard,
                              show_entities=False)
    assert {m.kind for m in only_hard} == {MarkKind.HARD}
    only_names = reading_marks(reading, index, built.offsets, everything, hard, show_hard=False)
    assert {m.kind for m in only_names} == {MarkKind.ENTITY}
    assert reading_marks(reading, index, built.offsets, everything, hard, False, False) == []
    nothing_hard = reading_marks(reading, index, built.offsets, everything, lambda _i: False)
    assert {m.kind for m in nothing_hard} == {MarkKind.ENTITY}


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        (("Rutte", "sprak"), ["Mark Rutte", "sprak"]),  # a name that starts before the window
        (("sprak", "sprak"), ["sprak"]),
        (("in", "over"), ["Zoetermeer"]),
        (("over", "."), ["café"]),
        (("Kop", "😀"), []),
    ],
)
def test_reading_marks_only_within_the_window(
    font: QFont, window: tuple[str, str], expected: list[str]
) -> None:
    article = _article()
    reading = hand_reading(article, hard=["sprak", "café"],
                           entities=[("Mark Rutte", Category.PERSON),
                                     ("Zoetermeer", Category.PLACE)])
    built = build_document(article, font, MUTED)
    first, last = window
    start = TEXT.index(first)
    end = TEXT.index(last, start) + len(last)
    tokens = reading.analysed.tokens
    marks = reading_marks(reading, TextIndex(reading), built.offsets, (start, end),
                          lambda i: tokens[i].hard)
    assert [_selected(built.document, m.start, m.end) for m in marks
            if m.kind is MarkKind.ENTITY] + [
        _selected(built.document, m.start, m.end) for m in marks if m.kind is MarkKind.HARD
    ] == expected


def test_text_not_in_the_document_yet_has_no_marks(font: QFont) -> None:
    article = _article()
    reading = hand_reading(article, hard=["Kop", "sprak"],
                           entities=[("Zoetermeer", Category.PLACE)])
    built = build_document(article, font, MUTED)
    heading_only = OffsetMap(TEXT, [(0, len(HEADING), built.offsets.to_document(0))])
    tokens = reading.analysed.tokens
    marks = reading_marks(reading, TextIndex(reading), heading_only, (0, len(TEXT)),
                          lambda i: tokens[i].hard)
    assert [(m.kind, _selected(built.document, m.start, m.end)) for m in marks] == [
        (MarkKind.HARD, "Kop")
    ]
    at = TEXT.index("Zoetermeer")
    assert span_marks(MarkKind.MENTION, [(at, at + 10)], heading_only) == []


def test_text_index_finds_tokens_and_names() -> None:
    article = _article()
    reading = hand_reading(article, entities=[("Mark Rutte", Category.PERSON)])
    index = TextIndex(reading)
    tokens = reading.analysed.tokens
    at = TEXT.index("Rutte")
    [rutte] = [t.index for t in tokens if t.text == "Rutte"]
    assert index.token_at(at) == rutte and index.token_at(at + 4) == rutte
    assert index.token_at(at + 5) is None  # the space after it
    assert [tokens[i].text for i in index.tokens_between(at + 2, at + 7)] == ["Rutte", "sprak"]
    assert index.tokens_between(at + 5, at + 6) == range(rutte + 1, rutte + 1)
    assert [e.text for e in index.entities_between(at, at + 1)] == ["Mark Rutte"]
    assert index.entities_between(at + 5, len(TEXT)) == []
    assert TextIndex().token_at(0) is None


def test_span_and_token_marks(font: QFont) -> None:
    article = _article()
    reading = hand_reading(article)
    built = build_document(article, font, MUTED)
    ranges = token_ranges(reading.analysed.tokens, built.offsets)
    at = TEXT.index("Zoetermeer")
    [mention] = span_marks(MarkKind.MENTION, [(at, at + 10)], built.offsets)
    assert _selected(built.document, mention.start, mention.end) == "Zoetermeer"
    count = len(ranges)
    assert token_marks(MarkKind.FOCUS, [0, count, -1], reading, built.offsets) == [
        Mark(MarkKind.FOCUS, *ranges[0])
    ]


def test_mark_formats(qapp: QApplication) -> None:
    colours = reader_colours()
    # Hard words' underlines and the focus ring are painted (ui/decorations.py), not formats.
    hard = mark_format(Mark(MarkKind.HARD, 0, 1), colours)
    assert hard.underlineStyle() is QTextCharFormat.UnderlineStyle.NoUnderline
    assert not hard.hasProperty(QTextCharFormat.Property.BackgroundBrush)
    learning = mark_format(Mark(MarkKind.HARD, 0, 1, step=2), colours)
    assert learning.background().color() == colours.learning[1]
    place = mark_format(Mark(MarkKind.ENTITY, 0, 1, Category.PLACE), colours)
    assert place.background().color() == colours.entity[Category.PLACE]
    mention = mark_format(Mark(MarkKind.MENTION, 0, 1), colours)
    assert mention.background().color() == colours.mention and mention.fontUnderline()
    assert mark_format(Mark(MarkKind.PHRASE, 0, 1), colours).background().color() == (
        colours.phrase
    )
    focus = mark_format(Mark(MarkKind.FOCUS, 0, 1), colours)
    assert not focus.hasProperty(QTextCharFormat.Property.BackgroundBrush)
