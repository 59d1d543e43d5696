"""ArticleDate: parsing real calendar dates only, and ordering dates of any precision."""

from __future__ import annotations

import pytest

from assistant.models import ArticleDate


@pytest.mark.parametrize(
    ("text", "date"),
    [("2023", ArticleDate(2023)), ("2023-09", ArticleDate(2023, 9)),
     ("2024-02-29", ArticleDate(2024, 2, 29)), (" 1000-01-01 ", ArticleDate(1000, 1, 1))],
)
def test_parse(text: str, date: ArticleDate) -> None:
    assert ArticleDate.parse(text) == date


@pytest.mark.parametrize(
    "text",
    ["2023-02-31", "2023-02-29", "2023-13", "2023-00", "2023-04-31", "0000", "0999-05",
     "2023-9-", "23-09", "2023/09", "", "२०२३", "2023-09-01-01"],
)
def test_parse_refuses_impossible_dates(text: str) -> None:
    with pytest.raises(ValueError):
        ArticleDate.parse(text)


def test_dates_of_different_precision_compare() -> None:
    assert ArticleDate(2024) < ArticleDate(2024, 5) < ArticleDate(2024, 5, 3)
    assert ArticleDate(2024, 12, 31) < ArticleDate(2025)
    assert ArticleDate(2024, 5) >= ArticleDate(2024) and ArticleDate(2024) <= ArticleDate(2024)
    assert not ArticleDate(2024, 5) > ArticleDate(2024, 5)
    mixed = [ArticleDate(2024, 5), ArticleDate(2023), ArticleDate(2024), ArticleDate(2024, 1, 9)]
    assert sorted(mixed) == [ArticleDate(2023), ArticleDate(2024), ArticleDate(2024, 1, 9),
                             ArticleDate(2024, 5)]
