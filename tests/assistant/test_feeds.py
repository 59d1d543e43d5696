"""News feeds: RSS and Atom parsed from 127.0.0.1, bounded downloads, the JSON store that keeps
what was seen, and addresses and links that are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loopback import Loopback, hold, response

from assistant import feeds
from assistant.feeds import FeedError, FeedStore, checked_address, fetch_feed, parse_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Het Nieuws</title><link>http://example.org/</link>
<item><title>De haven groeit</title><link>/artikel/1</link><guid>a1</guid>
<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item>
<item><title>Nieuwe brug</title><link>http://example.org/artikel/2</link>
<pubDate>Wed, 02 Dec 2026 08:00:00 GMT</pubDate></item>
<item><title>Script</title><link>javascript:alert(1)</link></item>
<item><title>Bestand</title><link>file:///etc/passwd</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atoom &amp; Co</title>
<entry><title>Een Atom-bericht</title><id>urn:1</id><link href="https://example.org/x"/>
<updated>2026-11-30T10:00:00Z</updated></entry></feed>"""


def _rss(path: str = "/rss") -> Loopback:
    return Loopback({path: response(RSS, content_type="application/rss+xml"),
                     "/atom": response(ATOM, content_type="application/atom+xml"),
                     "/page": response(b"<html><body><p>Geen feed.</p></body></html>"),
                     "/xml": response(b"<html><body><p>Geen feed.</p></body></html>",
                                      content_type="text/xml"),
                     "/slow": hold()})


def test_rss_from_loopback_absolute_links_newest_first_only_web_links() -> None:
    with _rss() as server:
        fetched = fetch_feed(server.url("/rss"))
    assert fetched.title == "Het Nieuws"
    links = [entry.link for entry in fetched.entries]
    # A relative link is joined to the feed's address; javascript: and file: links are dropped.
    assert links == [server.url("/artikel/1"), "http://example.org/artikel/2"]
    assert [entry.key for entry in fetched.entries] == ["a1", "http://example.org/artikel/2"]
    assert fetched.entries[0].published == pytest.approx(1796112000.0)


def test_atom_from_loopback() -> None:
    with _rss() as server:
        fetched = fetch_feed(server.url("/atom"))
    assert fetched.title == "Atoom & Co"
    assert [(e.title, e.link, e.key) for e in fetched.entries] == [
        ("Een Atom-bericht", "https://example.org/x", "urn:1")]


@pytest.mark.parametrize(("path", "says"), [
    ("/page", "could not be downloaded"),  # text/html is not a feed type: not even read
    ("/xml", "not an RSS or Atom news feed"),
    ("/missing", "404"),
])
def test_what_is_not_a_feed_is_one_plain_message(path: str, says: str) -> None:
    with _rss() as server, pytest.raises(FeedError) as caught:
        fetch_feed(server.url(path))
    assert says in caught.value.message and "\n" not in caught.value.message


def test_a_server_that_never_answers_ends_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "DEADLINE_SECONDS", 0.3)
    with _rss() as server, pytest.raises(FeedError, match="could not be downloaded"):
        fetch_feed(server.url("/slow"))


def test_a_feed_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", 100)
    with _rss() as server, pytest.raises(FeedError, match="could not be downloaded"):
        fetch_feed(server.url("/rss"))


@pytest.mark.parametrize(("address", "ok"), [
    ("https://nos.nl/feeds/rss", True), ("  http://127.0.0.1:8000/rss ", True),
    ("file:///etc/passwd", False), ("ftp://example.org/rss", False), ("nos.nl/rss", False),
    ("https://", False), ("", False),
])
def test_feed_addresses(address: str, ok: bool) -> None:
    if ok:
        assert checked_address(address) == address.strip()
    else:
        with pytest.raises(FeedError, match="not a web address"):
            checked_address(address)


def test_the_store_is_lazy_keeps_seen_entries_and_counts_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "data" / "feeds.json"
    store = FeedStore(path)
    assert store.feeds() == [] and not path.parent.exists()  # nothing created by reading
    with _rss() as server:
        url = store.subscribe(server.url("/rss")).url
        assert store.subscribe(url).url == url and len(store.feeds()) == 1  # once
        first = fetch_feed(url)
        assert store.merge(first, now=1.0) == 2
        assert store.new_count(url) == 2
        store.mark_seen(store.entries(url)[0])
        assert store.merge(fetch_feed(url), now=2.0) == 0  # the same entries again
    again = FeedStore(path)
    feed = again.feeds()[0]
    assert (feed.title, feed.fetched_at) == ("Het Nieuws", 2.0)
    entries = again.entries(url)
    assert [entry.title for entry in entries] == ["Nieuwe brug", "De haven groeit"]
    assert [entry.seen for entry in entries] == [True, False] and again.new_count() == 1
    again.unsubscribe(url)
    assert FeedStore(path).feeds() == [] and FeedStore(path).entries() == []
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


def test_a_damaged_store_is_a_message_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "feeds.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(FeedError, match="could not be read"):
        FeedStore(path).feeds()
    assert path.read_text(encoding="utf-8") == "{not json"  # left alone


def test_parse_feed_refuses_a_page_and_keeps_titles_plain() -> None:
    with pytest.raises(FeedError):
        parse_feed("http://x.nl/", b"<html><body>Hallo</body></html>")
    fetched = parse_feed("http://x.nl/", RSS.replace(b"De haven groeit",
                                                      b"De\xe2\x80\xaehaven &lt;b&gt;"))
    assert fetched.entries[0].title == "De haven <b>"  # a bidi control blanked, markup as text
