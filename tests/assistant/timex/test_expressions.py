"""The search over an article: rule matches against DATE entities, token boundaries, order,
implausible dates; the sample article; no crash on any text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from timex_helpers import FULL, MONTH, find, make_analysed, only

from assistant.models import (
    AnalysedArticle,
    ArticleDate,
    Category,
    Entity,
    TimeKind,
    Token,
)
from assistant.timex.expressions import find_time_expressions, non_overlapping

SAMPLE_EXPECTED = (
    ("Maandag", "2023-09"),
    ("later deze maand", "2023-09"),
    ("vorig jaar februari", "2022-02"),
    ("tussen 10 en 13 september", "2023-09-10/2023-09-13"),
    ("Eind augustus", "2023-08"),
    ("in juli", "2023-07"),
    ("zeventigjarig jubileum", "1953"),
    ("begin jaren vijftig", "1950/1953"),
)


def _sample(sample_path: Path) -> tuple[str, ArticleDate]:
    raw = sample_path.read_text(encoding="utf-8")
    header = re.match(r"\s*date\s+(\S+)\s+", raw)
    assert header is not None
    return raw[header.end():], ArticleDate.parse(header.group(1))


@pytest.mark.parametrize(("text", "expected"), [
    ("Zij begon vorig jaar in augustus.", (("vorig jaar in augustus", "2022-08"),)),
    # A sentence end or a comma keeps them apart: the month is this year's.
    ("Zij begon vorig jaar. In augustus stopte ze.",
     (("vorig jaar", "2022"), ("In augustus", "2023-08"))),
    ("Zij begon vorig jaar, in augustus stopte ze.",
     (("vorig jaar", "2022"), ("in augustus", "2023-08"))),
])
def test_a_month_after_the_relative_year_takes_its_year(
        text: str, expected: tuple[tuple[str, str], ...]) -> None:
    assert tuple((t.text, t.resolved) for t in find(text, MONTH)) == expected


def test_sample_article(sample_path: Path) -> None:
    text, date = _sample(sample_path)
    found = find(text, date)
    assert [(t.text, t.resolved) for t in found] == list(SAMPLE_EXPECTED)
    assert all(text[t.start:t.end] == t.text for t in found)
    undated = find(text, None)
    assert [t.text for t in undated] == [expected for expected, _ in SAMPLE_EXPECTED]
    assert all(t.resolved is None for t in undated)
    assert [t.value.kind if t.value else None for t in undated] == [
        t.value.kind if t.value else None for t in found]


def test_sample_article_with_real_analysis(sample_analysis: AnalysedArticle) -> None:
    found = find_time_expressions(sample_analysis)
    text = sample_analysis.article.text
    for expected, resolved in SAMPLE_EXPECTED:
        start = text.index(expected)
        # A pipeline's DATE entity may be longer than the rule's span; it must still hold
        # the expression and carry its resolution.
        covering = [t for t in found if t.start <= start and start + len(expected) <= t.end]
        assert len(covering) == 1, expected
        assert covering[0].resolved == resolved, (expected, covering[0])
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_expressions_come_in_text_order_without_overlap() -> None:
    found = find("In juli 2019 en op 4 september 2022 en vorige week, gisteren.", FULL)
    assert [t.text for t in found] == ["In juli 2019", "op 4 september 2022", "vorige week",
                                       "gisteren"]


def test_the_longest_rule_match_wins() -> None:
    # "vorig jaar" (a year) and "februari" lose to "vorig jaar februari" (a month).
    (t,) = find("Hij kwam vorig jaar februari.", MONTH)
    assert (t.text, t.value and t.value.kind) == ("vorig jaar februari", TimeKind.MONTH)
    (t,) = find("sinds eind juli 2021 kwam hij", MONTH)
    assert (t.text, t.resolved) == ("sinds eind juli 2021", "2021-07")


def test_matches_must_end_on_token_boundaries() -> None:
    analysed = make_analysed("Hij kwam in juli.", MONTH)
    # A pipeline that glued "juli." into one token: no rule may cut that token.
    juli, dot = analysed.tokens[-2:]
    glued_token = Token(juli.index, juli.start, dot.end, "juli.", "juli.", "X", "", 0, 5.0,
                        True, False)
    glued = AnalysedArticle(analysed.article, analysed.model, analysed.level,
                            (*analysed.tokens[:-2], glued_token), (), (), ())
    assert [t.text for t in find_time_expressions(analysed)] == ["in juli"]
    assert find_time_expressions(glued) == ()


def test_matches_start_on_a_token_start() -> None:
    analysed = make_analysed("Hij kwam injuli en in juli.", MONTH)
    assert [t.text for t in find_time_expressions(analysed)] == ["in juli"]


def test_without_tokens_words_are_the_boundaries() -> None:
    analysed = make_analysed("Hij kwam in juli.", MONTH)
    bare = AnalysedArticle(analysed.article, analysed.model, analysed.level, (), (), (), ())
    assert [(t.text, t.resolved) for t in find_time_expressions(bare)] == [("in juli", "2023-07")]


@pytest.mark.parametrize(("text", "date", "kind"), [
    ("tien jaar geleden", ArticleDate(5), TimeKind.AGO),  # year -5
    ("vorige week", ArticleDate(1, 1, 1), TimeKind.WEEK),  # before 1 January of year 1
    ("morgen", ArticleDate(9999, 12, 31), TimeKind.DAY),
    ("volgend jaar", ArticleDate(9999), TimeKind.YEAR),
    ("drie weken geleden", ArticleDate(1, 1), TimeKind.AGO),
    ("Maandag", ArticleDate(1, 1, 1), TimeKind.DAY),  # year 1 began on a Monday
])
def test_values_beyond_four_digit_years_stay_unresolved(text: str, date: ArticleDate,
                                                         kind: TimeKind) -> None:
    t = only(text, date)
    assert t.value is not None and t.value.kind is kind
    if text == "Maandag":
        assert t.resolved == "0001-01-01"
    else:
        assert t.resolved is None and t.value.first is None and t.value.reference is None


def _with_entities(text: str, date: ArticleDate | None, *spans: tuple[int, int],
                   category: Category = Category.DATE) -> AnalysedArticle:
    analysed = make_analysed(text, date, spans)
    entities = tuple(Entity(e.index, e.start, e.end, e.text, e.label, category, e.first_token,
                            e.last_token) for e in analysed.entities)
    return AnalysedArticle(analysed.article, analysed.model, analysed.level, analysed.tokens,
                           (), entities, ())


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_longer_rule_span_wins_over_date_entity() -> None:
    text = "Hij kwam vorig jaar februari aan."
    (t,) = find_time_expressions(_with_entities(text, MONTH, _span(text, "februari")))
    assert (t.text, t.resolved) == ("vorig jaar februari", "2022-02")


def test_longer_date_entity_wins_and_takes_the_longest_rule_inside() -> None:
    text = "Dat was afgelopen zomer in juli, op 3 juli wel anders."
    (t,) = find_time_expressions(_with_entities(text, MONTH, _span(text, "afgelopen zomer in "
                                                                         "juli, op 3 juli")))
    assert (t.text, t.resolved) == ("afgelopen zomer in juli, op 3 juli", "2023-07-03")
    assert t.value is not None and t.value.kind is TimeKind.DAY


def test_of_two_equal_rules_inside_an_entity_the_first_wins() -> None:
    text = "in juli en in juni"
    (t,) = find_time_expressions(_with_entities(text, MONTH, (0, len(text))))
    assert (t.text, t.resolved) == ("in juli en in juni", "2023-07")


def test_date_entity_without_rule_is_kept_unresolved() -> None:
    text = "Het gebeurde in de zomer van 2022 en in de herfst."
    found = find_time_expressions(_with_entities(text, MONTH, _span(text, "de zomer van 2022"),
                                                 _span(text, "de herfst")))
    assert [(t.text, t.resolved, t.value) for t in found] == [
        ("de zomer van 2022", None, None), ("de herfst", None, None)]


@pytest.mark.parametrize(("entity", "date", "resolved", "kind"), [
    ("augustus", MONTH, "2023-08", TimeKind.MONTH),
    ("november", MONTH, "2022-11", TimeKind.MONTH),
    ("Augustus", None, None, TimeKind.MONTH),
    ("mei 2019", MONTH, "2019-05", TimeKind.MONTH),
    ("mei 2019", None, "2019-05", TimeKind.MONTH),
    ("2019", MONTH, "2019", TimeKind.YEAR),
    ("2019", None, "2019", TimeKind.YEAR),
])
def test_bare_month_or_year_entity_is_resolved(entity: str, date: ArticleDate | None,
                                              resolved: str | None, kind: TimeKind) -> None:
    text = f"Het was {entity} toen."
    (t,) = find_time_expressions(_with_entities(text, date, _span(text, entity)))
    assert (t.text, t.resolved) == (entity, resolved)
    assert t.value is not None and t.value.kind is kind
    assert t.value.reference == (date if date and not any(c.isdigit() for c in entity) else None)


def test_bare_month_entity_in_a_future_sentence() -> None:
    text = "Het zal in november zijn, november."
    found = find_time_expressions(_with_entities(text, MONTH, (text.rindex("november"),
                                                               text.rindex("november") + 8)))
    assert [t.resolved for t in found] == ["2023-11", "2023-11"]


def test_equal_spans_prefer_the_rule() -> None:
    (t,) = find_time_expressions(_with_entities("Maandag kwam hij.", MONTH, (0, 7)))
    assert (t.text, t.resolved) == ("Maandag", "2023-09")
    assert t.value is not None and t.value.weekday == 0


def test_only_date_entities_count() -> None:
    text = "Hij kwam uit Augustus."
    assert find_time_expressions(_with_entities(text, MONTH, _span(text, "Augustus"),
                                                category=Category.PERSON)) == ()


def test_entities_outside_the_text_are_ignored() -> None:
    analysed = _with_entities("Hij kwam in juli.", MONTH, (9, 16))
    broken = (*analysed.entities,
              Entity(1, 10, 99, "juli", "DATE", Category.DATE, 3, 3),
              Entity(2, 5, 5, "", "DATE", Category.DATE, 1, 1))
    analysed = AnalysedArticle(analysed.article, analysed.model, analysed.level, analysed.tokens,
                               (), broken, ())
    assert [t.text for t in find_time_expressions(analysed)] == ["in juli"]


# --- properties -------------------------------------------------------------------------

_FRAGMENTS = [
    "maandag", "Volgende", "vorige", "vorig", "jaar", "maand", "week", "deze", "dit", "later",
    "eerder", "begin", "eind", "medio", "half", "in", "sinds", "tussen", "van", "tot", "en",
    "met", "juli", "februari", "september", "december", "jaren", "vijftig", "'80", "de",
    "negentiende", "eeuw", "zeventigjarig", "jubileum", "vijftigste", "verjaardag", "geleden",
    "tien", "2022", "1953", "10", "13", "31", "0", "29", "-", ".", ",", "\n", "morgen",
    "gisteren", "zomer", "Kim", "é", "’", "04-09-2023", "2023-02-30", "t/m", "tweeëntwintig",
]
_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?")
_DATES = st.one_of(
    st.none(),
    st.builds(ArticleDate, st.integers(1, 9999)),
    st.builds(ArticleDate, st.integers(1, 9999), st.integers(1, 12)),
    st.builds(ArticleDate, st.integers(1, 9999), st.integers(1, 12), st.integers(1, 28)),
)


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=4)), max_size=25),
    separators=st.lists(st.sampled_from([" ", "  ", "", "\n"]), min_size=25, max_size=25),
    date=_DATES,
    entity_seed=st.lists(st.integers(0, 30), max_size=4),
)
def test_never_crashes_and_spans_are_sound(
    words: list[str], separators: list[str], date: ArticleDate | None, entity_seed: list[int]
) -> None:
    text = "".join(w + s for w, s in zip(words, separators, strict=False))
    tokens = make_analysed(text, date).tokens
    spans: list[tuple[int, int]] = []
    for seed in entity_seed:
        if tokens:
            first = tokens[seed % len(tokens)]
            last = tokens[min(len(tokens) - 1, first.index + seed % 3)]
            if all(last.end <= s or first.start >= e for s, e in spans):
                spans.append((first.start, last.end))
    found = find_time_expressions(make_analysed(text, date, tuple(spans)))
    starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text) and t.start >= previous_end
        previous_end = t.end
        assert t.text == text[t.start:t.end]
        assert t.start in starts and t.end in ends
        assert t.resolved == (t.value.resolved if t.value is not None else None)
        if t.resolved is not None:
            assert _ISO.fullmatch(t.resolved), t.resolved


def _overlap_free_by_scan(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What non_overlapping keeps, by checking each span against every one kept."""
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if all(end <= s or e <= start for s, e in kept):
            kept.append((start, end))
    return sorted(kept, key=lambda span: span[0])


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


@pytest.mark.parametrize(
    ("spans", "kept"),
    [
        ([(0, 10), (5, 8), (10, 12)], [(0, 10), (10, 12)]),  # touching is not overlapping
        ([(4, 9), (0, 5), (8, 12), (9, 10)], [(4, 9), (9, 10)]),  # both sides refused
        ([(20, 30), (0, 5), (10, 15), (14, 21)], [(0, 5), (10, 15), (20, 30)]),
        ([(0, 3), (3, 3), (1, 2), (3, 6)], [(0, 3), (3, 3), (3, 6)]),  # an empty one
        ([(5, 5), (0, 10)], [(5, 5)]),  # the longer one reaches over the empty one kept
        ([], []),
    ],
)
def test_non_overlapping_keeps_what_a_scan_of_them_all_keeps(
        spans: list[tuple[int, int]], kept: list[tuple[int, int]]) -> None:
    assert [(s.start, s.end) for s in non_overlapping([_Span(*x) for x in spans])] == kept
    assert _overlap_free_by_scan(spans) == kept


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 12)), max_size=120))
def test_non_overlapping_agrees_with_a_scan_on_any_spans(pairs: list[tuple[int, int]]) -> None:
    spans = [(start, start + length) for start, length in pairs]  # some empty
    found = [(s.start, s.end) for s in non_overlapping([_Span(*x) for x in spans])]
    assert found == _overlap_free_by_scan(spans)
