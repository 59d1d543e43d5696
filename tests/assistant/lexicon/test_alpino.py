"""The Alpino lexicon reader: Prolog facts, verbs with particles and auxiliaries, nouns."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import DataError
from assistant.lexicon.alpino import (
    AlpinoNoun,
    AlpinoVerb,
    Auxiliary,
    Compound,
    SeparableVerb,
    Variable,
    parse_adjectives,
    parse_facts,
    parse_nouns,
    parse_verbs,
    read_adjectives,
    read_nouns,
    read_verbs,
    separable_verbs,
)

ALPINO = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "alpino"


def facts(source: str) -> list[object]:
    return [term for _, term in parse_facts(source, "test.pl")]


@pytest.mark.parametrize(("source", "expected"), [
    ("a.", "a"),
    ("f(a, b).", Compound("f", ("a", "b"))),
    ("f([a, b], []).", Compound("f", (("a", "b"), ()))),
    ("f('ten onder', 'sms\\'t', 'it''s').", Compound("f", ("ten onder", "sms't", "it's"))),
    ("f(_, X).", Compound("f", (Variable("_"), Variable("X")))),
    ("f(inflected(gaan, gane)).", Compound("f", (Compound("inflected", ("gaan", "gane")),))),
    ("f({[a, b]}).", Compound("f", (Compound("{}", (("a", "b"),)),))),
    ("f(a-b, 3, -2).", Compound("f", (Compound("-", ("a", "b")), 3, -2))),
    ("f([a|_]).", Compound("f", (("a",),))),
    ("f(föhn, skiën, §, `).", Compound("f", ("föhn", "skiën", "§", "`"))),
    ("f(a, % a comment\n  /* another */ b).", Compound("f", ("a", "b"))),
    ("f(\"text\").", Compound("f", ("text",))),
])
def test_facts_are_read_as_terms(source: str, expected: object) -> None:
    assert facts(source) == [expected]


@pytest.mark.parametrize("source", [
    ":- discontiguous v/7.",
    "m(A, B) :- m(B), t(A).",
    "frames :- member(X, [a, b]), format(\"~w\", [X]).",
    "t(X) :- ( var(X) -> fail ; X = [_|_] -> true ; X = a ).",
])
def test_rules_and_directives_are_skipped(source: str) -> None:
    assert facts(source + "\nkept.") == ["kept"]


def test_facts_report_their_line_and_can_be_filtered() -> None:
    source = "% header\nv(a).\n\nn(b,\n  c).\nv(d).\n"
    assert list(parse_facts(source, "x.pl", frozenset({"n"}))) == [(4, Compound("n", ("b", "c")))]
    assert [line for line, _ in parse_facts(source, "x.pl")] == [2, 4, 6]


@pytest.mark.parametrize(("source", "line"), [
    ("a.\nf(a, b.\n", 2),
    ("a.\nb.\nf([a, b).", 3),
    ("a.\n\nf(a) g.", 3),
    ("a.\nf(a)", 2),
    ("a.\nf(a, ()).", 2),
])
def test_broken_facts_raise_data_error_naming_file_and_line(source: str, line: int) -> None:
    with pytest.raises(DataError, match=rf"Line {line} of broken\.pl"):
        list(parse_facts(source, "broken.pl"))


VERBS = """
v(klop,klopt,kloppen,geklopt,klopte,klopten,
    [h([intransitive,
        part_intransitive(aan),   % hij klopt aan
        part_transitive(af),
        part_transitive(af)])]).
v(ga,gaat,inflected(gaan,gane),gegaan,ging,gingen,ga,
    [z([intransitive,
        part_intransitive(heen),
        part_transitive('ten onder'),
        part_fixed(op,[[in,vlammen]],no_passive),
        part_fixed(uit,[svp_er],no_passive),
        fixed([[kopje,onder]],no_passive)])]).
v(loop,loopt,lopen,gelopen,liep,liepen,
    [z([part_intransitive(weg)]),
     h([transitive]),
     b([intransitive]),
     unacc([part_intransitive(uit)])]).
v([duw,douw],[duwt,douwt],[duwen,douwen],[geduwd,gedouwd],[duwde,douwde],[duwden,douwden],
    [h([transitive])]).
m(v_root(ben,zijn),
  verb_ben(ben,bent,is,zijn,geweest,was,waren,unacc,[copula, part_intransitive(toe)])).
m(v_root(kan,kunnen),
  verb_modal(kan,kun,kunt,kunnen,gekund,kon,konden,hebben,[aux(inf), part_transitive(aan)])).
"""


@pytest.fixture(scope="module")
def verbs() -> dict[str, AlpinoVerb]:
    return {verb.infinitive[0]: verb
            for verb in parse_verbs(parse_facts(VERBS, "verbs.pl"), "verbs.pl")}


@pytest.mark.parametrize(("infinitive", "field", "expected"), [
    ("kloppen", "stem", ("klop",)),
    ("kloppen", "third_singular", ("klopt",)),
    ("kloppen", "past_participle", ("geklopt",)),
    ("kloppen", "past_singular", ("klopte",)),
    ("kloppen", "past_plural", ("klopten",)),
    ("gaan", "infinitive", ("gaan",)),  # inflected(gaan, gane): the plain form
    ("gaan", "past_singular", ("ging",)),  # v/8: the subjunctive sits before the frames
    ("duwen", "stem", ("duw", "douw")),
    ("duwen", "past_plural", ("duwden", "douwden")),
    ("zijn", "third_singular", ("is",)),
    ("zijn", "past_participle", ("geweest",)),
    ("zijn", "past_plural", ("waren",)),
    ("kunnen", "third_singular", ("kan",)),
    ("kunnen", "past_singular", ("kon",)),
])
def test_principal_parts(verbs: dict[str, AlpinoVerb], infinitive: str, field: str,
                         expected: tuple[str, ...]) -> None:
    assert getattr(verbs[infinitive], field) == expected


def test_a_missing_form_is_empty_and_a_verb_needs_an_infinitive() -> None:
    with pytest.raises(DataError, match=r"Line 1 of v\.pl: a verb without an infinitive"):
        parse_verbs(parse_facts("v(placht,_,_,_,placht,plachten,[h([aux(te)])]).", "v.pl"),
                    "v.pl")
    only_past = parse_verbs(parse_facts("v(x,_,xen,_,_,_,[h([a])]).", "v.pl"), "v.pl")
    assert only_past[0].past_participle == () and only_past[0].third_singular == ()


@pytest.mark.parametrize(("infinitive", "particle", "expected"), [
    ("kloppen", None, (Auxiliary.HEBBEN,)),
    ("kloppen", "aan", (Auxiliary.HEBBEN,)),
    ("gaan", "heen", (Auxiliary.ZIJN,)),
    ("lopen", "weg", (Auxiliary.ZIJN,)),
    ("lopen", None, (Auxiliary.HEBBEN, Auxiliary.EITHER)),
    ("lopen", "uit", (Auxiliary.ZIJN,)),  # unacc: zijn, no passive
    ("zijn", None, (Auxiliary.ZIJN,)),
    ("kunnen", "aan", (Auxiliary.HEBBEN,)),
    ("kloppen", "uit", ()),
])
def test_frame_wrappers_give_the_auxiliary(verbs: dict[str, AlpinoVerb], infinitive: str,
                                           particle: str | None,
                                           expected: tuple[Auxiliary, ...]) -> None:
    assert verbs[infinitive].auxiliaries(particle) == expected


@pytest.mark.parametrize(("infinitive", "particles"), [
    ("kloppen", ("aan", "af")),  # af twice: once
    ("gaan", ("heen", "op", "uit")),  # 'ten onder' is two words; part_fixed(op, ...) counts
    ("lopen", ("weg", "uit")),
    ("duwen", ()),
])
def test_particles(verbs: dict[str, AlpinoVerb], infinitive: str,
                   particles: tuple[str, ...]) -> None:
    assert verbs[infinitive].particles == particles


def test_an_unknown_frame_group_is_a_data_error() -> None:
    with pytest.raises(DataError, match=r"Line 2 of v\.pl: unknown frame group"):
        parse_verbs(parse_facts("\nv(a,at,en,geat,ade,aden,[x([a])]).", "v.pl"), "v.pl")


def test_separable_verbs_are_unique_and_sorted(verbs: dict[str, AlpinoVerb]) -> None:
    table = separable_verbs(parse_verbs(parse_facts(VERBS, "verbs.pl"), "verbs.pl"))
    assert [verb.infinitive for verb in table] == [
        "aankloppen", "aankunnen", "afkloppen", "heengaan", "opgaan", "toezijn", "uitgaan",
        "uitlopen", "weglopen",
    ]
    assert table[0] == SeparableVerb("aan", "kloppen", (Auxiliary.HEBBEN,), 2)
    assert [verb.infinitive for verb in table if verb.with_er] == ["uitgaan"]


NOUNS = """
n([pl(rokers),sg(roker)],de,[],[dim(rokertje)]).
n([pl(huizen),sg(huis)],het,[np_app_measure],[bel, s(dorp), i(boot,boten), dim(huisje)]).
n([pl(lunchen),pl(lunches),sg(lunch)],both,[],[]).
n([mass(vergrijzing)],de,[],[]).
n([sg([olympisch,en,wereldkampioen])],de,[app_measure],[]).
n([meas(kilo)],de,[],[]).
n([sg(x)],meas_mod,[],[]).
n([sg([big,band]),pl([big,bands])],de,[],[]).
"""


def test_nouns() -> None:
    nouns = parse_nouns(parse_facts(NOUNS, "nouns.pl"), "nouns.pl")
    assert nouns == (
        AlpinoNoun(2, ("roker",), ("rokers",), (), "de", ("rokertje",)),
        AlpinoNoun(3, ("huis",), ("huizen",), (), "het", ("huisje",)),
        AlpinoNoun(4, ("lunch",), ("lunchen", "lunches"), (), "de/het", ()),
        AlpinoNoun(5, (), (), ("vergrijzing",), "de", ()),
        AlpinoNoun(6, ("olympisch en wereldkampioen",), (), (), "de", ()),
        # A list of words is one multi-word form: "band" is no form of "big".
        AlpinoNoun(9, ("big band",), ("big bands",), (), "de", ()),
    )


ADJECTIVES = """
a([e(grote),er(groter),ere(grotere),no_e(groot),st(grootst),ste(grootste)],adv,[pp(in)],[]).
a([ge_e(uitgeputte),er(uitgeputter),ge_no_e(uitgeput)],adv,[],[]).
a([end(wisselend),ende(wisselende),er(wisselender)],adv,[],[]).
a([prefix(terracotta)],nonadv,[],[]).
a([both([all,in])],nonadv,[],[]).
"""


def test_adjectives() -> None:
    groot, uitgeput, wisselend, *rest = parse_adjectives(parse_facts(ADJECTIVES, "a.pl"),
                                                         "a.pl")
    assert [adjective.base for adjective in rest] == [("all in",)]  # one form, two words
    assert (groot.base, groot.inflected, groot.comparative, groot.superlative) == (
        ("groot",), ("grote",), ("groter",), ("grootst",))
    assert not groot.participle
    assert uitgeput.base == ("uitgeput",) and uitgeput.participle
    assert (wisselend.base, wisselend.inflected) == (("wisselend",), ("wisselende",))
    assert groot.line == 2 and wisselend.line == 4


@pytest.fixture(scope="module")
def lexicon_folder() -> Path:
    if not (ALPINO / "verbs.pl").exists():
        pytest.fail(f"the shared Alpino lexicon is missing: {ALPINO}")
    return ALPINO


def test_the_shared_lexicon_reads_whole(lexicon_folder: Path) -> None:
    verbs = read_verbs(lexicon_folder)
    by_infinitive = {verb.infinitive[0]: verb for verb in verbs}
    assert len(verbs) > 3900
    # The wrappers are the perfect auxiliary: "heeft gewerkt", "is gekomen", "is gegaan".
    assert by_infinitive["werken"].auxiliaries() == (Auxiliary.HEBBEN,)
    assert by_infinitive["komen"].auxiliaries() == (Auxiliary.ZIJN,)
    assert by_infinitive["gaan"].auxiliaries() == (Auxiliary.ZIJN,)
    assert by_infinitive["vallen"].past_singular == ("viel",)
    table = {verb.infinitive for verb in separable_verbs(verbs)}
    assert 2800 < len(table) < 3200
    assert {"aankloppen", "bijhouden", "oversteken", "heengaan", "omgaan", "voortzetten",
            "ophalen", "oplopen"} <= table
    assert table.isdisjoint({"aandenken", "aanlijden"})
    assert by_infinitive["zien"].er_particles == frozenset({"uit"})  # "het ziet er goed uit"
    assert by_infinitive["denken"].er_particles == frozenset()
    nouns = {noun.singular[0]: noun for noun in read_nouns(lexicon_folder) if noun.singular}
    assert nouns["engagement"].gender == "het" and nouns["engagement"].plural == ("engagementen",)
    assert nouns["roker"].gender == "de" and "rokertje" in nouns["roker"].diminutives
    adjectives = {a.base[0]: a for a in read_adjectives(lexicon_folder)}
    assert adjectives["uitgeput"].participle and not adjectives["eenzaam"].participle
    assert adjectives["eenzaam"].inflected == ("eenzame",)


def test_an_unreadable_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"verbs\.pl could not be read"):
        read_verbs(tmp_path)
