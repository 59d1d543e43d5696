"""Hostile EPUBs: zip bombs by size, by count, by lying headers and by a repeated manifest."""

from __future__ import annotations

import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from assistant.errors import ArticleError
from assistant.models import ArticleDate
from assistant.reading import loading
from assistant.reading.loading import load_article

CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)
CHAPTER = ("<html xmlns='http://www.w3.org/1999/xhtml'><body><h1>Hoofdstuk</h1>"
           "<p>Het was een koude dag in Amsterdam.</p></body></html>")


def opf(items: list[tuple[str, str]], date: str = "2022-05-01") -> str:
    manifest = "".join(f'<item id="{ident}" href="{href}" media-type="application/xhtml+xml"/>'
                       for ident, href in items)
    spine = "".join(f'<itemref idref="{ident}"/>' for ident, _ in items)
    return (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="id">test</dc:identifier><dc:title>Boek</dc:title>'
        f"<dc:language>nl</dc:language><dc:date>{date}</dc:date></metadata>"
        f"<manifest>{manifest}</manifest><spine>{spine}</spine></package>"
    )


def write_epub(
    path: Path,
    parts: dict[str, bytes | str],
    items: list[tuple[str, str]] | None = None,
    date: str = "2022-05-01",
) -> Path:
    items = items if items is not None else [(f"c{i}", name) for i, name in enumerate(parts)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("OEBPS/content.opf", opf(items, date))
        for name, content in parts.items():
            archive.writestr(f"OEBPS/{name}", content)
    return path


def refusal(path: Path) -> tuple[str, float, int]:
    """The message, the seconds it took and the peak traced memory in bytes."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(ArticleError) as caught:
            load_article(path)
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "\n" not in caught.value.message and path.name in caught.value.message
    return caught.value.message, elapsed, peak


def test_a_hand_made_epub_reads(tmp_path: Path) -> None:
    article = load_article(write_epub(tmp_path / "boek.epub", {"een.xhtml": CHAPTER}))
    assert "koude dag in Amsterdam" in article.text
    assert article.title == "Boek" and article.date == ArticleDate(2022, 5, 1)


def test_an_impossible_book_date_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = write_epub(tmp_path / "boek.epub", {"een.xhtml": CHAPTER}, date="2023-02-31")
    article = load_article(path)
    assert article.date is None
    assert len(article.warnings) == 1 and "2023-02-31" in article.warnings[0]


def test_a_part_that_unpacks_past_the_part_limit_is_refused_quickly(tmp_path: Path) -> None:
    bomb = b"<p>" + b"a" * (loading.MAX_EPUB_PART_BYTES + 1) + b"</p>"
    path = write_epub(tmp_path / "bom.epub", {"een.xhtml": CHAPTER, "bom.xhtml": bomb})
    assert path.stat().st_size < 200_000
    message, elapsed, peak = refusal(path)
    assert "one of its parts unpacks to 32 MB" in message and "zip bomb" in message
    assert elapsed < 5 and peak < 20_000_000


def test_a_book_that_unpacks_past_the_book_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_EPUB_BYTES", 1_048_576)
    parts: dict[str, bytes | str] = {f"c{i}.xhtml": b"<p>" + b"a" * 300_000 + b"</p>"
                                     for i in range(4)}
    message, _, _ = refusal(write_epub(tmp_path / "groot.epub", parts))
    assert "it unpacks to 1 MB (the limit is 1 MB per book; it may be a zip bomb)" in message


def test_a_manifest_naming_one_large_part_many_times_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "MAX_EPUB_BYTES", 2_000_000)
    big = b"<html><body><p>" + b"a " * 400_000 + b"</p></body></html>"  # 800 kB, allowed alone
    items = [(f"c{i}", "groot.xhtml") for i in range(50)]  # ebooklib would read it 50 times
    message, _, peak = refusal(write_epub(tmp_path / "herhaald.epub",
                                          {"groot.xhtml": big}, items))
    assert "unpack to more than the limit" in message
    assert peak < 20_000_000


def test_too_many_parts_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_EPUB_PARTS", 50)
    parts: dict[str, bytes | str] = {f"c{i}.xhtml": CHAPTER for i in range(60)}
    message, _, _ = refusal(write_epub(tmp_path / "veel.epub", parts))
    assert "has 63 parts (the limit is 50)" in message


def lie_about_size(path: Path, member: str, declared: int) -> None:
    """Rewrite the uncompressed size of `member` in the local and central headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    local = data.find(b"PK\x03\x04" + bytes(22)[:0])
    while local != -1:
        name_length = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30:local + 30 + name_length] == name:
            struct.pack_into("<I", data, local + 22, declared)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_length] == name:
            struct.pack_into("<I", data, central + 24, declared)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_a_part_that_lies_about_its_size_is_cut_at_the_declared_size(tmp_path: Path) -> None:
    bomb = b"<p>" + b"a" * 50_000_000 + b"</p>"
    path = write_epub(tmp_path / "leugen.epub", {"een.xhtml": CHAPTER, "bom.xhtml": bomb})
    lie_about_size(path, "OEBPS/bom.xhtml", 1000)
    message, elapsed, peak = refusal(path)
    assert "not a readable EPUB" in message
    assert elapsed < 5 and peak < 20_000_000


def test_a_broken_zip_is_not_a_readable_epub(tmp_path: Path) -> None:
    path = write_epub(tmp_path / "stuk.epub", {"een.xhtml": CHAPTER})
    path.write_bytes(path.read_bytes()[:-30])
    message, _, _ = refusal(path)
    assert "not a readable EPUB" in message
