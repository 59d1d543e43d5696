"""Entries the dictionary build derives by rule: adjectives of place names (Oostendse → of
Ostend) and of regions (Veluwse → of the Veluwe), and pronominal adverbs (ertegen → against
it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from script_modules import script

ROOT = Path(__file__).resolve().parents[2]
build_dictionary = script("build_dictionary")

Merged = build_dictionary.Merged
SourceSense = build_dictionary.SourceSense


@pytest.mark.parametrize(
    ("name", "bases"),
    [
        ("Amersfoort", ["Amersfoorts"]),
        ("Rotterdam", ["Rotterdams"]),
        ("Oostende", ["Oostends"]),
        ("Veluwe", ["Veluws"]),
        ("Zwolle", ["Zwolls", "Zwols"]),
        ("Mechelen", ["Mechels", "Mechelens"]),
        ("Geraardsbergen", ["Geraardsbergs", "Geraardsbergens"]),
        ("Breda", ["Bredaas"]),
        ("Venlo", ["Venloos"]),
        ("Parijs", ["Parijs"]),
        ("Den Haag", ["Haags"]),
        ("Vlaams-Brabant", ["Vlaams-Brabants"]),
        # Refused: names too short to tell from words, several words, lower case, digits.
        ("Ede", []),
        ("New York", []),
        ("gent", []),
        ("Area 51", []),
    ],
)
def test_place_adjective_bases(name: str, bases: list[str]) -> None:
    assert build_dictionary.place_adjective_bases(name) == bases


def test_attributive_forms() -> None:
    assert build_dictionary.place_adjective_forms("Oostends") == ["Oostends", "Oostendse"]
    assert build_dictionary.place_adjective_forms("Parijs") == ["Parijs", "Parijse"]


def _entry(lemma: str, pos: str, *glosses: str) -> Merged:
    item = Merged(lemma, pos)
    item.senses.append(SourceSense(tuple(glosses), "freedict"))
    return item


def test_place_adjective_entries() -> None:
    merged = {("oostende", ""): _entry("Oostende", "", "Ostend"),
              ("jan", ""): _entry("Jan", "", "John"),
              ("gents", "noun"): _entry("gents", "noun", "gentlemen"),
              ("haags", "noun"): _entry("Haags", "noun", "Hague"),
              ("brussels", "adj"): _entry("Brussels", "adj", "Brusselian")}
    forms = {key: {(key, pos)} for key, pos in merged}
    places = [("Ostend", "Ostend"), ("Amersfoort", "Amersfoort"), ("Gent", "Ghent"),
              ("Brussel", "Brussels"), ("Den Haag", "The Hague"), ("Breda", "Breda")]
    added = build_dictionary.add_place_adjectives(merged, forms, places)
    # Oostende: a headword the sources gloss with a place's English name.
    entry = merged[("oostends", "adj")]
    senses = [sense.items for sense in entry.senses]
    assert senses == [("of Ostend", "from Ostend")] and entry.senses[0].fixed
    assert forms["oostendse"] == {("oostends", "adj")}
    assert ("amersfoorts", "adj") in merged and "amersfoortse" in forms
    assert forms["bredase"] == {("bredaas", "adj")}
    # Beside the sources' name of the place; the sources' own adjective gets its -e form.
    assert merged[("haags", "adj")].senses[0].items == ("of The Hague", "from The Hague")
    assert merged[("brussels", "adj")].senses[0].items == ("Brusselian",)
    assert forms["brusselse"] == {("brussels", "adj")}
    # Refused: a form that is a common word, and a person's name.
    assert ("gents", "adj") not in merged and "gentse" not in forms
    assert ("jans", "adj") not in merged
    assert added == 5  # Oostends, Ostends, Amersfoorts, Haags, Bredaas


def test_region_adjective_entries(tmp_path: Path) -> None:
    merged = {("fries", "adj"): _entry("Fries", "adj", "Frisian")}
    forms = {key: {(key, pos)} for key, pos in merged}
    regions = [("Veluws", "the Veluwe"), ("Noord-Iers", "Northern Ireland"),
               ("Fries", "Friesland")]
    added = build_dictionary.add_region_adjectives(merged, forms, regions)
    assert added == 2
    assert merged[("veluws", "adj")].senses[0].items == ("of the Veluwe", "from the Veluwe")
    assert merged[("veluws", "adj")].senses[0].fixed
    assert forms["veluwse"] == forms["veluws"] == {("veluws", "adj")}
    assert forms["noord-ierse"] == {("noord-iers", "adj")}
    # A source's own adjective stays.
    assert merged[("fries", "adj")].senses[0].items == ("Frisian",) and "friese" not in forms
    table = tmp_path / "regions.tsv"
    table.write_text("# regions\nadjective\tregion\nTwents\tTwente\n", encoding="utf-8")
    assert build_dictionary.region_adjectives(table) == [("Twents", "Twente")]
    assert build_dictionary.region_adjectives(tmp_path / "missing.tsv") == []


@pytest.mark.parametrize(
    ("word", "senses"),
    [
        ("ertegen", ("against it",)),
        ("erin", ("in it", "into it")),
        ("eroverheen", ("over it", "across it")),
        ("hierom", ("around this", "about this")),
        ("daarmee", ("with that",)),
        ("waarvoor", ("for which", "in front of which")),
        # Not a pronoun and a preposition.
        ("ervaren", ()), ("erg", ()), ("hiernamaals", ()), ("daar", ()), ("tegen", ()),
    ],
)
def test_pronominal_senses(word: str, senses: tuple[str, ...]) -> None:
    assert build_dictionary.pronominal_senses(word) == senses


def test_pronominal_adverb_entries() -> None:
    supplement = Merged("eronder", "adv")
    supplement.senses.append(SourceSense(("underneath",), "supplement", fixed=True))
    merged = {("erin", "noun"): _entry("Erin", "noun", "Erin"),
              ("eraan", "adv"): _entry("eraan", "adv", "it"),
              ("eronder", "adv"): supplement,
              ("daarom", "adv"): _entry("daarom", "adv", "therefore")}
    forms = {key: {(key, pos)} for key, pos in merged}
    build_dictionary.add_pronominal_adverbs(merged, forms)
    # An er-word means what its parts say: its literal sense first, the sources' after.
    assert [s.items for s in merged[("eraan", "adv")].senses] == [("to it", "on it"), ("it",)]
    assert merged[("erin", "adv")].senses[0].items == ("in it", "into it")
    assert ("erin", "adv") in forms["erin"]
    assert merged[("ertegen", "adv")].senses[0].fixed
    # Missing words of the others get it too ...
    assert merged[("hiertegen", "adv")].senses[0].items == ("against this",)
    # ... but never over a listed one, nor over the supplement.
    assert [s.items for s in merged[("daarom", "adv")].senses] == [("therefore",)]
    assert [s.items for s in merged[("eronder", "adv")].senses] == [("underneath",)]
