"""Word classes: which parts of speech are words, function words or names; separable particles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Universal POS tags of tokens that are never a word to learn: names, numbers, punctuation,
# symbols, foreign material (X) and white space.
NOT_WORD_POS = frozenset({"PROPN", "NUM", "PUNCT", "SYM", "X", "SPACE"})
# Closed-class words: a learner knows them early, and an idiom's difficulty ignores them.
FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "INTJ"})
VERB_POS = frozenset({"VERB", "AUX"})
# The dictionary's parts of speech for the UD tags it has entries for.
UD_TO_DICTIONARY_POS = {
    "NOUN": "noun", "PROPN": "noun", "VERB": "verb", "AUX": "verb", "ADJ": "adj", "ADV": "adv",
}

# Particles that Dutch separable verbs split off ("viel ... uit" → uitvallen).
SEPARABLE_PARTICLES = frozenset({
    "aan", "af", "bij", "binnen", "buiten", "door", "in", "mee", "na", "neer", "om", "onder",
    "op", "over", "rond", "samen", "tegen", "terug", "toe", "uit", "vast", "voor", "weg",
    "achter", "langs", "los", "open", "dicht", "thuis", "voort", "teweeg", "tegemoet",
})
# "Hij denkt er niet aan": after er/daar/hier/waar a particle-like word is a stranded preposition.
R_PRONOUNS = frozenset({"er", "daar", "hier", "waar"})


def looks_like_url(text: str) -> bool:
    return "://" in text or text.startswith("www.")


# Upper-case Roman numerals of two or more letters, optionally as an ordinal ("XIXe", "IIIde").
_ROMAN_NUMERAL = re.compile(
    r"(?=[MDCLXVI]{2})M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?:e|de|ste)?"
)


def looks_like_roman_numeral(text: str) -> bool:
    return _ROMAN_NUMERAL.fullmatch(text) is not None


def is_word(text: str, pos: str, like_num: bool, like_url: bool, in_name: bool) -> bool:
    """Whether a token is a word a learner may need to learn: never names, numbers in any
    notation (1e9, 3D, 2e, ½, ², XIXe), punctuation, symbols, URLs or tokens inside a name."""
    if in_name or pos in NOT_WORD_POS or like_num or like_url or looks_like_url(text):
        return False
    if looks_like_roman_numeral(text):
        return False
    return any(char.isalpha() for char in text) and not any(char.isnumeric() for char in text)


# Capitalised in mid-sentence, these are names (Fortuin, De Volder); adjectives formed from
# names are words (Colombiaanse), and so are abbreviations in capitals (NK).
NAME_POS = frozenset({"PROPN", "NOUN"})


def capitalised(text: str) -> bool:
    """A capital and then lower case; in a hyphenated word the part after the last hyphen
    decides ("FARC-rebellen" is a common noun, "Sint-Niklaas" a name)."""
    last = text.rsplit("-", 1)[-1] or text
    return last[:1].isupper() and not last.isupper()


def sentence_starts(tokens: Sequence[tuple[str, str, int]]) -> list[bool]:
    """For (text, UD POS, sentence) tokens: whether only punctuation comes before each one in
    its sentence (a sentence or a heading starts with it)."""
    starts: list[bool] = []
    seen_word: set[int] = set()
    for text, _, sentence in tokens:
        starts.append(sentence not in seen_word)
        if any(char.isalnum() for char in text):
            seen_word.add(sentence)
    return starts


def name_like_tokens(tokens: Sequence[tuple[str, str, int]]) -> frozenset[int]:
    """Indices of (text, UD POS, sentence) tokens used as names although no name entity covers
    them: capitalised nouns in mid-sentence ("De Volder"), and a capitalised word at the start
    of a sentence that the text writes that way in mid-sentence too and never in lower case
    ("Fortuin zei ..." after "Sytze Fortuin"). Not "Schoolstaking" opening a heading."""
    found = NameLike()
    found.add(tokens)
    return found.names()


class NameLike:
    """name_like_tokens of a text read a piece at a time: `add` the tokens that follow; `names`
    is what name_like_tokens says of every token added so far (a later token can make an
    earlier sentence's first word a name, or a lower-case one take that back)."""

    def __init__(self) -> None:
        self.count = 0  # tokens added
        self._seen_word: set[int] = set()  # sentences with a word so far
        self._lower_case: set[str] = set()
        self._forms: set[str] = set()  # capitalised names in mid-sentence
        self._inside: set[int] = set()  # their indices
        self._openers: dict[str, list[int]] = {}  # sentences' first words by text
        self._names: frozenset[int] | None = frozenset()

    def add(self, tokens: Iterable[tuple[str, str, int]]) -> None:
        """The next (text, UD POS, sentence) tokens of the text."""
        for text, pos, sentence in tokens:
            index = self.count
            self.count += 1
            opens = sentence not in self._seen_word
            if any(char.isalnum() for char in text):
                self._seen_word.add(sentence)
            if text[:1].islower():
                self._lower_case.add(text)
            if opens:
                self._openers.setdefault(text, []).append(index)
            elif pos in NAME_POS and capitalised(text):
                self._inside.add(index)
                self._forms.add(text)
            self._names = None

    def names(self) -> frozenset[int]:
        if self._names is None:
            openers = (index for text in self._forms & self._openers.keys()
                       if text.lower() not in self._lower_case
                       for index in self._openers[text])
            self._names = frozenset((*self._inside, *openers))
        return self._names


# For prefix tests ("opgegroeid" → op + gegroeid): longest first, in a fixed order.
PARTICLES_LONGEST_FIRST = tuple(sorted(SEPARABLE_PARTICLES, key=lambda p: (-len(p), p)))
