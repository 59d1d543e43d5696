"""Separable-verb rules at the edges mutation testing found open: which verb of a cluster takes
the particle, what opens a subordinate clause, which labels refuse a particle, the word before a
particle at a clause's start, and what an er/daar before the particle strands."""

from __future__ import annotations

import pytest
from parse_data import Word, parse, w

from assistant.reading.separable import AttestedVerbs, separable_joins

FIN, INF, PART = "VerbForm=Fin", "VerbForm=Inf", "VerbForm=Part"
PRT = "compound:prt"
# Every wrong join the cases below could make is attested too (aanhebben, dichtwillen,
# aankunnen, plaatsnemen, doorlezen), so that only the rule under test refuses it.
LEXICON = AttestedVerbs.of([
    ("aan", "doen"), ("aan", "hebben"), ("dicht", "doen"), ("dicht", "willen"),
    ("aan", "kunnen"), ("plaats", "nemen"), ("in", "nemen"), ("door", "lezen"),
    ("aan", "vragen"), ("aan", "komen"), ("op", "staan"), ("terug", "gaan"), ("uit", "vallen"),
    ("toe", "geven"), ("aan", "doen"), ("uit", "stappen"),
])
PUNCT = w(".", pos="PUNCT")


def verb(text: str, lemma: str, morph: str = FIN, pos: str = "VERB", **kw: object) -> Word:
    return w(text, lemma, pos, morph=morph, **kw)  # type: ignore[arg-type]


def joins(words: list[Word]) -> list[tuple[str, str, str]]:
    tokens = parse(words).tokens
    return [(tokens[j.verb].text, tokens[j.particle].text, j.infinitive)
            for j in separable_joins(tokens, [t.lemma for t in tokens], LEXICON)]


JOINS: dict[str, tuple[list[Word], list[tuple[str, str, str]]]] = {
    # The cluster's main verb is its last non-finite lexical verb, not the auxiliary after it.
    "a participle before its auxiliary (aan gedaan had)": (
        [w("nadat", pos="SCONJ", dep="mark"), w("hij", pos="PRON"), w("het", pos="DET"),
         w("licht", pos="NOUN"), w("aan", pos="ADP"), verb("gedaan", "doen", PART),
         verb("had", "hebben", pos="AUX")],
        [("gedaan", "aan", "aandoen")]),
    "an infinitive before a modal tagged as a verb (dicht doen wilde)": (
        [w("omdat", pos="SCONJ", dep="mark"), w("hij", pos="PRON"), w("de", pos="DET"),
         w("deur", pos="NOUN"), w("dicht", pos="ADJ"), verb("doen", "doen", INF),
         verb("wilde", "willen")],
        [("doen", "dicht", "dichtdoen")]),
    "a cluster of one auxiliary takes the particle (omdat hij het niet aan kan)": (
        [w("omdat", pos="SCONJ", dep="mark"), w("hij", pos="PRON"), w("het", pos="PRON"),
         w("niet", pos="ADV"), w("aan", pos="ADP"), verb("kan", "kunnen", pos="AUX")],
        [("kan", "aan", "aankunnen")]),
    # A subordinate clause keeps its finite verb after the particle, whichever sign opens it.
    "a subordinating conjunction the parser gives no mark": (
        [w("omdat", pos="SCONJ"), w("de", pos="DET"), w("stroom", pos="NOUN"),
         w("uit", pos="ADP"), verb("viel", "vallen")],
        [("viel", "uit", "uitvallen")]),
    "a mark the tagger calls an adverb": (
        [w("toen", pos="ADV", dep="mark"), w("hij", pos="PRON"), w("de", pos="DET"),
         w("deur", pos="NOUN"), w("dicht", pos="ADJ"), verb("deed", "doen")],
        [("deed", "dicht", "dichtdoen")]),
    "a relative clause": (
        [w("de", pos="DET"), w("man", pos="NOUN"), w("die", pos="PRON"), w("de", pos="DET"),
         w("deur", pos="NOUN"), w("dicht", pos="ADJ"), verb("deed", "doen")],
        [("deed", "dicht", "dichtdoen")]),
    # A common particle the tagger calls an adjective still closes its clause.
    "a clause-final particle tagged as an adjective": (
        [w("Hij", pos="PRON"), verb("deed", "doen"), w("de", pos="DET"), w("deur", pos="NOUN"),
         w("dicht", pos="ADJ"), PUNCT],
        [("deed", "dicht", "dichtdoen")]),
    # Only a case label refuses a particle with a head after it.
    "a particle the parser attaches to a later noun without case": (
        [w("De", pos="DET"), w("trein", pos="NOUN"), verb("kwam", "komen"),
         w("aan", pos="ADP", dep="advmod", head=6), w("om", pos="ADP"), w("acht", pos="NUM"),
         w("uur", pos="NOUN"), PUNCT],
        [("kwam", "aan", "aankomen")]),
    # A particle-like noun that opens the sentence has nothing before it (the last word of a
    # sentence without a full stop is not before it).
    "a noun particle at the start of a sentence without a full stop": (
        [w("Plaats", pos="NOUN", dep=PRT, head=1), verb("nemen", "nemen", INF),
         verb("is", "zijn", pos="AUX"), w("verplicht", pos="ADJ")],
        [("nemen", "Plaats", "plaatsnemen")]),
}


@pytest.mark.parametrize("case", sorted(JOINS))
def test_joins(case: str) -> None:
    words, expected = JOINS[case]
    assert joins(words) == expected


REFUSALS: dict[str, tuple[list[Word], list[tuple[str, str, str]]]] = {
    # A determiner right before a noun makes it a noun, also at the second word of a sentence
    # and after an opening quotation mark; the clause's real particle joins instead.
    "a noun after the sentence's first word, a determiner": (
        [w("De", pos="DET"), w("plaats", pos="NOUN", dep=PRT, head=2), verb("nam", "nemen"),
         w("hij", pos="PRON"), w("in", pos="ADP"), PUNCT],
        [("nam", "in", "innemen")]),
    "a noun after a determiner that follows an opening quotation mark": (
        [w("„", pos="PUNCT"), w("De", pos="DET"), w("plaats", pos="NOUN", dep=PRT, head=3),
         verb("nam", "nemen"), w("hij", pos="PRON"), w("in", pos="ADP"), w("”", pos="PUNCT")],
        [("nam", "in", "innemen")]),
    "a complementiser the parser marks (door te lezen)": (
        [w("Door", pos="ADP", dep="mark", head=2), w("te", pos="ADP", dep="mark", head=2),
         verb("lezen", "lezen", INF), verb("leert", "leren"), w("hij", pos="PRON"),
         w("veel", pos="ADV"), PUNCT],
        []),
    "a preposition whose object the parser puts after a conjunction": (
        [w("Hij", pos="PRON"), verb("vroeg", "vragen"), w("steun", pos="NOUN"),
         w("aan", pos="ADP", dep="case", head=5), w("zowel", pos="CCONJ"),
         w("Biden", pos="PROPN"), w("als", pos="CCONJ"), w("Xi", pos="PROPN"), PUNCT],
        []),
    # A verb after the particle in its clause stops the clause-final rule, even right after
    # it when the cluster rule leaves it out (a main clause's finite verb).
    "a finite verb right after the particle (a run-on: stond hij op ging naar huis)": (
        [w("Toen", pos="ADV"), verb("stond", "staan"), w("hij", pos="PRON", dep="nsubj"),
         w("op", pos="ADP"), verb("ging", "gaan"), w("naar", pos="ADP"),
         w("huis", pos="NOUN"), PUNCT],
        []),
    "an unattested verb the lemmatiser joined (vielen … aan: aanvallen)": (
        [w("De", pos="DET"), w("troepen", pos="NOUN", dep="nsubj"),
         verb("vielen", "aanvallen"), w("de", pos="DET"), w("stad", pos="NOUN"),
         w("aan", pos="ADP", dep=PRT, head=2), PUNCT],
        []),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refusals(case: str) -> None:
    words, expected = REFUSALS[case]
    assert joins(words) == expected


def test_a_strandable_word_before_the_pronoun_leaves_it_the_stranded_one() -> None:
    # "Hij geeft toe er niets aan te kunnen doen": er strands aan; the toe before er does not
    # take er's preposition away from it.
    words = [w("Hij", pos="PRON", dep="nsubj"), verb("geeft", "geven"), w("toe", pos="ADP"),
             w("er", pos="ADV"), w("niets", pos="PRON"), w("aan", pos="ADP"),
             w("te", pos="ADP", dep="mark"), verb("kunnen", "kunnen", INF, pos="AUX"),
             verb("doen", "doen", INF), PUNCT]
    assert [j for j in joins(words) if j[1] == "aan"] == []


def test_a_pronoun_after_the_particle_strands_nothing() -> None:
    # A heading without a full stop: "Zij stapt uit daar".
    words = [w("Zij", pos="PRON", dep="nsubj"), verb("stapt", "stappen"), w("uit", pos="ADP"),
             w("daar", pos="ADV")]
    assert joins(words) == [("stapt", "uit", "uitstappen")]
