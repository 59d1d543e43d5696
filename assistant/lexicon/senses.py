"""Ranks a word's English senses for a learner: what sources agree on, everyday words first."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

# A card shows a few senses; the dictionary keeps a few more for the second and third.
MAX_SENSES = 6
MAX_ITEMS = 4
MAX_SENSE_CHARS = 60

# Item score = agreement + everyday English - length, order and rarity penalties. The weights
# were chosen on the development half of tests/data/sense_gold.tsv (bench/lexicon.py).
W_AGREE = 1.0  # per source family that lists the gloss
W_NOTE = 1.0  # per other family whose definition or sense description uses the gloss
W_ZIPF = 0.5  # per Zipf point of the English gloss (everyday words are 4-6)
W_WORDS = 0.4  # per extra word ("call on the carpet")
W_ORDER = 0.15  # per place down the source's own list of senses
W_RANK = 0.25  # per place down the English word's own WordNet senses (a rare sense of it)
W_MARKED = 1.5  # figurative, archaic, obsolete, rare, slang, dialect
MAX_ZIPF = 6.0
# The support of a sense the project wrote itself (resources/dictionary_supplement.tsv).
FIXED_SUPPORT = 9
MAX_PENALISED_PLACE = 4

_ARTICLE = re.compile(r"^(?:to|a|an|the)\s+")
_WORD = re.compile(r"[a-z][a-z'-]*")
_SEPARATORS = re.compile(r"[\s-]+")
MARKED_WORDS = frozenset({
    "figurative", "figuratively", "archaic", "obsolete", "dated", "rare", "slang", "vulgar",
    "dialect", "dialectal", "poetic", "literary", "historical", "euphemistic", "offensive",
    "derogatory", "humorous", "jocular",
})


@dataclass(frozen=True, slots=True)
class SourceSense:
    """One sense of a Dutch word as one source gives it: English glosses that are synonyms."""

    items: tuple[str, ...]
    family: str  # sources of one family (two Wiktionary extractions) agree only once
    order: int = 0  # place in the source's own list of senses for the word (0: first)
    rank: int = 0  # WordNet: place of this sense among the English word's own senses
    note: str = ""  # a definition or sense description: evidence, never shown
    fixed: bool = False  # written for the project: first, in its own order


@lru_cache(maxsize=1 << 18)
def gloss_key(item: str) -> str:
    """How glosses are compared: lower case, no 'to ' or article in front, and spaces and
    hyphens ignored (cease-fire = ceasefire)."""
    text = " ".join(item.lower().replace("’", "'").split()).strip(" .;:!")
    return _SEPARATORS.sub("", _ARTICLE.sub("", text))


@lru_cache(maxsize=1 << 16)
def is_marked(note: str) -> bool:
    """A sense description that says the sense is figurative, rare, archaic and the like."""
    return any(word in MARKED_WORDS for word in _WORD.findall(note.lower()))


@dataclass(slots=True)
class _Gloss:
    text: str
    families: set[str] = field(default_factory=set)
    noted: set[str] = field(default_factory=set)
    order: int = MAX_PENALISED_PLACE
    rank: int = MAX_PENALISED_PLACE
    marked: bool = True
    score: float = 0.0


def rank_senses(
    senses: Sequence[SourceSense],
    english_zipf: Callable[[str], float],
    limit: int = MAX_SENSES,
) -> list[str]:
    """The senses to show, best first, each a comma-joined list of synonyms (see
    ranked_with_support)."""
    return ranked_with_support(senses, english_zipf, limit)[0]


def ranked_with_support(
    senses: Sequence[SourceSense],
    english_zipf: Callable[[str], float],
    limit: int = MAX_SENSES,
) -> tuple[list[str], int]:
    """The senses to show, best first, and how many source families back the first one
    (FIXED_SUPPORT for the project's own; 0 when there is none).

    A gloss scores by how many source families list it, how many others mention it in a
    definition, how everyday the English word is, and how far down the lists and how rare
    the sense is. A sense starts from the best gloss left and takes the synonyms its sources
    give with it; fixed senses (the project's supplement) come first as written.
    """
    keys = [[gloss_key(item) for item in sense.items] for sense in senses]
    glosses: dict[str, _Gloss] = {}
    for sense, sense_keys in zip(senses, keys, strict=True):
        marked = is_marked(sense.note)
        for item, key in zip(sense.items, sense_keys, strict=True):
            if not key:
                continue
            gloss = glosses.setdefault(key, _Gloss(item.strip()))
            gloss.families.add(sense.family)
            gloss.order = min(gloss.order, sense.order)
            gloss.rank = min(gloss.rank, sense.rank)
            gloss.marked = gloss.marked and marked
    notes = [(sense.family, set(_phrases(sense.note))) for sense in senses if sense.note]
    for key, gloss in glosses.items():
        gloss.noted = {family for family, words in notes
                       if key in words and family not in gloss.families}
        gloss.score = (
            W_AGREE * len(gloss.families) + W_NOTE * len(gloss.noted)
            + W_ZIPF * min(MAX_ZIPF, english_zipf(gloss.text))
            - W_WORDS * (len(gloss.text.split()) - 1)
            - W_ORDER * min(gloss.order, MAX_PENALISED_PLACE)
            - W_RANK * min(gloss.rank, MAX_PENALISED_PLACE)
            - W_MARKED * gloss.marked
        )

    out: list[str] = []
    used: set[str] = set()
    open_senses: list[int] = []
    support = 0
    for number, sense in enumerate(senses):
        if not sense.fixed:
            open_senses.append(number)
        elif len(out) < limit:
            _emit([i for i, k in zip(sense.items, keys[number], strict=True) if k not in used],
                  used, out)
            support = support or (FIXED_SUPPORT if out else 0)
    while len(out) < limit:
        candidates = [key for number in open_senses for key in keys[number]
                      if key and key not in used]
        if not candidates:
            break
        best_key = max(candidates, key=lambda key: glosses[key].score)
        synonyms: dict[str, None] = {}
        for number in [n for n in open_senses if best_key in keys[n]]:
            open_senses.remove(number)
            synonyms.update((k, None) for k in keys[number]
                            if k and k != best_key and k not in used)
        ordered = sorted(synonyms, key=lambda k: -glosses[k].score)
        _emit([glosses[best_key].text, *(glosses[k].text for k in ordered)], used, out)
        if not support and out:
            best = glosses[best_key]
            support = len(best.families | best.noted)
    return out, support


def _phrases(note: str) -> list[str]:
    """The words and two- and three-word phrases of a note, as gloss keys."""
    words = [word.replace("-", "") for word in _WORD.findall(note.lower())]
    return ["".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)]


def _emit(items: Sequence[str], used: set[str], out: list[str]) -> None:
    kept: list[str] = []
    kept_keys: set[str] = set()
    for item in items:
        key = gloss_key(item)
        if not key or key in used or key in kept_keys:
            continue
        candidate = ", ".join([*kept, item.strip()])
        if kept and (len(candidate) > MAX_SENSE_CHARS or len(kept) == MAX_ITEMS):
            continue
        kept.append(item.strip())
        kept_keys.add(key)
    used.update(gloss_key(item) for item in items)
    if kept:
        out.append(", ".join(kept))
