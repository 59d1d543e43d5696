"""Finds the time expressions of an analysed article: rule matches and the pipeline's DATE
entities compete for the text, and each is resolved against the article's date."""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Protocol, TypeVar

from assistant.models import (
    AnalysedArticle,
    ArticleDate,
    Category,
    TimeExpression,
    TimeValue,
    Token,
)
from assistant.timex.rules import APOSTROPHES, RULES, Context, bare_date

# Dates are written with four-digit years: a value counted from an implausible article date
# (year 1, "1000 years ago") beyond that stays unresolved.
FIRST_YEAR, LAST_YEAR = 0, 9999


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    value: TimeValue | None
    from_rule: bool
    rule: int = 0  # a rule match's place in RULES


def _plausible(value: TimeValue | None) -> TimeValue | None:
    if value is None or value.first is None or value.last is None:
        return value
    if all(FIRST_YEAR <= d.year <= LAST_YEAR for d in (value.first, value.last)):
        return value
    return replace(value, first=None, last=None, reference=None)


def _boundaries(analysed: AnalysedArticle) -> tuple[list[int], set[int]]:
    """Where an expression may start and end: token starts (of a letter, digit or apostrophe)
    and token ends, so that no rule cuts a token."""
    text = analysed.article.text
    spans = [(t.start, t.end) for t in analysed.tokens if 0 <= t.start < t.end <= len(text)]
    if not spans:
        spans = [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]
    starts = sorted({s for s, _ in spans if text[s].isalnum() or text[s] in APOSTROPHES})
    return starts, {e for _, e in spans}


def _rule_candidates(analysed: AnalysedArticle, ctx: Context) -> list[_Candidate]:
    starts, ends = _boundaries(analysed)
    return _matches(starts, ends, ctx)[0]


def _matches(starts: Iterable[int], ends: Container[int], ctx: Context,
             known_end: int | None = None) -> tuple[list[_Candidate], set[int]]:
    """The rules' matches at `starts` that end at one of the `ends`, by rule, then start; with
    `known_end` (where the tokens known so far end), also the starts of matches that reach it,
    left unjudged (the token ends and parts of speech after it are not known yet)."""
    found: list[_Candidate] = []
    unsettled: set[int] = set()
    starts = list(starts)
    for number, (pattern, rule) in enumerate(RULES):
        for start in starts:
            m = pattern.match(ctx.text, start)
            if m is None:
                continue
            if known_end is not None and m.end() >= known_end:
                unsettled.add(start)
                continue
            if m.end() not in ends:
                continue
            try:
                value = rule(m, ctx)
            except (ValueError, OverflowError):  # arithmetic beyond year 1 or 9999
                value = rule(m, replace(ctx, ref=None))
            if value is not None:
                found.append(_Candidate(m.start(), m.end(), _plausible(value), True, number))
    return found, unsettled


class RuleMatches:
    """The rules' matches in a long text found a section at a time, as its sections come in
    (beside the workers analysing the next ones): a match is judged once the tokens after its
    end are known; a start whose match reaches the end of the tokens known so far is judged
    with the whole text. find_time_expressions then gives what it gives without them."""

    def __init__(self, text: str, date: ArticleDate | None) -> None:
        self._found: list[_Candidate] = []
        self._unsettled: set[int] = set()
        self._ends: set[int] = set()
        self._next_pos: dict[int, str] = {}
        self._ctx = Context(text, date, self._next_pos)
        self._count = 0
        self._last: Token | None = None

    def add(self, analysed: AnalysedArticle, first: int) -> None:
        """Match at tokens `first`… of the text analysed so far (those before were added)."""
        if first != self._count:
            raise ValueError(f"tokens from {first} added after {self._count}")
        tokens, text = analysed.tokens, self._ctx.text
        new = [t for t in tokens[first:] if 0 <= t.start < t.end <= len(text)]
        for token in tokens[first:]:
            if self._last is not None:
                self._next_pos[self._last.end] = token.pos
            self._last = token
        self._ends.update(t.end for t in new)
        self._count = len(tokens)
        starts = sorted({t.start for t in new if text[t.start].isalnum()
                         or text[t.start] in APOSTROPHES})
        known_end = tokens[-1].end if tokens else 0
        found, unsettled = _matches(starts, self._ends, self._ctx, known_end)
        self._found += (c for c in found if c.start not in unsettled)  # redone whole
        self._unsettled |= unsettled

    def whole(self, analysed: AnalysedArticle, ctx: Context) -> list[_Candidate]:
        """The matches of the whole text (every section added), as _rule_candidates finds them."""
        if self._count != len(analysed.tokens) or ctx.text != self._ctx.text:
            raise ValueError(f"{self._count} tokens matched of {len(analysed.tokens)}")
        found, _ = _matches(sorted(self._unsettled), self._ends, ctx)
        return sorted(self._found + found, key=lambda c: (c.rule, c.start))


def _entity_candidates(analysed: AnalysedArticle, ctx: Context,
                       rules: list[_Candidate]) -> list[_Candidate]:
    """DATE entities; one holding a rule's match takes the longest such match's value."""
    found: list[_Candidate] = []
    for entity in analysed.entities:
        start, end = entity.start, entity.end
        if entity.category is not Category.DATE or not 0 <= start < end <= len(ctx.text):
            continue
        inside = [c for c in rules if start <= c.start and c.end <= end and c.value is not None]
        if inside:
            value = max(inside, key=lambda c: (c.end - c.start, -c.start)).value
        else:
            value = _plausible(bare_date(ctx.text[start:end], ctx, start, end))
        found.append(_Candidate(start, end, value, False))
    return found


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def non_overlapping(spans: Sequence[S]) -> list[S]:
    """The spans, in turn, that overlap none kept before them, in text order (of equal starts,
    the first kept first). Each is looked up among those kept, sorted by start: checking it
    against every one was quadratic in a long text's expressions (thousands for a paragraph of
    1,000,000 characters). Kept spans do not overlap, so, when none is empty, the last one
    starting before a span's end is the only one that can reach into it."""
    starts: list[int] = []
    kept: list[S] = []
    empty = False
    for span in spans:
        if empty or span.end <= span.start:  # an empty span: a plain check of them all
            empty = True
            if not all(span.end <= k.start or k.end <= span.start for k in kept):
                continue
        else:
            before = bisect.bisect_left(starts, span.end)
            if before and kept[before - 1].end > span.start:
                continue
        at = bisect.bisect_right(starts, span.start)
        starts.insert(at, span.start)
        kept.insert(at, span)
    return kept


def find_time_expressions(analysed: AnalysedArticle,
                          matches: RuleMatches | None = None) -> tuple[TimeExpression, ...]:
    """Time expressions in the article, sorted by start and non-overlapping.

    The longer span wins, a rule wins a tie. Expressions that need the article's date are
    found without one too, unresolved. `matches`: the rules' matches found as the article's
    sections came in."""
    next_pos = {a.end: b.pos for a, b in pairwise(analysed.tokens)}
    ctx = Context(analysed.article.text, analysed.article.date, next_pos)
    if matches is not None and analysed.tokens:
        rules = matches.whole(analysed, ctx)
    else:
        rules = _rule_candidates(analysed, ctx)
    candidates = rules + _entity_candidates(analysed, ctx, rules)
    candidates.sort(key=lambda c: (-(c.end - c.start), not c.from_rule, c.start))
    taken = non_overlapping(candidates)
    return tuple(
        TimeExpression(c.start, c.end, ctx.text[c.start:c.end],
                       c.value.resolved if c.value is not None else None, c.value)
        for c in taken
    )
