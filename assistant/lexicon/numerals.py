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


_ENGLISH_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                  "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                  "seventeen", "eighteen", "nineteen")
_ENGLISH_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                 "ninety")


def large_number_value(word: str) -> int | None:
    """The value of a number from 1 to 999,999 written as one Dutch word (vijfduizend,
    tweeduizendvijfhonderd, vierentwintig), or None."""
    word = word.lower()
    thousands, found, rest = word.partition("duizend")
    if not found:
        return number_value(word)
    count = 1 if not thousands else number_value(thousands)
    below = number_value(rest) if rest else 0
    return None if count is None or below is None else 1000 * count + below


def english_number(value: int) -> str:
    """A number below a million in English words: 24 → twenty-four, 2500 → two thousand five
    hundred."""
    if value >= 1000:
        thousands, rest = divmod(value, 1000)
        return " ".join(filter(None, (f"{english_number(thousands)} thousand",
                                      english_number(rest) if rest else "")))
    if value >= 100:
        hundreds, rest = divmod(value, 100)
        return " ".join(filter(None, (f"{_ENGLISH_UNITS[hundreds]} hundred",
                                      english_number(rest) if rest else "")))
    if value < 20:
        return _ENGLISH_UNITS[value]
    tens, unit = divmod(value, 10)
    return _ENGLISH_TENS[tens] + (f"-{_ENGLISH_UNITS[unit]}" if unit else "")


def number_gloss(word: str) -> str | None:
    """'twenty-four, 24' for vierentwintig, 'five thousand, 5000' for vijfduizend; None for
    a word that is no number."""
    value = large_number_value(word)
    return None if value is None else f"{english_number(value)}, {value}"
