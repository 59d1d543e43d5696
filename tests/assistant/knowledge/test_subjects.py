"""Tests for note subjects: mentions from NER and names, grouping, dated roles, JSON."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from assistant.knowledge.base import KnowledgeBase, Role
from assistant.knowledge.subjects import build_notes, role_at_date
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
    (each (text, label, category) marks the first unmarked occurrence)."""
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
            morph="", sentence=sentence_of[i], zipf=zipf.get(m.group(), 3.0),
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
    assert note.role_at_date == (
        "at the time of this article (September 2023): President of Russia (since 2012)"
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
    assert note.description is None and note.role_at_date is None
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


def test_unknown_rest_of_a_merged_span_is_kept(kb: KnowledgeBase) -> None:
    text = "Daar sprak Ivan Ivanov Rusland toe."
    analysed = make_article(text, [("Ivan Ivanov Rusland", "PER", Category.PERSON)])
    notes = build_notes(analysed, kb)
    assert [n.name for n in notes] == ["Ivan Ivanov", "Rusland"]
    assert notes[0].key == "unknown:ivan ivanov"


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
    assert [n.key for n in notes] == ["vladimir-putin", "country-ir", "nato"]


def test_event_note_gives_its_dates(kb: KnowledgeBase) -> None:
    text = "Ze bezoeken het Eastern Economic Forum."
    notes = build_notes(make_article(text), kb)
    assert notes[0].category is Category.EVENT
    assert notes[0].role_at_date == "held 10–13 September 2023"


SHOIGU = (
    Role("Secretary of the Security Council of Russia", "Russia", ArticleDate(2024, 5), None),
    Role("Russia's Minister of Defence", "Russia", ArticleDate(2012, 11), ArticleDate(2024, 5)),
    Role("Governor of Moscow Oblast", "Russia", ArticleDate(2012, 5), ArticleDate(2012, 11)),
)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (ArticleDate(2023, 9),
         "at the time of this article (September 2023): Russia's Minister of Defence (2012–2024)"),
        (ArticleDate(2025),
         "at the time of this article (2025): Secretary of the Security Council of Russia "
         "(since 2024)"),
        (ArticleDate(2010, 3, 4),
         "at the time of this article (4 March 2010): not yet Governor of Moscow Oblast (2012)"),
        (ArticleDate(2012, 8),
         "at the time of this article (August 2012): Governor of Moscow Oblast (2012)"),
    ],
)
def test_role_before_during_and_after(date: ArticleDate, expected: str) -> None:
    assert role_at_date(SHOIGU, date) == expected


def test_role_after_it_ended() -> None:
    roles = (Role("Prime Minister of the Netherlands", None, ArticleDate(2010, 10),
                  ArticleDate(2024, 7)),)
    assert role_at_date(roles, ArticleDate(2024, 9)) == (
        "at the time of this article (September 2024): formerly Prime Minister of the "
        "Netherlands (2010–2024)"
    )
    assert role_at_date(roles, ArticleDate(2024, 7)) == (
        "at the time of this article (July 2024): Prime Minister of the Netherlands (2010–2024)"
    )


def test_role_without_article_date_is_the_latest_role() -> None:
    assert role_at_date(SHOIGU, None) == "Secretary of the Security Council of Russia (since 2024)"
    assert role_at_date((), ArticleDate(2023)) is None


def test_role_at_handover_month_prefers_the_newer_role(kb: KnowledgeBase) -> None:
    putin = kb.get("vladimir-putin")
    assert putin is not None
    text = role_at_date(putin.roles, ArticleDate(2008, 5))
    assert text is not None
    assert text.startswith("at the time of this article (May 2008): Prime Minister of Russia")


def test_note_to_json_has_the_issue_keys(kb: KnowledgeBase) -> None:
    notes = build_notes(make_article("Poetin en Sjojgoe."), kb)
    data = note_to_json(notes[1])
    assert data == {
        "name": "Sjojgoe",
        "category": "person",
        "international_name": "Sergei Shoigu",
        "description": "Russian politician and long-serving minister.",
        "role_at_date": (
            "at the time of this article (September 2023): Russia's Minister of Defence "
            "(2012–2024)"
        ),
        "source": "offline",
        "mentions": [[10, 17]],
    }


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
    shoigu = keyed["sergei-shoigu"].role_at_date
    assert shoigu is not None and "(September 2023): Russia's Minister of Defence" in shoigu
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
    from assistant.resources import resource_path

    folder = resource_path("knowledge")
    needed = ("people.json", "organisations.json", "events.json")
    if not all((folder / name).exists() for name in needed):
        pytest.skip("the project's curated knowledge files are not all there yet")
    notes = build_notes(sample_analysis, KnowledgeBase.load())
    internationals = {n.international_name for n in notes}
    assert set(DONE_WHEN_PLACES) <= internationals
    for name in ("Vladimir Putin", "Kim Jong Un", "Sergei Shoigu", "The New York Times",
                 "Eastern Economic Forum"):
        assert any(i and name.casefold() in i.casefold() for i in internationals), name
    shoigu = next(n for n in notes if n.international_name == "Sergei Shoigu")
    assert shoigu.role_at_date is not None and "Defence" in shoigu.role_at_date
