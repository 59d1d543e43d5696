"""The news feeds window: subscribe by address, fetched in the background from 127.0.0.1, new
articles in bold, Enter opens one in the reader; problems as one plain line."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from loopback import Loopback, response
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, activate

from assistant import feeds
from assistant.feeds import FeedStore
from ui.feeds import FeedRefresher
from ui.tasks import SyncTaskRunner, TaskRunner

PAGE = b"Een artikel uit de feed\n\nDe gemeente bouwt een nieuwe haven."


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Lokaal nieuws</title>
<item><title>Nieuwe haven</title><link>{base}/artikel</link><guid>n1</guid>
<pubDate>Wed, 02 Dec 2026 08:00:00 GMT</pubDate></item>
<item><title>Oud bericht</title><link>{base}/oud</link><guid>n0</guid>
<pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>""".encode()


def test_subscribe_fetch_in_the_background_and_open_a_new_article(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    server = Loopback({})
    server.handlers["/rss"] = response(_rss(server.url("")[:-1] if server.url("").endswith("/")
                                            else server.url("")),
                                       content_type="application/rss+xml")
    server.handlers["/artikel"] = response(PAGE, content_type="text/plain; charset=utf-8")
    window = make_window(FakeService(), runner=TaskRunner())
    with server:
        feeds = window.show_feeds()
        activate(qtbot, feeds)
        QTest.keyClicks(feeds.address, server.url("/rss"))
        with qtbot.waitSignal(feeds.fetched, timeout=10_000):
            QTest.keyClick(feeds.address, Qt.Key.Key_Return)
        assert feeds.status_label.text() == "Lokaal nieuws: 2 new articles."
        labels = [feeds.feed_list.item(i).text() for i in range(feeds.feed_list.count())]
        assert labels == ["All feeds (2 new)", "Lokaal nieuws (2 new)"]
        titles = [e.title for e in feeds.shown_entries]
        assert titles == ["Nieuwe haven", "Oud bericht"]  # newest first
        first = feeds.entry_list.topLevelItem(0)
        assert first.font(0).bold()
        feeds.entry_list.setFocus()
        feeds.entry_list.setCurrentItem(first)
        with qtbot.waitSignal(window.session.analysis_finished, timeout=10_000):
            QTest.keyClick(feeds.entry_list, Qt.Key.Key_Return)
        assert window.session.article is not None
        assert "nieuwe haven" in window.session.article.text
        assert not feeds.entry_list.topLevelItem(0).font(0).bold()  # seen
        assert feeds.feed_list.item(1).text() == "Lokaal nieuws (1 new)"
    assert (tmp_path / "data" / "feeds.json").exists()


def test_a_bad_address_or_a_dead_feed_is_one_plain_line(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(FakeService())
    feeds = window.show_feeds()
    feeds.address.setText("file:///etc/passwd")
    feeds.subscribe_button.click()
    assert "not a web address" in feeds.status_label.text()
    assert feeds.feed_list.count() == 1  # only "All feeds"
    with Loopback({}) as server:  # every path answers 404
        feeds.address.setText(server.url("/weg"))
        feeds.subscribe_button.click()
    assert "could not be downloaded" in feeds.status_label.text()
    assert "404" in feeds.status_label.text()
    assert feeds.status_label.textFormat() == Qt.TextFormat.PlainText


class _Feed:
    """A feed on 127.0.0.1 whose items the test changes between fetches."""

    def __init__(self, server: Loopback) -> None:
        self.server = server
        self.items = [("n1", "Nieuwe haven"), ("n0", "Oud bericht")]
        server.handlers["/rss"] = self._answer

    def _answer(self, connection: socket.socket, request: bytes, stop: threading.Event) -> None:
        items = "".join(f"<item><title>{title}</title><link>{self.server.url('/' + key)}</link>"
                        f"<guid>{key}</guid></item>" for key, title in self.items)
        body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Lokaal nieuws'
                f"</title>{items}</channel></rss>").encode()
        response(body, content_type="application/rss+xml")(connection, request, stop)

    @property
    def fetches(self) -> int:
        return sum(1 for request in self.server.requests if b" /rss " in request)


def test_feeds_are_fetched_at_start_then_every_half_hour_with_the_store_as_cache(
    qtbot: QtBot, tmp_path: Path
) -> None:
    now = [1_000_000.0]
    with Loopback({}) as server:
        feed = _Feed(server)
        store = FeedStore(tmp_path / "feeds.json")
        store.subscribe(server.url("/rss"))
        refresher = FeedRefresher(store, SyncTaskRunner(), clock=lambda: now[0])
        said: list[tuple[str, str]] = []
        refresher.fetched.connect(lambda url, text: said.append((url, text)))
        refresher.start()  # at start: never fetched, so fetched now
        assert feed.fetches == 1 and store.new_count() == 2
        assert said == [(server.url("/rss"), "Lokaal nieuws: 2 new articles.")]
        assert refresher.timer.isActive() and refresher.timer.interval() == 30 * 60 * 1000
        # Within the half hour the timer asks no server (the store is the cache) ...
        feed.items.insert(0, ("n2", "Brug open"))
        now[0] += 29 * 60
        refresher.timer.timeout.emit()
        assert feed.fetches == 1 and store.new_count() == 2
        # ... after it, the new article comes in; seen ones stay seen.
        store.mark_seen(store.entries()[0])
        now[0] += 60
        refresher.timer.timeout.emit()
        assert feed.fetches == 2
        assert [(e.title, e.seen) for e in store.entries()] == [
            ("Brug open", False), ("Nieuwe haven", True), ("Oud bericht", False)]
        assert said[-1][1] == "Lokaal nieuws: 1 new article."
        # A restart within the half hour reads the kept feed and asks nothing either.
        again = FeedRefresher(FeedStore(tmp_path / "feeds.json"), SyncTaskRunner(),
                              clock=lambda: now[0] + 60)
        again.start()
        assert feed.fetches == 2 and again.store.new_count() == 2
        refresher.stop()
        assert not refresher.timer.isActive()


def test_a_background_fetch_keeps_the_limits_of_web_pages(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", 200)
    with Loopback({}) as server:
        feed = _Feed(server)
        feed.items = [(f"n{i}", f"Bericht {i}") for i in range(20)]  # far over 200 bytes
        store = FeedStore(tmp_path / "feeds.json")
        store.subscribe(server.url("/rss"))
        refresher = FeedRefresher(store, SyncTaskRunner(), clock=lambda: 5_000.0)
        said: list[str] = []
        refresher.fetched.connect(lambda _url, text: said.append(text))
        assert refresher.refresh_due() == [server.url("/rss")]
    assert store.entries() == [] and not refresher.pending
    (kept,) = store.feeds()
    assert kept.problem is not None and "could not be downloaded" in kept.problem
    assert "200" in said[0] and kept.fetched_at is None  # still due: tried again next time


def test_the_window_shows_new_articles_fetched_in_the_background(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(FakeService())
    with Loopback({}) as server:
        feed = _Feed(server)
        window.feeds_store.subscribe(server.url("/rss"))
        assert window.feeds_action.text() == "News &feeds…"
        window.start_feeds()
        assert feed.fetches == 1
        assert window.feeds_action.text() == "News &feeds… (2 new)"
        feeds_window = window.show_feeds()  # fetched a moment ago: not again
        assert feed.fetches == 1
        assert [e.title for e in feeds_window.shown_entries] == ["Nieuwe haven", "Oud bericht"]
        feed.items.insert(0, ("n2", "Brug open"))
        activate(qtbot, feeds_window)
        QTest.keyClick(feeds_window.entry_list, Qt.Key.Key_F5)  # F5 asks anyway
        assert feed.fetches == 2
        assert window.feeds_action.text() == "News &feeds… (3 new)"
        assert feeds_window.feed_list.item(1).text() == "Lokaal nieuws (3 new)"
    window.shut_down()
    assert not window.feed_refresher.timer.isActive()
    window.start_feeds()  # the start's delayed call after a quick quit starts nothing
    assert not window.feed_refresher.timer.isActive()
