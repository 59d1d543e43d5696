"""The offline knowledge base: validated schema-2 entries (docs/knowledge.md) plus countries and
cities generated from CLDR and GeoNames, with a token matcher over their names."""

from __future__ import annotations

import functools
import json
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any

from assistant.errors import DataError
from assistant.models import ArticleDate, Category, Fact, Role
from assistant.reading.matching import SequenceMatcher
from assistant.resources import resource_path

SCHEMA = 2
KINDS: dict[str, Category] = {
    "person": Category.PERSON,
    "organisation": Category.ORGANISATION,
    "group": Category.GROUP,
    "event": Category.EVENT,
    "place": Category.PLACE,
    "other": Category.OTHER,
}
REQUIRED_KEYS = ("id", "kind", "names", "international_name", "description", "sources")
ENTRY_KEYS = frozenset({
    *REQUIRED_KEYS, "short_names", "from", "to", "country", "roles", "roles_complete", "facts",
    "can_be", "checked", "recurring",
})
ROLE_KEYS = frozenset({"role", "organisation", "from", "to"})
FACT_KEYS = frozenset({"date", "text"})
SPAN_KEYS = frozenset({"from", "to"})
# Kinds whose from/to are a lifetime (born-died, founded-dissolved) that roles must fit in.
LIFETIME_KINDS = frozenset({Category.PERSON, Category.ORGANISATION})
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_YEAR_IN_TEXT = re.compile(r"\b(19|20)\d\d\b")
# Words that tell a description's reader what came after some date (later, the future king;
# lower case: "Fridays for Future" is a name) or, for a person, that something ended (a former
# striker was a striker at the article's date).
_LATER_IN_TEXT = re.compile(r"\b(later|future|afterwards|subsequently|eventually)\b")
_FORMER_IN_TEXT = re.compile(r"\b(former|formerly|retired|ex-[a-z]+|the late)\b", re.I)
_FINE_TOKENS = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


class Origin(IntEnum):
    """Where an entry comes from; the lower value wins a name two entries share."""

    CURATED = 0
    COUNTRY = 1
    CITY = 2


@dataclass(frozen=True, slots=True)
class Period:
    """A span of dates, both ends given (roles_complete)."""

    start: ArticleDate
    end: ArticleDate


@dataclass(frozen=True, slots=True)
class KnowledgeEntry:
    """One subject the app has background on: a timeless description, dated roles and facts."""

    id: str
    category: Category
    names: tuple[str, ...]
    international_name: str
    description: str
    short_names: tuple[str, ...] = ()
    start: ArticleDate | None = None  # born, founded, began
    end: ArticleDate | None = None  # died, dissolved, ended
    country: str | None = None  # ISO 3166 alpha-2
    roles: tuple[Role, ...] = ()  # newest first
    roles_complete: Period | None = None
    facts: tuple[Fact, ...] = ()  # in date order
    can_be: frozenset[Category] = frozenset()
    recurring: bool = False  # an event series (Wimbledon, the COP): from/to span the series
    sources: tuple[str, ...] = ()
    checked: ArticleDate | None = None
    origin: Origin = Origin.CURATED
    population: int | None = None
    capital: bool = False

    @property
    def source(self) -> str:
        """The first source (a URL for curated entries, a data set's name for places)."""
        return self.sources[0] if self.sources else ""

    def may_be(self, category: Category) -> bool:
        """Whether a mention of this category may stand for this entry."""
        return category is self.category or category in self.can_be


@dataclass(frozen=True, slots=True)
class NamePattern:
    """What a matched token sequence refers to."""

    entry_id: str
    origin: Origin
    adjective: bool = False  # a nationality adjective standing for its country
    short: bool = False  # a short name: selects the entry only after one of its names


def normalise(name: str) -> str:
    """Key for case- and spacing-insensitive lookups."""
    text = unicodedata.normalize("NFC", name).replace("’", "'")
    return " ".join(text.casefold().split())


@functools.lru_cache(maxsize=100_000)
def fold(name: str) -> str:
    """`normalise` without diacritics and with hyphens as spaces: the spelling variants of one
    name (Erdoğan/Erdogan, Kim Jong-un/Kim Jong Un) share this key."""
    text = unicodedata.normalize("NFKD", normalise(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("-", " ").split())


def genitive_base(text: str) -> str | None:
    """'Poetins' → 'Poetin', "Rutte's" → 'Rutte'; None when the form cannot be a genitive."""
    text = text.replace("’", "'")
    if text.endswith("'s") and len(text) > 3:
        return text[:-2]
    if text.endswith("s") and len(text) > 3 and text[0].isupper() and not text.isupper():
        return text[:-1]
    return None


def name_key_variants(name: str) -> set[tuple[str, ...]]:
    """Token sequences a name may appear as, whichever way the tokenizer splits punctuation."""
    text = unicodedata.normalize("NFC", name).replace("’", "'")
    variants = {tuple(text.split()), tuple(_FINE_TOKENS.findall(text))}
    return {v for v in variants if v}


class KnowledgeBase:
    """Entries by id and name, and a token matcher over every name, short name and adjective."""

    def __init__(self, entries: Iterable[KnowledgeEntry], adjectives: dict[str, str]) -> None:
        self._entries: dict[str, KnowledgeEntry] = {}
        self._by_name: dict[str, str] = {}
        self._by_folded: dict[str, str] = {}
        self._exact: dict[str, str] = {}  # a curated name or short name as written → entry
        self._folded_owners: dict[str, set[str]] = {}  # curated names and short names
        self._exact_owners: dict[str, set[str]] = {}
        self._links: dict[str, frozenset[str]] | None = None
        self._links_lock = threading.Lock()
        self._adjectives = adjectives  # adjective form → entry id
        self._matcher: SequenceMatcher[NamePattern] | None = None
        self._lock = threading.Lock()
        for entry in entries:
            if entry.id in self._entries:
                continue  # curated ids are checked unique when loading; places come after
            self._entries[entry.id] = entry
            for name in entry.names:
                key = normalise(name)
                owner = self._by_name.get(key)
                if owner is None or self._entries[owner].origin > entry.origin:
                    self._by_name[key] = entry.id
                self._by_folded.setdefault(fold(name), self._by_name[key])
            if entry.origin is Origin.CURATED:
                for name in (*entry.names, *entry.short_names):
                    self._exact.setdefault(unicodedata.normalize("NFC", name), entry.id)
                    self._exact_owners.setdefault(unicodedata.normalize("NFC", name),
                                                  set()).add(entry.id)
                    self._folded_owners.setdefault(fold(name), set()).add(entry.id)

    @classmethod
    def load(cls, directory: Path | None = None, *, places: bool = True) -> KnowledgeBase:
        """Every *.json in `directory` (default resources/knowledge) plus places; cached."""
        folder = (directory or resource_path("knowledge")).resolve()
        key = (str(folder), places)
        with _CACHE_LOCK:
            cached = _CACHE.get(key)
            if cached is None:
                entries = load_curated(folder)
                adjectives: dict[str, str] = {}
                if places:
                    place_entries, adjectives = _places()
                    entries = entries + place_entries
                cached = cls(entries, adjectives)
                _CACHE[key] = cached
            return cached

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def entries(self) -> list[KnowledgeEntry]:
        return list(self._entries.values())

    def get(self, entry_id: str) -> KnowledgeEntry | None:
        return self._entries.get(entry_id)

    def find(self, name: str) -> KnowledgeEntry | None:
        """The entry one of whose `names` this is, exactly or as a genitive ('Poetins')."""
        key = normalise(name)
        entry_id = self._by_name.get(key)
        if entry_id is None:
            base = genitive_base(" ".join(name.split()))
            if base is not None:
                entry_id = self._by_name.get(normalise(base))
        return self._entries.get(entry_id) if entry_id is not None else None

    def find_variant(self, name: str) -> KnowledgeEntry | None:
        """A spelling variant of one of the entries' names: the same letters but for case,
        diacritics and hyphens (Erdoğan ~ Erdogan). Never a different name (Christophe is not
        Christine)."""
        if len(self._folded_owners.get(fold(name), ())) > 1:
            # 'Pvda': the Dutch PvdA or the Belgian PVDA; only the exact spelling says which.
            written = unicodedata.normalize("NFC", " ".join(name.split()))
            exact = self._exact.get(written)
            if exact is None or written not in self._entries[exact].names:
                return None
            return self._entries[exact]
        found = self.find(name)
        if found is not None:
            return found
        entry_id = self._by_folded.get(fold(name))
        if entry_id is None:
            base = genitive_base(" ".join(name.split()))
            if base is not None:
                entry_id = self._by_folded.get(fold(base))
        return self._entries.get(entry_id) if entry_id is not None else None

    def namesake_countries(
        self, name: str, entry_id: str, *, exact: bool = False
    ) -> frozenset[str | None]:
        """The countries of the other curated entries a name or short name of this spelling
        belongs to: but for case, diacritics and hyphens (PvdA: NL; PVDA: BE), or `exact`ly
        (Socialistische Partij: the Dutch SP, and the Flemish one until 2001)."""
        if exact:
            written = unicodedata.normalize("NFC", " ".join(name.split()))
            owners = self._exact_owners.get(written, set()) - {entry_id}
        else:
            owners = self._folded_owners.get(fold(name), set()) - {entry_id}
        return frozenset(self._entries[owner].country for owner in owners)

    def linked(self, entry_id: str) -> frozenset[str]:
        """Curated entries the data ties to this one, of the same country (or of none): a role
        held in it ('Leader of the Socialist Party (SP)' in 'SP'), or a name one's facts
        mention ('Declared the COVID-19 outbreak a pandemic')."""
        with self._links_lock:
            if self._links is None:
                self._links = self._build_links()
        return self._links.get(entry_id, frozenset())

    def _build_links(self) -> dict[str, frozenset[str]]:
        links: dict[str, set[str]] = {}
        curated = [e for e in self._entries.values() if e.origin is Origin.CURATED]
        by_name: dict[str, set[str]] = {}
        for entry in curated:
            for name in (*entry.names, *entry.short_names, entry.international_name):
                by_name.setdefault(fold(name), set()).add(entry.id)

        def tie(a: KnowledgeEntry, b_id: str) -> None:
            b = self._entries[b_id]
            if b.id != a.id and (a.country is None or b.country is None
                                 or a.country == b.country):
                links.setdefault(a.id, set()).add(b.id)
                links.setdefault(b.id, set()).add(a.id)

        matcher = self.matcher()
        for entry in curated:
            for role in entry.roles:
                if role.organisation:
                    for owner in by_name.get(fold(role.organisation), ()):
                        tie(entry, owner)
            for fact in entry.facts:
                words = [(w,) for w in _FINE_TOKENS.findall(fact.text)]
                for match in matcher.find_all(words):
                    pattern = match.payload
                    if pattern.origin is Origin.CURATED and not pattern.short:
                        tie(entry, pattern.entry_id)
        return {k: frozenset(v) for k, v in links.items()}

    def adjective_country(self, form: str) -> KnowledgeEntry | None:
        entry_id = self._adjectives.get(form)
        return self._entries.get(entry_id) if entry_id is not None else None

    def matcher(self) -> SequenceMatcher[NamePattern]:
        """Token matcher over all names (keys: token text), built once on first use."""
        with self._lock:
            if self._matcher is None:
                matcher: SequenceMatcher[NamePattern] = SequenceMatcher()
                for entry in self._entries.values():
                    for name in entry.names:
                        if self._by_name.get(normalise(name)) != entry.id:
                            continue  # a name of a curated entry and a town: curated wins
                        for variant in name_key_variants(name):
                            matcher.add(variant, NamePattern(entry.id, entry.origin))
                    for name in entry.short_names:
                        for variant in name_key_variants(name):
                            matcher.add(variant, NamePattern(entry.id, entry.origin, short=True))
                for form, entry_id in self._adjectives.items():
                    matcher.add((form,), NamePattern(entry_id, Origin.COUNTRY, adjective=True))
                self._matcher = matcher
            return self._matcher


_CACHE: dict[tuple[str, bool], KnowledgeBase] = {}
_CACHE_LOCK = threading.Lock()
_PLACES: tuple[list[KnowledgeEntry], dict[str, str]] | None = None


def load_curated(folder: Path) -> list[KnowledgeEntry]:
    """Entries of every *.json file in `folder` (none if it is missing), files sorted by name;
    ids and names are checked unique across the files."""
    if not folder.is_dir():
        return []
    entries: list[KnowledgeEntry] = []
    ids: dict[str, str] = {}
    names: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*.json")):
        for entry in parse_file(path):
            where = f"The knowledge file {path.name}, entry {entry.id!r},"
            if entry.id in ids:
                raise DataError(f"{where} has the id of an entry in {ids[entry.id]}.")
            ids[entry.id] = path.name
            for name in entry.names:
                owner = names.get(normalise(name))
                if owner is not None and owner[0] != entry.id:
                    raise DataError(
                        f"{where} claims the name {name!r} of {owner[0]!r} ({owner[1]}); "
                        "a name that could mean two entries belongs in neither's names."
                    )
                names[normalise(name)] = (entry.id, path.name)
            entries.append(entry)
    return entries


def parse_file(path: Path) -> list[KnowledgeEntry]:
    """Parse and validate one knowledge file; raises DataError naming the file and entry."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"The knowledge file {path.name} cannot be read: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise DataError(f'The knowledge file {path.name} must be an object with an "entries" list.')
    if data.get("schema") != SCHEMA:
        raise DataError(
            f"The knowledge file {path.name} has schema {data.get('schema')!r}; "
            f"this version reads schema {SCHEMA} (docs/knowledge.md)."
        )
    return [parse_entry(raw, path.name, n) for n, raw in enumerate(data["entries"])]


def parse_entry(raw: Any, file: str, n: int) -> KnowledgeEntry:
    """One validated entry; DataError naming the file and the entry (its id, else its number)."""
    where = f"The knowledge file {file}, entry {n + 1},"
    if not isinstance(raw, dict):
        raise DataError(f"{where} is not an object.")
    entry_id = raw.get("id")
    if isinstance(entry_id, str) and _ID.match(entry_id):
        where = f"The knowledge file {file}, entry {entry_id!r},"
    fail = _Failer(where)
    unknown = sorted(set(raw) - ENTRY_KEYS)
    if unknown:
        fail(f"has unknown keys {', '.join(unknown)}")
    missing = [k for k in REQUIRED_KEYS if k not in raw]
    if missing:
        fail(f"lacks {', '.join(missing)}")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        fail(f"has a bad id {entry_id!r} (a lower-case ASCII slug)")
    kind = KINDS.get(raw["kind"]) if isinstance(raw["kind"], str) else None
    if kind is None:
        fail(f"has an unknown kind {raw['kind']!r}")
    assert kind is not None
    names = _names(raw["names"], "names", fail)
    short_names = _names(raw.get("short_names") or [], "short_names", fail)
    if not names and not short_names:
        fail("needs a non-empty list of names (or, when every name is ambiguous, short_names)")
    international = _text(raw["international_name"], "international_name", fail)
    description = _text(raw["description"], "description", fail)
    if _YEAR_IN_TEXT.search(description):
        fail("has a year in its description (a description is timeless: make it a fact or role)")
    told = _LATER_IN_TEXT.search(description) or (
        kind is Category.PERSON and _FORMER_IN_TEXT.search(description))
    if told:
        fail(f"says {told.group(0)!r} in its description (a description is timeless: what "
             "came later is a fact or role, what someone was is a role or their trade)")
    start = _date(raw.get("from"), "from", fail)
    end = _date(raw.get("to"), "to", fail)
    _in_order(start, end, "from", "to", fail)
    country = raw.get("country")
    if country is not None and (not isinstance(country, str) or not _COUNTRY.match(country)):
        fail(f"has a bad country {country!r} (an ISO 3166 alpha-2 code)")
    roles = _roles(raw.get("roles") or [], fail)
    if kind in LIFETIME_KINDS:
        _within_lifetime(roles, start, end, fail)
    complete = _period(raw.get("roles_complete"), fail)
    facts = _facts(raw.get("facts") or [], fail)
    can_be = _kinds(raw.get("can_be") or [], kind, fail)
    recurring = raw.get("recurring", False)
    if not isinstance(recurring, bool) or (recurring and kind is not Category.EVENT):
        fail(f"has recurring {recurring!r}: true only for an event series")
    sources = raw["sources"]
    if (
        not isinstance(sources, list)
        or not sources
        or not all(isinstance(s, str) and s.startswith(("https://", "http://")) for s in sources)
    ):
        fail("needs sources: a non-empty list of URLs")
    assert isinstance(entry_id, str)
    return KnowledgeEntry(
        id=entry_id,
        category=kind,
        names=names,
        international_name=international,
        description=description,
        short_names=short_names,
        start=start,
        end=end,
        country=country,
        roles=roles,
        roles_complete=complete,
        facts=facts,
        can_be=can_be,
        recurring=recurring,
        sources=tuple(sources),
        checked=_date(raw.get("checked"), "checked", fail),
    )


class _Failer:
    """Raises a DataError that names the file and entry."""

    def __init__(self, where: str) -> None:
        self.where = where

    def __call__(self, problem: str) -> None:
        raise DataError(f"{self.where} {problem}.")


def _names(value: Any, key: str, fail: _Failer) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        fail(f"needs {key} as a list of non-empty texts")
    return tuple(unicodedata.normalize("NFC", " ".join(x.split())) for x in value)


def _text(value: Any, key: str, fail: _Failer) -> str:
    if not isinstance(value, str) or not value.strip():
        fail(f"needs {key} as a non-empty text")
    return " ".join(value.split())


def _date(value: Any, key: str, fail: _Failer) -> ArticleDate | None:
    if value is None:
        return None
    if not isinstance(value, str):
        fail(f"has a bad {key} date {value!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        return _parse_date(value)
    except ValueError:
        fail(f"has a bad {key} date {value!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
        raise  # unreachable: fail raises


@functools.lru_cache(maxsize=20_000)
def _parse_date(value: str) -> ArticleDate:
    """ArticleDate.parse, remembered: the same dates recur across thousands of entries."""
    return ArticleDate.parse(value)


def _in_order(
    start: ArticleDate | None, end: ArticleDate | None, a: str, b: str, fail: _Failer
) -> None:
    """`start` may not lie after `end` (compared by their first days: 2024 ≤ 2024-05)."""
    if start is not None and end is not None and start > end:
        fail(f"has {a} {start.iso()} after {b} {end.iso()}")


def _roles(value: Any, fail: _Failer) -> tuple[Role, ...]:
    if not isinstance(value, list):
        fail("has roles that are not a list")
    roles: list[Role] = []
    for raw in value:
        if not isinstance(raw, dict):
            fail("has a role that is not an object")
        unknown = sorted(set(raw) - ROLE_KEYS)
        if unknown:
            fail(f"has a role with unknown keys {', '.join(unknown)}")
        text = raw.get("role")
        if not isinstance(text, str) or not text.strip():
            fail("has a role without a 'role' text")
        label = f"the role {text!r}"
        organisation = raw.get("organisation")
        if organisation is not None and (not isinstance(organisation, str)
                                         or not organisation.strip()):
            fail(f"has {label} with a bad organisation")
        start = _date(raw.get("from"), f"{label} from", fail)
        end = _date(raw.get("to"), f"{label} to", fail)
        _in_order(start, end, f"{label} from", "its to", fail)
        role = Role(" ".join(text.split()), organisation, start, end)
        previous = next((r for r in reversed(roles) if r.start is not None), None)
        if start is not None and previous is not None and previous.start is not None and (
            start > previous.start
        ):
            fail(f"lists {label} (from {start.iso()}) after an older one: roles go newest first")
        roles.append(role)
    return tuple(roles)


def _within_lifetime(
    roles: tuple[Role, ...], born: ArticleDate | None, died: ArticleDate | None, fail: _Failer
) -> None:
    """A role cannot begin before the entry existed nor after it ended."""
    for role in roles:
        for when in (role.start, role.end):
            if when is None:
                continue
            if born is not None and when < born and not _same_span(when, born):
                fail(f"has the role {role.role!r} dated {when.iso()}, before its from "
                     f"{born.iso()}")
        if died is not None and role.start is not None and role.start > died and not (
            _same_span(role.start, died)
        ):
            fail(f"has the role {role.role!r} from {role.start.iso()}, after its to "
                 f"{died.iso()}")


def _same_span(a: ArticleDate, b: ArticleDate) -> bool:
    """Whether one date lies within the other's span (2024 and 2024-05-03 overlap)."""
    if a.year != b.year:
        return False
    if a.month is None or b.month is None:
        return True
    return a.month == b.month and (a.day is None or b.day is None or a.day == b.day)


def _period(value: Any, fail: _Failer) -> Period | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != SPAN_KEYS:
        fail("needs roles_complete as an object with exactly from and to")
    start = _date(value["from"], "roles_complete from", fail)
    end = _date(value["to"], "roles_complete to", fail)
    if start is None or end is None:
        fail("needs both ends of roles_complete")
    assert start is not None and end is not None
    _in_order(start, end, "roles_complete from", "its to", fail)
    return Period(start, end)


def _facts(value: Any, fail: _Failer) -> tuple[Fact, ...]:
    if not isinstance(value, list):
        fail("has facts that are not a list")
    facts: list[Fact] = []
    for raw in value:
        if not isinstance(raw, dict) or set(raw) != FACT_KEYS:
            fail("has a fact that is not an object with exactly date and text")
        date = _date(raw["date"], "fact", fail)
        if date is None:
            fail("has a fact without a date")
        assert date is not None
        text = _text(raw["text"], "fact text", fail)
        if facts and date < facts[-1].date:
            fail(f"lists the fact of {date.iso()} after one of {facts[-1].date.iso()}: "
                 "facts go in date order")
        facts.append(Fact(date, text))
    return tuple(facts)


def _kinds(value: Any, own: Category, fail: _Failer) -> frozenset[Category]:
    if not isinstance(value, list) or not all(isinstance(k, str) and k in KINDS for k in value):
        fail(f"has can_be {value!r}: a list of kinds ({', '.join(KINDS)})")
    return frozenset(KINDS[k] for k in value) - {own}


def _places() -> tuple[list[KnowledgeEntry], dict[str, str]]:
    global _PLACES
    if _PLACES is None:
        _PLACES = build_places()
    return _PLACES


def build_places() -> tuple[list[KnowledgeEntry], dict[str, str]]:
    """Country and city entries, and nationality adjective form → country entry id."""
    from assistant.knowledge import places

    countries, cities = places.load_place_records()
    english = {c.code: places.with_article(c.english_name) for c in countries}
    entries: list[KnowledgeEntry] = []
    for c in countries:
        where = f"Country in {c.continent}" if c.continent else "Country or territory"
        parts = [where]
        if c.capital:
            parts.append(f"capital {c.capital}")
        entries.append(
            KnowledgeEntry(
                id=f"country-{c.code.lower()}",
                category=Category.PLACE,
                names=c.dutch_names,
                international_name=c.english_name,
                description="; ".join(parts) + ".",
                sources=("Unicode CLDR (via Babel); GeoNames (CC BY 4.0)",),
                country=c.code,
                origin=Origin.COUNTRY,
                population=c.population,
            )
        )
    excluded = places.not_town_names()
    regions = places.region_names()
    # Two towns of one name: a Dutch or Belgian one is what Dutch news means (Ede), else the
    # bigger one; the first entry keeps a shared name.
    home_first = sorted(cities, key=lambda c: (c.country not in places.HOME_COUNTRIES,
                                               -c.population))
    for city in home_first:
        names = tuple(n for n in city.dutch_names if n not in excluded
                      and (city.capital or city.country == "US" or n not in regions))
        if not names:
            continue
        country = english.get(city.country, city.country)
        text = f"Capital of {country}" if city.capital else f"City in {country}"
        entries.append(
            KnowledgeEntry(
                id=f"city-{city.geonameid}",
                category=Category.PLACE,
                names=names,
                international_name=city.english_name,
                description=f"{text}.",
                sources=("GeoNames (CC BY 4.0)",),
                country=city.country,
                origin=Origin.CITY,
                population=city.population,
                capital=city.capital,
            )
        )
    known = {c.code for c in countries}
    adjectives = {
        form: f"country-{code.lower()}"
        for form, code in places.adjective_forms().items()
        if code in known
    }
    return entries, adjectives
