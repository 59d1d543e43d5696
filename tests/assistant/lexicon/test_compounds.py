"""Tests for the compound splitter with a small word list."""

from __future__ import annotations

from assistant.lexicon.compounds import split_compound
from assistant.lexicon.inflection import candidates

WORDS = {
    "haven": 4.0, "stad": 5.0, "vernietiging": 3.5, "oorlog": 5.0, "regering": 4.8,
    "delegatie": 3.5, "gelegenheid": 4.3, "liefde": 4.8, "staat": 5.3, "persbureau": 3.2,
    "pers": 4.2, "bureau": 4.3, "artillerie": 3.3, "granaat": 3.0, "wapen": 4.3,
    "levering": 3.9, "wapenstilstand": 3.6, "ver": 5.0, "oor": 4.0, "log": 3.0,
    "zeldzaam": 2.0, "obscuur": 0.5, "ding": 5.0,
}


def known(word: str) -> bool:
    return word in WORDS


def zipf(word: str) -> float:
    return WORDS.get(word, 0.0)


def split(word: str) -> str | None:
    result = split_compound(word, known, zipf, head_forms=lambda p: candidates(p, "NOUN"))
    return result.describe() if result else None


def test_linking_elements_and_plain_joins() -> None:
    assert split("havenstad") == "haven·stad"
    assert split("vernietigingsoorlog") == "vernietiging·s·oorlog"
    assert split("regeringsdelegatie") == "regering·s·delegatie"
    assert split("gelegenheidsliefde") == "gelegenheid·s·liefde"
    assert split("staatspersbureau") == "staat·s·persbureau"


def test_inflected_head_gets_its_dictionary_form() -> None:
    result = split_compound("artilleriegranaten", known, zipf, lambda p: candidates(p, "NOUN"))
    assert result is not None
    assert [p.lemma for p in result.parts] == ["artillerie", "granaat"]
    assert result.head.text == "granaten"


def test_prefers_fewest_parts() -> None:
    # pers + bureau would make three parts: the two-part split wins.
    result = split_compound("staatspersbureau", known, zipf)
    assert result is not None and len(result.parts) == 2


def test_refusals() -> None:
    assert split("wapenstilstand") is None  # known whole
    assert split("Havenstad") is None  # capitalised: a name
    assert split("bromance") is None  # foreign: no known parts
    assert split("dingobscuur") is None  # a part too rare to trust
    assert split("stad") is None
    assert split("haven2stad") is None
