"""Date arithmetic against the article's date: which year, week or day an expression means."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from assistant.models import ArticleDate, TimeDirection

# The year of a month named without one ("in juli", "op 4 september"): the article's own month
# is the article's year. Other months are taken to be in the past (news mostly reports what
# happened): "in juli" in a September article is July of that year, "in november" November of
# the year before. When the sentence speaks of the future ("zal", "volgende", "gepland", ...)
# the nearest such month ahead is meant. "komende"/"volgende" before the month force the
# future, "afgelopen"/"vorige" the past.


def day_of(value: date) -> ArticleDate:
    return ArticleDate(value.year, value.month, value.day)


def full_date(ref: ArticleDate) -> date | None:
    """The article's date as a calendar day, or None when it names only a year or month."""
    if ref.month is None or ref.day is None:
        return None
    try:
        return date(ref.year, ref.month, ref.day)
    except ValueError:
        return None


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) `delta` months later (earlier when negative)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists in that month (of a leap year when the year is not known)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def year_for_month(month: int, ref: ArticleDate, future: bool,
                   direction: TimeDirection | None = None) -> int:
    """The year of a month named without a year (the rule above)."""
    if direction is TimeDirection.PREVIOUS:
        return ref.year if ref.month is not None and month < ref.month else ref.year - 1
    if direction is TimeDirection.NEXT:
        return ref.year if ref.month is not None and month > ref.month else ref.year + 1
    if ref.month is None or month == ref.month:
        return ref.year
    if future:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month < ref.month else ref.year - 1


def weekday_near(today: date, weekday: int, direction: TimeDirection | None) -> date:
    """The day with that weekday (0 = Monday): the coming one for NEXT, the one before today
    for PREVIOUS, else the latest one not after today (news reports what happened)."""
    if direction is TimeDirection.NEXT:
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if direction is TimeDirection.PREVIOUS:
        return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def week_of(today: date, offset: int) -> tuple[date, date]:
    """Monday and Sunday of the week `offset` weeks from today's."""
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
    return monday, monday + timedelta(days=6)


def days_before(ref: ArticleDate, days: int) -> ArticleDate:
    """The day `days` days before the article's date, as precisely as that date allows: from
    the middle of its month when it names no day, only its year when it names no month."""
    today = full_date(ref)
    if today is not None:
        return day_of(today - timedelta(days=days))
    if ref.month is None:
        return ArticleDate(ref.year)
    when = date(ref.year, ref.month, 15) - timedelta(days=days)
    return ArticleDate(when.year, when.month)


def latest_decade(decade: int, ref: ArticleDate) -> int:
    """The first year of the latest decade ending in `decade` (0, 10, ... 90) that began
    no later than the article's year: 'de jaren tachtig' in 2023 is 1980, 'jaren tien' 2010."""
    start = (ref.year // 100) * 100 + decade
    return start if start <= ref.year else start - 100


# Parts of a decade and of a century: 'begin jaren vijftig' 1950–1953, 'eind' 1957–1959.
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
CENTURY_PARTS = {"early": (0, 29), "mid": (35, 65), "late": (70, 99)}
