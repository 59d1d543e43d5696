"""The reading session: the open article, its reading, the level and the known words, and the
background work that produces them. Signals out, no widgets, so it is tested without a window."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from assistant.errors import AssistantError
from assistant.models import Article, GlossCard, Level, Note, PipelineInfo, Reading
from ui.notices import Notice, NoticeKind, notice_for_error
from ui.tasks import Request, TaskRunner

log = logging.getLogger(__name__)

# Request keys: a newer request with the same key makes the older one's results stale.
PIPELINE = "pipeline"
ARTICLE = "article"
ENRICH = "enrich"

ANALYSING_HINT = "Analysing the article…"
NO_MODEL_HINT = "Notes need a Dutch language model."


class SessionService(Protocol):
    """What the session needs from the core (assistant.service.ReadingAssistant)."""

    @property
    def pipeline_info(self) -> PipelineInfo | None: ...
    def load_pipeline(self) -> PipelineInfo: ...
    def load_article(self, path: str | Path) -> Article: ...
    def article_from_text(self, text: str) -> Article: ...
    def read(self, article: Article, level: Level, known_lemmas: frozenset[str]) -> Reading: ...
    def relevel(self, reading: Reading, level: Level, known_lemmas: frozenset[str]) -> Reading: ...
    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None: ...
    def enrich(self, note: Note) -> Note: ...


class LearnerStore(Protocol):
    """What the session needs from the learner's store (assistant.learner.known_words)."""

    @property
    def recovered_message(self) -> str | None: ...
    def all(self) -> frozenset[str]: ...
    def add(self, lemma: str) -> None: ...
    def remove(self, lemma: str) -> None: ...
    def close(self) -> None: ...


def source_key(source: str) -> str:
    """How an opened file is remembered: its absolute path; a URL as it is."""
    return source if "://" in source else str(Path(source).resolve())


class ReadingSession(QObject):
    """One learner reading one article at a time.

    Background work runs only through the TaskRunner (a SyncTaskRunner in tests); opening
    another article makes every result of the previous one stale, and stale results are
    dropped. The store handed in is closed by `shut_down`.
    """

    article_shown = Signal(object)  # Article, before its analysis
    analysis_finished = Signal(object)  # Reading of a newly opened article
    reading_changed = Signal(object)  # Reading: the same article re-marked (level, known words)
    notes_enriched = Signal(object)  # Reading: the same article, notes with online background
    notes_hint = Signal(str)  # what the notes panel says while there are no notes
    known_changed = Signal(object)  # frozenset[str] of known lemmas
    level_changed = Signal(object)  # Level
    pipeline_ready = Signal(object)  # PipelineInfo
    pipeline_failed = Signal(str)  # the core's message
    notice = Signal(object)  # Notice for the message bar
    notices_cleared = Signal()  # an article opened: an earlier error no longer applies
    status = Signal(str)  # a passing confirmation
    source_opened = Signal(str)  # source_key of a file or URL opened successfully

    def __init__(
        self,
        service: SessionService,
        learner: LearnerStore,
        runner: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._learner = learner
        self.runner = runner if runner is not None else TaskRunner(self)
        if self.runner.parent() is None:
            self.runner.setParent(self)
        self._level = Level.B1
        self._known: frozenset[str] | None = None
        self._article: Article | None = None
        self._reading: Reading | None = None
        self._pipeline_error: AssistantError | None = None
        self._pipeline_requested = False

    # -- state ---------------------------------------------------------------------------

    @property
    def level(self) -> Level:
        return self._level

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def reading(self) -> Reading | None:
        return self._reading

    @property
    def pipeline_error(self) -> AssistantError | None:
        return self._pipeline_error

    @property
    def busy(self) -> bool:
        return self.runner.busy

    @property
    def closed(self) -> bool:
        return self.runner.closed

    def known(self) -> frozenset[str]:
        """The known lemmas (read from the store once; a damaged store is said once)."""
        if self._known is None:
            try:
                self._known = self._learner.all()
            except AssistantError as error:
                self.report_error(error)
                self._known = frozenset()
            recovered = self._learner.recovered_message
            if recovered:
                self.notice.emit(Notice(recovered, NoticeKind.WARNING))
            self.known_changed.emit(self._known)
        return self._known

    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None:
        return self._service.gloss(reading, token_index)

    def report_error(self, error: BaseException, doing: str = "") -> None:
        """The one way problems reach the learner: a Notice for the message bar."""
        self.notice.emit(notice_for_error(error, doing))

    # -- the language model --------------------------------------------------------------

    def start(self, path: str | Path | None = None) -> None:
        """Ask for the model and open `path` if given."""
        self.load_pipeline()
        if path is not None:
            self.open_path(path)

    def load_pipeline(self) -> None:
        """Ask for the model in the background, once."""
        if self._pipeline_requested:
            return
        self._pipeline_requested = True
        self.runner.run(
            PIPELINE, self._service.load_pipeline, self.pipeline_ready.emit,
            self._on_pipeline_error,
        )

    def _on_pipeline_error(self, error: BaseException) -> None:
        if isinstance(error, AssistantError):
            self._pipeline_error = error
            self.pipeline_failed.emit(error.message)
            self.notes_hint.emit(NO_MODEL_HINT)
        self.report_error(error, "loading the language model")

    # -- opening and analysing -----------------------------------------------------------

    def open_path(self, path: str | Path) -> Request:
        """Load and analyse a file or URL in the background; earlier opens become stale."""
        name = str(path)
        return self._open(lambda: self._service.load_article(name), name)

    def open_text(self, text: str) -> Request:
        return self._open(lambda: self._service.article_from_text(text), None)

    def _open(self, load: Callable[[], Article], source: str | None) -> Request:
        doing = f"opening {Path(source).name}" if source else "reading pasted text"
        request = self.runner.request(ARTICLE)
        self.runner.run(
            request,
            load,
            lambda article: self._on_article(request, article, source),
            lambda error: self.report_error(error, doing),
            lane="load",
        )
        return request

    def _on_article(self, request: Request, article: Article, source: str | None) -> None:
        if source is not None:
            self.source_opened.emit(source_key(source))
        self._article = article
        self._reading = None
        self.article_shown.emit(article)
        if self._pipeline_error is not None:
            self.notes_hint.emit(NO_MODEL_HINT)
            self.report_error(self._pipeline_error)
            return
        self.notices_cleared.emit()
        self.notes_hint.emit(ANALYSING_HINT)
        self._analyse(request, article)

    def _analyse(self, request: Request, article: Article) -> None:
        """The one place the slow analysis is asked for (part of the request that opened it)."""
        level, known = self._level, self.known()
        self.runner.run(
            request,
            lambda: self._service.read(article, level, known),
            lambda reading: self._on_reading(reading, level, known),
            lambda error: self.report_error(error, "analysing the article"),
            lane="nlp",
        )

    def _on_reading(self, reading: Reading, level: Level, known: frozenset[str]) -> None:
        if level is not self._level or known != self.known():
            # Should re-marking fail, the text is still worth reading with its first marks.
            reading = self._relevelled(reading) or reading
        self._reading = reading
        self.analysis_finished.emit(reading)
        self._enrich(reading)

    def _enrich(self, reading: Reading) -> None:
        notes = reading.notes
        if not notes:
            return
        service = self._service

        def job() -> tuple[Note, ...]:
            return tuple(service.enrich(note) for note in notes)

        def done(enriched: tuple[Note, ...]) -> None:
            current = self._reading
            if current is None or current.notes is not notes or enriched == notes:
                return
            self._reading = dataclasses.replace(current, notes=enriched)
            self.notes_enriched.emit(self._reading)

        def failed(error: BaseException) -> None:
            log.warning("enrichment failed: %s", error)

        self.runner.run(ENRICH, job, done, failed, lane="net")

    # -- level and known words -----------------------------------------------------------

    def set_level(self, level: Level) -> None:
        """Re-mark hard words for a level (instant; no pipeline run)."""
        if level is self._level:
            return
        self._level = level
        self.level_changed.emit(level)
        self._remark()

    def set_known(self, lemma: str, known: bool) -> None:
        """Mark a lemma known (or forget it), store it and re-mark the text."""
        try:
            if known:
                self._learner.add(lemma)
            else:
                self._learner.remove(lemma)
            self._known = self._learner.all()
        except AssistantError as error:
            self.report_error(error)
            return
        self.known_changed.emit(self._known)
        self._remark()
        verb = "marked as known" if known else "will be marked again"
        self.status.emit(f"“{lemma}” {verb}.")

    def _remark(self) -> None:
        if self._reading is None:
            return
        reading = self._relevelled(self._reading)
        if reading is not None:
            self._reading = reading
            self.reading_changed.emit(reading)

    def _relevelled(self, reading: Reading) -> Reading | None:
        try:
            return self._service.relevel(reading, self._level, self.known())
        except Exception as error:
            self.report_error(error, "re-marking the words")
            return None

    # -- end -----------------------------------------------------------------------------

    def shut_down(self) -> None:
        """Stop background work and close the learner's store; safe to repeat."""
        if self.runner.closed:
            return
        self.runner.shutdown()
        self._learner.close()
