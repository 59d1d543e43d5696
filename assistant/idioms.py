"""Dutch fixed expressions and idioms (resources/idioms.tsv), found on lemmas in a parsed text."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.errors import DataError
from assistant.matching import SequenceMatcher
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
        self,
        keys: Sequence[tuple[str, ...]],
        verb_lemmas: Sequence[str],
        sentence_of: Callable[[int], int],
    ) -> list[IdiomMatch]:
        """Idioms whose fixed words match `keys` and whose verb stands nearby in the sentence."""
        matches: list[IdiomMatch] = []
        taken: set[int] = set()
        for found in self._matcher.find(keys):
            idiom = found.payload
            positions = found.positions
            if idiom.verb is not None:
                verb_at = _nearest_verb(idiom.verb, positions, verb_lemmas, sentence_of, taken)
                if verb_at is None:
                    continue
                positions = tuple(sorted((*positions, verb_at)))
            if taken.isdisjoint(positions):
                taken.update(positions)
                matches.append(IdiomMatch(idiom, positions))
        return matches


def _nearest_verb(
    verb: str,
    fixed: tuple[int, ...],
    verb_lemmas: Sequence[str],
    sentence_of: Callable[[int], int],
    taken: set[int],
) -> int | None:
    sentence = sentence_of(fixed[0])
    first, last = fixed[0], fixed[-1]
    for distance in range(1, VERB_WINDOW + 1):
        for position in (last + distance, first - distance):
            if (
                0 <= position < len(verb_lemmas)
                and position not in taken
                and verb_lemmas[position] == verb
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
