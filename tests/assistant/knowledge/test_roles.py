"""True at the article's date: roles, facts, lifetimes and events as the article's readers knew
them, and their English wording; never a fact or an end dated after the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import wording
from assistant.knowledge import roles as dated
from assistant.knowledge.base import KnowledgeBase, KnowledgeEntry, Period
from assistant.knowledge.subjects import build_notes
from assistant.models import (
    ArticleDate,
    Category,
    Fact,
    Mention,
    Note,
    Role,
    RoleAtDate,
    RoleStatus,
    Timing,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "knowledge"
D = ArticleDate.parse


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(FIXTURES, places=False)


def entry(kb: KnowledgeBase, entry_id: str) -> KnowledgeEntry:
    found = kb.get(entry_id)
    assert found is not None, entry_id
    return found


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2023-09-04", "2023-09-04", "2023-09-04"),
    ],
)
def test_first_and_last_day(value: str, first: str, last: str) -> None:
    assert dated.first_day(D(value)).isoformat() == first
    assert dated.last_day(D(value)).isoformat() == last


@pytest.mark.parametrize(
    ("event", "when", "by", "after"),
    [
        ("2023-09-04", "2023-09-04", True, False),  # the same day has happened
        ("2023-09-03", "2023-09-04", True, False),
        ("2023-09-05", "2023-09-04", False, True),
        ("2023-09-04", "2023-09", False, False),  # inside the month: not certain either way
        ("2023-09", "2023-09-30", True, False),
        ("2023", "2023-06", False, False),
        ("2022", "2023", True, False),
        ("2024", "2023-12-31", False, True),
    ],
)
def test_by_and_after_are_certain_only(event: str, when: str, by: bool, after: bool) -> None:
    assert dated.by(D(event), D(when)) is by
    assert dated.after(D(event), D(when)) is after


MAYOR = Role("Mayor", "Town", D("2010-05-03"), D("2014-06-30"))
OPEN = Role("Chair", "Club", D("2012"), None)
UNDATED_START = Role("Member", "Club", None, D("2001"))


@pytest.mark.parametrize(
    ("role", "when", "status"),
    [
        (MAYOR, "2010-05-02", RoleStatus.NOT_YET),
        (MAYOR, "2010-05-03", RoleStatus.CURRENT),
        (MAYOR, "2012", RoleStatus.CURRENT),
        (MAYOR, "2014-06-29", RoleStatus.CURRENT),
        (MAYOR, "2014-06-30", None),  # the handover day belongs to the successor
        (MAYOR, "2014-07-01", RoleStatus.FORMER),
        (MAYOR, "2010", None),  # began some time that year
        (MAYOR, "2010-05", None),
        (MAYOR, "2014", None),
        (OPEN, "2012", None),
        (OPEN, "2013-01-01", RoleStatus.CURRENT),
        (OPEN, "2011-12-31", RoleStatus.NOT_YET),
        (UNDATED_START, "2002", RoleStatus.FORMER),
        (UNDATED_START, "2000", None),  # without a start nobody knows it was held then
    ],
)
def test_role_status(role: Role, when: str, status: RoleStatus | None) -> None:
    assert dated.role_status(role, D(when)) is status


def test_stoltenberg_in_march_2001_was_prime_minister(kb: KnowledgeBase) -> None:
    stoltenberg = entry(kb, "jens-stoltenberg")
    held = dated.roles_at(stoltenberg, D("2001-03"))
    assert [(r.role.role, r.status) for r in held] == [
        ("Prime Minister of Norway", RoleStatus.CURRENT)
    ]


def test_vandenbroucke_in_2000_was_minister_of_social_affairs(kb: KnowledgeBase) -> None:
    held = dated.roles_at(entry(kb, "frank-vandenbroucke"), D("2000-06"))
    assert held[0] == RoleAtDate(
        Role("Minister of Social Affairs and Pensions of Belgium", "Belgium", D("1999-07-12"),
             D("2003-07-12")),
        RoleStatus.CURRENT,
    )
    # 2000-06 lies in the span the role list is complete for: the latest earlier role shows.
    assert held[1].status is RoleStatus.FORMER


def test_shoigu_in_september_2023_shows_no_future(kb: KnowledgeBase) -> None:
    shoigu = entry(kb, "sergei-shoigu")
    held = dated.roles_at(shoigu, D("2023-09"))
    assert [(r.role.role, r.status) for r in held] == [
        ("Minister of Defence of Russia", RoleStatus.CURRENT),
        ("Governor of Moscow Oblast", RoleStatus.FORMER),
    ]
    note = Note("s", "Sjojgoe", Category.PERSON, (Mention(0, 7, "Sjojgoe"),),
                as_of=D("2023-09"), roles=held)
    text = wording.role_at_date(note)
    assert text == ("at the time of this article (September 2023): Minister of Defence of "
                    "Russia (since 2012); formerly Governor of Moscow Oblast (2012)")
    assert "2024" not in text


COMPLETE = KnowledgeEntry(
    id="x", category=Category.PERSON, names=("X",), international_name="X", description="A.",
    roles=(OPEN, MAYOR), roles_complete=Period(D("2005"), D("2020")),
)
INCOMPLETE = KnowledgeEntry(
    id="x", category=Category.PERSON, names=("X",), international_name="X", description="A.",
    roles=(OPEN, MAYOR),
)


@pytest.mark.parametrize(
    ("subject", "when", "expected"),
    [
        (COMPLETE, "2009", [("Mayor", RoleStatus.NOT_YET)]),
        (INCOMPLETE, "2009", []),  # the list may lack what X was in 2009: say nothing
        (COMPLETE, "2011", [("Mayor", RoleStatus.CURRENT)]),
        (COMPLETE, "2013", [("Chair", RoleStatus.CURRENT), ("Mayor", RoleStatus.CURRENT)]),
        (COMPLETE, "2015", [("Chair", RoleStatus.CURRENT), ("Mayor", RoleStatus.FORMER)]),
        (INCOMPLETE, "2015", [("Chair", RoleStatus.CURRENT)]),
        (COMPLETE, "2021", [("Chair", RoleStatus.CURRENT)]),  # after the complete span
        (COMPLETE, "2004", []),  # before it
        (COMPLETE, "2010-05", []),  # Mayor began that month: uncertain, so no "not yet Chair"
    ],
)
def test_formerly_and_not_yet_only_inside_roles_complete(
    subject: KnowledgeEntry, when: str, expected: list[tuple[str, RoleStatus]]
) -> None:
    assert [(r.role.role, r.status) for r in dated.roles_at(subject, D(when))] == expected


def test_a_role_held_twice_is_not_also_former(kb: KnowledgeBase) -> None:
    held = dated.roles_at(entry(kb, "jens-stoltenberg"), D("2006"))
    assert [(r.role.role, r.status) for r in held] == [
        ("Prime Minister of Norway", RoleStatus.CURRENT),
        ("Leader of the Labour Party (Norway)", RoleStatus.CURRENT),
    ]


def test_pvv_in_2019_knows_nothing_of_2023(kb: KnowledgeBase) -> None:
    pvv = entry(kb, "pvv")
    facts, hidden = dated.facts_at(pvv, D("2019-05"))
    assert [f.date.year for f in facts] == [2010, 2010, 2012, 2017]
    assert hidden == len(pvv.facts) - 4
    assert all(f.date < D("2019-05") for f in facts)
    assert not any("37 of 150" in f.text for f in facts)


@pytest.mark.parametrize(
    ("when", "timing"),
    [("1980", Timing.UPCOMING), ("1986-04-25", Timing.UPCOMING), ("1986-04-26", Timing.ONGOING),
     ("1986-04", None), ("1986-05", Timing.PAST), ("2019", Timing.PAST)],
)
def test_chernobyl_is_past_or_to_come(kb: KnowledgeBase, when: str, timing: Timing | None) -> None:
    chernobyl = entry(kb, "kernramp-van-tsjernobyl")
    assert dated.event_timing(chernobyl, D(when)) is timing


def test_an_open_event_is_under_way(kb: KnowledgeBase) -> None:
    invasion = entry(kb, "russische-invasie-van-oekraine")
    assert dated.event_timing(invasion, D("2023-09")) is Timing.ONGOING
    assert dated.event_timing(invasion, D("2021")) is Timing.UPCOMING


def test_chernobyl_card_in_1980_says_still_to_come_and_nothing_after() -> None:
    kb = KnowledgeBase.load(FIXTURES)
    from parse_data import analysed as built
    from parse_data import w

    words = [w("De"), w("kernramp"), w("van"), w("Tsjernobyl", pos="PROPN"), w(".")]
    notes = build_notes(built(words, date="1980-03-01"), kb)
    assert [n.key for n in notes] == ["kernramp-van-tsjernobyl"]
    note = notes[0]
    assert note.timing is Timing.UPCOMING and note.began is None and note.ended is None
    assert wording.role_at_date(note) == "still to come at the article's date"
    assert "1986" not in " ".join(wording.note_lines(note))


def test_existence_and_lifetime(kb: KnowledgeBase) -> None:
    greta = entry(kb, "greta-thunberg")
    assert not dated.existed_at(greta, D("2002"))
    assert dated.existed_at(greta, D("2003"))  # born that year: it may be her
    assert dated.lifetime_at(greta, D("2019")) == (D("2003-01-03"), None)
    assert dated.lifetime_at(greta, D("2003")) == (None, None)
    chernobyl = entry(kb, "kernramp-van-tsjernobyl")
    assert dated.existed_at(chernobyl, D("1980"))  # events may be announced before


def test_undated_article_says_so() -> None:
    note = Note("p", "Poetin", Category.PERSON, (Mention(0, 6, "Poetin"),),
                roles=(RoleAtDate(Role("President of Russia", None, D("2012-05-07")),
                                  RoleStatus.CURRENT),))
    assert wording.role_at_date(note) == (
        "as of today; the article has no date: President of Russia (since 2012)"
    )
    assert wording.as_of_text(None) == "as of today; the article has no date"
    assert wording.as_of_text(D("2023-09")) == "as of September 2023, the article's date"


@pytest.mark.parametrize(
    ("item", "text"),
    [
        (RoleAtDate(Role("Mayor", None, D("2010-05")), RoleStatus.CURRENT), "Mayor (since 2010)"),
        (RoleAtDate(Role("Mayor", None, None), RoleStatus.CURRENT), "Mayor"),
        (RoleAtDate(Role("Mayor", None, D("2010"), D("2014")), RoleStatus.FORMER),
         "formerly Mayor (2010–2014)"),
        (RoleAtDate(Role("Mayor", None, D("2010"), D("2010-11")), RoleStatus.FORMER),
         "formerly Mayor (2010)"),
        (RoleAtDate(Role("Mayor", None, None, D("2010")), RoleStatus.FORMER),
         "formerly Mayor (until 2010)"),
        (RoleAtDate(Role("Mayor", None, D("2030")), RoleStatus.NOT_YET), "not yet Mayor"),
    ],
)
def test_role_wording(item: RoleAtDate, text: str) -> None:
    assert wording.role_text(item) == text


@pytest.mark.parametrize(
    ("category", "began", "ended", "text"),
    [
        (Category.PERSON, "1959-03-16", None, "born 16 March 1959"),
        (Category.PERSON, "1918", "2013-12-05", "born 1918, died 5 December 2013"),
        (Category.ORGANISATION, "1948", None, "founded 1948"),
        (Category.GROUP, None, "2012", "dissolved 2012"),
        (Category.PLACE, "1948", None, None),
        (Category.PERSON, None, None, None),
    ],
)
def test_lifetime_wording(
    category: Category, began: str | None, ended: str | None, text: str | None
) -> None:
    note = Note("k", "N", category, (), began=D(began) if began else None,
                ended=D(ended) if ended else None)
    assert wording.lifetime_text(note) == text


@pytest.mark.parametrize(
    ("timing", "began", "ended", "text"),
    [
        (Timing.PAST, "2021-10-31", "2021-11-13", "took place 31 October – 13 November 2021"),
        (Timing.PAST, "2023-09-10", "2023-09-13", "took place 10–13 September 2023"),
        (Timing.PAST, "1986-04-26", "1986-04-26", "took place 26 April 1986"),
        (Timing.PAST, None, None, "past at the article's date"),
        (Timing.ONGOING, "2022-02-24", None,
         "ongoing since 24 February 2022"),
        (Timing.UPCOMING, None, None, "still to come at the article's date"),
        (None, None, None, None),
    ],
)
def test_event_wording(
    timing: Timing | None, began: str | None, ended: str | None, text: str | None
) -> None:
    note = Note("e", "E", Category.EVENT, (), timing=timing, began=D(began) if began else None,
                ended=D(ended) if ended else None)
    assert wording.event_text(note) == text
    assert wording.role_at_date(note) == text


def test_card_lines_in_order() -> None:
    note = Note(
        "k", "Poetin", Category.PERSON, (Mention(0, 6, "Poetin"), Mention(9, 15, "Poetin")),
        international_name="Vladimir Putin", description="Russian politician.",
        as_of=D("2023-09"), began=D("1952-10-07"),
        roles=(RoleAtDate(Role("President of Russia", None, D("2012")), RoleStatus.CURRENT),),
        facts=(Fact(D("2022-02-24"), "Ordered the invasion of Ukraine."),),
    )
    assert wording.note_lines(note) == [
        "Poetin", "Vladimir Putin", "Russian politician.", "born 7 October 1952",
        "at the time of this article (September 2023): President of Russia (since 2012)",
        "24 February 2022: Ordered the invasion of Ukraine.", "2 mentions",
    ]
    assert wording.note_lines(Note("u", "Pier", Category.PLACE, (Mention(0, 4, "Pier"),))) == [
        "Pier", "1 mention"
    ]


@pytest.mark.parametrize(
    ("as_of", "facts", "roles", "line"),
    [
        (None, True, False, "as of today; the article has no date"),
        (None, False, False, None),  # nothing dated: nothing to qualify
        (None, True, True, None),  # the role line says it
        (D("2023-09"), True, False, None),
    ],
)
def test_undated_cards_say_so(
    as_of: ArticleDate | None, facts: bool, roles: bool, line: str | None
) -> None:
    note = Note(
        "k", "Greta Thunberg", Category.PERSON, (), as_of=as_of,
        facts=(Fact(D("2018-08-20"), "Began a school strike."),) if facts else (),
        roles=(RoleAtDate(Role("Activist", None, D("2018")), RoleStatus.CURRENT),) if roles
        else (),
    )
    assert wording.undated_line(note) == line
    assert (line in wording.note_lines(note)) if line else (
        "as of today; the article has no date" not in wording.note_lines(note))


@pytest.mark.parametrize(
    ("when", "inside"),
    [("2005", True), ("2005-01-01", True), ("2020-12-31", True), ("2020", True),
     ("2004-12-31", False), ("2021-01-01", False), ("2004", False), ("2021", False)],
)
def test_covers_includes_both_ends(when: str, inside: bool) -> None:
    assert dated.covers(Period(D("2005"), D("2020")), D(when)) is inside
    assert not dated.covers(None, D(when))


def _event(start: str | None, end: str | None) -> KnowledgeEntry:
    return KnowledgeEntry(id="e", category=Category.EVENT, names=("E",), international_name="E",
                          description="E.", start=D(start) if start else None,
                          end=D(end) if end else None)


@pytest.mark.parametrize(
    ("start", "end", "when", "timing"),
    [
        (None, "2001-05", "2001-06-01", Timing.PAST),  # only the end is known
        (None, "2001-05", "2001-05-31", None),
        (None, None, "2001", None),
        ("2022-02", None, "2022-02-10", None),  # begun that month, maybe not yet by the 10th
        ("2022-02", None, "2022-03-01", Timing.ONGOING),
        ("2021-10-31", "2021-11-13", "2021-11-13", Timing.ONGOING),
        ("2021-10-31", "2021-11-13", "2021-11", None),  # ended that month
        ("2021-10-31", "2021-11-13", "2021-11-14", Timing.PAST),
    ],
)
def test_event_timing_edges(
    start: str | None, end: str | None, when: str, timing: Timing | None
) -> None:
    assert dated.event_timing(_event(start, end), D(when)) is timing


def test_today_is_the_calendar_day() -> None:
    import datetime

    now = datetime.date.today()
    assert dated.today() == ArticleDate(now.year, now.month, now.day)


def test_the_latest_former_role_and_the_first_to_come() -> None:
    roles = (Role("C", None, D("2016"), D("2017")), Role("B", None, D("2012"), D("2013")),
             Role("A", None, D("2008"), D("2009")))
    subject = KnowledgeEntry(id="x", category=Category.PERSON, names=("X",),
                             international_name="X", description="A.", roles=roles,
                             roles_complete=Period(D("2000"), D("2020")))
    assert [(r.role.role, r.status) for r in dated.roles_at(subject, D("2015"))] == [
        ("B", RoleStatus.FORMER)]
    assert [(r.role.role, r.status) for r in dated.roles_at(subject, D("2005"))] == [
        ("A", RoleStatus.NOT_YET)]



# Years after the article's that a card may name: targets and hosts announced by then ('cut
# emissions by 2030', 'extend the Kyoto Protocol to 2020', 'host the 2018 and 2022 World Cups',
# 'commitments after 2012').
_ANNOUNCED_YEAR = r"\b(?:by|to|the|and|after) (?:19|20)\d\d\b"


@pytest.mark.parametrize(
    "when", ["2000-06-01", "2001-03-15", "2008-10", "2014", "2019-09-23", "2020-03-15",
             "2023-09-01"])
def test_no_card_of_the_project_states_what_came_after_the_article(when: str) -> None:
    import re

    article_date = D(when)
    project = KnowledgeBase.load(places=False)
    checked = 0
    for subject in project.entries():
        if not dated.existed_at(subject, article_date):
            continue
        facts, hidden = dated.facts_at(subject, article_date)
        assert all(dated.by(f.date, article_date) for f in facts), subject.id
        for item in dated.roles_at(subject, article_date):
            role = item.role
            if item.status is RoleStatus.CURRENT:
                assert role.start is not None and dated.by(role.start, article_date)
                assert role.end is None or dated.after(role.end, article_date), subject.id
            elif item.status is RoleStatus.FORMER:
                assert role.end is not None and dated.by(role.end, article_date), subject.id
            else:
                assert role.start is not None and dated.after(role.start, article_date)
        began, ended = dated.lifetime_at(subject, article_date)
        assert all(d is None or dated.by(d, article_date) for d in (began, ended)), subject.id
        note = Note(key=subject.id, name=subject.international_name, category=subject.category,
                    mentions=(), international_name=subject.international_name,
                    description=subject.description, as_of=article_date,
                    roles=dated.roles_at(subject, article_date), facts=facts, began=began,
                    ended=ended, hidden_facts=hidden,
                    timing=dated.event_timing(subject, article_date)
                    if subject.category is Category.EVENT else None)
        for line in wording.note_lines(note)[1:-1]:
            said = re.sub(_ANNOUNCED_YEAR, "", line)
            years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", said)]
            assert all(y <= article_date.year for y in years), (subject.id, line)
            assert not re.search(r"\b(later|future)\b", line), (subject.id, line)
        checked += 1
    assert checked > 500


def test_a_title_renamed_later_is_not_told_early() -> None:
    project = KnowledgeBase.load(places=False)
    kim = entry(project, "kim-jong-un")
    held = [r.role.role for r in dated.roles_at(kim, D("2019-06-01"))]
    assert "Chairman of the State Affairs Commission of North Korea" in held
    assert not any("President" in role or "later" in role for role in held)


@pytest.mark.parametrize("when", ["1990", "2019-07-05", "2026-01"])
def test_a_series_is_neither_under_way_nor_past(when: str) -> None:
    project = KnowledgeBase.load(places=False)
    for series_id in ("wimbledon", "vn-klimaattop", "eredivisie"):
        series = entry(project, series_id)
        assert series.recurring
        assert dated.event_timing(series, D(when)) is None
    war = entry(project, "russische-invasie-van-oekraine")
    assert not war.recurring
