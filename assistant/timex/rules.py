"""The Dutch patterns of time expressions and what each match means, as a TimeValue."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from assistant.models import (
    ArticleDate,
    TimeDirection,
    TimeKind,
    TimeLead,
    TimeQualifier,
    TimeUnit,
    TimeValue,
)
from assistant.timex import resolution
from assistant.timex.numbers import (
    CARDINAL_PATTERN,
    DECADE_PATTERN,
    DECADES,
    ORDINAL_PATTERN,
    number_from_word,
    ordinal,
)

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
WEEKDAYS: dict[str, int] = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
    "zaterdag": 5, "zondag": 6,
}
QUALIFIERS: dict[str, TimeQualifier] = {
    "begin": TimeQualifier.EARLY, "half": TimeQualifier.MID, "medio": TimeQualifier.MID,
    "midden": TimeQualifier.MID, "halverwege": TimeQualifier.MID, "eind": TimeQualifier.LATE,
    "einde": TimeQualifier.LATE, "later": TimeQualifier.LATER, "eerder": TimeQualifier.EARLIER,
}
LEADS: dict[str, TimeLead] = {
    "sinds": TimeLead.SINCE, "sedert": TimeLead.SINCE, "vanaf": TimeLead.FROM,
    "tot": TimeLead.UNTIL, "na": TimeLead.AFTER, "voor": TimeLead.BEFORE,
    "rond": TimeLead.AROUND, "omstreeks": TimeLead.AROUND,
}  # "in" and "op" add nothing
DIRECTIONS: dict[str, TimeDirection] = {
    "vorige": TimeDirection.PREVIOUS, "vorig": TimeDirection.PREVIOUS,
    "afgelopen": TimeDirection.PREVIOUS, "deze": TimeDirection.THIS, "dit": TimeDirection.THIS,
    "volgende": TimeDirection.NEXT, "volgend": TimeDirection.NEXT,
    "komende": TimeDirection.NEXT, "komend": TimeDirection.NEXT,
    "aanstaande": TimeDirection.NEXT,
}
OFFSETS = {TimeDirection.PREVIOUS: -1, TimeDirection.THIS: 0, TimeDirection.NEXT: 1}
RELATIVE_DAYS: dict[str, int] = {
    "vandaag": 0, "gisteren": -1, "morgen": 1, "eergisteren": -2, "overmorgen": 2,
    "vanavond": 0, "vanochtend": 0, "vanmorgen": 0, "vanmiddag": 0, "vannacht": 0,
    "gisteravond": -1, "gisterochtend": -1, "gistermiddag": -1, "gisternacht": -1,
    "morgenochtend": 1, "morgenavond": 1, "morgenmiddag": 1,
}
AGO_UNITS: dict[str, TimeUnit] = {
    "jaar": TimeUnit.YEAR, "jaren": TimeUnit.YEAR, "maand": TimeUnit.MONTH,
    "maanden": TimeUnit.MONTH, "week": TimeUnit.WEEK, "weken": TimeUnit.WEEK,
    "dag": TimeUnit.DAY, "dagen": TimeUnit.DAY,
}
PERIOD_UNITS: dict[str, TimeKind] = {
    "week": TimeKind.WEEK, "maand": TimeKind.MONTH, "jaar": TimeKind.YEAR,
    "eeuw": TimeKind.CENTURY,
}

# Words that put the sentence in the future, for the year of a month named without one.
FUTURE_CUES = re.compile(
    r"(?<!\w)(?:zal|zullen|zult|zul|volgende?|komende?|aanstaande|gepland|plant|verwacht)(?!\w)",
    re.IGNORECASE,
)
APOSTROPHES = "'’‘`"
# Before "morgen", these make it "the morning", not tomorrow: "de hele morgen", "'s morgens".
NOT_TOMORROW = re.compile(
    rf"(?<!\w)(?:de|die|deze|elke|iedere|een|[{APOSTROPHES}]s|zo[{APOSTROPHES}]n|goede|hele|gehele|"
    r"zelfde|volgende|"
    r"vorige|andere)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may look at besides its match: the text, the article's date, and the part of
    speech of the token after each token end offset."""

    text: str
    ref: ArticleDate | None
    next_pos: dict[int, str]

    def future(self, start: int, end: int) -> bool:
        """True when the sentence around [start, end) speaks of the future."""
        left = max(self.text.rfind(c, 0, start) for c in ".!?\n") + 1
        rights = [i for i in (self.text.find(c, end) for c in ".!?\n") if i >= 0]
        right = min(rights, default=len(self.text))
        return FUTURE_CUES.search(self.text, left, right) is not None


# A rule turns its match into a value (unresolved when the article's date is needed and
# missing), or None: the match is not a time expression after all.
Rule = Callable[[re.Match[str], Context], TimeValue | None]


def _word(m: re.Match[str], group: str) -> str | None:
    value = m.group(group)
    return value.lower() if value is not None else None


def _qualifier(m: re.Match[str]) -> TimeQualifier | None:
    word = _word(m, "qual") or (_word(m, "qual2") if "qual2" in m.re.groupindex else None)
    return QUALIFIERS[word] if word is not None else None


def _direction(word: str | None) -> TimeDirection | None:
    return DIRECTIONS[word] if word is not None else None


def _resolved(value: TimeValue, first: ArticleDate, last: ArticleDate | None = None,
              ref: ArticleDate | None = None) -> TimeValue:
    return replace(value, first=first, last=last or first, reference=ref)


def weekday(m: re.Match[str], ctx: Context) -> TimeValue | None:
    day = WEEKDAYS[m.group("day").lower()]
    direction = _direction(_word(m, "dir"))
    value = TimeValue(TimeKind.DAY, weekday=day, direction=direction)
    if ctx.ref is None:
        return value
    today = resolution.full_date(ctx.ref)
    if today is None:  # a day within the article's month or year
        return _resolved(value, ctx.ref, ref=ctx.ref)
    when = resolution.weekday_near(today, day, direction)
    return _resolved(value, resolution.day_of(when), ref=ctx.ref)


def relative_day(m: re.Match[str], ctx: Context) -> TimeValue | None:
    word = m.group(0).lower()
    if word == "morgen" and NOT_TOMORROW.search(ctx.text, max(0, m.start() - 12),
                                                m.start()) is not None:
        return None
    offset = RELATIVE_DAYS[word]
    direction = (TimeDirection.PREVIOUS if offset < 0 else
                 TimeDirection.NEXT if offset > 0 else TimeDirection.THIS)
    value = TimeValue(TimeKind.DAY, direction=direction)
    if ctx.ref is None:
        return value
    today = resolution.full_date(ctx.ref)
    if today is None:
        return _resolved(value, ctx.ref, ref=ctx.ref)
    return _resolved(value, resolution.day_of(today + timedelta(days=offset)), ref=ctx.ref)


def period(m: re.Match[str], ctx: Context) -> TimeValue | None:
    """deze/vorige/volgende week, maand, jaar, eeuw (with 'begin', 'later'...)."""
    direction = DIRECTIONS[m.group("det").lower()]
    offset = OFFSETS[direction]
    kind = PERIOD_UNITS[m.group("unit").lower()]
    value = TimeValue(kind, qualifier=_qualifier(m), direction=direction)
    ref = ctx.ref
    if ref is None:
        return value
    if kind is TimeKind.YEAR:
        return _resolved(value, ArticleDate(ref.year + offset), ref=ref)
    if kind is TimeKind.CENTURY:
        first, last = century_years(ref.year // 100 + offset + 1, value.qualifier)
        return _resolved(value, ArticleDate(first), ArticleDate(last), ref)
    if kind is TimeKind.MONTH:
        if ref.month is None:  # a month within the article's year
            return _resolved(value, ArticleDate(ref.year), ref=ref)
        year, month = resolution.shift_month(ref.year, ref.month, offset)
        return _resolved(value, ArticleDate(year, month), ref=ref)
    today = resolution.full_date(ref)
    if today is None:  # a week within the article's month or year
        return _resolved(value, ref, ref=ref)
    monday, sunday = resolution.week_of(today, offset)
    return _resolved(value, resolution.day_of(monday), resolution.day_of(sunday), ref)


def month(m: re.Match[str], ctx: Context) -> TimeValue | None:
    # "vorig jaar in augustus": the lead and qualifier may follow the relative year.
    lead, qualifier = _word(m, "lead") or _word(m, "lead2"), _qualifier(m)
    direction_word, relative_year = _word(m, "dir"), _word(m, "rel1") or _word(m, "rel2")
    explicit_year = m.group("year")
    if not (lead or qualifier or direction_word or relative_year or explicit_year):
        return None  # a bare month name ("Augustus", "mei") is too ambiguous on its own
    number = MONTHS[m.group("month").lower()]
    value = TimeValue(TimeKind.MONTH, qualifier=qualifier, lead=LEADS.get(lead or ""),
                      direction=_direction(direction_word or relative_year))
    if explicit_year is not None:
        return _resolved(value, ArticleDate(int(explicit_year), number))
    if ctx.ref is None:
        return value
    if relative_year is not None:
        year = ctx.ref.year + OFFSETS[DIRECTIONS[relative_year]]
    else:
        year = resolution.year_for_month(number, ctx.ref, ctx.future(m.start(), m.end()),
                                         value.direction)
    return _resolved(value, ArticleDate(year, number), ref=ctx.ref)


def day_month(m: re.Match[str], ctx: Context) -> TimeValue | None:
    day, number = int(m.group("dnum")), MONTHS[m.group("month").lower()]
    explicit_year = int(m.group("year")) if m.group("year") else None
    if not resolution.valid_day(explicit_year, number, day):
        return None
    named = _word(m, "wd")
    value = TimeValue(TimeKind.DAY, lead=LEADS.get(_word(m, "lead") or ""),
                      weekday=WEEKDAYS[named] if named else None)
    if explicit_year is not None:
        return _resolved(value, ArticleDate(explicit_year, number, day))
    if ctx.ref is None:
        return value
    year = resolution.year_for_month(number, ctx.ref, ctx.future(m.start(), m.end()))
    if not resolution.valid_day(year, number, day):
        return None  # 29 februari in a year that has none
    return _resolved(value, ArticleDate(year, number, day), ref=ctx.ref)


def day_range(m: re.Match[str], ctx: Context) -> TimeValue | None:
    if m.group("joiner").lower() == "en" and _word(m, "lead") != "tussen":
        return None  # "13 en 14 soldaten"; only "tussen 10 en 13 september" is a range
    first, last = int(m.group("d1")), int(m.group("d2"))
    month2 = MONTHS[m.group("month").lower()]
    month1 = MONTHS[m.group("month1").lower()] if m.group("month1") else month2
    if not (resolution.valid_day(None, month1, first) and resolution.valid_day(None, month2, last)):
        return None
    if (month1, first) >= (month2, last) and month1 <= month2:
        return None
    explicit_year = int(m.group("year")) if m.group("year") else None
    value = TimeValue(TimeKind.RANGE)
    if explicit_year is not None:
        year = explicit_year
    elif ctx.ref is None:
        return value
    else:
        year = resolution.year_for_month(month2, ctx.ref, ctx.future(m.start(), m.end()))
    year1 = year if month1 <= month2 else year - 1  # "van 30 december tot 2 januari"
    if not (resolution.valid_day(year1, month1, first)
            and resolution.valid_day(year, month2, last)):
        return None  # 29 februari in a year that has none
    return _resolved(value, ArticleDate(year1, month1, first), ArticleDate(year, month2, last),
                     None if explicit_year is not None else ctx.ref)


def numeric_date(m: re.Match[str], ctx: Context) -> TimeValue | None:
    if m.group("iy"):
        year, number, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        year, number, day = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
    if not resolution.valid_day(year, number, day):
        return None
    return _resolved(TimeValue(TimeKind.DAY), ArticleDate(year, number, day))


def year(m: re.Match[str], ctx: Context) -> TimeValue | None:
    if ctx.next_pos.get(m.end()) in ("NOUN", "ADJ"):
        return None  # "in 1500 dorpen": a number of things, not a year
    value = TimeValue(TimeKind.YEAR, qualifier=_qualifier(m),
                      lead=LEADS.get(_word(m, "lead") or ""))
    return _resolved(value, ArticleDate(int(m.group("year"))))


def _century_number(word: str) -> int | None:
    """19 from 'negentiende', '19e', '19de' or '19ste'."""
    digits = word.rstrip("estd")
    return int(digits) if digits.isdigit() else ordinal(word)


def century_years(number: int, qualifier: TimeQualifier | None) -> tuple[int, int]:
    """First and last year of the (part of the) century: the 19th is 1800–1899."""
    low, high = resolution.CENTURY_PARTS.get(qualifier.value if qualifier else "", (0, 99))
    return (number - 1) * 100 + low, (number - 1) * 100 + high


def decade(m: re.Match[str], ctx: Context) -> TimeValue | None:
    qualifier = _qualifier(m)
    value = TimeValue(TimeKind.DECADE, qualifier=qualifier)
    low, high = resolution.DECADE_PARTS.get(qualifier.value if qualifier else "", (0, 9))
    if m.group("full"):  # "de jaren 1950"
        start = int(m.group("full"))
        if start % 10:
            return None
        return _resolved(value, ArticleDate(start + low), ArticleDate(start + high))
    word = m.group("dword")
    tens = DECADES[word.lower()] if word else int(m.group("dnum"))
    century = _word(m, "century")
    if century is not None and century not in DIRECTIONS:  # "van de twintigste eeuw"
        number = _century_number(century)
        if number is None or not 1 <= number <= 30:
            return None
        start = (number - 1) * 100 + tens
        return _resolved(value, ArticleDate(start + low), ArticleDate(start + high))
    if ctx.ref is None:
        return value
    if century is not None:  # "van de vorige eeuw", "van deze eeuw"
        start = (ctx.ref.year // 100 + OFFSETS[DIRECTIONS[century]]) * 100 + tens
    else:
        start = resolution.latest_decade(tens, ctx.ref)
    return _resolved(value, ArticleDate(start + low), ArticleDate(start + high), ctx.ref)


def century(m: re.Match[str], ctx: Context) -> TimeValue | None:
    word = m.group("cword") or m.group("cnum")
    number = _century_number(word)
    if number is None or not 1 <= number <= 30:
        return None
    value = TimeValue(TimeKind.CENTURY, qualifier=_qualifier(m))
    first, last = century_years(number, value.qualifier)
    return _resolved(value, ArticleDate(first), ArticleDate(last))


def anniversary(m: re.Match[str], ctx: Context) -> TimeValue | None:
    years = number_from_word(m.group("n") or m.group("nw") or m.group("o") or m.group("ow"))
    if years is None or not 1 <= years <= 1000:
        return None
    value = TimeValue(TimeKind.ANNIVERSARY, amount=years)
    if ctx.ref is None:
        return value
    return _resolved(value, ArticleDate(ctx.ref.year - years), ref=ctx.ref)


def ago(m: re.Match[str], ctx: Context) -> TimeValue | None:
    amount = number_from_word(m.group("n"))
    if amount is None:
        return None
    unit = AGO_UNITS[m.group("unit").lower()]
    value = TimeValue(TimeKind.AGO, direction=TimeDirection.PREVIOUS, amount=amount, unit=unit)
    ref = ctx.ref
    if ref is None:
        return value
    if unit is TimeUnit.YEAR:
        return _resolved(value, ArticleDate(ref.year - amount), ref=ref)
    if unit is TimeUnit.MONTH:
        if ref.month is None:
            return _resolved(value, ArticleDate(ref.year), ref=ref)
        year, number = resolution.shift_month(ref.year, ref.month, -amount)
        return _resolved(value, ArticleDate(year, number), ref=ref)
    days = amount * (7 if unit is TimeUnit.WEEK else 1)
    return _resolved(value, resolution.days_before(ref, days), ref=ref)


def bare_date(text: str, ctx: Context, start: int, end: int) -> TimeValue | None:
    """A pipeline's DATE entity that no rule reads may still be a bare month or year."""
    text = text.strip()
    m = BARE_MONTH.fullmatch(text)
    if m is not None:
        number = MONTHS[m.group("month").lower()]
        value = TimeValue(TimeKind.MONTH)
        if m.group("year"):
            return _resolved(value, ArticleDate(int(m.group("year")), number))
        if ctx.ref is None:
            return value
        year = resolution.year_for_month(number, ctx.ref, ctx.future(start, end))
        return _resolved(value, ArticleDate(year, number), ref=ctx.ref)
    if BARE_YEAR.fullmatch(text) is not None:
        return _resolved(TimeValue(TimeKind.YEAR), ArticleDate(int(text)))
    return None


def _either(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first (used at import only: not mutated)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # pragma: no mutate


_MONTH = _either(MONTHS)
_WEEKDAY = _either(WEEKDAYS)
_YEAR = r"1[0-9]{3}|20[0-9]{2}"
_QUAL = "begin|half|medio|midden|halverwege|einde|eind"
_LEAD = "in|sinds|sedert|vanaf|tot|na|voor|rond|omstreeks"
_END = r"(?!\w)"

# In the order they are tried; the longest match over the whole article wins.
RULES: tuple[tuple[re.Pattern[str], Rule], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), rule) for pattern, rule in (
        (rf"(?:(?P<lead>tussen|van)\s+)?(?P<d1>\d{{1,2}})(?:\s+(?P<month1>{_MONTH}))?"
         rf"\s*(?P<joiner>en|tot\s+en\s+met|tot|t/m|-|–)\s*(?P<d2>\d{{1,2}})"
         rf"\s+(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?{_END}", day_range),
        (rf"(?:(?P<lead>{_LEAD}|op)\s+)?(?:(?P<wd>{_WEEKDAY})\s+)?"
         rf"(?P<dnum>\d{{1,2}})(?:e|de|ste)?\s+(?P<month>{_MONTH})"
         rf"(?:\s+(?P<year>{_YEAR}))?{_END}", day_month),
        (r"(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
         r"|(?P<nd>\d{1,2})[-/.](?P<nm>\d{1,2})[-/.](?P<ny>\d{4}))(?!\w|[-/.]\d)", numeric_date),
        (rf"(?:(?P<dir>volgende|komende|aanstaande|vorige|afgelopen)\s+)?"
         rf"(?P<day>{_WEEKDAY})(?:avond|ochtend|middag|nacht|morgen)?{_END}", weekday),
        (f"(?:{_either(RELATIVE_DAYS)}){_END}", relative_day),
        (rf"(?:(?P<qual>{_QUAL}|later|eerder)\s+)?"
         rf"(?P<det>deze|dit|vorige|vorig|volgende|volgend|komende|komend|afgelopen)\s+"
         rf"(?P<unit>week|maand|jaar|eeuw){_END}", period),
        (rf"(?:(?P<lead>{_LEAD})\s+)?(?:(?P<qual>{_QUAL})[\s-]+)?"
         rf"(?:(?P<rel1>vorige?|volgende?|komende?|dit)\s+jaar\s+"
         rf"(?:(?P<lead2>{_LEAD})\s+)?(?:(?P<qual2>{_QUAL})[\s-]+)?)?"
         rf"(?:(?P<dir>komende|volgende|afgelopen|vorige)\s+)?(?P<month>{_MONTH})"
         rf"(?:\s+(?:(?P<year>{_YEAR})|(?P<rel2>vorige?|volgende?|komende?|dit)\s+jaar))?{_END}",
         month),
        (rf"(?:(?P<lead>{_LEAD})\s+(?:het\s+jaar\s+)?|(?P<qual>{_QUAL})[\s-]+|het\s+jaar\s+)"
         rf"(?P<year>{_YEAR}){_END}", year),
        (rf"(?:(?P<qual>{_QUAL})[\s-]+)?(?:de\s+)?jaren\s+(?:(?P<dword>{DECADE_PATTERN})"
         rf"|[{APOSTROPHES}]?(?P<dnum>\d0)|(?P<full>{_YEAR}))"
         rf"(?:\s+van\s+(?:de\s+)?(?P<century>vorige|deze|{ORDINAL_PATTERN}|\d{{1,2}}(?:e|de|ste))"
         rf"\s+eeuw)?{_END}", decade),
        (rf"(?:(?P<qual>{_QUAL})[\s-]+)?(?:de\s+)?"
         rf"(?:(?P<cword>{ORDINAL_PATTERN})|(?P<cnum>\d{{1,2}})(?:e|de|ste))\s+eeuw{_END}",
         century),
        (rf"(?:(?P<n>\d{{1,3}})\s?-?\s?|(?P<nw>{CARDINAL_PATTERN}))jarige?\s+"
         rf"(?:jubileum|bestaan|huwelijksjubileum|huwelijk|herdenking|verjaardag){_END}"
         rf"|(?:(?P<o>\d{{1,3}})(?:e|de|ste)|(?P<ow>{ORDINAL_PATTERN}))\s+"
         rf"(?:verjaardag|jubileum|herdenking|sterfdag|geboortedag|jaardag|gedenkdag|"
         rf"verjaar|bestaansjaar){_END}", anniversary),
        (rf"(?P<n>\d{{1,4}}|{CARDINAL_PATTERN})\s+(?P<unit>jaren|jaar|maanden|maand|weken|week|"
         rf"dagen|dag)\s+geleden{_END}", ago),
    )
)
BARE_MONTH = re.compile(rf"(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?", re.IGNORECASE)
BARE_YEAR = re.compile(_YEAR)
