"""Inflection rules without a dictionary: which dictionary forms a word may have, in which order
for its part of speech, and the guesses the rules must never make."""

from __future__ import annotations

import pytest

from assistant.lexicon.inflection import adjective_bases, candidates, infinitives


def in_order(found: list[str], expected: list[str]) -> bool:
    """Whether `expected` occurs in `found` in this order (other candidates may come between)."""
    rest = iter(found)
    return all(any(item == wanted for item in rest) for wanted in expected)


@pytest.mark.parametrize(
    ("stem", "spellings"),
    [
        ("werk", ["werken"]),                    # nothing to double or shorten
        ("kijk", ["kijken"]),                    # two vowels: no doubled consonant
        ("klop", ["klopen", "kloppen"]),         # short vowel: the consonant doubles
        ("zeg", ["zegen", "zeggen"]),
        ("maak", ["maaken", "maken"]),           # long vowel in a closed syllable: one vowel
        ("loop", ["loopen", "lopen"]),
        ("reis", ["reisen", "reizen"]),          # s → z
        ("leef", ["leefen", "lefen", "leeven", "leven"]),  # f → v, and the long vowel
        ("bouw", ["bouwen"]),                    # w is never doubled
        ("duw", ["duwen"]),
        ("doe", ["doeen", "doen"]),              # a stem in -e takes only -n too
        ("ga", ["gaen"]),                        # two letters are enough
        ("s", []),                               # one is not
        ("", []),
    ],
)
def test_infinitives_of_a_stem(stem: str, spellings: list[str]) -> None:
    assert infinitives(stem) == spellings


@pytest.mark.parametrize(
    ("form", "wanted", "never"),
    [
        ("dove", ["doof"], []),                  # v → f, then the long vowel
        ("boze", ["boos"], []),                  # z → s
        ("wijze", ["wijs"], []),
        ("brave", ["braaf"], []),
        ("grote", ["groot"], []),
        ("gele", ["geel"], []),
        ("dure", ["duur"], []),
        ("rode", ["rood"], []),
        ("dikke", ["dik"], []),                  # the doubled consonant goes
        ("alle", ["al"], []),
        ("koele", ["koel"], ["koeel"]),          # a vowel pair is never lengthened
        ("mooie", ["mooi"], []),
        ("uitgeputte", ["uitgeput"], []),
        ("groter", ["groot"], []),               # comparative
        ("langer", ["lang"], []),
        ("mooiste", ["mooist", "mooi"], []),     # superlative, inflected
        ("langste", ["langst", "lang"], []),
        ("kleinst", ["klein"], []),
        ("Grote", ["groot"], []),                # read in lower case
        ("beste", ["best"], ["be"]),             # too short for a superlative
        ("beter", [], ["bet", "be"]),            # too short for a comparative
        ("ere", [], ["er"]),                     # too short for an -e ending
        ("bitter", ["bit"], []),
    ],
)
def test_adjective_bases(form: str, wanted: list[str], never: list[str]) -> None:
    bases = adjective_bases(form)
    assert in_order(bases, wanted), bases
    assert not set(never) & set(bases), bases
    if not wanted:
        assert bases == []


@pytest.mark.parametrize(
    ("form", "pos", "wanted", "never"),
    [
        # nouns: plurals, -eren, 's, -ën, diminutives
        ("granaten", "NOUN", ["granaat"], ["granaten"]),
        ("raketten", "NOUN", ["raket"], []),
        ("seconden", "NOUN", ["seconde"], []),
        ("kinderen", "NOUN", ["kind"], []),
        ("sancties", "NOUN", ["sanctie"], []),
        ("paria's", "NOUN", ["paria"], []),
        ("auto’s", "NOUN", ["auto"], []),
        ("ideeën", "NOUN", ["idee"], []),
        ("knieën", "NOUN", ["knie"], []),
        ("Huizen", "NOUN", ["huis"], ["Huizen", "huizen"]),
        ("co-ouders", "NOUN", ["co-ouder"], []),
        ("grapje", "NOUN", ["grap"], []),
        ("huisjes", "NOUN", ["huisje", "huis"], []),
        ("kaartje", "NOUN", ["kaart"], []),
        ("autotjes", "NOUN", ["autotje", "auto"], []),
        ("boompje", "NOUN", ["boom"], []),
        ("boompjes", "NOUN", ["boompje", "boom"], []),
        ("bloempje", "NOUN", ["bloem"], []),
        ("ringetje", "NOUN", ["ring"], []),
        ("ringetjes", "NOUN", ["ringetje", "ring"], []),
        ("bus", "NOUN", [], ["bu"]),             # too short for a plural -s
        ("werk", "NOUN", [], ["werken"]),        # a bare stem is a verb's only for verbs
        # verbs: weak participles, strong participles, past tenses, present
        ("gewerkt", "VERB", ["werken"], []),
        ("gebeurd", "VERB", ["beuren", "gebeuren"], []),
        ("verteld", "VERB", ["vertellen"], []),
        ("ontdekt", "VERB", ["ontdekken"], []),
        ("herhaald", "VERB", ["herhalen"], []),
        ("erkend", "VERB", ["erkennen"], []),
        ("opgegroeid", "VERB", ["opgroeien"], []),
        ("opgebeld", "VERB", ["opbellen"], []),
        ("gezien", "VERB", ["zien"], []),
        ("gelopen", "VERB", ["lopen"], []),
        ("uitgevallen", "VERB", ["uitvallen"], []),
        ("meegenomen", "VERB", ["meenomen"], []),
        ("klopte", "VERB", ["kloppen"], []),
        ("kopte", "VERB", ["koppen"], []),
        ("reisde", "VERB", ["reizen"], []),
        ("meldden", "VERB", ["melden"], []),
        ("duwde", "VERB", ["duwen"], ["duwwen"]),
        ("werkt", "VERB", ["werken"], []),
        ("werk", "VERB", ["werken"], []),        # a bare stem, for verbs
        ("zat", "VERB", ["zaten"], []),
        ("gepantserde", "ADJ", ["gepantserd", "pantseren"], []),
    ],
)
def test_candidates_hold_the_dictionary_form(form: str, pos: str, wanted: list[str],
                                             never: list[str]) -> None:
    found = candidates(form, pos)
    assert in_order(found, wanted), found
    assert not set(never) & set(found), found
    assert form.lower() not in found and len(found) == len(set(found))
    if not wanted:
        assert found == []


@pytest.mark.parametrize(
    ("pos", "order"),
    [
        # a verb's own forms first, then the adjective's, then the participle's
        ("VERB", ["gewerken", "gewerkt", "werken"]),
        ("AUX", ["gewerken", "gewerkt", "werken"]),
        # an adjective's base, then the verb it is the participle of, then verb forms
        ("ADJ", ["gewerkt", "werken", "gewerken"]),
        ("ADV", ["gewerkt", "werken", "gewerken"]),
        # a noun's forms, the adjective's, then verb forms before participles
        ("NOUN", ["gewerkt", "gewerken", "werken"]),
        ("PROPN", ["gewerkt", "gewerken", "werken"]),
        # anything else: noun, adjective, participle, verb
        ("X", ["gewerkt", "werken", "gewerken"]),
        (None, ["gewerkt", "werken", "gewerken"]),
    ],
)
def test_the_part_of_speech_orders_the_candidates(pos: str | None, order: list[str]) -> None:
    found = candidates("gewerkte", pos)
    assert [c for c in found if c in order] == order


def test_the_first_candidate_is_the_likeliest_for_the_part_of_speech() -> None:
    assert candidates("grapje", "NOUN")[0] == "grap"
    assert candidates("granaten", "NOUN")[:2] == ["granat", "granaat"]
    assert candidates("gepantserde", "ADJ")[0] == "gepantserd"
    assert candidates("gewerkt", "VERB")[0] == "werken"
    assert candidates("grootste", "ADJ")[:2] == ["grootst", "groot"]


@pytest.mark.parametrize("form", ["ab", "12e", "x1y", "a b", "e-", "€uro", "werk3n"])
def test_no_candidates_for_what_is_not_a_word(form: str) -> None:
    assert candidates(form, "NOUN") == []


def test_hyphens_and_apostrophes_are_letters_enough() -> None:
    assert "co-ouder" in candidates("co-ouders", "NOUN")
    assert "paria" in candidates("paria's", "NOUN")
    assert "auto" in candidates("auto’s")
