"""Adjectives of a nationality or a place ('Russische', 'Rotterdamse'): the names the reader's
"Mark nationality adjectives" switch governs, judged on the categories the analysis gives them."""

from __future__ import annotations

import pytest
from parse_data import analysed, w

from assistant.knowledge.places import is_adjective_of_origin
from assistant.models import Category

# (words as text/POS, the entity's first and last word, its NER label, what it must be judged)
CASES = [
    # A city's adjective: CoNLL's MISC with a nationality ending makes it a group.
    ([("de", "DET"), ("Rotterdamse", "ADJ"), ("Dakendagen", "PROPN")], 1, 1, "MISC", True),
    ([("de", "DET"), ("Amsterdamse", "ADJ"), ("grachten", "NOUN")], 1, 1, "MISC", True),
    # The uninflected form and the official scheme's label.
    ([("het", "DET"), ("Rotterdams", "ADJ"), ("dialect", "NOUN")], 1, 1, "MISC", True),
    ([("de", "DET"), ("Utrechtse", "ADJ"), ("raad", "NOUN")], 1, 1, "NORP", True),
    # The nationality list decides whatever the tagger says.
    ([("de", "DET"), ("Russische", "PROPN"), ("president", "NOUN")], 1, 1, "MISC", True),
    # A people is a noun, not an adjective: still marked as a group.
    ([("veel", "DET"), ("Rotterdammers", "NOUN"), ("fietsen", "VERB")], 1, 1, "MISC", False),
    ([("veel", "DET"), ("Nederlanders", "PROPN"), ("fietsen", "VERB")], 1, 1, "NORP", False),
    # The place itself, an adjective the tagger left a place, a name of two words.
    ([("in", "ADP"), ("Rotterdam", "PROPN"), ("wonen", "VERB")], 1, 1, "LOC", False),
    ([("de", "DET"), ("Rotterdamse", "ADJ"), ("haven", "NOUN")], 1, 1, "LOC", False),
    ([("de", "DET"), ("Europese", "ADJ"), ("Unie", "PROPN")], 1, 2, "ORG", False),
    # An adjective that is no name of a group (MISC without the nationality ending).
    ([("het", "DET"), ("Grote", "ADJ"), ("Dictee", "PROPN")], 1, 1, "MISC", False),
]


@pytest.mark.parametrize(("words", "first", "last", "label", "expected"), CASES)
def test_adjectives_of_a_nationality_or_place(
    words: list[tuple[str, str]], first: int, last: int, label: str, expected: bool
) -> None:
    result = analysed([w(text, pos=pos) for text, pos in words], [(first, last, label)])
    (entity,) = result.entities
    assert is_adjective_of_origin(entity, result.tokens) is expected
    if expected and entity.text != "Russische":
        # The switch governs a category the legend has: these are the groups' adjectives.
        assert entity.category is Category.GROUP
