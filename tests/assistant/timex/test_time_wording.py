"""The English wording of time values (a pure function of the value) and of the report's and
the notes panel's time lines."""

from __future__ import annotations

import pytest
from timex_helpers import FULL, MONTH, YEAR, only

from assistant.models import (
    ArticleDate,
    TimeDirection,
    TimeExpression,
    TimeKind,
    TimeLead,
    TimeQualifier,
    TimeUnit,
    TimeValue,
)
from assistant.report import time_to_json
from assistant.wording import ordinal_en, time_line, time_text

A = ArticleDate
Q = TimeQualifier
K = TimeKind


def v(kind: TimeKind, first: ArticleDate | None, last: ArticleDate | None = None,
      **fields: object) -> TimeValue:
    return TimeValue(kind, first, last or first, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "text"), [
    (v(K.DAY, A(2023, 9, 4)), "4 September 2023"),
    (v(K.DAY, A(2023, 9, 4), weekday=0), "Monday 4 September 2023"),
    (v(K.DAY, A(2023, 9, 3), weekday=5), "Sunday 3 September 2023"),  # the date's own day
    (v(K.DAY, A(2023, 9), weekday=4), "a Friday around September 2023"),
    (v(K.DAY, A(2023), weekday=6), "a Sunday around 2023"),
    (v(K.DAY, A(2023, 9)), "a day around September 2023"),
    (v(K.DAY, A(2023, 5, 3), lead=TimeLead.SINCE), "since 3 May 2023"),
    (v(K.RANGE, A(2023, 9, 10), A(2023, 9, 13)), "10–13 September 2023"),
    (v(K.RANGE, A(2023, 8, 30), A(2023, 9, 2)), "30 August – 2 September 2023"),
    (v(K.RANGE, A(2022, 12, 30), A(2023, 1, 2)), "30 December 2022 – 2 January 2023"),
    (v(K.WEEK, A(2023, 9, 4), A(2023, 9, 10)), "the week of 4–10 September 2023"),
    (v(K.WEEK, A(2023, 8, 28), A(2023, 9, 3), qualifier=Q.LATER),
     "later in the week of 28 August – 3 September 2023"),
    (v(K.WEEK, A(2023, 9)), "a week around September 2023"),
    (v(K.WEEK, A(2023), qualifier=Q.LATER), "a week around 2023"),
    (v(K.MONTH, A(2022, 2)), "February 2022"),
    (v(K.MONTH, A(2023, 8), qualifier=Q.LATE), "late August 2023"),
    (v(K.MONTH, A(2023, 8), qualifier=Q.EARLY), "early August 2023"),
    (v(K.MONTH, A(2023, 6), qualifier=Q.MID), "mid-June 2023"),
    (v(K.MONTH, A(2023, 9), qualifier=Q.LATER), "later in September 2023"),
    (v(K.MONTH, A(2023, 7), lead=TimeLead.UNTIL, qualifier=Q.LATE), "until late July 2023"),
    (v(K.MONTH, A(2023)), "a month around 2023"),
    (v(K.YEAR, A(2014), lead=TimeLead.SINCE), "since 2014"),
    (v(K.YEAR, A(2025), lead=TimeLead.FROM), "from 2025"),
    (v(K.YEAR, A(1900), lead=TimeLead.AROUND), "around 1900"),
    (v(K.YEAR, A(2020), lead=TimeLead.BEFORE), "before 2020"),
    (v(K.YEAR, A(2020), lead=TimeLead.AFTER), "after 2020"),
    (v(K.YEAR, A(2023), qualifier=Q.EARLIER), "earlier in 2023"),
    (v(K.YEAR, A(2021), qualifier=Q.MID), "mid-2021"),
    (v(K.YEAR, A(2022)), "2022"),
    (v(K.DECADE, A(1950), A(1959)), "the 1950s"),
    (v(K.DECADE, A(1950), A(1953), qualifier=Q.EARLY), "the early 1950s"),
    (v(K.DECADE, A(1964), A(1966), qualifier=Q.MID), "the mid-1960s"),
    (v(K.DECADE, A(1967), A(1969), qualifier=Q.LATE), "the late 1960s"),
    (v(K.DECADE, A(2000), A(2009)), "the 2000s"),
    (v(K.CENTURY, A(1800), A(1899)), "the 19th century"),
    (v(K.CENTURY, A(1900), A(1929), qualifier=Q.EARLY), "the early 20th century"),
    (v(K.CENTURY, A(1835), A(1865), qualifier=Q.MID), "the mid-19th century"),
    (v(K.CENTURY, A(1770), A(1799), qualifier=Q.LATE), "the late 18th century"),
    (v(K.CENTURY, A(2000), A(2099), qualifier=Q.LATER), "the 21st century"),
    (v(K.CENTURY, A(0), A(99)), "the 1st century"),
    (v(K.ANNIVERSARY, A(1953), amount=70, reference=A(2023, 9)),
     "70th anniversary: 1953 → 2023"),
    (v(K.ANNIVERSARY, A(2022), amount=1, reference=A(2023)), "1st anniversary: 2022 → 2023"),
    (v(K.AGO, A(2013), amount=10, unit=TimeUnit.YEAR, reference=A(2023, 9)),
     "10 years before 2023: 2013"),
    (v(K.AGO, A(2022), amount=1, unit=TimeUnit.YEAR, reference=A(2023, 9)),
     "1 year before 2023: 2022"),
    (v(K.AGO, A(2023, 7), amount=2, unit=TimeUnit.MONTH, reference=A(2023, 9)),
     "2 months before September 2023: July 2023"),
    (v(K.AGO, A(2023, 8), amount=1, unit=TimeUnit.MONTH, reference=A(2023, 9, 6)),
     "1 month before 6 September 2023: August 2023"),
    (v(K.AGO, A(2023), amount=3, unit=TimeUnit.MONTH, reference=A(2023)),
     "3 months before 2023"),
    (v(K.AGO, A(2023, 8, 16), amount=3, unit=TimeUnit.WEEK, reference=A(2023, 9, 6)),
     "16 August 2023"),
    (v(K.AGO, A(2023, 8), amount=3, unit=TimeUnit.WEEK, reference=A(2023, 9)),
     "about August 2023"),
    (v(K.AGO, A(2023), amount=2, unit=TimeUnit.DAY, reference=A(2023)), "shortly before 2023"),
])
def test_time_text(value: TimeValue, text: str) -> None:
    assert time_text(value) == text


@pytest.mark.parametrize("value", [
    None, TimeValue(TimeKind.MONTH), TimeValue(TimeKind.DAY, weekday=0),
    TimeValue(TimeKind.YEAR, A(2020), None), TimeValue(TimeKind.YEAR, None, A(2020)),
])
def test_unresolved_values_have_no_wording(value: TimeValue | None) -> None:
    assert time_text(value) is None


@pytest.mark.parametrize(("text", "date", "wording"), [
    ("Maandag kwam hij.", FULL, "Monday 4 September 2023"),
    ("Vrijdag", MONTH, "a Friday around September 2023"),
    ("vorig jaar februari", MONTH, "February 2022"),
    ("tussen 30 augustus en 2 september", MONTH, "30 August – 2 September 2023"),
    ("Eind augustus", MONTH, "late August 2023"),
    ("sinds 2014", MONTH, "since 2014"),
    ("eind jaren zestig", MONTH, "the late 1960s"),
    ("de negentiende eeuw", MONTH, "the 19th century"),
    ("vijftigste verjaardag", MONTH, "50th anniversary: 1973 → 2023"),
    ("later deze week", FULL, "later in the week of 4–10 September 2023"),
    ("deze maand", YEAR, "a month around 2023"),
    ("een jaar geleden", MONTH, "1 year before 2023: 2022"),
])
def test_expressions_are_worded(text: str, date: ArticleDate, wording: str) -> None:
    assert time_text(only(text, date).value) == wording


@pytest.mark.parametrize(("n", "text"), [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"), (12, "12th"),
    (13, "13th"), (20, "20th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (70, "70th"),
    (101, "101st"), (111, "111th"), (112, "112th"), (120, "120th"), (121, "121st"),
])
def test_ordinal_en(n: int, text: str) -> None:
    assert ordinal_en(n) == text


def test_time_line() -> None:
    july = TimeValue(K.MONTH, A(2023, 7), A(2023, 7))
    resolved = TimeExpression(3, 10, "in juli", "2023-07", july)
    assert time_line(resolved) == "in juli → July 2023"
    assert time_line(TimeExpression(0, 4, "2019", "2019")) == "2019 → 2019"
    assert time_line(TimeExpression(0, 7, "in juli", None, TimeValue(K.MONTH))) == (
        "in juli → not resolved")


def test_time_to_json_keeps_its_fields_and_adds_the_value() -> None:
    value = TimeValue(K.MONTH, A(2023, 7), A(2023, 7), qualifier=Q.LATE,
                      direction=TimeDirection.PREVIOUS, reference=A(2023, 9))
    assert time_to_json(TimeExpression(3, 10, "eind juli", "2023-07", value)) == {
        "start": 3, "end": 10, "text": "eind juli", "resolved": "2023-07",
        "description": "late July 2023",
        "value": {"kind": "month", "first": "2023-07", "last": "2023-07", "qualifier": "late",
                  "lead": None, "direction": "previous", "weekday": None, "amount": None,
                  "unit": None, "reference": "2023-09"},
    }
    week = TimeValue(K.AGO, A(2023, 8, 16), A(2023, 8, 16), lead=TimeLead.SINCE, weekday=2,
                     amount=3, unit=TimeUnit.WEEK)
    assert time_to_json(TimeExpression(0, 5, "x", "2023-08-16", week))["value"] == {
        "kind": "ago", "first": "2023-08-16", "last": "2023-08-16", "qualifier": None,
        "lead": "since", "direction": None, "weekday": 2, "amount": 3, "unit": "week",
        "reference": None}
    unresolved = time_to_json(TimeExpression(0, 7, "in juli", None, TimeValue(K.MONTH)))
    assert unresolved["description"] is None
    assert unresolved["value"]["kind"] == "month" and unresolved["value"]["first"] is None
    assert time_to_json(TimeExpression(0, 9, "de herfst", None)) == {
        "start": 0, "end": 9, "text": "de herfst", "resolved": None, "description": None,
        "value": None}
