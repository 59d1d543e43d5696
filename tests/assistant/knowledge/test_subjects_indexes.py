"""The note rules' name indexes decide as the all-pairs comparisons they replace: every precision
case as one long text (names of one case meet those of others), and the index lookups alone."""

from __future__ import annotations

import itertools

import pytest
from test_precision import (
    CASES,
    DATA_CASES,
    FIXTURES,
    TODAY,
    article,
    background_key,
    subject_at,
)

from assistant.knowledge import subjects
from assistant.knowledge.base import KnowledgeBase
from assistant.knowledge.subjects import MAX_LIST_GAP, _ByEdge, _Owners, build_notes


def _all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The indexes answer with everything they hold: the rules then compare all pairs, as
    before the indexes."""
    monkeypatch.setattr(_ByEdge, "near", lambda self, first, last: list(self.items))
    monkeypatch.setattr(_Owners, "with_word", lambda self, word: list(self.all))


@pytest.mark.parametrize("scheme", ["conll", "ontonotes"])
@pytest.mark.parametrize("knowledge", ["fixture", "project"])
def test_the_indexes_give_the_notes_all_pairs_give(
    scheme: str, knowledge: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = KnowledgeBase.load(FIXTURES if knowledge == "fixture" else None)
    # First a town that is one only when listed with a place ('Moskou en Ede'), named so
    # before the cases name it after 'in'.
    text = " ".join(["Het vuur trof Moskou/PROPN en Ede/PROPN ."]
                    + [case.text for case in [*CASES, *DATA_CASES]])
    long_article = article(text, scheme, "2019-09-23")
    indexed = build_notes(long_article, kb, today=TODAY)
    _all_pairs(monkeypatch)
    compared = build_notes(long_article, kb, today=TODAY)
    assert indexed == compared
    assert sum(1 for note in indexed if not note.key.startswith("unknown:")) >= 20
    assert background_key(subject_at(indexed, long_article.article.text, "Ede")) == (
        "city-2756429")


def test_near_finds_exactly_the_ranges_a_list_can_join() -> None:
    ranges = [(first, last, (first, last)) for first in range(12)
              for last in range(first, min(first + 3, 12))]
    index = _ByEdge(ranges)
    for first, last in itertools.product(range(12), repeat=2):
        if last < first:
            continue
        expected = {(a, b) for a, b, _ in ranges
                    if 0 < first - b - 1 <= MAX_LIST_GAP or 0 < a - last - 1 <= MAX_LIST_GAP}
        found = index.near(first, last)
        assert len(found) == len(set(found)), "each item once"
        assert set(found) == expected, (first, last)


def test_owners_are_found_by_each_of_their_words() -> None:
    owners = _Owners([("lindsay-davenport", ("lindsay", "davenport")),
                      ("ner:jim davenport", ("jim", "davenport")),
                      ("kim", ("kim", "jong un"))])
    assert [o for o, _ in owners.with_word("davenport")] == ["lindsay-davenport",
                                                              "ner:jim davenport"]
    assert [o for o, _ in owners.with_word("jong un")] == ["kim"]
    assert owners.with_word("jong") == []
    assert subjects._is_part(("jong un",), ("kim", "jong un"))
