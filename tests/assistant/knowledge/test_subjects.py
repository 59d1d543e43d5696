"""Tests for note subjects: mentions from NER and names, grouping, dated roles, JSON."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant import wording
from assistant.knowledge.base import KnowledgeBase
from assistant.knowledge.subjects import build_notes
from assistant.lexicon.frequency import zipf as word_zipf
from assistant.models import (
    AnalysedArticle,
    Article,
    ArticleDate,
    Block,
    BlockKind,
    Category,
    Entity,
    Level,
    Note,
    PipelineInfo,
    Sentence,
    Timing,
    Token,
)
from assistant.report import note_to_json

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "knowledge"
SEPTEMBER_2023 = ArticleDate(2023, 9)
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(FIXTURES)


def make_article(
    text: str,
    entities: Sequence[tuple[str, str, Category]] = (),
    date: ArticleDate | None = SEPTEMBER_2023,
    zipf: dict[str, float] | None = None,
) -> AnalysedArticle:
    """A hand-built analysis: regex tokens, sentences end at '.', entities by exact text
    (each (text, label, category) marks the first unmarked occurrence); word frequencies from
    wordfreq unless `zipf` says otherwise."""
    zipf = zipf or {}
    matches = list(_TOKEN.finditer(text))
    sentence_of: list[int] = []
    sentence = 0
    for m in matches:
        sentence_of.append(sentence)
        if m.group() == ".":
            sentence += 1
    ents: list[Entity] = []
    used: set[int] = set()
    for ent_text, label, category in entities:
        pos = 0
        while True:
            start = text.index(ent_text, pos)
            if start not in used:
                break
            pos = start + 1
        used.add(start)
        end = start + len(ent_text)
        first = next(i for i, m in enumerate(matches) if m.start() == start)
        last = next(i for i, m in enumerate(matches) if m.end() == end)
        ents.append(Entity(len(ents), start, end, ent_text, label, category, first, last))
    entity_of = {i: e.index for e in ents for i in range(e.first_token, e.last_token + 1)}
    tokens = tuple(
        Token(
            index=i, start=m.start(), end=m.end(), text=m.group(), lemma=m.group().lower(),
            pos="PROPN" if m.group()[:1].isupper() and i in entity_of else "X",
            morph="", sentence=sentence_of[i], zipf=zipf.get(m.group(), word_zipf(m.group())),
            is_word=i not in entity_of, hard=False, entity=entity_of.get(i),
        )
        for i, m in enumerate(matches)
    )
    sentences = []
    for s in range(sentence_of[-1] + 1 if tokens else 0):
        members = [t for t in tokens if t.sentence == s]
        sentences.append(Sentence(s, members[0].start, members[-1].end))
    article = Article(text, (Block(BlockKind.PARAGRAPH, 0, len(text)),), date=date)
    return AnalysedArticle(
        article, PipelineInfo("hand", "0"), Level.B1, tokens, tuple(sentences), tuple(ents), ()
    )


def by_key(notes: tuple[Note, ...]) -> dict[str, Note]:
    return {n.key: n for n in notes}


def test_variants_of_a_known_person_form_one_subject(kb: KnowledgeBase) -> None:
    text = "Vladimir Poetin sprak. Later zei Poetin iets. Poetins plan faalde."
    analysed = make_article(text, [("Vladimir Poetin", "PER", Category.PERSON)])
    notes = build_notes(analysed, kb)
    assert len(notes) == 1
    note = notes[0]
    assert note.key == "vladimir-putin"
    assert note.name == "Vladimir Poetin"
    assert note.international_name == "Vladimir Putin"
    assert [m.text for m in note.mentions] == ["Vladimir Poetin", "Poetin", "Poetins"]
    assert all(text[m.start : m.end] == m.text for m in note.mentions)
    assert note.sentences == (0, 1, 2)
    assert note.source == "offline"
    assert wording.role_at_date(note) == (
        "at the time of this article (September 2023): President of Russia (since 2012); "
        "formerly Chairman of United Russia (2008–2012)"
    )


def test_unknown_names_group_by_surname_and_genitive(kb: KnowledgeBase) -> None:
    text = "Coen zei niets. Toen sprak Jan Pieterszoon Coen. Coens vloot voer uit."
    analysed = make_article(
        text,
        [("Coen", "PER", Category.PERSON), ("Jan Pieterszoon Coen", "PER", Category.PERSON),
         ("Coens", "PER", Category.PERSON)],
    )
    notes = build_notes(analysed, kb)
    assert len(notes) == 1
    note = notes[0]
    assert note.key == "unknown:jan pieterszoon coen"
    assert note.name == "Jan Pieterszoon Coen"
    assert note.category is Category.PERSON
    assert note.description is None and note.roles == () and not note.has_background
    assert [m.start for m in note.mentions] == sorted(m.start for m in note.mentions)
    assert note.sentences == (0, 1, 2)


def test_surname_alone_joins_known_person(kb: KnowledgeBase) -> None:
    text = "Kim Jong-un reist. Kim zwaait."
    analysed = make_article(
        text, [("Kim Jong-un", "PER", Category.PERSON), ("Kim", "PER", Category.PERSON)]
    )
    notes = build_notes(analysed, kb)
    assert [n.key for n in notes] == ["kim-jong-un"]
    assert [m.text for m in notes[0].mentions] == ["Kim Jong-un", "Kim"]


def test_different_unknown_people_stay_apart(kb: KnowledgeBase) -> None:
    text = "Jan de Vries en Piet Jansen praten."
    analysed = make_article(
        text, [("Jan de Vries", "PER", Category.PERSON), ("Piet Jansen", "PER", Category.PERSON)]
    )
    assert len(build_notes(analysed, kb)) == 2


def test_known_names_split_merged_ner_spans(kb: KnowledgeBase) -> None:
    text = (
        "Eerder klopte men aan in Teheran Moskou. De minister Sergej Sjojgoe Noord-Korea bezocht."
    )
    analysed = make_article(
        text,
        [("Teheran Moskou", "PER", Category.PERSON),
         ("Sergej Sjojgoe Noord-Korea", "ORG", Category.ORGANISATION)],
    )
    notes = by_key(build_notes(analysed, kb))
    tehran = next(n for n in notes.values() if n.international_name == "Tehran")
    moscow = next(n for n in notes.values() if n.international_name == "Moscow")
    assert tehran.category is moscow.category is Category.PLACE
    assert notes["sergei-shoigu"].category is Category.PERSON
    assert notes["sergei-shoigu"].mentions[0].text == "Sergej Sjojgoe"
    assert notes["country-kp"].mentions[0].text == "Noord-Korea"
    assert len(notes) == 4


def test_a_known_name_inside_an_unknown_one_is_part_of_it(kb: KnowledgeBase) -> None:
    # The NER may have merged two names, or the name may be longer ("Hogeschool Ede"): with
    # unknown name words beside it, a known name inside is taken as part of the longer one.
    text = "Daar sprak Ivan Ivanov Rusland toe."
    analysed = make_article(text, [("Ivan Ivanov Rusland", "PER", Category.PERSON)])
    notes = build_notes(analysed, kb)
    assert [(n.key, n.name) for n in notes] == [
        ("unknown:ivan ivanov rusland", "Ivan Ivanov Rusland")
    ]


def test_knowledge_outranks_ner_label(kb: KnowledgeBase) -> None:
    text = "De trein rijdt naar Pyongyang en naar Vladivostok."
    analysed = make_article(
        text, [("Pyongyang", "PER", Category.PERSON), ("Vladivostok", "PER", Category.PERSON)]
    )
    notes = build_notes(analysed, kb)
    assert [n.international_name for n in notes] == ["Pyongyang", "Vladivostok"]
    assert all(n.category is Category.PLACE for n in notes)


def test_names_the_ner_missed_are_found(kb: KnowledgeBase) -> None:
    text = "Volgens The New York Times gaat Kim Jong-un naar Moskou."
    notes = build_notes(make_article(text), kb)
    assert [n.key for n in notes][:2] == ["new-york-times", "kim-jong-un"]
    assert notes[2].international_name == "Moscow"


def test_town_inside_an_unknown_person_name_is_not_a_town(kb: KnowledgeBase) -> None:
    text = "Gisteren sprak Vladimir Ilyin de pers toe."
    analysed = make_article(text, [("Vladimir Ilyin", "PER", Category.PERSON)])
    notes = build_notes(analysed, kb)
    assert [(n.key, n.category) for n in notes] == [("unknown:vladimir ilyin", Category.PERSON)]


def test_adjectives_link_to_their_country(kb: KnowledgeBase) -> None:
    text = "Het Iraanse regime levert. De Russische president en de Noord-Koreaanse leider."
    notes = build_notes(make_article(text, [("Russische", "MISC", Category.GROUP)]), kb)
    names = [n.name for n in notes]
    assert names == ["Iran", "Rusland", "Noord-Korea"]
    assert notes[0].mentions[0].text == "Iraanse"
    assert all(n.category is Category.PLACE for n in notes)


def test_country_named_in_full_is_the_note_name(kb: KnowledgeBase) -> None:
    text = "Amerikaanse bronnen melden het. De Verenigde Staten zwijgen."
    notes = build_notes(make_article(text), kb)
    assert len(notes) == 1
    assert notes[0].name == "Verenigde Staten"
    assert notes[0].international_name == "United States"
    assert [m.text for m in notes[0].mentions] == ["Amerikaanse", "Verenigde Staten"]


def test_common_words_and_lower_case_do_not_start_names(kb: KnowledgeBase) -> None:
    text = "Best is het. Van dat plan weet rusland niets."
    analysed = make_article(text, zipf={"Best": 5.4, "Van": 7.5})
    assert build_notes(analysed, kb) == ()


def test_curated_lower_case_names_match_also_opening_a_sentence(kb: KnowledgeBase) -> None:
    text = "Coronacrisis trof België. Na de coronacrisis herstelde de economie."
    notes = build_notes(make_article(text), kb)
    covid = by_key(notes)["covid-19-pandemic"]
    assert [m.text for m in covid.mentions] == ["Coronacrisis", "coronacrisis"]
    assert covid.name == "coronacrisis"


def test_sentence_initial_town_needs_to_look_like_a_name(kb: KnowledgeBase) -> None:
    text = "Rome zegt nee. Moskou zegt ja."
    analysed = make_article(text, [("Moskou", "LOC", Category.PLACE)], zipf={"Rome": 4.6})
    notes = build_notes(analysed, kb)
    assert [n.international_name for n in notes] == ["Moscow"]


def test_notes_follow_first_mention_and_skip_dates(kb: KnowledgeBase) -> None:
    text = "In september reist Poetin naar Iran. Daarna komt de NAVO."
    analysed = make_article(text, [("september", "DATE", Category.DATE)])
    notes = build_notes(analysed, kb)
    assert [n.key for n in notes] == ["vladimir-putin", "country-ir", "navo"]


@pytest.mark.parametrize(
    ("date", "timing", "line"),
    [
        (ArticleDate(2023, 9, 1), Timing.UPCOMING, "still to come at the article's date"),
        (ArticleDate(2023, 9, 12), Timing.ONGOING,
         "ongoing since 10 September 2023"),
        (ArticleDate(2023, 9, 15), Timing.PAST, "took place 10–13 September 2023"),
        (ArticleDate(2023, 9), None, None),  # the month holds the forum: not certain either way
    ],
)
def test_event_note_says_where_the_event_stood(
    kb: KnowledgeBase, date: ArticleDate, timing: Timing | None, line: str | None
) -> None:
    notes = build_notes(make_article("Ze bezoeken het Eastern Economic Forum.", date=date), kb)
    assert notes[0].category is Category.EVENT
    assert notes[0].timing is timing
    assert wording.role_at_date(notes[0]) == line
    # The forum's fact (Putin spoke on the 12th) shows only once it had happened.
    assert len(notes[0].facts) == (1 if date >= ArticleDate(2023, 9, 12) and date.day else 0)


def test_note_to_json_keeps_the_documented_keys_and_adds_structured_ones(
    kb: KnowledgeBase,
) -> None:
    notes = build_notes(make_article("Poetin en Sjojgoe."), kb)
    data = note_to_json(notes[1])
    assert data == {
        "name": "Sjojgoe",
        "category": "person",
        "international_name": "Sergei Shoigu",
        "description": (
            "Russian politician and long-serving government minister, a close ally of "
            "Vladimir Putin."
        ),
        "role_at_date": (
            "at the time of this article (September 2023): Minister of Defence of Russia "
            "(since 2012); formerly Governor of Moscow Oblast (2012)"
        ),
        "source": "offline",
        "mentions": [[10, 17]],
        "key": "sergei-shoigu",
        "as_of": "2023-09",
        "roles": [
            {"role": "Minister of Defence of Russia", "organisation": "Russia",
             "from": "2012-11-06", "to": None, "status": "current"},
            {"role": "Governor of Moscow Oblast", "organisation": "Russia",
             "from": "2012-05", "to": "2012-11", "status": "former"},
        ],
        "facts": [],
        "began": "1955-05-21",
        "ended": None,
        "timing": None,
        "adjective_mentions": [],
    }


def test_no_date_says_so_and_uses_today(kb: KnowledgeBase) -> None:
    notes = build_notes(make_article("Poetin sprak.", date=None), kb, today=ArticleDate(2026, 1))
    assert notes[0].as_of is None
    assert wording.role_at_date(notes[0]) == (
        "as of today; the article has no date: President of Russia (since 2012)"
    )


DONE_WHEN = {
    "vladimir-putin": ("Vladimir Putin", Category.PERSON),
    "kim-jong-un": ("Kim Jong Un", Category.PERSON),
    "sergei-shoigu": ("Sergei Shoigu", Category.PERSON),
    "new-york-times": ("The New York Times", Category.ORGANISATION),
    "eastern-economic-forum-2023": ("Eastern Economic Forum", Category.EVENT),
}
DONE_WHEN_PLACES = (
    "North Korea", "Russia", "Ukraine", "Iran", "Vladivostok", "Pyongyang", "Moscow", "Tehran",
    "Seoul", "United States",
)


def test_sample_article_notes(sample_analysis: AnalysedArticle, kb: KnowledgeBase) -> None:
    notes = build_notes(sample_analysis, kb)
    keyed = by_key(notes)
    for key, (international, category) in DONE_WHEN.items():
        assert key in keyed, key
        assert (keyed[key].international_name, keyed[key].category) == (international, category)
    places = {n.international_name for n in notes if n.category is Category.PLACE}
    assert set(DONE_WHEN_PLACES) <= places
    shoigu = wording.role_at_date(keyed["sergei-shoigu"])
    assert shoigu is not None and "(September 2023): Minister of Defence of Russia" in shoigu
    assert "2024" not in " ".join(wording.note_lines(keyed["sergei-shoigu"]))
    putin = keyed["vladimir-putin"]
    assert putin.name == "Vladimir Poetin"
    assert len(putin.mentions) >= 6
    assert len(keyed["kim-jong-un"].mentions) >= 9
    assert keyed["country-ir"].mentions[0].text == "Iraanse"
    text = sample_analysis.article.text
    for note in notes:
        assert all(text[m.start : m.end] == m.text for m in note.mentions)
        starts = [m.start for m in note.mentions]
        assert starts == sorted(starts)
    firsts = [n.mentions[0].start for n in notes]
    assert firsts == sorted(firsts)
    # No two subjects claim the same characters.
    spans = sorted((m.start, m.end) for n in notes for m in n.mentions)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_sample_article_with_project_knowledge(sample_analysis: AnalysedArticle) -> None:
    notes = build_notes(sample_analysis, KnowledgeBase.load())
    internationals = {n.international_name for n in notes}
    assert set(DONE_WHEN_PLACES) <= internationals
    for name in ("Vladimir Putin", "Kim Jong Un", "Sergei Shoigu", "The New York Times",
                 "Eastern Economic Forum"):
        assert any(i and name.casefold() in i.casefold() for i in internationals), name
    shoigu = next(n for n in notes if n.international_name == "Sergei Shoigu")
    assert "Minister of Defence of Russia (since 2012)" in (wording.role_at_date(shoigu) or "")
    # Nothing on any card is dated after the article (September 2023).
    for note in notes:
        assert all(fact.date <= ArticleDate(2023, 9) for fact in note.facts), note.key
        assert all(r.role.start is None or r.role.start <= ArticleDate(2023, 9)
                   for r in note.roles), note.key
