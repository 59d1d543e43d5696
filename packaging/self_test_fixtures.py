"""Writes the self-test's HTML page and EPUB book (resources/self-test/) from the sample article."""

from __future__ import annotations

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample_article.txt"
TARGET = ROOT / "resources" / "self-test"
TITLE = "Rotterdam wil veel meer groene daken"


def paragraphs(sample: Path = SAMPLE) -> list[str]:
    """The sample's paragraphs and subheadings, without its ' date YYYY-MM ' prefix."""
    text = sample.read_text(encoding="utf-8").strip()
    if text.startswith("date "):
        text = text.split(" ", 2)[2]
    return [block.strip() for block in text.split("\n\n") if block.strip()]


def _body(blocks: list[str]) -> str:
    lines = []
    for block in blocks:
        tag = "p" if block.endswith((".", "?", "!", ":")) else "h2"
        lines.append(f"<{tag}>{html.escape(block)}</{tag}>")
    return "\n".join(lines)


def html_page(blocks: list[str]) -> str:
    """A news page as a browser saves it: navigation, the article, a footer."""
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{TITLE} | Stadsnieuws</title>\n"
        '<meta property="article:published_time" content="2024-06-12">\n</head>\n<body>\n'
        '<nav><a href="/">Voorpagina</a> <a href="/stad">Stad</a> '
        '<a href="/sport">Sport</a></nav>\n'
        f"<article>\n<h1>{TITLE}</h1>\n{_body(blocks)}\n</article>\n"
        "<footer>© Stadsnieuws — Privacy — Cookies</footer>\n</body>\n</html>\n"
    )


def write_epub(blocks: list[str], target: Path) -> None:
    """An EPUB 3 book with the article as its one chapter (written by ebooklib)."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("leeswijzer-self-test")
    book.set_title(TITLE)
    book.set_language("nl")
    book.add_metadata("DC", "date", "2024-06-12")
    chapter = epub.EpubHtml(title=TITLE, file_name="artikel.xhtml", lang="nl")
    chapter.content = f"<h1>{html.escape(TITLE)}</h1>\n{_body(blocks)}"
    book.add_item(chapter)
    book.toc = [chapter]
    book.spine = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    epub.write_epub(str(target), book)


def main() -> int:
    blocks = paragraphs()
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "artikel.html").write_text(html_page(blocks), encoding="utf-8")
    write_epub(blocks, TARGET / "artikel.epub")
    print(f"wrote {TARGET / 'artikel.html'} and {TARGET / 'artikel.epub'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
