"""English wording of the core's structured values (notes' roles and dates, times), shared by the
report and the UI; the core itself keeps dates and statuses as data."""

from __future__ import annotations

from assistant.models import (
    MONTH_NAMES_EN,
    ArticleDate,
    Category,
    Fact,
    Note,
    RoleAtDate,
    RoleStatus,
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
        since = f" (since {note.began.describe()})" if note.began is not None else ""
        return f"under way at the article's date{since}"
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
