"""Optional online background for notes the offline base knows nothing about: the subject's
Wikidata item (found through its Dutch Wikipedia page or a Wikidata search for this very name),
kept only when its type fits the mention (a person is a human, a place a place); its positions
held at the article's date, birth and death or founding and dissolution; the description from
Wikipedia, without sentences the article's date could not know. Cached in SQLite; HTTP through
assistant.net (one deadline, a size cap)."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant import net
from assistant.knowledge import roles as dated
from assistant.knowledge import wikidata
from assistant.knowledge.base import fold
from assistant.knowledge.cache import JsonCache
from assistant.models import ArticleDate, Category, Note, Role, RoleAtDate, RoleStatus

log = logging.getLogger(__name__)

WIKIPEDIA_ATTRIBUTION = "From Wikipedia (CC BY-SA 4.0) and Wikidata (CC0)"
WIKIDATA_ATTRIBUTION = "From Wikidata (CC0)"

HIT_LIFETIME = 30 * 24 * 3600.0
MISS_LIFETIME = 24 * 3600.0
# After a timeout or connection failure the network is left alone for a while, so an
# article with twenty subjects does not wait twenty timeouts when the machine is offline.
NETWORK_BACKOFF = 120.0
# One subject's whole lookup (up to five requests) ends by then.
LOOKUP_DEADLINE = 10.0

MAX_RESPONSE_BYTES = 1_000_000
MAX_DESCRIPTION_CHARS = 300
MAX_SENTENCES = 2
MAX_POSITIONS = 50
_CACHE_VERSION = "v2"
# Categories worth looking up: nationality words and dates are not.
LOOKUP_CATEGORIES = frozenset(
    {Category.PERSON, Category.ORGANISATION, Category.PLACE, Category.EVENT, Category.OTHER}
)

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
    """What a lookup found, independent of any article's date: the Wikipedia extract, the
    item's dated positions and lifetime, its page and the licence line."""

    description: str | None
    source: str
    attribution: str
    roles: tuple[Role, ...] = ()
    start: ArticleDate | None = None
    end: ArticleDate | None = None
    international_name: str | None = None  # the English Wikipedia title

    def to_json(self) -> dict[str, Any]:
        return {
            "description": self.description, "source": self.source,
            "attribution": self.attribution,
            "roles": [[r.role, _iso(r.start), _iso(r.end)] for r in self.roles],
            "start": _iso(self.start), "end": _iso(self.end),
            "international_name": self.international_name,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Enrichment | None:
        try:
            roles = tuple(Role(str(r[0]), None, _date(r[1]), _date(r[2]))
                          for r in data.get("roles", []))
            description = data.get("description")
            return cls(
                description=str(description) if description is not None else None,
                source=str(data["source"]),
                attribution=str(data["attribution"]),
                roles=roles,
                start=_date(data.get("start")),
                end=_date(data.get("end")),
                international_name=_text_or_none(data.get("international_name")),
            )
        except (KeyError, TypeError, ValueError, IndexError):
            return None

    def at(self, note: Note, when: ArticleDate) -> Note:
        """The note with what was true at `when`; unchanged when the subject did not exist
        yet (then it is someone or something else) or nothing is left to say."""
        if self.start is not None and dated.after(self.start, when):
            return note
        description = timeless(self.description, when) if self.description else None
        held = tuple(
            RoleAtDate(role, RoleStatus.CURRENT) for role in self.roles
            if dated.role_status(role, when) is RoleStatus.CURRENT
        )
        if description is None and not held:
            return note
        began = self.start if self.start is not None and dated.by(self.start, when) else None
        ended = self.end if self.end is not None and dated.by(self.end, when) else None
        return dataclasses.replace(
            note, description=description, roles=held, source=self.source,
            attribution=self.attribution, began=began, ended=ended,
            international_name=note.international_name or self.international_name,
        )


def _iso(date: ArticleDate | None) -> str | None:
    return date.iso() if date is not None else None


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _date(value: Any) -> ArticleDate | None:
    return ArticleDate.parse(value) if isinstance(value, str) else None


class _NetworkDown(Exception):
    """A timeout or connection failure: stop this lookup and back off."""


class _Failed(Exception):
    """The service answered badly (5xx, malformed JSON): the lookup is inconclusive."""


# An initial ("J.") or a common abbreviation before a full stop does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:St|Mr|Mrs|Dr|Prof|Jr|Sr|Mt|vs|ca|c|e\.g|i\.e|etc|No|Co|Inc|Ltd|U\.S))\.$"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“(]?[A-Z0-9À-Ý])")
_YEAR = re.compile(r"\b(1[0-9]|20)\d\d\b")
# Words that say the subject's present has passed: 'former', 'voormalig'.
_FORMER = re.compile(r"\b(former|formerly|ex-|voormalige?|oud-|late)\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The sentences of an extract (initials and abbreviations do not end one)."""
    text = " ".join(text.split())
    result: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[max(0, match.end() - 8) : match.end()]):
            continue
        result.append(text[start : match.end()])
        start = match.end() + 1
    if start < len(text):
        result.append(text[start:])
    return [s.strip() for s in result if s.strip()]


def shorten(
    text: str, max_sentences: int = MAX_SENTENCES, limit: int = MAX_DESCRIPTION_CHARS
) -> str:
    """The first sentences of an extract, at most `limit` characters (cut at a word, with '…')."""
    text = " ".join(sentences(text)[:max_sentences])
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut <= limit // 2:
        cut = limit - 1
    return text[:cut].rstrip(" ,;:-–(") + "…"


def timeless(text: str, when: ArticleDate) -> str | None:
    """The extract's opening sentences that `when` could know: it stops at the first sentence
    naming a later year or calling the subject 'former'; None when the first one does."""
    kept: list[str] = []
    for sentence in sentences(text)[:MAX_SENTENCES]:
        years = [int(m.group()) for m in _YEAR.finditer(sentence)]
        if any(year > when.year for year in years) or _FORMER.search(sentence):
            break
        kept.append(sentence)
    return shorten(" ".join(kept)) if kept else None


def eligible(note: Note) -> bool:
    """Whether an online lookup may name this subject: no offline background, a category worth
    it, not only nationality adjectives, and for a person a full name (a surname alone could
    be anybody)."""
    name = " ".join(note.name.split())
    if note.has_background or note.category not in LOOKUP_CATEGORIES:
        return False
    if not 2 <= len(name) <= 200 or all(m.adjective for m in note.mentions):
        return False
    return note.category is not Category.PERSON or len(name.split()) >= 2


def _title_matches(title: Any, name: str) -> bool:
    """A page title for this very name: equal but for case, diacritics, hyphens and a
    parenthesised qualifier ('Ede (Nederland)')."""
    if not isinstance(title, str):
        return False
    return fold(re.sub(r"\s*\(.*\)$", "", title)) == fold(name)


class Enricher:
    """Adds online background to notes the offline data could not describe.

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
        deadline: float = LOOKUP_DEADLINE,
    ) -> None:
        self._cache = JsonCache(Path(cache_path), hit_lifetime=HIT_LIFETIME,
                                miss_lifetime=MISS_LIFETIME, clock=clock)
        self._enabled = enabled
        self._timeout = timeout
        self._deadline = deadline
        self._endpoints = endpoints or Endpoints()
        self._user_agent = user_agent
        self._clock = clock
        self._lock = threading.Lock()
        self._network_down_until = 0.0

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self._enabled = value

    @property
    def cache_path(self) -> Path:
        return self._cache.path

    def active(self) -> bool:
        """Whether `enrich` may use the network (enabled and not offline by environment)."""
        return self._enabled and not offline_requested()

    def enrich(self, note: Note, today: ArticleDate | None = None) -> Note:
        """The note with online background as of its article's date (`today`, default the real
        today, for an undated article), or the note unchanged."""
        if not self.active() or not eligible(note):
            return note
        found = self.lookup(" ".join(note.name.split()), note.category)
        if found is None:
            return note
        return found.at(note, note.as_of or today or dated.today())

    def lookup(self, name: str, category: Category) -> Enrichment | None:
        """Cached lookup of one subject; None when nothing fitting was found or the network
        failed."""
        if not self.active():
            return None
        key = json.dumps([_CACHE_VERSION, name, category.value], ensure_ascii=False)
        cached, hit = self._cache.get(key)
        if hit:
            return Enrichment.from_json(cached) if cached is not None else None
        with self._lock:
            if self._clock() < self._network_down_until:
                return None
        stop = time.monotonic() + self._deadline
        try:
            found = self._fetch(name, category, stop)
        except _NetworkDown as exc:
            log.debug("enrichment of %r: network unavailable (%s); backing off", name, exc)
            with self._lock:
                self._network_down_until = self._clock() + NETWORK_BACKOFF
            return None
        except _Failed as exc:
            log.debug("enrichment of %r failed: %s", name, exc)
            found = None
        self._cache.put(key, found.to_json() if found is not None else None)
        return found

    # -- lookups ---------------------------------------------------------------------------

    def _fetch(self, name: str, category: Category, stop: float) -> Enrichment | None:
        """The item for this name (Dutch page, else search), if its type fits; then its
        description, positions and lifetime. _Failed when a service failed and nothing was
        found (cached like a miss, so a failing service is not asked again per article)."""
        failure: _Failed | None = None
        candidates: list[str] = []
        nl_extract: tuple[str, str] | None = None
        try:
            page = self._summary(self._endpoints.nl_wikipedia, name, stop)
        except _Failed as exc:
            failure, page = exc, None
        if page is not None and _title_matches(page.get("title"), name):
            item = page.get("wikibase_item")
            extract = _extract(page)
            if isinstance(item, str) and re.fullmatch(r"Q\d+", item):
                candidates.append(item)
                if extract is not None:
                    nl_extract = (extract, _page_url(page, self._endpoints.nl_wikipedia, name))
        if not candidates:
            try:
                candidates = wikidata.search_candidates(self._search(name, stop), name)
            except _Failed as exc:
                failure = exc
        chosen: wikidata.Item | None = None
        for item_id in candidates:
            try:
                item = wikidata.parse_item(self._entities(item_id, stop), item_id)
            except _Failed as exc:
                failure = exc
                continue
            if item is not None and wikidata.fits(item, category):
                chosen = item
                break
        if chosen is None:
            if failure is not None:
                raise failure
            return None
        if nl_extract is not None and chosen.id != candidates[0]:
            nl_extract = None
        description, source, attribution = self._description(chosen, nl_extract, stop)
        return Enrichment(description, source, attribution, self._roles(chosen, stop),
                          chosen.start, chosen.end, chosen.enwiki)

    def _description(
        self, item: wikidata.Item, nl_extract: tuple[str, str] | None, stop: float
    ) -> tuple[str | None, str, str]:
        """The English Wikipedia extract, else the Dutch one, else Wikidata's description."""
        if item.enwiki is not None:
            try:
                page = self._summary(self._endpoints.en_wikipedia, item.enwiki, stop)
            except _Failed:
                page = None
            extract = _extract(page) if page is not None else None
            if page is not None and extract is not None:
                url = _page_url(page, self._endpoints.en_wikipedia, item.enwiki)
                return extract, url, WIKIPEDIA_ATTRIBUTION
        if nl_extract is not None:
            return nl_extract[0], nl_extract[1], WIKIPEDIA_ATTRIBUTION
        return item.description, f"https://www.wikidata.org/wiki/{item.id}", WIKIDATA_ATTRIBUTION

    def _roles(self, item: wikidata.Item, stop: float) -> tuple[Role, ...]:
        """Positions held, with their English labels (unlabelled ones are left out)."""
        positions = [p for p in item.positions if p.start is not None][:MAX_POSITIONS]
        if not positions:
            return ()
        ids = sorted({p.item for p in positions})
        try:
            labels = wikidata.parse_labels(self._get_json(self._api(
                {"action": "wbgetentities", "ids": "|".join(ids), "props": "labels",
                 "languages": "en|nl", "format": "json"}), stop))
        except _Failed:
            return ()
        roles = [Role(labels[p.item], None, p.start, p.end) for p in positions if p.item in labels]
        roles.sort(key=lambda r: r.start.sort_key() if r.start else (0, 0, 0), reverse=True)
        return tuple(roles)

    def _summary(self, base: str, title: str, stop: float) -> dict[str, Any] | None:
        """A REST page summary; None for a missing page or a disambiguation page."""
        page = urllib.parse.quote(title.replace(" ", "_"), safe="")
        payload = self._get_json(f"{base.rstrip('/')}/api/rest_v1/page/summary/{page}", stop)
        if payload is None:
            return None
        if not isinstance(payload, dict):
            raise _Failed("summary is not a JSON object")
        if payload.get("type") == "disambiguation":
            return None
        return payload

    def _search(self, name: str, stop: float) -> Any:
        return self._get_json(self._api(
            {"action": "wbsearchentities", "search": name, "language": "nl", "uselang": "en",
             "type": "item", "limit": "7", "format": "json"}), stop)

    def _entities(self, item: str, stop: float) -> Any:
        return self._get_json(self._api(
            {"action": "wbgetentities", "ids": item, "props": "claims|sitelinks|descriptions",
             "languages": "en", "sitefilter": "enwiki|nlwiki", "format": "json"}), stop)

    def _api(self, query: dict[str, str]) -> str:
        return f"{self._endpoints.wikidata.rstrip('/')}/w/api.php?{urllib.parse.urlencode(query)}"

    def _get_json(self, url: str, stop: float) -> Any:
        """Parsed JSON; None for 404; _Failed for other HTTP errors or bad JSON; _NetworkDown
        when the service cannot be reached or the lookup's time is up."""
        remaining = min(self._timeout, stop - time.monotonic())
        if remaining <= 0:
            raise _NetworkDown(f"{url}: the lookup took too long")
        try:
            response = net.fetch(
                url, accept=net.JSON_TYPES, deadline=remaining, max_bytes=MAX_RESPONSE_BYTES,
                headers={"User-Agent": self._user_agent, "Accept": "application/json"},
            )
        except net.HttpStatusError as exc:
            if exc.status == 404:
                return None
            raise _Failed(exc.message) from exc
        except net.Unreachable as exc:
            raise _NetworkDown(exc.message) from exc
        except net.NetError as exc:
            raise _Failed(exc.message) from exc
        try:
            return json.loads(response.body.decode(response.charset or "utf-8"))
        except (UnicodeDecodeError, LookupError, ValueError) as exc:
            raise _Failed(f"{url}: malformed JSON ({exc})") from exc


def _extract(page: dict[str, Any]) -> str | None:
    extract = page.get("extract")
    return extract if isinstance(extract, str) and extract.strip() else None


def _page_url(page: dict[str, Any], base: str, title: str) -> str:
    urls = page.get("content_urls")
    if isinstance(urls, dict) and isinstance(urls.get("desktop"), dict):
        url = urls["desktop"].get("page")
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            return url
    return f"{base.rstrip('/')}/wiki/{urllib.parse.quote(title.replace(' ', '_'))}"
