"""Hand-built articles for the time-expression tests: tokens split on words and punctuation,
DATE entities and parts of speech where a case needs them, no pipeline."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

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
from assistant.timex.expressions import find_time_expressions

FULL = ArticleDate(2023, 9, 6)  # a Wednesday
MONTH = ArticleDate(2023, 9)
YEAR = ArticleDate(2023)

_TOKEN = re.compile(r"\w+|[^\w\s]")


def make_analysed(text: str, date: ArticleDate | None,
                  date_spans: Sequence[tuple[int, int]] = (),
                  pos: Mapping[str, str] | None = None) -> AnalysedArticle:
    """An AnalysedArticle: `pos` gives some words a part of speech (the rest are X)."""
    tokens = tuple(
        Token(index=i, start=m.start(), end=m.end(), text=m.group(), lemma=m.group().lower(),
              pos=(pos or {}).get(m.group(), "X"), morph="", sentence=0, zipf=5.0,
              is_word=True, hard=False)
        for i, m in enumerate(_TOKEN.finditer(text))
    )
    entities = []
    for index, (start, end) in enumerate(date_spans):
        members = [t.index for t in tokens if start <= t.start and t.end <= end]
        entities.append(Entity(index, start, end, text[start:end], "DATE", Category.DATE,
                               members[0], members[-1]))
    return AnalysedArticle(article=Article(text=text, blocks=(), date=date),
                           model=PipelineInfo("hand-made", "0"), level=Level.B1, tokens=tokens,
                           sentences=(), entities=tuple(entities), phrases=())


def find(text: str, date: ArticleDate | None,
         pos: Mapping[str, str] | None = None) -> tuple[TimeExpression, ...]:
    return find_time_expressions(make_analysed(text, date, pos=pos))


def only(text: str, date: ArticleDate | None) -> TimeExpression:
    found = find(text, date)
    assert len(found) == 1, found
    return found[0]
