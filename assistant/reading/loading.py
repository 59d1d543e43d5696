"""Turns pasted text, text/HTML/EPUB files and web pages into an `Article`."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from assistant.errors import ArticleError
from assistant.models import Article, ArticleDate, Block, BlockKind

log = logging.getLogger(__name__)

# Limits (documented in the README): a file larger than MAX_FILE_BYTES is not read at all;
# an article whose text is longer than MAX_TEXT_CHARS is refused (about 800,000 words of Dutch).
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 5_000_000
URL_TIMEOUT_SECONDS = 15.0

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
EPUB_SUFFIXES = {".epub"}
SUPPORTED_DESCRIPTION = "plain text (.txt), web pages (.html) and e-books (.epub)"

HEADING_MAX_CHARS = 120
_FINAL_PUNCTUATION = ".?!:;…"
_CLOSING_MARKS = "\"'’”»)]"
_METADATA = re.compile(r"\A[ \t]*(?:(date|datum)[ \t]+(\d{4}(?:-\d{1,2}){0,2})(?:[ \t]+|\n|\Z))")
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def article_from_text(text: str, source: str = "pasted text") -> Article:
    """An article from plain text in the sample format (optional ' date YYYY-MM ' prefix)."""
    text = _normalise(text)
    date: ArticleDate | None = None
    while match := _METADATA.match(text):
        try:
            date = ArticleDate.parse(match.group(2))
        except ValueError:
            log.info("ignoring malformed date metadata %r in %s", match.group(2), source)
        text = text[match.end():]
    chunks = _BLANK_LINES.split(text)
    return _build_article(_lines_as_blocks(chunks), date=date, title=None, source=source)


def load_article(path: str | Path) -> Article:
    """Load an article from a file or an http(s) URL; raises ArticleError on bad input."""
    if isinstance(path, str) and re.match(r"https?://", path):
        return _load_url(path)
    path = Path(path)
    name = path.name or str(path)
    if not path.exists():
        raise ArticleError(f"“{name}” does not exist.")
    if path.is_dir():
        raise ArticleError(f"“{name}” is a folder, not an article.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleError(
                f"“{name}” is too large ({size / 1_048_576:.0f} MB); "
                f"the limit is {MAX_FILE_BYTES // 1_048_576} MB."
            )
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"“{name}” could not be read: {error.strerror or error}.") from error
    if not data.strip():
        raise ArticleError(f"“{name}” is empty.")
    suffix = path.suffix.lower()
    if suffix in EPUB_SUFFIXES or data.startswith(b"PK\x03\x04"):
        if suffix not in EPUB_SUFFIXES:
            raise ArticleError(f"“{name}” is a compressed file, not an article.")
        return _load_epub(path, name)
    if suffix in HTML_SUFFIXES:
        return _article_from_html(_decode(data, name), source=str(path), name=name)
    if suffix not in TEXT_SUFFIXES:
        text = _decode(data, name) if not _looks_binary(data) else None
        if text is None:
            raise ArticleError(
                f"“{name}” is not a supported article; Leeswijzer reads {SUPPORTED_DESCRIPTION}."
            )
        if text.lstrip()[:1] == "<" and re.search(r"<(html|body|p)\b", text[:5000], re.I):
            return _article_from_html(text, source=str(path), name=name)
        return _checked(article_from_text(text, source=str(path)), name)
    return _checked(article_from_text(_decode(data, name), source=str(path)), name)


def _checked(article: Article, name: str) -> Article:
    if not article.blocks:
        raise ArticleError(f"“{name}” has no text to read.")
    if len(article.text) > MAX_TEXT_CHARS:
        raise ArticleError(
            f"“{name}” is too long ({len(article.text):,} characters); "
            f"the limit is {MAX_TEXT_CHARS:,}."
        )
    return article


def _decode(data: bytes, name: str) -> str:
    """Decode by BOM, else UTF-8, else cp1252 (never fails on odd bytes); refuse binary data."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if _looks_binary(data):
        raise ArticleError(f"“{name}” is a binary file, not text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).rstrip() for line in text.split("\n"))


def _is_heading(line: str) -> bool:
    stripped = line.rstrip(_CLOSING_MARKS + " ")
    return (
        0 < len(line) <= HEADING_MAX_CHARS
        and bool(stripped)
        and stripped[-1] not in _FINAL_PUNCTUATION
        and any(ch.isalpha() for ch in line)
    )


def _lines_as_blocks(chunks: Iterable[str]) -> list[tuple[BlockKind, str]]:
    """Blocks from paragraph chunks: a short unpunctuated line is a heading, the rest prose."""
    blocks: list[tuple[BlockKind, str]] = []
    for chunk in chunks:
        prose: list[str] = []
        for raw_line in chunk.split("\n"):
            line = raw_line.strip()
            if not line:
                continue
            if _is_heading(line) and not prose:
                blocks.append((BlockKind.HEADING, line))
            elif _is_heading(line):
                blocks.append((BlockKind.PARAGRAPH, " ".join(prose)))
                prose = []
                blocks.append((BlockKind.HEADING, line))
            else:
                prose.append(line)
        if prose:
            blocks.append((BlockKind.PARAGRAPH, " ".join(prose)))
    return blocks


def _build_article(
    blocks: list[tuple[BlockKind, str]],
    *,
    date: ArticleDate | None,
    title: str | None,
    source: str,
) -> Article:
    parts: list[str] = []
    spans: list[Block] = []
    offset = 0
    for kind, text in blocks:
        if parts:
            offset += 2
        spans.append(Block(kind, offset, offset + len(text)))
        parts.append(text)
        offset += len(text)
    return Article(text="\n\n".join(parts), blocks=tuple(spans), date=date, title=title,
                   source=source)


def _article_from_html(html: str, *, source: str, name: str) -> Article:
    import trafilatura  # deferred: lxml and friends take a moment to import

    document = trafilatura.bare_extraction(
        html, with_metadata=True, output_format="python", include_tables=False
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        raise ArticleError(f"“{name}” has no article text that Leeswijzer could find.")
    raw_title = getattr(document, "title", None)
    title = _normalise(raw_title).strip() if raw_title else None
    date = _date_or_none(getattr(document, "date", None))
    lines = _normalise(text).split("\n")
    blocks = _lines_as_blocks(lines)
    if title and blocks and blocks[0] == (BlockKind.HEADING, title):
        blocks = blocks[1:]
    return _checked(_build_article(blocks, date=date, title=title, source=source), name)


def _load_epub(path: Path, name: str) -> Article:
    try:
        import ebooklib
        from ebooklib import epub

        book = epub.read_epub(str(path), options={"ignore_ncx": True})
    except Exception as error:  # ebooklib raises many kinds on broken archives
        raise ArticleError(f"“{name}” is not a readable EPUB e-book.") from error
    import lxml.html

    blocks: list[tuple[BlockKind, str]] = []
    for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT):
        try:
            root = lxml.html.fromstring(item.get_content())
        except Exception:  # an empty or broken chapter should not sink the book
            continue
        for element in root.iter("h1", "h2", "h3", "h4", "p", "li", "blockquote"):
            line = _normalise(element.text_content()).replace("\n", " ").strip()
            if line:
                kind = BlockKind.HEADING if element.tag.startswith("h") else BlockKind.PARAGRAPH
                blocks.append((kind, line))
    titles = book.get_metadata("DC", "title")
    dates = book.get_metadata("DC", "date")
    title = str(titles[0][0]) if titles else None
    date = _date_or_none(str(dates[0][0])[:10]) if dates else None
    return _checked(_build_article(blocks, date=date, title=title, source=str(path)), name)


def _load_url(url: str) -> Article:
    request = urllib.request.Request(url, headers={"User-Agent": "Leeswijzer/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT_SECONDS) as response:
            data = response.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as error:
        raise ArticleError(f"The page {url} could not be downloaded ({error}).") from error
    if len(data) > MAX_FILE_BYTES:
        raise ArticleError(f"The page {url} is too large to read.")
    return _article_from_html(_decode(data, url), source=url, name=url)


def _date_or_none(value: str | None) -> ArticleDate | None:
    if not value:
        return None
    try:
        return ArticleDate.parse(value[:10])
    except ValueError:
        return None
