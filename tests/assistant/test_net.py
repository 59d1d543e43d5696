"""The bounded HTTP helper, and the online notes that use it, against loopback servers that
behave, drip, lie and break HTTP."""

from __future__ import annotations

import gzip
import shutil
import socket
import ssl
import subprocess
import threading
import time
from pathlib import Path

import pytest
from loopback import Handler, Loopback, drip, hold, raw, response

from assistant.errors import Cancelled
from assistant.knowledge.enrichment import Endpoints, Enricher
from assistant.models import ArticleDate, Category, Mention, Note
from assistant.net import (
    JSON_TYPES,
    PAGE_TYPES,
    HttpStatusError,
    NetError,
    Unreachable,
    fetch,
)

PAGE = b"<html><body><p>Het kabinet is gevallen.</p></body></html>"


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def failure(url: str, **options: object) -> NetError:
    with pytest.raises(NetError) as caught:
        fetch(url, **options)  # type: ignore[arg-type]
    message = caught.value.message
    assert "\n" not in message and url[:40] in message
    return caught.value


def test_a_page_is_returned_whole_with_its_type_and_charset() -> None:
    with Loopback(response(PAGE)) as server:
        got = fetch(server.url("/artikel"))
    assert got.body == PAGE
    assert (got.status, got.media_type, got.charset) == (200, "text/html", "utf-8")
    assert got.url == server.url("/artikel")


@pytest.mark.parametrize("scheme", ["HTTP", "Http", "http"])
def test_the_scheme_is_case_insensitive(scheme: str) -> None:
    with Loopback(response(PAGE)) as server:
        url = server.url("/").replace("http", scheme, 1)
        assert fetch(url).body == PAGE


@pytest.mark.parametrize(
    ("content_type", "accepted"),
    [
        ("text/html", True),
        ("TEXT/HTML; charset=ISO-8859-1", True),
        ("application/xhtml+xml", True),
        ("text/plain; charset=utf-8", True),
        (None, True),  # no type: the caller sniffs
        ("application/pdf", False),
        ("image/png", False),
        ("application/octet-stream", False),
        ("application/json", False),
    ],
)
def test_content_types_for_pages(content_type: str | None, accepted: bool) -> None:
    with Loopback(response(PAGE, content_type=content_type)) as server:
        if accepted:
            assert fetch(server.url(), accept=PAGE_TYPES).body == PAGE
        else:
            error = failure(server.url(), accept=PAGE_TYPES)
            assert content_type is not None and content_type in error.message


def test_the_request_says_what_it_accepts_and_who_asks() -> None:
    with Loopback(response(PAGE)) as server:
        fetch(server.url(), accept=PAGE_TYPES)
        fetch(server.url(), headers={"User-Agent": "Test/1", "Accept": "application/json"})
    page, custom = server.requests
    assert b"Accept: text/html, application/xhtml+xml, text/plain\r\n" in page
    assert b"User-Agent: Leeswijzer/" in page and b"Connection: close\r\n" in page
    assert b"User-Agent: Test/1\r\n" in custom and b"Accept: application/json\r\n" in custom


def test_json_is_accepted_when_asked_for() -> None:
    with Loopback(response(b"{}", content_type="application/json")) as server:
        assert fetch(server.url(), accept=JSON_TYPES).body == b"{}"
        assert "text/html" in failure(server.url(), accept=("text/html",)).message


def test_a_dripping_body_is_cut_off_by_the_overall_deadline() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
    with Loopback(drip(head, every=0.02)) as server:
        started = time.monotonic()
        error = failure(server.url(), deadline=0.6)
        elapsed = time.monotonic() - started
    assert isinstance(error, Unreachable)
    assert "within 0.6 s" in error.message
    assert elapsed < 3


def test_dripping_headers_are_cut_off_too() -> None:
    with Loopback(drip(b"HTTP/1.1 200 OK\r\nX-Slow: ", every=0.02)) as server:
        started = time.monotonic()
        assert isinstance(failure(server.url(), deadline=0.5), Unreachable)
        assert time.monotonic() - started < 3


def test_a_server_that_never_answers_times_out() -> None:
    with Loopback(hold()) as server:
        assert "within 0.3 s" in failure(server.url(), deadline=0.3).message


def test_a_tls_handshake_that_never_comes_times_out() -> None:
    with Loopback(hold(), read_request=False) as server:
        url = server.url().replace("http://", "https://")
        started = time.monotonic()
        assert isinstance(failure(url, deadline=0.4), Unreachable)
        assert time.monotonic() - started < 3


def test_a_body_shorter_than_its_content_length_is_refused() -> None:
    data = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<html>"
    with Loopback(raw(data)) as server:
        assert "stopped after 6 of 1,000 bytes" in failure(server.url()).message


def test_a_truncated_chunked_body_is_refused() -> None:
    data = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"10\r\n<html><body>")
    with Loopback(raw(data)) as server:
        assert "stopped" in failure(server.url()).message


def test_a_declared_length_over_the_cap_is_refused_before_reading() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 999999999\r\n\r\n"
    with Loopback(drip(head, every=0.02)) as server:
        error = failure(server.url(), max_bytes=1000, deadline=5)
    assert "too large (999,999,999 bytes; the limit is 1,000 bytes)" in error.message


def test_an_undeclared_body_over_the_cap_is_refused() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
    with Loopback(raw(head + b"x" * 200_000)) as server:
        assert "too large (over 100,000 bytes)" in failure(server.url(), max_bytes=100_000).message


def test_gzip_is_inflated_and_a_gzip_bomb_is_capped() -> None:
    small = gzip.compress(PAGE)
    bomb = gzip.compress(b"\0" * 20_000_000)
    with Loopback({
        "/small": response(small, headers={"Content-Encoding": "gzip"}),
        "/bomb": response(bomb, headers={"Content-Encoding": "gzip"}),
        "/cut": response(small[:-12], headers={"Content-Encoding": "gzip"}),
        "/br": response(small, headers={"Content-Encoding": "br"}),
    }) as server:
        assert fetch(server.url("/small")).body == PAGE
        assert len(bomb) < 100_000
        assert "too large" in failure(server.url("/bomb"), max_bytes=1_000_000).message
        assert "compressed data" in failure(server.url("/cut")).message
        assert "compressed as br" in failure(server.url("/br")).message


def redirect(location: str, status: str = "302 Found") -> bytes:
    return (f"HTTP/1.1 {status}\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n"
            .encode("latin-1"))


def test_redirects_are_followed_to_http_only_and_capped() -> None:
    with Loopback({
        "/old": raw(redirect("/new", "301 Moved Permanently")),
        "/new": raw(b""),  # set below, once the port is known
        "/page": response(PAGE),
        "/ftp": raw(redirect("ftp://127.0.0.1/secret.txt")),
        "/file": raw(redirect("file:///etc/passwd")),
        "/loop": raw(redirect("/loop")),
        "/nowhere": raw(b"HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n"),
    }) as server:
        server.handlers["/new"] = raw(redirect(f"HTTP://127.0.0.1:{server.port}/page"))
        got = fetch(server.url("/old"))
        assert got.body == PAGE and got.url == f"http://127.0.0.1:{server.port}/page"
        assert "redirects to a ftp address" in failure(server.url("/ftp")).message
        assert "redirects to a file address" in failure(server.url("/file")).message
        assert "more than 3 times" in failure(server.url("/loop"), max_redirects=3).message
        assert "302" in failure(server.url("/nowhere")).message
        assert not any(b"secret" in request for request in server.requests)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (b"garbage\r\n\r\n", "not HTTP"),
        (b"HTTP/1.1 200 OK" + b"x" * 70_000 + b"\r\n\r\n", "line is too long"),
        (b"HTTP/1.1 200 OK\r\nX: " + b"y" * 70_000 + b"\r\n\r\n", "line is too long"),
        (b"HTTP/1.1 200 OK\r\n" + b"X-Many: 1\r\n" * 101 + b"\r\n", "too many header lines"),
        (b"", "closed the connection without answering"),
        (b"HTTP/1.1 abc Broken\r\n\r\n", "not HTTP"),
        (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
         b"zz\r\n", "stopped after 0 bytes"),
    ],
)
def test_malformed_answers_are_one_line_errors(answer: bytes, expected: str) -> None:
    with Loopback(raw(answer)) as server:
        assert expected in failure(server.url()).message


def test_error_statuses_carry_the_status_and_a_cleaned_phrase() -> None:
    with Loopback({
        "/missing": response(b"", status="404 Not Found"),
        "/odd": response(b"", status="500 <b>\u202eoops</b>".encode().decode("latin-1")),
    }) as server:
        missing = failure(server.url("/missing"))
        assert isinstance(missing, HttpStatusError) and missing.status == 404
        assert "answered 404 Not Found" in missing.message
        odd = failure(server.url("/odd"))
        assert isinstance(odd, HttpStatusError) and odd.status == 500


def test_connection_refused_and_bad_addresses() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    refused = failure(f"http://127.0.0.1:{port}/")
    assert isinstance(refused, Unreachable) and "refused" in refused.message
    assert "not an http(s) address" in failure("ftp://127.0.0.1/x").message
    assert "no server name" in failure("http:///pad").message
    assert "not a valid web address" in failure("http://127.0.0.1:99999999/").message


def test_paths_with_spaces_and_non_ascii_are_percent_encoded() -> None:
    with Loopback(response(PAGE)) as server:
        fetch(server.url("/een artikel/café?q=a b\r\nX-Injected: 1"))
    request_line = server.requests[0].split(b"\r\n", 1)[0]
    assert request_line == b"GET /een%20artikel/caf%C3%A9?q=a%20bX-Injected:%201 HTTP/1.1"
    assert b"X-Injected: 1\r\n" not in server.requests[0]


def test_cancelling_stops_a_waiting_fetch() -> None:
    cancel = threading.Event()
    with Loopback(hold()) as server:
        outcome: list[BaseException] = []

        def run() -> None:
            try:
                fetch(server.url(), deadline=20, cancel=cancel)
            except BaseException as error:
                outcome.append(error)

        worker = threading.Thread(target=run)
        worker.start()
        assert server.received.wait(5)
        cancel.set()
        worker.join(5)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)


def test_a_set_cancel_check_stops_before_connecting() -> None:
    cancel = threading.Event()
    cancel.set()
    with Loopback(response(PAGE)) as server, pytest.raises(Cancelled):
        fetch(server.url(), cancel=cancel)
    assert server.requests == []


def test_a_plain_http_proxy_from_the_environment_gets_the_whole_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Loopback(response(PAGE)) as proxy:
        monkeypatch.setenv("http_proxy", f"http://user:geheim@127.0.0.1:{proxy.port}")
        got = fetch("http://nieuws.example/artikel")
    assert got.body == PAGE
    head = proxy.requests[0]
    assert head.startswith(b"GET http://nieuws.example/artikel HTTP/1.1\r\n")
    assert b"Host: nieuws.example\r\n" in head
    assert b"Proxy-Authorization: Basic dXNlcjpnZWhlaW0=\r\n" in head


def test_no_proxy_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    with Loopback(response(PAGE)) as server:
        monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")  # nothing listens there
        monkeypatch.setenv("no_proxy", "127.0.0.1")
        assert fetch(server.url()).body == PAGE


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=30,
    )
    return key, cert


def test_https_with_a_trusted_and_an_untrusted_certificate(certificate: tuple[Path, Path]) -> None:
    key, cert = certificate
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    page = response(PAGE)

    def tls_page(connection: socket.socket, request: bytes, stop: threading.Event) -> None:
        with server_context.wrap_socket(connection, server_side=True) as secure:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = secure.recv(4096)
                if not chunk:
                    return
                data += chunk
            page(secure, data, stop)
            secure.unwrap()

    with Loopback(tls_page, read_request=False) as server:
        url = server.url("/artikel").replace("http://", "https://")
        trusting = ssl.create_default_context(cafile=str(cert))
        assert fetch(url, tls=trusting).body == PAGE
        assert "certificate could not be verified" in failure(url).message


def test_a_failed_name_lookup_is_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    error = failure("https://nieuws.example/artikel")
    assert isinstance(error, Unreachable) and "could not be found" in error.message


def test_a_stuck_name_lookup_cannot_outlast_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def stuck(*args: object, **kwargs: object) -> list[object]:
        release.wait(30)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    started = time.monotonic()
    try:
        assert "within 0.3 s" in failure("https://nieuws.example/", deadline=0.3).message
        assert time.monotonic() - started < 3
    finally:
        release.set()


def _rutte() -> Note:
    return Note(key="unknown:mark rutte", name="Mark Rutte", category=Category.PERSON,
                mentions=(Mention(0, 10, "Mark Rutte"),), as_of=ArticleDate(2023, 9))


@pytest.mark.parametrize(
    "answer",
    [
        # one byte every 0.05 s: the server took 182 s for one subject (3 s timeout)
        drip(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
             b"Content-Length: 100000\r\n\r\n{", b" ", every=0.05),
        drip(b"HTTP/1.1 200 OK\r\nX-Slow: ", every=0.05),
        raw(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n{"),
        raw(b"HTTP/1.1 200 OK\r\n" + b"A: b\r\n" * 101 + b"\r\n"),
        raw(b"HTTP/1.1 200 " + b"x" * 70_000 + b"\r\n\r\n"),
        raw(b"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/x\r\n\r\n"),
        raw(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>not json</html>"),
    ],
    ids=["drip-body", "drip-headers", "short-body", "101-headers", "long-status", "ftp",
         "html"],
)
def test_online_notes_from_a_hostile_server_keep_the_note_within_the_timeout(
    answer: Handler, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEESWIJZER_OFFLINE", raising=False)
    with Loopback(answer) as server:
        base = server.url("").rstrip("/")
        enricher = Enricher(tmp_path / "cache.sqlite", timeout=0.5,
                            endpoints=Endpoints(base, base, base))
        started = time.monotonic()
        original = _rutte()
        assert enricher.enrich(original) == original
        elapsed = time.monotonic() - started
        assert server.requests  # it did ask
    assert elapsed < 5  # bounded by the timeout per request and the lookup's deadline
