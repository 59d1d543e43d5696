"""Separable verbs on hand-built parses: which joins the rules make and which they refuse."""

from __future__ import annotations

from pathlib import Path

import pytest
from parse_data import Word, analysed, parse, w

from assistant.models import PhraseKind
from assistant.reading.separable import AttestedVerbs, clauses, separable_joins

FIN, INF, PART = "VerbForm=Fin", "VerbForm=Inf", "VerbForm=Part"
PRT = "compound:prt"

# Every joined verb the refusals below must not make is attested here, so that only the
# structure can refuse it (aandenken, aanlijden and opwachten exist in this lexicon on purpose).
LEXICON = AttestedVerbs.of(
    [("uit", "vallen"), ("aan", "komen"), ("voort", "zetten"), ("op", "halen"),
     ("op", "zullen"), ("aan", "zetten"), ("aan", "kunnen"), ("aan", "doen"), ("aan", "hebben"),
     ("in", "zetten"), ("om", "gaan"), ("mee", "gaan"), ("uit", "breken"), ("uit", "zien"),
     ("om", "zien"), ("om", "zetten"), ("uit", "rijden"), ("voor", "rijden"), ("op", "staan"),
     ("weg", "lopen"), ("af", "sluiten"), ("deel", "nemen"), ("uit", "leggen"),
     ("heen", "gaan"), ("mee", "doen"), ("toe", "doen"), ("aan", "denken"), ("aan", "lijden"),
     ("op", "wachten"), ("aan", "vragen"), ("dicht", "doen"), ("dicht", "willen"),
     ("op", "zetten"), ("onder", "gaan"), ("op", "noemen"), ("stil", "staan"),
     ("plaats", "nemen"), ("in", "nemen"), ("verder", "rijden"), ("samen", "gaan"),
     ("terug", "gaan"), ("terug", "zullen"), ("mede", "delen"), ("aan", "raden"),
     ("om", "slapen")],
    with_er=[("uit", "zien")],
)


def joins(words: list[Word]) -> list[tuple[str, str, str]]:
    tokens = parse(words).tokens
    lemmas = [t.lemma for t in tokens]
    return [(tokens[j.verb].text, tokens[j.particle].text, j.infinitive)
            for j in separable_joins(tokens, lemmas, LEXICON)]


def verb(text: str, lemma: str, morph: str = FIN, pos: str = "VERB", **kw: object) -> Word:
    return w(text, lemma, pos, morph=morph, **kw)  # type: ignore[arg-type]


PUNCT = w(".", pos="PUNCT")

JOINS: dict[str, tuple[list[Word], list[tuple[str, str, str]]]] = {
    "the parser's compound:prt": (
        [w("De", pos="DET"), w("stroom", pos="NOUN", dep="nsubj"), verb("viel", "vallen"),
         w("gisteren", pos="ADV"), w("uit", pos="ADP", dep=PRT, head=2), PUNCT],
        [("viel", "uit", "uitvallen")]),
    "a clause-final particle the parser missed": (
        [w("De", pos="DET"), w("trein", pos="NOUN"), verb("kwam", "komen"), w("om", pos="ADP"),
         w("acht", pos="NUM"), w("uur", pos="NOUN"), w("in", pos="ADP"),
         w("Utrecht", pos="PROPN"), w("aan", pos="ADP"), PUNCT],
        [("kwam", "aan", "aankomen")]),
    "a te-infinitive": (
        [w("Ze", pos="PRON"), verb("besloot", "besluiten"), w("het", pos="DET"),
         w("plan", pos="NOUN"), w("voort", pos="ADV"), w("te", pos="ADP", dep="mark"),
         verb("zetten", "zetten", INF), PUNCT],
        [("zetten", "voort", "voortzetten")]),
    "the main verb of the cluster after the particle, not the auxiliary": (
        [w("dat", pos="SCONJ", dep="mark"), w("hij", pos="PRON"), w("de", pos="DET"),
         w("kinderen", pos="NOUN"), w("op", pos="ADP"), verb("zou", "zullen", pos="AUX"),
         verb("halen", "halen", INF)],
        [("halen", "op", "ophalen")]),
    "a modal does not take the next verb's particle (aanzetten, not aankunnen)": (
        [w("U", pos="PRON", dep="nsubj"), verb("kunt", "kunnen"), w("de", pos="DET"),
         w("functie", pos="NOUN"), w("ook", pos="ADV"),
         w("aan", pos="ADP", dep=PRT, head=1), verb("zetten", "zetten", INF), PUNCT],
        [("zetten", "aan", "aanzetten")]),
    "a participle cluster": (
        [w("nadat", pos="SCONJ", dep="mark"), w("hij", pos="PRON"), w("het", pos="DET"),
         w("licht", pos="NOUN"), w("aan", pos="ADP"), verb("had", "hebben", pos="AUX"),
         verb("gedaan", "doen", PART)],
        [("gedaan", "aan", "aandoen")]),
    "a lemma the lemmatiser already joined": (
        [w("Rossi", pos="PROPN"), verb("zette", "inzetten"), w("de", pos="DET"),
         w("aanval", pos="NOUN"), w("in", pos="ADP", dep=PRT, head=1), PUNCT],
        [("zette", "in", "inzetten")]),
    "daar takes mee, om stays the particle (omgaan, never meegaan)": (
        [w("Hoe", pos="ADV"), verb("gaan", "gaan"), w("we", pos="PRON", dep="nsubj"),
         w("daar", pos="ADV"), w("mee", pos="ADP", dep=PRT, head=1),
         w("om", pos="ADP", dep=PRT, head=1), w("?", pos="PUNCT")],
        [("gaan", "om", "omgaan")]),
    "an expletive er strands nothing": (
        [w("Gisteren", pos="ADV"), verb("brak", "breken"), w("er", pos="ADV"),
         w("brand", pos="NOUN", dep="nsubj"), w("uit", pos="ADP", dep=PRT, head=1), PUNCT],
        [("brak", "uit", "uitbreken")]),
    "a particle with an er of its own (het ziet er goed uit)": (
        [w("Het", pos="PRON", dep="nsubj"), verb("ziet", "zien"), w("er", pos="ADV"),
         w("goed", pos="ADJ"), w("uit", pos="ADP", dep=PRT, head=1), PUNCT],
        [("ziet", "uit", "uitzien")]),
    "om te after a complementiser om": (
        [w("Het", pos="PRON"), verb("is", "zijn", pos="AUX"), w("moeilijk", pos="ADJ"),
         w("om", pos="ADP", dep="mark"), w("het", pos="PRON"), w("om", pos="ADP", dep=PRT),
         w("te", pos="ADP", dep="mark"), verb("zetten", "zetten", INF), PUNCT],
        [("zetten", "om", "omzetten")]),
    "a bracket inside the clause": (
        [verb("Reed", "rijden"), w("Kroon", pos="PROPN", dep="nsubj"), w("(", pos="PUNCT"),
         w("Rabo", pos="PROPN"), w(")", pos="PUNCT"), w("voor", pos="ADP"),
         w("het", pos="DET"), w("peloton", pos="NOUN"), w("uit", pos="ADP"), w("?", pos="PUNCT")],
        [("Reed", "uit", "uitrijden")]),
    "two clauses joined by en": (
        [w("Hij", pos="PRON"), verb("stond", "staan"), w("op", pos="ADP"),
         w("en", pos="CCONJ"), verb("liep", "lopen"), w("weg", pos="ADV"), PUNCT],
        [("stond", "op", "opstaan"), ("liep", "weg", "weglopen")]),
    "als in a comparison opens no clause": (
        [w("Nederland", pos="PROPN"), verb("sloot", "sluiten"), w("het", pos="DET"),
         w("toernooi", pos="NOUN"), w("als", pos="SCONJ", dep="mark"),
         w("negende", pos="ADJ"), w("af", pos="ADP"), PUNCT],
        [("sloot", "af", "afsluiten")]),
    "a subordinate clause's finite verb after its particle": (
        [w("omdat", pos="SCONJ", dep="mark"), w("de", pos="DET"), w("stroom", pos="NOUN"),
         w("uit", pos="ADP"), verb("viel", "vallen")],
        [("viel", "uit", "uitvallen")]),
    "a noun particle the parser labels": (
        [w("Hij", pos="PRON"), verb("nam", "nemen"), w("deel", pos="NOUN", dep=PRT, head=1),
         w("aan", pos="ADP"), w("de", pos="DET"), w("race", pos="NOUN"), PUNCT],
        [("nam", "deel", "deelnemen")]),
    "a question word after the particle opens a clause": (
        [w("Hij", pos="PRON"), verb("legt", "leggen"), w("uit", pos="ADP"),
         w("wat", pos="PRON"), w("hij", pos="PRON"), verb("bedoelt", "bedoelen"), PUNCT],
        [("legt", "uit", "uitleggen")]),
    "heen without a place word": (
        [w("Zij", pos="PRON"), verb("ging", "gaan"), w("heen", pos="ADV", dep=PRT, head=1),
         PUNCT],
        [("ging", "heen", "heengaan")]),
    "the particle nearest the clause's end, not a circumposition's toe": (
        [w("dan", pos="ADV"), verb("doe", "doen"), w("je", pos="PRON"), w("tot", pos="ADP"),
         w("het", pos="DET"), w("laatst", pos="ADJ"), w("toe", pos="ADP", dep=PRT, head=1),
         w("mee", pos="ADP", dep=PRT, head=1), PUNCT],
        [("doe", "mee", "meedoen")]),
    "waar takes mee, om stays the particle (waar gaan we mee om)": (
        [w("Waar", pos="ADV"), verb("gaan", "gaan"), w("we", pos="PRON", dep="nsubj"),
         w("mee", pos="ADP"), w("om", pos="ADP", dep=PRT, head=1), w("?", pos="PUNCT")],
        [("gaan", "om", "omgaan")]),
    "an auxiliary the parser gives the next verb's particle (dichtdoen, not dichtwillen)": (
        [w("Hij", pos="PRON", dep="nsubj"), verb("wil", "willen", pos="AUX"),
         w("de", pos="DET"), w("deur", pos="NOUN"), w("dicht", pos="ADJ", dep=PRT, head=1),
         verb("doen", "doen", INF), PUNCT],
        [("doen", "dicht", "dichtdoen")]),
    "a future auxiliary does not take the infinitive's particle (teruggaan, not terugzullen)": (
        [w("Hij", pos="PRON", dep="nsubj"), verb("zal", "zullen", pos="AUX"),
         w("morgen", pos="ADV"), w("terug", pos="ADV", dep=PRT, head=1),
         verb("gaan", "gaan", INF), PUNCT],
        [("gaan", "terug", "teruggaan")]),
    "an adverb particle outside the common list": (
        [verb("Deelt", "delen"), w("hij", pos="PRON"), w("het", pos="PRON"),
         w("mede", pos="ADV"), w("?", pos="PUNCT")],
        [("Deelt", "mede", "mededelen")]),
}


@pytest.mark.parametrize("case", sorted(JOINS))
def test_joins(case: str) -> None:
    words, expected = JOINS[case]
    assert joins(words) == expected


REFUSALS: dict[str, list[Word]] = {
    "er between verb and particle (parser says prt)": [
        w("Hij", pos="PRON", dep="nsubj"), verb("denkt", "denken"), w("er", pos="ADV"),
        w("niet", pos="ADV"), w("aan", pos="ADP", dep=PRT, head=1), PUNCT],
    "er between verb and particle (clause-final rule)": [
        w("Hij", pos="PRON", dep="nsubj"), verb("denkt", "denken"), w("er", pos="ADV"),
        w("niet", pos="ADV"), w("aan", pos="ADP"), PUNCT],
    "er before the particle in a subordinate clause": [
        w("omdat", pos="SCONJ", dep="mark"), w("hij", pos="PRON", dep="nsubj"),
        w("er", pos="ADV"), w("niet", pos="ADV"), w("aan", pos="ADP", dep=PRT, head=5),
        verb("denkt", "denken")],
    "waar before the preposition in a question (waar denkt hij aan)": [
        w("Waar", pos="ADV"), verb("denkt", "denken"), w("hij", pos="PRON", dep="nsubj"),
        w("aan", pos="ADP", dep=PRT, head=1), w("?", pos="PUNCT")],
    "waar before the preposition in a relative clause (het huis waar hij op wacht)": [
        w("het", pos="DET"), w("huis", pos="NOUN"), w("waar", pos="ADV"),
        w("hij", pos="PRON", dep="nsubj"), w("op", pos="ADP", dep=PRT, head=5),
        verb("wacht", "wachten")],
    "hier before the preposition (hier denkt hij niet aan)": [
        w("Hier", pos="ADV"), verb("denkt", "denken"), w("hij", pos="PRON", dep="nsubj"),
        w("niet", pos="ADV"), w("aan", pos="ADP", dep=PRT, head=1), PUNCT],
    "om te + infinitive after a place (gaat naar huis om te slapen)": [
        w("Ze", pos="PRON"), verb("gaat", "gaan"), w("naar", pos="ADP"), w("huis", pos="NOUN"),
        w("om", pos="ADP", dep=PRT, head=1), w("te", pos="ADP", dep="mark", head=6),
        verb("slapen", "slapen", INF), PUNCT],
    "a particle of letters and digits": [
        w("Ze", pos="PRON"), verb("zien", "zien"), w("het", pos="PRON"),
        w("uit2", pos="ADP", dep=PRT, head=1), PUNCT],
    "daar with an object between (daar iets aan te doen)": [
        w("Hij", pos="PRON", dep="nsubj"), verb("hoopt", "hopen"), w("daar", pos="ADV"),
        w("iets", pos="PRON"), w("aan", pos="ADP", dep=PRT, head=6),
        w("te", pos="ADP", dep="mark"), verb("doen", "doen", INF), PUNCT],
    "om te + infinitive is a complementiser (parser says mark)": [
        w("Het", pos="PRON"), verb("is", "zijn", pos="AUX"), w("leuk", pos="ADJ"),
        w("om", pos="ADP", dep="mark", head=5), w("te", pos="ADP", dep="mark", head=5),
        verb("zien", "zien", INF), PUNCT],
    "om te + infinitive is a complementiser (parser says prt)": [
        w("Het", pos="PRON"), verb("is", "zijn", pos="AUX"), w("leuk", pos="ADJ"),
        w("om", pos="ADP", dep=PRT, head=5), w("te", pos="ADP", dep="mark", head=5),
        verb("zien", "zien", INF), PUNCT],
    "a preposition with its own object (wacht op de bus)": [
        w("Wij", pos="PRON"), verb("wachten", "wachten"), w("op", pos="ADP", dep=PRT, head=1),
        w("de", pos="DET"), w("bus", pos="NOUN"), PUNCT],
    "a preposition with its own object (lijdt aan een tekort)": [
        w("Het", pos="DET"), w("land", pos="NOUN"), verb("lijdt", "lijden"), w("aan", pos="ADP"),
        w("een", pos="DET"), w("tekort", pos="NOUN"), PUNCT],
    "a preposition the parser gives an object (vroeg … aan de wereldleiders)": [
        w("Hij", pos="PRON"), verb("vroeg", "vragen"), w("steun", pos="NOUN"),
        w("aan", pos="ADP", dep="case", head=4), w("wereldleiders", pos="NOUN"), PUNCT],
    "a particle inside a fixed expression (op de kaart zetten)": [
        w("Hij", pos="PRON"), verb("wil", "willen"), w("het", pos="DET"), w("dorp", pos="NOUN"),
        w("op", pos="ADP", dep=PRT, head=7), w("de", pos="DET"), w("kaart", pos="NOUN"),
        verb("zetten", "zetten", INF), PUNCT],
    "a particle inside a fixed expression (ten onder gaan)": [
        w("dat", pos="SCONJ", dep="mark"), w("zij", pos="PRON"), w("ten", pos="ADP"),
        w("onder", pos="ADP", dep=PRT, head=5), verb("zouden", "zullen", pos="AUX"),
        verb("gaan", "gaan", INF)],
    "heen after a place word (zij gaat overal heen)": [
        w("Zij", pos="PRON"), verb("gaat", "gaan"), w("overal", pos="ADV"),
        w("heen", pos="ADV", dep=PRT, head=1), PUNCT],
    "heen after a question word": [
        w("Waar", pos="ADV"), verb("gaat", "gaan"), w("hij", pos="PRON"), w("heen", pos="ADV"),
        w("?", pos="PUNCT")],
    "a particle that is not letters": [
        w("Ze", pos="PRON"), verb("zien", "zien"), w("]", pos="ADP", dep=PRT, head=1), PUNCT],
    "a verb that is not letters": [
        w("Ze", pos="PRON"), verb("’noemen", "noemen"), w("het", pos="PRON"),
        w("op", pos="ADP", dep=PRT, head=1), PUNCT],
    "a joined verb that is not attested": [
        w("Hij", pos="PRON"), verb("liep", "lopen"), w("naar", pos="ADP"),
        w("huis", pos="NOUN"), w("toe", pos="ADP"), PUNCT],
    "a preposition before a name": [
        w("Hij", pos="PRON"), verb("kwam", "komen"), w("uit", pos="ADP"),
        w("Amsterdam", pos="PROPN"), PUNCT],
    "the first word of a main clause is no particle": [
        w("Verder", pos="ADV"), verb("reden", "rijden"), w("snelle", pos="ADJ"),
        w("mannen", pos="NOUN"), PUNCT],
    "the parser's pair across a comma": [
        verb("Gaat", "gaan"), w("Ensor", pos="PROPN"), w(",", pos="PUNCT"),
        w("samen", pos="ADV", dep=PRT, head=0), w("met", pos="ADP"), w("Vogels", pos="PROPN"),
        w(",", pos="PUNCT"), w("weg", pos="ADV"), w("?", pos="PUNCT")],
    "a verb later in the clause, but not right after the particle": [
        w("Hij", pos="PRON"), verb("zal", "zullen", pos="AUX"), w("terug", pos="ADV"),
        w("naar", pos="ADP"), w("huis", pos="NOUN"), verb("gaan", "gaan", INF), PUNCT],
    "a non-finite verb between the finite verb and the particle": [
        w("Hij", pos="PRON"), verb("heeft", "hebben", pos="AUX"),
        verb("gedaan", "doen", PART), w("aan", pos="ADP"), PUNCT],
    "a particle of another sentence": [
        w("Hij", pos="PRON"), verb("viel", "vallen"), PUNCT, w("Uit", pos="ADP"), PUNCT],
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refusals(case: str) -> None:
    assert joins(REFUSALS[case]) == []


def test_a_noun_of_a_noun_phrase_is_no_particle() -> None:
    words = [w("Hij", pos="PRON"), verb("nam", "nemen"), w("de", pos="DET"),
             w("plaats", pos="NOUN", dep=PRT, head=1), w("in", pos="ADP"), PUNCT]
    assert joins(words) == [("nam", "in", "innemen")]


def test_a_modal_keeps_its_own_particle_without_another_verb() -> None:
    words = [w("Hij", pos="PRON"), verb("kan", "kunnen"), w("het", pos="PRON"),
             w("niet", pos="ADV"), w("aan", pos="ADP"), PUNCT]
    assert joins(words) == [("kan", "aan", "aankunnen")]


def test_nothing_joins_without_a_lexicon() -> None:
    tokens = parse(JOINS["the parser's compound:prt"][0]).tokens
    assert separable_joins(tokens, [t.lemma for t in tokens], AttestedVerbs()) == []


@pytest.mark.parametrize(("words", "expected"), [
    (["Hij", "stond", "op", "en", "liep", "weg", "."], [0, 0, 0, 1, 1, 1, 2]),
    (["Hij", "zag", "(", "toen", ")", "iets", "."], [0, 0, 0, 1, 0, 0, 2]),
    (["zag", "«", "Le", "Cercle", "»", "op"], [0, 0, 1, 1, 0, 0]),
    (["als", "negende", "af"], [0, 0, 0]),
])
def test_clauses(words: list[str], expected: list[int]) -> None:
    pos = {"en": "CCONJ", "als": "SCONJ", ".": "PUNCT", "(": "PUNCT", ")": "PUNCT",
           "«": "PUNCT", "»": "PUNCT", "liep": "VERB", "stond": "VERB", "zag": "VERB"}
    tokens = parse([w(t, pos=pos.get(t, "X"), morph=FIN if pos.get(t) == "VERB" else "")
                    for t in words]).tokens
    assert clauses(tokens) == expected


def test_the_join_becomes_one_phrase_and_one_lemma() -> None:
    result = analysed(JOINS["the parser's compound:prt"][0])
    verb_token, particle = result.tokens[2], result.tokens[4]
    assert verb_token.lemma == particle.lemma == "uitvallen"
    phrase = result.phrases[verb_token.phrase]  # type: ignore[index]
    assert phrase.kind is PhraseKind.SEPARABLE_VERB and phrase.tokens == (2, 4)
    assert particle.phrase == verb_token.phrase


def test_an_unattested_join_stays_two_words() -> None:
    result = analysed(JOINS["the parser's compound:prt"][0], separable=AttestedVerbs())
    assert result.phrases == ()
    assert (result.tokens[2].lemma, result.tokens[4].lemma) == ("vallen", "uit")


def test_without_a_dictionary_the_default_lexicon_joins_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.lexicon import store
    from assistant.reading.analysis import default_separable_lexicon

    monkeypatch.setattr(store, "default_path", lambda: tmp_path / "missing.sqlite")
    default_separable_lexicon.cache_clear()
    try:
        lexicon = default_separable_lexicon()
        assert isinstance(lexicon, AttestedVerbs)
        assert lexicon.separable_particles("vallen") == frozenset()
    finally:
        default_separable_lexicon.cache_clear()
