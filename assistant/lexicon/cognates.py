"""English look-alikes of words no source lists: selectief → selective, animatie → animation."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

# Learned (mostly Latin and Greek) words change their ending regularly between Dutch and
# English. Longest endings first; a word may match several (-iteit also ends in -teit).
ADJECTIVE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("istisch", ("istic", "ist")),
    ("ueel", ("ual",)),
    ("isch", ("ic", "ical")),
    ("iaans", ("ian",)),
    ("aans", ("an",)),
    ("abel", ("able",)),
    ("ibel", ("ible",)),
    ("ieus", ("ious",)),
    ("eus", ("ous",)),
    ("ief", ("ive",)),
    ("air", ("ary", "ar", "arian")),
    ("ier", ("ar",)),
    ("eel", ("al",)),
    ("aal", ("al",)),
    ("iek", ("ic",)),
)
NOUN_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("grafie", ("graphy",)),
    ("iteit", ("ity",)),
    ("entie", ("ence", "ency")),
    ("antie", ("ance", "ancy")),
    ("logie", ("logy",)),
    ("graaf", ("graph", "grapher")),
    ("teit", ("ty",)),
    ("isme", ("ism",)),
    ("atie", ("ation",)),
    ("itie", ("ition",)),
    ("utie", ("ution",)),
    ("ctie", ("ction",)),
    ("sie", ("sion",)),
    ("eur", ("or", "er")),
    ("aat", ("ate",)),
    ("uur", ("ure",)),
    ("ief", ("ive",)),
    ("iek", ("ic", "ics")),
    ("ie", ("y",)),
)
# Verbs by their infinitive: helleniseren → hellenize, katalyseren → catalyse, isoleren →
# isolate, accepteren → accept, combineren → combine.
VERB_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("iseren", ("ize", "ise")),
    ("yseren", ("yse", "yze")),
    ("ficeren", ("fy",)),
    ("ëren", ("ate",)),
    ("eren", ("ate", "", "e")),
)
LEARNED_VERB_ENDINGS = ("ize", "ise", "yse", "yze", "fy", "ate")
ENDINGS = {"adj": ADJECTIVE_ENDINGS, "noun": NOUN_ENDINGS, "verb": VERB_ENDINGS}
# Shorter words that look English are as often false friends as loans.
MIN_LENGTH = 5
# The WordNet parts of speech a Dutch universal POS tag may take as an English look-alike.
ENGLISH_POS = {"ADJ": ("adj",), "NOUN": ("noun",), "ADV": ("adj", "adv"), "VERB": ("verb",)}
# A changed spelling WordNet lacks counts when English text has it this often (Zipf):
# commutativiteit → commutativity (1.6); made-up spellings have none.
MIN_CHANGED_ZIPF = 1.5


def spellings(word: str, wordnet_pos: str) -> list[str]:
    """The English spellings a Dutch word of this WordNet part of speech ('adj', 'noun') may have,
    most likely first: the word itself (without a diaeresis), then each regular change of
    ending, each also with Dutch k written c (elektronisch → electronic)."""
    if len(word) < MIN_LENGTH or not word.isalpha() or word != word.lower():
        return []
    # English writes no diaeresis (coöperatief → cooperative).
    word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    found = [word]
    for dutch, english in ENDINGS.get(wordnet_pos, ()):
        if word.endswith(dutch) and len(word) - len(dutch) >= 2:
            found.extend(word[: -len(dutch)] + ending for ending in english)
    with_c = [spelling.replace("k", "c") for spelling in found if "k" in spelling]
    return list(dict.fromkeys([*found, *with_c]))


def english_lookalike(
    words: Iterable[str], ud_pos: str, english_pos: Callable[[str], frozenset[str]],
    frequency: Callable[[str], float] | None = None,
) -> tuple[str, str] | None:
    """(Dutch word, English word): the first of the Dutch `words` (lemma candidates, best
    first) spelt like an English word of the same part of speech (WordNet), or, with a
    `frequency` (English Zipf), with a changed ending English text uses (commutativity); a
    Dutch verb only ever with a changed ending. None when there is none. A guess: the caller
    says so."""
    for wordnet_pos in ENGLISH_POS.get(ud_pos, ()):
        for word in words:
            for spelling in spellings(word, wordnet_pos):
                if wordnet_pos == "verb" and spelling == word:
                    continue
                if wordnet_pos in english_pos(spelling) or (
                        frequency is not None and spelling != word
                        and _used(spelling, wordnet_pos, frequency)):
                    return word, spelling
    return None


def _used(spelling: str, wordnet_pos: str, frequency: Callable[[str], float]) -> bool:
    """Whether English text uses the spelling (a learned verb: or its past, hellenized) often
    enough."""
    forms = [spelling]
    if wordnet_pos == "verb":
        # A bare stem is too often a piece of another word (retir-ed): WordNet must have it.
        if not spelling.endswith(LEARNED_VERB_ENDINGS):
            return False
        forms.append(spelling + ("d" if spelling.endswith("e") else "ed"))
    return any(frequency(form) >= MIN_CHANGED_ZIPF for form in forms)
