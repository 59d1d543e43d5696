"""Dutch fixed expressions and idioms (resources/idioms.tsv), found on lemmas in a parsed text."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.errors import DataError
from assistant.reading.matching import SequenceMatch, SequenceMatcher, non_overlapping
from assistant.resources import resource_path

# How far (in tokens) from its fixed words an idiom's verb may stand: Dutch puts the finite
# verb second in main clauses and last in subordinate ones ("viel uit de lucht" /
# "die niet uit de lucht kwam vallen").
VERB_WINDOW = 8


@dataclass(frozen=True, slots=True)
class Idiom:
    expression: str
    fixed: tuple[str, ...]
    verb: str | None
    meaning: str


@dataclass(frozen=True, slots=True)
class IdiomMatch:
    idiom: Idiom
    positions: tuple[int, ...]


class IdiomList:
    """All idioms, indexed by their fixed words for matching."""

    def __init__(self, idioms: Sequence[Idiom]) -> None:
        self.idioms = tuple(idioms)
        self._matcher: SequenceMatcher[Idiom] = SequenceMatcher()
        for idiom in self.idioms:
            self._matcher.add(idiom.fixed, idiom)

    def __len__(self) -> int:
        return len(self.idioms)

    def find(
        self, keys: Sequence[tuple[str, ...]], sentence_of: Callable[[int], int]
    ) -> list[IdiomMatch]:
        """Idioms whose fixed words match `keys` (lemma, form, ...) and whose verb stands
        nearby in the same sentence; verbs are checked before overlaps are settled, so a
        fixed part shared by several idioms ("in staat" zijn/stellen) takes the one present."""
        complete: list[SequenceMatch[Idiom]] = []
        for found in self._matcher.find_all(keys):
            idiom = found.payload
            if idiom.verb is None:
                complete.append(found)
                continue
            verb_at = _nearest_verb(idiom.verb, found.positions, keys, sentence_of)
            if verb_at is not None:
                complete.append(SequenceMatch(tuple(sorted((*found.positions, verb_at))), idiom))
        return [IdiomMatch(m.payload, m.positions) for m in non_overlapping(complete)]


def _nearest_verb(
    verb: str,
    fixed: tuple[int, ...],
    keys: Sequence[tuple[str, ...]],
    sentence_of: Callable[[int], int],
) -> int | None:
    sentence = sentence_of(fixed[0])
    first, last = fixed[0], fixed[-1]
    for distance in range(1, VERB_WINDOW + 1):
        for position in (last + distance, first - distance):
            if (
                0 <= position < len(keys)
                and verb in keys[position]
                and sentence_of(position) == sentence
            ):
                return position
    return None


def parse_idioms(path: Path) -> list[Idiom]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise DataError(f"The idiom list {path.name} could not be read ({error}).") from error
    idioms: list[Idiom] = []
    for row in rows:
        fixed = tuple((row.get("fixed") or "").lower().split())
        meaning = (row.get("meaning") or "").strip()
        if not fixed or not meaning:
            continue
        verb = (row.get("verb") or "").strip().lower() or None
        idioms.append(Idiom((row.get("expression") or "").strip(), fixed, verb, meaning))
    return idioms


@lru_cache(maxsize=4)
def load_idioms(path: Path | None = None) -> IdiomList:
    """The idiom list (cached); an absent file gives an empty list rather than an error."""
    path = path or resource_path("idioms.tsv")
    if not path.exists():
        return IdiomList(())
    return IdiomList(parse_idioms(path))
