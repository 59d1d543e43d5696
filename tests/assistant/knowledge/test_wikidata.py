"""Reading Wikidata's answers: times of each precision, items, labels, search results, and
which items may stand for which kind of mention."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.knowledge import wikidata
from assistant.models import ArticleDate, Category

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "enrichment"


def load(name: str) -> object:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"time": "+2010-10-14T00:00:00Z", "precision": 11}, ArticleDate(2010, 10, 14)),
        ({"time": "+2010-10-00T00:00:00Z", "precision": 10}, ArticleDate(2010, 10)),
        ({"time": "+2010-10-14T00:00:00Z", "precision": 10}, ArticleDate(2010, 10)),
        ({"time": "+2010-00-00T00:00:00Z", "precision": 9}, ArticleDate(2010)),
        ({"time": "+2010-00-00T00:00:00Z", "precision": 11}, ArticleDate(2010)),
        ({"time": "+1900-00-00T00:00:00Z", "precision": 8}, None),  # a decade
        ({"time": "-0044-03-15T00:00:00Z", "precision": 11}, None),
        ({"time": "+2010-02-30T00:00:00Z", "precision": 11}, None),
        ({"time": "2010-10-14", "precision": 11}, None),
        ({"precision": 11}, None),
        ("+2010-10-14T00:00:00Z", None),
    ],
)
def test_parse_time(value: object, expected: ArticleDate | None) -> None:
    assert wikidata.parse_time(value) == expected


def test_parse_item_reads_types_positions_lifetime_and_links() -> None:
    item = wikidata.parse_item(load("wikidata_entities_q57792.json"), "Q57792")
    assert item is not None
    assert item.types == frozenset({"Q5"}) and not item.has_coordinates
    assert item.start == ArticleDate(1967, 2, 14) and item.end is None
    assert [(p.item, p.start, p.end) for p in item.positions] == [
        ("Q1111", ArticleDate(2002, 7, 22), ArticleDate(2004, 6, 17)),
        ("Q2222", ArticleDate(2010, 10, 14), ArticleDate(2024, 7, 2)),
        ("Q3333", ArticleDate(2024, 10, 1), None),
    ]  # the deprecated claim is left out
    assert (item.enwiki, item.nlwiki, item.description) == ("Mark Rutte", "Mark Rutte",
                                                            "Dutch politician")


@pytest.mark.parametrize(
    "payload",
    [None, [], {"entities": []}, {"entities": {}}, {"entities": {"Q57792": "x"}},
     {"entities": {"Q57792": {"id": "Q57792", "missing": ""}}}],
)
def test_parse_item_of_nothing_is_none(payload: object) -> None:
    assert wikidata.parse_item(payload, "Q57792") is None


def test_labels_prefer_english() -> None:
    assert wikidata.parse_labels(load("wikidata_labels_rutte_positions.json")) == {
        "Q1111": "State Secretary for Social Affairs and Employment",
        "Q2222": "Prime Minister of the Netherlands",
        "Q3333": "secretaris-generaal van de NAVO",
    }
    assert wikidata.parse_labels({"entities": None}) == {}


def _item(types: set[str], coordinates: bool = False) -> wikidata.Item:
    return wikidata.Item("Q1", frozenset(types), coordinates, None, None, (), None, None, None)


@pytest.mark.parametrize(
    ("types", "coordinates", "category", "fits"),
    [
        ({"Q5"}, False, Category.PERSON, True),
        ({"Q5"}, False, Category.PLACE, False),
        ({"Q5"}, False, Category.ORGANISATION, False),
        ({"Q5"}, False, Category.EVENT, False),
        ({"Q515"}, True, Category.PLACE, True),
        ({"Q515"}, True, Category.PERSON, False),
        ({"Q515"}, True, Category.ORGANISATION, False),
        ({"Q1250464"}, True, Category.PLACE, True),  # coordinates make a place
        ({"Q4830453"}, False, Category.ORGANISATION, True),  # a business
        ({"Q4830453"}, False, Category.PLACE, False),
        ({"Q4830453"}, False, Category.GROUP, False),
        ({"Q1656682"}, False, Category.EVENT, True),
        ({"Q4167410"}, False, Category.OTHER, False),  # a disambiguation page
        ({"Q5", "Q4167410"}, False, Category.PERSON, False),
    ],
)
def test_fits(types: set[str], coordinates: bool, category: Category, fits: bool) -> None:
    assert wikidata.fits(_item(types, coordinates), category) is fits


def test_search_keeps_results_of_this_very_name() -> None:
    hit = load("wikidata_search_hit.json")
    assert wikidata.search_candidates(hit, "Zuidas") == ["Q2664021", "Q99999901"]
    assert wikidata.search_candidates(hit, "zuidas") == ["Q2664021", "Q99999901"]
    assert wikidata.search_candidates(hit, "Zuidas", limit=1) == ["Q2664021"]
    assert wikidata.search_candidates(hit, "Zuid") == []
    assert wikidata.search_candidates(load("wikidata_search_disambiguation.json"), "Oranje") == []
    assert wikidata.search_candidates({"search": "x"}, "Zuidas") == []
