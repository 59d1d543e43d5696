"""What was true at the article's date: roles held, facts that had happened, events past, under
way or still to come. Dates of any precision count only when they are certain: "2023-09" is
after 2023-09-04 for nobody, so a fact of 2023-09-04 is not shown in an article of 2023-09."""

from __future__ import annotations

import calendar
import datetime

from assistant.knowledge.base import KnowledgeEntry, Period
from assistant.models import ArticleDate, Category, Fact, Role, RoleAtDate, RoleStatus, Timing

# Kinds that cannot be an article's subject before they existed (born, founded, first found).
EXISTENCE_KINDS = frozenset(
    {Category.PERSON, Category.ORGANISATION, Category.GROUP, Category.OTHER}
)


def first_day(date: ArticleDate) -> datetime.date:
    """The earliest day a year, month or day stands for."""
    return datetime.date(date.year, date.month or 1, date.day or 1)


def last_day(date: ArticleDate) -> datetime.date:
    """The latest day a year, month or day stands for."""
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return datetime.date(date.year, month, day)


def by(event: ArticleDate, when: ArticleDate) -> bool:
    """Whether `event` certainly lies on or before `when` (its last day ≤ when's first)."""
    return last_day(event) <= first_day(when)


def after(event: ArticleDate, when: ArticleDate) -> bool:
    """Whether `event` certainly lies after `when`."""
    return first_day(event) > last_day(when)


def today() -> ArticleDate:
    now = datetime.date.today()
    return ArticleDate(now.year, now.month, now.day)


def role_status(role: Role, when: ArticleDate) -> RoleStatus | None:
    """Where a role stood at `when`; None when its dates leave it uncertain."""
    if role.start is not None and after(role.start, when):
        return RoleStatus.NOT_YET
    if role.end is not None and last_day(role.end) < first_day(when):
        return RoleStatus.FORMER
    started = role.start is not None and by(role.start, when)
    if started and (role.end is None or after(role.end, when)):
        return RoleStatus.CURRENT
    return None


def covers(period: Period | None, when: ArticleDate) -> bool:
    """Whether `when` lies wholly inside `period`."""
    if period is None:
        return False
    return first_day(period.start) <= first_day(when) and last_day(when) <= last_day(period.end)


def roles_at(entry: KnowledgeEntry, when: ArticleDate) -> tuple[RoleAtDate, ...]:
    """The roles held at `when`; where the entry's role list is complete for `when`, also the
    latest role it had left ('formerly'), or, with none held, left or uncertain, the first to
    come ('not yet'). Outside that span nothing is said about roles not held: the list may lack
    them."""
    statuses = [(role, role_status(role, when)) for role in entry.roles]
    current = [role for role, status in statuses if status is RoleStatus.CURRENT]
    result = [RoleAtDate(role, RoleStatus.CURRENT) for role in current]
    if not covers(entry.roles_complete, when):
        return tuple(result)
    held = {role.role for role in current}
    # A former role has an end and a role to come a start (role_status says so).
    former = [(last_day(role.end), role) for role, status in statuses
              if status is RoleStatus.FORMER and role.role not in held and role.end is not None]
    if former:
        result.append(RoleAtDate(max(former, key=lambda pair: pair[0])[1], RoleStatus.FORMER))
    elif not current and all(status is not None for _, status in statuses):
        coming = [(first_day(role.start), role) for role, status in statuses
                  if status is RoleStatus.NOT_YET and role.start is not None]
        if coming:
            result.append(RoleAtDate(min(coming, key=lambda pair: pair[0])[1],
                                     RoleStatus.NOT_YET))
    return tuple(result)


def facts_at(entry: KnowledgeEntry, when: ArticleDate) -> tuple[tuple[Fact, ...], int]:
    """The facts that had certainly happened by `when`, and how many others were left out."""
    shown = tuple(fact for fact in entry.facts if by(fact.date, when))
    return shown, len(entry.facts) - len(shown)


def existed_at(entry: KnowledgeEntry, when: ArticleDate) -> bool:
    """False for a person not yet born, or an organisation, group or thing not yet founded or
    found, at `when`: the article cannot be about this entry."""
    if entry.category not in EXISTENCE_KINDS or entry.start is None:
        return True
    return not after(entry.start, when)


def event_timing(entry: KnowledgeEntry, when: ArticleDate) -> Timing | None:
    """Whether an event was past, under way or still to come at `when` (None: unknown, or a
    series: Wimbledon is neither under way nor past)."""
    if entry.recurring:
        return None
    start, end = entry.start, entry.end
    if start is None:
        if end is not None and last_day(end) < first_day(when):
            return Timing.PAST
        return None
    if after(start, when):
        return Timing.UPCOMING
    if end is not None and last_day(end) < first_day(when):
        return Timing.PAST
    if by(start, when) and (end is None or first_day(end) >= last_day(when)):
        return Timing.ONGOING
    return None


def lifetime_at(
    entry: KnowledgeEntry, when: ArticleDate
) -> tuple[ArticleDate | None, ArticleDate | None]:
    """Birth/founding/beginning and death/dissolution/end, each only when it lies by `when`."""
    began = entry.start if entry.start is not None and by(entry.start, when) else None
    ended = entry.end if entry.end is not None and by(entry.end, when) else None
    return began, ended
