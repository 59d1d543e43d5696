"""Helpers for the GUI tests: hand-built readings and a service whose parts can fail."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from pytestqt.qtbot import QtBot

from assistant.errors import PipelineMissingError
from assistant.models import (
    AnalysedArticle,
    Article,
    Category,
    Entity,
    GlossCard,
    Level,
    Note,
    PipelineInfo,
    Reading,
    Sentence,
    Token,
)
from assistant.service import ReadingAssistant
from ui.main_window import MainWindow

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path | str) -> Reading:
    with qtbot.waitSignal(window.analysis_finished, timeout=60_000) as blocker:
        window.start(path)
    reading = blocker.args[0]
    assert isinstance(reading, Reading)
    return reading


def hand_reading(
    article: Article,
    hard: Sequence[str] = (),
    entities: Sequence[tuple[str, Category]] = (),
) -> Reading:
    """A Reading built without spaCy: tokens by a regex, chosen hard words and entities."""
    text = article.text
    spans: list[tuple[int, int, Category]] = []
    for name, category in entities:
        start = text.index(name)
        spans.append((start, start + len(name), category))
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        inside = next((i for i, s in enumerate(spans) if s[0] <= match.start() < s[1]), None)
        word = match.group()
        is_word = word.isalpha() and inside is None
        tokens.append(
            Token(
                index=len(tokens),
                start=match.start(),
                end=match.end(),
                text=word,
                lemma=word.lower(),
                pos="NOUN" if is_word else "PUNCT",
                morph="",
                sentence=0,
                zipf=3.0,
                is_word=is_word,
                hard=is_word and word in hard,
                entity=inside,
            )
        )
    entity_objects = []
    for index, (start, end, category) in enumerate(spans):
        members = [t.index for t in tokens if start <= t.start < end]
        entity_objects.append(
            Entity(index, start, end, text[start:end], "X", category, members[0], members[-1])
        )
    analysed = AnalysedArticle(
        article=article,
        model=PipelineInfo("hand", "0"),
        level=Level.B1,
        tokens=tuple(tokens),
        sentences=(Sentence(0, 0, len(text)),),
        entities=tuple(entity_objects),
        phrases=(),
    )
    return Reading(analysed=analysed, notes=(), times=())


class NoPipelineService(ReadingAssistant):
    """The real service as it behaves on a machine without a Dutch pipeline."""

    MESSAGE = "No Dutch language model is installed. Install one with: pip install nl_core_news_sm"

    def load_pipeline(self) -> PipelineInfo:
        raise PipelineMissingError(self.MESSAGE)

    def read(
        self, article: Article, level: Level = Level.B1, known_lemmas: frozenset[str] = frozenset()
    ) -> Reading:
        raise PipelineMissingError(self.MESSAGE)


class BrokenReadService(ReadingAssistant):
    """A service whose analysis fails with an unexpected error."""

    def __init__(self, inner: ReadingAssistant) -> None:
        super().__init__()
        self._inner = inner

    def load_pipeline(self) -> PipelineInfo:
        return self._inner.load_pipeline()

    def read(
        self, article: Article, level: Level = Level.B1, known_lemmas: frozenset[str] = frozenset()
    ) -> Reading:
        raise RuntimeError("analysis exploded")


class CountingService(ReadingAssistant):
    """Delegates to a loaded service and counts the slow analyses."""

    def __init__(self, inner: ReadingAssistant) -> None:
        super().__init__()
        self._inner = inner
        self.reads = 0

    @property
    def pipeline_info(self) -> PipelineInfo | None:
        return self._inner.pipeline_info

    def load_pipeline(self) -> PipelineInfo:
        return self._inner.load_pipeline()

    def read(
        self, article: Article, level: Level = Level.B1, known_lemmas: frozenset[str] = frozenset()
    ) -> Reading:
        self.reads += 1
        return self._inner.read(article, level, known_lemmas)

    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None:
        return self._inner.gloss(reading, token_index)

    def enrich(self, note: Note) -> Note:
        return note
