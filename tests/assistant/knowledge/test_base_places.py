"""Place entries from hand-made country and city records: what each entry says, which town names
are dropped, which town keeps a shared name, which adjectives stand for a country, and that the
places are built once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.knowledge import base, places
from assistant.knowledge.base import KnowledgeBase, KnowledgeEntry, Origin, build_places
from assistant.knowledge.places import CityRecord, CountryRecord
from assistant.models import Category

COUNTRIES = [
    CountryRecord("NL", ("Nederland", "Holland"), "Netherlands", "Europe", "Amsterdam", 17_000_000),
    CountryRecord("ZL", ("Zandland",), "Sandland", None, None, None),
    CountryRecord("US", ("Verenigde Staten", "VS"), "United States", "North America",
                  "Washington", 330_000_000),
]
CITIES = [
    # geonameid, Dutch names, English name, country, population, capital
    CityRecord(1, ("Grootstad",), "Big City", "US", 900_000, False),
    CityRecord(2, ("Amsterdam",), "Amsterdam", "NL", 800_000, True),
    CityRecord(3, ("Ede",), "Ede", "NL", 100_000, False),
    CityRecord(4, ("Ede", "Edestad"), "Ede", "ZL", 500_000, False),
    CityRecord(5, ("Brits",), "Brits", "ZL", 120_000, False),  # only a word that is no town
    CityRecord(6, ("Virginia", "Virginiastad"), "Virginia", "ZL", 60_000, False),
    CityRecord(7, ("Virginia",), "Virginia", "US", 20_000, False),  # a US town keeps a state name
    CityRecord(8, ("Georgia",), "Georgia", "ZL", 90_000, True),  # so does a capital
    CityRecord(9, ("Nergensstad",), "Nowhere City", "XX", 70_000, False),  # no such country
]
ADJECTIVES = {"Nederlands": "NL", "Nederlandse": "NL", "Zandlands": "ZL", "Atlantisch": "AT"}


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> tuple[list[KnowledgeEntry], dict[str, str]]:
    monkeypatch.setattr(places, "load_place_records", lambda: (COUNTRIES, CITIES))
    monkeypatch.setattr(places, "not_town_names", lambda: frozenset({"Brits", "Engels"}))
    monkeypatch.setattr(places, "region_names", lambda: frozenset({"Virginia", "Georgia"}))
    monkeypatch.setattr(places, "adjective_forms", lambda: dict(ADJECTIVES))
    return build_places()


def _fields(entry: KnowledgeEntry) -> tuple[object, ...]:
    return (entry.id, entry.category, entry.names, entry.international_name, entry.description,
            entry.sources, entry.country, entry.origin, entry.population, entry.capital)


GEONAMES = ("GeoNames (CC BY 4.0)",)
COUNTRY_SOURCES = ("Unicode CLDR (via Babel); GeoNames (CC BY 4.0)",)


def test_each_country_says_where_it_lies_and_its_capital(
        built: tuple[list[KnowledgeEntry], dict[str, str]]) -> None:
    entries, _ = built
    countries = [_fields(e) for e in entries if e.origin is Origin.COUNTRY]
    assert countries == [
        ("country-nl", Category.PLACE, ("Nederland", "Holland"), "Netherlands",
         "Country in Europe; capital Amsterdam.", COUNTRY_SOURCES, "NL", Origin.COUNTRY,
         17_000_000, False),
        ("country-zl", Category.PLACE, ("Zandland",), "Sandland", "Country or territory.",
         COUNTRY_SOURCES, "ZL", Origin.COUNTRY, None, False),
        ("country-us", Category.PLACE, ("Verenigde Staten", "VS"), "United States",
         "Country in North America; capital Washington.", COUNTRY_SOURCES, "US",
         Origin.COUNTRY, 330_000_000, False),
    ]
    assert all(e.origin is Origin.COUNTRY for e in entries[:3])  # countries before towns


def test_towns_home_first_then_by_size_and_without_names_that_are_no_town(
        built: tuple[list[KnowledgeEntry], dict[str, str]]) -> None:
    entries, _ = built
    towns = [_fields(e) for e in entries if e.origin is Origin.CITY]
    assert towns == [
        ("city-2", Category.PLACE, ("Amsterdam",), "Amsterdam",
         "Capital of the Netherlands.", GEONAMES, "NL", Origin.CITY, 800_000, True),
        ("city-3", Category.PLACE, ("Ede",), "Ede", "City in the Netherlands.", GEONAMES, "NL",
         Origin.CITY, 100_000, False),
        ("city-1", Category.PLACE, ("Grootstad",), "Big City", "City in the United States.",
         GEONAMES, "US", Origin.CITY, 900_000, False),
        ("city-4", Category.PLACE, ("Ede", "Edestad"), "Ede", "City in Sandland.", GEONAMES,
         "ZL", Origin.CITY, 500_000, False),
        ("city-8", Category.PLACE, ("Georgia",), "Georgia", "Capital of Sandland.", GEONAMES,
         "ZL", Origin.CITY, 90_000, True),
        ("city-9", Category.PLACE, ("Nergensstad",), "Nowhere City", "City in XX.", GEONAMES,
         "XX", Origin.CITY, 70_000, False),
        ("city-6", Category.PLACE, ("Virginiastad",), "Virginia", "City in Sandland.",
         GEONAMES, "ZL", Origin.CITY, 60_000, False),
        ("city-7", Category.PLACE, ("Virginia",), "Virginia", "City in the United States.",
         GEONAMES, "US", Origin.CITY, 20_000, False),
    ]


def test_a_home_town_keeps_a_name_a_bigger_foreign_town_shares(
        built: tuple[list[KnowledgeEntry], dict[str, str]]) -> None:
    kb = KnowledgeBase(*built)
    ede = kb.find("Ede")
    assert ede is not None and ede.id == "city-3"
    virginia = kb.find("Virginia")
    assert virginia is not None and virginia.id == "city-7"
    assert kb.find("Brits") is None


def test_adjectives_stand_for_known_countries_only(
        built: tuple[list[KnowledgeEntry], dict[str, str]]) -> None:
    _, adjectives = built
    assert adjectives == {"Nederlands": "country-nl", "Nederlandse": "country-nl",
                          "Zandlands": "country-zl"}


def test_places_are_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []

    def build() -> tuple[list[KnowledgeEntry], dict[str, str]]:
        made.append(1)
        return [], {"Zandlands": "country-zl"}

    monkeypatch.setattr(base, "_PLACES", None)
    monkeypatch.setattr(base, "build_places", build)
    first = base._places()
    assert first == ([], {"Zandlands": "country-zl"})
    assert base._places() is first and made == [1]


def _knowledge_folder(folder: Path) -> Path:
    folder.mkdir()
    entry = {"id": "x-y", "kind": "person", "names": ["X Y"], "international_name": "X Y",
             "description": "A person.", "sources": ["https://example.org/"]}
    (folder / "a.json").write_text(json.dumps({"schema": 2, "entries": [entry]}),
                                   encoding="utf-8")
    return folder


@pytest.mark.parametrize("with_places", [True, False])
def test_a_loaded_base_is_kept_with_its_places_and_adjectives_or_none(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, with_places: bool) -> None:
    # A cache of its own: the one of the module may hold this folder already.
    monkeypatch.setattr(base, "_CACHE", {})
    town = KnowledgeEntry(id="city-1", category=Category.PLACE, names=("Velsburg",),
                          international_name="Velsburg", description="City in Zandland.",
                          origin=Origin.CITY)
    country = KnowledgeEntry(id="country-zl", category=Category.PLACE, names=("Zandland",),
                             international_name="Sandland", description="Country.",
                             origin=Origin.COUNTRY)
    monkeypatch.setattr(base, "_PLACES", ([country, town], {"Zandlandse": "country-zl"}))
    folder = _knowledge_folder(tmp_path / "knowledge")
    kb = KnowledgeBase.load(folder, places=with_places)
    assert KnowledgeBase.load(folder, places=with_places) is kb
    assert KnowledgeBase.load(folder, places=not with_places) is not kb
    assert [e.id for e in kb.entries()] == (
        ["x-y", "country-zl", "city-1"] if with_places else ["x-y"])
    adjective = kb.adjective_country("Zandlandse")
    assert (adjective.id if adjective else None) == ("country-zl" if with_places else None)
    words = [("Zandlandse",), ("X",), ("Y",)]
    assert [m.payload.entry_id for m in kb.matcher().find_all(words)] == (
        ["country-zl", "x-y"] if with_places else ["x-y"])
