"""Separable verbs on hand-built parses: which joins the rules make and which they refuse."""

from __future__ import annotations

import pytest
from parse_data import Word, analysed, parse, w

from assistant.models import PhraseKind
from assistant.reading.separable import separable_pairs, stranded_preposition

FIN = "VerbForm=Fin"
ZIPF = {"uitvallen": 3.5, "aandenken": 2.5, "aankomen": 4.0, "uitvoeren": 4.2,
        "opbellen": 3.0, "aankloppen": 2.5, "meegaan": 3.0, "omgaan": 4.0}


def zipf(word: str) -> float:
    return ZIPF.get(word, 0.0)


def pairs(words: list[Word]) -> list[tuple[str, str]]:
    tokens = parse(words).tokens
    lemmas = [t.lemma for t in tokens]
    return [(tokens[v].text, tokens[p].text) for v, p in separable_pairs(tokens, lemmas, zipf)]


JOINS = {
    "parser's compound:prt": [
        w("De"), w("stroom", pos="NOUN"), w("viel", "vallen", "VERB", morph=FIN),
        w("gisteren", pos="ADV"), w("uit", pos="ADP", dep="compound:prt", head=2),
        w(".", pos="PUNCT"),
    ],
    "clause-final particle": [
        w("De"), w("trein", pos="NOUN"), w("kwam", "komen", "VERB", morph=FIN),
        w("om", pos="ADP"), w("acht", pos="NUM"), w("uur", pos="NOUN"), w("aan", pos="ADP"),
        w(".", pos="PUNCT"),
    ],
    "particle te infinitive": [
        w("Zij"), w("besloot", "besluiten", "VERB", morph=FIN), w("het"), w("plan", pos="NOUN"),
        w("uit", pos="ADP"), w("te", pos="ADP"), w("voeren", "voeren", "VERB"), w(".", pos="PUNCT"),
    ],
}


@pytest.mark.parametrize("case", sorted(JOINS))
def test_joins(case: str) -> None:
    words = JOINS[case]
    expected = {"parser's compound:prt": [("viel", "uit")],
                "clause-final particle": [("kwam", "aan")],
                "particle te infinitive": [("voeren", "uit")]}[case]
    assert pairs(words) == expected


REFUSALS = {
    # "Hij denkt er niet aan": a preposition stranded by er, even when the parser says prt.
    "er between verb and particle (parser)": [
        w("Hij", pos="PRON"), w("denkt", "denken", "VERB", morph=FIN), w("er", pos="ADV"),
        w("niet", pos="ADV"), w("aan", pos="ADP", dep="compound:prt", head=1), w(".", pos="PUNCT"),
    ],
    "er between verb and particle (clause-final rule)": [
        w("Hij", pos="PRON"), w("denkt", "denken", "VERB", morph=FIN), w("er", pos="ADV"),
        w("niet", pos="ADV"), w("aan", pos="ADP"), w(".", pos="PUNCT"),
    ],
    "er before the particle in a subordinate clause": [
        w("omdat", pos="SCONJ"), w("hij", pos="PRON"), w("er", pos="ADV"), w("niet", pos="ADV"),
        w("aan", pos="ADP", dep="compound:prt", head=5), w("denkt", "denken", "VERB", morph=FIN),
    ],
    "daar mee before the verb's real particle": [
        w("Hoe", pos="ADV"), w("gaan", "gaan", "VERB", morph=FIN), w("we", pos="PRON"),
        w("daar", pos="ADV"), w("mee", pos="ADP", dep="compound:prt", head=1), w("om", pos="ADP"),
        w("?", pos="PUNCT"),
    ],
    "too rare a joined verb": [
        w("Hij"), w("liep", "lopen", "VERB", morph=FIN), w("naar", pos="ADP"),
        w("huis", pos="NOUN"), w("toe", pos="ADP"), w(".", pos="PUNCT"),
    ],
    "a preposition with its object": [
        w("Hij"), w("kwam", "komen", "VERB", morph=FIN), w("uit", pos="ADP"),
        w("Amsterdam", pos="PROPN"), w(".", pos="PUNCT"),
    ],
    "the lemmatiser already joined it": [
        w("aangedreven", "aandrijven", "VERB", dep="compound:prt", head=0),
    ],
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refusals(case: str) -> None:
    assert pairs(REFUSALS[case]) == []


@pytest.mark.parametrize(
    ("words", "verb", "particle", "stranded"),
    [
        (["Hij", "denkt", "er", "niet", "aan"], 1, 4, True),
        (["dat", "hij", "er", "niet", "aan", "denkt"], 5, 4, True),
        (["waar", "hij", "aan", "denkt"], 3, 2, True),
        (["Er", "komt", "een", "nieuwe", "wet", "aan"], 1, 5, False),
        (["De", "stroom", "viel", "gisteren", "uit"], 2, 4, False),
    ],
)
def test_stranded_preposition(words: list[str], verb: int, particle: int, stranded: bool) -> None:
    tokens = parse([w(text) for text in words]).tokens
    assert stranded_preposition(tokens, verb, particle) is stranded


def test_the_join_becomes_one_phrase_and_one_lemma() -> None:
    result = analysed(JOINS["parser's compound:prt"])
    verb, particle = result.tokens[2], result.tokens[4]
    assert verb.lemma == particle.lemma == "uitvallen"
    phrase = result.phrases[verb.phrase]  # type: ignore[index]
    assert phrase.kind is PhraseKind.SEPARABLE_VERB and phrase.tokens == (2, 4)
    assert particle.phrase == verb.phrase
