"""The analysis worker: the jobs that load and analyse an article, streaming what they find as
messages (frozen dataclasses, pickled between processes), and the worker process that runs them
beside the window with the language model, the heavy core and the online notes."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import importlib
import logging
import multiprocessing
import os
import queue
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Protocol

from assistant.errors import (
    AssistantError,
    CancelCheck,
    Cancelled,
    raise_if_cancelled,
)
from assistant.learner.statuses import LearnerView
from assistant.models import (
    Article,
    Level,
    Note,
    PipelineInfo,
    ReadingEnd,
    ReadingPart,
)
from assistant.reading.sections import chosen_section, section_article, split_sections

log = logging.getLogger(__name__)

# How often a wait for the language model looks at its cancel check.
_POLL_SECONDS = 0.05


class WorkerCore(Protocol):
    """What the jobs need from the core (assistant.service.ReadingAssistant)."""

    def load_pipeline(self) -> PipelineInfo: ...
    def load_article(self, path: str, cancel: CancelCheck | None = None) -> Article: ...
    def article_from_text(self, text: str) -> Article: ...
    def stream(
        self, article: Article, level: Level, learner: LearnerView, cancel: CancelCheck | None
    ) -> Iterator[ReadingPart | ReadingEnd]: ...
    def enrich(self, note: Note) -> Note: ...
    def set_online(self, enabled: bool) -> None: ...


# -- requests ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """What to open: a file or http(s) URL, pasted text, or a section of an article already
    open (`article`: assistant.reading.sections.section_article)."""

    path: str | None = None
    text: str | None = None
    article: Article | None = None

    @property
    def name(self) -> str:
        """How the learner knows it: the file's name, the URL, or 'pasted text'."""
        if self.article is not None:
            return self.article.title or "the next part"
        if self.path is None:
            return "pasted text"
        return self.path if "://" in self.path else Path(self.path).name


@dataclass(frozen=True, slots=True)
class Open:
    """Load `source` and analyse its section number `section` (clamped to those it has: see
    assistant.reading.sections) for `level` and `learner`; a newer Open cancels this."""

    job: int
    source: Source
    level: Level
    learner: LearnerView
    section: int = 0


@dataclass(frozen=True, slots=True)
class Cancel:
    job: int


@dataclass(frozen=True, slots=True)
class Enrich:
    """Add online background to the notes of `job`."""

    job: int
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class SetOnline:
    enabled: bool


@dataclass(frozen=True, slots=True)
class Quit:
    """Stop: cancel everything and end the process."""


Request = Open | Cancel | Enrich | SetOnline | Quit


# -- replies -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PipelineReady:
    info: PipelineInfo


@dataclass(frozen=True, slots=True)
class PipelineFailed:
    error: AssistantError | None
    text: str  # the error's message, or "Type: text" of an unexpected one
    details: str = ""


@dataclass(frozen=True, slots=True)
class ArticleLoaded:
    job: int
    article: Article


@dataclass(frozen=True, slots=True)
class Waiting:
    """The job waits for something before it can go on (e.g. the language model)."""

    job: int
    what: str


@dataclass(frozen=True, slots=True)
class PartReady:
    job: int
    part: ReadingPart


@dataclass(frozen=True, slots=True)
class ReadingDone:
    job: int
    end: ReadingEnd


@dataclass(frozen=True, slots=True)
class JobFailed:
    """The job stopped with an error: a core error (`error`, its message for the learner) or an
    unexpected one (`error` None, `text` and a traceback in `details`)."""

    job: int
    doing: str  # "opening …" or "analysing the article"
    error: AssistantError | None
    text: str
    details: str = ""


@dataclass(frozen=True, slots=True)
class JobEnded:
    """The last message of every job (`cancelled`: it stopped because it was asked to)."""

    job: int
    cancelled: bool


@dataclass(frozen=True, slots=True)
class NotesEnriched:
    job: int
    notes: tuple[Note, ...]


Reply = (PipelineReady | PipelineFailed | ArticleLoaded | Waiting | PartReady | ReadingDone
         | JobFailed | JobEnded | NotesEnriched)

WAITING_FOR_MODEL = "the Dutch language model"


def failure(error: BaseException) -> tuple[AssistantError | None, str, str]:
    """(core error or None, its one-line text, a traceback for an unexpected one)."""
    if isinstance(error, AssistantError):
        return error, error.message, ""
    details = "".join(traceback.format_exception(error))
    return None, f"{type(error).__name__}: {error}", details


class PipelineGate:
    """The language model, loaded once (by whoever calls `load`); jobs wait for it."""

    def __init__(self, load: Callable[[], PipelineInfo]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._said: PipelineReady | PipelineFailed | None = None
        self._info: PipelineInfo | None = None
        self._error: BaseException | None = None

    @property
    def ready(self) -> bool:
        return self._done.is_set()

    def load(self) -> PipelineReady | PipelineFailed:
        """Load the model (slow, once) and say how it went."""
        with self._lock:
            if self._said is None:
                try:
                    self._info = self._load()
                    self._said = PipelineReady(self._info)
                except Exception as error:
                    self._error = error
                    self._said = PipelineFailed(*failure(error))
                finally:
                    self._done.set()
            return self._said

    def wait(self, cancel: CancelCheck | None) -> PipelineInfo:
        """The model's info once loaded; raises its load error, or Cancelled."""
        while not self._done.wait(_POLL_SECONDS):
            raise_if_cancelled(cancel)
        if self._error is not None:
            raise self._error
        assert self._info is not None
        return self._info


def run_job(
    core: WorkerCore, request: Open, gate: PipelineGate, cancel: CancelCheck | None,
) -> Iterator[Reply]:
    """One job's messages: the whole article, then the reading of its section part by part and
    its end, or why not; always ending with JobEnded. A generator, so that a caller can hold it
    between messages. Only the section is analysed, so a book costs what a chapter does."""
    job = request.job
    doing = f"opening {request.source.name}"
    try:
        raise_if_cancelled(cancel)
        source = request.source
        if source.article is not None:
            article = source.article
        elif source.path is not None:
            article = core.load_article(source.path, cancel)
        else:
            article = core.article_from_text(source.text or "")
        yield ArticleLoaded(job, article)
        sections = split_sections(article)
        section = chosen_section(sections, request.section)
        article = section_article(article, section, len(sections))
        doing = "analysing the article"
        if not gate.ready:
            yield Waiting(job, WAITING_FOR_MODEL)
        gate.wait(cancel)
        for item in core.stream(article, request.level, request.learner, cancel):
            raise_if_cancelled(cancel)
            yield PartReady(job, item) if isinstance(item, ReadingPart) else ReadingDone(job, item)
    except Cancelled:
        yield JobEnded(job, cancelled=True)
        return
    except Exception as error:  # every failure is told, none ends the worker
        yield JobFailed(job, doing, *failure(error))
    yield JobEnded(job, cancelled=False)


def enrich_notes(core: WorkerCore, request: Enrich) -> NotesEnriched:
    return NotesEnriched(request.job, tuple(core.enrich(note) for note in request.notes))


# -- the worker process ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """How the worker process builds its core (picklable: it crosses to the new process)."""

    pipeline_name: str | None = None
    notes_cache: Path | None = None  # None: no online notes
    online: bool = False
    dictionary_path: Path | None = None
    knowledge_dir: Path | None = None
    core_factory: str | None = None  # "module:function" making another core (tests)

    def with_online(self, enabled: bool) -> WorkerConfig:
        return dataclasses.replace(self, online=enabled)

    def build_core(self) -> WorkerCore:
        if self.core_factory is not None:
            module, _, name = self.core_factory.partition(":")
            factory: Callable[[WorkerConfig], WorkerCore] = getattr(
                importlib.import_module(module), name)
            return factory(self)
        from assistant.knowledge.enrichment import Enricher
        from assistant.service import ReadingAssistant

        enricher = (Enricher(self.notes_cache, enabled=self.online)
                    if self.notes_cache is not None else None)
        return ReadingAssistant(pipeline_name=self.pipeline_name,
                                dictionary_path=self.dictionary_path,
                                knowledge_dir=self.knowledge_dir, enricher=enricher)


class _Worker:
    """The worker process's threads: this one reads requests; one loads the model, one runs the
    jobs (the latest open only), one adds online background to notes."""

    def __init__(self, core: WorkerCore, connection: Connection) -> None:
        self._core = core
        self._connection = connection
        self._send_lock = threading.Lock()
        self._lock = threading.Lock()
        self._gate = PipelineGate(core.load_pipeline)
        # Their threads end with the process (run): nothing is put to stop them.
        self._jobs: queue.SimpleQueue[Open] = queue.SimpleQueue()
        self._notes: queue.SimpleQueue[Enrich] = queue.SimpleQueue()
        self._cancels: dict[int, threading.Event] = {}
        self._latest = 0

    def send(self, reply: Reply) -> None:
        # The window gone: its end closing stops the receiving too.
        with self._send_lock, contextlib.suppress(OSError, ValueError):
            self._connection.send(reply)

    def run(self) -> None:
        threads = [
            threading.Thread(target=lambda: self.send(self._gate.load()), name="model"),
            threading.Thread(target=self._run_jobs, name="jobs"),
            threading.Thread(target=self._run_enrichment, name="notes"),
        ]
        for thread in threads:
            thread.start()
        self._receive()
        # Nothing of ours is left to save (each write to the notes cache is a transaction of
        # its own, kept whole or not at all), so the process ends at once: not after the job
        # under way (a part being parsed: its cancel is looked at between parts, and parsing
        # one took longer than the window waits before it terminates this process), a model
        # still loading (no cancel reaches an import or a load in C), or the interpreter's
        # teardown of a loaded model (longer than that wait too).
        self._connection.close()
        logging.shutdown()
        os._exit(0)

    def _receive(self) -> None:
        while True:
            try:
                request = self._connection.recv()
            except (EOFError, OSError):
                return
            if isinstance(request, Quit):
                return
            if isinstance(request, Open):
                with self._lock:
                    for event in self._cancels.values():
                        event.set()  # a newer article: the one under way stops at once
                    self._cancels[request.job] = threading.Event()
                    self._latest = request.job
                self._jobs.put(request)
            elif isinstance(request, Cancel):
                with self._lock:
                    cancel = self._cancels.get(request.job)
                if cancel is not None:
                    cancel.set()
            elif isinstance(request, Enrich):
                self._notes.put(request)
            elif isinstance(request, SetOnline):
                self._core.set_online(request.enabled)

    def _run_jobs(self) -> None:
        while True:
            request = self._jobs.get()
            with self._lock:
                cancel = self._cancels.setdefault(request.job, threading.Event())
            for reply in run_job(self._core, request, self._gate, cancel):
                self.send(reply)
                # The model and the parts so far are out of the cyclic collector's sight while
                # the article streams (each full collection walked them all); at the job's end
                # they are in sight again, so garbage in cycles does not outlive the job.
                gc.collect(1)
                gc.freeze()
            gc.unfreeze()
            with self._lock:
                self._cancels.pop(request.job, None)

    def _run_enrichment(self) -> None:
        while True:
            request = self._notes.get()
            if request.job != self._latest:
                continue  # another article is open by now
            try:
                self.send(enrich_notes(self._core, request))
            except Exception:  # online background is a bonus: its failure is only logged
                log.exception("enrichment failed")


def serve(connection: Connection, config: WorkerConfig) -> None:
    """The worker process's main: build the core, load the model at once, answer requests until
    Quit or until the window's end of the connection closes."""
    logging.basicConfig(level=logging.WARNING,
                        format="%(levelname)s worker %(name)s: %(message)s")
    try:
        core = config.build_core()
    except Exception as error:
        with contextlib.suppress(OSError, ValueError):
            connection.send(PipelineFailed(*failure(error)))
        connection.close()
        return
    _Worker(core, connection).run()


@dataclass(slots=True)
class WorkerProcess:
    """A started worker process and the window's end of its connection."""

    process: BaseProcess
    connection: Connection


def start_worker(config: WorkerConfig) -> WorkerProcess:
    """Start the worker process (spawned: a fresh interpreter, nothing of this one's threads);
    it begins loading the model at once. main.py calls this before it imports any widget."""
    context = multiprocessing.get_context("spawn")
    window_end, worker_end = context.Pipe()
    process = context.Process(target=serve, args=(worker_end, config),
                              name="leeswijzer-worker", daemon=True)
    process.start()
    worker_end.close()  # so that the worker's end closing is seen here as the end
    return WorkerProcess(process, window_end)
