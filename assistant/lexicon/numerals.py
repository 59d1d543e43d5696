"""Dutch numbers written as words (achttien, eenentwintig) and the ages made of them."""

from __future__ import annotations

UNITS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
         "acht": 8, "negen": 9}
TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
         "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
        "tachtig": 80, "negentig": 90}
# A number word before one of these endings makes an adjective of age or length:
# achttienjarige → "18-year-old", tweedaagse → "2-day".
MEASURE_ENDINGS = (("jarige", "year-old"), ("jarig", "year-old"), ("daagse", "day"),
                   ("daags", "day"), ("urige", "hour"), ("urig", "hour"))


def _below_hundred(word: str) -> int | None:
    for table in (UNITS, TEENS, TENS):
        if word in table:
            return table[word]
    for tens, value in TENS.items():
        if word.endswith(tens):
            head = word[: -len(tens)]
            for link in ("en", "ën"):
                unit = head[: -len(link)] if head.endswith(link) else None
                if unit in UNITS:
                    return value + UNITS[unit]
    return None


def number_value(word: str) -> int | None:
    """The value of a number from 1 to 999 written as one Dutch word, or None."""
    word = word.lower()
    hundreds, found, rest = word.rpartition("honderd")
    if not found:
        return _below_hundred(word)
    count = 1 if not hundreds else UNITS.get(hundreds)
    if count is None:
        return None
    below = _below_hundred(rest) if rest else 0
    return None if below is None else 100 * count + below


def measure_gloss(word: str) -> str | None:
    """'18-year-old' for achttienjarig(e), '2-day' for tweedaags(e); None for anything else."""
    word = word.lower()
    for ending, english in MEASURE_ENDINGS:
        if word.endswith(ending) and (value := number_value(word[: -len(ending)])) is not None:
            return f"{value}-{english}"
    return None
