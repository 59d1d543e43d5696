"""English past participles of verb glosses: regular spelling rules, WordNet's irregular forms,
and which of those forms is the participle."""

from __future__ import annotations

import pytest

from assistant.lexicon.english import (
    agent_noun_of,
    agent_nouns,
    choose_participle,
    participle_sense,
    past_participle,
)

IRREGULAR = {"take": "taken", "bear": "borne", "go": "gone", "put": "put"}


@pytest.mark.parametrize(
    ("verb", "participle"),
    [
        ("fence", "fenced"), ("surround", "surrounded"), ("carry", "carried"),
        ("dry", "dried"),              # the shortest y after a consonant
        ("study", "studied"),
        ("stay", "stayed"), ("destroy", "destroyed"),  # a vowel before the y
        ("stop", "stopped"), ("plan", "planned"),
        ("fix", "fixed"), ("show", "showed"), ("visit", "visited"),  # no doubling
        ("take", "taken"), ("put", "put"),                           # irregular
        ("fence in", "fenced in"), ("bear in mind", "borne in mind"),
        ("go", "gone"),
        ("Hellenize", "Hellenize"),    # a capital: left alone
        ("use-up", "use-up"),          # not letters: left alone
    ],
)
def test_past_participle(verb: str, participle: str) -> None:
    assert past_participle(verb, IRREGULAR) == participle


def test_a_sense_as_participles() -> None:
    assert participle_sense("to fence, to surround, wall", IRREGULAR) == (
        "fenced, surrounded, walled")
    assert participle_sense("take, take", IRREGULAR) == "taken"


@pytest.mark.parametrize(
    ("base", "forms", "participle"),
    [
        ("eat", ["ate", "eaten"], "eaten"),
        ("bear", ["bore", "born", "borne"], "borne"),
        ("sing", ["sang", "sung"], "sung"),
        ("swim", ["swam", "swimming", "swum"], "swum"),
        ("come", ["came"], "come"),
        ("run", ["ran", "running"], "run"),
        ("sit", ["sat", "sitting"], "sat"),      # i → a is a participle of its own
        ("be", ["am", "are", "been", "is", "was", "were"], "been"),
        ("put", ["putting"], "put"),
        ("make", ["made"], "made"),
        ("plan", ["planning"], None),            # only -ing: the regular rules apply
        ("clad", ["cladding"], "clad"),          # only -ing of a verb in -d: the base
        ("bing", ["bing"], "bing"),              # a verb in -ing keeps its forms in -ing
        ("be", ["am", "are", "is", "was", "were"], None),  # none of them a participle
        ("lie", ["lay", "lain"], "lain"), ("blow", ["blew", "blown"], "blown"),
        ("countersink", ["countersank", "countersunk"], "countersunk"),  # u beside a
        ("spit", ["spat", "spitted", "spitting"], "spat"),  # no u: the first
    ],
)
def test_choose_participle(base: str, forms: list[str], participle: str | None) -> None:
    assert choose_participle(base, forms) == participle


@pytest.mark.parametrize(
    ("verb", "nouns"),
    [("smoke", ["smoker"]), ("hit", ["hitter", "hiter"]), ("etch", ["etcher"]),
     ("educate", ["educator", "educater"]), ("carry", ["carrier"]), ("walk", ["walker"]),
     ("play", ["player"]), ("destroy", ["destroyer"]), ("study", ["studier"]),
     ("bear in mind", []), ("Go", []), ("go", [])],
)
def test_agent_nouns(verb: str, nouns: list[str]) -> None:
    assert agent_nouns(verb) == nouns


def test_the_first_agent_noun_that_is_english() -> None:
    english = {"traveler", "mover"}
    assert agent_noun_of(["to go, to move, travel"], english.__contains__) == "mover"
    assert agent_noun_of(["go", "travel"], english.__contains__) == "traveler"
    assert agent_noun_of(["be, exist"], english.__contains__) is None
