"""Sense ranking for a learner: agreement between sources, everyday glosses, rare senses last."""

from __future__ import annotations

import pytest

from assistant.lexicon import senses as ranking
from assistant.lexicon.senses import SourceSense, gloss_key, is_marked, rank_senses

# English Zipf frequencies for the tables below (everyday words are 4-6).
ZIPF = {"lonely": 4.0, "solitary": 3.2, "dreary": 2.9, "gaunt": 2.6, "single": 5.0,
        "cancel": 4.1, "suspend": 3.7, "abolish": 3.3, "annul": 2.5, "war": 5.2,
        "warfare": 3.6, "addition": 4.6, "surcharge": 2.9, "grain": 4.0, "corn": 4.2,
        "set up": 3.0, "found": 5.0, "establish": 4.0, "rebuke": 2.6, "blame": 4.1,
        "reproach": 2.6, "fortune": 4.0, "luck": 4.8}


def zipf(text: str) -> float:
    return ZIPF.get(text.lower(), 0.0)


def fd(*groups: tuple[str, ...]) -> list[SourceSense]:
    return [SourceSense(items, "freedict", order) for order, items in enumerate(groups)]


@pytest.mark.parametrize(
    ("senses", "first"),
    [
        # Two sources agree on "lonely"; FreeDict's own first sense loses.
        ([*fd(("dreary", "gaunt"), ("lonely", "solitary")),
          SourceSense(("lonely", "solitary", "unfrequented"), "wiktionary")],
         "lonely, solitary"),
        # Equal agreement: the everyday gloss first (cancel, not suspend).
        ([SourceSense(("suspend",), "odwn"), SourceSense(("cancel", "strike down"), "odwn", 1),
          SourceSense(("suspend",), "wiktionary"), *fd(("abolish", "annul", "cancel"))],
         "cancel"),
        # Two sources of one family count once: FreeDict's single sense stays first.
        ([*fd(("addition",)), SourceSense(("surcharge",), "wiktionary"),
          SourceSense(("surcharge",), "wiktionary")],
         "addition"),
        # ... but a second family makes it agreement.
        ([*fd(("addition",), ("surcharge",)), SourceSense(("surcharge",), "wiktionary")],
         "surcharge"),
        # A definition elsewhere that uses the gloss counts as weaker agreement.
        ([SourceSense(("rebuke",), "odwn"), SourceSense(("blame",), "wiktionary"),
          SourceSense(("reproach",), "freedict", note="blame for a fault")],
         "blame"),
    ],
)
def test_the_first_sense(senses: list[SourceSense], first: str) -> None:
    assert rank_senses(senses, zipf)[0].startswith(first)


def test_a_marked_sense_comes_after_an_unmarked_one() -> None:
    senses = [SourceSense(("luck",), "wiktionary", note="figurative: chance"),
              SourceSense(("fortune",), "wiktionary", note="destiny")]
    assert rank_senses(senses, zipf) == ["fortune", "luck"]
    unmarked = [SourceSense(("luck",), "wiktionary"), SourceSense(("fortune",), "wiktionary")]
    assert rank_senses(unmarked, zipf) == ["luck", "fortune"]


def test_the_sources_own_order_and_rare_english_senses_count() -> None:
    # Same words, same agreement: FreeDict's first sense first ...
    assert rank_senses(fd(("grain",), ("corn",)), lambda _: 4.0)[0] == "grain"
    assert rank_senses(fd(("corn",), ("grain",)), lambda _: 4.0)[0] == "corn"
    # ... and a synset far down the English word's senses after one that is its first.
    wordnet = [SourceSense(("grain",), "odwn", rank=4), SourceSense(("corn",), "odwn", rank=0)]
    assert rank_senses(wordnet, lambda _: 4.0)[0] == "corn"


def test_longer_glosses_lose_against_short_ones() -> None:
    senses = [SourceSense(("set up",), "odwn"), SourceSense(("found",), "odwn", 1)]
    assert rank_senses(senses, lambda _: 4.0)[0] == "found"


def test_a_sense_gathers_the_synonyms_its_sources_give_with_the_best_gloss() -> None:
    senses = [*fd(("annul", "abolish", "cancel")), SourceSense(("cancel",), "odwn")]
    assert rank_senses(senses, zipf) == ["cancel, abolish, annul"]


def test_fixed_senses_come_first_as_written_and_are_not_repeated() -> None:
    senses = [SourceSense(("war",), "supplement", fixed=True),
              SourceSense(("to fight", "war"), "supplement", fixed=True),
              *fd(("warfare", "war"))]
    assert rank_senses(senses, zipf) == ["war", "to fight", "warfare"]


def test_glosses_shown_once_and_the_limits() -> None:
    senses = fd(("War",), ("war", "warfare"), ("cease-fire",), ("ceasefire",))
    assert rank_senses(senses, zipf) == ["War, warfare", "cease-fire"]
    many = fd(*[(f"gloss{n}",) for n in range(10)])
    assert len(rank_senses(many, zipf)) == ranking.MAX_SENSES
    assert len(rank_senses(many, zipf, limit=2)) == 2
    wide = fd(tuple(f"synonym{n}" for n in range(8)))
    assert rank_senses(wide, zipf)[0].count(",") == ranking.MAX_ITEMS - 1
    long = fd(("a long gloss that goes on and on", "another long gloss that goes on"))
    assert rank_senses(long, zipf) == ["another long gloss that goes on"]  # 60 characters
    assert rank_senses([], zipf) == []
    assert rank_senses(fd(("",)), zipf) == []


@pytest.mark.parametrize(
    ("gloss", "key"),
    [("To Fall", "fall"), ("the city", "city"), ("an apple", "apple"), ("a", "a"),
     ("cease-fire", "ceasefire"), ("set  up", "setup"), ("war.", "war"), ("one’s", "one's"),
     ("tomato", "tomato"), ("theatre", "theatre")],
)
def test_gloss_key(gloss: str, key: str) -> None:
    assert gloss_key(gloss) == key


@pytest.mark.parametrize(
    ("note", "marked"),
    [("figurative: a burden", True), ("(archaic) reckoning", True), ("obsolete: to finish", True),
     ("rare: positive", True), ("slang: money", True), ("of person: dejected", False),
     ("", False), ("a rarely seen bird", False)],
)
def test_marked_notes(note: str, marked: bool) -> None:
    assert is_marked(note) is marked
