"""Names are not words: capitalised tokens used as names although no entity covers them."""

from __future__ import annotations

import pytest
from parse_data import Word, analysed, parse, w

from assistant.reading.analysis import name_like_in_text

FIN = "VerbForm=Fin"
KNOWN = frozenset({"minister", "premier", "volgens", "fortuin", "opwarming", "russisch"})


def known(word: str) -> bool:
    return word in KNOWN


def v(text: str) -> Word:
    return w(text, pos="VERB", morph=FIN)


P = w(".", pos="PUNCT")

# (words, the parser's sentence starts, block starts as word indices, the names expected)
CASES: dict[str, tuple[list[Word], tuple[int, ...], tuple[int, ...], set[str]]] = {
    "a parser's split inside a name is no sentence start (Sytze | Fortuin)": (
        [w("Sytze", pos="ADJ"), w("Fortuin", pos="NOUN"), v("zei"), w("niets", pos="PRON"),
         w("nieuws", pos="NOUN"), P], (0, 1), (0,), {"Sytze", "Fortuin"}),
    "a capitalised adjective no noun follows (De Volder reageerde)": (
        [w("De", pos="DET"), w("Volder", pos="ADJ"), v("reageerde"), w("verbaasd"), P],
        (0,), (0,), {"Volder"}),
    "a capitalised noun in mid-sentence (zei De Vries)": (
        [w("Toen", pos="ADV"), v("zei"), w("De", pos="DET"), w("Vries", pos="PROPN"), w("niets"),
         P], (0,), (0,), {"Vries"}),
    "a first word the dictionary does not know before a name": (
        [w("Kees", pos="PROPN"), w("Verbeek", pos="PROPN"), v("won"), P], (0,), (0,),
        {"Kees", "Verbeek"}),
    "a known title before a name stays a word (Minister Hoekstra)": (
        [w("Minister", pos="PROPN"), w("Hoekstra", pos="PROPN"), v("zei"), w("niets"), P],
        (0,), (0,), {"Hoekstra"}),
    "a common noun before a name stays a word (Fractievoorzitter Verhagen)": (
        [w("Fractievoorzitter", pos="NOUN"), w("Verhagen", pos="PROPN"), v("zei"),
         w("niets"), P], (0,), (0,), {"Verhagen"}),
    "adjectives before a conjunction are no names (Amerikaanse en Britse troepen)": (
        [w("De", pos="DET"), w("Amerikaanse", pos="ADJ"), w("en", pos="CCONJ"),
         w("Britse", pos="ADJ"), w("troepen", pos="NOUN"), v("vertrekken"), P],
        (0,), (0,), set()),
    "a preposition before a name stays a word (Volgens Rutte)": (
        [w("Volgens", pos="ADP"), w("Rutte", pos="PROPN"), v("klopt"), w("het"), P],
        (0,), (0,), {"Rutte"}),
    "an adjective before its noun stays a word (de Russische president)": (
        [w("De", pos="DET"), w("Russische", pos="ADJ"), w("president", pos="NOUN"), v("sprak"),
         P], (0,), (0,), set()),
    "a sentence after a full stop starts with a word": (
        [w("Hij", pos="PRON"), v("stopt"), P, w("Fortuin", pos="NOUN"), v("is"),
         w("geluk", pos="NOUN"), P], (0, 3), (0,), set()),
    "a paragraph after a heading starts with a word": (
        [w("Klimaat", pos="NOUN"), w("Opwarming", pos="NOUN"), v("gaat"), w("door"), P],
        (0, 1), (0, 1), set()),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_names_and_words(case: str) -> None:
    words, sentence_starts, block_starts, names = CASES[case]
    tokens = parse(words, sentence_starts=sentence_starts).tokens
    found = name_like_in_text(tokens, {tokens[i].start for i in block_starts}, known)
    assert {tokens[i].text for i in found} == names


def test_without_a_dictionary_a_capitalised_first_word_before_a_name_is_one() -> None:
    words, starts, blocks, _ = CASES[
        "a known title before a name stays a word (Minister Hoekstra)"]
    tokens = parse(words, sentence_starts=starts).tokens
    found = name_like_in_text(tokens, {tokens[i].start for i in blocks})
    assert {tokens[i].text for i in found} == {"Minister", "Hoekstra"}


def test_names_in_the_analysis_are_no_words_and_never_hard() -> None:
    words, starts, _, _ = CASES[
        "a parser's split inside a name is no sentence start (Sytze | Fortuin)"]
    result = analysed(words, sentence_starts=starts)
    by_text = {t.text: t for t in result.tokens}
    assert not by_text["Sytze"].is_word and not by_text["Fortuin"].is_word
    assert not by_text["Fortuin"].hard
    assert by_text["nieuws"].is_word
