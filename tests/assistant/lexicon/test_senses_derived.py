"""Senses made by rule for words no source lists: action nouns in -ing, present participles,
prefixed words (on-, her-)."""

from __future__ import annotations

import pytest
from parse_data import analysed, w

from assistant.lexicon.english import gerund_of, gerunds
from assistant.lexicon.glossing import (
    ACTION_NOTE,
    NEGATION_NOTE,
    REPEAT,
    REPEAT_NOTE,
    gloss_card,
    prefixed_sense,
    present_participle,
    with_particle,
)
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


@pytest.mark.parametrize(
    ("word", "infinitive", "present"),
    [("teleurstellend", "teleurstellen", True), ("teleurstellende", "teleurstellen", True),
     ("ontspannends", "ontspannen", True), ("gaande", "gaan", True), ("Ziende", "zien", True),
     # Refused: past participles, the infinitive itself, another verb's, a noun's.
     ("gemaakte", "maken", False), ("reizen", "reizen", False), ("reizend", "rijzen", False),
     ("reizend", "reis", False)],
)
def test_present_participle(word: str, infinitive: str, present: bool) -> None:
    assert present_participle(word, infinitive) is present


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("reizende", "reizen"),  # the pipeline's lemma is the verb
     ("reizende", "reizend"),  # an adjective no source lists: its verb found by the ending
     ("reizends", "reizend")],  # "iets reizends"
)
def test_a_present_participle_used_as_an_adjective_gets_the_ing_form(
        fixture_dictionary: Dictionary, word: str, lemma: str) -> None:
    card = gloss_card(fixture_dictionary, analysed([w(word, lemma, "ADJ")]), 0)
    assert card is not None and card.lemma == "reizen"
    assert card.senses[0].startswith("going, moving")


def test_a_past_participle_keeps_the_past_form(fixture_dictionary: Dictionary) -> None:
    card = gloss_card(fixture_dictionary,
                      analysed([w("gereisde", "reizen", "ADJ", morph="VerbForm=Part")]), 0)
    assert card is not None and card.senses[0].startswith("gone, moved")


@pytest.mark.parametrize(
    ("word", "lemma", "pos", "note", "sense"),
    [
        # on- + an adjective: the English un-word when English has one, else "not ...".
        ("oneenzame", "oneenzaam", "ADJ", NEGATION_NOTE, "not lonely"),
        ("onuitgeput", "onuitgeput", "ADJ", NEGATION_NOTE, "not exhausted"),
    ],
)
def test_a_prefixed_word_no_source_lists(fixture_dictionary: Dictionary, word: str, lemma: str,
                                         pos: str, note: str, sense: str) -> None:
    card = gloss_card(fixture_dictionary, analysed([w(word, lemma, pos)]), 0)
    assert card is not None and card.uncertain == note
    assert card.senses == (sense,) and card.parts[0].text == word[:len(card.parts[0].text)]


@pytest.mark.parametrize(
    ("word", "pos"),
    [
        ("oneenzaamheid", "NOUN"),  # on- negates adjectives only
        ("onder", "ADP"),  # too short a rest
        ("herreizen", "VERB"),  # English has no "retravel"
        ("herfst", "NOUN"),
    ],
)
def test_no_prefixed_guess_without_a_word_and_an_english_form(
        fixture_dictionary: Dictionary, word: str, pos: str) -> None:
    card = gloss_card(fixture_dictionary, analysed([w(word, word, pos)]), 0)
    assert card is None or card.uncertain not in (NEGATION_NOTE, REPEAT_NOTE)


@pytest.mark.parametrize(
    ("sense", "made"),
    [
        ("crystallization", "recrystallization"),
        ("to organise, to arrange", "reorganise, rearrange"),
        # Short words make other words (remove, recover); made-up ones are refused.
        ("to move, to cover", ""),
        ("to travel", ""),
    ],
)
def test_re_words(sense: str, made: str) -> None:
    _, english, fallback, min_length = REPEAT
    assert prefixed_sense(sense, english, fallback, min_length) == made


@pytest.mark.parametrize(
    ("senses", "particle", "made"),
    [
        (("to come", "to be"), "thuis", ("to come home", "to come", "to be")),
        (("ride, travel", "drive"), "mee", ("ride along, travel along", "ride, travel", "drive")),
        # Only one-word glosses take the adverb; particles that change the meaning add none.
        (("bear in mind, mind",), "terug", ("mind back", "bear in mind, mind")),
        (("to say", "to tell"), "af", ("to say", "to tell")),
        (("live, go",), "toe", ("live, go",)),
        ((), "mee", ()),
    ],
)
def test_a_particles_adverb(senses: tuple[str, ...], particle: str,
                            made: tuple[str, ...]) -> None:
    assert with_particle(senses, particle) == made
