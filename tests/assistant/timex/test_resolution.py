"""Date arithmetic against the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.models import ArticleDate, TimeDirection
from assistant.timex import resolution

D = TimeDirection


@pytest.mark.parametrize(("ref", "expected"), [
    (ArticleDate(2023, 9, 6), date(2023, 9, 6)), (ArticleDate(2023, 9), None),
    (ArticleDate(2023), None), (ArticleDate(2023, 2, 30), None),
])
def test_full_date(ref: ArticleDate, expected: date | None) -> None:
    assert resolution.full_date(ref) == expected


@pytest.mark.parametrize(("year", "month", "delta", "expected"), [
    (2023, 9, 0, (2023, 9)), (2023, 9, -1, (2023, 8)), (2023, 1, -1, (2022, 12)),
    (2023, 12, 1, (2024, 1)), (2023, 9, -21, (2021, 12)), (2023, 9, 15, (2024, 12)),
])
def test_shift_month(year: int, month: int, delta: int, expected: tuple[int, int]) -> None:
    assert resolution.shift_month(year, month, delta) == expected


@pytest.mark.parametrize(("year", "month", "day", "valid"), [
    (2023, 1, 31, True), (2023, 4, 31, False), (2023, 4, 30, True), (2023, 2, 29, False),
    (2024, 2, 29, True), (None, 2, 29, True), (None, 2, 30, False), (2023, 1, 0, False),
    (2023, 0, 1, False), (2023, 13, 1, False), (2023, 12, 31, True), (1900, 2, 29, False),
])
def test_valid_day(year: int | None, month: int, day: int, valid: bool) -> None:
    assert resolution.valid_day(year, month, day) is valid


SEPTEMBER = ArticleDate(2023, 9)


@pytest.mark.parametrize(("month", "ref", "future", "direction", "year"), [
    (9, SEPTEMBER, False, None, 2023),  # the article's own month
    (9, SEPTEMBER, True, None, 2023),
    (7, SEPTEMBER, False, None, 2023),  # earlier this year
    (11, SEPTEMBER, False, None, 2022),  # news reports the past: last November
    (11, SEPTEMBER, True, None, 2023),  # "zal": the coming November
    (7, SEPTEMBER, True, None, 2024),
    (11, ArticleDate(2023), False, None, 2023),  # no month to compare with
    (11, ArticleDate(2023), True, None, 2023),
    (8, SEPTEMBER, False, D.PREVIOUS, 2023), (9, SEPTEMBER, False, D.PREVIOUS, 2022),
    (10, SEPTEMBER, False, D.PREVIOUS, 2022), (8, ArticleDate(2023), False, D.PREVIOUS, 2022),
    (10, SEPTEMBER, False, D.NEXT, 2023), (9, SEPTEMBER, False, D.NEXT, 2024),
    (8, SEPTEMBER, True, D.NEXT, 2024), (8, ArticleDate(2023), False, D.NEXT, 2024),
    (10, SEPTEMBER, True, D.THIS, 2023), (10, SEPTEMBER, False, D.THIS, 2022),
])
def test_year_for_month(month: int, ref: ArticleDate, future: bool,
                        direction: TimeDirection | None, year: int) -> None:
    assert resolution.year_for_month(month, ref, future, direction) == year


WEDNESDAY = date(2023, 9, 6)


@pytest.mark.parametrize(("weekday", "direction", "expected"), [
    (2, None, date(2023, 9, 6)), (0, None, date(2023, 9, 4)), (3, None, date(2023, 8, 31)),
    (2, D.NEXT, date(2023, 9, 13)), (3, D.NEXT, date(2023, 9, 7)), (1, D.NEXT, date(2023, 9, 12)),
    (2, D.PREVIOUS, date(2023, 8, 30)), (1, D.PREVIOUS, date(2023, 9, 5)),
    (3, D.PREVIOUS, date(2023, 8, 31)), (6, D.THIS, date(2023, 9, 3)),
])
def test_weekday_near(weekday: int, direction: TimeDirection | None, expected: date) -> None:
    assert resolution.weekday_near(WEDNESDAY, weekday, direction) == expected


@pytest.mark.parametrize(("today", "offset", "expected"), [
    (WEDNESDAY, 0, (date(2023, 9, 4), date(2023, 9, 10))),
    (WEDNESDAY, -1, (date(2023, 8, 28), date(2023, 9, 3))),
    (WEDNESDAY, 2, (date(2023, 9, 18), date(2023, 9, 24))),
    (date(2023, 9, 4), 0, (date(2023, 9, 4), date(2023, 9, 10))),
    (date(2023, 9, 10), 0, (date(2023, 9, 4), date(2023, 9, 10))),
])
def test_week_of(today: date, offset: int, expected: tuple[date, date]) -> None:
    assert resolution.week_of(today, offset) == expected


@pytest.mark.parametrize(("ref", "days", "expected"), [
    (ArticleDate(2023, 9, 6), 5, ArticleDate(2023, 9, 1)),
    (ArticleDate(2023, 9, 6), 7, ArticleDate(2023, 8, 30)),
    (ArticleDate(2023, 9), 14, ArticleDate(2023, 9)),  # counted from the 15th
    (ArticleDate(2023, 9), 15, ArticleDate(2023, 8)),
    (ArticleDate(2023, 1), 30, ArticleDate(2022, 12)),
    (ArticleDate(2023), 3, ArticleDate(2023)),
])
def test_days_before(ref: ArticleDate, days: int, expected: ArticleDate) -> None:
    assert resolution.days_before(ref, days) == expected


@pytest.mark.parametrize(("decade", "year", "start"), [
    (50, 2023, 1950), (20, 2023, 2020), (30, 2023, 1930), (0, 2023, 2000), (10, 2023, 2010),
    (20, 2020, 2020), (90, 1995, 1990), (0, 1995, 1900), (60, 1959, 1860),
])
def test_latest_decade(decade: int, year: int, start: int) -> None:
    assert resolution.latest_decade(decade, ArticleDate(year)) == start


def test_day_of() -> None:
    assert resolution.day_of(date(2023, 9, 6)) == ArticleDate(2023, 9, 6)
