"""Opening articles in the window: a load that hangs never holds up the next, the window says
what it waits for (as plain text) and Cancel stops it; loaded from files and loopback servers."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest
from loopback import Loopback, hold
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, MemoryLearner, WindowFactory

from assistant.errors import CancelCheck, Cancelled
from assistant.models import Article
from ui.main_window import MainWindow
from ui.notices import NoticeKind
from ui.session import ReadingSession
from ui.tasks import ManualTaskRunner, TaskRunner

TEXT = "De gemeente Utrecht maakt een nieuw plan voor de binnenstad."


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


class WatchedService(FakeService):
    """A FakeService that records how each load ended (Cancelled, an error or an article)."""

    def __init__(self) -> None:
        super().__init__()
        self.ended: dict[str, BaseException | Article] = {}
        self.ended_event = threading.Event()

    def load_article(self, path: str | Path, cancel: CancelCheck | None = None) -> Article:
        try:
            article = super().load_article(path, cancel)
        except BaseException as error:
            self.ended[str(path)] = error
            self.ended_event.set()
            raise
        self.ended[str(path)] = article
        return article


class StuckService(FakeService):
    """Loads of `stuck` block until released, whatever the cancel check says (a call stuck in
    C, a dead network drive)."""

    def __init__(self, stuck: str) -> None:
        super().__init__()
        self.stuck = stuck
        self.release = threading.Event()
        self.entered = threading.Event()

    def load_article(self, path: str | Path, cancel: CancelCheck | None = None) -> Article:
        if str(path) == self.stuck:
            self.entered.set()
            self.release.wait(30)
        return super().load_article(path, cancel)


def article_file(folder: Path, name: str = "artikel.txt") -> Path:
    path = folder / name
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_a_hung_page_never_holds_up_the_next_open_and_is_told_to_stop(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    service = WatchedService()
    window = make_window(service, TaskRunner())
    with Loopback(hold()) as server:
        url = server.url("/hangt")
        window.session.open_path(url)
        assert server.received.wait(10)
        qtbot.waitUntil(window.loading_box.isVisible, timeout=10_000)
        assert window.loading_label.text() == f"Opening {url}…"
        path = article_file(tmp_path)
        with qtbot.waitSignal(window.session.article_shown, timeout=10_000) as shown:
            window.session.open_path(path)
        assert shown.args[0].text == TEXT
        assert service.ended_event.wait(10)  # the server still holds: the load was told to stop
        assert isinstance(service.ended[url], Cancelled)
    qtbot.waitUntil(lambda: not window.session.busy, timeout=10_000)
    assert not window.loading_box.isVisible()
    assert window.message_bar.notice is None  # a load that was stopped is no error


def test_cancel_stops_a_hung_page_and_keeps_the_article_shown(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    service = WatchedService()
    window = make_window(service, TaskRunner())
    with qtbot.waitSignal(window.session.article_shown, timeout=10_000):
        window.session.open_path(article_file(tmp_path))
    with Loopback(hold()) as server:
        url = server.url("/hangt")
        window.session.open_path(url)
        qtbot.waitUntil(window.loading_box.isVisible, timeout=10_000)
        assert window.session.busy
        with qtbot.waitSignal(window.session.status, timeout=5_000) as said:
            qtbot.mouseClick(window.cancel_loading_button, Qt.MouseButton.LeftButton)
        assert said.args[0] == f"Stopped opening {url}."
        assert not window.loading_box.isVisible()
        assert service.ended_event.wait(10)
        assert isinstance(service.ended[url], Cancelled)
    assert not window.session.busy
    assert window.session.article is not None and window.session.article.text == TEXT
    assert window.message_bar.notice is None


def test_a_load_that_ignores_its_cancel_check_never_holds_up_the_next(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    stuck = str(tmp_path / "netwerkschijf.txt")
    service = StuckService(stuck)
    window = make_window(service, TaskRunner())
    try:
        window.session.open_path(stuck)
        assert service.entered.wait(10)
        with qtbot.waitSignal(window.session.article_shown, timeout=10_000) as shown:
            window.session.open_path(article_file(tmp_path))
        assert shown.args[0].text == TEXT
        qtbot.waitUntil(lambda: not window.session.busy, timeout=10_000)
    finally:
        service.release.set()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")
def test_a_fifo_is_refused_at_once_and_the_next_open_works(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    fifo = tmp_path / "pijp.txt"
    os.mkfifo(fifo)
    window = make_window(FakeService())
    window.session.open_path(fifo)
    notice = window.message_bar.notice
    assert notice is not None and notice.kind is NoticeKind.ERROR
    assert "“pijp.txt” is a named pipe" in notice.text
    window.session.open_path(article_file(tmp_path))
    assert window.session.article is not None and window.session.article.text == TEXT
    assert not window.loading_box.isVisible()


def test_the_session_says_what_it_waits_for_and_when_it_stops(tmp_path: Path) -> None:
    runner = ManualTaskRunner()
    session = ReadingSession(FakeService(), MemoryLearner(), runner)
    said: list[str] = []
    status: list[str] = []
    session.loading.connect(said.append)
    session.status.connect(status.append)
    path = article_file(tmp_path)
    session.open_path(path)
    assert said == ["Opening artikel.txt…"] and session.loading_what == "artikel.txt"
    runner.run_next("open")
    assert said == ["Opening artikel.txt…", ""] and session.loading_what == ""
    said.clear()
    session.open_text(TEXT)
    session.cancel_loading()
    assert said == ["Reading the pasted text…", ""]
    assert status == ["Stopped opening the pasted text."]
    runner.run_all()  # the pasted text went stale: the file stays open
    assert session.article is not None and session.article.source == str(path)
    session.cancel_loading()  # nothing under way: nothing said
    assert said == ["Reading the pasted text…", ""]


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ('<img src="plaatje.png"> & <b>vet \u202eomgekeerd.txt',
         'Opening <img src="plaatje.png"> & <b>vet omgekeerd.txt…'),
        ("https://nos.nl/<b>x</b>", "Opening https://nos.nl/<b>x</b>…"),
    ],
)
def test_what_the_window_waits_for_is_plain_text(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, source: str, shown: str
) -> None:
    (tmp_path / "plaatje.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    runner = ManualTaskRunner()
    window: MainWindow = make_window(FakeService(), runner)
    window.session.open_path(source if "://" in source else str(tmp_path / source))
    assert window.loading_label.textFormat() is Qt.TextFormat.PlainText
    assert window.loading_label.text() == shown
    qtbot.waitUntil(window.loading_box.isVisible, timeout=5_000)
    window.session.cancel_loading()
    assert not window.loading_box.isVisible()
