"""Bounded HTTP GET: one overall deadline, a size cap, http(s)-only redirects and one error type.

    response = fetch("https://nos.nl/artikel/1", accept=PAGE_TYPES)   # or JSON_TYPES
    response.body, response.media_type, response.charset, response.url (after redirects)

Every failure is a `NetError` (an `AssistantError`) whose `message` is one line naming the URL
and whose `reason` is the short why: `HttpStatusError` (the server answered 4xx/5xx; `.status`),
`Unreachable` (no connection, no such host, refused, reset, or the deadline passed: worth backing
off), and plain `NetError` for everything else (malformed or truncated answers, too large, the
wrong content type, a redirect to something that is not http(s)). `errors.Cancelled` when
`cancel` (anything with `is_set()`, e.g. a threading.Event) is set. A JSON client, e.g.:

    try:
        body = fetch(url, accept=JSON_TYPES, deadline=3.0, max_bytes=2_000_000,
                     headers={"User-Agent": "Leeswijzer/0.1 (contact)"}).body
    except HttpStatusError as error:   # error.status == 404: not there
    except Unreachable:                # offline or too slow: back off for a while
    except NetError:                   # a broken answer
"""

from __future__ import annotations

import base64
import errno
import http.client
import io
import os
import select
import socket
import ssl
import threading
import time
import urllib.parse
import urllib.request
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message

from assistant.errors import AssistantError, CancelCheck, Cancelled, message_text

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
JSON_TYPES = ("application/json",)
DEADLINE_SECONDS = 15.0
MAX_BYTES = 50 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "Leeswijzer/0.1"
# How often a blocked call wakes up to look at the cancel check.
_CANCEL_POLL_SECONDS = 0.1
_READ_CHUNK = 65536
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# connect_ex on a non-blocking socket: "in progress" (10035 is Windows' WSAEWOULDBLOCK).
_CONNECT_PENDING = frozenset({0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY, 10035})


class NetError(AssistantError):
    """A download failed; `reason` is the short why, `message` the whole line with the URL."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{message_text(url)} could not be downloaded: {reason}.")
        self.url = url
        self.reason = reason


class HttpStatusError(NetError):
    """The server answered with an error status (4xx or 5xx, or a 3xx without a target)."""

    def __init__(self, url: str, status: int, phrase: str) -> None:
        phrase = message_text(phrase, 60)
        super().__init__(url, f"the server answered {status}{' ' + phrase if phrase else ''}")
        self.status = status


class Unreachable(NetError):
    """No answer: no network, no such host, refused or reset, or the deadline passed."""


@dataclass(frozen=True, slots=True)
class Response:
    """A complete 2xx answer. `media_type` is lower case, "" when the server sent none."""

    url: str
    status: int
    media_type: str
    charset: str | None
    body: bytes


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = PAGE_TYPES,
    deadline: float = DEADLINE_SECONDS,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    headers: Mapping[str, str] | None = None,
    cancel: CancelCheck | None = None,
    tls: ssl.SSLContext | None = None,
) -> Response:
    """GET `url` (http or https, any letter case) and return the whole body.

    `deadline` bounds everything (name lookup, connecting, TLS, redirects, every header and body
    byte), not each read; bodies over `max_bytes` are refused (a declared Content-Length at once);
    a body shorter than its Content-Length is an error, never returned. Only media types in
    `accept` are read (a missing Content-Type is let through for the caller to sniff). Proxies
    come from the environment (`https_proxy`, `no_proxy`, …), as in urllib."""
    clock = _Clock(deadline, cancel)
    current = url
    try:
        for _ in range(max_redirects + 1):
            target = _Target.parse(current)
            clock.remaining()
            asked = {"Accept": ", ".join(accept), **(headers or {})}
            with _Exchange(target, clock, asked, tls) as response:
                if response.status in _REDIRECTS:
                    location = response.getheader("Location")
                    if not location:
                        raise HttpStatusError(current, response.status, response.reason)
                    current = urllib.parse.urljoin(current, location.strip())
                    scheme = urllib.parse.urlsplit(current).scheme.lower()
                    if scheme not in ("http", "https"):
                        raise NetError(url, f"it redirects to a {scheme or 'non-web'} address, "
                                            "not a web page")
                    continue
                if not 200 <= response.status < 300:
                    raise HttpStatusError(current, response.status, response.reason)
                media_type, charset = _content_type(response)
                if media_type and media_type not in accept:
                    raise NetError(current, f"it is {message_text(media_type, 40)}, not "
                                            f"{' or '.join(accept)}")
                body = _read_body(response, current, max_bytes, clock)
                return Response(current, response.status, media_type, charset, body)
        raise NetError(url, f"it redirects more than {max_redirects} times")
    except _Expired as error:
        raise Unreachable(current, f"no complete answer within {deadline:g} s") from error
    except _CancelledSignal as error:
        raise Cancelled() from error
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise _as_net_error(current, error) from error


class _Expired(Exception):
    """The overall deadline passed (internal: becomes Unreachable)."""


class _CancelledSignal(Exception):
    """The cancel check was set (internal: becomes errors.Cancelled)."""


class _Clock:
    """The one deadline of a fetch, and the cancel check polled while waiting."""

    def __init__(self, seconds: float, cancel: CancelCheck | None) -> None:
        self._end = time.monotonic() + seconds
        self._cancel = cancel

    def remaining(self) -> float:
        """Seconds left; raises _CancelledSignal or _Expired when there is nothing to wait for."""
        if self._cancel is not None and self._cancel.is_set():
            raise _CancelledSignal()
        left = self._end - time.monotonic()
        if left <= 0:
            raise _Expired()
        return left

    def slice(self) -> float:
        """How long one blocking call may wait before looking at the clock again."""
        left = self.remaining()
        return min(left, _CANCEL_POLL_SECONDS) if self._cancel is not None else left


@dataclass(frozen=True, slots=True)
class _Target:
    url: str
    tls: bool
    host: str  # IDNA-encoded
    port: int
    path: str  # percent-encoded path and query

    @classmethod
    def parse(cls, url: str) -> _Target:
        parts = urllib.parse.urlsplit(url.strip())
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise NetError(url, "it is not an http(s) address")
        hostname = parts.hostname
        if not hostname:
            raise NetError(url, "it has no server name")
        try:
            host = hostname.encode("idna").decode("ascii") if not hostname.isascii() else hostname
            port = parts.port or (443 if scheme == "https" else 80)
        except (UnicodeError, ValueError) as error:
            raise NetError(url, "it is not a valid web address") from error
        path = _quoted(parts.path or "/") + (f"?{_quoted(parts.query)}" if parts.query else "")
        return cls(url, scheme == "https", host, port, path)


def _quoted(part: str) -> str:
    """Percent-encode what may not appear in a request line (spaces, controls, non-ASCII)."""
    return urllib.parse.quote(part, safe="/%:@!$&'()*+,;=-._~?")


class _Exchange:
    """One request and its response on a fresh connection; closes both on exit."""

    def __init__(
        self,
        target: _Target,
        clock: _Clock,
        headers: Mapping[str, str] | None,
        tls: ssl.SSLContext | None,
    ) -> None:
        self._target = target
        self._clock = clock
        self._headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate",
                         "Connection": "close", **(headers or {})}
        self._given_tls = tls
        self._connection: _Connection | None = None
        self._response: http.client.HTTPResponse | None = None

    def __enter__(self) -> http.client.HTTPResponse:
        try:
            return self._exchange()
        except BaseException:
            self.__exit__()
            raise

    def _exchange(self) -> http.client.HTTPResponse:
        target = self._target
        proxy = _proxy_for(target)
        path = target.path
        headers = dict(self._headers)
        if proxy is None:
            connection = _Connection(target.host, target.port, self._clock, target, self._tls())
        else:
            proxy_host, proxy_port, authorisation = proxy
            connection = _Connection(proxy_host, proxy_port, self._clock, target, self._tls())
            if target.tls:
                tunnel_headers = {"Proxy-Authorization": authorisation} if authorisation else None
                connection.set_tunnel(target.host, target.port, tunnel_headers)
            else:
                path = target.url  # a plain-HTTP proxy takes the whole URL
                if authorisation:
                    headers["Proxy-Authorization"] = authorisation
        self._connection = connection
        host = f"[{target.host}]" if ":" in target.host else target.host
        default_port = 443 if target.tls else 80
        host_header = host if target.port == default_port else f"{host}:{target.port}"
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host_header)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        self._response = connection.getresponse()
        return self._response

    def _tls(self) -> ssl.SSLContext | None:
        if not self._target.tls:
            return None
        return self._given_tls or ssl.create_default_context()

    def __exit__(self, *exc_info: object) -> None:
        if self._response is not None:
            self._response.close()
        if self._connection is not None:
            self._connection.close()


def _proxy_for(target: _Target) -> tuple[str, int, str | None] | None:
    """The proxy the environment names for this URL: host, port and Proxy-Authorization."""
    if urllib.request.proxy_bypass(target.host):
        return None
    proxy = urllib.request.getproxies().get("https" if target.tls else "http")
    if not proxy:
        return None
    parts = urllib.parse.urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    if not parts.hostname:
        return None
    authorisation = None
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        pair = f"{user}:{urllib.parse.unquote(parts.password or '')}"
        authorisation = "Basic " + base64.b64encode(pair.encode("utf-8")).decode("ascii")
    return parts.hostname, parts.port or 80, authorisation


class _Connection(http.client.HTTPConnection):
    """An HTTP(S) connection whose every socket call keeps to the fetch's clock."""

    def __init__(
        self, host: str, port: int, clock: _Clock, target: _Target, tls: ssl.SSLContext | None
    ) -> None:
        super().__init__(host, port)
        self._clock = clock
        self._target = target
        self._tls_context = tls

    def connect(self) -> None:
        raw = _open_socket(self.host, self.port, self._clock)
        self.sock = _BoundedSocket(raw, self._clock)
        if getattr(self, "_tunnel_host", None):
            self._tunnel()  # type: ignore[attr-defined]  # http.client's CONNECT to a proxy
        if self._tls_context is not None:
            wrapped = self._tls_context.wrap_socket(
                raw, server_hostname=self._target.host, do_handshake_on_connect=False
            )
            self.sock = _BoundedSocket(wrapped, self._clock)
            while True:
                wrapped.settimeout(self._clock.slice())
                try:
                    wrapped.do_handshake()
                    break
                except TimeoutError:
                    self._clock.remaining()  # raises once cancelled or out of time


def _open_socket(host: str, port: int, clock: _Clock) -> socket.socket:
    """A connected TCP socket, every step (name lookup included) within the clock."""
    error: OSError | None = None
    for family, kind, proto, _, address in _resolve(host, port, clock):
        sock = socket.socket(family, kind, proto)
        try:
            sock.setblocking(False)
            code = sock.connect_ex(address)
            if code not in _CONNECT_PENDING:
                raise OSError(code, _strerror(code))
            while not select.select([], [sock], [], clock.slice())[1]:
                clock.remaining()
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code:
                raise OSError(code, _strerror(code))
            sock.setblocking(True)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return sock
        except OSError as failure:
            sock.close()
            error = failure
        except BaseException:
            sock.close()
            raise
    raise error if error is not None else OSError(errno.EHOSTUNREACH, "no address")


def _strerror(code: int) -> str:
    return os.strerror(code)


def _resolve(host: str, port: int, clock: _Clock) -> list[tuple[
    socket.AddressFamily, socket.SocketKind, int, str, tuple[str, int] | tuple[str, int, int, int]
]]:
    """getaddrinfo, waited for on a helper thread so a stuck resolver cannot outlast the clock."""
    result: list[object] = []

    def lookup() -> None:
        try:
            result.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as failure:
            result.append(failure)

    worker = threading.Thread(target=lookup, name="resolve", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(clock.slice())
    outcome = result[0]
    if isinstance(outcome, OSError):
        raise outcome
    return outcome  # type: ignore[return-value]


class _BoundedSocket:
    """The part of a socket http.client uses (sendall, makefile, close), kept to the clock.

    Like a real socket, closing it leaves the descriptor open while a file made by `makefile`
    is open: http.client closes the connection but keeps reading the response."""

    def __init__(self, sock: socket.socket, clock: _Clock) -> None:
        self._sock = sock
        self._clock = clock
        self._open_files = 0
        self._closed = False

    def sendall(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            self._sock.settimeout(self._clock.slice())
            try:
                sent = self._sock.send(view)
            except TimeoutError:
                self._clock.remaining()
                continue
            view = view[sent:]

    def makefile(self, mode: str = "rb", buffering: int | None = None) -> io.BufferedReader:
        self._open_files += 1
        return io.BufferedReader(_BoundedReader(self), _READ_CHUNK)

    def recv_into(self, buffer: memoryview) -> int:
        while True:
            self._sock.settimeout(self._clock.slice())
            try:
                return self._sock.recv_into(buffer)
            except TimeoutError:
                self._clock.remaining()

    def file_closed(self) -> None:
        self._open_files -= 1
        if self._closed and self._open_files <= 0:
            self._sock.close()

    def close(self) -> None:
        self._closed = True
        if self._open_files <= 0:
            self._sock.close()


class _BoundedReader(io.RawIOBase):
    """Raw reads from a socket; each waits only as long as the clock allows."""

    def __init__(self, sock: _BoundedSocket) -> None:
        super().__init__()
        self._socket = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        return self._socket.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            self._socket.file_closed()
        super().close()


def _content_type(response: http.client.HTTPResponse) -> tuple[str, str | None]:
    raw = response.getheader("Content-Type")
    if not raw:
        return "", None
    message = Message()
    message["Content-Type"] = raw
    charset = message.get_param("charset")
    return message.get_content_type(), (charset.strip().lower() or None
                                        if isinstance(charset, str) else None)


def _read_body(
    response: http.client.HTTPResponse, url: str, max_bytes: int, clock: _Clock
) -> bytes:
    declared = response.length
    limit = f"{max_bytes // 1_048_576} MB" if max_bytes >= 1_048_576 else f"{max_bytes:,} bytes"
    if declared is not None and declared > max_bytes:
        raise NetError(url, f"it is too large ({declared:,} bytes; the limit is {limit})")
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise NetError(url, f"the server sent it compressed as {message_text(encoding, 20)}")
    inflate = None if encoding == "identity" else zlib.decompressobj(
        zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS
    )
    body = bytearray()
    received = 0
    while chunk := response.read1(_READ_CHUNK):
        received += len(chunk)
        if inflate is None:
            body += chunk
        else:
            try:
                body += inflate.decompress(chunk, max_bytes + 1 - len(body))
            except zlib.error as error:
                raise NetError(url, "its compressed data is broken") from error
        if len(body) > max_bytes or received > max_bytes:
            raise NetError(url, f"it is too large (over {limit})")
        clock.remaining()
    if declared is not None and received < declared:
        raise NetError(url, f"the download stopped after {received:,} of {declared:,} bytes")
    if inflate is not None and not inflate.eof:
        raise NetError(url, "the download stopped before the end of its compressed data")
    return bytes(body)


def _as_net_error(url: str, error: BaseException) -> NetError:
    """One line for every low-level failure, naming the URL."""
    if isinstance(error, NetError):
        return error
    if isinstance(error, http.client.RemoteDisconnected):
        return Unreachable(url, "the server closed the connection without answering")
    if isinstance(error, http.client.IncompleteRead):
        return NetError(url, f"the download stopped after {len(error.partial):,} bytes")
    if isinstance(error, http.client.LineTooLong):
        return NetError(url, "the server's answer is malformed (a line is too long)")
    if isinstance(error, http.client.BadStatusLine):
        return NetError(url, "the server's answer is not HTTP")
    if isinstance(error, http.client.HTTPException):
        detail = "too many header lines" if "headers" in str(error) else type(error).__name__
        return NetError(url, f"the server's answer is malformed ({detail})")
    if isinstance(error, ssl.SSLCertVerificationError):
        return NetError(url, "its security certificate could not be verified "
                             f"({message_text(error.verify_message or 'invalid', 60)})")
    if isinstance(error, ssl.SSLError):
        reason = message_text(error.reason or type(error).__name__, 60)
        return NetError(url, f"the secure connection failed ({reason})")
    if isinstance(error, socket.gaierror):
        return Unreachable(url, "the server's name could not be found (no network?)")
    if isinstance(error, ConnectionRefusedError):
        return Unreachable(url, "the server refused the connection")
    if isinstance(error, (ConnectionError, TimeoutError)):
        return Unreachable(url, f"the connection failed ({message_text(error.strerror or '', 60)})")
    if isinstance(error, OSError):
        reason = message_text(error.strerror or str(error), 60) or type(error).__name__
        return Unreachable(url, f"the connection failed ({reason})")
    return NetError(url, f"it is not a valid web address ({message_text(str(error), 60)})")
