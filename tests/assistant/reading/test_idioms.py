"""The idiom list: the file's shape, and matching with the verb checked before overlaps."""

from __future__ import annotations

from pathlib import Path

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
