"""Long texts in sections the window reads one at a time: cut at chapters, paragraphs, sentences."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from assistant.models import Article, Block, BlockKind, Chapter
from assistant.reading.loading import opening_title
from assistant.reading.nlp import pipeline_pieces

# The most characters the reading window shows and analyses at once (about 8,000 words, a long
# chapter): its document, marks and reading stay small whatever the book's length.
SECTION_CHARS = 50_000


@dataclass(frozen=True, slots=True)
class Section:
    """[start, end) of Article.text, read as one part; `title` names it in the list of parts."""

    index: int
    start: int
    end: int
    title: str
    chapter: int | None = None  # the Article.chapters entry it belongs to


@dataclass(frozen=True, slots=True)
class _Run:
    """Blocks read together unless too long: a chapter, or the text before the first one."""

    blocks: tuple[Block, ...]
    chapter: int | None


def split_sections(article: Article, limit: int = SECTION_CHARS) -> tuple[Section, ...]:
    """The article's sections, in text order: one, the whole text, when it has at most `limit`
    characters; else each chapter is one (a longer chapter is cut into parts, "Title (1/3)"),
    cut between blocks, and a block longer than `limit` at sentence ends (else at a space).
    Never an empty section; the white space between two sections belongs to neither."""
    if limit < 1:
        raise ValueError(f"a section needs at least one character, not {limit}")
    text = article.text
    if len(text) <= limit:
        return (Section(0, 0, len(text), article.title or "Whole text"),)
    blocks = article.blocks or (Block(BlockKind.PARAGRAPH, 0, len(text)),)
    spans: list[tuple[int, int, int | None, int, int]] = []  # start, end, chapter, part, parts
    for run in _runs(blocks, article.chapters):
        parts = _pack(text, run.blocks, limit)
        spans.extend((start, end, run.chapter, number, len(parts))
                     for number, (start, end) in enumerate(parts, 1))
    return tuple(
        Section(index, start, end, _title(article, chapter, number, parts, index), chapter)
        for index, (start, end, chapter, number, parts) in enumerate(spans)
    )


def _runs(blocks: tuple[Block, ...], chapters: tuple[Chapter, ...]) -> list[_Run]:
    """Blocks grouped by chapter: a chapter starts at the first block not before its start."""
    starts = [block.start for block in blocks]
    firsts = [(bisect.bisect_left(starts, chapter.start), number)
              for number, chapter in enumerate(chapters)]
    runs: list[_Run] = []
    edges = [(0, None), *firsts, (len(blocks), None)]
    for (first, chapter), (last, _next) in itertools.pairwise(edges):
        if last > first:
            runs.append(_Run(blocks[first:last], chapter))
    return runs


def _pack(text: str, blocks: tuple[Block, ...], limit: int) -> list[tuple[int, int]]:
    """Whole blocks (or pieces of a longer one) put together while they fit in `limit`."""
    units: list[tuple[int, int]] = []
    for block in blocks:
        if block.end <= block.start:
            continue
        if block.end - block.start <= limit:
            units.append((block.start, block.end))
        else:
            for start, end in pipeline_pieces(text, block.start, block.end, limit):
                while end > start and text[end - 1].isspace():  # cut at the second of two
                    end -= 1
                if end > start:
                    units.append((start, end))
    parts: list[tuple[int, int]] = []
    for start, end in units:
        if parts and end - parts[-1][0] <= limit:
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((start, end))
    return parts


def _title(article: Article, chapter: int | None, number: int, parts: int, index: int) -> str:
    if chapter is not None:
        name = article.chapters[chapter].title
    elif article.chapters:
        name = "Opening"  # before the book's first chapter: a title page, a preface
    else:
        return f"Part {index + 1}"
    return f"{name} ({number}/{parts})" if parts > 1 else name


def chosen_section(sections: tuple[Section, ...], index: int) -> Section:
    """Section number `index`, the last one past the end (a remembered place in a text that
    has since shrunk), the first one before the start."""
    return sections[max(0, min(index, len(sections) - 1))]


def section_at(sections: tuple[Section, ...], offset: int) -> int:
    """The index of the section holding (or, between two, following) an offset of the text."""
    ends = [section.end for section in sections]
    return min(bisect.bisect_right(ends, offset), len(sections) - 1)


def section_article(article: Article, section: Section, count: int) -> Article:
    """The section as an article of its own, for the analysis, the reader and the report: its
    text, its blocks and chapters re-offset, the same date, source and warnings, and a title
    naming the part. The only section of a short text is the article itself."""
    text = article.text
    if section.start == 0 and section.end == len(text) and count == 1:
        return article
    start, end = section.start, section.end
    blocks = tuple(
        Block(block.kind, max(block.start, start) - start, min(block.end, end) - start)
        for block in article.blocks if block.start < end and block.end > start
    ) or (Block(BlockKind.PARAGRAPH, 0, end - start),)
    chapters = tuple(Chapter(chapter.title, chapter.start - start)
                     for chapter in article.chapters if start <= chapter.start < end)
    # "Boek — De reis (2/3)", "Boek — Part 3 of 20": the window's title, the history's
    label = (section.title if section.chapter is not None or article.chapters
             else f"Part {section.index + 1} of {count}")
    base = article.title or opening_title(article)
    title = f"{base} — {label}" if base else label
    return Article(text=text[start:end], blocks=blocks, date=article.date, title=title,
                   source=article.source, warnings=article.warnings, chapters=chapters)


def opening_words(article: Article, section: Section, chars: int = 48) -> str:
    """The first words of a section, cut at a space: to tell parts without a title apart."""
    words = " ".join(article.text[section.start:min(section.end, section.start + chars * 2)]
                     .split())
    if len(words) <= chars:
        return words
    cut = words.rfind(" ", 0, chars)
    return (words[:cut] if cut > 0 else words[:chars]) + "…"
