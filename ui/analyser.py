"""Where articles are loaded and analysed, seen from the window: the worker process (replies
arrive on the UI thread; it is restarted when it dies or will not stop a job), or the same jobs
run in this process for tests (at once, or one message at a time when a test says)."""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
import time
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.errors import CancelCheck
from assistant.models import Article, GlossCard, Level, Note, PipelineInfo, Reading
from assistant.worker import (
    Cancel,
    Enrich,
    JobEnded,
    Open,
    PipelineFailed,
    PipelineGate,
    PipelineReady,
    Quit,
    Reply,
    Request,
    SetOnline,
    WorkerConfig,
    WorkerCore,
    WorkerProcess,
    enrich_notes,
    run_job,
    start_worker,
)

if TYPE_CHECKING:
    from assistant.reading.difficulty import Learner

log = logging.getLogger(__name__)

# A job asked to stop that has not stopped after this long (a load stuck where it cannot look at
# its cancel check) costs the worker: it is ended and started again for the next article.
CANCEL_GRACE_MS = 1500
# Quitting: how long the worker may take to stop by itself, then to a terminate signal.
QUIT_SECONDS = 0.2
TERMINATE_SECONDS = 0.3
# A worker that dies this often within the window is not started again.
MAX_DEATHS, DEATH_WINDOW_SECONDS = 3, 60.0

LOST = ("The part of Leeswijzer that analyses articles stopped unexpectedly{how}. "
        "It is starting again{then}.")
GAVE_UP = ("The part of Leeswijzer that analyses articles stopped unexpectedly {count} times in "
           "a minute, so it is not started again. Restart Leeswijzer to analyse articles.")


def settle_heap() -> None:
    """Move what survived so far out of the cyclic garbage collector's sight: a long article's
    hundreds of thousands of tokens made every full collection hold the UI thread (and the
    interpreter lock) for up to a second, at any moment (a hover, a scroll). The young
    generations are collected first; cyclic garbage among older objects stays until quit
    (their memory is freed by reference counting as before)."""
    gc.collect(1)
    gc.freeze()


class Analyser(QObject):
    """What the session asks of the place where articles are loaded and analysed (the protocol:
    ProcessAnalyser for the app, LocalAnalyser for tests)."""

    pipeline_ready = Signal(object)  # PipelineReady
    pipeline_failed = Signal(object)  # PipelineFailed
    replied = Signal(object)  # a job's Reply, in order, on the UI thread
    worker_lost = Signal(str)  # the worker ended unexpectedly (what the learner is told)

    @property
    def pipeline_info(self) -> PipelineInfo | None:
        """The model, once loaded."""
        raise NotImplementedError

    @property
    def available(self) -> bool:
        """Whether it takes jobs (not shut down, not given up after repeated deaths)."""
        raise NotImplementedError

    def start(self) -> None:
        """Begin loading the language model (at once, beside the window)."""
        raise NotImplementedError

    def open(self, request: Open) -> None:
        """Start a job; every earlier job is cancelled."""
        raise NotImplementedError

    def cancel(self, job: int) -> None:
        raise NotImplementedError

    def enrich(self, job: int, notes: tuple[Note, ...]) -> None:
        raise NotImplementedError

    def set_online(self, enabled: bool) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Stop every job and whatever runs them; safe to repeat."""
        raise NotImplementedError


class ProcessAnalyser(Analyser):
    """The worker process (multiprocessing, spawned), its requests and its replies.

    One receiver thread per process reads the replies (unpickling there, off the UI thread) and
    posts them to the UI thread; it ends when the process does and is joined at shutdown.
    """

    _received = Signal(object, int)  # (Reply or None when the worker ended, generation)

    def __init__(self, config: WorkerConfig, started: WorkerProcess | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._started = started  # started by main.py before the widgets were imported
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._receiver: threading.Thread | None = None
        self._generation = 0
        self._info: PipelineInfo | None = None
        self._running: dict[int, Open] = {}
        self._latest: Open | None = None
        self._deaths: deque[float] = deque()
        self._closed = False
        self._gave_up = False
        self._grace = QTimer(self)
        self._grace.setSingleShot(True)
        self._grace.setInterval(CANCEL_GRACE_MS)
        self._grace.timeout.connect(self._on_grace)
        self._received.connect(self._on_received)

    @property
    def process(self) -> BaseProcess | None:
        return self._process

    @property
    def receiver(self) -> threading.Thread | None:
        """The thread reading the worker's replies (for tests of the end)."""
        return self._receiver

    @property
    def pipeline_info(self) -> PipelineInfo | None:
        """The worker's model, once it said it is loaded."""
        return self._info

    @property
    def available(self) -> bool:
        return not self._closed and not self._gave_up

    @property
    def pid(self) -> int | None:
        """The worker process's id (None before start or after shutdown)."""
        return self._process.pid if self._process is not None else None

    @property
    def running_jobs(self) -> list[int]:
        return list(self._running)

    def start(self) -> None:
        if self._process is None and not self._closed:
            self._spawn()

    def _spawn(self) -> None:
        started, self._started = self._started, None
        worker = started if started is not None else start_worker(self._config)
        self._generation += 1
        self._process, self._connection = worker.process, worker.connection
        self._receiver = threading.Thread(
            target=self._receive, args=(worker.connection, self._generation),
            name=f"leeswijzer-receiver-{self._generation}",
        )
        self._receiver.start()

    def _receive(self, connection: Connection, generation: int) -> None:
        """The receiver thread: replies to the UI thread until the worker's end closes."""
        while True:
            try:
                reply = connection.recv()
            except (EOFError, OSError):
                break
            except Exception:  # a reply that cannot be unpickled: the worker is not to be trusted
                log.exception("unreadable reply from the worker")
                break
            self._received.emit(reply, generation)
        self._received.emit(None, generation)

    def _send(self, request: Request) -> None:
        connection = self._connection
        if connection is None:
            return
        try:
            connection.send(request)
        except (OSError, ValueError) as error:  # the worker is gone: the receiver says so
            log.info("worker not reached: %s", error)

    def _on_received(self, reply: Reply | None, generation: int) -> None:
        if generation != self._generation or self._closed:
            return  # from a worker since ended
        if reply is None:
            self._on_worker_ended()
        elif isinstance(reply, PipelineReady):
            self._info = reply.info
            self.pipeline_ready.emit(reply)
        elif isinstance(reply, PipelineFailed):
            self.pipeline_failed.emit(reply)
        else:
            if isinstance(reply, JobEnded):
                self._running.pop(reply.job, None)
                if not self._stale_jobs():
                    self._grace.stop()
            self.replied.emit(reply)
            settle_heap()

    def _stale_jobs(self) -> list[int]:
        latest = self._latest.job if self._latest is not None else None
        return [job for job in self._running if job != latest]

    def _on_worker_ended(self) -> None:
        process = self._process
        if process is not None:
            process.join(TERMINATE_SECONDS)  # its end of the pipe closed: it is ending
        code = process.exitcode if process is not None else None
        self._info = None
        working = bool(self._running)
        self._stop_process(gently=False)
        self._running.clear()
        now = time.monotonic()
        self._deaths.append(now)
        while self._deaths and now - self._deaths[0] > DEATH_WINDOW_SECONDS:
            self._deaths.popleft()
        if len(self._deaths) >= MAX_DEATHS:
            self._gave_up = True
            self.worker_lost.emit(GAVE_UP.format(count=len(self._deaths)))
            return
        how = f" (signal {-code})" if isinstance(code, int) and code < 0 else (
            f" (exit code {code})" if code else "")
        then = " and opening the article again" if working else ""
        self._spawn()
        self.worker_lost.emit(LOST.format(how=how, then=then))

    def _on_grace(self) -> None:
        if not self._stale_jobs() or self._closed:
            return
        log.warning("jobs %s did not stop in time: restarting the worker", self._stale_jobs())
        self._info = None
        self._stop_process(gently=False)
        self._running.clear()
        self._spawn()
        if self._latest is not None:
            self._running[self._latest.job] = self._latest
            self._send(self._latest)

    def open(self, request: Open) -> None:
        if self._closed:
            return
        if self._gave_up:
            self.worker_lost.emit(GAVE_UP.format(count=len(self._deaths)))
            return
        self.start()
        for job in self._running:
            self._send(Cancel(job))
        if self._running:
            self._grace.start()
        self._running[request.job] = request
        self._latest = request
        self._send(request)

    def cancel(self, job: int) -> None:
        if job in self._running:
            self._send(Cancel(job))
        if self._latest is not None and self._latest.job == job:
            self._latest = None  # a worker restarted for a stuck job is not asked for it again

    def enrich(self, job: int, notes: tuple[Note, ...]) -> None:
        self._send(Enrich(job, notes))

    def set_online(self, enabled: bool) -> None:
        self._config = self._config.with_online(enabled)
        self._send(SetOnline(enabled))

    def _stop_process(self, gently: bool) -> None:
        """End the worker process and join its receiver thread."""
        process, receiver, connection = self._process, self._receiver, self._connection
        self._process = self._receiver = self._connection = None
        if process is None:
            return
        if gently and connection is not None:
            with contextlib.suppress(OSError, ValueError):
                connection.send(Quit())
            process.join(QUIT_SECONDS)
        if process.is_alive():
            process.terminate()
            process.join(TERMINATE_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()
        if receiver is not None and receiver is not threading.current_thread():
            receiver.join()
        if connection is not None:
            connection.close()
        process.close()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._grace.stop()
        self._stop_process(gently=True)


class LocalAnalyser(Analyser):
    """The worker's jobs run in this process on the calling thread: each at once, or (`manual`)
    one message at a time as `step` asks, so that a test chooses the order of arrivals."""

    def __init__(self, core: WorkerCore, manual: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._manual = manual
        self._gate = PipelineGate(core.load_pipeline)
        self._started = False
        self._cancels: dict[int, threading.Event] = {}
        self._waiting: list[tuple[int, Iterator[Reply]]] = []
        self._closed = False
        self._info: PipelineInfo | None = None

    @property
    def pipeline_info(self) -> PipelineInfo | None:
        return self._info

    @property
    def available(self) -> bool:
        return not self._closed

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        reply = self._gate.load()
        if isinstance(reply, PipelineReady):
            self._info = reply.info
            self.pipeline_ready.emit(reply)
        else:
            self.pipeline_failed.emit(reply)

    def open(self, request: Open) -> None:
        if self._closed:
            return
        self.start()
        for event in self._cancels.values():
            event.set()
        cancel = self._cancels[request.job] = threading.Event()
        replies = run_job(self._core, request, self._gate, cancel)
        if self._manual:
            self._waiting.append((request.job, replies))
        else:
            for reply in replies:
                self._deliver(reply)

    def _deliver(self, reply: Reply) -> None:
        if isinstance(reply, JobEnded):
            self._cancels.pop(reply.job, None)
        self.replied.emit(reply)

    def cancel(self, job: int) -> None:
        event = self._cancels.get(job)
        if event is not None:
            event.set()

    def enrich(self, job: int, notes: tuple[Note, ...]) -> None:
        if self._closed:
            return
        request = Enrich(job, notes)
        if self._manual:
            self._waiting.append((job, iter([enrich_notes(self._core, request)])))
        else:
            self._deliver(enrich_notes(self._core, request))

    def set_online(self, enabled: bool) -> None:
        self._core.set_online(enabled)

    @property
    def waiting(self) -> list[int]:
        """The jobs with messages still to come, oldest first (manual only)."""
        return [job for job, _replies in self._waiting]

    def step(self, job: int | None = None) -> Reply:
        """Deliver the next message of the oldest waiting job (or of `job`)."""
        position = next((i for i, (j, _r) in enumerate(self._waiting) if job in (None, j)), None)
        if position is None:
            raise LookupError("no job waiting" if job is None else f"job {job} is not waiting")
        _job, replies = self._waiting[position]
        reply = next(replies, None)
        if reply is None:
            del self._waiting[position]
            return self.step(job)
        self._deliver(reply)
        return reply

    def run_all(self) -> None:
        """Deliver every message still to come, in the order the jobs were started."""
        while self._waiting:
            _job, replies = self._waiting[0]
            reply = next(replies, None)
            if reply is None:
                self._waiting.pop(0)
            else:
                self._deliver(reply)

    def shutdown(self) -> None:
        self._closed = True
        for event in self._cancels.values():
            event.set()
        self._waiting.clear()


class LocalCore(Protocol):
    """What the window's process still does itself (assistant.service.ReadingAssistant)."""

    def load_article(self, path: str | Path, cancel: CancelCheck | None = None) -> Article: ...
    def article_from_text(self, text: str) -> Article: ...
    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None: ...
    def is_headword(self, word: str) -> bool: ...
    def attributions(self) -> tuple[tuple[str, str], ...]: ...
    def installed_pipelines(self) -> list[str]: ...
    def set_online(self, enabled: bool) -> None: ...


class WorkerSideService:
    """The reading service in the window's process while a worker analyses: glosses, the
    dictionary and the About box from `core` (it never loads the model here), the model's name
    as the worker said it, the online switch sent to the worker too."""

    def __init__(self, core: LocalCore, analyser: Analyser) -> None:
        self._core = core
        self._analyser = analyser

    def warm_up(self) -> threading.Thread:
        """Load what glosses need on a thread now, while the model loads in the worker: the
        dictionary, wordfreq's Dutch and English tables, the glossing modules, the compound
        parts and strong verbs. Else the first card of each kind loaded them on the UI thread
        (the first card of the sample took 140-200 ms of CPU, English wordfreq most of it)."""
        thread = threading.Thread(target=self._warm_up, name="gloss-warm-up", daemon=True)
        thread.start()
        return thread

    def _warm_up(self) -> None:
        from assistant.lexicon import glossing  # noqa: F401  (imported for its import's cost)
        from assistant.lexicon.compounds import default_part_senses
        from assistant.lexicon.frequency import english_zipf, zipf
        from assistant.lexicon.verbs import strong_verb_forms, strong_verbs

        try:
            zipf("de")
            self._core.is_headword("huis")
            english_zipf("the")
            default_part_senses()
            strong_verbs()
            strong_verb_forms()
        except Exception:  # the same error resurfaces, with its message, where it is used
            log.exception("warm-up of the glosses failed")

    @property
    def pipeline_info(self) -> PipelineInfo | None:
        return self._analyser.pipeline_info

    def load_pipeline(self) -> PipelineInfo:
        info = self._analyser.pipeline_info
        if info is None:
            raise RuntimeError("the language model is loaded by the worker process")
        return info

    def load_article(self, path: str | Path, cancel: CancelCheck | None = None) -> Article:
        return self._core.load_article(path, cancel)

    def article_from_text(self, text: str) -> Article:
        return self._core.article_from_text(text)

    def read(self, article: Article, level: Level, known_lemmas: Learner) -> Reading:
        raise RuntimeError("articles are analysed by the worker process")

    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None:
        return self._core.gloss(reading, token_index)

    def enrich(self, note: Note) -> Note:
        return note  # the worker adds online background

    def is_headword(self, word: str) -> bool:
        return self._core.is_headword(word)

    def attributions(self) -> tuple[tuple[str, str], ...]:
        return self._core.attributions()

    def installed_pipelines(self) -> list[str]:
        return self._core.installed_pipelines()

    def set_online(self, enabled: bool) -> None:
        self._core.set_online(enabled)
        self._analyser.set_online(enabled)
