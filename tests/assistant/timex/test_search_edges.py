"""Edges of the search over an article: four-digit years only, malformed tokens ignored, a DATE
entity that holds no rule's match read on its own, and expressions that touch both kept."""

from __future__ import annotations

from dataclasses import replace

import pytest
from timex_helpers import MONTH, find, make_analysed

from assistant.models import ArticleDate, Category, Entity
from assistant.timex.expressions import find_time_expressions


@pytest.mark.parametrize(("text", "date", "resolved"), [
    ("volgend jaar", ArticleDate(9998), "9999"),  # the last four-digit year
    ("volgend jaar", ArticleDate(9999), None),
    ("2000 jaar geleden", ArticleDate(2000), "0000"),  # the first
    ("2000 jaar geleden", ArticleDate(1999), None),
])
def test_only_four_digit_years_are_resolved(text: str, date: ArticleDate,
                                            resolved: str | None) -> None:
    (t,) = find(text, date)
    assert t.resolved == resolved and t.value is not None
    assert (t.value.first is None, t.value.last is None) == (resolved is None, resolved is None)


def test_tokens_outside_the_text_or_empty_are_ignored() -> None:
    analysed = make_analysed("Hij kwam in 2022.", MONTH)
    end = len(analysed.article.text)
    odd = [replace(analysed.tokens[0], index=len(analysed.tokens) + n, start=s, end=e)
           for n, (s, e) in enumerate([(end, end), (3, 3), (end, end + 4), (-2, 1)])]
    found = find_time_expressions(replace(analysed, tokens=(*analysed.tokens, *odd)))
    assert [(t.text, t.resolved) for t in found] == [("in 2022", "2022")]


def _with_entities(text: str, date: ArticleDate | None,
                   spans: list[tuple[str, Category]]) -> tuple[tuple[str, str | None], ...]:
    """The expressions found with these entities (by text, first occurrence)."""
    analysed = make_analysed(text, date)
    entities = []
    for index, (words, category) in enumerate(spans):
        start = text.index(words)
        end = start + len(words)
        members = [t.index for t in analysed.tokens if start <= t.start and t.end <= end]
        entities.append(Entity(index, start, end, words, category.name, category,
                               members[0], members[-1]))
    found = find_time_expressions(replace(analysed, entities=tuple(entities)))
    return tuple((t.text, t.resolved) for t in found)


@pytest.mark.parametrize(("text", "spans", "expected"), [
    # a bare month no rule reads is read from the DATE entity, after entities of other kinds
    ("Piet zei dat Mei druk was.", [("Piet", Category.PERSON), ("Mei", Category.DATE)],
     (("Mei", "2023-05"),)),
    # a rule's match elsewhere in the text is not the entity's value
    ("Mei was druk, maar in 2020 niet.", [("Mei", Category.DATE)],
     (("Mei", "2023-05"), ("in 2020", "2020"))),
    ("In 2020 niet, maar Mei was druk.", [("Mei", Category.DATE)],
     (("In 2020", "2020"), ("Mei", "2023-05"))),
    # the year of a bare month follows the future of its own sentence
    ("Eerst dit. Mei wordt druk, zoals gepland.", [("Mei", Category.DATE)],
     (("Mei", "2024-05"),)),
    ("Mei wordt druk. Eerst dit, zoals gepland.", [("Mei", Category.DATE)],
     (("Mei", "2023-05"),)),
    # an entity holding a rule's match takes that match's value
    ("Het gebeurde rond eind 2020 ongeveer.", [("rond eind 2020 ongeveer", Category.DATE)],
     (("rond eind 2020 ongeveer", "2020"),)),
])
def test_date_entities(text: str, spans: list[tuple[str, Category]],
                       expected: tuple[tuple[str, str | None], ...]) -> None:
    assert _with_entities(text, MONTH, spans) == expected


@pytest.mark.parametrize(("text", "entity", "expected"), [
    # an entity that ends where a rule's match begins, and one that begins where it ends
    ("vandaag–morgen", "vandaag–", (("vandaag–", "2023-09-06"), ("morgen", "2023-09-07"))),
    ("vandaag–morgen.", "–morgen.", (("vandaag", "2023-09-06"), ("–morgen.", "2023-09-07"))),
])
def test_expressions_that_touch_are_both_kept(text: str, entity: str,
                                              expected: tuple[tuple[str, str], ...]) -> None:
    assert _with_entities(text, ArticleDate(2023, 9, 6), [(entity, Category.DATE)]) == expected


def test_the_longer_span_wins_an_overlap() -> None:
    found = _with_entities("Hij kwam op 4 september 2022.", MONTH,
                           [("september 2022", Category.DATE)])
    assert found == (("op 4 september 2022", "2022-09-04"),)
