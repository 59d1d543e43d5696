"""How many sources back a word's first sense, and the card that says when only one does."""

from __future__ import annotations

import pytest
from parse_data import analysed, w

from assistant.lexicon.glossing import SINGLE_SOURCE_NOTE, gloss_card
from assistant.lexicon.senses import FIXED_SUPPORT, SourceSense, ranked_with_support
from assistant.lexicon.store import Dictionary
from assistant.report import card_to_json


def _zipf(text: str) -> float:
    return {"lonely": 4.0, "dreary": 2.9, "war": 5.2, "spittoon": 2.0}.get(text, 3.0)


@pytest.mark.parametrize(
    ("senses", "first", "support"),
    [
        # Only FreeDict gives it.
        ([SourceSense(("dreary",), "freedict")], "dreary", 1),
        # Two source families list the first gloss.
        ([SourceSense(("lonely",), "freedict"), SourceSense(("lonely",), "wiktionary")],
         "lonely", 2),
        # Two extractions of one family (OMW's and the English Wiktionary) count once.
        ([SourceSense(("lonely",), "wiktionary"), SourceSense(("lonely",), "wiktionary", 1)],
         "lonely", 1),
        # Another family's definition that uses the gloss backs it too.
        ([SourceSense(("lonely",), "odwn"), SourceSense(("dreary",), "freedict",
                                                        note="lonely and sad")],
         "lonely", 2),
        # A later sense that two families back lends nothing to a first sense of one.
        ([SourceSense(("war",), "freedict"), SourceSense(("dreary",), "freedict", 1),
          SourceSense(("dreary",), "odwn")], "war", 1),
        # The project's own sense is first and needs no other source.
        ([SourceSense(("war",), "supplement", fixed=True), SourceSense(("dreary",), "odwn")],
         "war", FIXED_SUPPORT),
        # Nothing to show, nothing backed.
        ([], None, 0),
        ([SourceSense(("",), "freedict")], None, 0),
    ],
)
def test_support_of_the_first_sense(senses: list[SourceSense], first: str | None,
                                    support: int) -> None:
    ranked, found = ranked_with_support(senses, _zipf)
    assert (ranked[0] if ranked else None) == first
    assert found == support


@pytest.mark.parametrize(
    ("word", "lemma", "pos", "marked"),
    [
        ("kwispedoor", "kwispedoor", "NOUN", True),  # FreeDict alone: "spittoon"
        ("reizen", "reizen", "VERB", True),  # Open Dutch WordNet alone
        ("haven", "haven", "NOUN", False),  # FreeDict and Open Dutch WordNet agree
        ("eenzaam", "eenzaam", "ADJ", False),  # FreeDict and both Wiktionaries
        ("oorlog", "oorlog", "NOUN", False),  # the project's supplement
    ],
)
def test_a_card_says_when_one_source_alone_gives_its_first_sense(
        fixture_dictionary: Dictionary, word: str, lemma: str, pos: str, marked: bool) -> None:
    card = gloss_card(fixture_dictionary, analysed([w(word, lemma, pos)]), 0)
    assert card is not None and card.senses
    assert (card.uncertain == SINGLE_SOURCE_NOTE) is marked and card.single_source is marked
    if not marked:
        assert card.uncertain is None
    # The JSON keeps `uncertain` for guesses (null for listed senses) and adds the mark.
    data = card_to_json(card)
    assert data is not None and data["uncertain"] is None
    assert data["single_source"] is marked
