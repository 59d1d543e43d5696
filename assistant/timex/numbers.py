"""Dutch number words from one to a hundred: cardinals ("zeventig"), ordinals ("zeventigste")."""

from __future__ import annotations

from collections.abc import Iterable

UNITS: dict[str, int] = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9,
}
TEENS: dict[str, int] = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
TENS: dict[str, int] = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
    "zeventig": 70, "tachtig": 80, "negentig": 90,
}
HUNDRED: dict[str, int] = {"honderd": 100, "eenhonderd": 100}
# Ordinals that are not a cardinal plus -de/-ste.
IRREGULAR_ORDINALS: dict[str, int] = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
    "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12,
}


def _either(words: Iterable[str]) -> str:
    """A regex alternation of plain words, longest first (used at import only: not mutated)."""
    return "|".join(sorted(words, key=len, reverse=True))  # pragma: no mutate


# "eenentwintig", "tweeëntwintig" (a unit ending in e may take ë): unit + en + tens.
_COMPOUND = (f"(?:(?:{_either(w for w in UNITS if w.endswith('e'))})ën|"
             f"(?:{_either(w for w in UNITS if w != 'één')})en)(?:{_either(TENS)})")
CARDINAL_PATTERN = f"(?:{_either(HUNDRED)}|{_COMPOUND}|{_either({**TENS, **TEENS, **UNITS})})"
ORDINAL_PATTERN = (f"(?:{_either(IRREGULAR_ORDINALS)}|(?:{_either(HUNDRED)}|{_COMPOUND}|"
                   f"{_either(TENS)})ste|(?:{_either(w for w in TEENS if TEENS[w] > 12)})de)")
# Decades: "de jaren nul/tien/twintig/.../negentig".
DECADES: dict[str, int] = {"nul": 0, "tien": 10, **TENS}
DECADE_PATTERN = _either(DECADES)


def cardinal(word: str) -> int | None:
    """1–100 from a Dutch cardinal word ('zeventig', 'tweeëntwintig'), else None."""
    word = word.lower()
    simple = HUNDRED.get(word) or UNITS.get(word) or TEENS.get(word) or TENS.get(word)
    if simple is not None:
        return simple
    for tens_word, tens in TENS.items():
        head = word.removesuffix(tens_word)
        if head == word:
            continue
        for joiner in ("ën", "en"):
            unit_word = head.removesuffix(joiner)
            if unit_word == head or unit_word == "één":
                continue
            unit = UNITS.get(unit_word)
            if unit is not None and (joiner == "en" or unit_word.endswith("e")):
                return tens + unit
    return None


def ordinal(word: str) -> int | None:
    """1–100 from a Dutch ordinal word ('derde', 'negentiende', 'zeventigste'), else None."""
    word = word.lower()
    if word in IRREGULAR_ORDINALS:
        return IRREGULAR_ORDINALS[word]
    if word.endswith("ste"):
        number = cardinal(word[:-3])
        return number if number is not None and number >= 20 else None
    if word.endswith("de"):
        number = cardinal(word[:-2])
        return number if number is not None and 13 <= number <= 19 else None
    return None


def number_from_word(word: str) -> int | None:
    """A whole number from digits ('42'), a cardinal or an ordinal word (1–100), else None."""
    word = word.strip()
    if word.isdigit() and word.isascii():
        return int(word)
    return cardinal(word) or ordinal(word)
