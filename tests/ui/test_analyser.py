"""The worker process itself: it streams an article part by part, stops a job when asked, is
started again when it dies or will not stop, and ends with the window."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from worker_cores import TEARDOWN_MARK

from assistant.learner.statuses import LearnerView
from assistant.models import Level
from assistant.reading.loading import load_article
from assistant.reading.sections import SECTION_CHARS
from assistant.service import ReadingAssistant
from assistant.streaming import assembled
from assistant.worker import (
    ArticleLoaded,
    JobEnded,
    Open,
    PartReady,
    PipelineReady,
    Quit,
    ReadingDone,
    Reply,
    Source,
    WorkerConfig,
    WorkerProcess,
    start_worker,
)
from ui.analyser import ProcessAnalyser

TIMEOUT_MS = 120_000  # a model load on a busy machine, with room
# The tests of restarts and quitting run a core without the model (tests/ui/worker_cores.py): a
# model load per worker start cost more than all the rest; the tests before them use the model.
QUICK = WorkerConfig(core_factory="worker_cores:quick_core")


class Replies:
    """Every reply of the analyser, in order."""

    def __init__(self, analyser: ProcessAnalyser) -> None:
        self.items: list[Reply] = []
        analyser.replied.connect(self.items.append)

    def of(self, job: int) -> list[Reply]:
        return [r for r in self.items if getattr(r, "job", None) == job]

    def ended(self, job: int) -> Callable[[], bool]:
        return lambda: any(isinstance(r, JobEnded) for r in self.of(job))


def _open(job: int, path: Path | str) -> Open:
    return Open(job, Source(str(path)), Level.B1, LearnerView())


def _started(qtbot: QtBot, config: WorkerConfig) -> ProcessAnalyser:
    worker = ProcessAnalyser(config)
    with qtbot.waitSignal(worker.pipeline_ready, timeout=TIMEOUT_MS):
        worker.start()
    return worker


@pytest.fixture(scope="module")
def shared(qapp: QApplication) -> Iterator[ProcessAnalyser]:
    """One worker for the tests that leave it running (a model load is slow)."""
    worker = ProcessAnalyser(WorkerConfig())
    worker.start()
    yield worker
    worker.shutdown()


@pytest.fixture
def analyser(qtbot: QtBot, shared: ProcessAnalyser) -> ProcessAnalyser:
    if shared.pipeline_info is None:
        qtbot.waitSignal(shared.pipeline_ready, timeout=TIMEOUT_MS).wait()
    return shared


def test_an_article_streams_in_parts_to_the_whole_reading(
    qtbot: QtBot, analyser: ProcessAnalyser, long_article: Path, service: ReadingAssistant
) -> None:
    replies = Replies(analyser)
    analyser.open(_open(1, long_article))
    qtbot.waitUntil(replies.ended(1), timeout=TIMEOUT_MS)
    got = replies.of(1)
    parts = [r.part for r in got if isinstance(r, PartReady)]
    assert isinstance(got[0], ArticleLoaded) and len(parts) >= 2
    assert isinstance(got[-2], ReadingDone) and got[-1] == JobEnded(1, cancelled=False)
    article = got[0].article
    reading = assembled(iter([*parts, got[-2].end]), article, service.load_pipeline(), Level.B1)
    expected = service.read(load_article(long_article))
    assert reading.notes == expected.notes and reading.times == expected.times
    assert [(t.start, t.lemma, t.hard) for t in reading.analysed.tokens] == [
        (t.start, t.lemma, t.hard) for t in expected.analysed.tokens]


def test_a_cancelled_job_stops_before_its_end_and_the_next_one_runs(
    qtbot: QtBot, analyser: ProcessAnalyser, long_article: Path, sample_path: Path
) -> None:
    replies = Replies(analyser)
    analyser.open(_open(1, long_article))
    qtbot.waitUntil(lambda: any(isinstance(r, PartReady) for r in replies.of(1)),
                    timeout=TIMEOUT_MS)
    analyser.cancel(1)
    qtbot.waitUntil(replies.ended(1), timeout=TIMEOUT_MS)
    assert replies.of(1)[-1] == JobEnded(1, cancelled=True)
    assert not any(isinstance(r, ReadingDone) for r in replies.of(1))
    analyser.open(_open(2, sample_path))
    qtbot.waitUntil(replies.ended(2), timeout=TIMEOUT_MS)
    assert isinstance(replies.of(2)[-2], ReadingDone)


def test_a_newer_open_cancels_the_older_job(
    qtbot: QtBot, analyser: ProcessAnalyser, long_article: Path, sample_path: Path
) -> None:
    replies = Replies(analyser)
    analyser.open(_open(1, long_article))
    analyser.open(_open(2, sample_path))
    qtbot.waitUntil(replies.ended(2), timeout=TIMEOUT_MS)
    assert replies.of(1)[-1] == JobEnded(1, cancelled=True)
    assert isinstance(replies.of(2)[-2], ReadingDone)
    assert analyser.running_jobs == []


def test_a_worker_that_dies_is_started_again(qtbot: QtBot, sample_path: Path) -> None:
    analyser = _started(qtbot, QUICK)
    try:
        replies = Replies(analyser)
        lost: list[str] = []
        analyser.worker_lost.connect(lost.append)
        first = analyser.pid
        assert first is not None
        with qtbot.waitSignal(analyser.pipeline_ready, timeout=TIMEOUT_MS):
            os.kill(first, signal.SIGKILL)
        assert lost and "stopped unexpectedly" in lost[0] and "signal 9" in lost[0]
        assert analyser.pid not in (None, first)
        analyser.open(_open(3, sample_path))
        qtbot.waitUntil(replies.ended(3), timeout=TIMEOUT_MS)
        assert isinstance(replies.of(3)[-2], ReadingDone)
    finally:
        analyser.shutdown()


def test_quitting_during_an_analysis_ends_the_process_and_its_thread(qtbot: QtBot) -> None:
    analyser = _started(qtbot, WorkerConfig(core_factory="worker_cores:busy_core"))
    replies = Replies(analyser)
    analyser.open(_open(1, "Een artikel zonder einde."))
    qtbot.waitUntil(lambda: any(isinstance(r, PartReady) for r in replies.of(1)),
                    timeout=TIMEOUT_MS)
    pid, receiver = analyser.pid, analyser.receiver
    assert pid is not None and receiver is not None and receiver.is_alive()
    analyser.shutdown()
    assert analyser.pid is None and not receiver.is_alive()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended and reaped


@contextlib.contextmanager
def _worker(core_factory: str) -> Iterator[WorkerProcess]:
    """A worker process started with that core, talked to directly; killed if still alive."""
    started = start_worker(WorkerConfig(core_factory=core_factory))
    try:
        yield started
    finally:
        if started.process.is_alive():
            started.process.kill()
        started.process.join()
        started.connection.close()
        started.process.close()


@pytest.mark.parametrize(("core", "ready"), [("teardown_core", True),
                                             ("loading_core", False)])
def test_a_worker_told_to_quit_ends_at_once_by_itself(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, core: str, ready: bool
) -> None:
    # Its own exit (code 0, not the window's terminate), without the interpreter's teardown
    # (a loaded model's took longer than the window waits) and without waiting for a model
    # that is still loading.
    marker = tmp_path / "torn-down"
    monkeypatch.setenv(TEARDOWN_MARK, str(marker))
    with _worker(f"worker_cores:{core}") as started:
        if ready:
            assert isinstance(started.connection.recv(), PipelineReady)
        started.connection.send(Quit())
        started.process.join(TIMEOUT_MS / 1000)
        assert started.process.exitcode == 0
        assert not marker.exists()


def test_a_worker_told_to_quit_during_a_job_that_never_looks_up_ends_by_itself(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # Its job stuck where no cancel reaches it (a parse in C): the worker does not wait for it.
    marker = tmp_path / "stuck"
    with _worker("worker_cores:stuck_core") as started:
        assert isinstance(started.connection.recv(), PipelineReady)
        started.connection.send(_open(1, f"stuck:{marker}"))
        qtbot.waitUntil(marker.exists, timeout=TIMEOUT_MS)  # the load is under way
        started.connection.send(Quit())
        started.process.join(TIMEOUT_MS / 1000)
        assert marker.exists() and started.process.exitcode == 0


@contextlib.contextmanager
def _stuck(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[ProcessAnalyser, Replies, int | None]]:
    """A worker whose job 1 is a load that never stops, under way: the worker, its replies and
    its process id."""
    worker = ProcessAnalyser(WorkerConfig(core_factory="worker_cores:stuck_core"))
    try:
        replies = Replies(worker)
        worker.start()
        first = worker.pid
        marker = tmp_path / "stuck"
        worker.open(_open(1, f"stuck:{marker}"))
        qtbot.waitUntil(marker.exists, timeout=TIMEOUT_MS)  # the load is under way
        yield worker, replies, first
    finally:
        worker.shutdown()


def test_a_load_that_will_not_stop_never_holds_up_the_next(
    qtbot: QtBot, sample_path: Path, tmp_path: Path
) -> None:
    with _stuck(qtbot, tmp_path) as (worker, replies, first):
        worker.open(_open(2, sample_path))
        qtbot.waitUntil(replies.ended(2), timeout=TIMEOUT_MS)
        assert isinstance(replies.of(2)[0], ArticleLoaded)
        assert isinstance(replies.of(2)[-2], ReadingDone)
        assert worker.pid != first  # the stuck worker was ended
        assert not any(isinstance(r, PartReady) for r in replies.of(1))


def test_a_job_the_learner_cancelled_is_not_asked_of_the_restarted_worker(
    qtbot: QtBot, sample_path: Path, tmp_path: Path
) -> None:
    # Job 2 waits behind the stuck job 1 and is cancelled by the learner; the worker is
    # restarted when job 1 outlives its grace, and must not be asked for job 2 again.
    with _stuck(qtbot, tmp_path) as (worker, replies, first):
        worker.open(_open(2, sample_path))
        worker.cancel(2)
        qtbot.waitUntil(lambda: worker.pid not in (None, first), timeout=TIMEOUT_MS)
        assert worker._running == {}  # nothing asked of the new worker
        worker.open(_open(3, sample_path))
        qtbot.waitUntil(replies.ended(3), timeout=TIMEOUT_MS)
        assert isinstance(replies.of(3)[-2], ReadingDone)
        assert not any(isinstance(r, ArticleLoaded) for r in replies.of(2))


@pytest.fixture(scope="module")
def long_article(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Path:
    """The sample and more copies of its text: several streamed parts, one section."""
    path = tmp_path_factory.mktemp("long") / "lang.txt"
    sample = sample_path.read_text(encoding="utf-8")
    body = load_article(sample_path).text
    path.write_text("\n\n".join([sample.strip(), *([body] * 11)]), encoding="utf-8")
    assert len(load_article(path).text) <= SECTION_CHARS
    return path
