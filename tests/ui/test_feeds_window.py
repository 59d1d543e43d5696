"""The news feeds window: subscribe by address, fetched in the background from 127.0.0.1, new
articles in bold, Enter opens one in the reader; problems as one plain line."""

from __future__ import annotations

from pathlib import Path

from loopback import Loopback, response
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, activate

from ui.tasks import TaskRunner

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
