"""Prints the offline knowledge base's coverage and the entries that may be stale.

An entry is stale when its newest date (fact, role start or end, `checked`) is more than a year
before today: it may have missed what happened since. Run it as `make kb-report`.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.errors import DataError  # noqa: E402
from assistant.knowledge.base import KnowledgeEntry, load_curated  # noqa: E402
from assistant.knowledge.roles import first_day, last_day  # noqa: E402
from assistant.models import ArticleDate  # noqa: E402
from assistant.resources import resource_path  # noqa: E402

STALE_AFTER_DAYS = 365
YEARS = range(2000, 2027)


def newest_date(entry: KnowledgeEntry) -> ArticleDate | None:
    """The latest date the entry speaks of or was checked on."""
    dates = [fact.date for fact in entry.facts]
    for role in entry.roles:
        dates.extend(d for d in (role.start, role.end) if d is not None)
    if entry.checked is not None:
        dates.append(entry.checked)
    return max(dates, key=last_day) if dates else None


def stale(entries: Sequence[KnowledgeEntry], today: datetime.date) -> list[KnowledgeEntry]:
    """Entries whose newest date lies more than a year before `today` (or that have none)."""
    limit = today - datetime.timedelta(days=STALE_AFTER_DAYS)
    result = []
    for entry in entries:
        newest = newest_date(entry)
        if newest is None or last_day(newest) < limit:
            result.append(entry)
    return result


def held_in(entry: KnowledgeEntry, year: int) -> bool:
    """Whether one of the entry's roles covers part of `year`."""
    for role in entry.roles:
        if role.start is None:
            continue
        if first_day(role.start).year <= year and (
            role.end is None or last_day(role.end).year >= year
        ):
            return True
    return False


def report(entries: Sequence[KnowledgeEntry], today: datetime.date, limit: int = 40) -> str:
    lines: list[str] = []
    kinds = Counter(e.category.value for e in entries)
    lines.append(f"entries: {len(entries)} ("
                 + ", ".join(f"{k} {n}" for k, n in kinds.most_common()) + ")")
    with_roles = sum(1 for e in entries if e.roles)
    complete = sum(1 for e in entries if e.roles_complete is not None)
    with_facts = sum(1 for e in entries if e.facts)
    facts = sum(len(e.facts) for e in entries)
    roles = sum(len(e.roles) for e in entries)
    short = sum(1 for e in entries if e.short_names)
    lines.append(f"with roles: {with_roles} ({roles} roles), with roles_complete: {complete}, "
                 f"with facts: {with_facts} ({facts} facts), with short names: {short}")
    countries = Counter(e.country or "none" for e in entries)
    lines.append("by country: " + ", ".join(f"{c} {n}" for c, n in countries.most_common(15)))
    people = [e for e in entries if e.roles]
    lines.append("entries holding a role, by year: " + ", ".join(
        f"{year} {sum(1 for e in people if held_in(e, year))}" for year in YEARS))
    old = stale(entries, today)
    lines.append(f"stale (newest fact, role or check older than {STALE_AFTER_DAYS} days "
                 f"before {today.isoformat()}): {len(old)}")
    for entry in sorted(old, key=lambda e: (newest_date(e) or ArticleDate(1000)).sort_key())[
        :limit
    ]:
        newest = newest_date(entry)
        lines.append(f"  {entry.id}: newest {newest.iso() if newest else 'none'}")
    if len(old) > limit:
        lines.append(f"  … and {len(old) - limit} more")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=None,
                        help="knowledge folder (default resources/knowledge)")
    parser.add_argument("--today", type=ArticleDate.parse, default=None,
                        help="the date to judge staleness at (YYYY-MM-DD; default today)")
    args = parser.parse_args(argv)
    folder = args.folder or resource_path("knowledge")
    today = first_day(args.today) if args.today else datetime.date.today()
    try:
        entries = load_curated(folder)
    except DataError as error:
        print(error.message, file=sys.stderr)
        return 1
    print(report(entries, today))
    return 0


if __name__ == "__main__":
    sys.exit(main())
