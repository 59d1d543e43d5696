"""Small EPUB books written for tests: chapters of hand-written XHTML, a table of contents and
the nav document first in the spine (as e-book tools write them)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def write_epub(path: Path, chapters: Sequence[tuple[str, str]], title: str = "Een klein boek",
               spine_order: Sequence[int] | None = None) -> Path:
    """An EPUB at `path` with (toc title, body XHTML) chapters; `spine_order` reorders the
    spine (the manifest keeps the given order)."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("test-book")
    book.set_title(title)
    book.set_language("nl")
    items = []
    for number, (heading, body) in enumerate(chapters):
        item = epub.EpubHtml(title=heading, file_name=f"h{number}.xhtml", lang="nl")
        item.content = f"<html><body>{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = tuple(items)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    order = spine_order if spine_order is not None else range(len(items))
    book.spine = ["nav", *(items[i] for i in order)]
    epub.write_epub(str(path), book)
    return path
