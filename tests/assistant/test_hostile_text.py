"""Hostile article text: numbers in every notation are never hard, punctuation and bare numbers
are never names, and an impossible date never resolves a time word."""

from __future__ import annotations

import pytest
from parse_data import analysed, w

from assistant.lexicon.wordclasses import is_word
from assistant.models import Category, Level
from assistant.timex.expressions import find_time_expressions


@pytest.mark.parametrize(
    "text",
    ["1e9", "1,5e-3", "3,5", "1.000.000", "½", "¾e", "10³", "²", "٣", "Ⅻ", "XIV", "XIXe",
     "IIIde", "MMXXIV", "3D", "2e", "−5", "€5", "5%", "+31", "0xFF", "COVID-19"],
)
def test_numbers_in_any_notation_are_never_words(text: str) -> None:
    for pos in ("NOUN", "ADJ", "X", "NUM"):
        assert not is_word(text, pos, like_num=False, like_url=False, in_name=False)


@pytest.mark.parametrize("text", ["huis", "cd", "Xavier", "Vivaldi", "ik", "mix", "ex", "Mi"])
def test_ordinary_words_stay_words(text: str) -> None:
    assert is_word(text, "NOUN", like_num=False, like_url=False, in_name=False)


@pytest.mark.parametrize("token", ["1e9", "XIXe", "½", "10³", "3,5"])
def test_a_number_repeated_is_never_hard_at_any_level(token: str) -> None:
    words = [w(token, pos="NOUN") if i % 2 else w("mensen", pos="NOUN") for i in range(400)]
    for level in Level:
        reading = analysed(words, level=level)
        assert not [t.text for t in reading.tokens if t.hard and t.text == token]


def test_punctuation_and_bare_numbers_are_never_names() -> None:
    words = [w("Zie"), w("["), w("1", pos="NUM"), w("]"), w("en"), w("Poetin", pos="PROPN"),
             w("in"), w("2023", pos="NUM"), w("«"), w("»")]
    entities = [(1, 1, "ORG"), (2, 2, "MISC"), (3, 3, "PER"), (5, 5, "PER"), (7, 7, "DATE"),
                (8, 9, "LOC")]
    reading = analysed(words, entities)
    assert [(e.text, e.category) for e in reading.entities] == [
        ("Poetin", Category.PERSON), ("2023", Category.DATE)
    ]
    assert all(reading.tokens[i].entity is None for i in (1, 2, 3, 8, 9))


def test_an_impossible_date_never_resolves_gisteren() -> None:
    words = [w("Gisteren", "gisteren", "ADV"), w("sprak"), w("de"), w("minister"), w(".")]
    unresolved = find_time_expressions(analysed(words, date="2023-02-31"))
    assert [(t.text, t.resolved) for t in unresolved] == [("Gisteren", None)]
    resolved = find_time_expressions(analysed(words, date="2023-03-01"))
    assert [(t.text, t.resolved) for t in resolved] == [("Gisteren", "2023-02-28")]
