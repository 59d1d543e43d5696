"""Dutch time expressions resolved against the article's date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.models import (
    AnalysedArticle,
    Article,
    ArticleDate,
    Category,
    Entity,
    Level,
    PipelineInfo,
    TimeExpression,
    Token,
)
from assistant.report import time_to_json
from assistant.timex.expressions import (
    find_time_expressions,
    number_from_word,
    ordinal_en,
)

SAMPLE = Path("/work/shared/samples/000_979833dae2dbd21b.txt")

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

FULL = ArticleDate(2023, 9, 6)  # a Wednesday
MONTH = ArticleDate(2023, 9)

_TOKEN = re.compile(r"\w+|[^\w\s]")
_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?")


def make_analysed(
    text: str,
    date: ArticleDate | None,
    date_spans: tuple[tuple[int, int], ...] = (),
) -> AnalysedArticle:
    """An AnalysedArticle without spaCy: tokens split on whitespace and punctuation."""
    tokens = tuple(
        Token(
            index=i, start=m.start(), end=m.end(), text=m.group(), lemma=m.group().lower(),
            pos="X", morph="", sentence=0, zipf=5.0, is_word=True, hard=False,
        )
        for i, m in enumerate(_TOKEN.finditer(text))
    )
    entities = []
    for index, (start, end) in enumerate(date_spans):
        members = [t.index for t in tokens if start <= t.start and t.end <= end]
        entities.append(
            Entity(index, start, end, text[start:end], "DATE", Category.DATE,
                   members[0], members[-1])
        )
    return AnalysedArticle(
        article=Article(text=text, blocks=(), date=date),
        model=PipelineInfo("hand-made", "0"),
        level=Level.B1,
        tokens=tokens,
        sentences=(),
        entities=tuple(entities),
        phrases=(),
    )


def find(text: str, date: ArticleDate | None) -> tuple[TimeExpression, ...]:
    return find_time_expressions(make_analysed(text, date))


def only(text: str, date: ArticleDate | None) -> TimeExpression:
    found = find(text, date)
    assert len(found) == 1, found
    return found[0]


def sample_text_and_date() -> tuple[str, ArticleDate]:
    assert SAMPLE.exists(), f"shared sample article missing: {SAMPLE}"
    raw = SAMPLE.read_text(encoding="utf-8")
    header = re.match(r"\s*date\s+(\S+)\s+", raw)
    assert header is not None
    return raw[header.end():], ArticleDate.parse(header.group(1))


# --- the sample article -----------------------------------------------------------------


def test_sample_article_expressions_are_resolved() -> None:
    text, date = sample_text_and_date()
    found = find(text, date)
    assert [(t.text, t.resolved) for t in found] == list(SAMPLE_EXPECTED)
    for t in found:
        assert text[t.start:t.end] == t.text
        assert t.description
    by_text = {t.text: t.description for t in found}
    assert by_text["vorig jaar februari"] == "February 2022"
    assert by_text["tussen 10 en 13 september"] == "10–13 September 2023"
    assert by_text["Maandag"] == "a Monday around September 2023"
    assert by_text["zeventigjarig jubileum"] == "70th anniversary: 1953 → 2023"
    assert by_text["begin jaren vijftig"] == "the early 1950s"


def test_sample_article_without_date_keeps_expressions_unresolved() -> None:
    text, _ = sample_text_and_date()
    found = find(text, None)
    assert [t.text for t in found] == [expected for expected, _ in SAMPLE_EXPECTED]
    assert all(t.resolved is None and t.description is None for t in found)


def test_sample_article_with_real_analysis(sample_analysis: AnalysedArticle) -> None:
    analysed = sample_analysis
    found = find_time_expressions(analysed)
    text = analysed.article.text
    for expected, resolved in SAMPLE_EXPECTED:
        start = text.index(expected)
        # A pipeline's DATE entity may be longer than our rule's span; it must still hold
        # the expression and carry its resolution.
        covering = [t for t in found if t.start <= start and start + len(expected) <= t.end]
        assert covering, expected
        assert covering[0].resolved == resolved, (expected, covering[0])
    ends = [t.end for t in found]
    assert all(a <= b.start for a, b in zip(ends, found[1:], strict=False))


# --- single expressions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "expected_text", "resolved"),
    [
        ("Maandag kwam hij.", FULL, "Maandag", "2023-09-04"),
        ("Woensdag kwam hij.", FULL, "Woensdag", "2023-09-06"),
        ("Volgende maandag komt hij.", FULL, "Volgende maandag", "2023-09-11"),
        ("Vorige woensdag ging hij.", FULL, "Vorige woensdag", "2023-08-30"),
        ("Hij sprak maandagavond.", FULL, "maandagavond", "2023-09-04"),
        ("Vrijdag kwam hij.", MONTH, "Vrijdag", "2023-09"),
        ("Gisteren regende het.", FULL, "Gisteren", "2023-09-05"),
        ("Morgen regent het.", FULL, "Morgen", "2023-09-07"),
        ("Eergisteren en", FULL, "Eergisteren", "2023-09-04"),
        ("en overmorgen", FULL, "overmorgen", "2023-09-08"),
        ("Vandaag is het zover.", FULL, "Vandaag", "2023-09-06"),
        ("Vandaag is het zover.", MONTH, "Vandaag", "2023-09"),
        ("Dat gebeurt deze week.", FULL, "deze week", "2023-09-04/2023-09-10"),
        ("Dat gebeurde vorige week.", FULL, "vorige week", "2023-08-28/2023-09-03"),
        ("Dat gebeurt deze maand.", MONTH, "deze maand", "2023-09"),
        ("Dat gebeurde vorige maand.", MONTH, "vorige maand", "2023-08"),
        ("Dat gebeurt volgende maand.", MONTH, "volgende maand", "2023-10"),
        ("Dat gebeurde vorig jaar.", MONTH, "vorig jaar", "2022"),
        ("Dat gebeurt volgend jaar.", MONTH, "volgend jaar", "2024"),
        ("Eerder dit jaar kwam hij.", MONTH, "Eerder dit jaar", "2023"),
        ("Dat gebeurt later deze maand.", MONTH, "later deze maand", "2023-09"),
        ("Dat was in de vorige eeuw.", MONTH, "vorige eeuw", "1900/1999"),
        ("begin augustus", MONTH, "begin augustus", "2023-08"),
        ("Medio juni 2021 kwam hij.", MONTH, "Medio juni 2021", "2021-06"),
        ("half september", MONTH, "half september", "2023-09"),
        ("Hij kwam in juli.", MONTH, "in juli", "2023-07"),
        ("Hij kwam in november.", MONTH, "in november", "2022-11"),
        ("In november zal hij komen.", MONTH, "In november", "2023-11"),
        ("Komende december komt hij.", MONTH, "Komende december", "2023-12"),
        ("Hij kwam in maart 2019.", MONTH, "in maart 2019", "2019-03"),
        ("Hij kwam in maart vorig jaar.", MONTH, "in maart vorig jaar", "2022-03"),
        ("Hij kwam vorig jaar februari.", MONTH, "vorig jaar februari", "2022-02"),
        ("Op 4 september 2022 kwam hij.", MONTH, "Op 4 september 2022", "2022-09-04"),
        ("Zaterdag 2 september kwam hij.", MONTH, "Zaterdag 2 september", "2023-09-02"),
        ("Hij kwam 1 augustus.", MONTH, "1 augustus", "2023-08-01"),
        ("tussen 10 en 13 september", MONTH, "tussen 10 en 13 september",
         "2023-09-10/2023-09-13"),
        ("van 10 tot 13 september", MONTH, "van 10 tot 13 september", "2023-09-10/2023-09-13"),
        ("van 30 augustus tot en met 2 september", MONTH,
         "van 30 augustus tot en met 2 september", "2023-08-30/2023-09-02"),
        ("De wet van 04-09-2023 geldt.", None, "04-09-2023", "2023-09-04"),
        ("Hij kwam in 2022.", MONTH, "in 2022", "2022"),
        ("Hij woont er sinds 2014.", MONTH, "sinds 2014", "2014"),
        ("Eind 2020 kwam hij.", MONTH, "Eind 2020", "2020"),
        ("de jaren vijftig", MONTH, "de jaren vijftig", "1950/1959"),
        ("begin jaren vijftig", MONTH, "begin jaren vijftig", "1950/1953"),
        ("midden jaren vijftig", MONTH, "midden jaren vijftig", "1954/1956"),
        ("eind jaren negentig", MONTH, "eind jaren negentig", "1997/1999"),
        ("de jaren '80", MONTH, "de jaren '80", "1980/1989"),
        ("de jaren ’80", MONTH, "de jaren ’80", "1980/1989"),
        ("de jaren tien", MONTH, "de jaren tien", "2010/2019"),
        ("de jaren twintig van de vorige eeuw", MONTH, "de jaren twintig van de vorige eeuw",
         "1920/1929"),
        ("de negentiende eeuw", MONTH, "de negentiende eeuw", "1800/1899"),
        ("de 21e eeuw", MONTH, "de 21e eeuw", "2000/2099"),
        ("het zeventigjarig jubileum", MONTH, "zeventigjarig jubileum", "1953"),
        ("het 75-jarig bestaan", MONTH, "75-jarig bestaan", "1948"),
        ("zijn vijftigste verjaardag", MONTH, "vijftigste verjaardag", "1973"),
        ("de eenentwintigste verjaardag", MONTH, "eenentwintigste verjaardag", "2002"),
        ("tien jaar geleden", MONTH, "tien jaar geleden", "2013"),
        ("tweeëntwintig jaar geleden", MONTH, "tweeëntwintig jaar geleden", "2001"),
        ("een jaar geleden", MONTH, "een jaar geleden", "2022"),
        ("twee maanden geleden", MONTH, "twee maanden geleden", "2023-07"),
        ("drie weken geleden", FULL, "drie weken geleden", "2023-08-16"),
        ("5 dagen geleden", FULL, "5 dagen geleden", "2023-09-01"),
    ],
)
def test_single_expression(
    text: str, date: ArticleDate | None, expected_text: str, resolved: str
) -> None:
    t = only(text, date)
    assert (t.text, t.resolved) == (expected_text, resolved)
    assert text[t.start:t.end] == expected_text
    assert t.description


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("vorig jaar februari", "February 2022"),
        ("tussen 30 augustus en 2 september", "30 August – 2 September 2023"),
        ("Eind augustus", "late August 2023"),
        ("medio juni", "mid-June 2023"),
        ("sinds 2014", "since 2014"),
        ("eind jaren zestig", "the late 1960s"),
        ("midden jaren zestig", "the mid-1960s"),
        ("de negentiende eeuw", "the 19th century"),
        ("vijftigste verjaardag", "50th anniversary: 1973 → 2023"),
        ("Vrijdag", "a Friday around September 2023"),
    ],
)
def test_descriptions(text: str, description: str) -> None:
    assert only(text, MONTH).description == description


def test_weekday_with_full_date_names_the_day() -> None:
    t = only("Maandag kwam hij.", FULL)
    assert t.description == "Monday 4 September 2023"


def test_year_only_article_date_resolves_months_in_that_year() -> None:
    assert only("Hij kwam in november.", ArticleDate(2023)).resolved == "2023-11"
    assert only("Hij kwam maandag.", ArticleDate(2023)).resolved == "2023"


@pytest.mark.parametrize(
    "text",
    [
        "Keizer Augustus regeerde lang.",  # a bare month name is too ambiguous
        "Hij werkte de hele morgen.",  # the morning, not tomorrow
        "Op maandagen is het dicht.",
        "Zij was een zeventigjarige vrouw.",  # an age, not an anniversary
        "Er waren 13 en 14 soldaten.",
        "",
        "   \n ",
    ],
)
def test_non_expressions_are_ignored(text: str) -> None:
    assert find(text, MONTH) == ()


def test_matches_must_end_on_token_boundaries() -> None:
    analysed = make_analysed("Hij kwam in juli.", MONTH)
    # A pipeline that glued "juli." into one token: the rule may not cut that token.
    tokens = list(analysed.tokens)
    juli, dot = tokens[-2], tokens[-1]
    tokens[-2:] = [Token(juli.index, juli.start, dot.end, "juli.", "juli.", "X", "", 0, 5.0,
                         True, False)]
    glued = AnalysedArticle(analysed.article, analysed.model, analysed.level, tuple(tokens),
                            (), (), ())
    assert find_time_expressions(analysed)[0].text == "in juli"
    assert find_time_expressions(glued) == ()


def test_dateless_article_still_resolves_explicit_dates() -> None:
    assert only("Op 4 september 2022 kwam hij.", None).resolved == "2022-09-04"
    assert only("Hij kwam in juli.", None).resolved is None


# --- DATE entities ----------------------------------------------------------------------


def test_longer_rule_span_wins_over_date_entity() -> None:
    text = "Hij kwam vorig jaar februari aan."
    start = text.index("februari")
    analysed = make_analysed(text, MONTH, ((start, start + len("februari")),))
    (t,) = find_time_expressions(analysed)
    assert (t.text, t.resolved) == ("vorig jaar februari", "2022-02")


def test_longer_date_entity_wins_and_takes_the_rule_resolution() -> None:
    text = "Dat was afgelopen zomer in juli wel anders."
    start = text.index("afgelopen")
    end = text.index(" wel")
    analysed = make_analysed(text, MONTH, ((start, end),))
    (t,) = find_time_expressions(analysed)
    assert (t.text, t.resolved) == ("afgelopen zomer in juli", "2023-07")


def test_date_entity_without_rule_is_kept() -> None:
    text = "Het gebeurde in de zomer van 2022 en in de herfst."
    spans = ((text.index("de zomer"), text.index(" en")), (text.index("de herfst"), len(text) - 1))
    found = find_time_expressions(make_analysed(text, MONTH, spans))
    assert [t.text for t in found] == ["de zomer van 2022", "de herfst"]
    assert [t.resolved for t in found] == [None, None]


def test_bare_month_entity_is_resolved() -> None:
    text = "Het was augustus toen."
    start = text.index("augustus")
    analysed = make_analysed(text, MONTH, ((start, start + 8),))
    (t,) = find_time_expressions(analysed)
    assert (t.text, t.resolved) == ("augustus", "2023-08")


def test_equal_spans_prefer_the_rule() -> None:
    text = "Maandag kwam hij."
    analysed = make_analysed(text, MONTH, ((0, 7),))
    (t,) = find_time_expressions(analysed)
    assert (t.text, t.resolved) == ("Maandag", "2023-09")


# --- helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "number"),
    [("een", 1), ("twaalf", 12), ("negentien", 19), ("eenentwintig", 21),
     ("tweeëntwintig", 22), ("zeventig", 70), ("negenennegentig", 99), ("honderd", 100),
     ("eerste", 1), ("derde", 3), ("achtste", 8), ("negentiende", 19), ("zeventigste", 70),
     ("honderdste", 100), ("42", 42), ("geen", None)],
)
def test_number_from_word(word: str, number: int | None) -> None:
    assert number_from_word(word) == number


@pytest.mark.parametrize(
    ("n", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"),
                    (12, "12th"), (13, "13th"), (21, "21st"), (70, "70th"), (112, "112th")],
)
def test_ordinal_en(n: int, text: str) -> None:
    assert ordinal_en(n) == text


def test_time_to_json() -> None:
    t = TimeExpression(3, 10, "in juli", "2023-07", "July 2023")
    assert time_to_json(t) == {"start": 3, "end": 10, "text": "in juli", "resolved": "2023-07"}


# --- properties -------------------------------------------------------------------------

_FRAGMENTS = [
    "maandag", "Volgende", "vorige", "vorig", "jaar", "maand", "week", "deze", "dit", "later",
    "eerder", "begin", "eind", "medio", "half", "in", "sinds", "tussen", "van", "tot", "en",
    "met", "juli", "februari", "september", "december", "jaren", "vijftig", "'80", "de",
    "negentiende", "eeuw", "zeventigjarig", "jubileum", "vijftigste", "verjaardag", "geleden",
    "tien", "2022", "1953", "10", "13", "31", "0", "29", "-", ".", ",", "\n", "morgen",
    "gisteren", "zomer", "Kim", "é", "’", "04-09-2023", "2023-02-30", "t/m", "tweeëntwintig",
]

_DATES = st.one_of(
    st.none(),
    st.builds(ArticleDate, st.integers(1, 9999)),
    st.builds(ArticleDate, st.integers(1, 9999), st.integers(1, 12)),
    st.builds(ArticleDate, st.integers(1, 9999), st.integers(1, 12), st.integers(1, 28)),
)


@settings(max_examples=300, deadline=None)
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
    analysed = make_analysed(text, date)
    tokens = analysed.tokens
    spans: list[tuple[int, int]] = []
    for seed in entity_seed:
        if tokens:
            first = tokens[seed % len(tokens)]
            last = tokens[min(len(tokens) - 1, first.index + seed % 3)]
            if all(last.end <= s or first.start >= e for s, e in spans):
                spans.append((first.start, last.end))
    found = find_time_expressions(make_analysed(text, date, tuple(spans)))
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= previous_end
        previous_end = t.end
        assert t.text == text[t.start:t.end]
        assert t.start in starts and t.end in ends
        if t.resolved is not None:
            assert _ISO.fullmatch(t.resolved), t.resolved
            assert t.description
