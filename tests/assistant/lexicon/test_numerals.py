"""Dutch number words and the ages and lengths made of them."""

from __future__ import annotations

import pytest

from assistant.lexicon.numerals import (
    english_number,
    large_number_value,
    measure_gloss,
    number_gloss,
    number_value,
)


@pytest.mark.parametrize(
    ("word", "value"),
    [("een", 1), ("één", 1), ("zeven", 7), ("elf", 11), ("achttien", 18), ("twintig", 20),
     ("eenentwintig", 21), ("tweeëntwintig", 22), ("negenennegentig", 99), ("honderd", 100),
     ("honderdvijf", 105), ("driehonderdzestig", 360), ("Zeventig", 70)],
)
def test_number_value(word: str, value: int) -> None:
    assert number_value(word) == value


@pytest.mark.parametrize(
    "word",
    ["", "nul", "duizend", "tweeëntwin", "entwintig", "zeventigen", "honderdhonderd",
     "veelhonderd", "tweeentachtigtig", "jarig", "tweeontwintig", "tweehonderdduizend"],
)
def test_not_a_number(word: str) -> None:
    assert number_value(word) is None


@pytest.mark.parametrize(
    ("word", "gloss"),
    [("achttienjarige", "18-year-old"), ("zeventigjarig", "70-year-old"),
     ("honderdjarige", "100-year-old"), ("tweedaagse", "2-day"), ("vierdaags", "4-day"),
     ("achturige", "8-hour"), ("Zestienjarige", "16-year-old")],
)
def test_measure_gloss(word: str, gloss: str) -> None:
    assert measure_gloss(word) == gloss


@pytest.mark.parametrize("word", ["jarige", "minderjarige", "meerderjarig", "daags",
                                  "jaarlijks", "achttien", "langdurige"])
def test_what_is_no_measure(word: str) -> None:
    assert measure_gloss(word) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("duizend", 1000), ("tweeduizend", 2000), ("Vijfduizend", 5000), ("honderdduizend", 100000),
     ("tweeduizendvijfhonderd", 2500), ("twintigduizendeen", 20001), ("vierentwintig", 24),
     ("driehonderd", 300)],
)
def test_large_number_value(word: str, value: int) -> None:
    assert large_number_value(word) == value


@pytest.mark.parametrize("word", ["duizendpoot", "duizendduizend", "veelduizend", "tweeduizen",
                                  "", "jaarduizend"])
def test_not_a_large_number(word: str) -> None:
    assert large_number_value(word) is None and number_gloss(word) is None


@pytest.mark.parametrize(
    ("value", "english"),
    [(1, "one"), (13, "thirteen"), (20, "twenty"), (24, "twenty-four"), (100, "one hundred"),
     (305, "three hundred five"), (2000, "two thousand"),
     (2500, "two thousand five hundred"), (999999, "nine hundred ninety-nine thousand nine "
                                                     "hundred ninety-nine")],
)
def test_english_number(value: int, english: str) -> None:
    assert english_number(value) == english


def test_number_gloss_gives_words_then_digits() -> None:
    assert number_gloss("vierentwintig") == "twenty-four, 24"
    assert number_gloss("tweeduizend") == "two thousand, 2000"
