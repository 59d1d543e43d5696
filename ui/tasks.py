"""The one helper for background work: a worker thread per lane, results posted to the UI thread;
work that must not compete with the UI thread for the interpreter lock runs on it in slices
(and two runners for tests: one that runs each job at once, one that runs them when told)."""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")

# "nlp": spaCy and analysis, strictly one job at a time; "load": reading files, so an article
# shows while the model still loads; "net": online enrichment, so a slow server never holds
# up the next article; "open": loading an article, each on a thread of its own, so a load that
# hangs (a server that drips, a stuck network drive) never holds up the next one: it goes
# stale, its cancel check is set, and it is left to end unseen.
LANES = ("nlp", "load", "net", "open")
_THREAD_PER_JOB = frozenset({"open"})
# Not a thread: a generator's steps run on the UI thread, a slice of about SLICE_SECONDS at a
# time from the event loop (`run_sliced`), for Python work on data the window holds: a thread
# doing it would make the UI thread wait up to the interpreter's switch interval after every
# Qt call (that is what held relevels and cards up on a long article).
SLICED = "ui"
SLICE_SECONDS = 0.006

Steps = Generator[None, None, T]


@dataclass(frozen=True, slots=True)
class Request:
    """One numbered request; a newer request with the same key makes its results stale."""

    key: str
    number: int


@dataclass(frozen=True, slots=True)
class _Job:
    request: Request
    work: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None]
    steps: Callable[[], Generator[None, None, Any]] | None = None  # a sliced job's steps


def _drain(steps: Generator[None, None, T]) -> T:
    """Every step of a sliced job at once; its result."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class _Outcome:
    job: _Job
    ok: bool
    value: Any


def _execute(job: _Job, current: bool) -> _Outcome:
    """Run a job unless it is stale; an exception becomes a failed outcome."""
    if not current:
        return _Outcome(job, False, None)
    try:
        return _Outcome(job, True, job.work() if job.steps is None else _drain(job.steps()))
    except Exception as error:  # handed to on_error on the UI thread
        return _Outcome(job, False, error)


class _Lane:
    """A daemon worker thread with a queue, so quitting never waits for a slow job."""

    def __init__(self, name: str, handle: Callable[[_Job], None]) -> None:
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._handle = handle
        self._thread = threading.Thread(target=self._loop, name=f"leeswijzer-{name}", daemon=True)
        self._thread.start()

    def put(self, job: _Job) -> None:
        self._jobs.put(job)

    def stop(self) -> None:
        self._jobs.put(None)

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            self._handle(job)


class TaskRunner(QObject):
    """Runs callables on a single worker thread per lane (a thread per job on "open") and calls
    back on the UI thread.

    Results of a request that is no longer the latest for its key are dropped; the runner is
    busy while a job of a current request is under way (stale work left running is not shown).
    """

    busy_changed = Signal(bool)
    _delivered = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._numbers = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._lanes: dict[str, _Lane] = {}
        self._in_flight: list[Request] = []  # one entry per job started and not yet delivered
        self._busy = False  # as last said by busy_changed
        self._closed = False
        self._job_threads: list[threading.Thread] = []  # the "open" lane's (UI thread only)
        self._sliced: deque[tuple[_Job, Generator[None, None, Any]]] = deque()
        self._slicer = QTimer(self)
        self._slicer.setSingleShot(True)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._run_slice)
        self._delivered.connect(self._deliver)

    def request(self, key: str) -> Request:
        """A new request for `key`; earlier requests for it become stale."""
        number = next(self._numbers)
        self._latest[key] = number
        return Request(key, number)

    def cancel(self, key: str) -> None:
        """Make every outstanding request for `key` stale."""
        self._latest[key] = next(self._numbers)
        self._update_busy()

    def is_current(self, request: Request) -> bool:
        return self._latest.get(request.key) == request.number

    @property
    def busy(self) -> bool:
        return any(self.is_current(request) for request in self._in_flight)

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def job_threads(self) -> int:
        """How many of the "open" lane's threads have not ended yet."""
        return sum(thread.is_alive() for thread in self._job_threads)

    def run(
        self,
        request: Request | str,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        lane: str = "nlp",
    ) -> Request:
        """Run `job` for `request`, or for a new request when given a key.

        An existing request serves e.g. the second step of one user action.
        """
        if lane not in LANES:
            raise ValueError(f"unknown lane {lane!r}")
        if isinstance(request, str):
            request = self.request(request)
        if not self._closed:
            self._in_flight.append(request)
            self._update_busy()
            self._start(_Job(request, job, on_done, on_error), lane)
        return request

    def run_sliced(
        self,
        request: Request | str,
        steps: Callable[[], Steps[T]],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> Request:
        """Run the generator `steps()` on the UI thread, its steps a slice at a time from the
        event loop (each step short: a slice ends after the step that passes SLICE_SECONDS);
        its return value goes to `on_done`. Stale like any job: a newer request for the key
        stops it before its next step."""
        if isinstance(request, str):
            request = self.request(request)
        if not self._closed:
            self._in_flight.append(request)
            self._update_busy()
            self._start(_Job(request, lambda: None, on_done, on_error, steps), SLICED)
        return request

    def _run_slice(self) -> None:
        began = time.perf_counter()
        while self._sliced and not self._closed:
            job, steps = self._sliced[0]
            outcome: _Outcome | None = None
            if not self.is_current(job.request):
                outcome = _Outcome(job, False, None)
            else:
                try:
                    next(steps)
                except StopIteration as stop:
                    outcome = _Outcome(job, True, stop.value)
                except Exception as error:  # handed to on_error, as a thread's would be
                    outcome = _Outcome(job, False, error)
            if outcome is not None:
                self._sliced.popleft()
                self._deliver(outcome)
            if time.perf_counter() - began >= SLICE_SECONDS:
                break
        if self._sliced and not self._closed:
            self._slicer.start()

    def _start(self, job: _Job, lane: str) -> None:
        if job.steps is not None:
            self._sliced.append((job, job.steps()))
            self._slicer.start()
            return
        if lane in _THREAD_PER_JOB:
            thread = threading.Thread(target=self._work, args=(job,),
                                      name=f"leeswijzer-{lane}", daemon=True)
            self._job_threads = [t for t in self._job_threads if t.is_alive()] + [thread]
            thread.start()
            return
        worker = self._lanes.get(lane)
        if worker is None:
            worker = self._lanes[lane] = _Lane(lane, self._work)
        worker.put(job)

    def _work(self, job: _Job) -> None:
        outcome = _execute(job, current=self.is_current(job.request) and not self._closed)
        if self._closed:
            return  # nobody is waiting; emitting on a runner being torn down can crash Qt
        try:
            self._delivered.emit(outcome)
        except RuntimeError:
            log.debug("task runner deleted before delivery of %s", job.request)

    def _deliver(self, outcome: _Outcome) -> None:
        if self._closed:
            return
        job = outcome.job
        self._in_flight.remove(job.request)
        try:
            if not self.is_current(job.request):
                log.debug("dropping stale result of %s", job.request)
            elif outcome.ok:
                job.on_done(outcome.value)
            elif outcome.value is not None:
                job.on_error(outcome.value)
        finally:
            self._update_busy()  # after the callbacks: a next step keeps the runner busy

    def _update_busy(self) -> None:
        busy = self.busy
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def shutdown(self, wait: float = 0.0) -> None:
        """Stop accepting work; queued jobs are skipped, running ones finish unseen.

        The workers are daemon threads: a job still running never delays the exit beyond
        `wait` seconds, for which the "open" lane's threads are given to end.
        """
        self._closed = True
        self._slicer.stop()
        self._sliced.clear()
        for worker in self._lanes.values():
            worker.stop()
        self._lanes.clear()
        self._in_flight.clear()
        self._update_busy()
        deadline = time.monotonic() + wait
        for thread in self._job_threads:
            thread.join(max(0.0, deadline - time.monotonic()))


class SyncTaskRunner(TaskRunner):
    """Runs each job at once on the calling thread: deterministic, for tests and scripts."""

    def _start(self, job: _Job, lane: str) -> None:
        self._deliver(_execute(job, current=True))


class ManualTaskRunner(TaskRunner):
    """Keeps each job until `run_next` runs it on the calling thread: for tests that choose
    the order in which results arrive (a result that went stale meanwhile is dropped). Sliced
    jobs are the UI thread's own work: they run at once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queued: list[tuple[str, _Job]] = []

    def _start(self, job: _Job, lane: str) -> None:
        if job.steps is not None:
            self._deliver(_execute(job, current=True))
            return
        self._queued.append((lane, job))

    @property
    def queued(self) -> list[tuple[str, Request]]:
        """(lane, request) of the jobs waiting, oldest first."""
        return [(lane, job.request) for lane, job in self._queued]

    def run_next(self, lane: str | None = None) -> Request:
        """Run the oldest waiting job (of `lane`, if given) and deliver its outcome."""
        position = next(
            (i for i, (queued_lane, _job) in enumerate(self._queued)
             if lane is None or queued_lane == lane),
            None,
        )
        if position is None:
            raise LookupError(f"no job waiting{f' on lane {lane!r}' if lane else ''}")
        _lane, job = self._queued.pop(position)
        self._deliver(_execute(job, current=self.is_current(job.request) and not self.closed))
        return job.request

    def run_all(self) -> None:
        """Run waiting jobs, including those they start, until none is left."""
        while self._queued:
            self.run_next()
