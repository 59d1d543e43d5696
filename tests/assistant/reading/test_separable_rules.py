"""Separable-verb rules at their edges: where clauses open and close, which word before a
particle-like noun makes it part of a noun phrase, and what after a particle is no object."""

from __future__ import annotations

import pytest
from parse_data import Word, parse, w

from assistant.reading.separable import AttestedVerbs, clauses, separable_joins

FIN, INF = "VerbForm=Fin", "VerbForm=Inf"
PRT = "compound:prt"
LEXICON = AttestedVerbs.of([("plaats", "nemen"), ("in", "nemen"), ("aan", "komen"),
                            ("toe", "geven")])

POS = {"en": "CCONJ", "als": "SCONJ", "dat": "SCONJ", "omdat": "SCONJ", ".": "PUNCT",
       ",": "PUNCT", "waar": "ADV"}
VERBS = {"zei": FIN, "kwam": FIN, "zag": FIN, "won": FIN, "viel": FIN, "woont": FIN, "wil": FIN,
         "komt": FIN, "zingen": INF, "dansen": INF}


@pytest.mark.parametrize(("text", "sentence_starts", "expected"), [
    ("Hij zag de stad waar hij woont", (0,), [0, 0, 0, 0, 1, 1, 1]),  # waar opens one
    ("Hij zei dat hij kwam", (0,), [0, 0, 1, 1, 1]),
    ("Hij zag dat .", (0,), [0, 0, 0, 1]),              # no verb after dat: no clause
    ("Hij zei dat Zij kwam", (0, 3), [0, 0, 0, 1, 1]),  # nor one of the next sentence
    ("Hij won als negende", (0,), [0, 0, 0, 0]),
    ("Hij won als tweede en viel", (0,), [0, 0, 0, 0, 1, 1]),  # en stops als' search
    ("Hij won als tweede , viel", (0,), [0, 0, 0, 0, 1, 2]),   # and so does a comma
    ("Hij won omdat als hij komt", (0,), [0, 0, 0, 1, 1, 1]),  # and another opener
    ("Hij wil zingen en dansen", (0,), [0, 0, 0, 0, 0]),  # en before no finite verb
])
def test_where_clauses_open(text: str, sentence_starts: tuple[int, ...],
                            expected: list[int]) -> None:
    words = [w(t, pos="VERB" if t in VERBS else POS.get(t, "X"), morph=VERBS.get(t, ""))
             for t in text.split()]
    assert clauses(parse(words, sentence_starts=sentence_starts).tokens) == expected


def test_an_attested_lexicon_knows_particles_with_er_apart() -> None:
    lexicon = AttestedVerbs.of([("uit", "zien"), ("aan", "zien")], with_er=[("Uit", "Zien")])
    assert lexicon.separable_particles("zien") == frozenset({"uit", "aan"})
    assert lexicon.er_particles("ZIEN") == frozenset({"uit"})
    assert lexicon.er_particles("vallen") == frozenset()
    assert AttestedVerbs.of([("uit", "zien")]).er_particles("zien") == frozenset()


def joins(words: list[Word]) -> list[tuple[str, str, str]]:
    tokens = parse(words).tokens
    return [(tokens[j.verb].text, tokens[j.particle].text, j.infinitive)
            for j in separable_joins(tokens, [t.lemma for t in tokens], LEXICON)]


@pytest.mark.parametrize("before", [
    w("de", pos="DET"), w("eerste", pos="ADJ"), w("één", pos="NUM"),
    w("zijn", pos="PRON", morph="Poss=Yes"),
])
def test_a_noun_after_a_determiner_adjective_number_or_possessive_is_no_particle(
        before: Word) -> None:
    words = [w("Hij", pos="PRON"), w("nam", "nemen", "VERB", morph=FIN), before,
             w("plaats", pos="NOUN", dep=PRT, head=1), w("in", pos="ADP"), w(".", pos="PUNCT")]
    assert joins(words) == [("nam", "in", "innemen")]


def test_a_noun_after_a_pronoun_that_is_no_possessive_may_be_the_particle() -> None:
    words = [w("Hij", pos="PRON"), w("nam", "nemen", "VERB", morph=FIN),
             w("gisteren", pos="ADV"), w("plaats", pos="NOUN", dep=PRT, head=1),
             w(".", pos="PUNCT")]
    assert joins(words) == [("nam", "plaats", "plaatsnemen")]


@pytest.mark.parametrize("after", [
    w("hier", pos="PRON"),   # an r-pronoun is no object of the particle
    w("wat", pos="PRON"),    # nor a question word
])
def test_what_after_a_particle_is_no_object(after: Word) -> None:
    words = [w("Hij", pos="PRON"), w("kwam", "komen", "VERB", morph=FIN),
             w("aan", pos="ADP"), after, w(".", pos="PUNCT")]
    assert joins(words) == [("kwam", "aan", "aankomen")]


@pytest.mark.parametrize("after", [
    w("het", pos="DET"), w("Hem", pos="PRON"), w("Utrecht", pos="PROPN"),
    w("die", pos="DET"),
])
def test_a_noun_phrase_after_a_particle_is_its_object(after: Word) -> None:
    words = [w("Hij", pos="PRON"), w("kwam", "komen", "VERB", morph=FIN),
             w("aan", pos="ADP"), after, w(".", pos="PUNCT")]
    assert joins(words) == []
