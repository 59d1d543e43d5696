"""Senses made by rule for words no source lists: action nouns in -ing from their verb."""

from __future__ import annotations

import pytest
from parse_data import analysed, w

from assistant.lexicon.english import gerund_of, gerunds
from assistant.lexicon.glossing import ACTION_NOTE, gloss_card
from assistant.lexicon.store import Dictionary


@pytest.mark.parametrize(
    ("verb", "forms"),
    [("film", ["filming"]), ("make", ["making"]), ("stop", ["stopping", "stoping"]),
     ("die", ["dying"]), ("see", ["seeing"]), ("interfere", ["interfering"]),
     ("fit out", ["fitting out", "fiting out"]), ("be", ["being"]),
     # Refused: names, numbers, one letter.
     ("London", []), ("4x4", []), ("a", [])],
)
def test_gerunds(verb: str, forms: list[str]) -> None:
    assert gerunds(verb) == forms


def test_gerund_of_a_sense_keeps_spellings_that_are_words() -> None:
    words = {"filming", "shooting", "stopping"}
    assert gerund_of("to film, to shoot, to lens", words.__contains__) == "filming, shooting"
    assert gerund_of("stop", words.__contains__) == "stopping"
    assert gerund_of("to xyz", words.__contains__) is None


@pytest.mark.parametrize(
    ("word", "lemma", "pos", "verb"),
    [
        ("wapening", "wapening", "NOUN", "wapenen"),  # wapenen: arm, build up
        ("wapeningen", "wapeningen", "NOUN", "wapenen"),  # a plural the pipeline kept
        ("Wapening", "wapening", "NOUN", "wapenen"),  # opening a sentence
    ],
)
def test_an_action_noun_no_source_lists_is_glossed_from_its_verb(
        fixture_dictionary: Dictionary, word: str, lemma: str, pos: str, verb: str) -> None:
    card = gloss_card(fixture_dictionary, analysed([w(word, lemma, pos)]), 0)
    assert card is not None and card.uncertain == ACTION_NOTE
    assert card.senses == ("arming, building up",) and card.parts[0].lemma == verb


@pytest.mark.parametrize(
    ("word", "pos"),
    [
        ("ring", "NOUN"),  # too short to be a verb's action
        ("oorloging", "NOUN"),  # oorlogen is no verb
        ("wapening", "VERB"),  # not a noun
        ("wapen-ing", "NOUN"),  # not letters
    ],
)
def test_no_action_sense_without_a_verb(fixture_dictionary: Dictionary, word: str,
                                        pos: str) -> None:
    card = gloss_card(fixture_dictionary, analysed([w(word, word, pos)]), 0)
    assert card is None or card.uncertain != ACTION_NOTE
