"""The one helper for background work: a worker thread per lane, results posted to the UI thread."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")

# "nlp": spaCy and analysis, strictly one job at a time; "load": reading files, so an article
# shows while the model still loads; "net": online enrichment, so a slow server never holds
# up the next article.
LANES = ("nlp", "load", "net")


@dataclass(frozen=True, slots=True)
class Request:
    """One numbered request; a newer request with the same key makes its results stale."""

    key: str
    number: int


@dataclass(frozen=True, slots=True)
class _Outcome:
    request: Request
    ok: bool
    value: Any
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs callables on a single worker thread per lane and calls back on the UI thread.

    Results of a request that is no longer the latest for its key are dropped.
    """

    busy_changed = Signal(bool)
    _delivered = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._numbers = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._executors: dict[str, ThreadPoolExecutor] = {}
        self._pending = 0
        self._closed = False
        self._delivered.connect(self._deliver)

    def request(self, key: str) -> Request:
        """A new request for `key`; earlier requests for it become stale."""
        number = next(self._numbers)
        self._latest[key] = number
        return Request(key, number)

    def cancel(self, key: str) -> None:
        """Make every outstanding request for `key` stale."""
        self._latest[key] = next(self._numbers)

    def is_current(self, request: Request) -> bool:
        return self._latest.get(request.key) == request.number

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(
        self,
        key: str,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        lane: str = "nlp",
    ) -> Request:
        """Start a new request for `key` and run `job` for it."""
        request = self.request(key)
        self.run(request, job, on_done, on_error, lane)
        return request

    def run(
        self,
        request: Request,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        lane: str = "nlp",
    ) -> None:
        """Run `job` for an existing request (e.g. the second step of one user action)."""
        if lane not in LANES:
            raise ValueError(f"unknown lane {lane!r}")
        if self._closed:
            return
        self._set_pending(self._pending + 1)
        self._start(request, job, on_done, on_error, lane)

    def _start(
        self,
        request: Request,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        lane: str,
    ) -> None:
        executor = self._executors.get(lane)
        if executor is None:
            executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"leeswijzer-{lane}")
            self._executors[lane] = executor
        executor.submit(self._work, request, job, on_done, on_error)

    def _work(
        self,
        request: Request,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        if not self.is_current(request):
            outcome = _Outcome(request, False, None, on_done, on_error)
        else:
            try:
                outcome = _Outcome(request, True, job(), on_done, on_error)
            except Exception as error:  # handed to on_error on the UI thread
                outcome = _Outcome(request, False, error, on_done, on_error)
        try:
            self._delivered.emit(outcome)
        except RuntimeError:
            log.debug("task runner deleted before delivery of %s", request)

    def _deliver(self, outcome: _Outcome) -> None:
        self._set_pending(self._pending - 1)
        if self._closed or not self.is_current(outcome.request):
            log.debug("dropping stale result of %s", outcome.request)
            return
        if outcome.ok:
            outcome.on_done(outcome.value)
        elif outcome.value is not None:
            outcome.on_error(outcome.value)

    def _set_pending(self, pending: int) -> None:
        was_busy = self._pending > 0
        self._pending = pending
        if was_busy != (pending > 0):
            self.busy_changed.emit(pending > 0)

    def shutdown(self) -> None:
        """Stop accepting work; queued jobs are cancelled, running ones finish unseen."""
        self._closed = True
        for executor in self._executors.values():
            executor.shutdown(wait=False, cancel_futures=True)
        self._executors.clear()


class SyncTaskRunner(TaskRunner):
    """Runs each job at once on the calling thread: deterministic, for tests and scripts."""

    def _start(
        self,
        request: Request,
        job: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        lane: str,
    ) -> None:
        try:
            outcome = _Outcome(request, True, job(), on_done, on_error)
        except Exception as error:
            outcome = _Outcome(request, False, error, on_done, on_error)
        self._deliver(outcome)
