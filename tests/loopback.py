"""Scripted HTTP servers on 127.0.0.1 for tests: honest, dripping, lying or malformed on purpose.

    with Loopback(handler) as server:       # handler(connection, request, stop) writes raw bytes
        fetch(server.url("/page"))

Every connection is served on its own daemon thread; `stop` (a threading.Event) is set when the
test leaves the block, so a dripping handler ends at once; every socket is closed on exit.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from types import TracebackType

Handler = Callable[[socket.socket, bytes, threading.Event], None]


def response(
    body: bytes = b"<html><body><p>Hallo.</p></body></html>",
    *,
    status: str = "200 OK",
    headers: dict[str, str] | None = None,
    content_type: str | None = "text/html; charset=utf-8",
) -> Handler:
    """A handler that answers every request with one honest response."""
    all_headers = {"Content-Length": str(len(body)), "Connection": "close"}
    if content_type is not None:
        all_headers["Content-Type"] = content_type
    all_headers.update(headers or {})
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in all_headers.items())
    raw = head.encode("latin-1") + b"\r\n" + body

    def handle(connection: socket.socket, request: bytes, stop: threading.Event) -> None:
        connection.sendall(raw)

    return handle


def raw(data: bytes) -> Handler:
    """A handler that sends exactly these bytes (malformed answers) and closes."""

    def handle(connection: socket.socket, request: bytes, stop: threading.Event) -> None:
        connection.sendall(data)

    return handle


def drip(head: bytes, byte: bytes = b"a", every: float = 0.05) -> Handler:
    """Sends `head`, then one byte every `every` seconds until the test ends or the client goes."""

    def handle(connection: socket.socket, request: bytes, stop: threading.Event) -> None:
        connection.sendall(head)
        while not stop.wait(every):
            connection.sendall(byte)

    return handle


def hold() -> Handler:
    """Accepts the request and never answers (until the test ends)."""

    def handle(connection: socket.socket, request: bytes, stop: threading.Event) -> None:
        stop.wait(30)

    return handle


class Loopback:
    """A TCP server on 127.0.0.1 that hands each request to a handler chosen by its path."""

    def __init__(self, handler: Handler | dict[str, Handler], *, read_request: bool = True) -> None:
        self.handlers = handler if isinstance(handler, dict) else {"": handler}
        self._read_request = read_request
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self.stop = threading.Event()
        self.requests: list[bytes] = []
        self.received = threading.Event()  # set when the first request has been read
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, name="loopback", daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> Loopback:
        self._accepter.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop.set()
        self._accepter.join(5)
        for thread in self._threads:
            thread.join(5)
        self._listener.close()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            try:
                request = self._request(connection) if self._read_request else b""
                self.requests.append(request)
                self.received.set()
                self._handler_for(request)(connection, request, self.stop)
                connection.shutdown(socket.SHUT_WR)
            except OSError:
                pass  # the client went away (as the tests often make it)

    def _request(self, connection: socket.socket) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = connection.recv(4096)
            if not chunk:
                break
            data += chunk
        return data

    def _handler_for(self, request: bytes) -> Handler:
        target = request.split(b" ", 2)[1].decode("latin-1") if request.count(b" ") >= 2 else ""
        path = target.split("?", 1)[0]
        if "://" in path:  # a proxy request carries the whole URL
            path = "/" + path.split("://", 1)[1].partition("/")[2]
        return self.handlers.get(path, self.handlers.get("", raw(b"HTTP/1.1 404 Not Found\r\n"
                                                                   b"Content-Length: 0\r\n\r\n")))
