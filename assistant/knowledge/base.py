"""The offline knowledge base: curated people/organisations/events plus countries and cities."""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import DataError
from assistant.models import ArticleDate, Category
from assistant.reading.matching import SequenceMatcher
from assistant.resources import resource_path

KINDS: dict[str, Category] = {
    "person": Category.PERSON,
    "organisation": Category.ORGANISATION,
    "group": Category.GROUP,
    "event": Category.EVENT,
    "place": Category.PLACE,
}

REQUIRED_KEYS = ("id", "kind", "names", "international_name", "description")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FINE_TOKENS = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")

# Name priority when two entries claim the same name: curated data wins over generated places.
CURATED, COUNTRY, CITY = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role: 'Russia's Minister of Defence' from 2012-11 to 2024-05 (None: open)."""

    role: str
    organisation: str | None = None
    start: ArticleDate | None = None
    end: ArticleDate | None = None


@dataclass(frozen=True, slots=True)
class KnowledgeEntry:
    """One subject the app has background on."""

    id: str
    category: Category
    names: tuple[str, ...]
    international_name: str
    description: str
    roles: tuple[Role, ...] = ()
    source: str = ""
    country: str | None = None  # ISO code, for places
    population: int | None = None
    capital: bool = False


@dataclass(frozen=True, slots=True)
class NamePattern:
    """What a matched token sequence refers to."""

    entry_id: str
    priority: int
    adjective: bool = False  # a nationality adjective standing for its country


def normalise(name: str) -> str:
    """Key for case- and spacing-insensitive lookups."""
    text = unicodedata.normalize("NFC", name).replace("’", "'")
    return " ".join(text.casefold().split())


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
    """Entries by id and name, and a token matcher over every Dutch name and alias."""

    def __init__(self, entries: list[KnowledgeEntry], adjectives: dict[str, str]) -> None:
        self._entries: dict[str, KnowledgeEntry] = {}
        self._priority: dict[str, int] = {}
        self._by_name: dict[str, str] = {}
        self._fuzzy_names: dict[str, str] = {}
        self._adjectives = adjectives  # adjective form → entry id
        self._matcher: SequenceMatcher[NamePattern] | None = None
        self._lock = threading.Lock()
        self.duplicates: list[str] = []  # names claimed by two entries; the first kept
        for entry in entries:
            if entry.id in self._entries:
                self.duplicates.append(f"id {entry.id}")
                continue
            self._entries[entry.id] = entry
            priority = _priority_of(entry)
            self._priority[entry.id] = priority
            for name in entry.names:
                key = normalise(name)
                owner = self._by_name.get(key)
                if owner is not None:
                    if priority == CURATED == self._priority[owner] and owner != entry.id:
                        self.duplicates.append(f"{name!r}: {owner} and {entry.id}")
                    continue
                self._by_name[key] = entry.id
                if priority <= COUNTRY:
                    self._fuzzy_names[key] = entry.id

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
        """The entry with this Dutch name, alias, nationality adjective or genitive form."""
        key = normalise(name)
        entry_id = self._by_name.get(key)
        if entry_id is None:
            entry_id = self._adjectives.get(" ".join(name.split()))
        if entry_id is None:
            base = genitive_base(" ".join(name.split()))
            if base is not None:
                entry_id = self._by_name.get(normalise(base))
        return self._entries.get(entry_id) if entry_id is not None else None

    def fuzzy_find(self, name: str, cutoff: float = 90.0) -> KnowledgeEntry | None:
        """A close spelling variant of a curated or country name (Zelenski ~ Zelensky)."""
        from rapidfuzz import fuzz, process

        key = normalise(name)
        if len(key) < 5:
            return None
        best = process.extractOne(
            key, self._fuzzy_names.keys(), scorer=fuzz.ratio, score_cutoff=cutoff
        )
        if best is None:
            return None
        return self._entries[self._fuzzy_names[best[0]]]

    def matcher(self) -> SequenceMatcher[NamePattern]:
        """Token matcher over all names (keys: token text), built once on first use."""
        with self._lock:
            if self._matcher is None:
                matcher: SequenceMatcher[NamePattern] = SequenceMatcher()
                for key, entry_id in self._by_name.items():
                    entry = self._entries[entry_id]
                    pattern = NamePattern(entry_id, self._priority[entry_id])
                    for name in entry.names:
                        if normalise(name) == key:
                            for variant in name_key_variants(name):
                                matcher.add(variant, pattern)
                for form, entry_id in self._adjectives.items():
                    matcher.add((form,), NamePattern(entry_id, COUNTRY, adjective=True))
                self._matcher = matcher
            return self._matcher


def _priority_of(entry: KnowledgeEntry) -> int:
    if entry.id.startswith("country-"):
        return COUNTRY
    if entry.id.startswith("city-"):
        return CITY
    return CURATED


_CACHE: dict[tuple[str, bool], KnowledgeBase] = {}
_CACHE_LOCK = threading.Lock()
_PLACES: tuple[list[KnowledgeEntry], dict[str, str]] | None = None


def load_curated(folder: Path) -> list[KnowledgeEntry]:
    """Entries of every *.json file in `folder` (none if it is missing), files sorted by name."""
    if not folder.is_dir():
        return []
    entries: list[KnowledgeEntry] = []
    for path in sorted(folder.glob("*.json")):
        entries.extend(parse_file(path))
    return entries


def parse_file(path: Path) -> list[KnowledgeEntry]:
    """Parse and validate one knowledge file; raises DataError naming the file and entry."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"The knowledge file {path.name} cannot be read: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise DataError(f'The knowledge file {path.name} must be an object with an "entries" list.')
    return [_parse_entry(raw, path.name, n) for n, raw in enumerate(data["entries"])]


def _parse_entry(raw: Any, file: str, n: int) -> KnowledgeEntry:
    where = f"entry {n + 1} of the knowledge file {file}"
    if not isinstance(raw, dict):
        raise DataError(f"The {where} is not an object.")
    missing = [k for k in REQUIRED_KEYS if k not in raw]
    if missing:
        raise DataError(f"The {where} lacks {', '.join(missing)}.")
    entry_id = raw["id"]
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise DataError(f"The {where} has a bad id {entry_id!r} (lower-case ASCII slug).")
    where = f"entry {entry_id!r} of the knowledge file {file}"
    kind = KINDS.get(str(raw["kind"]))
    if kind is None:
        raise DataError(f"The {where} has an unknown kind {raw['kind']!r}.")
    names = raw["names"]
    if not isinstance(names, list) or not names or not all(
        isinstance(x, str) and x.strip() for x in names
    ):
        raise DataError(f"The {where} needs a non-empty list of names.")
    for key in ("international_name", "description"):
        if not isinstance(raw[key], str):
            raise DataError(f"The {where} has a non-text {key}.")
    roles_raw = raw.get("roles") or []
    if not isinstance(roles_raw, list):
        raise DataError(f"The {where} has roles that are not a list.")
    roles = tuple(_parse_role(r, where) for r in roles_raw)
    source = raw.get("source") or ""
    return KnowledgeEntry(
        id=entry_id,
        category=kind,
        names=tuple(unicodedata.normalize("NFC", x.strip()) for x in names),
        international_name=raw["international_name"],
        description=raw["description"],
        roles=roles,
        source=str(source),
    )


def _parse_role(raw: Any, where: str) -> Role:
    if not isinstance(raw, dict) or not isinstance(raw.get("role"), str):
        raise DataError(f"The {where} has a role without a 'role' text.")
    organisation = raw.get("organisation")
    try:
        start = ArticleDate.parse(raw["from"]) if raw.get("from") else None
        end = ArticleDate.parse(raw["to"]) if raw.get("to") else None
    except (ValueError, TypeError) as exc:
        raise DataError(f"The {where} has a bad role date: {exc}") from exc
    return Role(
        role=raw["role"],
        organisation=str(organisation) if organisation else None,
        start=start,
        end=end,
    )


def _places() -> tuple[list[KnowledgeEntry], dict[str, str]]:
    global _PLACES
    if _PLACES is None:
        _PLACES = build_places()
    return _PLACES


def build_places() -> tuple[list[KnowledgeEntry], dict[str, str]]:
    """Country and city entries, and nationality adjective form → country entry id."""
    from assistant.knowledge import places

    countries, cities = places.load_place_records()
    english = {c.code: c.english_name for c in countries}
    entries: list[KnowledgeEntry] = []
    for c in countries:
        where = f"Country in {c.continent}" if c.continent else "Country or territory"
        parts = [where]
        if c.capital:
            parts.append(f"capital {c.capital}")
        if c.population:
            parts.append(f"population about {_round_population(c.population)}")
        entries.append(
            KnowledgeEntry(
                id=f"country-{c.code.lower()}",
                category=Category.PLACE,
                names=c.dutch_names,
                international_name=c.english_name,
                description="; ".join(parts) + ".",
                source="Unicode CLDR (via Babel); GeoNames (CC BY 4.0)",
                country=c.code,
                population=c.population,
            )
        )
    for city in cities:
        country = english.get(city.country, city.country)
        text = f"Capital of {country}" if city.capital else f"City in {country}"
        entries.append(
            KnowledgeEntry(
                id=f"city-{city.geonameid}",
                category=Category.PLACE,
                names=city.dutch_names,
                international_name=city.english_name,
                description=f"{text}; population about {_round_population(city.population)}.",
                source="GeoNames (CC BY 4.0)",
                country=city.country,
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


def _round_population(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} million"
    if n >= 10_000:
        return f"{round(n, -3):,}"
    return f"{n:,}"
