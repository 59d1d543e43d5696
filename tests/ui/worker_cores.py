"""Cores for worker processes in tests (WorkerConfig.core_factory): quick to start, no model."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.errors import CancelCheck, raise_if_cancelled
from assistant.learner.statuses import LearnerView
from assistant.models import (
    Article,
    Block,
    BlockKind,
    Level,
    Note,
    PipelineInfo,
    ReadingEnd,
    ReadingPart,
)
from assistant.worker import WorkerConfig


def busy_core(config: WorkerConfig) -> BusyCore:
    """A core that works on its parts without end (for the quit tests: quick to start)."""
    return BusyCore()


class BusyCore:
    """Gives its first part at once, then works on without end until cancelled."""

    def load_pipeline(self) -> PipelineInfo:
        return PipelineInfo("busy", "1")

    def load_article(self, path: str, cancel: CancelCheck | None = None) -> Article:
        return self.article_from_text(path)

    def article_from_text(self, text: str) -> Article:
        return Article(text, (Block(BlockKind.PARAGRAPH, 0, len(text)),))

    def stream(self, article: Article, level: Level, learner: LearnerView,
               cancel: CancelCheck | None) -> Iterator[ReadingPart | ReadingEnd]:
        yield ReadingPart(0, 1, (), (), (), ())
        while True:  # work (not a wait) that looks at its cancel check now and then
            sum(i * i for i in range(20_000))
            raise_if_cancelled(cancel)

    def enrich(self, note: Note) -> Note:
        return note

    def set_online(self, enabled: bool) -> None:
        pass
