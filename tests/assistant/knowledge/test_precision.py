"""No note about the wrong subject: every wrong-subject case seen on unseen news, and more, on
hand-built parse data under both NER label schemes, against the fixture and the project base."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from parse_data import Word, analysed

from assistant.knowledge.base import KnowledgeBase
from assistant.knowledge.subjects import build_notes
from assistant.models import AnalysedArticle, ArticleDate, Category, Note

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "knowledge"
TODAY = ArticleDate(2026, 5, 1)

# Entity kinds of the test texts, in the CoNLL scheme (stand-in pipeline) and in OntoNotes
# (nl_core_news_sm): P person, O organisation, L place, N nationality, E event, M other.
SCHEMES = {
    "conll": {"P": "PER", "O": "ORG", "L": "LOC", "N": "MISC", "E": "MISC", "M": "MISC"},
    "ontonotes": {"P": "PERSON", "O": "ORG", "L": "GPE", "N": "NORP", "E": "EVENT",
                  "M": "WORK_OF_ART"},
}
_END = {".", "!", "?"}


def article(text: str, scheme: str, date: str | None = "2019-09-23") -> AnalysedArticle:
    """Hand-built parse data from a marked-up text: tokens split on spaces; '[Lindsay
    Davenport]P' is an entity of kind P; 'Frans/ADJ' sets a part of speech (default: PROPN for
    capitalised words inside entities or mid-sentence, PUNCT for punctuation, X otherwise);
    sentences end after '.', '!' and '?'."""
    words: list[Word] = []
    entities: list[tuple[int, int, str]] = []
    starts = [0]
    open_at: int | None = None
    for raw in text.split():
        piece = raw
        if piece.startswith("[") and len(piece) > 1:
            open_at = len(words)
            piece = piece[1:]
        closing = None
        if "]" in piece and not piece.startswith("]"):
            piece, closing = piece.split("]")
        piece, _, pos = piece.partition("/") if "/" in piece[1:] else (piece, "", "")
        inside = open_at is not None
        if not pos:
            if not any(c.isalnum() for c in piece):
                pos = "PUNCT"
            elif piece[:1].isupper() and (inside or len(words) not in starts):
                pos = "PROPN"
            else:
                pos = "X"
        words.append(Word(piece, piece if pos == "PROPN" else piece.lower(), pos))
        if closing is not None:
            assert open_at is not None
            entities.append((open_at, len(words) - 1, SCHEMES[scheme][closing]))
            open_at = None
        if piece in _END:
            starts.append(len(words))
    return analysed(words, entities, sentence_starts=starts, date=date)


def subject_at(notes: Sequence[Note], text: str, mention: str, occurrence: int = 0) -> Note | None:
    """The note whose mentions cover the `occurrence`-th appearance of `mention` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    end = start + len(mention)
    for note in notes:
        if any(m.start < end and start < m.end for m in note.mentions):
            return note
    return None


@dataclass(frozen=True)
class Case:
    """`expect` maps a mention (text, occurrence) to the entry id its note must have, or None
    for no background at all (no note, or a note without an entry)."""

    name: str
    text: str
    expect: dict[tuple[str, int], str | None]
    date: str | None = "2019-09-23"
    # The right subjects where the fixture has no entry but the project base may have one.
    right: frozenset[str] = frozenset()


def background_key(note: Note | None) -> str | None:
    if note is None or note.key.startswith("unknown:"):
        return None
    return note.key


CASES = [
    # -- the wrong-subject notes --
    Case("surname after the full name is the person, not the US city",
         "[Lindsay Davenport]P versloeg Hingis . [Davenport]P was blij .",
         {("Davenport", 1): "lindsay-davenport"}),
    Case("a surname alone is never a town",
         "Gisteren won [Davenport]P in drie sets .",
         {("Davenport", 0): None}),
    Case("another Davenport is neither the town nor Lindsay",
         "[Jim Davenport]P coacht . [Davenport]P zei niets .",
         {("Davenport", 0): None, ("Davenport", 1): None}),
    Case("Anuna De Wever is not Bart De Wever",
         "[Anuna De Wever]P leidde de mars in Brussel .",
         {("Anuna De Wever", 0): "anuna-de-wever", ("De Wever", 0): "anuna-de-wever"}),
    Case("an unknown De Wever is not Bart either",
         "Ook [Kyra De Wever]P liep mee .",
         {("De Wever", 0): None}),
    Case("De Wever with Bart and Anuna in the article is nobody in particular",
         "[Bart De Wever]P en [Anuna De Wever]P spraken . Daarna zweeg [De Wever]P .",
         {("Bart De Wever", 0): "bart-de-wever", ("De Wever", 2): None}),
    Case("Michael Johnson is not Boris Johnson",
         "Atleet [Michael Johnson]P won de 200 meter .",
         {("Michael Johnson", 0): None, ("Johnson", 0): None},
         right=frozenset({"michael-johnson-sprinter"})),
    Case("a name the NER split in two is still one unknown person",
         "Atleet [Michael]P [Johnson]P won de 200 meter .",
         {("Michael", 0): None, ("Johnson", 0): None},
         right=frozenset({"michael-johnson-sprinter"})),
    Case("Johnson with two Johnsons in the article is nobody in particular",
         "[Boris Johnson]P sprak met [Michael Johnson]P . [Johnson]P lachte .",
         {("Boris Johnson", 0): "boris-johnson", ("Johnson", 2): None}),
    Case("Frans Weisz is not France",
         "Regisseur [Frans Weisz]P maakte een film .",
         {("Frans", 0): None}, right=frozenset({"frans-weisz"})),
    Case("Frans Weisz is not France when the NER misses him",
         "Dat vond regisseur Frans Weisz een goed idee .",
         {("Frans", 0): None}, right=frozenset({"frans-weisz"})),
    Case("the language Frans is not France",
         "Zij spreekt vloeiend Frans .",
         {("Frans", 0): None}),
    Case("the Amazon river is not the company",
         "De [Amazone]L stroomt door Brazilië .",
         {("Amazone", 0): None}),
    Case("Aung San is not San in Mali",
         "Zij ontmoette [Aung San Suu Kyi]P in Rangoon .",
         {("San", 0): None}, right=frozenset({"aung-san-suu-kyi"})),
    Case("Aung San alone is not San in Mali either",
         "Het beeld van [Aung San]P staat er nog .",
         {("San", 0): None}),
    Case("Brits is British, not the South African town",
         "Het [Brits]N team won .",
         {("Brits", 0): "country-gb"}),
    Case("Brits unmarked is British, not the town",
         "Dat is heel Brits .",
         {("Brits", 0): "country-gb"}),
    Case("the language Engels is not the Russian city",
         "Zij spreekt [Engels]M met haar moeder .",
         {("Engels", 0): None}),
    Case("Engels unmarked is not the city",
         "Hij leerde Engels op school .",
         {("Engels", 0): None}),
    Case("Van Tongeren is neither Van in Turkey nor Tongeren",
         "Volgens [Van Tongeren]P is het plan klaar .",
         {("Van", 0): None, ("Tongeren", 0): None}),
    Case("Van Tongeren opening a sentence is not a town either",
         "[Van Tongeren]P zegt dat het plan klaar is .",
         {("Van", 0): None, ("Tongeren", 0): None}),
    Case("Hogeschool Ede is not the town Ede",
         "Zij studeert aan de [Hogeschool Ede]O .",
         {("Ede", 0): None}),
    Case("Hogeschool Ede unmarked is not the town Ede",
         "Zij studeert aan de Hogeschool Ede .",
         {("Ede", 0): None}),
    Case("Travel & Tours is not Tours in France",
         "Het reisbureau [Travel & Tours]O ging failliet .",
         {("Tours", 0): None}),
    Case("Christophe Lambrecht is not Christine Lambrecht",
         "[Christophe Lambrecht]P sprak in Gent .",
         {("Christophe Lambrecht", 0): None}),
    Case("Lambrecht after Christophe Lambrecht is not Christine either",
         "[Christophe Lambrecht]P sprak . [Lambrecht]P ging weg .",
         {("Lambrecht", 1): None}),
    Case("a byline AD is not the Algemeen Dagblad",
         "Door Jan Jansen , [AD]O .",
         {("AD", 0): None}),
    Case("corona is not the Californian city",
         "[Corona]P houdt de wereld in zijn greep .",
         {("Corona", 0): "covid-19"}, date="2020-04-01"),
    Case("corona before 2019 is nothing the base knows",
         "De zon heeft een corona .",
         {("corona", 0): None}, date="2015-06-01"),
    Case("COVID-19 tagged as a person still gets its note, as a disease",
         "[COVID-19]P verspreidt zich snel .",
         {("COVID-19", 0): "covid-19"}, date="2020-03-15"),
    Case("Greta Thunberg tagged as a place is the activist",
         "[Greta Thunberg]L sprak de VN toe . [Thunberg]L was boos .",
         {("Greta Thunberg", 0): "greta-thunberg", ("Thunberg", 1): "greta-thunberg"}),
    Case("Thunberg tagged as a place, not introduced, is no place and not yet her",
         "In Stockholm staakte [Thunberg]L .",
         {("Thunberg", 0): None}),
    # -- more of the same classes --
    Case("a short name before the full name selects nobody",
         "[Greta]P kwam . Later sprak [Greta Thunberg]P .",
         {("Greta", 0): None, ("Greta Thunberg", 0): "greta-thunberg"}),
    Case("a short name after the full name is the same person",
         "[Greta Thunberg]P kwam . [Greta]P sprak .",
         {("Greta", 1): "greta-thunberg"}),
    Case("a first name alone selects nobody",
         "[Kim]P zwaait naar de camera .",
         {("Kim", 0): None}),
    Case("Washington the actor is not the city",
         "[Denzel Washington]P speelt . [Washington]P lachte .",
         {("Washington", 1): None}),
    Case("Paris Hilton is not Paris",
         "[Paris Hilton]P kwam aan .",
         {("Paris", 0): None}),
    Case("a nationality adjective inside a name is no country",
         "De [Britse Oost-Indische Compagnie]O was machtig .",
         {("Britse", 0): None}),
    Case("a country inside a race name is no country",
         "Hij won de [Grote Prijs van Frankrijk]E .",
         {("Frankrijk", 0): None}),
    Case("a country inside an unmarked race name is no country",
         "Hij won de Grote Prijs van Frankrijk .",
         {("Frankrijk", 0): None}),
    Case("a continent inside a cup name is no continent",
         "Zij won de [Europa Cup]E .",
         {("Europa", 0): None}),
    Case("a genitive surname is not a town (Maus, Mau)",
         "[Maus]P schilderde veel .",
         {("Maus", 0): None}),
    Case("a known person in an article before her birth is someone else",
         "[Greta Thunberg]P won de prijs .",
         {("Greta Thunberg", 0): None}, date="1990-05-01"),
    Case("an organisation in an article before its founding is something else",
         "Hij las het op [Twitter]O .",
         {("Twitter", 0): None}, date="1999-01-01"),
    Case("a person name never gets a place note",
         "[Pyongyang]P lachte hartelijk .",
         {("Pyongyang", 0): None}),
    Case("a small town needs the NER or a preposition to be a place",
         "Tours besloot het .",
         {("Tours", 0): None}),
    Case("Ede after 'in' is the Dutch town",
         "Hij woont in Ede .",
         {("Ede", 0): "city-2756429"}),
    Case("a town the NER marks is a town",
         "Zij won in [Davenport]L .",
         {("Davenport", 0): "city-4853423"}),
    Case("a capital needs nothing else",
         "Moskou/PROPN reageert woedend .",
         {("Moskou", 0): "city-524901"}),
    Case("an attributive nationality adjective is its country",
         "Het is een Frans/ADJ bedrijf/NOUN .",
         {("Frans", 0): "country-fr"}),
    # -- found on the UD dev sets --
    Case("a city before a year names the Games, not the city",
         "Zij won goud bij [Sydney 2000]M kennelijk .",
         {("Sydney", 0): None}),
    Case("a city before a year unmarked is not the city either",
         "Het goud van Sydney 2000 kennelijk glansde .",
         {("Sydney", 0): None}),
    Case("a country before a year and a noun is the country",
         "Er werken in Duitsland 2000/NUM mensen/NOUN .",
         {("Duitsland", 0): "country-de"}),
    Case("a place with a qualifier in brackets may be a namesake",
         "Zij woont in Bergen ( Noorwegen ) .",
         {("Bergen", 0): None}),
    Case("a place with a lower-case qualifier in brackets may be a namesake",
         "De provincies van [Bergen]L ( gemeente ) .",
         {("Bergen", 0): None}),
    Case("a place with a year or a remark in brackets is the place",
         "Hij woonde in Ede ( 1996 ) en in [Ede]L ( zie kaart ) .",
         {("Ede", 0): "city-2756429", ("Ede", 1): "city-2756429"}),
    Case("a US state's name is not a foreign town",
         "Er is een Alexandria ( [Virginia]L ) .",
         {("Virginia", 0): None, ("Alexandria", 0): None}),
    Case("a lone name in quotation marks is a title, not a town",
         "Dat meldde « [Metro]O » gisteren .",
         {("Metro", 0): None}),
    Case("a town the NER lists with a person is no town",
         "Wiskundigen als [Argand]P en [Warren]L rekenden .",
         {("Warren", 0): None}),
    Case("a town listed with a person is the town the article named before",
         "Zij speelde in [Pereira]L . Bommen in [Medellin]P en [Pereira]P .",
         {("Pereira", 1): "city-3672486"}),
    Case("a known person's first name later is a namesake",
         "[Lindsay Davenport]P en haar kinderen [Lindsay]P en [Jagger]P .",
         {("Lindsay", 1): None}),
    Case("a family name first is the known person's surname",
         "[Kim Jong-un]P reist . [Kim]P zwaait .",
         {("Kim", 1): "kim-jong-un"}),
    Case("a first name the NER split off the surname is the known person",
         "Zie [Lindsay]P [Davenport]P .",
         {("Lindsay", 0): "lindsay-davenport"}),
    Case("a surname the NER split from a first name is not a known namesake",
         "Ook [Kyra]P [De Wever]P liep mee .",
         {("De Wever", 0): None}),
    Case("a merge of two known names splits into both",
         "Eerder klopte men aan in [Teheran Moskou]P .",
         {("Teheran", 0): "city-112931", ("Moskou", 0): "city-524901"}),
]


# Names the project's data shares between entries or with ordinary words: the case, the
# article's country or a linked subject (a leader of the party, a subject of its facts) decides,
# or the note is withheld.
DATA_CASES = [
    Case("PvdA in a Dutch article is the Dutch party",
         "In [Den Haag]L zegt [Mark Rutte]P dat de [PvdA]O verliest .",
         {("PvdA", 0): "pvda"}),
    Case("PvdA in a Belgian article may be the Belgian PVDA",
         "In [Antwerpen]L en [Gent]L zegt [Bart De Wever]P dat de [PvdA]O groeit .",
         {("PvdA", 0): None}),
    Case("PVDA with its leader named is the Belgian party",
         "De [PVDA]O groeit , zegt [Raoul Hedebouw]P .",
         {("PVDA", 0): "pvda-ptb"}),
    Case("PVDA alone is withheld",
         "De [PVDA]O groeit .",
         {("PVDA", 0): None}),
    Case("Pvda in neither party's case is neither",
         "De [Pvda]O groeit .",
         {("Pvda", 0): None}),
    Case("Socialistische Partij in a Belgian article is withheld",
         "In [Antwerpen]L en [Gent]L groeit de [Socialistische Partij]O .",
         {("Socialistische Partij", 0): None}, date="2000-05-01"),
    Case("Socialistische Partij in a Dutch article is the Dutch SP",
         "In [Den Haag]L en [Amsterdam]L groeit de [Socialistische Partij]O .",
         {("Socialistische Partij", 0): "sp-nl"}),
    Case("SP alone is withheld",
         "De [SP]O wil meer .",
         {("SP", 0): None}),
    Case("SP with its leader named is the Dutch SP",
         "[Lilian Marijnissen]P van de [SP]O sprak .",
         {("SP", 0): "sp-nl"}),
    Case("SP with a Flemish socialist is not the Dutch SP",
         "[Frank Vandenbroucke]P van de [SP]O sprak .",
         {("SP", 0): None}, date="2000-05-01"),
    Case("PS after a letter is a postscript",
         "Het [PS]O bij de brief was lang .",
         {("PS", 0): None}),
    Case("PS with its leader named is the Belgian party",
         "[Elio Di Rupo]P leidt de [PS]O .",
         {("PS", 0): "ps-belgie"}),
    Case("WHO in an English quote is the word",
         "Hij zong : \" [WHO]O wants to live forever ? \"",
         {("WHO", 0): None}),
    Case("WHO with the pandemic named is the organisation",
         "De [WHO]O waarschuwt voor het coronavirus .",
         {("WHO", 0): "who"}, date="2020-03-15"),
    Case("a minister's full name after the ministry's name is the minister",
         "Minister van [Sociale Zaken]O [Frank Vandenbroucke]P zei het .",
         {("Frank Vandenbroucke", 0): "frank-vandenbroucke"}, date="2000-10-09"),
    Case("a full name after an unmarked name word is part of a longer name",
         "Zij las Hogeschool Frank Vandenbroucke voor .",
         {("Frank Vandenbroucke", 0): None}, date="2000-10-09"),
    Case("a climate summit is not the COP series",
         "[Greta Thunberg]P sprak op de klimaattop in [New York]L .",
         {("klimaattop", 0): None}),
    Case("the UN climate summit by name is the COP series",
         "De [VN-klimaattop]E begint .",
         {("VN-klimaattop", 0): "vn-klimaattop"}),
    Case("WHO with its director-general named is the organisation",
         "[Tedros Adhanom Ghebreyesus]P leidt de [WHO]O .",
         {("WHO", 0): "who"}),
]


@pytest.fixture(scope="module")
def fixture_kb() -> KnowledgeBase:
    return KnowledgeBase.load(FIXTURES)


@pytest.fixture(scope="module")
def project_kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_wrong_subject_with_fixture(case: Case, scheme: str, fixture_kb: KnowledgeBase) -> None:
    analysed_article = article(case.text, scheme, case.date)
    notes = build_notes(analysed_article, fixture_kb, today=TODAY)
    text = analysed_article.article.text
    for (mention, occurrence), expected in case.expect.items():
        found = background_key(subject_at(notes, text, mention, occurrence))
        assert found == expected, (mention, occurrence)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_wrong_subject_with_project_knowledge(
    case: Case, scheme: str, project_kb: KnowledgeBase
) -> None:
    """With all 2,000+ entries: a mention expected to have no background has none or the right
    subject's, and one with a subject has that subject (the ids are the same in both bases)."""
    analysed_article = article(case.text, scheme, case.date)
    notes = build_notes(analysed_article, project_kb, today=TODAY)
    text = analysed_article.article.text
    for (mention, occurrence), expected in case.expect.items():
        found = background_key(subject_at(notes, text, mention, occurrence))
        if expected is None and found in case.right:
            continue
        assert found == expected, (mention, occurrence)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("case", DATA_CASES, ids=[c.name for c in DATA_CASES])
def test_shared_and_ambiguous_names_need_support(
    case: Case, scheme: str, project_kb: KnowledgeBase
) -> None:
    analysed_article = article(case.text, scheme, case.date)
    notes = build_notes(analysed_article, project_kb, today=TODAY)
    text = analysed_article.article.text
    for (mention, occurrence), expected in case.expect.items():
        assert background_key(subject_at(notes, text, mention, occurrence)) == expected, mention


def test_the_helper_builds_what_the_cases_say() -> None:
    built = article("In [Lindsay Davenport]P won . Frans/ADJ bedrijf .", "conll")
    assert [(e.text, e.label, e.category) for e in built.entities] == [
        ("Lindsay Davenport", "PER", Category.PERSON)
    ]
    assert [t.pos for t in built.tokens] == ["X", "PROPN", "PROPN", "X", "PUNCT", "ADJ", "X",
                                             "PUNCT"]
    assert [s.index for s in built.sentences] == [0, 1]
    assert built.article.date == ArticleDate(2019, 9, 23)


def test_entities_are_redrawn_with_the_subjects_category(fixture_kb: KnowledgeBase) -> None:
    from assistant.reading.analysis import with_note_entities

    built = article("[Greta Thunberg]L sprak in [New York]P .", "conll")
    notes = build_notes(built, fixture_kb, today=TODAY)
    redrawn = with_note_entities(built, notes)
    assert [(e.text, e.category) for e in redrawn.entities] == [
        ("Greta Thunberg", Category.PERSON), ("New York", Category.PLACE)
    ]
