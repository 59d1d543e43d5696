"""English look-alikes of Dutch words no source lists: the regular changes of ending, and
what must not be taken for English."""

from __future__ import annotations

import pytest

from assistant.lexicon.cognates import english_lookalike, spellings

ENGLISH = {
    "selective": "adj", "regular": "adj", "spectacular": "adj", "humanitarian": "adj",
    "numeric": "adj", "synthetic": "adj", "electronic": "adj", "cooperative": "adj",
    "dominant": "adj", "animation": "noun", "methodology": "noun", "spiritualism": "noun",
    "commutativity": "noun", "incongruence": "noun", "charisma": "noun", "polygraph": "noun",
    "teff": "noun", "arm": "noun", "stadium": "noun", "solitary": "adj",
    "ovation": "noun", "edition": "noun", "graph": "noun", "co-production": "noun",
    "isolate": "verb", "accept": "verb", "combine": "verb", "catalyse": "verb", "retire": "verb",
}
# English Zipf frequencies of words WordNet lacks (and of a piece of a word: retir-ed).
USED = {"hellenized": 1.6, "multiculturality": 0.4, "retired": 4.0, "retir": 2.0,
        "persiflate": 1.4, "incongruity": 2.2}


def frequency(word: str) -> float:
    return USED.get(word, 0.0)


def english_pos(word: str) -> frozenset[str]:
    return frozenset({ENGLISH[word]}) if word in ENGLISH else frozenset()


@pytest.mark.parametrize(
    ("words", "pos", "found"),
    [
        (["selectief"], "ADJ", ("selectief", "selective")),
        (["regulier"], "ADJ", ("regulier", "regular")),
        (["spectaculair"], "ADJ", ("spectaculair", "spectacular")),
        (["humanitair"], "ADJ", ("humanitair", "humanitarian")),
        (["numeriek"], "ADJ", ("numeriek", "numeric")),
        (["synthetisch"], "ADJ", ("synthetisch", "synthetic")),
        (["elektronisch"], "ADJ", ("elektronisch", "electronic")),   # k written c
        (["coöperatief"], "ADJ", ("coöperatief", "cooperative")),    # no diaeresis
        (["dominant"], "ADJ", ("dominant", "dominant")),
        (["solitair"], "ADV", ("solitair", "solitary")),             # an adjective used so
        (["animatie"], "NOUN", ("animatie", "animation")),
        (["methodologie"], "NOUN", ("methodologie", "methodology")),
        (["spiritualisme"], "NOUN", ("spiritualisme", "spiritualism")),
        (["commutativiteit"], "NOUN", ("commutativiteit", "commutativity")),
        (["incongruentie"], "NOUN", ("incongruentie", "incongruence")),
        (["polygraaf"], "NOUN", ("polygraaf", "polygraph")),
        (["charisma"], "NOUN", ("charisma", "charisma")),
        (["ovatie"], "NOUN", ("ovatie", "ovation")),   # two letters before the ending
        (["editie"], "NOUN", ("editie", "edition")),
        # The first candidate that is English wins: an inflected form's lemma.
        (["dominante", "dominant"], "ADJ", ("dominant", "dominant")),
    ],
)
def test_what_is_an_english_lookalike(words: list[str], pos: str,
                                      found: tuple[str, str]) -> None:
    assert english_lookalike(words, pos, english_pos) == found


@pytest.mark.parametrize(
    ("words", "pos"),
    [
        (["teff"], "NOUN"),           # too short: short look-alikes are often false friends
        (["arm"], "ADJ"),             # arm is 'poor'; and short
        (["animatie"], "ADJ"),        # a noun's ending never makes an adjective
        (["selectief"], "NOUN"),      # nor an adjective's a noun
        (["spectaculair"], "VERB"),   # a verb only by an infinitive's learned ending
        (["selectief"], "PROPN"),     # nor names
        (["Charisma"], "NOUN"),       # a capital: a name
        (["e.d."], "NOUN"),           # not letters
        (["stadion"], "NOUN"),        # no regular ending leads to stadium
        (["gezellig"], "ADJ"),        # no English word at all
        (["graaf"], "NOUN"),          # an ending alone is no word: a count is no graph
        (["co-productie"], "NOUN"),   # not letters, however long
    ],
)
def test_what_is_not(words: list[str], pos: str) -> None:
    assert english_lookalike(words, pos, english_pos) is None


@pytest.mark.parametrize(
    ("words", "pos", "found"),
    [
        (["isoleren"], "VERB", ("isoleren", "isolate")),
        (["accepteren"], "VERB", ("accepteren", "accept")),
        (["combineren"], "VERB", ("combineren", "combine")),
        (["katalyseren"], "VERB", ("katalyseren", "catalyse")),
        (["retireren"], "VERB", ("retireren", "retire")),
        # English text has the past of a learned verb WordNet lacks.
        (["helleniseren"], "VERB", ("helleniseren", "hellenize")),
        # A changed ending English text has often enough.
        (["incongruiteit"], "NOUN", ("incongruiteit", "incongruity")),
    ],
)
def test_what_is_an_english_lookalike_with_frequencies(
        words: list[str], pos: str, found: tuple[str, str]) -> None:
    assert english_lookalike(words, pos, english_pos, frequency) == found


@pytest.mark.parametrize(
    ("words", "pos"),
    [
        (["multiculturaliteit"], "NOUN"),   # too rare in English text
        (["persifleren"], "VERB"),          # too rare too
        (["retireren"], "NOUN"),            # a verb's ending never makes a noun
        (["isoleren"], "ADJ"),
        (["teff"], "NOUN"),                 # the word itself needs WordNet, not frequency
    ],
)
def test_what_frequency_does_not_make_english(words: list[str], pos: str) -> None:
    assert english_lookalike(words, pos, english_pos, frequency) is None


def test_a_verbs_bare_stem_needs_wordnet() -> None:
    # retir (eren → nothing) is a piece of 'retired': only WordNet's 'retire' counts.
    assert english_lookalike(["retireren"], "VERB", lambda w: frozenset(), frequency) is None
    assert english_lookalike(["isoleren"], "VERB", english_pos, frequency) == (
        "isoleren", "isolate")


def test_spellings_most_likely_first() -> None:
    assert spellings("politiek", "adj") == ["politiek", "politic", "politiec"]
    assert spellings("kritiek", "noun") == ["kritiek", "kritic", "kritics", "critiec",
                                            "critic", "critics"]
    assert spellings("tafel", "verb") == ["tafel"]
    assert spellings("kort", "adj") == []
