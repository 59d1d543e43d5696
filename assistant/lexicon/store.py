"""The built Dutch→English dictionary: a read-only SQLite store of entries and their forms."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from assistant.errors import DataError
from assistant.lexicon.compounds import CompoundSplit, head_pos, split_compound
from assistant.lexicon.frequency import zipf as word_zipf
from assistant.lexicon.inflection import candidates
from assistant.lexicon.keys import SCHEMA_VERSION, dictionary_key
from assistant.resources import resource_path

# Entries (and misses) kept per kind of lookup: a long text comes back to its words thousands of
# lookups later (the 990,000-character bench paragraph asked 6,777 distinct ones 39,315 times).
CACHE_SIZE = 32_768
_COLUMNS = "lemma, pos, senses, source, article, plural, principal_parts, pronunciation"


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry: a lemma with one part of speech ('' when the source gives none)."""

    lemma: str
    pos: str
    senses: tuple[str, ...]
    source: str
    article: str | None = None
    plural: str | None = None
    principal_parts: str | None = None
    pronunciation: str | None = None
    # The first sense is backed by one source family only and by no entry of the project's.
    single_source: bool = False


def default_path() -> Path:
    return resource_path("dictionary.sqlite")


V = TypeVar("V")


class _Lru(Generic[V]):
    """A small thread-safe LRU map (functools.lru_cache would keep `self` alive)."""

    def __init__(self, size: int, missing: V) -> None:
        self._data: OrderedDict[tuple[str, ...], V] = OrderedDict()
        self._size = size
        self._missing = missing
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> tuple[bool, V]:
        with self._lock:
            if key not in self._data:
                return False, self._missing
            self._data.move_to_end(key)
            return True, self._data[key]

    def put(self, key: tuple[str, ...], value: V) -> None:
        with self._lock:
            self._data[key] = value
            if len(self._data) > self._size:
                self._data.popitem(last=False)


class Dictionary:
    """Read-only lookups; safe to share between the UI thread and workers."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path, zipf: Callable[[str], float]
    ) -> None:
        self._db = connection
        self._path = path
        self._lock = threading.Lock()
        self._cache: _Lru[Entry | None] = _Lru(CACHE_SIZE, None)
        self._lemma_cache: _Lru[tuple[tuple[str, str], ...]] = _Lru(CACHE_SIZE, ())
        self._english_cache: _Lru[frozenset[str]] = _Lru(CACHE_SIZE, frozenset())
        self._derived: _Lru[object] = _Lru(CACHE_SIZE, None)
        self._zipf = zipf
        with self._lock:
            self._forms = frozenset(row[0] for row in connection.execute("SELECT form FROM forms"))
            self._separable, self._with_er = _separable_table(connection)
            self._entries = frozenset(connection.execute("SELECT key, pos FROM entries"))
            tables = {str(row[0]) for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            self._has_english = "english_words" in tables
            # Dictionaries built before the support column: every first sense counts as backed.
            has_support = any(row[1] == "support" for row in connection.execute(
                "PRAGMA table_info(entries)"))
            self._columns = f"{_COLUMNS}, {'support' if has_support else 'NULL'}"
            self._participles: dict[str, str] = dict(connection.execute(
                "SELECT verb, participle FROM english_participles").fetchall()
            ) if "english_participles" in tables else {}

    @classmethod
    def open(
        cls, path: Path | None = None, zipf: Callable[[str], float] | None = None
    ) -> Dictionary:
        """Opens a built dictionary; raises DataError naming the file when it is unusable."""
        path = Path(path) if path is not None else default_path()
        if not path.is_file():
            raise DataError(
                f"The dictionary {path} is missing. Build it with "
                "'python scripts/build_dictionary.py --sources DIR'."
            )
        try:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise DataError(f"The dictionary {path} cannot be opened: {error}.") from error
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                raise DataError(
                    f"The dictionary {path} was built by an older version; rebuild it with "
                    "'python scripts/build_dictionary.py'."
                )
            return cls(connection, path, zipf or word_zipf)
        except sqlite3.Error as error:
            connection.close()
            raise DataError(
                f"The dictionary {path} is damaged or not a dictionary ({error}); rebuild it."
            ) from error
        except DataError:
            connection.close()
            raise

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def info(self) -> dict[str, str]:
        """Build figures and sources, for the About box."""
        with self._lock:
            rows = self._db.execute("SELECT key, value FROM meta").fetchall()
        return {str(k): str(v) for k, v in rows}

    def knows(self, word: str) -> bool:
        """Whether the dictionary has `word` as a lemma or listed form."""
        return dictionary_key(word) in self._forms

    def separable_particles(self, verb: str) -> frozenset[str]:
        """The particles that form an attested separable verb with the infinitive `verb`
        ("zetten" → aan, op, voort, ...; from the Alpino lexicon)."""
        return self._separable.get(dictionary_key(verb), frozenset())

    def er_particles(self, verb: str) -> frozenset[str]:
        """Those of its particles that take an "er" of their own ("het ziet er goed uit")."""
        return self._with_er.get(dictionary_key(verb), frozenset())

    def knows_as(self, lemma: str, pos: str | None = None) -> bool:
        """Whether the dictionary has an entry for `lemma` with part of speech `pos` (any
        part of speech when None)."""
        key = dictionary_key(lemma)
        if pos is None:
            return key in self._forms and self.lookup(key) is not None
        return (key, pos) in self._entries

    def english_pos(self, word: str) -> frozenset[str]:
        """The parts of speech ('noun', 'adj', 'adv') WordNet gives the one-word English
        `word` (empty for other words, and for a dictionary built without the table)."""
        if not self._has_english:
            return frozenset()
        cache_key = ("english", word)
        hit, value = self._english_cache.get(cache_key)
        if hit:
            return value
        with self._lock:
            row = self._db.execute("SELECT pos FROM english_words WHERE word = ?",
                                   (word,)).fetchone()
        found = frozenset(str(row[0]).split()) if row else frozenset()
        self._english_cache.put(cache_key, found)
        return found

    @property
    def english_participles(self) -> Mapping[str, str]:
        """Irregular English past participles by base verb (take → taken; WordNet)."""
        return self._participles

    def lemmas_of(self, form: str) -> tuple[tuple[str, str], ...]:
        """The (lemma, part of speech) pairs `form` can be an inflection of (Alpino's forms:
        'viel' → ('vallen', 'verb')), also of lemmas without an entry."""
        key = dictionary_key(form)
        cache_key = ("lemmas", key)
        hit, value = self._lemma_cache.get(cache_key)
        if hit:
            return value
        with self._lock:
            rows = self._db.execute(
                "SELECT lemma, pos FROM inflections WHERE form = ? ORDER BY lemma = form DESC",
                (key,)).fetchall()
        found = tuple((str(lemma), str(pos)) for lemma, pos in rows)
        self._lemma_cache.put(cache_key, found)
        return found

    def lookup(self, lemma: str, pos: str | None = None) -> Entry | None:
        """The entry for `lemma` with part of speech `pos` ('noun', 'verb', 'adj', 'adv'), or
        the best entry for any part of speech when `pos` is None."""
        key = dictionary_key(lemma)
        if key not in self._forms:
            return None
        cache_key = ("lemma", key, pos or "*")
        hit, value = self._cache.get(cache_key)
        if hit:
            return value
        if pos is None:
            entry = self._query(
                f"SELECT {self._columns} FROM entries WHERE key = ? ORDER BY rank LIMIT 1", (key,)
            )
        else:
            entry = self._query(
                f"SELECT {self._columns} FROM entries WHERE key = ? AND pos = ?", (key, pos)
            )
            untyped = self._query(
                f"SELECT {self._columns} FROM entries WHERE key = ? AND pos = ''", (key,)
            )
            if entry is not None and untyped is not None and "FreeDict" not in entry.source:
                entry = _merge(entry, untyped)
        self._cache.put(cache_key, entry)
        return entry

    def lookup_form(self, form: str) -> Entry | None:
        """The best entry listing `form` (a lemma, plural or principal part)."""
        key = dictionary_key(form)
        if key not in self._forms:
            return None
        cache_key = ("form", key)
        hit, value = self._cache.get(cache_key)
        if hit:
            return value
        columns = ", ".join(f"e.{c.strip()}" if c.strip() != "NULL" else "NULL"
                            for c in self._columns.split(","))
        entry = self._query(
            f"SELECT {columns} FROM forms f JOIN entries e ON e.id = f.entry "
            "WHERE f.form = ? ORDER BY e.rank LIMIT 1",
            (key,),
        )
        self._cache.put(cache_key, entry)
        return entry

    def frequency(self, word: str) -> float:
        """The Zipf frequency of a Dutch word, as the compound splitter sees it."""
        return self._zipf(word)

    def derived(self, key: tuple[str, ...], compute: Callable[[], V]) -> V:
        """What `compute` works out from this dictionary's lookups alone for `key` (a tuple
        naming the rule first), worked out once: a long text asks the same again and again."""
        hit, value = self._derived.get(key)
        if not hit:
            value = compute()
            self._derived.put(key, value)
        return cast(V, value)

    def split(self, word: str, pos: str | None = None) -> CompoundSplit | None:
        """The compound split of `word` (never of a word the dictionary has whole)."""
        word = dictionary_key(word)
        if word in self._forms or any(c in self._forms for c in candidates(word, pos)):
            return None
        return self.derived(("split", word, pos or ""), lambda: split_compound(
            word,
            known=self._forms.__contains__,
            zipf=self._zipf,
            head_forms=lambda piece: self.head_lemmas(piece, pos),
        ))

    def head_lemmas(self, piece: str, pos: str | None) -> list[str]:
        """A compound head's dictionary forms with the head's part of speech: the piece itself,
        the lemmas it is a listed form of (granaten → granaat; 'bond' the noun, not 'binden'),
        then the inflection rules' guesses."""
        wanted = head_pos(pos)
        piece = dictionary_key(piece)
        options = [piece, *(lemma for lemma, p in self.lemmas_of(piece) if p == wanted),
                   *candidates(piece, pos)]
        return [option for option in dict.fromkeys(options)
                if self.knows_as(option, wanted) or self.knows_as(option, "")]

    def _query(self, sql: str, params: tuple[str, ...]) -> Entry | None:
        with self._lock:
            row = self._db.execute(sql, params).fetchone()
        if row is None:
            return None
        lemma, pos, senses, source, article, plural, parts, pron, support = row
        return Entry(lemma, pos, tuple(json.loads(senses)), source, article, plural, parts, pron,
                     single_source=support == 1)


def _separable_table(
    connection: sqlite3.Connection,
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """verb → its separable particles, and → those that take their own "er"; both empty for
    a dictionary built without the table."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'separable_verbs'"
    ).fetchone()
    if exists is None:
        return {}, {}
    particles: dict[str, set[str]] = {}
    with_er: dict[str, set[str]] = {}
    for particle, verb, er in connection.execute(
            "SELECT particle, verb, with_er FROM separable_verbs"):
        particles.setdefault(verb, set()).add(particle)
        if er:
            with_er.setdefault(verb, set()).add(particle)
    return ({verb: frozenset(found) for verb, found in particles.items()},
            {verb: frozenset(found) for verb, found in with_er.items()})


def _merge(first: Entry, second: Entry) -> Entry:
    seen = {item.strip().lower() for sense in first.senses for item in sense.split(",")}
    extra = []
    for sense in second.senses:
        items = [i.strip() for i in sense.split(",") if i.strip().lower() not in seen]
        seen.update(i.lower() for i in items)
        if items:
            extra.append(", ".join(items))
    senses = first.senses + tuple(extra)
    return Entry(
        first.lemma, first.pos, senses, f"{first.source} + {second.source}",
        first.article or second.article, first.plural or second.plural,
        first.principal_parts or second.principal_parts,
        first.pronunciation or second.pronunciation,
        first.single_source,
    )


