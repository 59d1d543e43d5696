"""Entity labels → categories: both schemes in any case, and which MISC words are nationalities."""

from __future__ import annotations

import pytest

from assistant.models import Category
from assistant.reading.entities import is_nationality_word, label_category


@pytest.mark.parametrize(
    ("label", "text", "category"),
    [
        ("per", "Rutte", Category.PERSON),            # labels are read in any case
        ("Gpe", "Den Haag", Category.PLACE),
        ("misc", "Russische", Category.GROUP),        # the nationality check also in lower case
        ("MISC", "Friese", Category.GROUP),
        ("MISC", "Tour de France", Category.OTHER),   # MISC without a nationality word
        ("MISC", "", Category.OTHER),
        ("PER", "Russische", Category.PERSON),        # only MISC becomes a group
        ("LOC", "Britse", Category.PLACE),
        ("NORP", "Oekraïners", Category.GROUP),
        ("", "Russische", Category.OTHER),            # no label: other, never a group
        ("CARDINAL", "drie", Category.OTHER),
        ("MONEY", "tien euro", Category.OTHER),
    ],
)
def test_label_and_text_give_the_category(label: str, text: str, category: Category) -> None:
    assert label_category(label, text) is category


def test_without_text_misc_is_other() -> None:
    assert label_category("MISC") is Category.OTHER
    assert label_category("ORG") is Category.ORGANISATION


@pytest.mark.parametrize(
    ("text", "nationality"),
    [
        ("Russische", True),        # -sche
        ("Hollandsch", True),       # -sch (old spelling)
        ("Engelse", True),          # -se
        ("Fries", True),            # -s
        ("Noord-Koreaanse", True),  # a hyphen is no space
        ("R", False),
        ("russische", False),       # an adjective in lower case is no MISC name
        ("Russische Federatie", False),  # more than one word
        ("Engelse taal", False),
        ("Rusland", False),         # no adjective ending
        ("Euro", False),
        ("Europa", False),
        ("", False),
    ],
)
def test_nationality_words(text: str, nationality: bool) -> None:
    assert is_nationality_word(text) is nationality
