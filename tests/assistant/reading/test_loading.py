"""Loading articles: the sample format, encodings, HTML, EPUB and every bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from assistant.errors import ArticleError
from assistant.models import ArticleDate, BlockKind
from assistant.reading import loading
from assistant.reading.loading import (
    MAX_FILE_BYTES,
    article_from_pasted_text,
    article_from_text,
    load_article,
)

SAMPLE_LIKE = (
    " date 2023-09 Eerste alinea over de oorlog. Nog een zin.\n\n"
    "Een tussenkop zonder punt\n\n"
    "Tweede alinea: met ‘aanhalingstekens’ en een café.\n"
)


def test_sample_format_metadata_is_parsed_and_not_part_of_the_text() -> None:
    article = article_from_text(SAMPLE_LIKE)
    assert article.date == ArticleDate(2023, 9)
    assert "date" not in article.text and "2023-09" not in article.text
    assert article.text.startswith("Eerste alinea")
    kinds = [block.kind for block in article.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]
    heading = article.blocks[1]
    assert article.text[heading.start:heading.end] == "Een tussenkop zonder punt"


def test_block_offsets_cover_their_text_exactly() -> None:
    article = article_from_text(SAMPLE_LIKE)
    texts = [article.text[b.start:b.end] for b in article.blocks]
    assert "\n\n".join(texts) == article.text
    assert all(t == t.strip() and t for t in texts)


def test_full_date_and_no_date() -> None:
    assert article_from_text(" date 2023-09-04 Hallo daar.").date == ArticleDate(2023, 9, 4)
    assert article_from_text("Hallo daar.").date is None


def test_shared_sample(sample_path: Path) -> None:
    article = load_article(sample_path)
    assert article.date == ArticleDate(2023, 9)
    assert article.title is None
    assert article.text.startswith("Er hing al langer iets in de lucht")
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        "Militaire gelegenheidsliefde is uit noodzaak geboren",
        "De top wordt al maanden voorgeproduceerd",
    ]


def test_text_is_nfc_with_unix_newlines() -> None:
    article = article_from_text("Cafe\u0301 een.\r\n\r\nTwee.\rDrie.")
    assert "Café" in article.text and "\r" not in article.text
    assert "e\u0301" not in article.text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
     ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1252", b""), ("latin-1", b"")],
)
def test_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = " date 2024-01 Een ruïne, een café en een ‘citaat’ — geëxporteerd.\n"
    if encoding == "latin-1":
        text = text.replace("‘", "'").replace("’", "'").replace("—", "-")
    path = tmp_path / "artikel.txt"
    path.write_bytes(bom + text.encode(encoding))
    article = load_article(path)
    assert article.date == ArticleDate(2024, 1)
    assert "ruïne" in article.text and "café" in article.text and "geëxporteerd" in article.text


def test_undecodable_bytes_never_crash(tmp_path: Path) -> None:
    path = tmp_path / "raar.txt"
    path.write_bytes(b"Een tekst met rare bytes \x81\x8d\x90 en verder gewoon Nederlands.\n")
    article = load_article(path)
    assert article.text.startswith("Een tekst met rare bytes")


def test_html_uses_trafilatura_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "pagina.html"
    path.write_text(
        "<html><head><title>Poetin ontmoet Kim</title>"
        '<meta name="date" content="2023-09-13"></head><body>'
        "<nav>Menu Home Contact</nav><article><h1>Poetin ontmoet Kim</h1>"
        "<p>De Russische president Vladimir Poetin heeft in Vladivostok de Noord-Koreaanse "
        "leider Kim Jong-un ontvangen voor overleg over militaire samenwerking.</p>"
        "<h2>Wapens</h2><p>Volgens Amerikaanse inlichtingen gaat het om artilleriegranaten "
        "die Rusland nodig heeft voor de oorlog in Oekraïne.</p>"
        "<script>alert('x')</script></article></body></html>",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.title == "Poetin ontmoet Kim"
    assert article.date == ArticleDate(2023, 9, 13)
    assert "Vladivostok" in article.text and "alert" not in article.text
    assert any(b.kind is BlockKind.HEADING for b in article.blocks)


def test_epub(tmp_path: Path) -> None:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("test-1")
    book.set_title("Een klein boek")
    book.set_language("nl")
    book.add_metadata("DC", "date", "2022-05-01")
    chapter = epub.EpubHtml(title="Een", file_name="een.xhtml", lang="nl")
    chapter.content = ("<html><body><h1>Hoofdstuk een</h1><p>Het was een koude dag in "
                       "Amsterdam.</p></body></html>")
    book.add_item(chapter)
    book.toc = [chapter]
    book.spine = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    path = tmp_path / "boek.epub"
    epub.write_epub(str(path), book)
    article = load_article(path)
    assert article.title == "Een klein boek"
    assert article.date == ArticleDate(2022, 5, 1)
    assert "koude dag in Amsterdam" in article.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leeg.txt", b"", "is empty"),
        ("spaties.txt", b"  \n\n \t ", "is empty"),
        ("plaatje.txt", bytes(range(256)) * 4, "binary"),
        ("plaatje.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a supported"),
        ("archief.zip", b"PK\x03\x04" + bytes(200), "compressed"),
        ("kapot.epub", b"PK\x03\x04 not really a zip", "not a readable EPUB"),
        ("leeg.html", b"<html><head><script>var x = 1;</script></head><body></body></html>",
         "no article text"),
    ],
)
def test_bad_input_gets_a_clear_message_naming_the_file(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert message in caught.value.message
    assert name in caught.value.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="does not exist"):
        load_article(tmp_path / "nergens.txt")
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ArticleError, match="too large"):
        load_article(path)


def test_undecodable_bytes_in_mostly_utf8_stay_utf8_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "bijna.txt"
    path.write_bytes("Een café in Zürich, één keer. ".encode() + b"Kapot: \xff\xfe hier.\n")
    article = load_article(path)
    assert "café in Zürich, één keer" in article.text
    assert "Ã" not in article.text and "\ufffd" in article.text
    assert len(article.warnings) == 1
    assert "bijna.txt" in article.warnings[0] and "invalid byte" in article.warnings[0]


def test_clean_files_carry_no_warnings(tmp_path: Path) -> None:
    path = tmp_path / "schoon.txt"
    path.write_text("Een café in Zürich.\n", encoding="utf-8")
    assert load_article(path).warnings == ()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "zonder-bom.txt"
    path.write_bytes(" date 2024-01 Een ruïne en een café — geëxporteerd.\n".encode(encoding))
    article = load_article(path)
    assert article.date == ArticleDate(2024, 1)
    assert article.text == "Een ruïne en een café — geëxporteerd."


@pytest.mark.parametrize(
    "value", ["2023-02-31", "0000", "0000-01-01", "2023-13", "2023-00-10", "2023-04-31", "0999"]
)
def test_an_impossible_metadata_date_is_ignored_with_a_warning(value: str) -> None:
    article = article_from_text(f" date {value} Gisteren ging de minister naar huis.")
    assert article.date is None
    assert article.text == "Gisteren ging de minister naar huis."
    assert len(article.warnings) == 1 and value in article.warnings[0]
    assert "not a real date" in article.warnings[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-02-29", ArticleDate(2024, 2, 29)), ("1000", ArticleDate(1000)),
     ("2023-9", ArticleDate(2023, 9))],
)
def test_real_metadata_dates_are_kept(value: str, expected: ArticleDate) -> None:
    article = article_from_text(f" date {value} Gisteren ging de minister naar huis.")
    assert article.date == expected and article.warnings == ()


def test_bidi_controls_are_stripped_and_other_controls_too(tmp_path: Path) -> None:
    text = ("De minister\u202e zei niets\u202c. Een \u2066isolaat\u2069 en \u200fmerk\u200e."
            "\x85Nieuwe regel\u2028en\x9b nog een.")
    article = article_from_text(text)
    assert article.text == (
        "De minister zei niets. Een isolaat en merk.\n\nNieuwe regel\n\nen nog een."
    )
    path = tmp_path / "pagina.html"
    path.write_text("<html><head><title>Kop \u202eomgekeerd</title></head><body><article>"
                    "<p>Het kabinet\u202e is gevallen na een lang debat in de Tweede Kamer over "
                    "asiel en migratie, zeiden ingewijden.</p></article></body></html>",
                    encoding="utf-8")
    page = load_article(path)
    assert page.title == "Kop omgekeerd"
    assert "\u202e" not in page.text and "Het kabinet is gevallen" in page.text


def test_pasted_text_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_TEXT_CHARS", 100)
    with pytest.raises(ArticleError, match="pasted text is too long"):
        article_from_pasted_text("Een zin. " * 20)
    with pytest.raises(ArticleError, match="pasted text is too long"):
        article_from_pasted_text("x" * 401)  # refused before it is normalised
    with pytest.raises(ArticleError, match="pasted text is empty"):
        article_from_pasted_text(" \n\u202e\n ")
    assert article_from_pasted_text("Een zin.").text == "Een zin."


@pytest.mark.parametrize(
    ("pasted", "title", "first_text"),
    [
        # A heading line is the title and leaves the body.
        ("Kabinet valt over asiel\n\nHet kabinet is gevallen.", "Kabinet valt over asiel",
         "Het kabinet is gevallen."),
        ("Kabinet valt\nHet kabinet is gevallen.", "Kabinet valt", "Het kabinet is gevallen."),
        # A paragraph stays in the body and lends its opening words.
        ("Het kabinet is gevallen.", "Het kabinet is gevallen.", "Het kabinet is gevallen."),
        ("Het kabinet is gisteravond gevallen na een lang debat over asiel en migratie in de "
         "Tweede Kamer.", "Het kabinet is gisteravond gevallen na een lang debat over…",
         "Het kabinet is gisteravond"),
        # A lone heading is the title and the text (the article is never empty).
        ("Alleen een kop", "Alleen een kop", "Alleen een kop"),
        # The sample format's date is metadata, never the title.
        (" date 2024-06 Kop van vandaag\n\nDe tekst.", "Kop van vandaag", "De tekst."),
    ],
)
def test_pasted_text_is_titled_by_its_first_line(pasted: str, title: str,
                                                 first_text: str) -> None:
    article = article_from_pasted_text(pasted)
    assert article.title == title
    assert article.text.startswith(first_text)
    assert article.source == "pasted text"
    assert "date" not in (article.title or "")
    assert len(article.title or "") <= loading.PASTED_TITLE_CHARS + 1


def test_url_is_downloaded_and_extracted_from_a_local_server(tmp_path: Path) -> None:
    import http.server
    import threading
    from functools import partial

    page = tmp_path / "artikel.html"
    page.write_text(
        "<html><head><title>Kabinet valt</title></head><body><article><p>Het kabinet is "
        "gevallen na een lang debat in de Tweede Kamer over asiel en migratie.</p>"
        "</article></body></html>", encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # shutdown() waits for the poll: 0.5 s by default, at every test's end
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        article = load_article(f"{base}/artikel.html")
        assert article.title == "Kabinet valt"
        assert "Tweede Kamer" in article.text
        assert article.source == f"{base}/artikel.html"
        with pytest.raises(ArticleError, match="could not be downloaded"):
            load_article(f"{base}/ontbreekt.html")
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_too_large_to_extract_is_refused_but_scripts_do_not_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_HTML_CHARS", 2000)
    body = ("<p>Het kabinet is gevallen na een lang debat in de Tweede Kamer over asiel en "
            "migratie, zeiden ingewijden vanavond.</p>")
    heavy = tmp_path / "zwaar.html"
    heavy.write_text(f"<html><head><SCRIPT>{'x' * 5000}</script><style>{'y' * 5000}</style>"
                     f"</head><body><article>{body}</article><script>nooit gesloten "
                     f"{'z' * 5000}", encoding="utf-8")
    article = load_article(heavy)
    assert "Tweede Kamer" in article.text and "xxx" not in article.text
    large = tmp_path / "groot.html"
    large.write_text(f"<html><body><article>{body * 30}</article></body></html>",
                     encoding="utf-8")
    with pytest.raises(ArticleError, match=r"“groot\.html” is too large a web page to read"):
        load_article(large)


def test_epub_chapters_in_spine_order_without_the_table_of_contents(tmp_path: Path) -> None:
    from books import write_epub

    path = write_epub(tmp_path / "boek.epub", [
        ("Het begin", "<h1>Begin</h1><p>Er was eens een haven.</p>"),
        ("De reis", "<h2>De reis</h2><p>Het schip vertrok.</p>"),
        ("", "<p>Een deel zonder titel.</p>"),
        ("Leeg", "<p> </p>"),
    ], spine_order=[1, 0, 2, 3])
    article = load_article(path)
    assert article.text.startswith("De reis\n\nHet schip vertrok.")  # the spine's order
    # The nav document's chapter list is not read as text at the end.
    assert article.text.endswith("Een deel zonder titel.")
    assert article.text.count("Het begin") == 0 and article.text.count("De reis") == 1
    titles = [chapter.title for chapter in article.chapters]
    assert titles == ["De reis", "Het begin", "Part 3"]  # toc title, else heading, else number
    starts = [chapter.start for chapter in article.chapters]
    assert starts == sorted(starts) and starts[0] == 0
    assert article.text[starts[1]:].startswith("Begin\n\nEr was eens")
    assert article.text[starts[2]:] == "Een deel zonder titel."


def test_text_and_web_articles_have_no_chapters(tmp_path: Path) -> None:
    path = tmp_path / "kort.txt"
    path.write_text("Kop\n\nEen zin.", encoding="utf-8")
    assert load_article(path).chapters == ()
