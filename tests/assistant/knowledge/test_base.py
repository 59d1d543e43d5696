"""Tests for the knowledge base: curated files, places, adjectives, lookups and validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import DataError
from assistant.knowledge.base import KnowledgeBase, genitive_base, name_key_variants, parse_file
from assistant.knowledge.places import CITY_EXONYMS, NATIONALITY_ADJECTIVES, inflect_adjective
from assistant.models import ArticleDate, Category
from assistant.resources import resource_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "knowledge"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(FIXTURES)


def test_curated_entries_load_with_roles(kb: KnowledgeBase) -> None:
    shoigu = kb.get("sergei-shoigu")
    assert shoigu is not None
    assert shoigu.category is Category.PERSON
    assert shoigu.international_name == "Sergei Shoigu"
    assert shoigu.roles[1].role == "Russia's Minister of Defence"
    assert shoigu.roles[1].start == ArticleDate(2012, 11)
    assert shoigu.roles[1].end == ArticleDate(2024, 5)
    assert shoigu.roles[0].end is None


def test_find_by_name_alias_case_and_genitive(kb: KnowledgeBase) -> None:
    for name in ("Vladimir Poetin", "Poetin", "poetin", "Poetins", "Poetin's", "Poetin’s"):
        entry = kb.find(name)
        assert entry is not None and entry.id == "vladimir-putin", name
    assert kb.find("NAVO") is not None
    assert kb.find("Kim") is None


def test_countries_have_dutch_and_english_names(kb: KnowledgeBase) -> None:
    expected = {
        "Rusland": "Russia",
        "Noord-Korea": "North Korea",
        "Oekraïne": "Ukraine",
        "Verenigde Staten": "United States",
        "VS": "United States",
        "Iran": "Iran",
        "België": "Belgium",
    }
    for dutch, english in expected.items():
        entry = kb.find(dutch)
        assert entry is not None, dutch
        assert entry.category is Category.PLACE
        assert entry.international_name == english


def test_cities_have_exonyms_country_population_and_capital(kb: KnowledgeBase) -> None:
    moscow = kb.find("Moskou")
    assert moscow is not None
    assert (moscow.international_name, moscow.country, moscow.capital) == ("Moscow", "RU", True)
    assert moscow.population is not None and moscow.population > 5_000_000
    assert "Capital of Russia" in moscow.description
    tehran = kb.find("Teheran")
    assert tehran is not None and tehran.international_name == "Tehran"
    vladivostok = kb.find("Vladivostok")
    assert vladivostok is not None
    assert (vladivostok.country, vladivostok.capital) == ("RU", False)
    for name, english in (("Pyongyang", "Pyongyang"), ("Seoul", "Seoul"), ("Keulen", "Cologne")):
        entry = kb.find(name)
        assert entry is not None and entry.international_name == english


def test_every_exonym_resolves_to_its_city(kb: KnowledgeBase) -> None:
    for dutch_names, _geo, country, english in CITY_EXONYMS:
        for dutch in dutch_names:
            entry = kb.find(dutch)
            assert entry is not None, dutch
            assert entry.category is Category.PLACE
            # A country of the same name (Hongkong) outranks the city.
            assert entry.country == country, dutch
            if entry.id.startswith("city-"):
                assert entry.international_name == english


def test_nationality_adjectives_link_to_their_country(kb: KnowledgeBase) -> None:
    expected = {
        "Russische": "Rusland", "Russisch": "Rusland", "Noord-Koreaanse": "Noord-Korea",
        "Iraanse": "Iran", "Amerikaanse": "Verenigde Staten", "Chinese": "China",
        "Chinees": "China", "Britse": "Verenigd Koninkrijk", "Oekraïense": "Oekraïne",
        "Belgische": "België",
    }
    for adjective, country in expected.items():
        entry = kb.find(adjective)
        assert entry is not None and country in entry.names, adjective
    assert len(NATIONALITY_ADJECTIVES) >= 80


@pytest.mark.parametrize(
    ("base", "inflected"),
    [("Russisch", "Russische"), ("Chinees", "Chinese"), ("Brits", "Britse"),
     ("Portugees", "Portugese"), ("Roemeens", "Roemeense"), ("Iraans", "Iraanse"),
     ("Frans", "Franse")],
)
def test_inflect_adjective(base: str, inflected: str) -> None:
    assert inflect_adjective(base) == inflected


def test_curated_names_outrank_places() -> None:
    # "New York" is a city, but the curated newspaper owns "New York Times".
    kb = KnowledgeBase.load(FIXTURES)
    entry = kb.find("New York Times")
    assert entry is not None and entry.id == "new-york-times"
    city = kb.find("New York")
    assert city is not None and city.category is Category.PLACE


def test_load_is_cached_and_places_optional() -> None:
    assert KnowledgeBase.load(FIXTURES) is KnowledgeBase.load(FIXTURES)
    small = KnowledgeBase.load(FIXTURES, places=False)
    assert small.find("Moskou") is None
    assert small.find("Poetin") is not None
    assert len(small) == 7


def test_missing_directory_gives_places_only(tmp_path: Path) -> None:
    kb = KnowledgeBase.load(tmp_path / "nowhere")
    assert kb.find("Poetin") is None
    assert kb.find("Rusland") is not None


def test_fuzzy_find_spelling_variants(kb: KnowledgeBase) -> None:
    entry = kb.fuzzy_find("Vladimir Poetien")
    assert entry is not None and entry.id == "vladimir-putin"
    assert kb.fuzzy_find("Vladimir Lenin") is None
    assert kb.fuzzy_find("Kim") is None


def test_genitive_base() -> None:
    assert genitive_base("Poetins") == "Poetin"
    assert genitive_base("Rutte's") == "Rutte"
    assert genitive_base("NAVO") is None
    assert genitive_base("was") is None


def test_name_key_variants_cover_punctuation_splits() -> None:
    assert name_key_variants("CD&V") == {("CD&V",), ("CD", "&", "V")}
    assert name_key_variants("Kim Jong-un") == {("Kim", "Jong-un")}


def _write(tmp_path: Path, data: object, name: str = "bad.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


GOOD = {
    "id": "x-y", "kind": "person", "names": ["X Y"], "international_name": "X Y",
    "description": "A person.", "roles": [], "source": "https://example.org/",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "Bad Id"}, "bad id"),
        ({"kind": "planet"}, "unknown kind"),
        ({"names": []}, "names"),
        ({"roles": [{"role": "Mayor", "from": "2020-13"}]}, "bad role date"),
        ({"roles": [{"from": "2020"}]}, "role"),
    ],
)
def test_bad_entries_raise_data_error(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    path = _write(tmp_path, {"entries": [{**GOOD, **change}]})
    with pytest.raises(DataError) as caught:
        parse_file(path)
    assert message in caught.value.message
    assert "bad.json" in caught.value.message


def test_missing_key_and_broken_json_raise_data_error(tmp_path: Path) -> None:
    entry = dict(GOOD)
    del entry["description"]
    with pytest.raises(DataError, match="lacks description"):
        parse_file(_write(tmp_path, {"entries": [entry]}))
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.json"):
        parse_file(broken)
    with pytest.raises(DataError, match="entries"):
        parse_file(_write(tmp_path, [GOOD], "list.json"))


def test_duplicate_curated_names_are_reported(tmp_path: Path) -> None:
    other = {**GOOD, "id": "x-z"}
    _write(tmp_path, {"entries": [GOOD, other]}, "dups.json")
    kb = KnowledgeBase.load(tmp_path, places=False)
    assert kb.duplicates == ["'X Y': x-y and x-z"]
    entry = kb.find("X Y")
    assert entry is not None and entry.id == "x-y"


def test_project_knowledge_files_are_valid() -> None:
    folder = resource_path("knowledge")
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not files:
        pytest.skip("resources/knowledge has no files yet")
    entries = [e for path in files for e in parse_file(path)]
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    kb = KnowledgeBase.load(folder, places=False)
    assert kb.duplicates == []


def test_trimmed_places_file_round_trips(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from assistant.knowledge import places

    path = tmp_path / "places.json"
    countries, cities = places.write_place_records(path)
    assert countries > 200 and cities > 1000
    monkeypatch.setattr(places, "resource_path", lambda name: path)
    read_countries, read_cities = places.load_place_records()
    assert len(read_countries) == countries and len(read_cities) == cities
    moscow = next(c for c in read_cities if c.english_name == "Moscow")
    assert "Moskou" in moscow.dutch_names and moscow.capital
    path.write_text("{not json", encoding="utf-8")
    fallback_countries, _ = places.load_place_records()
    assert len(fallback_countries) == countries
