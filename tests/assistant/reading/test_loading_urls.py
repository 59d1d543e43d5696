"""Article URLs through the bounded HTTP helper: types, charsets, drips, lies and redirects."""

from __future__ import annotations

import threading
import time

import pytest
from loopback import Loopback, drip, raw, response

from assistant.errors import ArticleError, Cancelled
from assistant.models import BlockKind
from assistant.reading import loading
from assistant.reading.loading import load_article

PAGE = ("<html><head><title>Kabinet valt</title></head><body><article><p>Het kabinet is "
        "gevallen na een lang debat in de Tweede Kamer over asiel en migratie.</p>"
        "</article></body></html>")
PLAIN = "Kabinet valt\n\nHet kabinet is gevallen na een lang debat in de Tweede Kamer.\n"


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def refusal(url: str) -> str:
    with pytest.raises(ArticleError) as caught:
        load_article(url)
    message = caught.value.message
    assert "\n" not in message and message.startswith(f"The page {url[:30]}")
    return message


def test_an_html_page_in_capitals_scheme_is_loaded() -> None:
    with Loopback(response(PAGE.encode())) as server:
        url = server.url("/artikel").replace("http://", "HTTP://")
        article = load_article(url)
    assert article.title == "Kabinet valt" and "Tweede Kamer" in article.text
    assert article.source == url


def test_a_plain_text_page_is_read_as_text() -> None:
    with Loopback(response(PLAIN.encode(), content_type="text/plain; charset=utf-8")) as server:
        article = load_article(server.url("/artikel.txt"))
    assert article.text.startswith("Kabinet valt\n\nHet kabinet is gevallen")
    assert article.blocks[0].kind is BlockKind.HEADING


def test_the_declared_charset_is_used() -> None:
    body = PAGE.replace("debat", "débat").encode("iso-8859-1")
    with Loopback(response(body, content_type="text/html; charset=ISO-8859-1")) as server:
        assert "lang débat" in load_article(server.url()).text


def test_a_wrong_declared_charset_falls_back_to_detection() -> None:
    body = PAGE.replace("debat", "débat").encode("utf-8")
    with Loopback(response(body, content_type="text/html; charset=us-ascii")) as server:
        assert "lang débat" in load_article(server.url()).text


def test_a_page_of_another_type_is_refused_by_name() -> None:
    with Loopback(response(b"%PDF-1.4", content_type="application/pdf")) as server:
        message = refusal(server.url("/krant.pdf"))
    assert "could not be downloaded: it is application/pdf" in message


def test_an_empty_page() -> None:
    with Loopback(response(b"  \n", content_type="text/html")) as server:
        assert "is empty" in refusal(server.url())


def test_a_dripping_page_is_cut_off_by_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "URL_DEADLINE_SECONDS", 0.5)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 99999\r\n\r\n<html>"
    with Loopback(drip(head, every=0.02)) as server:
        started = time.monotonic()
        message = refusal(server.url())
    assert "no complete answer within 0.5 s" in message
    assert time.monotonic() - started < 3


def test_a_truncated_page_is_refused() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n"
    with Loopback(raw(head + PAGE.encode())) as server:
        assert f"stopped after {len(PAGE.encode())} of 5,000 bytes" in refusal(server.url())


def test_a_redirect_to_ftp_is_not_followed() -> None:
    answer = b"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/x\r\nContent-Length: 0\r\n\r\n"
    with Loopback(raw(answer)) as server:
        assert "redirects to a ftp address" in refusal(server.url())


@pytest.mark.parametrize(
    "answer",
    [b"nonsense\r\n\r\n", b"HTTP/1.1 200 OK\r\n" + b"A: b\r\n" * 101 + b"\r\n",
     b"HTTP/1.1 200 " + b"x" * 70_000 + b"\r\n\r\n"],
)
def test_malformed_answers_are_one_line(answer: bytes) -> None:
    with Loopback(raw(answer)) as server:
        assert "malformed" in refusal(server.url()) or "not HTTP" in refusal(server.url())


def test_a_missing_page() -> None:
    with Loopback(response(b"", status="404 Not Found")) as server:
        assert "could not be downloaded: the server answered 404 Not Found" in refusal(
            server.url("/weg"))


def test_a_bad_utf8_byte_in_a_page_gives_a_warning() -> None:
    body = PAGE.replace("debat", "débat").encode().replace(b"Kamer", b"Ka\xffmer")
    with Loopback(response(body, content_type="text/html")) as server:
        article = load_article(server.url())
    assert "lang débat" in article.text
    assert len(article.warnings) == 1 and "invalid byte" in article.warnings[0]


def test_cancelling_a_page_load() -> None:
    cancel = threading.Event()
    with Loopback(drip(b"HTTP/1.1 200 OK\r\n", every=0.02)) as server:
        outcome: list[BaseException] = []

        def run() -> None:
            try:
                load_article(server.url(), cancel=cancel)
            except BaseException as error:
                outcome.append(error)

        worker = threading.Thread(target=run)
        worker.start()
        assert server.received.wait(5)
        cancel.set()
        worker.join(5)
    assert not worker.is_alive() and isinstance(outcome[0], Cancelled)
