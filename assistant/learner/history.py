"""The history of articles read, each with its coverage when it was read."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass

from assistant.learner.coverage import Coverage
from assistant.models import AnalysedArticle
from assistant.reading.loading import opening_title


@dataclass(frozen=True, slots=True)
class ReadingRecord:
    source: str
    title: str | None
    article_date: str | None
    level: str
    read_at: float  # seconds since the epoch
    words: int
    known: int

    @property
    def share(self) -> float:
        return self.known / self.words if self.words else 1.0


def record(connection: sqlite3.Connection, analysed: AnalysedArticle,
           covered: Coverage) -> ReadingRecord:
    """Add one reading (reading an article again adds another: coverage over time). An
    article without a title (a .txt file) is recorded under its opening line's."""
    article = analysed.article
    entry = ReadingRecord(
        source=article.source, title=article.title or opening_title(article),
        article_date=article.date.iso() if article.date else None,
        level=analysed.level.value, read_at=time.time(),
        words=covered.running_words, known=covered.known_words,
    )
    connection.execute(
        "INSERT INTO reading (source, title, article_date, level, read_at, words, known) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (entry.source, entry.title, entry.article_date, entry.level, entry.read_at,
         entry.words, entry.known),
    )
    return entry


def readings(connection: sqlite3.Connection) -> list[ReadingRecord]:
    """Every reading, oldest first."""
    rows = connection.execute(
        "SELECT source, title, article_date, level, read_at, words, known FROM reading "
        "ORDER BY read_at, id")
    return [ReadingRecord(*row) for row in rows]
