"""Idiom rules at their edges: how far the verb may stand, a fixed word is not its own verb,
and what the idiom file must hold."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from assistant.errors import DataError
from assistant.reading.idioms import (
    SINGLE_WORD_VERB_WINDOW,
    VERB_WINDOW,
    Idiom,
    IdiomList,
    parse_idioms,
)

LUCHT = Idiom("uit de lucht vallen", ("uit", "de", "lucht"), "vallen", "out of the blue")
STORM = Idiom("storm lopen", ("storm",), "lopen", "to flock; to rush")
FALLS = ("viel", "vallen")
RUNS = ("liepen", "lopen")


def filler(count: int) -> list[tuple[str, ...]]:
    return [(f"woord{i}",) for i in range(count)]


def positions(idiom: Idiom, keys: Sequence[tuple[str, ...]]) -> list[tuple[int, ...]]:
    return [m.positions for m in IdiomList([idiom]).find(keys, lambda i: 0)]


FIXED = [("uit",), ("de",), ("lucht",)]


@pytest.mark.parametrize(("idiom", "fixed", "verb", "window"), [
    (LUCHT, FIXED, FALLS, VERB_WINDOW),
    (STORM, [("storm",)], RUNS, SINGLE_WORD_VERB_WINDOW),
])
def test_the_verb_may_stand_as_far_as_the_window_on_either_side(
        idiom: Idiom, fixed: list[tuple[str, ...]], verb: tuple[str, ...], window: int) -> None:
    after = [*fixed, *filler(window - 1), verb]
    assert positions(idiom, after) == [(*range(len(fixed)), len(after) - 1)]
    before = [verb, *filler(window - 1), *fixed]
    assert positions(idiom, before) == [(0, *range(window, window + len(fixed)))]


@pytest.mark.parametrize(("idiom", "fixed", "verb", "window"), [
    (LUCHT, FIXED, FALLS, VERB_WINDOW),
    (STORM, [("storm",)], RUNS, SINGLE_WORD_VERB_WINDOW),
])
def test_a_verb_one_word_beyond_the_window_is_refused(
        idiom: Idiom, fixed: list[tuple[str, ...]], verb: tuple[str, ...], window: int) -> None:
    assert positions(idiom, [*fixed, *filler(window), verb]) == []
    assert positions(idiom, [verb, *filler(window), *fixed]) == []


def test_the_verb_may_be_the_texts_first_word() -> None:
    assert positions(LUCHT, [FALLS, *FIXED]) == [(0, 1, 2, 3)]
    assert positions(STORM, [RUNS, ("storm",)]) == [(0, 1)]


def test_a_fixed_word_is_not_its_own_verb() -> None:
    # "maten" is also a past form of "meten": the idiom still needs a verb of its own.
    maten = Idiom("met twee maten meten", ("met", "twee", "maten"), "meten", "double standards")
    assert positions(maten, [("met",), ("twee",), ("maten", "meten")]) == []
    assert positions(maten, [("met",), ("twee",), ("maten", "meten"), ("meet", "meten")]) \
        == [(0, 1, 2, 3)]


HEADER = "expression\tfixed\tverb\tmeaning\tlevel\n"


def idiom_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "idioms.tsv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def test_fixed_words_and_verb_are_read_in_lower_case(tmp_path: Path) -> None:
    path = idiom_file(tmp_path, "Uit de lucht vallen\tUit De Lucht\tVallen\tout of the blue\tB2",
                      "naar verluidt\tnaar verluidt\t\treportedly\tB1")
    lucht, reportedly = parse_idioms(path)
    assert (lucht.expression, lucht.fixed, lucht.verb, lucht.meaning) == (
        "Uit de lucht vallen", ("uit", "de", "lucht"), "vallen", "out of the blue")
    assert (reportedly.fixed, reportedly.verb) == (("naar", "verluidt"), None)


@pytest.mark.parametrize("row", [
    "uit de lucht vallen\t\tvallen\tout of the blue\tB2",   # no fixed words
    "uit de lucht vallen\tuit de lucht\tvallen\t\tB2",      # no meaning
])
def test_an_idiom_needs_fixed_words_and_a_meaning(tmp_path: Path, row: str) -> None:
    path = idiom_file(tmp_path, "naar verluidt\tnaar verluidt\t\treportedly\tB1", row)
    with pytest.raises(DataError, match=r"^Line 3 of idioms\.tsv needs fixed words and a "
                                        r"meaning\.$"):
        parse_idioms(path)


def test_the_file_needs_a_verb_column(tmp_path: Path) -> None:
    path = tmp_path / "idioms.tsv"
    path.write_text("expression\tfixed\tmeaning\nnaar verluidt\tnaar verluidt\treportedly\n",
                    encoding="utf-8")
    with pytest.raises(DataError, match="verb"):
        parse_idioms(path)


def one_sentence(index: int) -> int:
    return 0


def found(idiom_list: list[Idiom], keys: Sequence[tuple[str, ...]],
          sentence_of: Callable[[int], int] = one_sentence) -> list[tuple[str, tuple[int, ...]]]:
    return [(m.idiom.expression, m.positions)
            for m in IdiomList(idiom_list).find(keys, sentence_of)]


IN_STAAT = Idiom("in staat zijn", ("in", "staat"), "zijn", "to be able")
VERBLUIDT = Idiom("naar verluidt", ("naar", "verluidt"), None, "reportedly")
HOOGTE = Idiom("op de hoogte", ("op", "de", "hoogte"), None, "informed")


def test_a_two_word_idiom_has_the_wide_window() -> None:
    keys = [("in",), ("staat",), *filler(VERB_WINDOW - 1), ("is", "zijn")]
    assert found([IN_STAAT], keys) == [("in staat zijn", (0, 1, len(keys) - 1))]


def test_a_bare_noun_at_the_texts_start_has_no_determiner_before_it() -> None:
    # Nothing comes before the first word (not the text's last word, "de").
    keys = [("storm",), RUNS, ("op",), ("de",)]
    assert found([STORM], keys) == [("storm lopen", (0, 1))]


def test_a_determiner_right_before_the_bare_noun_refuses_it() -> None:
    assert found([STORM], [("de",), ("storm",), RUNS]) == []
    assert found([STORM], [("ze",), ("de",), ("storm",), RUNS]) == []
    assert found([STORM], [("de",), ("grote",), ("storm",), RUNS]) == [
        ("storm lopen", (2, 3))]  # only the word right before counts


def test_a_determiner_of_another_sentence_does_not_refuse_a_bare_noun() -> None:
    keys = [("zag",), ("die",), ("storm",), RUNS]
    second = {0: 0, 1: 0}
    assert found([STORM], keys, lambda i: second.get(i, 1)) == [("storm lopen", (2, 3))]
    # and one of the same sentence does, whatever sentence the word before it is in
    first = {0: 0}
    assert found([STORM], keys, lambda i: first.get(i, 1)) == []


def test_a_refused_occurrence_leaves_the_next_one() -> None:
    keys = [("de",), ("storm",), RUNS, (".",), ("ze",), RUNS, ("storm",)]
    assert found([STORM], keys, lambda i: 0 if i < 4 else 1) == [("storm lopen", (5, 6))]


def test_every_fixed_phrase_without_a_verb_is_found() -> None:
    keys = [("naar",), ("verluidt",), ("is",), ("hij",), ("op",), ("de",), ("hoogte",)]
    assert found([VERBLUIDT, HOOGTE], keys) == [
        ("naar verluidt", (0, 1)), ("op de hoogte", (4, 5, 6))]
