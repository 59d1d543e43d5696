"""Turns pasted text, text/HTML/EPUB files and web pages into an `Article`, every input bounded."""

from __future__ import annotations

import codecs
import dataclasses
import errno
import io
import logging
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant import net
from assistant.errors import ArticleError, CancelCheck, message_text, raise_if_cancelled
from assistant.models import Article, ArticleDate, Block, BlockKind, Chapter

log = logging.getLogger(__name__)

# Limits (documented in the README). A file or download larger than MAX_FILE_BYTES is not read;
# an article whose text is longer than MAX_TEXT_CHARS is refused (about 800,000 words of Dutch).
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 5_000_000
URL_DEADLINE_SECONDS = 15.0
# An EPUB is a zip archive: no part may unpack to more than MAX_EPUB_PART_BYTES, the whole book
# to more than MAX_EPUB_BYTES, and it may have at most MAX_EPUB_PARTS parts (zip bombs).
MAX_EPUB_PART_BYTES = 32 * 1024 * 1024
MAX_EPUB_BYTES = 256 * 1024 * 1024
MAX_EPUB_PARTS = 10_000
# trafilatura takes about 5 s of CPU for 4,000,000 characters of HTML, more than linearly so.
MAX_HTML_CHARS = 4_000_000
MAX_NAME_BYTES = 255
_READ_CHUNK = 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
EPUB_SUFFIXES = {".epub"}
SUPPORTED_DESCRIPTION = "plain text (.txt), web pages (.html) and e-books (.epub)"

HEADING_MAX_CHARS = 120
_FINAL_PUNCTUATION = ".?!:;…"
_CLOSING_MARKS = "\"'’”»)]"
_METADATA = re.compile(r"\A[ \t]*(?:(date|datum)[ \t]+(\d{4}(?:-\d{1,2}){0,2})(?:[ \t]+|\n|\Z))")
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")
# Removed from every text: C0/C1 controls (but tab and newline), zero-width space, BOM,
# non-characters, and the bidi controls (embeddings, overrides, isolates, marks). Bidi controls
# are stripped here rather than neutralised in the reader so that the reader, the notes, the JSON
# and the pipeline all see one text with one set of offsets; Dutch news needs none of them, and
# right-to-left names still display right to left without them.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u061c\u200b\u200e\u200f"
    "\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
_LINE_BREAKS = str.maketrans({"\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"})
_SPACES = re.compile(r"[ \t\u00a0]+")
_NOT_TEXT_OPENING = re.compile(r"<(script|style|noscript|svg|template)\b", re.IGNORECASE)
_NOT_TEXT_CLOSING = {
    tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE)
    for tag in ("script", "style", "noscript", "svg", "template")
}
_URL = re.compile(r"https?://", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"[a-z][a-z0-9+.-]+://", re.IGNORECASE)
# A valid UTF-8 sequence of two to four bytes (to tell mostly-UTF-8 text from cp1252).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def article_from_text(text: str, source: str = "pasted text") -> Article:
    """An article from plain text in the sample format (optional ' date YYYY-MM ' prefix).

    An impossible date in that prefix (2023-02-31, year 0000) is ignored with a warning on the
    article: the learner still reads it, only time words stay unresolved."""
    blocks, date, warnings = _text_blocks(text)
    return _build_article(blocks, date=date, title=None, source=source, warnings=warnings)


def _text_blocks(
    text: str,
) -> tuple[list[tuple[BlockKind, str]], ArticleDate | None, tuple[str, ...]]:
    text = _normalise(text)
    date: ArticleDate | None = None
    warnings: list[str] = []
    while match := _METADATA.match(text):
        date = _parsed_date(match.group(2), warnings)
        text = text[match.end():]
    return _lines_as_blocks(_BLANK_LINES.split(text)), date, tuple(warnings)


PASTED_TITLE_CHARS = 60


def article_from_pasted_text(text: str) -> Article:
    """`article_from_text` for the clipboard, titled by its first line: a heading line becomes
    the title and leaves the body; a first paragraph lends its opening words. Refuses empty and
    overlong text."""
    if len(text) > 4 * MAX_TEXT_CHARS:  # before normalising copies it
        raise ArticleError(_too_long("The pasted text", len(text)))
    blocks, date, warnings = _text_blocks(text)
    if not blocks:
        raise ArticleError("The pasted text is empty.")
    kind, first = blocks[0]
    if kind is BlockKind.HEADING and len(blocks) > 1:
        title = first
        blocks = blocks[1:]
    else:
        title = _opening_words(first, PASTED_TITLE_CHARS)
    article = _build_article(blocks, date=date, title=title, source="pasted text",
                             warnings=warnings)
    if len(article.text) > MAX_TEXT_CHARS:
        raise ArticleError(_too_long("The pasted text", len(article.text)))
    return article


def opening_title(article: Article) -> str | None:
    """A title for an article without one (a .txt file), as pasted text is titled: its first
    line when that is a heading, else its first paragraph's opening words; None when empty."""
    if not article.blocks:
        return None
    block = article.blocks[0]
    first = " ".join(article.text[block.start:block.end].split())
    if not first:
        return None
    return _opening_words(first, HEADING_MAX_CHARS if block.kind is BlockKind.HEADING
                          else PASTED_TITLE_CHARS)


def _opening_words(line: str, limit: int) -> str:
    """`line` if it is short enough, else its words up to `limit` characters and an ellipsis."""
    if len(line) <= limit:
        return line
    cut = line[: limit + 1]
    words = cut.rsplit(" ", 1)[0] if " " in cut else line[:limit]
    return words.rstrip(" ,;:-–") + "…"


def load_article(path: str | Path, cancel: CancelCheck | None = None) -> Article:
    """Load an article from a file or an http(s) URL; raises ArticleError (one line naming the
    file or URL) on bad input, errors.Cancelled when `cancel` is set."""
    raise_if_cancelled(cancel)
    if isinstance(path, str) and _URL.match(path.strip()):
        return _load_url(path.strip(), cancel)
    if isinstance(path, str) and _OTHER_SCHEME.match(path.strip()):
        raise ArticleError(f"“{message_text(path)}” is not a web page address; Leeswijzer "
                           "downloads only http:// and https:// pages.")
    path = Path(path)
    name = message_text(path.name or str(path), 80)
    data = _read_regular_file(path, name, cancel)
    if not data.strip():
        raise ArticleError(f"“{name}” is empty.")
    suffix = path.suffix.lower()
    if suffix in EPUB_SUFFIXES or data.startswith(b"PK\x03\x04"):
        if suffix not in EPUB_SUFFIXES:
            raise ArticleError(f"“{name}” is a compressed file, not an article.")
        return _load_epub(data, str(path), name, cancel)
    if suffix in HTML_SUFFIXES:
        text, warnings = _decode(data, name)
        return _with_warnings(_article_from_html(text, source=str(path), name=name), warnings)
    if suffix not in TEXT_SUFFIXES:
        if _looks_binary(data) and _bomless_utf(data) is None:
            raise ArticleError(
                f"“{name}” is not a supported article; Leeswijzer reads {SUPPORTED_DESCRIPTION}."
            )
        text, warnings = _decode(data, name)
        if _looks_like_html(text):
            return _with_warnings(_article_from_html(text, source=str(path), name=name), warnings)
        return _with_warnings(_checked(article_from_text(text, source=str(path)), name), warnings)
    text, warnings = _decode(data, name)
    return _with_warnings(_checked(article_from_text(text, source=str(path)), name), warnings)


# -- files ---------------------------------------------------------------------------------


def _read_regular_file(path: Path, name: str, cancel: CancelCheck | None) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES. FIFOs, devices and sockets are
    refused before they are opened (and again after, in case the file was swapped)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError) as error:
        raise ArticleError(_file_error(path, name, error, looking=True)) from error
    _check_kind(info.st_mode, name)
    if info.st_size > MAX_FILE_BYTES:
        raise ArticleError(_too_large(name, info.st_size))
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise ArticleError(_file_error(path, name, error, looking=False)) from error
    try:
        _check_kind(os.fstat(descriptor).st_mode, name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(descriptor, _READ_CHUNK):
            size += len(chunk)
            if size > MAX_FILE_BYTES:  # it grew while we read (or stat lied: /proc and friends)
                raise ArticleError(_too_large(name, size))
            chunks.append(chunk)
            raise_if_cancelled(cancel)
    except OSError as error:
        raise ArticleError(_file_error(path, name, error, looking=False)) from error
    finally:
        os.close(descriptor)
    return b"".join(chunks)


def _check_kind(mode: int, name: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ArticleError(f"“{name}” is a folder, not an article.")
    kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    raise ArticleError(f"“{name}” is {kind}, not a file; Leeswijzer opens only ordinary files.")


def _file_error(path: Path, name: str, error: OSError | ValueError, *, looking: bool) -> str:
    """One line for an OS error about `path` (`looking`: while finding it, not reading it)."""
    if isinstance(error, ValueError):  # e.g. an embedded NUL
        return f"“{name}” is not a valid file name."
    code = error.errno
    if code in (errno.ENOENT, errno.ENOTDIR):
        hint = (" (for a web page, start the address with https://)"
                if str(path).lower().startswith("www.") else "")
        return f"“{name}” does not exist{hint}."
    if code == errno.ELOOP:
        return f"“{name}” is a symbolic link that leads round in a loop."
    if code == errno.ENAMETOOLONG:
        longest = max((len(os.fsencode(part)) for part in path.parts), default=0)
        if longest > MAX_NAME_BYTES:
            return (f"“{name}” has a name that is too long ({longest} bytes; file systems allow "
                    f"{MAX_NAME_BYTES}).")
        return f"“{name}” has a path that is too long for the file system."
    if code in (errno.EACCES, errno.EPERM):
        if looking:
            folder = message_text(str(path.parent), 80)
            return f"“{name}” cannot be opened: permission to look inside “{folder}” is denied."
        return f"“{name}” cannot be opened: permission denied."
    reason = message_text(error.strerror or str(error), 80)
    return f"“{name}” could not be read: {reason}."


def _too_large(name: str, size: int) -> str:
    return (f"“{name}” is too large ({size / 1_048_576:.0f} MB); "
            f"the limit is {MAX_FILE_BYTES // 1_048_576} MB.")


def _too_long(what: str, length: int) -> str:
    return f"{what} is too long ({length:,} characters); the limit is {MAX_TEXT_CHARS:,}."


def _checked(article: Article, name: str) -> Article:
    if not article.blocks:
        raise ArticleError(f"“{name}” has no text to read.")
    if len(article.text) > MAX_TEXT_CHARS:
        raise ArticleError(_too_long(f"“{name}”", len(article.text)))
    return article


def _with_warnings(article: Article, warnings: tuple[str, ...]) -> Article:
    if not warnings:
        return article
    return dataclasses.replace(article, warnings=warnings + article.warnings)


# -- decoding ------------------------------------------------------------------------------


def _decode(data: bytes, name: str, charset: str | None = None) -> tuple[str, tuple[str, ...]]:
    """`_decoded`, refusing at once a text far over the length limit (before it is copied)."""
    text, warnings = _decoded(data, name, charset)
    if len(text) > 2 * MAX_TEXT_CHARS:
        raise ArticleError(_too_long(f"“{name}”", len(text)))
    return text, warnings


def _decoded(data: bytes, name: str, charset: str | None) -> tuple[str, tuple[str, ...]]:
    """Text and warnings: by BOM; else the declared charset; else UTF-16/32 without BOM when the
    zero bytes say so; else UTF-8 (kept, with U+FFFD for a few bad bytes); else cp1252. Binary
    data is refused."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            return text, _replacement_warning(name, text, encoding.split("-sig")[0].upper())
    if charset is not None and _known_codec(charset) not in (None, "utf-8"):
        try:
            return data.decode(charset), ()
        except (UnicodeDecodeError, LookupError):
            log.info("%s does not decode as its declared %s", name, charset)
    bomless = _bomless_utf(data)
    if bomless is not None:
        text = data.decode(bomless, errors="replace")
        return text, _replacement_warning(name, text, bomless.upper())
    if _looks_binary(data):
        raise ArticleError(f"“{name}” is a binary file, not text.")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    sample = data[:_READ_CHUNK]
    sample_bad = _invalid_utf8(sample)
    good = len(_UTF8_MULTIBYTE.findall(sample))
    # cp1252 text hardly ever holds valid UTF-8 pairs such as "Ã©"
    if good and good >= sample_bad:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
        return text, (f"“{name}” is UTF-8 text with {bad:,} invalid byte"
                      f"{'s' if bad != 1 else ''}; they are shown as �.",)
    return data.decode("cp1252", errors="replace"), ()


def _invalid_utf8(data: bytes) -> int:
    """How many invalid sequences (each one U+FFFD) UTF-8 decoding finds."""
    return data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")


def _known_codec(charset: str) -> str | None:
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def _replacement_warning(name: str, text: str, encoding: str) -> tuple[str, ...]:
    bad = text.count("\ufffd")
    if not bad:
        return ()
    return (f"“{name}” is {encoding} text with {bad:,} invalid character"
            f"{'s' if bad != 1 else ''}; they are shown as �.",)


def _bomless_utf(data: bytes) -> str | None:
    """'utf-16-le'/'-be' or 'utf-32-le'/'-be' when the zero bytes of mostly Latin text say so."""
    sample = data[:8192]
    for width, encoding, zero_lanes in (
        (4, "utf-32-le", (1, 2, 3)), (4, "utf-32-be", (0, 1, 2)),
        (2, "utf-16-le", (1,)), (2, "utf-16-be", (0,)),
    ):
        units = len(sample) // width
        if units < 2 or len(data) % width:
            continue
        lanes = [sample[lane:units * width:width].count(0) / units for lane in range(width)]
        if all(lanes[lane] >= 0.7 for lane in zero_lanes) and all(
            lanes[lane] <= 0.05 for lane in range(width) if lane not in zero_lanes
        ):
            text = sample[:units * width].decode(encoding, errors="replace")
            controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
            if text.count("\ufffd") + controls <= len(text) * 0.02:
                return encoding
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:1]
    return start == "<" and re.search(r"<(html|body|p)\b", text[:5000], re.I) is not None


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).rstrip() for line in text.split("\n"))


# -- dates ---------------------------------------------------------------------------------


def _parsed_date(value: str, warnings: list[str]) -> ArticleDate | None:
    """The metadata date, or None with a warning for the learner when it is not a real one."""
    try:
        return ArticleDate.parse(value)
    except ValueError:
        warnings.append(
            f"The article's date “{message_text(value, 40)}” is not a real date, so it was "
            "ignored: time words such as “gisteren” are not worked out."
        )
        return None


def _date_or_none(value: str | None, warnings: list[str]) -> ArticleDate | None:
    if not value or not value.strip():
        return None
    return _parsed_date(value.strip()[:10], warnings)


# -- blocks --------------------------------------------------------------------------------


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
    warnings: tuple[str, ...] = (),
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
                   source=source, warnings=warnings)


# -- HTML, EPUB and the web ----------------------------------------------------------------


def _article_from_html(html: str, *, source: str, name: str) -> Article:
    import trafilatura  # deferred: lxml and friends take a moment to import

    html = _without_scripts(html)  # trafilatura drops them too, but only after parsing them
    if len(html) > MAX_HTML_CHARS:  # extraction time grows faster than the page
        raise ArticleError(f"“{name}” is too large a web page to read ({len(html):,} characters "
                           f"of HTML without scripts and styles; the limit is {MAX_HTML_CHARS:,}).")

    document = trafilatura.bare_extraction(
        html, with_metadata=True, output_format="python", include_tables=False
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        raise ArticleError(f"“{name}” has no article text that Leeswijzer could find.")
    raw_title = getattr(document, "title", None)
    title = _normalise(raw_title).strip() if raw_title else None
    warnings: list[str] = []
    date = _date_or_none(getattr(document, "date", None), warnings)
    lines = _normalise(text).split("\n")
    blocks = _lines_as_blocks(lines)
    if title and blocks and blocks[0] == (BlockKind.HEADING, title):
        blocks = blocks[1:]
    return _checked(_build_article(blocks, date=date, title=title or None, source=source,
                                   warnings=tuple(warnings)), name)


def _without_scripts(html: str) -> str:
    """The page without script, style, noscript, svg and template elements, in one linear pass
    (an unclosed one runs to the end of the page, as in a browser)."""
    kept: list[str] = []
    position = 0
    while opening := _NOT_TEXT_OPENING.search(html, position):
        kept.append(html[position:opening.start()])
        closing = _NOT_TEXT_CLOSING[opening.group(1).lower()].search(html, opening.end())
        if closing is None:
            return "".join(kept)
        position = closing.end()
    kept.append(html[position:])
    return "".join(kept)


class _EpubRefused(Exception):
    """An EPUB part or the whole book would unpack to more than the limits allow."""


def _check_epub_archive(data: bytes, name: str) -> None:
    """Refuse zip bombs from the declared sizes, before anything is unpacked."""
    # Central-directory signatures, counted before zipfile builds an object for each entry
    # (600,000 empty entries fit in 50 MB and take zipfile seconds and hundreds of MB).
    entries = data.count(b"PK\x01\x02")
    if entries > MAX_EPUB_PARTS:
        raise ArticleError(_too_many_parts(name, entries))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ArticleError(f"“{name}” is not a readable EPUB e-book.") from error
    if len(parts) > MAX_EPUB_PARTS:
        raise ArticleError(_too_many_parts(name, len(parts)))
    total = 0
    for part in parts:
        if part.file_size > MAX_EPUB_PART_BYTES:
            raise ArticleError(_epub_too_large(name, f"one of its parts unpacks to "
                                                     f"{part.file_size / 1_048_576:,.0f} MB",
                                               MAX_EPUB_PART_BYTES, "per part"))
        total += part.file_size
    if total > MAX_EPUB_BYTES:
        raise ArticleError(_epub_too_large(name, f"it unpacks to {total / 1_048_576:,.0f} MB",
                                           MAX_EPUB_BYTES, "per book"))


def _too_many_parts(name: str, count: int) -> str:
    return (f"“{name}” has {count:,} parts (the limit is {MAX_EPUB_PARTS:,}), so it was not "
            "opened.")


def _epub_too_large(name: str, what: str, limit: int, per: str) -> str:
    return (f"“{name}” is not opened: {what} (the limit is {limit // 1_048_576} MB {per}; "
            "it may be a zip bomb).")


def _bounded_epub_reader(data: bytes, budget: int) -> Any:
    """ebooklib's reader over the bytes already read, counting what it unpacks (a manifest may
    name one large part many times, and ebooklib reads every manifest item whole) and never
    unpacking a part past its declared size (a lying header)."""
    import posixpath

    from ebooklib import epub

    class BoundedReader(epub.EpubReader):  # type: ignore[misc]
        def __init__(self, source: io.BytesIO, options: dict[str, object]) -> None:
            super().__init__(source, options)
            self.left = budget

        def read_file(self, name: str) -> bytes:
            part = self.zf.getinfo(posixpath.normpath(name))  # KeyError as before
            self.left -= part.file_size
            if self.left < 0:
                raise _EpubRefused(name)
            # Never zipfile's read(): it inflates all compressed data at once before cutting it
            # to the declared size; read(size) inflates at most that much (then checks the CRC).
            with self.zf.open(part) as member:
                data: bytes = member.read(part.file_size)
                if member.read(1):
                    raise _EpubRefused(name)
            return data

    return BoundedReader(io.BytesIO(data), {"ignore_ncx": True})


def _load_epub(data: bytes, source: str, name: str, cancel: CancelCheck | None) -> Article:
    _check_epub_archive(data, name)
    try:
        import ebooklib

        reader = _bounded_epub_reader(data, MAX_EPUB_BYTES)
        book = reader.load()
        reader.process()
    except _EpubRefused as error:
        raise ArticleError(_epub_too_large(name, "its parts unpack to more than the limit",
                                           MAX_EPUB_BYTES, "per book")) from error
    except Exception as error:  # ebooklib raises many kinds on broken archives
        raise ArticleError(f"“{name}” is not a readable EPUB e-book.") from error
    import lxml.html

    blocks: list[tuple[BlockKind, str]] = []
    chapters: list[tuple[str, int]] = []  # title, index of its first block
    toc = _toc_titles(book.toc)
    length = 0
    for item in _reading_order(book, ebooklib):
        raise_if_cancelled(cancel)
        try:
            root = lxml.html.fromstring(item.get_content())
        except Exception:  # an empty or broken chapter should not sink the book
            continue
        first = len(blocks)
        for element in root.iter("h1", "h2", "h3", "h4", "p", "li", "blockquote"):
            line = _normalise(element.text_content()).replace("\n", " ").strip()
            if line:
                kind = BlockKind.HEADING if element.tag.startswith("h") else BlockKind.PARAGRAPH
                blocks.append((kind, line))
                length += len(line) + 2
        if len(blocks) > first:
            heading = next((text for kind, text in blocks[first:] if kind is BlockKind.HEADING),
                           None)
            chapters.append((toc.get(item.get_name()) or heading or f"Part {len(chapters) + 1}",
                             first))
        if length > MAX_TEXT_CHARS:
            raise ArticleError(_too_long(f"“{name}”", length))
    titles = book.get_metadata("DC", "title")
    dates = book.get_metadata("DC", "date")
    title = _normalise(str(titles[0][0])).strip() or None if titles else None
    warnings: list[str] = []
    date = _date_or_none(str(dates[0][0]), warnings) if dates else None
    article = _build_article(blocks, date=date, title=title, source=source,
                             warnings=tuple(warnings))
    found = tuple(Chapter(text, article.blocks[index].start) for text, index in chapters)
    return _checked(dataclasses.replace(article, chapters=found), name)


def _toc_titles(entries: Iterable[Any]) -> dict[str, str]:
    """Chapter titles from the book's table of contents, by file (a file's first title)."""
    titles: dict[str, str] = {}
    for entry in entries:
        if isinstance(entry, tuple | list):  # (section, [entries]) nests
            for file, nested in _toc_titles(entry).items():
                titles.setdefault(file, nested)
            continue
        href, text = getattr(entry, "href", None), getattr(entry, "title", None)
        if isinstance(href, str) and isinstance(text, str) and text.strip():
            titles.setdefault(href.split("#", 1)[0], _normalise(text).strip())
    return titles


def _reading_order(book: Any, ebooklib: Any) -> list[Any]:
    """The book's documents in spine order, without its table of contents (the nav document,
    which would otherwise end the text as a list of chapter titles)."""
    from ebooklib import epub

    documents = [item for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)
                 if not isinstance(item, epub.EpubNav)
                 and "nav" not in (getattr(item, "properties", None) or [])]
    by_id = {item.get_id(): item for item in documents}
    ordered = [by_id.pop(entry[0]) for entry in book.spine
               if isinstance(entry, tuple | list) and entry and entry[0] in by_id]
    return ordered + list(by_id.values())  # documents the spine leaves out still count


def _load_url(url: str, cancel: CancelCheck | None) -> Article:
    shown = message_text(url)
    try:
        response = net.fetch(url, accept=net.PAGE_TYPES, deadline=URL_DEADLINE_SECONDS,
                             max_bytes=MAX_FILE_BYTES, cancel=cancel)
    except net.NetError as error:
        raise ArticleError(f"The page {shown} could not be downloaded: {error.reason}.") from error
    if not response.body.strip():
        raise ArticleError(f"The page {shown} is empty.")
    text, warnings = _decode(response.body, shown, response.charset)
    if response.media_type == "text/plain" or (
        not response.media_type and not _looks_like_html(text)
    ):
        article = _checked(article_from_text(text, source=url), shown)
    else:
        article = _article_from_html(text, source=url, name=shown)
    return _with_warnings(article, warnings)
