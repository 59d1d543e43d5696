"""Time rules matched a section at a time (RuleMatches, as a long text's sections come in) give
the time expressions the whole text gives, wherever the sections end."""

from __future__ import annotations

import dataclasses
from itertools import pairwise

import pytest
from timex_helpers import FULL, make_analysed

from assistant.models import AnalysedArticle
from assistant.timex.expressions import RuleMatches, _rule_candidates, find_time_expressions
from assistant.timex.rules import Context


def _prefix(analysed: AnalysedArticle, end: int) -> AnalysedArticle:
    return dataclasses.replace(analysed, tokens=analysed.tokens[:end])


def _matched(analysed: AnalysedArticle, boundaries: tuple[int, ...]) -> RuleMatches:
    matches = RuleMatches(analysed.article.text, analysed.article.date)
    first = 0
    for end in (*boundaries, len(analysed.tokens)):
        matches.add(_prefix(analysed, end), first)
        first = end
    return matches


TEXTS = [
    # A date whose year may fall in the next section; a range; a weekday before a date.
    ("Op 8 mei 2023 kwam hij, van 3 tot en met 5 juni bleef hij en op maandag 4 september "
     "ging hij.", {}),
    # A year read as a number of things by the noun after it ("in 1500 dorpen").
    ("In 1500 dorpen woonden in 1500 mensen, in 1999 was het anders.", {"dorpen": "NOUN"}),
    ("Vorige week, gisteren en over twee jaar; sinds 2019 en in de jaren negentig.", {}),
    ("Geen tijd hier.", {}),
    # An expression that ends the text: its end is the last token's.
    ("Hij kwam in 2019", {}),
]


@pytest.mark.parametrize(("text", "pos"), TEXTS)
def test_every_section_end_gives_the_whole_texts_expressions(
        text: str, pos: dict[str, str]) -> None:
    analysed = make_analysed(text, FULL, pos=pos)
    whole = find_time_expressions(analysed)
    for end in range(1, len(analysed.tokens)):
        assert find_time_expressions(analysed, _matched(analysed, (end,))) == whole, end
    several = tuple(end for end in (2, 5, 9) if end < len(analysed.tokens))
    assert find_time_expressions(analysed, _matched(analysed, several)) == whole
    next_pos = {a.end: b.pos for a, b in pairwise(analysed.tokens)}
    ctx = Context(analysed.article.text, analysed.article.date, next_pos)
    for end in range(1, len(analysed.tokens)):  # the very matches, in their order, no twice
        assert _matched(analysed, (end,)).whole(analysed, ctx) == _rule_candidates(analysed, ctx)


def test_the_texts_have_what_the_cases_are_about() -> None:
    found = [t.text for t in find_time_expressions(make_analysed(*TEXTS[0][0:1], FULL))]
    assert "Op 8 mei 2023" in found
    numbers = find_time_expressions(make_analysed(TEXTS[1][0], FULL, pos=TEXTS[1][1]))
    assert [t.text for t in numbers] == ["in 1500", "in 1999"]  # not the 1500 villages


def test_a_match_reaching_the_known_end_is_judged_with_the_whole_text() -> None:
    text = TEXTS[0][0]
    analysed = make_analysed(text, FULL)
    after_mei = next(t.index for t in analysed.tokens if t.text == "mei") + 1
    matches = RuleMatches(text, FULL)
    matches.add(_prefix(analysed, after_mei), 0)
    # "Op 8 mei", "8 mei" and "mei" reach what is known: the year may follow.
    assert matches._unsettled == {0, 3, 5}
    matches.add(analysed, after_mei)
    assert "Op 8 mei 2023" in [t.text for t in find_time_expressions(analysed, matches)]


def test_a_match_before_the_known_end_is_judged_as_its_section_comes_in() -> None:
    analysed = make_analysed(TEXTS[0][0], FULL)
    after_kwam = next(t.index for t in analysed.tokens if t.text == "kwam") + 1
    matches = RuleMatches(analysed.article.text, FULL)
    matches.add(_prefix(analysed, after_kwam), 0)
    assert not matches._unsettled
    # "Op 8 mei 2023", "8 mei 2023", "mei 2023" (the longest wins later)
    assert {(c.start, c.end) for c in matches._found} == {(0, 13), (3, 13), (5, 13)}


def test_a_section_without_tokens_adds_nothing() -> None:
    analysed = make_analysed(TEXTS[0][0], FULL)
    matches = RuleMatches(analysed.article.text, FULL)
    matches.add(_prefix(analysed, 0), 0)
    matches.add(analysed, 0)
    assert find_time_expressions(analysed, matches) == find_time_expressions(analysed)


def test_tokens_added_out_of_order_or_missing_are_refused() -> None:
    analysed = make_analysed(TEXTS[0][0], FULL)
    matches = RuleMatches(analysed.article.text, FULL)
    matches.add(_prefix(analysed, 3), 0)
    with pytest.raises(ValueError, match="added after 3"):
        matches.add(analysed, 4)
    with pytest.raises(ValueError, match="3 tokens matched of"):
        find_time_expressions(analysed, matches)
