"""Dutch number words: every cardinal and ordinal from one to a hundred, and what is not one."""

from __future__ import annotations

import re

import pytest

from assistant.timex.numbers import (
    CARDINAL_PATTERN,
    ORDINAL_PATTERN,
    cardinal,
    number_from_word,
    ordinal,
)

CARDINALS = [
    ("een", 1), ("één", 1), ("twee", 2), ("drie", 3), ("vier", 4), ("vijf", 5), ("zes", 6),
    ("zeven", 7), ("acht", 8), ("negen", 9), ("tien", 10), ("elf", 11), ("twaalf", 12),
    ("dertien", 13), ("veertien", 14), ("negentien", 19), ("twintig", 20),
    ("eenentwintig", 21), ("tweeëntwintig", 22), ("tweeentwintig", 22), ("drieëndertig", 33),
    ("vierenveertig", 44), ("vijfenvijftig", 55), ("zesenzestig", 66), ("zevenenzeventig", 77),
    ("achtentachtig", 88), ("negenennegentig", 99), ("zeventig", 70), ("tachtig", 80),
    ("honderd", 100), ("eenhonderd", 100), ("Zeventig", 70),
]
ORDINALS = [
    ("eerste", 1), ("tweede", 2), ("derde", 3), ("vierde", 4), ("achtste", 8), ("tiende", 10),
    ("elfde", 11), ("twaalfde", 12), ("dertiende", 13), ("negentiende", 19),
    ("twintigste", 20), ("eenentwintigste", 21), ("tweeëntwintigste", 22),
    ("zeventigste", 70), ("negenennegentigste", 99), ("honderdste", 100), ("Derde", 3),
]
NEITHER = [
    "", "geen", "nul", "vierëntwintig", "éénentwintig", "eenëntwintig", "twintigen",
    "entwintig", "eenen", "tienste", "dertienste", "twintigde", "achtde", "tweeste", "elfste",
    "honderdeen", "een twintig", "miljoen", "tig", "ste", "de",
]


@pytest.mark.parametrize(("word", "number"), CARDINALS)
def test_cardinal(word: str, number: int) -> None:
    assert cardinal(word) == number
    assert number_from_word(word) == number
    assert ordinal(word) is None
    assert re.fullmatch(CARDINAL_PATTERN, word, re.IGNORECASE)
    assert not re.fullmatch(ORDINAL_PATTERN, word, re.IGNORECASE)


@pytest.mark.parametrize(("word", "number"), ORDINALS)
def test_ordinal(word: str, number: int) -> None:
    assert ordinal(word) == number
    assert number_from_word(word) == number
    assert cardinal(word) is None
    assert re.fullmatch(ORDINAL_PATTERN, word, re.IGNORECASE)
    assert not re.fullmatch(CARDINAL_PATTERN, word, re.IGNORECASE)


@pytest.mark.parametrize("word", NEITHER)
def test_not_a_number_word(word: str) -> None:
    assert cardinal(word) is None and ordinal(word) is None and number_from_word(word) is None
    assert not re.fullmatch(CARDINAL_PATTERN, word, re.IGNORECASE)
    assert not re.fullmatch(ORDINAL_PATTERN, word, re.IGNORECASE)


@pytest.mark.parametrize(("word", "number"), [("42", 42), (" 7 ", 7), ("0", 0), ("1953", 1953),
                                              ("٣", None), ("4e", None), ("-3", None)])
def test_number_from_digits(word: str, number: int | None) -> None:
    assert number_from_word(word) == number
