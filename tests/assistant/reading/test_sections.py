"""Long texts in sections: chapters, blocks, sentence ends; offsets kept; short texts whole."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.models import Article, ArticleDate, Block, BlockKind, Chapter
from assistant.reading.loading import article_from_text
from assistant.reading.sections import (
    SECTION_CHARS,
    Section,
    opening_words,
    section_article,
    section_at,
    split_sections,
)


def _article(*paragraphs: str, chapters: tuple[tuple[str, int], ...] = (),
             title: str | None = "Boek") -> Article:
    """Paragraphs joined by blank lines as the loader joins them; chapters (title, first
    paragraph's number)."""
    blocks: list[Block] = []
    offset = 0
    for paragraph in paragraphs:
        blocks.append(Block(BlockKind.PARAGRAPH, offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return Article(text="\n\n".join(paragraphs), blocks=tuple(blocks),
                   date=ArticleDate(2024, 5), title=title, source="/tmp/boek.epub",
                   warnings=("a warning",),
                   chapters=tuple(Chapter(name, blocks[first].start) for name, first in chapters))


def _texts(article: Article, sections: tuple[Section, ...]) -> list[str]:
    return [article.text[s.start:s.end] for s in sections]


def _spans(sections: tuple[Section, ...]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sections]


# -- what it must do -----------------------------------------------------------------------


@pytest.mark.parametrize(("paragraphs", "limit", "expected"), [
    # within the limit: one section, the whole text
    (("aaaa", "bbbb"), 10, ["aaaa\n\nbbbb"]),
    (("aaaa", "bbbb"), 20, ["aaaa\n\nbbbb"]),
    # over it: cut between blocks, blocks put together while they fit
    (("aaaa", "bbbb", "cccc"), 10, ["aaaa\n\nbbbb", "cccc"]),
    (("aaaa", "bbbb", "cccc"), 9, ["aaaa", "bbbb", "cccc"]),
    (("aa", "bb", "cc", "dd", "ee"), 6, ["aa\n\nbb", "cc\n\ndd", "ee"]),
    # a block longer than the limit: cut after its last sentence end in the window
    (("Een zin. Twee zin. Drie", "kort"), 12, ["Een zin.", "Twee zin.", "Drie\n\nkort"]),
    # no sentence end: at its last space; never inside a word
    (("een twee drie vier vijf",), 10, ["een twee", "drie vier", "vijf"]),
])
def test_a_text_is_cut_between_blocks_then_at_sentence_ends_then_at_spaces(
    paragraphs: tuple[str, ...], limit: int, expected: list[str]
) -> None:
    article = _article(*paragraphs, title=None)
    sections = split_sections(article, limit)
    assert _texts(article, sections) == expected
    assert [s.index for s in sections] == list(range(len(expected)))


def test_a_text_within_the_limit_is_one_section_equal_to_the_article() -> None:
    article = article_from_text("Kop\n\nEen korte tekst. Nog een zin.")
    (section,) = split_sections(article)
    assert (section.start, section.end) == (0, len(article.text))
    assert section_article(article, section, 1) is article  # nothing changes for news


def test_each_chapter_is_a_section_and_a_longer_one_is_cut_into_numbered_parts() -> None:
    article = _article("Voorwoord.", "Kop een", "Tekst een.", "Kop twee", "Lang " * 4 + "eind.",
                       "Meer twee.", chapters=(("Een", 1), ("Twee", 3)))
    sections = split_sections(article, 20)
    assert [(s.title, s.chapter) for s in sections] == [
        ("Opening", None), ("Een", 0), ("Twee (1/3)", 1), ("Twee (2/3)", 1), ("Twee (3/3)", 1)]
    assert _texts(article, sections) == [
        "Voorwoord.", "Kop een\n\nTekst een.", "Kop twee", "Lang Lang Lang Lang",
        "eind.\n\nMeer twee."]


def test_small_chapters_are_sections_of_their_own_and_parts_without_chapters_are_numbered(
) -> None:
    book = _article("a", "b", "c", "dddd dddd", chapters=(("Een", 0), ("Twee", 1), ("Drie", 2)))
    assert [s.title for s in split_sections(book, 8)] == ["Een", "Twee", "Drie (1/2)",
                                                          "Drie (2/2)"]
    plain = _article("aaaa", "bbbb", "cccc", title=None)
    assert [s.title for s in split_sections(plain, 5)] == ["Part 1", "Part 2", "Part 3"]


def test_a_paragraph_of_990000_characters_is_cut_at_sentence_ends_within_the_limit() -> None:
    sentence = "De gemeente heeft gisteren besloten dat de brug open blijft. "
    article = _article((sentence * (990_000 // len(sentence))).strip(), title=None)
    sections = split_sections(article)
    assert len(sections) == 20
    assert all(0 < s.end - s.start <= SECTION_CHARS for s in sections)
    assert all(article.text[s.end - 1] == "." for s in sections)
    assert all(article.text[s.start:s.start + 3] == "De " for s in sections)


def test_the_section_article_has_its_text_blocks_chapters_and_metadata_re_offset() -> None:
    article = _article("Voorwoord.", "Kop een", "Tekst een.", "Kop twee", "Meer twee.",
                       chapters=(("Een", 1), ("Twee", 3)))
    sections = split_sections(article, 20)
    second = section_article(article, sections[1], len(sections))
    assert second.text == "Kop een\n\nTekst een." == article.text[sections[1].start:
                                                                 sections[1].end]
    assert second.blocks == (Block(BlockKind.PARAGRAPH, 0, 7), Block(BlockKind.PARAGRAPH, 9, 19))
    assert second.chapters == (Chapter("Een", 0),)
    assert (second.date, second.source, second.warnings) == (article.date, article.source,
                                                             article.warnings)
    assert second.title == "Boek — Een"
    first = section_article(article, sections[0], len(sections))
    assert first.chapters == () and first.title == "Boek — Opening"


def test_a_cut_paragraph_gives_each_section_its_piece_as_a_block() -> None:
    article = _article("Een zin. Twee zin. Drie", "kort", title=None)
    sections = split_sections(article, 12)
    pieces = [section_article(article, s, len(sections)) for s in sections]
    assert [p.blocks for p in pieces] == [
        (Block(BlockKind.PARAGRAPH, 0, 8),), (Block(BlockKind.PARAGRAPH, 0, 9),),
        (Block(BlockKind.PARAGRAPH, 0, 4), Block(BlockKind.PARAGRAPH, 6, 10))]
    assert [p.title for p in pieces] == ["Een zin. Twee zin. Drie — Part 1 of 3",
                                         "Een zin. Twee zin. Drie — Part 2 of 3",
                                         "Een zin. Twee zin. Drie — Part 3 of 3"]


@pytest.mark.parametrize(("offset", "expected"), [
    (0, 0), (3, 0), (4, 1), (6, 1), (9, 1), (10, 2), (13, 2), (99, 2)])
def test_an_offset_is_found_in_its_section_or_the_next_one(offset: int, expected: int) -> None:
    article = _article("aaaa", "bbbb", "cccc")
    sections = split_sections(article, 4)
    assert _spans(sections) == [(0, 4), (6, 10), (12, 16)]
    assert section_at(sections, offset) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kort.", "Kort."),
    ("Een  lange\nzin die verder gaat dan het stuk dat past", "Een lange zin die verder gaat…"),
    ("x" * 40, "x" * 30 + "…"),
])
def test_opening_words_end_at_a_space(text: str, expected: str) -> None:
    article = _article(text)
    assert opening_words(article, Section(0, 0, len(text), "Part 1"), 30) == expected


# -- what it must refuse -------------------------------------------------------------------


@pytest.mark.parametrize("paragraphs", [("aaaa", "", "bbbb"), ("", "aaaa"), ("aaaa", "")])
def test_no_section_is_empty(paragraphs: tuple[str, ...]) -> None:
    article = _article(*paragraphs)
    sections = split_sections(article, 4)
    assert sections and all(s.end > s.start for s in sections)
    assert _texts(article, sections) == ["aaaa", "bbbb"][:len(sections)]


def test_a_section_never_crosses_a_chapter_start_even_when_both_would_fit() -> None:
    article = _article("aa", "bb", "cc", chapters=(("Een", 0), ("Twee", 1)))
    assert _texts(article, split_sections(article, 7)) == ["aa", "bb\n\ncc"]


def test_a_limit_below_one_character_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one character"):
        split_sections(_article("aaaa"), 0)


# -- properties ----------------------------------------------------------------------------

_WORDS = st.lists(st.text("abcé.?! ", min_size=1, max_size=6).map(str.strip).filter(bool),
                  min_size=1, max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12), st.integers(12, 80),
       st.sets(st.integers(0, 11)))
def test_sections_keep_offsets_and_every_word_of_every_block(
    paragraphs: list[str], limit: int, firsts: set[int]
) -> None:
    chapters = tuple((f"H{n}", n) for n in sorted(firsts) if n < len(paragraphs))
    article = _article(*paragraphs, chapters=chapters)
    sections = split_sections(article, limit)
    text = article.text
    assert sections
    assert [s.index for s in sections] == list(range(len(sections)))
    for before, after in itertools.pairwise(sections):
        assert before.end < after.start and text[before.end:after.start].isspace()
    for section in sections:
        assert 0 < section.end - section.start <= max(limit, len(text) * (len(sections) == 1))
        assert not text[section.start].isspace() and not text[section.end - 1].isspace()
        own = section_article(article, section, len(sections))
        assert own.text == text[section.start:section.end]
        for block in own.blocks:
            original = own.text[block.start:block.end]
            assert original and original in text[section.start:section.end]
    covered = "".join(text[s.start:s.end] for s in sections).replace(" ", "").replace("\n", "")
    assert covered == text.replace(" ", "").replace("\n", "")
    for chapter in article.chapters:  # a chapter always starts a section
        assert chapter.start in {s.start for s in sections} or len(sections) == 1
