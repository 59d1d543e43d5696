"""The built Dutch→English dictionary (SQLite, read-only) and token → GlossCard lookup."""

from __future__ import annotations

import json
import sqlite3
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import DataError
from assistant.lexicon.compounds import CompoundSplit, split_compound
from assistant.lexicon.inflection import candidates
from assistant.models import (
    AnalysedArticle,
    GlossCard,
    GlossKind,
    GlossPart,
    Phrase,
    PhraseKind,
    Token,
)
from assistant.reading.analysis import FUNCTION_POS
from assistant.reading.difficulty import zipf as difficulty_zipf
from assistant.resources import resource_path

SCHEMA_VERSION = "1"
MAX_CARD_SENSES = 3
CACHE_SIZE = 4096

UD_TO_POS = {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adj",
             "ADV": "adv"}
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


def default_path() -> Path:
    return resource_path("dictionary.sqlite")


def normalise_key(text: str) -> str:
    """The lookup key of a word: NFC, ĳ spelled out, ASCII hyphens and apostrophes, lower case."""
    text = unicodedata.normalize("NFC", text).replace("ĳ", "ij").replace("Ĳ", "IJ")
    text = text.replace("\u2010", "-").replace("\u2011", "-").replace("’", "'")
    return " ".join(text.split()).lower()


class _Lru:
    """A small thread-safe LRU map (functools.lru_cache would keep `self` alive)."""

    def __init__(self, size: int) -> None:
        self._data: OrderedDict[tuple[str, ...], Entry | None] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> tuple[bool, Entry | None]:
        with self._lock:
            if key not in self._data:
                return False, None
            self._data.move_to_end(key)
            return True, self._data[key]

    def put(self, key: tuple[str, ...], value: Entry | None) -> None:
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
        self._cache = _Lru(CACHE_SIZE)
        self._zipf = zipf
        with self._lock:
            self._forms = frozenset(row[0] for row in connection.execute("SELECT form FROM forms"))

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
            return cls(connection, path, zipf or difficulty_zipf)
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
        return normalise_key(word) in self._forms

    def lookup(self, lemma: str, pos: str | None = None) -> Entry | None:
        """The entry for `lemma` with part of speech `pos` ('noun', 'verb', 'adj', 'adv'), or
        the best entry for any part of speech when `pos` is None."""
        key = normalise_key(lemma)
        if key not in self._forms:
            return None
        cache_key = ("lemma", key, pos or "*")
        hit, value = self._cache.get(cache_key)
        if hit:
            return value
        if pos is None:
            entry = self._query(
                f"SELECT {_COLUMNS} FROM entries WHERE key = ? ORDER BY rank LIMIT 1", (key,)
            )
        else:
            entry = self._query(
                f"SELECT {_COLUMNS} FROM entries WHERE key = ? AND pos = ?", (key, pos)
            )
            untyped = self._query(
                f"SELECT {_COLUMNS} FROM entries WHERE key = ? AND pos = ''", (key,)
            )
            if entry is not None and untyped is not None and "FreeDict" not in entry.source:
                entry = _merge(entry, untyped)
        self._cache.put(cache_key, entry)
        return entry

    def lookup_form(self, form: str) -> Entry | None:
        """The best entry listing `form` (a lemma, plural or principal part)."""
        key = normalise_key(form)
        if key not in self._forms:
            return None
        cache_key = ("form", key)
        hit, value = self._cache.get(cache_key)
        if hit:
            return value
        columns = ", ".join(f"e.{c.strip()}" for c in _COLUMNS.split(","))
        entry = self._query(
            f"SELECT {columns} FROM forms f JOIN entries e ON e.id = f.entry "
            "WHERE f.form = ? ORDER BY e.rank LIMIT 1",
            (key,),
        )
        self._cache.put(cache_key, entry)
        return entry

    def _query(self, sql: str, params: tuple[str, ...]) -> Entry | None:
        with self._lock:
            row = self._db.execute(sql, params).fetchone()
        if row is None:
            return None
        lemma, pos, senses, source, article, plural, parts, pron = row
        return Entry(lemma, pos, tuple(json.loads(senses)), source, article, plural, parts, pron)

    # --- token → card --------------------------------------------------------------------

    def gloss(self, analysed: AnalysedArticle, token_index: int) -> GlossCard | None:
        """The card for one token: phrase → lemma+POS → lemma → form → inflection → compound."""
        if not 0 <= token_index < len(analysed.tokens):
            return None
        token = analysed.tokens[token_index]
        if not any(char.isalpha() for char in token.text):
            return None
        card = self._phrase_card(analysed, token)
        if card is not None:
            return card
        pos = UD_TO_POS.get(token.pos)
        steps: list[Entry | None] = []
        if pos is not None:
            steps.append(self.lookup(token.lemma, pos))
        for entry in (
            *steps,
            self.lookup(token.lemma),
            self.lookup_form(token.text),
        ):
            if entry is not None:
                return _card(token, entry, GlossKind.WORD)
        for candidate in candidates(token.text, token.pos):
            if candidate in self._forms:
                entry = self.lookup(candidate, pos) if pos else None
                entry = entry or self.lookup_form(candidate)
                if entry is not None:
                    return _card(token, entry, GlossKind.INFLECTION)
        # Prefixed verbs (verluidt, voorgeproduceerd) are not compounds of independent words.
        if (
            token.entity is None
            and token.pos not in ("PROPN", "VERB", "AUX")
            and token.text == token.text.lower()
        ):
            split = self.split(token.text, token.pos)
            if split is not None:
                return self._compound_card(token, split)
        return None

    def split(self, word: str, pos: str | None = None) -> CompoundSplit | None:
        """The compound split of `word` (never of a word the dictionary has whole)."""
        word = normalise_key(word)
        if word in self._forms or any(c in self._forms for c in candidates(word, pos)):
            return None
        return split_compound(
            word,
            known=self._knows_with_senses,
            zipf=self._zipf,
            head_forms=lambda piece: candidates(piece, pos),
        )

    def _knows_with_senses(self, word: str) -> bool:
        return word in self._forms

    def _phrase_card(self, analysed: AnalysedArticle, token: Token) -> GlossCard | None:
        if token.phrase is None or not 0 <= token.phrase < len(analysed.phrases):
            return None
        phrase = analysed.phrases[token.phrase]
        entry = self.lookup(phrase.lemma, "verb" if phrase.kind is PhraseKind.SEPARABLE_VERB
                            else None) or self.lookup(phrase.lemma)
        parts: tuple[GlossPart, ...] = ()
        if phrase.meaning:
            senses: tuple[str, ...] = (phrase.meaning,)
            source = "Leeswijzer idioms"
            parts = self._phrase_parts(analysed, phrase)
        elif entry is not None:
            senses, source = entry.senses[:MAX_CARD_SENSES], entry.source
        elif (split := self._separable_split(analysed, phrase)) is not None:
            # A joined verb no source lists ("uitvechten"): show its verb's senses and its two
            # parts, which is what a learner would look up next.
            particle, base = split
            senses, source = base.senses[:MAX_CARD_SENSES], base.source
            parts = (GlossPart(particle, particle, ()),
                     GlossPart(base.lemma, base.lemma, base.senses[:1]))
        else:
            return None
        return GlossCard(
            form=token.text,
            lemma=phrase.lemma,
            pos=token.pos,
            kind=GlossKind.PHRASE,
            senses=senses,
            source=source,
            article=entry.article if entry else None,
            principal_parts=entry.principal_parts if entry else None,
            phrase=phrase.lemma,
            phrase_tokens=phrase.tokens,
            parts=parts,
        )

    def _phrase_parts(self, analysed: AnalysedArticle, phrase: Phrase) -> tuple[GlossPart, ...]:
        """An idiom's words, content words with their first sense ("lucht: air")."""
        words = []
        for index in phrase.tokens:
            member = analysed.tokens[index]
            found = None
            if member.pos not in FUNCTION_POS:
                found = self.lookup(member.lemma) or self.lookup_form(member.text)
            words.append(GlossPart(member.text, member.lemma, found.senses[:1] if found else ()))
        return tuple(words)

    def _separable_split(
        self, analysed: AnalysedArticle, phrase: Phrase
    ) -> tuple[str, Entry] | None:
        """(particle, verb entry) of a separable verb, when the verb is in the dictionary."""
        for index in phrase.tokens:
            particle = analysed.tokens[index].text.lower()
            if phrase.lemma.startswith(particle) and len(phrase.lemma) > len(particle) + 2:
                base = self.lookup(phrase.lemma[len(particle):], "verb")
                return (particle, base) if base is not None else None
        return None

    def _compound_card(self, token: Token, split: CompoundSplit) -> GlossCard | None:
        parts: list[GlossPart] = []
        head_entry: Entry | None = None
        for part in split.parts:
            entry = self.lookup_form(part.lemma)
            parts.append(GlossPart(part.text, part.lemma, entry.senses[:2] if entry else ()))
            head_entry = entry
        if head_entry is None or not head_entry.senses:
            return None
        lemma = "".join(p.text + p.link for p in split.parts[:-1]) + head_entry.lemma.lower()
        return GlossCard(
            form=token.text,
            lemma=lemma,
            pos=token.pos,
            kind=GlossKind.COMPOUND,
            senses=head_entry.senses[:MAX_CARD_SENSES],
            source=head_entry.source,
            article=head_entry.article,
            plural=None,
            parts=tuple(parts),
        )


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
    )


def _card(token: Token, entry: Entry, kind: GlossKind) -> GlossCard:
    return GlossCard(
        form=token.text,
        lemma=entry.lemma,
        pos=entry.pos or token.pos,
        kind=kind,
        senses=entry.senses[:MAX_CARD_SENSES],
        source=entry.source,
        article=entry.article,
        plural=entry.plural,
        principal_parts=entry.principal_parts,
    )


def card_to_json(card: GlossCard | None) -> dict[str, object] | None:
    """The `gloss` object of `main.py analyze --format json` (None stays null)."""
    if card is None:
        return None
    return {
        "form": card.form,
        "lemma": card.lemma,
        "pos": card.pos,
        "kind": card.kind.value,
        "senses": list(card.senses),
        "source": card.source,
        "article": card.article,
        "plural": card.plural,
        "principal_parts": card.principal_parts,
        "phrase": card.phrase,
        "phrase_tokens": list(card.phrase_tokens),
        "parts": [
            {"text": part.text, "lemma": part.lemma, "senses": list(part.senses)}
            for part in card.parts
        ],
    }


def describe_parts(card: GlossCard) -> str | None:
    """'haven + stad: harbour + city' for a compound card, else None."""
    if card.kind is not GlossKind.COMPOUND or not card.parts:
        return None
    words = " + ".join(p.lemma for p in card.parts)
    senses = " + ".join((p.senses[0].split(",")[0] if p.senses else "?") for p in card.parts)
    return f"{words}: {senses}"
