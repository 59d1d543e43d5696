"""Splits Dutch compounds (havenstad, vernietigingsoorlog) into parts a dictionary knows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.datafiles import read_tsv
from assistant.errors import DataError
from assistant.resources import resource_path

LINKS = ("", "s", "e", "en", "-", "er")
# The linking -er- only after the few words that take it (kinderboek, eierdoos, liederenbundel):
# elsewhere it makes false splits (moed·er·dag).
ER_LINKED = frozenset({"kind", "ei", "blad", "lied", "rund", "kalf", "lam", "hoen", "been"})
MIN_PART = 3
MAX_PARTS = 4
# Parts rarer than this (Zipf) are more often dictionary oddities than real compound parts.
MIN_PART_ZIPF = 1.5
# The dictionary part of speech of a compound's head, by the compound's UD tag (else noun).
HEAD_POS = {"NOUN": "noun", "ADJ": "adj", "ADV": "adj"}


def head_pos(ud_pos: str | None) -> str:
    return HEAD_POS.get(ud_pos or "", "noun")


@dataclass(frozen=True, slots=True)
class CompoundPart:
    """One part as written in the word (`text`), its dictionary form and the link after it."""

    text: str
    lemma: str
    link: str = ""


@dataclass(frozen=True, slots=True)
class CompoundSplit:
    parts: tuple[CompoundPart, ...]

    @property
    def head(self) -> CompoundPart:
        return self.parts[-1]

    def describe(self) -> str:
        """'vernietiging·s·oorlog' style: parts joined with their links."""
        return "·".join(
            piece for part in self.parts for piece in (part.text, part.link) if piece
        )


@dataclass(frozen=True, slots=True)
class _Candidate:
    parts: tuple[CompoundPart, ...]
    min_zipf: float
    total_zipf: float

    def key(self) -> tuple[int, float, float]:
        return (len(self.parts), -self.min_zipf, -self.total_zipf)


def split_compound(
    word: str,
    known: Callable[[str], bool],
    zipf: Callable[[str], float],
    head_forms: Callable[[str], Iterable[str]] | None = None,
) -> CompoundSplit | None:
    """The split into the fewest, most frequent known parts, or None.

    Only lower-case words are split, never one `known` whole. Every part but the last must be
    known as written; the last (the head) may be inflected: `head_forms` gives its dictionary
    forms, best first (granaten → granaat), and the first known one is its lemma.
    """
    if not word or word != word.lower() or not word.replace("-", "").isalpha():
        return None
    if known(word) or len(word) < 2 * MIN_PART:
        return None
    memo: dict[int, _Candidate | None] = {}

    def head_lemma(piece: str) -> str | None:
        for form in (*(head_forms(piece) if head_forms else ()), piece):
            if len(form) >= MIN_PART and known(form):
                return form
        return None

    def best_from(start: int, depth: int) -> _Candidate | None:
        if start in memo:
            return memo[start]
        best: _Candidate | None = None
        rest = word[start:]
        if start > 0 and len(rest) >= MIN_PART and "-" not in rest:
            lemma = head_lemma(rest)
            if lemma is not None:
                score = max(zipf(lemma), zipf(rest))
                if score >= MIN_PART_ZIPF:
                    best = _Candidate((CompoundPart(rest, lemma),), score, score)
        if depth < MAX_PARTS - 1:
            for end in range(start + MIN_PART, len(word) - MIN_PART + 1):
                piece = word[start:end]
                if "-" in piece or not known(piece):
                    continue
                score = zipf(piece)
                if score < MIN_PART_ZIPF:
                    continue
                for link in LINKS:
                    if not word.startswith(link, end) or (link == "er"
                                                           and piece not in ER_LINKED):
                        continue
                    tail = best_from(end + len(link), depth + 1)
                    if tail is None:
                        continue
                    candidate = _Candidate(
                        (CompoundPart(piece, piece, link), *tail.parts),
                        min(score, tail.min_zipf),
                        score + tail.total_zipf,
                    )
                    if best is None or candidate.key() < best.key():
                        best = candidate
        # Memoised only by start: depth merely caps the part count and rarely matters.
        memo[start] = best
        return best

    found = best_from(0, 0)
    if found is None or len(found.parts) < 2:
        return None
    return CompoundSplit(found.parts)


# What compound_parts.tsv writes for a part no one sense fits ("?"), and the modifier's place
# in a head's gloss ("kind of ~").
UNSURE = "?"
MODIFIER_SLOT = "~"
ROLES = ("modifier", "head")


@dataclass(frozen=True, slots=True)
class PartSenses:
    """How parts are glossed inside compounds: (part, role) → English, or UNSURE."""

    glosses: Mapping[tuple[str, str], str]

    def gloss(self, part: str, role: str) -> str | None:
        return self.glosses.get((part.lower(), role))

    @classmethod
    def load(cls, path: Path) -> PartSenses:
        """Reads a part, role, gloss table; DataError names the file and line when it is bad."""
        glosses: dict[tuple[str, str], str] = {}
        for row in read_tsv(path, ("part", "role", "gloss")):
            role, gloss = row.get("role"), row.get("gloss")
            if role not in ROLES or not gloss or not row.get("part"):
                raise DataError(f"{path.name}, line {row.line}: a part, a role "
                                f"({' or '.join(ROLES)}) and a gloss are needed.")
            key = (row.get("part").lower(), role)
            if key in glosses:
                raise DataError(f"{path.name}, line {row.line}: {key[0]} is listed twice "
                                f"as a {role}.")
            glosses[key] = gloss
        return cls(glosses)


@lru_cache(maxsize=1)
def default_part_senses() -> PartSenses:
    """resources/compound_parts.tsv, read once, on the first compound card."""
    return PartSenses.load(resource_path("compound_parts.tsv"))


def compose_gloss(modifiers: Sequence[str], head: str) -> str:
    """The English of a compound, its modifiers before its head ("nitrogen rule", "world
    market leader"), or where a head's gloss puts them ("kind of food"); an English prefix
    is joined without a space ("anti-" + "tank": "anti-tank")."""
    joined = ""
    for modifier in modifiers:
        joined = _join(joined, modifier) if joined else modifier
    if MODIFIER_SLOT in head:
        return head.replace(MODIFIER_SLOT, joined)
    return _join(joined, head) if joined else head


def _join(first: str, second: str) -> str:
    return first + second if first.endswith("-") else f"{first} {second}"
