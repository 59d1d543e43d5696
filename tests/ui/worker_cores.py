"""Cores for worker processes in tests (WorkerConfig.core_factory): quick to start, no model."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Iterator
from pathlib import Path

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
from assistant.worker import WorkerConfig, WorkerCore

# The file whose making marks the first worker for busy_then_real_core (the spawned workers
# inherit the environment of the test that sets it).
FIRST_WORKER_MARK = "LEESWIJZER_TEST_FIRST_WORKER"


def busy_then_real_core(config: WorkerConfig) -> WorkerCore:
    """The first worker a busy core (killed by its test, it needs no model), every worker
    started again after it the real core (the model loaded, articles analysed)."""
    try:
        with open(os.environ[FIRST_WORKER_MARK], "x", encoding="utf-8"):
            return BusyCore()
    except FileExistsError:
        return dataclasses.replace(config, core_factory=None).build_core()


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


def quick_core(config: WorkerConfig) -> QuickCore:
    """A core whose readings are done at once (for the restart tests: quick to start)."""
    return QuickCore()


class QuickCore(BusyCore):
    """Reads a file as one paragraph and gives its reading in one part, with no tokens."""

    def load_article(self, path: str, cancel: CancelCheck | None = None) -> Article:
        return self.article_from_text(Path(path).read_text(encoding="utf-8"))

    def stream(self, article: Article, level: Level, learner: LearnerView,
               cancel: CancelCheck | None) -> Iterator[ReadingPart | ReadingEnd]:
        yield ReadingPart(0, len(article.blocks), (), (), (), ())
        yield ReadingEnd((), (), (), ())


def stuck_core(config: WorkerConfig) -> StuckCore:
    """A quick core whose loads of 'stuck:PATH' never end."""
    return StuckCore()


class StuckCore(QuickCore):
    """Loading 'stuck:PATH' writes PATH, then never returns and never looks at its cancel check."""

    def load_article(self, path: str, cancel: CancelCheck | None = None) -> Article:
        if path.startswith("stuck:"):
            Path(path.removeprefix("stuck:")).write_text("stuck", encoding="utf-8")
            threading.Event().wait()
        return super().load_article(path, cancel)


# The file an exiting worker's interpreter teardown writes (atexit) for teardown_core.
TEARDOWN_MARK = "LEESWIJZER_TEST_TEARDOWN"


def teardown_core(config: WorkerConfig) -> QuickCore:
    """A quick core that writes the file TEARDOWN_MARK names if the worker's interpreter tears
    down at its exit (its atexit handlers run)."""
    import atexit

    atexit.register(Path(os.environ[TEARDOWN_MARK]).write_text, "torn down", encoding="utf-8")
    return QuickCore()


def loading_core(config: WorkerConfig) -> LoadingCore:
    """A quick core whose model never finishes loading."""
    return LoadingCore()


class LoadingCore(QuickCore):
    """Its model's load never returns (an import or a load in C that no cancel reaches)."""

    def load_pipeline(self) -> PipelineInfo:
        threading.Event().wait()
        raise AssertionError("unreachable")
