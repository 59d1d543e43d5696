"""Optional online background for notes from Wikipedia and Wikidata, cached in SQLite."""

from __future__ import annotations

import dataclasses
import http.client
import json
import logging
import os
import re
import sqlite3
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.models import Note
from assistant.storage import is_corruption, move_aside

log = logging.getLogger(__name__)

WIKIPEDIA_ATTRIBUTION = "From Wikipedia (CC BY-SA 4.0)"
WIKIDATA_ATTRIBUTION = "From Wikidata (CC0)"

HIT_LIFETIME = 30 * 24 * 3600.0
MISS_LIFETIME = 24 * 3600.0
# After a timeout or connection failure the network is left alone for a while, so an
# article with twenty subjects does not wait twenty timeouts when the machine is offline.
NETWORK_BACKOFF = 120.0

MAX_RESPONSE_BYTES = 1_000_000
MAX_DESCRIPTION_CHARS = 300
MAX_SENTENCES = 2
_CACHE_VERSION = "v1"

_OFFLINE_VALUES = {"1", "true", "yes", "on"}


def offline_requested() -> bool:
    """True when the environment asks for no network use (LEESWIJZER_OFFLINE=1/true/yes)."""
    return os.environ.get("LEESWIJZER_OFFLINE", "").strip().lower() in _OFFLINE_VALUES


def default_cache_path() -> Path:
    """Where the enrichment cache lives in the user's cache folder (nothing is created)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "Leeswijzer" / "Cache" / "enrichment.sqlite"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Leeswijzer" / "enrichment.sqlite"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "leeswijzer" / "enrichment.sqlite"


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Base URLs of the services; tests point them at a local server."""

    nl_wikipedia: str = "https://nl.wikipedia.org"
    en_wikipedia: str = "https://en.wikipedia.org"
    wikidata: str = "https://www.wikidata.org"


@dataclass(frozen=True, slots=True)
class Enrichment:
    """What a lookup found: a short description, its page and the licence line."""

    description: str
    source: str
    attribution: str


class _NetworkDown(Exception):
    """A timeout or connection failure: stop this lookup and back off."""


class _Failed(Exception):
    """The service answered badly (5xx, malformed JSON): the lookup is inconclusive."""


# An initial ("J.") or a common abbreviation before a full stop does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:St|Mr|Mrs|Dr|Prof|Jr|Sr|Mt|vs|ca|c|e\.g|i\.e|etc|No|Co|Inc|Ltd|U\.S))\.$"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“(]?[A-Z0-9À-Ý])")


def shorten(
    text: str, max_sentences: int = MAX_SENTENCES, limit: int = MAX_DESCRIPTION_CHARS
) -> str:
    """The first sentences of an extract, at most `limit` characters (cut at a word, with '…')."""
    text = " ".join(text.split())
    end = len(text)
    count = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[max(0, match.end() - 8) : match.end()]):
            continue
        count += 1
        if count == max_sentences:
            end = match.end()
            break
    text = text[:end]
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut <= limit // 2:
        cut = limit - 1
    return text[:cut].rstrip(" ,;:-–(") + "…"


def _http_url(value: object) -> str | None:
    if isinstance(value, str) and value.startswith(("https://", "http://")):
        return value
    return None


def _summary_to_enrichment(payload: Any, fallback_url: str) -> Enrichment | None:
    """A REST summary as an Enrichment; None for disambiguation pages and empty extracts."""
    if not isinstance(payload, dict):
        raise _Failed("summary is not a JSON object")
    if payload.get("type") == "disambiguation":
        return None
    extract = payload.get("extract")
    if not isinstance(extract, str) or not extract.strip():
        return None
    url = None
    urls = payload.get("content_urls")
    if isinstance(urls, dict) and isinstance(urls.get("desktop"), dict):
        url = _http_url(urls["desktop"].get("page"))
    return Enrichment(shorten(extract), url or fallback_url, WIKIPEDIA_ATTRIBUTION)


def _is_disambiguation_item(description: str) -> bool:
    lowered = description.lower()
    return "disambiguation" in lowered or "doorverwijspagina" in lowered


class Enricher:
    """Adds an online description to notes the offline data could not describe.

    `enrich` may block for a few timeouts: call it from a worker thread. It never raises
    for network, HTTP, JSON or cache problems; it returns the note unchanged instead.
    """

    def __init__(
        self,
        cache_path: Path,
        *,
        enabled: bool = True,
        timeout: float = 3.0,
        endpoints: Endpoints | None = None,
        user_agent: str = "Leeswijzer/0.1 (desktop reading assistant)",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._cache_path = Path(cache_path)
        self._enabled = enabled
        self._timeout = timeout
        self._endpoints = endpoints or Endpoints()
        self._user_agent = user_agent
        self._clock = clock
        self._lock = threading.Lock()
        self._cache_ready = False
        self._cache_broken = False
        self._network_down_until = 0.0

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self._enabled = value

    @property
    def cache_path(self) -> Path:
        return self._cache_path

    def active(self) -> bool:
        """Whether `enrich` may use the network (enabled and not offline by environment)."""
        return self._enabled and not offline_requested()

    def enrich(self, note: Note) -> Note:
        """The note with an online description, or the note unchanged."""
        if not self.active() or note.description:
            return note
        name = " ".join(note.name.split())
        if not name or len(name) > 200:
            return note
        found = self.lookup(name, note.international_name)
        if found is None:
            return note
        return dataclasses.replace(
            note, description=found.description, source=found.source, attribution=found.attribution
        )

    def lookup(self, name: str, international_name: str | None = None) -> Enrichment | None:
        """Cached lookup of one subject; None when nothing was found or the network failed."""
        if not self.active():
            return None
        key = json.dumps([_CACHE_VERSION, name, international_name or ""], ensure_ascii=False)
        cached, hit = self._cache_get(key)
        if hit:
            return cached
        with self._lock:
            if self._clock() < self._network_down_until:
                return None
        try:
            found = self._fetch(name, international_name)
        except _NetworkDown as exc:
            log.debug("enrichment of %r: network unavailable (%s); backing off", name, exc)
            with self._lock:
                self._network_down_until = self._clock() + NETWORK_BACKOFF
            return None
        except _Failed as exc:
            log.debug("enrichment of %r failed: %s", name, exc)
            found = None
        self._cache_put(key, found)
        return found

    # -- lookups ---------------------------------------------------------------------------

    def _fetch(self, name: str, international_name: str | None) -> Enrichment | None:
        """nl summary, English summary, Wikidata search; _Failed if nothing was found and
        some service failed (so the failure is cached like a miss, not retried per article)."""
        failure: _Failed | None = None
        nl: Enrichment | None = None
        wikibase_item: str | None = None
        try:
            nl, wikibase_item = self._summary(self._endpoints.nl_wikipedia, name)
        except _Failed as exc:
            failure = exc

        en_titles: list[str] = []
        if international_name:
            en_titles.append(international_name)
        if nl is None and name not in en_titles:
            en_titles.append(name)
        for title in en_titles:
            try:
                en, _ = self._summary(self._endpoints.en_wikipedia, title)
            except _Failed as exc:
                failure = exc
                continue
            if en is not None:
                return en
        if nl is not None:
            # The Dutch page names its English counterpart through its Wikidata item.
            if wikibase_item is not None:
                try:
                    en_title = self._english_title(wikibase_item)
                    if en_title is not None and en_title not in en_titles:
                        en, _ = self._summary(self._endpoints.en_wikipedia, en_title)
                        if en is not None:
                            return en
                except _Failed as exc:
                    log.debug("following %s to English failed: %s", wikibase_item, exc)
            return nl
        try:
            found = self._wikidata_search(name)
        except _Failed as exc:
            failure = exc
            found = None
        if found is None and failure is not None:
            raise failure
        return found

    def _summary(self, base: str, title: str) -> tuple[Enrichment | None, str | None]:
        page = urllib.parse.quote(title.replace(" ", "_"), safe="")
        payload = self._get_json(f"{base.rstrip('/')}/api/rest_v1/page/summary/{page}")
        if payload is None:
            return None, None
        found = _summary_to_enrichment(payload, f"{base.rstrip('/')}/wiki/{page}")
        item = payload.get("wikibase_item")
        return found, item if isinstance(item, str) and re.fullmatch(r"Q\d+", item) else None

    def _english_title(self, item: str) -> str | None:
        query = urllib.parse.urlencode(
            {
                "action": "wbgetentities",
                "ids": item,
                "props": "sitelinks",
                "sitefilter": "enwiki",
                "format": "json",
            }
        )
        payload = self._get_json(f"{self._endpoints.wikidata.rstrip('/')}/w/api.php?{query}")
        try:
            title = payload["entities"][item]["sitelinks"]["enwiki"]["title"]
        except (KeyError, TypeError):
            return None
        return title if isinstance(title, str) and title.strip() else None

    def _wikidata_search(self, name: str) -> Enrichment | None:
        query = urllib.parse.urlencode(
            {
                "action": "wbsearchentities",
                "search": name,
                "language": "nl",
                "uselang": "en",
                "type": "item",
                "limit": "5",
                "format": "json",
            }
        )
        payload = self._get_json(f"{self._endpoints.wikidata.rstrip('/')}/w/api.php?{query}")
        if payload is None:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get("search", []), list):
            raise _Failed("Wikidata search answer has an unexpected shape")
        for result in payload.get("search", []):
            if not isinstance(result, dict):
                continue
            description = result.get("description")
            if not isinstance(description, str) or not description.strip():
                continue
            if _is_disambiguation_item(description):
                continue
            url = _http_url(result.get("concepturi"))
            item = result.get("id")
            if url is None and isinstance(item, str):
                url = f"https://www.wikidata.org/wiki/{urllib.parse.quote(item)}"
            if url is None:
                continue
            label = result.get("label")
            text = description.strip()
            if isinstance(label, str) and label.strip():
                text = f"{label.strip()}: {text}"
            return Enrichment(shorten(text), url, WIKIDATA_ATTRIBUTION)
        return None

    def _get_json(self, url: str) -> Any:
        """Parsed JSON; None for 404; _Failed for other HTTP errors or bad JSON."""
        request = urllib.request.Request(
            url, headers={"User-Agent": self._user_agent, "Accept": "application/json"}
        )
        deadline = time.monotonic() + self._timeout
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                body = bytearray()
                while chunk := response.read(65536):
                    body += chunk
                    if len(body) > MAX_RESPONSE_BYTES:
                        raise _Failed(f"{url}: response too large")
                    # The socket timeout bounds each read; this bounds the whole response.
                    if time.monotonic() > deadline:
                        raise _NetworkDown(f"{url}: response too slow")
        except urllib.error.HTTPError as exc:
            exc.close()  # it holds the response's socket
            if exc.code == 404:
                return None
            raise _Failed(f"{url}: HTTP {exc.code}") from exc
        except http.client.HTTPException as exc:
            raise _Failed(f"{url}: broken HTTP response ({exc!r})") from exc
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            raise _NetworkDown(f"{url}: {exc}") from exc
        except OSError as exc:
            raise _NetworkDown(f"{url}: {exc}") from exc
        try:
            return json.loads(bytes(body).decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _Failed(f"{url}: malformed JSON ({exc})") from exc

    # -- cache ----------------------------------------------------------------------------

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A fresh connection per use (calls may come from several threads)."""
        connection = sqlite3.connect(self._cache_path, timeout=5.0)
        try:
            yield connection
        finally:
            connection.close()

    def _ensure_cache(self) -> bool:
        """Create the cache on first use; move a corrupt file aside. Caller holds the lock."""
        if self._cache_broken:
            return False
        if self._cache_ready:
            return True
        for attempt in range(2):
            try:
                self._cache_path.parent.mkdir(parents=True, exist_ok=True)
                with self._connection() as connection, connection:
                    connection.execute(
                        "CREATE TABLE IF NOT EXISTS entries ("
                        " key TEXT PRIMARY KEY, fetched_at REAL NOT NULL, payload TEXT NOT NULL)"
                    )
                    connection.execute("SELECT key, fetched_at, payload FROM entries LIMIT 1")
                self._cache_ready = True
                return True
            except sqlite3.OperationalError as exc:
                # Locked or unopenable: skip the cache this time, without touching the file.
                log.debug("enrichment cache %s not usable now: %s", self._cache_path, exc)
                return False
            except sqlite3.DatabaseError as exc:
                if attempt == 0 and self._move_aside(exc):
                    continue
                break
            except OSError as exc:
                log.debug("enrichment cache %s unusable: %s", self._cache_path, exc)
                break
        self._cache_broken = True
        return False

    def _move_aside(self, error: sqlite3.Error) -> bool:
        if not is_corruption(error) or not self._cache_path.exists():
            return False
        try:
            target = move_aside(self._cache_path, "broken")
        except OSError as exc:
            log.debug("could not move the broken cache aside: %s", exc)
            return False
        log.debug("enrichment cache %s broken (%s); moved to %s", self._cache_path, error, target)
        return True

    def _cache_get(self, key: str) -> tuple[Enrichment | None, bool]:
        """(value, True) for a fresh cached hit or miss; (None, False) when not cached."""
        with self._lock:
            if not self._ensure_cache():
                return None, False
            try:
                with self._connection() as connection:
                    row = connection.execute(
                        "SELECT fetched_at, payload FROM entries WHERE key = ?", (key,)
                    ).fetchone()
            except sqlite3.DatabaseError as exc:
                log.debug("enrichment cache read failed: %s", exc)
                self._cache_ready = False
                self._ensure_cache()
                return None, False
        if row is None:
            return None, False
        fetched_at, payload = row
        try:
            data = json.loads(payload)
        except (TypeError, ValueError):
            return None, False
        if not isinstance(data, dict) or not isinstance(fetched_at, (int, float)):
            return None, False
        lifetime = HIT_LIFETIME if data.get("found") else MISS_LIFETIME
        age = self._clock() - fetched_at
        if not 0 <= age < lifetime:
            return None, False
        if not data.get("found"):
            return None, True
        try:
            return Enrichment(
                str(data["description"]), str(data["source"]), str(data["attribution"])
            ), True
        except KeyError:
            return None, False

    def _cache_put(self, key: str, found: Enrichment | None) -> None:
        if found is None:
            payload = json.dumps({"found": False})
        else:
            payload = json.dumps(
                {
                    "found": True,
                    "description": found.description,
                    "source": found.source,
                    "attribution": found.attribution,
                },
                ensure_ascii=False,
            )
        with self._lock:
            if not self._ensure_cache():
                return
            try:
                with self._connection() as connection, connection:
                    connection.execute(
                        "INSERT OR REPLACE INTO entries (key, fetched_at, payload)"
                        " VALUES (?, ?, ?)",
                        (key, self._clock(), payload),
                    )
            except sqlite3.DatabaseError as exc:
                log.debug("enrichment cache write failed: %s", exc)
                self._cache_ready = False
