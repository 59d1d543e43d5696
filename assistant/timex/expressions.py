"""Dutch time expressions found in an article and resolved against the article's date."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from assistant.models import (
    MONTH_NAMES_EN,
    AnalysedArticle,
    ArticleDate,
    Category,
    TimeExpression,
)

# Year-inference rule for a month (or day and month) named without a year, documented for
# the UI's help text: the month of the article itself is always the article's year.  Other
# months are taken to be in the past (news mostly reports what happened): "in juli" in a
# September article is July of the same year, "in november" is November of the year before.
# When the sentence speaks of the future ("zal", "volgende", "komende", "gepland", ...) or
# the month is preceded by "komende"/"volgende", the nearest such month ahead is meant.
# "afgelopen"/"vorige" before a month force the past.

# ---------------------------------------------------------------------------------------
# Dutch words
# ---------------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_WEEKDAYS: dict[str, int] = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
    "zaterdag": 5, "zondag": 6,
}
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_UNITS: dict[str, int] = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9,
}
_TEENS: dict[str, int] = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
_TENS: dict[str, int] = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
    "zeventig": 70, "tachtig": 80, "negentig": 90,
}
_SMALL_ORDINALS: dict[int, str] = {
    1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", 5: "vijfde", 6: "zesde",
    7: "zevende", 8: "achtste", 9: "negende", 10: "tiende", 11: "elfde", 12: "twaalfde",
}


def _build_cardinals() -> dict[str, int]:
    words = {**_UNITS, **_TEENS, **_TENS, "honderd": 100, "eenhonderd": 100}
    for unit_word, unit in _UNITS.items():
        if unit_word == "één":
            continue
        for tens_word, tens in _TENS.items():
            joiners = ("ën", "en") if unit_word.endswith("e") else ("en",)
            for joiner in joiners:
                words[f"{unit_word}{joiner}{tens_word}"] = tens + unit
    return words


def _build_ordinals(cardinals: dict[str, int]) -> dict[str, int]:
    words: dict[str, int] = {word: n for n, word in _SMALL_ORDINALS.items()}
    for word, n in cardinals.items():
        if 13 <= n <= 19:
            words[word + "de"] = n
        elif n >= 20:
            words[word + "ste"] = n
    return words


CARDINALS: dict[str, int] = _build_cardinals()
ORDINALS: dict[str, int] = _build_ordinals(CARDINALS)


def number_from_word(word: str) -> int | None:
    """1–100 from a Dutch cardinal ("zeventig"), ordinal ("zeventigste") or digits."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return CARDINALS.get(word, ORDINALS.get(word))


def ordinal_en(n: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 11th, 21st, 70th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_MONTH_RE = _alternation(_MONTHS)
_WEEKDAY_RE = _alternation(_WEEKDAYS)
_CARD_RE = _alternation(CARDINALS)
_ORD_RE = _alternation(ORDINALS)
_DECADE_WORDS: dict[str, int] = {"nul": 0, "tien": 10, **_TENS}
_DECADE_RE = _alternation(_DECADE_WORDS)
_YEAR_RE = r"1[0-9]{3}|20[0-9]{2}"
_APOS = "'’‘`"
_END = r"(?!\w)"

_QUALIFIERS: dict[str, str] = {
    "begin": "early", "half": "mid", "medio": "mid", "midden": "mid", "halverwege": "mid",
    "eind": "late", "einde": "late", "later": "later", "eerder": "earlier",
}
_LEADS: dict[str, str] = {
    "in": "", "sinds": "since ", "sedert": "since ", "vanaf": "from ", "tot": "until ",
    "na": "after ", "voor": "before ", "rond": "around ", "omstreeks": "around ",
}
_QUAL_RE = "begin|half|medio|midden|halverwege|einde|eind"
_LEAD_RE = "in|sinds|sedert|vanaf|tot|na|voor|rond|omstreeks"

_FUTURE_CUES = re.compile(
    r"(?<!\w)(?:zal|zullen|zult|zul|volgende?|komende?|aanstaande|gepland|plant|verwacht)(?!\w)",
    re.IGNORECASE,
)
_NOT_TOMORROW = re.compile(
    rf"(?<!\w)(?:de|die|deze|elke|iedere|een|[{_APOS}]s|goede|hele|gehele|zelfde|volgende|"
    r"vorige|andere)\s+$",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------
# Values and their wording
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Result:
    resolved: str
    description: str


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    ref: ArticleDate | None
    # Part of speech of the token that follows each token end offset.
    next_pos: dict[int, str]

    def future(self, start: int, end: int) -> bool:
        """True when the sentence around [start, end) speaks of the future."""
        left = max(self.text.rfind(c, 0, start) for c in ".!?\n") + 1
        rights = [i for i in (self.text.find(c, end) for c in ".!?\n") if i >= 0]
        right = min(rights) if rights else len(self.text)
        return _FUTURE_CUES.search(self.text, left, right) is not None


def _month_desc(year: int, month: int) -> str:
    return f"{MONTH_NAMES_EN[month - 1]} {year}"


def _day_desc(d: date) -> str:
    return f"{d.day} {MONTH_NAMES_EN[d.month - 1]} {d.year}"


def _range_desc(a: date, b: date) -> str:
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {MONTH_NAMES_EN[a.month - 1]} {a.year}"
    if a.year == b.year:
        return f"{a.day} {MONTH_NAMES_EN[a.month - 1]} – {_day_desc(b)}"
    return f"{_day_desc(a)} – {_day_desc(b)}"


def _qualified(qual: str | None, base: str) -> str:
    """'late August 2023', 'mid-2023', 'later in September 2023'."""
    if qual is None:
        return base
    word = _QUALIFIERS[qual.lower()]
    if word == "mid":
        return f"mid-{base}"
    if word in ("later", "earlier"):
        return f"{word} in {base}"
    return f"{word} {base}"


def _full(ref: ArticleDate) -> date | None:
    if ref.month is None or ref.day is None:
        return None
    try:
        return date(ref.year, ref.month, ref.day)
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _valid_day(year: int | None, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def _year_for_month(month: int, ref: ArticleDate, future: bool, direction: str | None) -> int:
    """The year of a month named without a year (see the rule at the top of this module)."""
    if direction in ("afgelopen", "vorige"):
        return ref.year if ref.month is not None and month < ref.month else ref.year - 1
    if direction in ("komende", "volgende"):
        return ref.year if ref.month is not None and month > ref.month else ref.year + 1
    if ref.month is None or month == ref.month:
        return ref.year
    if future:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month < ref.month else ref.year - 1


def _group(m: re.Match[str], name: str) -> str | None:
    value = m.group(name)
    return value.lower() if value is not None else None


# ---------------------------------------------------------------------------------------
# Rules: each turns one regex match into a result, None (no date to resolve against) or
# False (the match is not a time expression after all).
# ---------------------------------------------------------------------------------------

_Outcome = _Result | None | bool
_Handler = Callable[[re.Match[str], _Context], _Outcome]


def _weekday(m: re.Match[str], ctx: _Context) -> _Outcome:
    name = _WEEKDAYS_EN[_WEEKDAYS[m.group("day").lower()]]
    ref = ctx.ref
    if ref is None:
        return None
    direction = _group(m, "dir")
    today = _full(ref)
    if today is None:
        return _Result(ref.iso(), f"a {name} around {ref.describe()}")
    target = _WEEKDAYS[m.group("day").lower()]
    if direction in ("volgende", "komende", "aanstaande"):
        when = today + timedelta(days=(target - today.weekday()) % 7 or 7)
    elif direction in ("vorige", "afgelopen"):
        when = today - timedelta(days=(today.weekday() - target) % 7 or 7)
    else:
        when = today - timedelta(days=(today.weekday() - target) % 7)
    return _Result(when.isoformat(), f"{name} {_day_desc(when)}")


_RELATIVE_DAYS: dict[str, int] = {
    "vandaag": 0, "gisteren": -1, "morgen": 1, "eergisteren": -2, "overmorgen": 2,
    "vanavond": 0, "vanochtend": 0, "vanmorgen": 0, "vanmiddag": 0, "vannacht": 0,
    "gisteravond": -1, "gisterochtend": -1, "gistermiddag": -1, "gisternacht": -1,
    "morgenochtend": 1, "morgenavond": 1, "morgenmiddag": 1,
}


def _relative_day(m: re.Match[str], ctx: _Context) -> _Outcome:
    word = m.group(0).lower()
    # "de morgen", "'s morgens": the morning, not tomorrow.
    before = max(0, m.start() - 12)
    if word == "morgen" and _NOT_TOMORROW.search(ctx.text, before, m.start()) is not None:
        return False
    ref = ctx.ref
    if ref is None:
        return None
    today = _full(ref)
    if today is None:
        return _Result(ref.iso(), f"a day around {ref.describe()}")
    when = today + timedelta(days=_RELATIVE_DAYS[word])
    return _Result(when.isoformat(), _day_desc(when))


def _period(m: re.Match[str], ctx: _Context) -> _Outcome:
    det = m.group("det").lower()
    unit = m.group("unit").lower()
    qual = _group(m, "qual")
    ref = ctx.ref
    if ref is None:
        return None
    offset = {"deze": 0, "dit": 0, "vorige": -1, "vorig": -1, "afgelopen": -1,
              "volgende": 1, "volgend": 1, "komende": 1, "komend": 1}[det]
    if unit == "jaar":
        year = ref.year + offset
        return _Result(f"{year:04d}", _qualified(qual, str(year)))
    if unit == "eeuw":
        first = (ref.year // 100 + offset) * 100
        return _Result(f"{first}/{first + 99}", _century_desc(first // 100 + 1, qual))
    if unit == "maand":
        if ref.month is None:
            return _Result(f"{ref.year:04d}", f"a month around {ref.year}")
        year, month = _shift_month(ref.year, ref.month, offset)
        return _Result(f"{year:04d}-{month:02d}", _qualified(qual, _month_desc(year, month)))
    today = _full(ref)
    if today is None:
        return _Result(ref.iso(), f"a week around {ref.describe()}")
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
    sunday = monday + timedelta(days=6)
    base = f"the week of {_range_desc(monday, sunday)}"
    return _Result(f"{monday.isoformat()}/{sunday.isoformat()}", _qualified(qual, base))


def _month(m: re.Match[str], ctx: _Context) -> _Outcome:
    lead, qual, direction = _group(m, "lead"), _group(m, "qual"), _group(m, "dir")
    rel = _group(m, "rel1") or _group(m, "rel2")
    explicit_year = m.group("year")
    if not (lead or qual or direction or rel or explicit_year):
        return False  # a bare month name ("Augustus", "mei") is too ambiguous on its own
    month = _MONTHS[m.group("month").lower()]
    if explicit_year is not None:
        year = int(explicit_year)
    elif ctx.ref is None:
        return None
    elif rel is not None:
        year = ctx.ref.year + {"vorig": -1, "vorige": -1, "volgend": 1, "volgende": 1,
                               "komend": 1, "komende": 1}.get(rel, 0)
    else:
        year = _year_for_month(month, ctx.ref, ctx.future(m.start(), m.end()), direction)
    description = _qualified(qual, _month_desc(year, month))
    return _Result(f"{year:04d}-{month:02d}", _LEADS.get(lead or "in", "") + description)


def _day_month(m: re.Match[str], ctx: _Context) -> _Outcome:
    day, month = int(m.group("dnum")), _MONTHS[m.group("month").lower()]
    explicit_year = int(m.group("year")) if m.group("year") else None
    if not _valid_day(explicit_year, month, day):
        return False
    if explicit_year is not None:
        year = explicit_year
    elif ctx.ref is None:
        return None
    else:
        year = _year_for_month(month, ctx.ref, ctx.future(m.start(), m.end()), None)
    if not _valid_day(year, month, day):
        return False
    when = date(year, month, day)
    prefix = _LEADS.get(_group(m, "lead") or "in", "")
    if m.group("wd"):
        prefix += _WEEKDAYS_EN[when.weekday()] + " "
    return _Result(when.isoformat(), prefix + _day_desc(when))


def _day_range(m: re.Match[str], ctx: _Context) -> _Outcome:
    lead, joiner = _group(m, "lead"), m.group("joiner").lower()
    if joiner == "en" and lead != "tussen":
        return False
    first, last = int(m.group("d1")), int(m.group("d2"))
    month2 = _MONTHS[m.group("month").lower()]
    month1 = _MONTHS[m.group("month1").lower()] if m.group("month1") else month2
    explicit_year = int(m.group("year")) if m.group("year") else None
    if explicit_year is not None:
        year = explicit_year
    elif ctx.ref is None:
        return None
    else:
        year = _year_for_month(month2, ctx.ref, ctx.future(m.start(), m.end()), None)
    year1 = year if month1 <= month2 else year - 1
    if not (_valid_day(year1, month1, first) and _valid_day(year, month2, last)):
        return False
    a, b = date(year1, month1, first), date(year, month2, last)
    if a >= b:
        return False
    return _Result(f"{a.isoformat()}/{b.isoformat()}", _range_desc(a, b))


def _numeric_date(m: re.Match[str], ctx: _Context) -> _Outcome:
    if m.group("iy"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        year, month, day = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
    if not (1 <= month <= 12 and _valid_day(year, month, day)):
        return False
    when = date(year, month, day)
    return _Result(when.isoformat(), _day_desc(when))


def _year(m: re.Match[str], ctx: _Context) -> _Outcome:
    if ctx.next_pos.get(m.end()) in ("NOUN", "ADJ"):
        return False  # "in 1500 dorpen": a number of things, not a year
    year = int(m.group("year"))
    lead, qual = _group(m, "lead"), _group(m, "qual")
    description = _qualified(qual, str(year))
    return _Result(f"{year:04d}", _LEADS.get(lead or "in", "") + description)


def _decade_start(m: re.Match[str], ctx: _Context) -> int | None:
    """First year of the decade; two-digit decades take the latest one not after the article."""
    if m.group("full"):
        full = int(m.group("full"))
        return full if full % 10 == 0 else None
    word = m.group("dword")
    decade = _DECADE_WORDS[word.lower()] if word else int(m.group("dnum"))
    century = m.group("century")
    if century is not None:
        named = {"vorige": -1, "deze": 0}
        if ctx.ref is None and century.lower() in named:
            return None
        if century.lower() in named and ctx.ref is not None:
            base = (ctx.ref.year // 100 + named[century.lower()]) * 100
        else:
            number = number_from_word(century)
            if number is None:
                return None
            base = (number - 1) * 100
        return base + decade
    if ctx.ref is None:
        return None
    start = (ctx.ref.year // 100) * 100 + decade
    return start if start <= ctx.ref.year else start - 100


def _decade(m: re.Match[str], ctx: _Context) -> _Outcome:
    start = _decade_start(m, ctx)
    if start is None:
        return None if ctx.ref is None else False
    qual = _group(m, "qual")
    word = _QUALIFIERS.get(qual, "") if qual else ""
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(word, (0, 9))
    name = f"{start}s"
    description = {"early": f"the early {name}", "mid": f"the mid-{name}",
                   "late": f"the late {name}"}.get(word, f"the {name}")
    return _Result(f"{start + first}/{start + last}", description)


def _century_desc(number: int, qual: str | None) -> str:
    word = _QUALIFIERS.get(qual, "") if qual else ""
    prefix = {"early": "early ", "mid": "mid-", "late": "late "}.get(word, "")
    return f"the {prefix}{ordinal_en(number)} century"


def _century(m: re.Match[str], ctx: _Context) -> _Outcome:
    number = number_from_word(m.group("cword") or m.group("cnum"))
    if number is None or not 1 <= number <= 30:
        return False
    qual = _group(m, "qual")
    first = (number - 1) * 100
    word = _QUALIFIERS.get(qual, "") if qual else ""
    low, high = {"early": (0, 29), "mid": (35, 65), "late": (70, 99)}.get(word, (0, 99))
    return _Result(f"{first + low:04d}/{first + high:04d}", _century_desc(number, qual))


def _anniversary(m: re.Match[str], ctx: _Context) -> _Outcome:
    raw = m.group("n") or m.group("nw") or m.group("o") or m.group("ow")
    years = number_from_word(raw)
    if years is None or not 1 <= years <= 1000:
        return False
    if ctx.ref is None:
        return None
    base = ctx.ref.year - years
    return _Result(f"{base:04d}", f"{ordinal_en(years)} anniversary: {base} → {ctx.ref.year}")


def _ago(m: re.Match[str], ctx: _Context) -> _Outcome:
    raw = m.group("n").lower()
    amount = 1 if raw in ("een", "één") else number_from_word(raw)
    if amount is None:
        return False
    if ctx.ref is None:
        return None
    ref = ctx.ref
    unit = m.group("unit").lower()
    if unit in ("jaar", "jaren"):
        year = ref.year - amount
        return _Result(f"{year:04d}", f"{amount} years before {ref.year}: {year}")
    if unit in ("maand", "maanden"):
        if ref.month is None:
            return _Result(f"{ref.year:04d}", f"{amount} months before {ref.describe()}")
        year, month = _shift_month(ref.year, ref.month, -amount)
        return _Result(
            f"{year:04d}-{month:02d}",
            f"{amount} months before {ref.describe()}: {_month_desc(year, month)}",
        )
    days = amount * (7 if unit in ("week", "weken") else 1)
    today = _full(ref)
    if today is not None:
        when = today - timedelta(days=days)
        return _Result(when.isoformat(), _day_desc(when))
    if ref.month is None:
        return _Result(f"{ref.year:04d}", f"shortly before {ref.describe()}")
    # Only the month is known: count back from its middle.
    when = date(ref.year, ref.month, 15) - timedelta(days=days)
    month_desc = _month_desc(when.year, when.month)
    return _Result(f"{when.year:04d}-{when.month:02d}", f"about {month_desc}")


_ANY_APOS = f"[{_APOS}]"

_RULES: tuple[tuple[re.Pattern[str], _Handler], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), handler)
    for pattern, handler in (
        (
            rf"(?:(?P<lead>tussen|van)\s+)?(?P<d1>\d{{1,2}})(?:\s+(?P<month1>{_MONTH_RE}))?"
            rf"\s*(?P<joiner>en|tot\s+en\s+met|tot|t/m|-|–)\s*(?P<d2>\d{{1,2}})"
            rf"\s+(?P<month>{_MONTH_RE})(?:\s+(?P<year>{_YEAR_RE}))?{_END}",
            _day_range,
        ),
        (
            rf"(?:(?P<lead>{_LEAD_RE}|op)\s+)?(?:(?P<wd>{_WEEKDAY_RE})\s+)?"
            rf"(?P<dnum>\d{{1,2}})(?:e|de|ste)?\s+(?P<month>{_MONTH_RE})"
            rf"(?:\s+(?P<year>{_YEAR_RE}))?{_END}",
            _day_month,
        ),
        (
            r"(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
            r"|(?P<nd>\d{1,2})[-/.](?P<nm>\d{1,2})[-/.](?P<ny>\d{4}))(?!\w|[-/.]\d)",
            _numeric_date,
        ),
        (
            rf"(?:(?P<dir>volgende|komende|aanstaande|vorige|afgelopen)\s+)?"
            rf"(?P<day>{_WEEKDAY_RE})(?:avond|ochtend|middag|nacht|morgen)?{_END}",
            _weekday,
        ),
        (_alternation(_RELATIVE_DAYS) + _END, _relative_day),
        (
            rf"(?:(?P<qual>{_QUAL_RE}|later|eerder)\s+)?"
            rf"(?P<det>deze|dit|vorige|vorig|volgende|volgend|komende|komend|afgelopen)\s+"
            rf"(?P<unit>week|maand|jaar|eeuw){_END}",
            _period,
        ),
        (
            rf"(?:(?P<lead>{_LEAD_RE})\s+)?(?:(?P<qual>{_QUAL_RE})[\s-]+)?"
            rf"(?:(?P<rel1>vorige?|volgende?|komende?|dit)\s+jaar\s+)?"
            rf"(?:(?P<dir>komende|volgende|afgelopen|vorige)\s+)?"
            rf"(?P<month>{_MONTH_RE})"
            rf"(?:\s+(?:(?P<year>{_YEAR_RE})|(?P<rel2>vorige?|volgende?|komende?|dit)\s+jaar))?"
            rf"{_END}",
            _month,
        ),
        (
            rf"(?:(?P<lead>{_LEAD_RE})\s+(?:het\s+jaar\s+)?|(?P<qual>{_QUAL_RE})[\s-]+"
            rf"|het\s+jaar\s+)(?P<year>{_YEAR_RE}){_END}",
            _year,
        ),
        (
            rf"(?:(?P<qual>{_QUAL_RE})[\s-]+)?(?:de\s+)?jaren\s+"
            rf"(?:(?P<dword>{_DECADE_RE})|{_ANY_APOS}?(?P<dnum>\d0)|(?P<full>1[0-9]{{3}}|20[0-9]{{2}}))"
            rf"(?:\s+van\s+de\s+(?P<century>vorige|deze|{_ORD_RE}|\d{{1,2}}(?:e|de|ste))\s+eeuw)?"
            rf"{_END}",
            _decade,
        ),
        (
            rf"(?:(?P<qual>{_QUAL_RE})[\s-]+)?(?:de\s+)?"
            rf"(?:(?P<cword>{_ORD_RE})|(?P<cnum>\d{{1,2}})(?:e|de|ste))\s+eeuw{_END}",
            _century,
        ),
        (
            rf"(?:(?P<n>\d{{1,3}})\s?-?\s?|(?P<nw>{_CARD_RE}))jarige?\s+"
            rf"(?:jubileum|bestaan|huwelijksjubileum|huwelijk|herdenking|verjaardag){_END}"
            rf"|(?:(?P<o>\d{{1,3}})(?:e|de|ste)|(?P<ow>{_ORD_RE}))\s+"
            rf"(?:verjaardag|jubileum|herdenking|sterfdag|geboortedag|jaardag|gedenkdag|"
            rf"verjaar|bestaansjaar){_END}",
            _anniversary,
        ),
        (
            rf"(?P<n>\d{{1,4}}|{_CARD_RE})\s+(?P<unit>jaren|jaar|maanden|maand|weken|week|"
            rf"dagen|dag)\s+geleden{_END}",
            _ago,
        ),
    )
)

# A DATE entity whose text no rule covers may still be a bare month, year or weekday.
_BARE_MONTH = re.compile(rf"(?P<month>{_MONTH_RE})(?:\s+(?P<year>{_YEAR_RE}))?", re.IGNORECASE)
_BARE_YEAR = re.compile(rf"(?P<year>{_YEAR_RE})")
_ISO_PART = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_RESOLVED = re.compile(rf"{_ISO_PART}(?:/{_ISO_PART})?")


# ---------------------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    result: _Result | None
    from_rule: bool


def _checked(result: _Result | None) -> _Result | None:
    """Drops results that are not ISO (a negative year from an implausible article date)."""
    if result is None or _RESOLVED.fullmatch(result.resolved) is None:
        return None
    return result


def _boundaries(analysed: AnalysedArticle) -> tuple[list[int], set[int]]:
    text = analysed.article.text
    spans = [(t.start, t.end) for t in analysed.tokens if 0 <= t.start < t.end <= len(text)]
    if not spans:
        spans = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    # Only tokens opening with a letter, digit or apostrophe can start an expression.
    starts = sorted({s for s, _ in spans if text[s].isalnum() or text[s] in _APOS})
    return starts, {e for _, e in spans}


def _rule_candidates(analysed: AnalysedArticle, ctx: _Context) -> list[_Candidate]:
    starts, ends = _boundaries(analysed)
    found: list[_Candidate] = []
    for pattern, handler in _RULES:
        for start in starts:
            m = pattern.match(ctx.text, start)
            if m is None or m.end() not in ends:
                continue
            try:
                outcome = handler(m, ctx)
            except (ValueError, OverflowError):  # arithmetic beyond year 1 or 9999
                outcome = None
            if outcome is False:
                continue
            result = _checked(outcome if isinstance(outcome, _Result) else None)
            found.append(_Candidate(m.start(), m.end(), result, True))
    return found


def _bare_entity_result(text: str, ctx: _Context, start: int, end: int) -> _Result | None:
    text = text.strip()
    m = _BARE_MONTH.fullmatch(text)
    if m is not None:
        month = _MONTHS[m.group("month").lower()]
        if m.group("year"):
            year = int(m.group("year"))
        elif ctx.ref is None:
            return None
        else:
            year = _year_for_month(month, ctx.ref, ctx.future(start, end), None)
        return _Result(f"{year:04d}-{month:02d}", _month_desc(year, month))
    m = _BARE_YEAR.fullmatch(text)
    if m is not None:
        return _Result(m.group("year"), m.group("year"))
    return None


def _entity_candidates(
    analysed: AnalysedArticle, ctx: _Context, rules: list[_Candidate]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for entity in analysed.entities:
        if entity.category is not Category.DATE:
            continue
        start, end = entity.start, entity.end
        if not 0 <= start < end <= len(ctx.text):
            continue
        inside = [c for c in rules if start <= c.start and c.end <= end and c.result is not None]
        if inside:
            result = max(inside, key=lambda c: (c.end - c.start, -c.start)).result
        else:
            result = _checked(_bare_entity_result(ctx.text[start:end], ctx, start, end))
        found.append(_Candidate(start, end, result, False))
    return found


def find_time_expressions(analysed: AnalysedArticle) -> tuple[TimeExpression, ...]:
    """Time expressions in the article, sorted by start and non-overlapping.

    Rule matches and the pipeline's DATE entities compete; the longer span wins and a rule
    wins a tie. Relative expressions are resolved only when the article has a date.
    """
    tokens = analysed.tokens
    next_pos = {a.end: b.pos for a, b in pairwise(tokens)}
    ctx = _Context(analysed.article.text, analysed.article.date, next_pos)
    rules = _rule_candidates(analysed, ctx)
    candidates = rules + _entity_candidates(analysed, ctx, rules)
    candidates.sort(key=lambda c: (-(c.end - c.start), not c.from_rule, c.start))
    taken: list[_Candidate] = []
    for candidate in candidates:
        if all(candidate.end <= t.start or t.end <= candidate.start for t in taken):
            taken.append(candidate)
    taken.sort(key=lambda c: c.start)
    return tuple(
        TimeExpression(
            start=c.start,
            end=c.end,
            text=ctx.text[c.start:c.end],
            resolved=c.result.resolved if c.result else None,
            description=c.result.description if c.result else None,
        )
        for c in taken
    )
