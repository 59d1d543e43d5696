"""English wording of the core's structured values (notes' roles and dates, times), shared by the
report and the UI; the core itself keeps dates and statuses as data."""

from __future__ import annotations

from datetime import date

from assistant.models import (
    MONTH_NAMES_EN,
    ArticleDate,
    Category,
    Fact,
    Note,
    RoleAtDate,
    RoleStatus,
    TimeExpression,
    TimeKind,
    TimeLead,
    TimeQualifier,
    TimeUnit,
    TimeValue,
    Timing,
)

UNDATED = "as of today; the article has no date"


def as_of_text(as_of: ArticleDate | None) -> str:
    """'as of September 2023, the article's date', or that the article has no date."""
    if as_of is None:
        return UNDATED
    return f"as of {as_of.describe()}, the article's date"


def years(start: ArticleDate | None, end: ArticleDate | None) -> str:
    """'(since 2012)', '(2000–2001)', '(2019)', '(until 2010)' or ''."""
    if start is None:
        return f"(until {end.year})" if end is not None else ""
    if end is None:
        return f"(since {start.year})"
    return f"({start.year})" if start.year == end.year else f"({start.year}–{end.year})"


def role_text(item: RoleAtDate) -> str:
    """One role as seen from the article's date. A role held then shows only its start: its end
    lay in the article's future."""
    role = item.role
    if item.status is RoleStatus.CURRENT:
        since = years(role.start, None)
        return f"{role.role} {since}" if since else role.role
    if item.status is RoleStatus.FORMER:
        span = years(role.start, role.end)
        return f"formerly {role.role} {span}" if span else f"formerly {role.role}"
    return f"not yet {role.role}"


def role_at_date(note: Note) -> str | None:
    """What the subject was at the article's date in one line ('at the time of this article
    (September 2023): President of Russia (since 2012)'); for events, where they stood."""
    if note.category is Category.EVENT:
        return event_text(note)
    if not note.roles:
        return None
    if note.as_of is None:
        prefix = f"{UNDATED}: "
    else:
        prefix = f"at the time of this article ({note.as_of.describe()}): "
    return prefix + "; ".join(role_text(item) for item in note.roles)


def date_range(start: ArticleDate, end: ArticleDate | None) -> str:
    """'10–13 September 2023', '31 October – 13 November 2021', '26 April 1986'."""
    if end is None or end == start:
        return start.describe()
    if start.year == end.year and start.month and end.month and start.day and end.day:
        if start.month == end.month:
            return f"{start.day}–{end.describe()}"
        return f"{start.day} {MONTH_NAMES_EN[start.month - 1]} – {end.describe()}"
    return f"{start.describe()} – {end.describe()}"


def event_text(note: Note) -> str | None:
    """Whether an event was past, under way or still to come at the article's date."""
    if note.timing is Timing.UPCOMING:
        return "still to come at the article's date"
    if note.timing is Timing.ONGOING:
        if note.began is not None:
            return f"ongoing since {note.began.describe()}"
        return "ongoing at the article's date"
    if note.timing is Timing.PAST:
        if note.began is not None:
            return f"took place {date_range(note.began, note.ended)}"
        return "past at the article's date"
    return None


def lifetime_text(note: Note) -> str | None:
    """'born 16 March 1959', 'born 1918, died 2013', 'founded 1948', 'founded 1991, dissolved
    2012' (only dates on or before the article's date are in the note)."""
    if note.category is Category.PERSON:
        words = ("born", "died")
    elif note.category in (Category.ORGANISATION, Category.GROUP):
        words = ("founded", "dissolved")
    else:
        return None
    parts = []
    if note.began is not None:
        parts.append(f"{words[0]} {note.began.describe()}")
    if note.ended is not None:
        parts.append(f"{words[1]} {note.ended.describe()}")
    return ", ".join(parts) or None


def fact_text(fact: Fact) -> str:
    return f"{fact.date.describe()}: {fact.text}"


def mentions_text(note: Note) -> str:
    count = len(note.mentions)
    return f"{count} mention{'s' if count != 1 else ''}"


def undated_line(note: Note) -> str | None:
    """For a note of an undated article with dated content but no role line (which says it
    itself): that it is as of today."""
    dated = note.facts or note.began or note.ended or note.timing
    if note.as_of is None and dated and not note.roles:
        return UNDATED
    return None


def note_lines(note: Note) -> list[str]:
    """A card's text lines, in order: name, international name, description, lifetime, roles
    or where an event stood, dated facts, mentions."""
    lines = [note.name]
    if note.international_name and note.international_name.casefold() != note.name.casefold():
        lines.append(note.international_name)
    if note.description:
        lines.append(note.description)
    for line in (lifetime_text(note), role_at_date(note), undated_line(note)):
        if line:
            lines.append(line)
    lines.extend(fact_text(fact) for fact in note.facts)
    lines.append(mentions_text(note))
    return lines


# --- time expressions ---------------------------------------------------------------------

WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_LEAD_WORDS = {TimeLead.SINCE: "since", TimeLead.FROM: "from", TimeLead.UNTIL: "until",
               TimeLead.BEFORE: "before", TimeLead.AFTER: "after", TimeLead.AROUND: "around"}
_UNIT_WORDS = {TimeUnit.DAY: "day", TimeUnit.WEEK: "week", TimeUnit.MONTH: "month",
               TimeUnit.YEAR: "year"}


def ordinal_en(n: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 11th, 21st, 70th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _qualified(qualifier: TimeQualifier | None, base: str) -> str:
    """'late August 2023', 'mid-2023', 'later in September 2023'."""
    if qualifier is None:
        return base
    if qualifier is TimeQualifier.MID:
        return f"mid-{base}"
    if qualifier in (TimeQualifier.EARLIER, TimeQualifier.LATER):
        return f"{qualifier.value} in {base}"
    return f"{qualifier.value} {base}"


def _part_of(qualifier: TimeQualifier | None) -> str:
    """'early ', 'mid-', 'late ' or '' before a decade or century."""
    if qualifier is TimeQualifier.MID:
        return "mid-"
    if qualifier in (TimeQualifier.EARLY, TimeQualifier.LATE):
        return f"{qualifier.value} "
    return ""


def _plural(amount: int, unit: TimeUnit) -> str:
    word = _UNIT_WORDS[unit]
    return f"{amount} {word}" if amount == 1 else f"{amount} {word}s"


def _day(value: TimeValue, first: ArticleDate) -> str:
    if first.day is None:  # the article's date names no day: a day in its month or year
        what = WEEKDAY_NAMES_EN[value.weekday] if value.weekday is not None else "day"
        return f"a {what} around {first.describe()}"
    if value.weekday is None:
        return first.describe()
    assert first.month is not None
    weekday = date(first.year, first.month, first.day).weekday()
    return f"{WEEKDAY_NAMES_EN[weekday]} {first.describe()}"


def _ago(value: TimeValue, first: ArticleDate) -> str:
    amount, unit, reference = value.amount or 0, value.unit or TimeUnit.DAY, value.reference
    since = reference.describe() if reference is not None else "the article's date"
    if unit is TimeUnit.YEAR:
        since = str(reference.year) if reference is not None else since
        return f"{_plural(amount, unit)} before {since}: {first.year}"
    if unit is TimeUnit.MONTH:
        if first.month is None:
            return f"{_plural(amount, unit)} before {since}"
        return f"{_plural(amount, unit)} before {since}: {first.describe()}"
    if first.day is not None:
        return first.describe()
    if first.month is not None:
        return f"about {first.describe()}"
    return f"shortly before {since}"


def time_text(value: TimeValue | None) -> str | None:
    """What a time expression means, in English ('late August 2023', 'the week of 4–10
    September 2023', '70th anniversary: 1953 → 2023'); None when it is not resolved."""
    if value is None or value.first is None or value.last is None:
        return None
    first, last, kind = value.first, value.last, value.kind
    if kind is TimeKind.DAY:
        text = _day(value, first)
    elif kind is TimeKind.RANGE:
        text = date_range(first, last)
    elif kind is TimeKind.WEEK:
        if first.day is None:
            text = f"a week around {first.describe()}"
        else:
            text = _qualified(value.qualifier, f"the week of {date_range(first, last)}")
    elif kind is TimeKind.MONTH:
        if first.month is None:
            text = f"a month around {first.year}"
        else:
            text = _qualified(value.qualifier, first.describe())
    elif kind is TimeKind.YEAR:
        text = _qualified(value.qualifier, str(first.year))
    elif kind is TimeKind.DECADE:
        text = f"the {_part_of(value.qualifier)}{first.year - first.year % 10}s"
    elif kind is TimeKind.CENTURY:
        text = f"the {_part_of(value.qualifier)}{ordinal_en(first.year // 100 + 1)} century"
    elif kind is TimeKind.ANNIVERSARY:
        since = f" → {value.reference.year}" if value.reference is not None else ""
        text = f"{ordinal_en(value.amount or 0)} anniversary: {first.year}{since}"
    else:
        text = _ago(value, first)
    lead = _LEAD_WORDS.get(value.lead) if value.lead is not None else None
    return f"{lead} {text}" if lead else text


def time_line(time: TimeExpression) -> str:
    """A time expression for the notes panel: 'in juli → July 2023'."""
    return f"{time.text} → {time_text(time.value) or time.resolved or 'not resolved'}"
