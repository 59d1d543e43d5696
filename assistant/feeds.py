"""News feeds: RSS and Atom subscriptions read by feedparser, downloaded through assistant.net with
the limits of web pages, their entries kept in one JSON file (created on the first change)."""

from __future__ import annotations

import calendar
import json
import os
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from assistant import net
from assistant.errors import AssistantError, CancelCheck, message_text

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "application/feed+json", "text/plain")
DEADLINE_SECONDS = 15.0  # as for a web page (assistant.reading.loading)
MAX_FEED_BYTES = 10 * 1024 * 1024
MAX_ENTRIES_PER_FEED = 200
FEEDS_FILE = "feeds.json"
VERSION = 1


class FeedError(AssistantError):
    """A feed that cannot be subscribed to or read; the message is one plain line."""


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str
    fetched_at: float | None = None
    problem: str | None = None  # why the last fetch failed


@dataclass(frozen=True, slots=True)
class FeedEntry:
    feed: str  # the feed's URL
    key: str  # the entry's id, else its link
    title: str
    link: str
    published: float | None = None  # seconds since the epoch
    seen: bool = False


@dataclass(frozen=True, slots=True)
class FetchedFeed:
    url: str
    title: str
    entries: tuple[FeedEntry, ...]


def checked_address(address: str) -> str:
    """A feed address as given (http or https only); raises FeedError otherwise."""
    url = address.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FeedError(f"“{message_text(url, 80)}” is not a web address of a news feed "
                        "(it should start with http:// or https://).")
    return url


def parse_feed(url: str, body: bytes) -> FetchedFeed:
    """The feed's title and entries; links are made absolute and kept only when http(s)."""
    import feedparser  # deferred: only the feeds window needs it

    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries and not parsed.get("version"):  # "" when no feed format was found
        raise FeedError(f"{message_text(url)} is not an RSS or Atom news feed.")
    title = message_text(str(parsed.feed.get("title") or ""), 120) or url
    entries: list[FeedEntry] = []
    for item in parsed.entries:
        link = urllib.parse.urljoin(url, str(item.get("link") or "").strip())
        if urllib.parse.urlsplit(link).scheme.lower() not in ("http", "https"):
            continue
        when = item.get("published_parsed") or item.get("updated_parsed")
        entries.append(FeedEntry(
            feed=url, key=str(item.get("id") or link), link=link,
            title=message_text(str(item.get("title") or ""), 200) or link,
            published=float(calendar.timegm(when)) if when else None,
        ))
    return FetchedFeed(url, title, tuple(entries[:MAX_ENTRIES_PER_FEED]))


def fetch_feed(url: str, cancel: CancelCheck | None = None) -> FetchedFeed:
    """Download and parse one feed (bounded in time and size); raises FeedError."""
    try:
        response = net.fetch(checked_address(url), accept=FEED_TYPES, deadline=DEADLINE_SECONDS,
                             max_bytes=MAX_FEED_BYTES, cancel=cancel)
    except net.NetError as error:
        raise FeedError(f"The feed {message_text(url)} could not be downloaded: "
                        f"{error.reason}.") from error
    return parse_feed(url, response.body)


class FeedStore:
    """The subscriptions and their entries in one JSON file (None: in memory only). Nothing is
    read before the first use and nothing written before the first change."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._feeds: dict[str, Feed] | None = None
        self._entries: dict[str, list[FeedEntry]] = {}
        self._lock = threading.Lock()

    def _load(self) -> dict[str, Feed]:
        if self._feeds is not None:
            return self._feeds
        self._feeds = {}
        if self.path is None or not self.path.exists():
            return self._feeds
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            for raw in data.get("feeds", []):
                feed = Feed(**raw)
                self._feeds[feed.url] = feed
            for raw in data.get("entries", []):
                entry = FeedEntry(**raw)
                self._entries.setdefault(entry.feed, []).append(entry)
        except (OSError, ValueError, TypeError, AttributeError) as error:
            raise FeedError(f"The news feed list {self.path.name} could not be read "
                            f"({message_text(str(error), 80)}).") from error
        return self._feeds

    def _save(self) -> None:
        if self.path is None:
            return
        data: dict[str, Any] = {
            "version": VERSION,
            "feeds": [asdict(feed) for feed in self._load().values()],
            "entries": [asdict(entry) for entries in self._entries.values() for entry in entries],
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            scratch = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            scratch.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(scratch, self.path)
        except OSError as error:
            raise FeedError(f"The news feed list could not be saved in {self.path.parent} "
                            f"({message_text(error.strerror or str(error), 80)}).") from error

    def feeds(self) -> list[Feed]:
        with self._lock:
            return sorted(self._load().values(), key=lambda feed: feed.title.casefold())

    def subscribe(self, address: str) -> Feed:
        """Add a feed (once); its title is its address until it is fetched."""
        url = checked_address(address)
        with self._lock:
            feeds = self._load()
            if url not in feeds:
                feeds[url] = Feed(url, url)
                self._save()
            return feeds[url]

    def unsubscribe(self, url: str) -> None:
        with self._lock:
            if self._load().pop(url, None) is not None:
                self._entries.pop(url, None)
                self._save()

    def merge(self, fetched: FetchedFeed, now: float | None = None) -> int:
        """Take a fetch's entries (seen ones stay seen); returns how many are new."""
        with self._lock:
            feeds = self._load()
            if fetched.url not in feeds:
                return 0
            feeds[fetched.url] = Feed(fetched.url, fetched.title,
                                      now if now is not None else time.time())
            old = {entry.key: entry for entry in self._entries.get(fetched.url, [])}
            merged = [replace(entry, seen=old[entry.key].seen) if entry.key in old else entry
                      for entry in fetched.entries]
            keys = {entry.key for entry in merged}
            merged += [entry for entry in old.values() if entry.key not in keys]
            self._entries[fetched.url] = merged[:MAX_ENTRIES_PER_FEED]
            self._save()
            return sum(1 for entry in fetched.entries if entry.key not in old)

    def failed(self, url: str, problem: str) -> None:
        with self._lock:
            feeds = self._load()
            if url in feeds:
                feeds[url] = replace(feeds[url], problem=problem)

    def entries(self, url: str | None = None) -> list[FeedEntry]:
        """Entries of one feed or of all, newest first (undated ones last)."""
        with self._lock:
            self._load()
            chosen = (self._entries.get(url, []) if url is not None
                      else [entry for entries in self._entries.values() for entry in entries])
            return sorted(chosen, key=lambda entry: -(entry.published or 0.0))

    def new_count(self, url: str | None = None) -> int:
        return sum(1 for entry in self.entries(url) if not entry.seen)

    def mark_seen(self, entry: FeedEntry) -> None:
        with self._lock:
            self._load()
            entries = self._entries.get(entry.feed, [])
            for position, kept in enumerate(entries):
                if kept.key == entry.key and not kept.seen:
                    entries[position] = replace(kept, seen=True)
                    self._save()
