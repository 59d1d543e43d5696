"""ArticleDate: parsing real calendar dates only, and ordering dates of any precision; the
per-word data pickled whole and cheaply."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from assistant.models import (
    ArticleDate,
    Category,
    Entity,
    Phrase,
    PhraseKind,
    Sentence,
    Token,
    token_row,
)


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


# Every field unlike its default, so that a field lost on the way shows.
TOKEN = Token(index=7, start=30, end=35, text="viel", lemma="uitvallen", pos="VERB",
              morph="Tense=Past", sentence=2, zipf=3.25, is_word=True, hard=True, phrase=1,
              entity=4, like_num=True, like_url=True, language="en")
PER_WORD_DATA = [
    TOKEN,
    Sentence(index=2, start=20, end=60, language="en"),
    Entity(index=4, start=30, end=35, text="viel", label="PER", category=Category.PERSON,
           first_token=7, last_token=7),
    Phrase(index=1, kind=PhraseKind.SEPARABLE_VERB, lemma="uitvallen", tokens=(7, 9),
           meaning="fall out", zipf=2.5),
]


@pytest.mark.parametrize("value", PER_WORD_DATA)
def test_per_word_data_pickles_through_its_init(value: object) -> None:
    # A slotted dataclass's own __setstate__ looks up its fields for every object.
    reduced = value.__reduce__()
    assert isinstance(reduced, tuple)
    rebuilt, values = reduced
    assert rebuilt is type(value)
    assert rebuilt(*values) == value
    assert pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) == value


def test_a_token_row_is_its_fields_in_order() -> None:
    assert token_row(TOKEN) == tuple(getattr(TOKEN, f.name) for f in dataclasses.fields(Token))
    assert Token(*token_row(TOKEN)) == TOKEN
