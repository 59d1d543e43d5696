"""The compound splitter's rules one by one on a hand-built word list: bounds, links, ranking."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from assistant.errors import DataError
from assistant.lexicon.compounds import (
    PartSenses,
    default_part_senses,
    head_pos,
    split_compound,
)

# Zipf of every word the hand-built dictionary knows; FREQUENT_UNKNOWN are frequent in running
# text (wordfreq) but not in the dictionary.
KNOWN = {
    "bos": 4.0, "pad": 4.0, "weg": 4.0, "dak": 4.0, "hek": 4.0, "haven": 4.0,
    "anti": 3.0, "tank": 3.0, "kind": 4.0, "boek": 4.0, "rand": 1.5, "mos": 1.49,
    "kwart": 3.0, "slag": 3.0, "kwarts": 5.0, "lag": 2.0,
    "ei": 4.0, "doos": 4.0,
}
FREQUENT_UNKNOWN = {"xyz": 4.0, "bossen": 3.0}
Parts = tuple[tuple[str, str, str], ...]


def known(word: str) -> bool:
    return word in KNOWN


def zipf(word: str) -> float:
    return KNOWN.get(word, FREQUENT_UNKNOWN.get(word, 0.0))


def parts(word: str, head_forms: Callable[[str], Iterable[str]] | None = None,
          words: dict[str, float] | None = None) -> Parts | None:
    table = KNOWN if words is None else words
    result = split_compound(word, table.__contains__,
                            lambda w: table.get(w, FREQUENT_UNKNOWN.get(w, 0.0)), head_forms)
    return None if result is None else tuple((p.text, p.lemma, p.link) for p in result.parts)


@pytest.mark.parametrize(("word", "expected"), [
    ("bospad", (("bos", "bos", ""), ("pad", "pad", ""))),  # six letters: two of three
    ("havenbos", (("haven", "haven", ""), ("bos", "bos", ""))),  # a head of three letters
    ("bospadweg", (("bos", "bos", ""), ("pad", "pad", ""), ("weg", "weg", ""))),
    ("bospadwegdak", (("bos", "bos", ""), ("pad", "pad", ""), ("weg", "weg", ""),
                      ("dak", "dak", ""))),  # four parts, the most
    ("anti-tank", (("anti", "anti", "-"), ("tank", "tank", ""))),  # a hyphen is a link
    ("kinderboek", (("kind", "kind", "er"), ("boek", "boek", ""))),  # -er- after kind
    ("bosrand", (("bos", "bos", ""), ("rand", "rand", ""))),  # a head exactly at the floor
    ("randbos", (("rand", "rand", ""), ("bos", "bos", ""))),  # a modifier exactly at it
    ("bosspad", (("bos", "bos", "s"), ("pad", "pad", ""))),  # the -s- link
])
def test_what_must_split_and_into_what(word: str, expected: Parts) -> None:
    assert parts(word) == expected


@pytest.mark.parametrize("word", [
    "bospadwegdakhek",  # five parts: more than MAX_PARTS
    "bosmos",  # a head just under the Zipf floor
    "mosbos",  # a modifier just under it
    "xyzbos",  # a modifier wordfreq knows but the dictionary does not
    "bosxyz",  # such a head
    "boserpad",  # -er- after a word that does not take it
    "bospad-",  # nothing after the hyphen
    "-bospad",
    "bospa",  # five letters: too short for two parts
    "eidoos",  # a known part of two letters: too short
    "bos pad",  # not one word
])
def test_what_must_never_split(word: str) -> None:
    assert parts(word) is None


def test_an_inflected_head_takes_its_first_known_form() -> None:
    forms = {"paden": ["pade", "pad"], "bossen": ["bos"]}
    assert parts("bospaden", lambda piece: forms.get(piece, [])) == (
        ("bos", "bos", ""), ("paden", "pad", ""))
    # The head's frequency is its lemma's or its own, whichever is higher.
    assert parts("havenbossen", lambda piece: forms.get(piece, [])) == (
        ("haven", "haven", ""), ("bossen", "bos", ""))
    rare_lemma = {**KNOWN, "bos": 1.0}  # bossen itself is frequent in running text
    assert parts("havenbossen", lambda piece: forms.get(piece, []), rare_lemma) == (
        ("haven", "haven", ""), ("bossen", "bos", ""))


def test_a_head_form_shorter_than_a_part_is_not_its_lemma() -> None:
    # 'ei' is known, but too short to be a part: eieren has no lemma of its own here.
    assert parts("dooseieren", lambda piece: ["ei"]) is None
    words = {**KNOWN, "eieren": 3.0}
    assert parts("dooseieren", lambda piece: ["ei"], words) == (
        ("doos", "doos", ""), ("eieren", "eieren", ""))


def test_the_whole_word_is_never_its_own_head() -> None:
    # bospaden is a form of a known bospad: split_compound still splits it (Dictionary.split
    # refuses such a word before it asks), and never takes the whole for a one-part head.
    forms = {"bospaden": ["bospad"], "paden": ["pad"]}
    words = {**KNOWN, "bospad": 3.0}
    assert parts("bospaden", lambda piece: forms.get(piece, []), words) == (
        ("bos", "bos", ""), ("paden", "pad", ""))


def test_a_part_has_no_hyphen_in_it() -> None:
    # pad-weg is a word here, but parts are cut at the hyphen: three, not bos·pad-weg.
    words = {**KNOWN, "pad-weg": 5.0}
    assert parts("bospad-weg", words=words) == (
        ("bos", "bos", ""), ("pad", "pad", "-"), ("weg", "weg", ""))
    assert parts("pad-wegbos", words=words) == (
        ("pad", "pad", "-"), ("weg", "weg", ""), ("bos", "bos", ""))


def test_a_rare_first_part_does_not_stop_a_longer_one() -> None:
    assert parts("mospadweg", words={**KNOWN, "mospad": 3.0}) == (
        ("mospad", "mospad", ""), ("weg", "weg", ""))


def test_a_head_form_the_dictionary_does_not_know_is_passed_over() -> None:
    assert parts("bospaden", lambda piece: ["padx", "pad"]) == (
        ("bos", "bos", ""), ("paden", "pad", ""))


@pytest.mark.parametrize(("word", "words", "expected"), [
    # Equal part counts: the split whose rarest part is more frequent wins (3.0/3.0 over 5.0/2.0).
    ("kwartslag", None, (("kwart", "kwart", ""), ("slag", "slag", ""))),
    # Equal rarest parts: the higher total wins (3.0 + 4.0 over 3.0 + 3.5, and the other way).
    ("kerkuil", {"kerk": 3.0, "uil": 4.0, "ker": 3.0, "kuil": 3.5},
     (("kerk", "kerk", ""), ("uil", "uil", ""))),
    ("kerkuil", {"kerk": 3.0, "uil": 3.0, "ker": 3.0, "kuil": 3.5},
     (("ker", "ker", ""), ("kuil", "kuil", ""))),
    # A rarer split of two parts still beats a frequent one of three.
    ("bospadweg", {"bospad": 1.6, "weg": 1.6, "bos": 5.0, "pad": 5.0},
     (("bospad", "bospad", ""), ("weg", "weg", ""))),
])
def test_the_ranking(word: str, words: dict[str, float] | None, expected: Parts) -> None:
    assert parts(word, words=words) == expected


def test_a_full_tie_keeps_the_shorter_first_part() -> None:
    # stoo·mboot and stoom·boot rank alike on these figures: the first found stays.
    words = {"stoom": 3.0, "boot": 4.0, "stoo": 4.0, "mboot": 3.0}
    assert parts("stoomboot", words=words) == (("stoo", "stoo", ""), ("mboot", "mboot", ""))


@pytest.mark.parametrize(("ud_pos", "pos"), [
    ("NOUN", "noun"), ("ADJ", "adj"), ("ADV", "adj"), ("VERB", "noun"), ("PROPN", "noun"),
    (None, "noun"), ("", "noun"),
])
def test_head_pos(ud_pos: str | None, pos: str) -> None:
    assert head_pos(ud_pos) == pos


@pytest.mark.parametrize(("rows", "error"), [
    ("part\trole\tgloss\n\tmodifier\tfinal\n", "parts.tsv, line 2: a part, a role "
     r"\(modifier or head\) and a gloss are needed\."),  # no part
    ("part\trole\tgloss\nslot\t\tfinal\n", "parts.tsv, line 2: a part"),  # no role
    ("part\trole\nslot\tmodifier\n", r"parts.tsv lacks the column\(s\) gloss"),  # no column
    ("part\trole\tgloss\nslot\thead\tlock\nSlot\thead\tend\n",
     "parts.tsv, line 3: slot is listed twice as a head."),  # twice, whatever the case
])
def test_a_bad_part_table_names_file_line_and_fault(tmp_path: Path, rows: str,
                                                     error: str) -> None:
    path = tmp_path / "parts.tsv"
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(DataError, match=error):
        PartSenses.load(path)


def test_a_part_table_is_read_by_part_and_role(tmp_path: Path) -> None:
    path = tmp_path / "parts.tsv"
    path.write_text("part\trole\tgloss\nSlot\tmodifier\tfinal\nslot\thead\tlock\n",
                    encoding="utf-8")
    table = PartSenses.load(path)
    assert table.glosses == {("slot", "modifier"): "final", ("slot", "head"): "lock"}
    assert table.gloss("SLOT", "head") == "lock"
    assert table.gloss("slot", "other") is None


def test_the_shipped_part_table_is_read_from_resources() -> None:
    # Past the cache, which an earlier test may have filled.
    assert default_part_senses.__wrapped__() == default_part_senses()
