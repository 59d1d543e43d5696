"""Dutch fixed expressions and idioms (resources/idioms.tsv), found on lemmas in a parsed text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.datafiles import read_tsv
from assistant.errors import DataError
from assistant.models import Level
from assistant.reading.matching import SequenceMatch, SequenceMatcher, non_overlapping
from assistant.resources import resource_path

# How far (in tokens) from its fixed words an idiom's verb may stand: Dutch puts the finite
# verb second in main clauses and last in subordinate ones ("viel uit de lucht" /
# "die niet uit de lucht kwam vallen").
VERB_WINDOW = 8
# An idiom with a single fixed word ("storm lopen", "alarm slaan") is one common word and a
# verb: only a verb close by makes it the idiom ("liepen storm", "dat ze er storm liepen").
SINGLE_WORD_VERB_WINDOW = 3
# Words that open a noun phrase: an idiom written with a bare noun ("storm lopen") is not
# present where the text has one before that noun ("door de storm liepen").
DETERMINERS = frozenset({
    "de", "het", "een", "die", "dat", "deze", "dit", "zijn", "haar", "hun", "mijn", "onze",
    "jullie", "uw", "je", "elke", "ieder", "iedere", "geen",
})


@dataclass(frozen=True, slots=True)
class Idiom:
    """An idiom: its fixed words (in order), its verb if any, its meaning, and the CEFR level
    from which a learner knows it (None: judged by its words)."""

    expression: str
    fixed: tuple[str, ...]
    verb: str | None
    meaning: str
    level: Level | None = None

    @property
    def bare_noun(self) -> bool:
        """Whether the expression uses its first fixed word without a determiner before it."""
        words = self.expression.lower().split()
        if self.fixed[0] not in words:
            return False
        position = words.index(self.fixed[0])
        return position == 0 or words[position - 1] not in DETERMINERS


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
            first = found.positions[0]
            if idiom.bare_noun and first > 0 and sentence_of(first - 1) == sentence_of(first) \
                    and DETERMINERS.intersection(keys[first - 1]):
                continue
            if idiom.verb is None:
                complete.append(found)
                continue
            window = VERB_WINDOW if len(idiom.fixed) > 1 else SINGLE_WORD_VERB_WINDOW
            verb_at = _nearest_verb(idiom.verb, found.positions, keys, sentence_of, window)
            if verb_at is not None:
                complete.append(SequenceMatch(tuple(sorted((*found.positions, verb_at))), idiom))
        return [IdiomMatch(m.payload, m.positions) for m in non_overlapping(complete)]


def _nearest_verb(
    verb: str,
    fixed: tuple[int, ...],
    keys: Sequence[tuple[str, ...]],
    sentence_of: Callable[[int], int],
    window: int,
) -> int | None:
    sentence = sentence_of(fixed[0])
    first, last = fixed[0], fixed[-1]
    for distance in range(1, window + 1):
        for position in (last + distance, first - distance):
            if (
                0 <= position < len(keys)
                and verb in keys[position]
                and sentence_of(position) == sentence
            ):
                return position
    return None


def parse_idioms(path: Path) -> list[Idiom]:
    """The idioms of a TSV file (expression, fixed, verb, meaning, optional level);
    raises DataError naming the file and line."""
    idioms: list[Idiom] = []
    for row in read_tsv(path, ("expression", "fixed", "verb", "meaning")):
        fixed = tuple(row.get("fixed").lower().split())
        meaning = row.get("meaning")
        if not fixed or not meaning:
            raise DataError(f"Line {row.line} of {path.name} needs fixed words and a meaning.")
        verb = row.get("verb").lower() or None
        level = row.get("level").upper()
        if level and level not in Level.__members__:
            raise DataError(f"Line {row.line} of {path.name}: {level!r} is not a CEFR level.")
        idioms.append(Idiom(row.get("expression"), fixed, verb, meaning,
                            Level(level) if level else None))
    return idioms


@lru_cache(maxsize=4)
def load_idioms(path: Path | None = None) -> IdiomList:
    """The idiom list (cached); an absent file gives an empty list rather than an error."""
    path = path or resource_path("idioms.tsv")
    if not path.exists():
        return IdiomList(())
    return IdiomList(parse_idioms(path))
