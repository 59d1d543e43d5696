"""The idiom list: the file's shape, and matching with the verb checked before overlaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.reading.idioms import Idiom, IdiomList, load_idioms, parse_idioms
from assistant.resources import resource_path


def test_bundled_list_is_large_and_well_formed() -> None:
    idioms = parse_idioms(resource_path("idioms.tsv"))
    assert len(idioms) >= 150
    expressions = [i.expression for i in idioms]
    assert len(expressions) == len(set(expressions))
    for must in ("uit de lucht vallen", "de handen ineen slaan", "naar verluidt"):
        assert must in expressions
    assert all(i.meaning and i.fixed for i in idioms)
    assert all(i.verb is None or i.verb.endswith("n") for i in idioms)


def test_the_verb_present_decides_between_idioms_sharing_fixed_words() -> None:
    idioms = IdiomList([
        Idiom("in staat zijn", ("in", "staat"), "zijn", "to be able"),
        Idiom("in staat stellen", ("in", "staat"), "stellen", "to enable"),
    ])
    keys = [("dat",), ("stelt", "stellen"), ("hen",), ("in",), ("staat",)]
    found = idioms.find(keys, lambda i: 0)
    assert [m.idiom.expression for m in found] == ["in staat stellen"]
    assert found[0].positions == (1, 3, 4)


def test_a_verb_in_another_sentence_does_not_count() -> None:
    idioms = IdiomList([Idiom("uit de lucht vallen", ("uit", "de", "lucht"), "vallen", "x")])
    keys = [("uit",), ("de",), ("lucht",), ("vallen",)]
    assert idioms.find(keys, lambda i: 0 if i < 3 else 1) == []


def test_missing_file_gives_an_empty_list(tmp_path: Path) -> None:
    assert len(load_idioms(tmp_path / "none.tsv")) == 0


STORM = Idiom("storm lopen", ("storm",), "lopen", "to flock; to rush")


def test_a_one_word_idiom_needs_its_verb_close_by() -> None:
    idioms = IdiomList([STORM])
    near = [("de",), ("fans",), ("liepen", "lopen"), ("storm",), (".",)]
    assert [m.positions for m in idioms.find(near, lambda i: 0)] == [(2, 3)]
    far = [("storm",), ("a",), ("b",), ("c",), ("d",), ("liepen", "lopen")]
    assert idioms.find(far, lambda i: 0) == []


def test_a_bare_noun_idiom_refuses_a_determiner_before_its_noun() -> None:
    # "Door de storm liepen de mensen weg" is weather, not storm lopen.
    keys = [("door",), ("de",), ("storm",), ("liepen", "lopen"), ("de",), ("mensen",)]
    assert IdiomList([STORM]).find(keys, lambda i: 0) == []
    assert STORM.bare_noun
    assert not Idiom("een rol spelen", ("rol",), "spelen", "x").bare_noun


def test_an_idiom_written_with_a_determiner_accepts_one() -> None:
    role = Idiom("een rol spelen", ("rol",), "spelen", "to play a role")
    keys = [("dat",), ("speelt", "spelen"), ("een",), ("rol",)]
    assert [m.positions for m in IdiomList([role]).find(keys, lambda i: 0)] == [(1, 3)]


# --- levels, word order and matching after separable verbs are joined ---------------------

from parse_data import analysed, w  # noqa: E402

from assistant.errors import DataError  # noqa: E402
from assistant.models import Level, PhraseKind  # noqa: E402

FIN = "VerbForm=Fin"
LUCHT = Idiom("uit de lucht vallen", ("uit", "de", "lucht"), "vallen",
              "to come out of the blue", Level.B2)


def test_levels_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "idioms.tsv"
    path.write_text("expression\tfixed\tverb\tmeaning\tlevel\n"
                    "uit de lucht vallen\tuit de lucht\tvallen\tout of the blue\tb2\n"
                    "naar verluidt\tnaar verluidt\t\treportedly\t\n", encoding="utf-8")
    assert [i.level for i in parse_idioms(path)] == [Level.B2, None]
    path.write_text("expression\tfixed\tverb\tmeaning\tlevel\n"
                    "a b\ta b\t\tx\tB3\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"Line 2 of idioms\.tsv: 'B3' is not a CEFR level"):
        parse_idioms(path)


def test_a_file_without_levels_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "idioms.tsv"
    path.write_text("expression\tfixed\tverb\tmeaning\nnaar verluidt\tnaar verluidt\t\tx\n",
                    encoding="utf-8")
    assert parse_idioms(path)[0].level is None


def test_every_bundled_idiom_has_a_level() -> None:
    idioms = {i.expression: i for i in parse_idioms(resource_path("idioms.tsv"))}
    assert all(i.level is not None for i in idioms.values())
    assert idioms["uit de lucht vallen"].level is Level.B2
    assert idioms["voor het eerst"].level is Level.A2


def lucht_words() -> list[object]:
    return [w("Het", pos="PRON", dep="nsubj"), w("viel", "vallen", "VERB", morph=FIN),
            w("uit", pos="ADP"), w("de", pos="DET"), w("lucht", pos="NOUN"), w(".", pos="PUNCT")]


@pytest.mark.parametrize(("level", "hard"), [
    (Level.A2, {"viel", "lucht"}), (Level.B1, {"viel", "lucht"}), (Level.B2, set()),
    (Level.C1, set()),
])
def test_an_idiom_of_easy_words_is_hard_below_its_level(level: Level, hard: set[str]) -> None:
    result = analysed(lucht_words(), idioms=IdiomList([LUCHT]), level=level)  # type: ignore[arg-type]
    assert {t.text for t in result.tokens if t.hard} == hard  # "uit", "de": function words


def test_the_same_words_outside_the_idiom_stay_easy() -> None:
    words = [w("De", pos="DET"), w("lucht", pos="NOUN"), w("is", "zijn", "AUX", morph=FIN),
             w("blauw", pos="ADJ"), w(".", pos="PUNCT")]
    result = analysed(words, idioms=IdiomList([LUCHT]), level=Level.B1)  # type: ignore[arg-type]
    assert result.phrases == () and not any(t.hard for t in result.tokens)


def test_an_idiom_without_a_level_is_judged_by_its_words() -> None:
    plain = Idiom(LUCHT.expression, LUCHT.fixed, LUCHT.verb, LUCHT.meaning)
    result = analysed(lucht_words(), idioms=IdiomList([plain]), level=Level.B1)  # type: ignore[arg-type]
    assert result.phrases[0].zipf == pytest.approx(4.95 - 0.5, abs=0.3)  # viel/lucht ~5
    assert not any(t.hard for t in result.tokens)
    assert {t.text for t in analysed(lucht_words(), idioms=IdiomList([plain]),  # type: ignore[arg-type]
                                     level=Level.A1).tokens if t.hard} == {"viel", "lucht"}


def test_the_fixed_words_must_stand_in_order_and_together() -> None:
    idioms = IdiomList([LUCHT])
    in_order = [("het",), ("viel", "vallen"), ("uit",), ("de",), ("lucht",)]
    assert [m.positions for m in idioms.find(in_order, lambda i: 0)] == [(1, 2, 3, 4)]
    shuffled = [("het",), ("viel", "vallen"), ("de",), ("lucht",), ("uit",)]
    assert idioms.find(shuffled, lambda i: 0) == []
    apart = [("viel", "vallen"), ("uit",), ("de",), ("blauwe",), ("lucht",)]
    assert idioms.find(apart, lambda i: 0) == []
    without_verb = [("uit",), ("de",), ("lucht",), ("gezien",)]
    assert idioms.find(without_verb, lambda i: 0) == []


DELAY = Idiom("vertraging oplopen", ("vertraging",), "oplopen", "to be delayed", Level.B1)


@pytest.mark.parametrize("words", [
    # main-clause order: the particle far from the verb, joined first
    [w("De", pos="DET"), w("trein", pos="NOUN", dep="nsubj"), w("liep", "lopen", "VERB",
     morph=FIN), w("vertraging", pos="NOUN"), w("op", pos="ADP", dep="compound:prt", head=2),
     w(".", pos="PUNCT")],
    # subordinate order: one inflected token
    [w("dat", pos="SCONJ", dep="mark"), w("de", pos="DET"), w("trein", pos="NOUN"),
     w("vertraging", pos="NOUN"), w("opliep", "oplopen", "VERB", morph=FIN)],
    # te-infinitive
    [w("om", pos="ADP", dep="mark"), w("vertraging", pos="NOUN"), w("op", pos="ADP"),
     w("te", pos="ADP", dep="mark"), w("lopen", "lopen", "VERB", morph="VerbForm=Inf")],
])
def test_an_idiom_with_a_separable_verb_matches_split_and_inflected(words: list[object]) -> None:
    result = analysed(words, idioms=IdiomList([DELAY]))  # type: ignore[arg-type]
    assert [(p.kind, p.lemma) for p in result.phrases] == [(PhraseKind.IDIOM,
                                                            "vertraging oplopen")]
    phrase = result.phrases[0]
    members = {result.tokens[i].text for i in phrase.tokens}
    assert "vertraging" in members and members & {"liep", "opliep", "lopen"}
    # every part, the separate particle too, belongs to the one phrase (underlined as a unit)
    assert all(result.tokens[i].phrase == 0 for i in phrase.tokens)
    particles = [t.index for t in result.tokens if t.text == "op"]
    assert set(particles) <= set(phrase.tokens)


def test_without_the_join_a_separable_idiom_is_not_matched() -> None:
    from assistant.reading.separable import AttestedVerbs

    words = [w("De", pos="DET"), w("trein", pos="NOUN", dep="nsubj"),
             w("liep", "lopen", "VERB", morph=FIN), w("vertraging", pos="NOUN"),
             w("op", pos="ADP", dep="compound:prt", head=2), w(".", pos="PUNCT")]
    result = analysed(words, idioms=IdiomList([DELAY]), separable=AttestedVerbs())  # type: ignore[arg-type]
    assert result.phrases == ()
