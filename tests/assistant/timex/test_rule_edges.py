"""Edges of the time rules that the main tables leave open: each end of a day range checked on
its own, the future read for a range, a year before a noun, decades counted in the 2000s."""

from __future__ import annotations

import pytest
from timex_helpers import FULL, MONTH, find, only

from assistant.models import ArticleDate, TimeKind
from assistant.timex import resolution
from assistant.timex.rules import Context, bare_date


@pytest.mark.parametrize(("text", "date"), [
    ("van 30 tot 32 september", MONTH),  # the first day exists, the last does not
    ("van 30 tot 32 september", None),
    ("tussen 32 en 2 oktober", None),  # the last exists, the first does not
    ("van 31 september tot 2 oktober", None),
])
def test_day_range_needs_both_days_to_exist(text: str, date: ArticleDate | None) -> None:
    assert all(t.value is None or t.value.kind is not TimeKind.RANGE
               for t in find(text, date))


@pytest.mark.parametrize(("text", "date", "found"), [
    # 2023 has no 29 February: neither end of the range may be it.
    ("van 27 tot 29 februari", ArticleDate(2023, 9), []),
    ("van 29 februari tot 2 maart", ArticleDate(2023, 9), [("tot 2 maart", "2023-03-02")]),
    # a leap year has it
    ("van 27 tot 29 februari", ArticleDate(2024, 9), [("van 27 tot 29 februari",
                                                       "2024-02-27/2024-02-29")]),
    ("van 29 februari tot 2 maart", ArticleDate(2024, 9),
     [("van 29 februari tot 2 maart", "2024-02-29/2024-03-02")]),
])
def test_day_range_in_a_year_without_29_february(text: str, date: ArticleDate,
                                                 found: list[tuple[str, str]]) -> None:
    assert [(t.text, t.resolved) for t in find(text, date)] == found


@pytest.mark.parametrize(("text", "resolved"), [
    ("Het festival was van 10 tot 12 juli.", "2023-07-10/2023-07-12"),
    ("Het festival zal van 10 tot 12 juli zijn.", "2024-07-10/2024-07-12"),
    # the cue must be in the range's own sentence, on either side
    ("Het is gepland. Het festival was van 10 tot 12 juli.", "2023-07-10/2023-07-12"),
    ("Het festival was van 10 tot 12 juli. Het zal weer komen.", "2023-07-10/2023-07-12"),
    ("Het was zo. Het festival zal van 10 tot 12 juli zijn.", "2024-07-10/2024-07-12"),
    ("Zo was het. Van 10 tot 12 juli komt het, zoals gepland. Klaar.",
     "2024-07-10/2024-07-12"),
])
def test_day_range_year_follows_the_future_of_its_sentence(text: str, resolved: str) -> None:
    t = only(text, MONTH)
    assert t.value is not None and t.value.kind is TimeKind.RANGE
    assert t.resolved == resolved


@pytest.mark.parametrize(("pos", "year"), [
    ("NOUN", None),  # "in 1500 dorpen": a number of villages
    ("ADJ", None),
    ("VERB", "1500"),
    ("PUNCT", "1500"),
    ("noun", "1500"),  # parts of speech are upper case; nothing else matches
])
def test_year_before_a_noun_is_a_number(pos: str, year: str | None) -> None:
    found = find("in 1500 dorpen", MONTH, pos={"dorpen": pos})
    assert [t.resolved for t in found] == ([year] if year else [])


@pytest.mark.parametrize(("decade", "year", "start"), [
    (10, 2015, 2010), (0, 2005, 2000), (0, 2000, 2000), (10, 2019, 2010), (20, 2015, 1920),
    (90, 2019, 1990), (0, 1999, 1900),
])
def test_latest_decade_across_the_century_turn(decade: int, year: int, start: int) -> None:
    assert resolution.latest_decade(decade, ArticleDate(year)) == start


def test_decade_word_in_an_article_of_the_2010s() -> None:
    t = only("in de jaren tien", ArticleDate(2015, 3))
    assert t.resolved == "2010/2019"
    assert only("in de jaren nul", FULL).resolved == "2000/2009"


@pytest.mark.parametrize(("text", "resolved"), [
    # the sentence begins after the last end before the month, not the first
    ("Eerst dit. Het is gepland. Hij kwam in juli.", "2023-07"),
    ("Het is gepland. Eerst dit. Hij kwam in juli.", "2023-07"),
    ("Hij zal X in juli bezoeken.", "2024-07"),  # a capital X is no sentence end
    ("In juli komt X, zoals gepland.", "2024-07"),
    ("In juli kwam X. Het was gepland.", "2023-07"),
])
def test_the_future_cue_is_looked_for_within_the_sentence(text: str, resolved: str) -> None:
    assert only(text, MONTH).resolved == resolved


@pytest.mark.parametrize(("text", "resolved"), [
    ("op 29-02-2024", "2024-02-29"),
    ("op 29-02-2023", None),  # 2023 has no 29 February
    ("op 2023-02-29", None),
    ("op 28-02-2023", "2023-02-28"),
])
def test_numeric_date_needs_the_day_in_that_year(text: str, resolved: str | None) -> None:
    assert [t.resolved for t in find(text, MONTH)] == ([resolved] if resolved else [])


@pytest.mark.parametrize(("text", "date", "resolved"), [
    ("de jaren twintig van de eerste eeuw", MONTH, "0020/0029"),
    ("de jaren tien van de 30e eeuw", MONTH, "2910/2919"),
    ("de jaren tien van de 31e eeuw", MONTH, None),
    ("de jaren tien van de 0e eeuw", MONTH, None),
    ("eind jaren vijftig van de twintigste eeuw", MONTH, "1957/1959"),
    ("begin jaren vijftig van de 20e eeuw", MONTH, "1950/1953"),
    ("de jaren tachtig van de vorige eeuw", ArticleDate(2015, 3), "1980/1989"),
    ("de jaren tachtig van deze eeuw", ArticleDate(2015, 3), "2080/2089"),
])
def test_decade_of_a_named_century(text: str, date: ArticleDate, resolved: str | None) -> None:
    decades = [t for t in find(text, date)
               if t.value is not None and t.value.kind is TimeKind.DECADE]
    assert [t.resolved for t in decades] == ([resolved] if resolved else [])


@pytest.mark.parametrize(("text", "date", "kind", "first", "last", "reference"), [
    ("mei 2021", MONTH, TimeKind.MONTH, ArticleDate(2021, 5), ArticleDate(2021, 5), None),
    (" Mei 2021 ", None, TimeKind.MONTH, ArticleDate(2021, 5), ArticleDate(2021, 5), None),
    ("mei", MONTH, TimeKind.MONTH, ArticleDate(2023, 5), ArticleDate(2023, 5), MONTH),
    ("november", MONTH, TimeKind.MONTH, ArticleDate(2022, 11), ArticleDate(2022, 11), MONTH),
    ("mei", None, TimeKind.MONTH, None, None, None),
    ("2021", MONTH, TimeKind.YEAR, ArticleDate(2021), ArticleDate(2021), None),
])
def test_bare_date_reads_a_month_or_a_year(text: str, date: ArticleDate | None, kind: TimeKind,
                                           first: ArticleDate | None, last: ArticleDate | None,
                                           reference: ArticleDate | None) -> None:
    value = bare_date(text, Context(text, date, {}), 0, len(text))
    assert value is not None
    assert (value.kind, value.first, value.last, value.reference) == (kind, first, last,
                                                                       reference)


@pytest.mark.parametrize("text", ["21 mei", "mei 21", "de zomer", "12021", ""])
def test_bare_date_refuses_anything_else(text: str) -> None:
    assert bare_date(text, Context(text, MONTH, {}), 0, len(text)) is None


@pytest.mark.parametrize(("text", "resolved"), [
    ("Eerst dit. Mei wordt druk, zoals gepland.", "2024-05"),
    ("Mei wordt druk. Eerst dit, zoals gepland.", "2023-05"),
    ("Mei was druk.", "2023-05"),
])
def test_bare_month_year_follows_its_own_sentence(text: str, resolved: str) -> None:
    start = text.index("Mei")
    value = bare_date("Mei", Context(text, MONTH, {}), start, start + 3)
    assert value is not None and value.resolved == resolved


@pytest.mark.parametrize(("text", "resolved"), [
    # the article's own month: a direction word moves it a year, the sentence's tense does not
    ("afgelopen september", "2022-09"),
    ("vorige september", "2022-09"),
    ("volgende september", "2024-09"),
    ("Hij komt in september.", "2023-09"),
])
def test_month_with_a_direction_in_the_articles_own_month(text: str, resolved: str) -> None:
    assert only(text, MONTH).resolved == resolved
