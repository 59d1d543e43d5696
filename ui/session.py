"""The reading session: the open article, its reading, the level and the learner's words, and
the background work that produces them. Signals out, no widgets: tested without a window."""

from __future__ import annotations

import dataclasses
import itertools
import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from assistant.errors import AssistantError, CancelCheck, Cancelled, message_text
from assistant.learner.coverage import Coverage, CoverageCounter
from assistant.learner.history import ReadingRecord
from assistant.learner.importing import ImportPreview
from assistant.learner.saved import SavedWord, word_from_reading
from assistant.learner.statuses import Action, LearnerView, Status
from assistant.models import AnalysedArticle, Article, GlossCard, Level, Note, PipelineInfo, Reading
from assistant.reading.difficulty import Learner
from assistant.reading.language import DUTCH, is_foreign_word, language_name
from assistant.reading.marking import Marking
from assistant.reading.sections import Section, chosen_section, section_article, split_sections
from ui.notices import Notice, NoticeKind, notice_for_error
from ui.tasks import Request, Steps, TaskRunner

if TYPE_CHECKING:
    from assistant.streaming import ReadingAssembly
    from assistant.worker import Reply, Source
    from ui.analyser import Analyser

log = logging.getLogger(__name__)

# Request keys: a newer request with the same key makes the older one's results stale.
PIPELINE = "pipeline"
ARTICLE = "article"
ENRICH = "enrich"
LOOKUP = "lookup"
IMPORT = "import"
ANKI = "anki"
COVERAGE = "coverage"
LEARNER = "learner"

T = TypeVar("T")

_UNKNOWN_MODEL = PipelineInfo("?", "?")  # a part arrived before the worker said its model
ANALYSING = "analysing the article"  # what the worker says a job failed doing
ANALYSING_HINT = "Analysing the article…"
NO_MODEL_HINT = "Notes need a Dutch language model."
# A streamed reading that does not fit together (a bug: stale replies are dropped before):
# the part shown is analysed again, once.
OUT_OF_ORDER = "Part of the analysis arrived out of order, so the text is being analysed again."
STILL_OUT_OF_ORDER = ("The analysis arrived out of order again, so the text is shown without "
                      "marks. Open it again to retry.")


class SessionService(Protocol):
    """What the session needs from the core (assistant.service.ReadingAssistant)."""

    @property
    def pipeline_info(self) -> PipelineInfo | None: ...
    def load_pipeline(self) -> PipelineInfo: ...
    def load_article(self, path: str | Path, cancel: CancelCheck | None = None) -> Article: ...
    def article_from_text(self, text: str) -> Article: ...
    def read(self, article: Article, level: Level, known_lemmas: Learner) -> Reading: ...
    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None: ...
    def enrich(self, note: Note) -> Note: ...
    def is_headword(self, word: str) -> bool: ...


class LearnerStore(Protocol):
    """What the session needs from the learner's store (assistant.learner.memory)."""

    @property
    def recovered_message(self) -> str | None: ...
    def open(self) -> None: ...
    def all(self) -> frozenset[str]: ...
    def add(self, lemma: str) -> None: ...
    def remove(self, lemma: str) -> None: ...
    def close(self) -> None: ...
    def view(self) -> LearnerView: ...
    def set_status(self, lemma: str, status: Status) -> Action | None: ...
    def mark_rest_known(
        self, analysed: AnalysedArticle, opened: Iterable[str]
    ) -> Action | None: ...
    def undo(self) -> Action | None: ...
    def record_lookup(self, lemma: str) -> bool: ...
    def save_word(self, word: SavedWord) -> SavedWord: ...
    def saved_words(self) -> list[SavedWord]: ...
    def edit_gloss(self, lemma: str, gloss: str) -> bool: ...
    def delete_saved(self, lemma: str) -> bool: ...
    def preview_import(
        self, path: Path, is_headword: Callable[[str], bool] | None = None
    ) -> ImportPreview: ...
    def apply_import(self, preview: ImportPreview) -> int: ...
    def record_reading(self, analysed: AnalysedArticle, covered: Coverage) -> object: ...
    def history(self) -> list[ReadingRecord]: ...


COVERAGE_SLICE_TOKENS = 1000


def coverage_steps(analysed: AnalysedArticle, view: LearnerView,
                   marking: Marking | None = None) -> Steps[Coverage]:
    """Coverage counted a slice of tokens per step (on the UI thread: TaskRunner.run_sliced),
    hard words as `marking` judges them (None: the tokens' own flags)."""
    phrases = analysed.phrases
    hard = None if marking is None else (lambda token: marking.hard(token, phrases))
    counter = CoverageCounter(analysed, view, hard)
    for start in range(0, len(analysed.tokens), COVERAGE_SLICE_TOKENS):
        yield
        counter.add(start, start + COVERAGE_SLICE_TOKENS)
    return counter.result()


def foreign_article_notice(language: str) -> Notice:
    """The one line an article not in Dutch opens with."""
    return Notice(f"This text looks like {language_name(language)}; Leeswijzer reads Dutch.",
                  NoticeKind.INFO, for_article=True)


def source_key(source: str) -> str:
    """How an opened file is remembered: its absolute path; a URL as it is."""
    return source if "://" in source else str(Path(source).resolve())


_NO_STATUSES = LearnerView()


class ReadingSession(QObject):
    """One learner reading one article at a time.

    Background work runs only through the TaskRunner (a SyncTaskRunner in tests); opening
    another article makes every result of the previous one stale, and stale results are
    dropped. The store handed in is closed by `shut_down`. A level or known-word change
    re-judges nothing at once: it is a new Marking, which the reader asks token by token.
    """

    article_shown = Signal(object)  # Article, before its analysis
    analysis_finished = Signal(object)  # Reading of a newly opened article
    reading_progress = Signal(object)  # Reading so far (the first blocks; no notes yet)
    busy_changed = Signal(bool)  # background work under way (or no longer)
    marks_changed = Signal(object)  # Marking: a new level or known words (hard words change)
    notes_enriched = Signal(object)  # Reading: the same article, notes with online background
    notes_hint = Signal(str)  # what the notes panel says while there are no notes
    known_changed = Signal(object)  # frozenset[str] of known lemmas
    view_changed = Signal(object)  # LearnerView: every status (known, learning steps, ignored)
    coverage_changed = Signal(object)  # Coverage of the reading shown
    saved_changed = Signal()  # a word saved, edited or deleted
    import_previewed = Signal(object)  # ImportPreview, before anything is written
    level_changed = Signal(object)  # Level
    pipeline_ready = Signal(object)  # PipelineInfo
    pipeline_failed = Signal(str)  # the core's message
    notice = Signal(object)  # Notice for the message bar
    notices_cleared = Signal()  # an article opened: an earlier error no longer applies
    status = Signal(str)  # a passing confirmation
    loading = Signal(str)  # what an open waits for ("Opening artikel.txt…"); "" when it no longer
    source_opened = Signal(str)  # source_key of a file or URL opened successfully
    learner_ready = Signal()  # the learner's store is open (or failed to): lists can be filled

    def __init__(
        self,
        service: SessionService,
        learner: LearnerStore,
        runner: TaskRunner | None = None,
        parent: QObject | None = None,
        analyser: Analyser | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._learner = learner
        self.runner = runner if runner is not None else TaskRunner(self)
        if self.runner.parent() is None:
            self.runner.setParent(self)
        # The worker (ui.analyser) loads and analyses articles when given; else the runner.
        self.analyser = analyser
        # The analyser's job under way: its request, what it opens, the section it analyses.
        self._job: tuple[Request, Source, int] | None = None
        self._assembly: ReadingAssembly | None = None
        self._enrich_job: int | None = None  # the worker's job whose notes are being enriched
        self._analysed_again: Article | None = None  # the section asked for again (once)
        self.runner.busy_changed.connect(self._on_runner_busy)
        if analyser is not None:
            analyser.replied.connect(self._on_reply)
            analyser.worker_lost.connect(self._on_worker_lost)
        self._level = Level.B1
        self._view: LearnerView | None = None  # None until the learner's store is open
        # The learner's store opens in the background (`open_learner`); what needs it meanwhile
        # waits here, in the order asked, and runs once it is open.
        self._learner_asked = False
        self._learner_open = False
        self._waiting_for_learner: list[Callable[[], object]] = []
        self._opened: set[str] = set()  # lemmas whose card the learner opened in this article
        self._recorded: Article | None = None  # the article last written to the history
        self._lookups = itertools.count(1)
        self._article: Article | None = None  # the section shown (a short text: all of it)
        self._whole: Article | None = None  # the article opened
        self._sections: tuple[Section, ...] = ()
        self._section = 0
        # Which section a file or URL opens at (by its source_key): where the learner left it.
        self.resume_section: Callable[[str], int] = lambda _source: 0
        self._reading: Reading | None = None
        self._marking: Marking | None = None
        self._marked: tuple[Reading, Marking, Reading] | None = None  # (analysed, how, result)
        self._job_marking: Marking | None = None  # what the worker's job marks hard words by
        self._pipeline_error: AssistantError | None = None
        self._pipeline_requested = False
        self._loading: tuple[Request, threading.Event, str] | None = None  # the load under way
        self._waiting_said = False  # a "Waiting for …" status is showing

    # -- state ---------------------------------------------------------------------------

    @property
    def level(self) -> Level:
        return self._level

    @property
    def article(self) -> Article | None:
        """The section shown and analysed (a text within SECTION_CHARS: the article itself)."""
        return self._article

    @property
    def whole_article(self) -> Article | None:
        """The article opened, every section of it."""
        return self._whole

    @property
    def sections(self) -> tuple[Section, ...]:
        """The open article's sections (one for a short text; none before an article)."""
        return self._sections

    @property
    def section_index(self) -> int:
        """The index of the section shown in `sections`."""
        return self._section

    def go_to_section(self, index: int) -> bool:
        """Show and analyse section `index` of the open article instead of the one shown (whose
        analysis under way stops, its results dropped); False when there is no such section,
        or while another article is being opened (it is what the learner asked for last)."""
        whole = self._whole
        if (whole is None or not 0 <= index < len(self._sections) or index == self._section
                or self._loading is not None):
            return False
        request = self.runner.request(ARTICLE)
        self.runner.cancel(ENRICH)
        self._stop_loading()
        if self.analyser is None:
            self._show_section(request, index, analyse=True)
            return True
        from assistant.worker import Source

        self._assembly = None
        self._show_section(request, index, analyse=False)
        if self._pipeline_error is None:
            self._analyse_in_worker(request, Source(article=self._article), index)
        elif self._job is not None:
            self.analyser.cancel(self._job[0].number)
            self._set_job(None)
        return True

    def next_section(self) -> bool:
        return self.go_to_section(self._section + 1)

    def previous_section(self) -> bool:
        return self.go_to_section(self._section - 1)

    @property
    def reading(self) -> Reading | None:
        """The open article's reading, its hard words as the marking says now (every token is
        judged after a change: the reader asks `marking` for the tokens it shows instead)."""
        reading = self._reading
        if reading is None:
            return None
        marking = self.marking
        if self._marked is None or self._marked[0] is not reading or self._marked[1] != marking:
            self._marked = (reading, marking, marking.applied(reading))
        return self._marked[2]

    @property
    def marking(self) -> Marking:
        """The level and learner's statuses hard words are judged by now."""
        if self._marking is None:
            self._marking = Marking(self._level, self.learner_view())
        return self._marking

    @property
    def pipeline_error(self) -> AssistantError | None:
        return self._pipeline_error

    @property
    def busy(self) -> bool:
        return self.runner.busy or self._job is not None

    def _on_runner_busy(self, busy: bool) -> None:
        if self._job is None:
            self.busy_changed.emit(busy)

    def _set_job(self, job: tuple[Request, Source, int] | None) -> None:
        was = self.busy
        self._job = job
        if self.busy != was:
            self.busy_changed.emit(self.busy)

    @property
    def closed(self) -> bool:
        return self.runner.closed

    def known(self) -> frozenset[str]:
        """The known lemmas (read from the store once; a damaged store is said once)."""
        return self.learner_view().known

    def learner_view(self) -> LearnerView:
        """Every status the learner set (read from the store as it opens, then after each
        change); no statuses while the store is still opening (`learner_ready` follows)."""
        if self._view is None:
            self.open_learner()
        return self._view if self._view is not None else _NO_STATUSES

    @property
    def learner_is_open(self) -> bool:
        """Whether the learner's store has opened (or failed to): nothing waits for it now."""
        return self._learner_open

    def open_learner(self) -> None:
        """Open the learner's store in the background, once: on a first run its schema is
        made (up to 140 ms), which the UI thread must not wait for. Whatever needs the store
        meanwhile (`when_learner_open`) runs once it is open."""
        if self._learner_asked:
            return
        self._learner_asked = True
        learner = self._learner

        def open_it() -> LearnerView:
            learner.open()
            return learner.view()

        self.runner.run(LEARNER, open_it, self._on_learner_open, self._on_learner_failed,
                        lane="load")

    def _on_learner_open(self, view: LearnerView) -> None:
        self._view = view
        recovered = self._learner.recovered_message
        if recovered:
            self.notice.emit(Notice(recovered, NoticeKind.WARNING))
        self._learner_ready()

    def _on_learner_failed(self, error: BaseException) -> None:
        # Said once; what waited still runs: each use tries the store again and says its own
        # error, so no click is lost without a word.
        self.report_error(error, "opening your learner data")
        self._view = LearnerView()
        self._learner_ready()

    def _learner_ready(self) -> None:
        self._learner_open = True
        self._emit_view()
        if self._marking is not None:  # judged with no statuses while the store opened
            self._remark()
        self.learner_ready.emit()
        while self._waiting_for_learner and not self.closed:
            action = self._waiting_for_learner.pop(0)
            try:
                action()
            except Exception as error:  # a bug in one must not keep the others waiting
                self.report_error(error, "using your learner data")

    def _finish_waiting_for_learner(self) -> None:
        """Quitting while the store still opens: what waited for it is saved now (the open
        under way finishes first), not lost with the window."""
        if self._learner_open or not self._waiting_for_learner:
            return
        try:
            self._learner.open()
            self._on_learner_open(self._learner.view())
        except AssistantError as error:
            self._on_learner_failed(error)

    def when_learner_open(self, action: Callable[[], T], meanwhile: T) -> T:
        """`action()` now if the learner's store is open; else `meanwhile`, and `action` runs
        once the store has opened, after what was asked before it."""
        self.open_learner()
        if self._learner_open:
            return action()
        self._waiting_for_learner.append(action)
        return meanwhile

    def _emit_view(self) -> None:
        assert self._view is not None
        self.known_changed.emit(self._view.known)
        self.view_changed.emit(self._view)

    def _reload_view(self) -> bool:
        try:
            self._view = self._learner.view()
        except AssistantError as error:
            self.report_error(error)
            return False
        self._emit_view()
        return True

    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None:
        return self._service.gloss(reading, token_index)

    def report_error(self, error: BaseException, doing: str = "") -> None:
        """The one way problems reach the learner: a Notice for the message bar."""
        self.notice.emit(notice_for_error(error, doing))

    # -- the language model --------------------------------------------------------------

    def start(self, path: str | Path | None = None) -> None:
        """Ask for the model and the learner's store, and open `path` if given."""
        self.load_pipeline()
        self.open_learner()
        if path is not None:
            self.open_path(path)

    def load_pipeline(self) -> None:
        """Ask for the model in the background, once."""
        if self._pipeline_requested:
            return
        self._pipeline_requested = True
        if self.analyser is not None:
            self.analyser.pipeline_ready.connect(lambda ready: self.pipeline_ready.emit(ready.info))
            self.analyser.pipeline_failed.connect(self._on_worker_pipeline_failed)
            self.analyser.start()
            return
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

    def _on_worker_pipeline_failed(self, failed: object) -> None:
        from assistant.worker import PipelineFailed

        assert isinstance(failed, PipelineFailed)
        if failed.error is not None:
            self._on_pipeline_error(failed.error)
        else:
            self.notice.emit(Notice(f"Something went wrong while loading the language model: "
                                    f"{failed.text}", NoticeKind.ERROR, failed.details))

    # -- opening and analysing -----------------------------------------------------------

    def open_path(self, path: str | Path) -> Request:
        """Load and analyse a file or URL in the background; earlier opens become stale (a load
        still under way is told to stop, and never holds up this one)."""
        name = str(path)
        section = self.resume_section(source_key(name))
        if self.analyser is not None:
            from assistant.worker import Source

            return self._open_in_worker(Source(path=name), section)
        return self._open(lambda cancel: self._service.load_article(name, cancel), name, section)

    def open_text(self, text: str) -> Request:
        if self.analyser is not None:
            from assistant.worker import Source

            return self._open_in_worker(Source(text=text))
        return self._open(lambda _cancel: self._service.article_from_text(text), None)

    def _open_in_worker(self, source: Source, section: int = 0) -> Request:
        """Ask the worker to load `source` and analyse its section `section`; the job it had
        under way stops."""
        assert self.analyser is not None
        self._stop_loading()
        request = self.runner.request(ARTICLE)
        self.runner.cancel(ENRICH)
        shown = message_text(source.name, 80)
        self._loading = (request, threading.Event(), shown)
        self.loading.emit(f"Opening {shown}…" if source.path else "Reading the pasted text…")
        self._analyse_in_worker(request, source, section)
        return request

    def _analyse_in_worker(self, request: Request, source: Source, section: int) -> None:
        from assistant.worker import Open

        assert self.analyser is not None
        analyser = self.analyser
        self._assembly = None
        self._set_job((request, source, section))

        def send() -> None:  # with the learner's statuses: once the store is open
            if self._job is None or self._job[0] != request:
                return  # stopped, or another article asked for meanwhile
            view = self.learner_view()
            self._job_marking = Marking(self._level, view)
            analyser.open(Open(request.number, source, self._level, view,
                               section if source.article is None else 0))

        self.when_learner_open(send, None)

    def _on_reply(self, reply: Reply) -> None:
        """A message of the worker's job: one that is not the latest job's is stale, dropped."""
        from assistant.streaming import ReadingAssembly
        from assistant.worker import (
            ArticleLoaded,
            JobEnded,
            JobFailed,
            NotesEnriched,
            PartReady,
            ReadingDone,
            Waiting,
        )

        job = self._job
        if isinstance(reply, NotesEnriched):
            if reply.job == self._enrich_job:
                self._on_enriched(reply.notes)
            return
        if job is None or getattr(reply, "job", None) != job[0].number:
            log.debug("dropping stale reply %s", type(reply).__name__)
            return
        request, source, section = job
        if isinstance(reply, ArticleLoaded | JobFailed | JobEnded):
            self._loaded(request)
        if isinstance(reply, ArticleLoaded):
            if source.article is None:  # a newly opened article, not the next section
                self._on_article(request, reply.article, source.path, analyse=False,
                                 section=section)
            info = self.analyser.pipeline_info if self.analyser is not None else None
            assert self._article is not None
            self._assembly = ReadingAssembly(self._article, info or _UNKNOWN_MODEL, self._level)
        elif isinstance(reply, Waiting):
            self._waiting_said = True
            self.status.emit(f"Waiting for {reply.what}…")
            return
        if self._waiting_said:  # the wait is over: the message must not outlive it
            self._waiting_said = False
            self.status.emit("")
        if isinstance(reply, PartReady) and self._assembly is not None:
            try:
                self._assembly.add(reply.part)
            except ValueError as error:
                self._analyse_again(request, error)
                return
            self.reading_progress.emit(self._assembly.reading())
        elif isinstance(reply, ReadingDone) and self._assembly is not None:
            try:
                reading = self._assembly.finish(reply.end)
            except ValueError as error:
                self._analyse_again(request, error)
                return
            self._assembly = None
            marked_by = self._job_marking or self.marking
            self._on_reading(reading, marked_by.level, marked_by.view)
        elif isinstance(reply, JobFailed):
            if self._pipeline_error is not None and reply.doing == ANALYSING:
                pass  # no model: already said when the article was shown
            elif reply.error is not None:
                self.report_error(reply.error, reply.doing)
            else:
                self.notice.emit(Notice(f"Something went wrong while {reply.doing}: "
                                        f"{reply.text}. The app keeps running; see the details.",
                                        NoticeKind.ERROR, reply.details))
        elif isinstance(reply, JobEnded):
            self._set_job(None)

    def _analyse_again(self, request: Request, error: ValueError) -> None:
        """The job's parts do not fit together: said on one line, and the part shown analysed
        again by a new job; a second time for the same part, said, and left unmarked."""
        from assistant.worker import Source

        assert self.analyser is not None
        log.warning("the streamed reading does not fit together: %s", error)
        self._assembly = None
        article = self._article
        if article is None or article is self._analysed_again:
            self.analyser.cancel(request.number)
            self._set_job(None)
            self.notice.emit(Notice(STILL_OUT_OF_ORDER, NoticeKind.ERROR, str(error)))
            return
        self._analysed_again = article
        self.notice.emit(Notice(OUT_OF_ORDER, NoticeKind.WARNING, str(error)))
        self._analyse_in_worker(self.runner.request(ARTICLE), Source(article=article),
                                self._section)

    def _on_worker_lost(self, text: str) -> None:
        """The worker died: said in the message bar; the article under way is opened again."""
        self.notice.emit(Notice(text, NoticeKind.WARNING))
        job = self._job
        self._set_job(None)
        if job is not None and self.analyser is not None and self.analyser.available:
            _request, source, section = job
            if source.article is not None:  # a section of the open article: again, as it was
                self._analyse_in_worker(self.runner.request(ARTICLE), source, section)
            else:
                self._open_in_worker(source, section)

    def _open(self, load: Callable[[CancelCheck], Article], source: str | None,
              section: int = 0) -> Request:
        shown = (message_text(source if "://" in source else Path(source).name, 80)
                 if source else "")
        doing = f"opening {shown}" if source else "reading pasted text"
        self._stop_loading()
        request = self.runner.request(ARTICLE)
        cancel = threading.Event()
        self._loading = (request, cancel, shown or "the pasted text")
        self.loading.emit(f"Opening {shown}…" if source else "Reading the pasted text…")

        def loaded(article: Article) -> None:
            self._loaded(request)
            self._on_article(request, article, source, section=section)

        def failed(error: BaseException) -> None:
            self._loaded(request)
            if not isinstance(error, Cancelled):
                self.report_error(error, doing)

        self.runner.run(request, lambda: load(cancel), loaded, failed, lane="open")
        return request

    @property
    def loading_what(self) -> str:
        """The name of the file, page or text being opened; "" when nothing is."""
        return self._loading[2] if self._loading is not None else ""

    def cancel_loading(self) -> None:
        """Stop the open under way (the learner pressed Cancel): its result never shows, the
        article on screen stays."""
        what = self.loading_what
        if not what:
            return
        self._stop_loading()
        self.runner.cancel(ARTICLE)
        if self.analyser is not None and self._job is not None:
            self.analyser.cancel(self._job[0].number)
            self._set_job(None)
        self.loading.emit("")
        self.status.emit(f"Stopped opening {what}.")

    def _stop_loading(self) -> None:
        if self._loading is not None:
            self._loading[1].set()
            self._loading = None

    def _loaded(self, request: Request) -> None:
        if self._loading is not None and self._loading[0] == request:
            self._loading = None
            self.loading.emit("")

    def _on_article(self, request: Request, article: Article, source: str | None,
                    analyse: bool = True, section: int = 0) -> None:
        """A newly opened article: its section `section` (as the worker chose it) is shown."""
        if source is not None:
            self.source_opened.emit(source_key(source))
        self._whole = article
        self._sections = split_sections(article)
        self._show_section(request, chosen_section(self._sections, section).index, analyse)

    def _show_section(self, request: Request, index: int, analyse: bool) -> None:
        assert self._whole is not None
        self._section = index
        article = section_article(self._whole, self._sections[index], len(self._sections))
        self._article = article
        self._reading = None
        self._opened = set()
        self.article_shown.emit(article)
        if self._pipeline_error is not None:
            self.notes_hint.emit(NO_MODEL_HINT)
            self.report_error(self._pipeline_error)
            return
        self.notices_cleared.emit()
        self.notes_hint.emit(ANALYSING_HINT)
        if analyse:
            self._analyse(request, article)

    def _analyse(self, request: Request, article: Article) -> None:
        """The one place the slow analysis is asked for (part of the request that opened it),
        with the learner's statuses: once the store is open."""
        self.when_learner_open(lambda: self._analyse_now(request, article), None)

    def _analyse_now(self, request: Request, article: Article) -> None:
        if not self.runner.is_current(request):
            return  # another article asked for while the store opened
        level, view = self._level, self.learner_view()
        self.runner.run(
            request,
            lambda: self._service.read(article, level, view),
            lambda reading: self._on_reading(reading, level, view),
            lambda error: self.report_error(error, "analysing the article"),
            lane="nlp",
        )

    def _on_reading(self, reading: Reading, level: Level, view: LearnerView) -> None:
        self._reading = reading
        marking = self.marking
        if marking == Marking(level, view) and reading.analysed.level is level:
            self._marked = (reading, marking, reading)  # marked as now: no token judged again
        marked = self.reading  # the level and statuses of now, not of when it was asked
        assert marked is not None
        self.analysis_finished.emit(marked)
        if reading.analysed.language != DUTCH:
            self.notice.emit(foreign_article_notice(reading.analysed.language))
        self._covered(marked, record=True)
        self._enrich(reading)

    def _covered(self, reading: Reading, record: bool = False) -> None:
        """Coverage of the reading shown, said to the status bar (counted in slices on the UI
        thread); the first reading of an opened article goes into the history."""
        view = self.learner_view()

        def counted(covered: Coverage) -> None:
            self.coverage_changed.emit(covered)
            if record and self._recorded is not reading.analysed.article:
                self._recorded = reading.analysed.article
                self.when_learner_open(lambda: self._record_reading(reading, covered), None)

        self.runner.run_sliced(COVERAGE, lambda: coverage_steps(reading.analysed, view),
                               counted, lambda error: log.warning("coverage failed: %s", error))

    def _record_reading(self, reading: Reading, covered: Coverage) -> None:
        try:
            self._learner.record_reading(reading.analysed, covered)
        except AssistantError as error:
            log.warning("reading history not saved: %s", error.message)

    def _enrich(self, reading: Reading) -> None:
        notes = reading.notes
        if not notes:
            return
        if self.analyser is not None and self._job is not None:
            self._enrich_job = self._job[0].number
            self.analyser.enrich(self._enrich_job, notes)
            return
        service = self._service

        def job() -> tuple[Note, ...]:
            return tuple(service.enrich(note) for note in notes)

        def done(enriched: tuple[Note, ...]) -> None:
            current = self._reading
            if current is None or current.notes is not notes:
                return
            self._on_enriched(enriched)

        def failed(error: BaseException) -> None:
            log.warning("enrichment failed: %s", error)

        self.runner.run(ENRICH, job, done, failed, lane="net")

    def _on_enriched(self, enriched: tuple[Note, ...]) -> None:
        """Notes with online background: kept when they are the open reading's notes."""
        current = self._reading
        if current is None or enriched == current.notes or (
                [n.key for n in enriched] != [n.key for n in current.notes]):
            return
        self._reading = dataclasses.replace(current, notes=enriched)
        self.notes_enriched.emit(self.reading)

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
        verb = "marked as known" if known else "will be marked again"
        self.set_status(lemma, Status.KNOWN if known else Status.NEW, f"“{lemma}” {verb}.")

    def set_status(self, lemma: str, status: Status, confirmation: str | None = None) -> None:
        """Give a lemma a status (new, learning 1–4, known, ignored) and re-mark the text."""
        self.when_learner_open(lambda: self._set_status(lemma, status, confirmation), None)

    def _set_status(self, lemma: str, status: Status, confirmation: str | None) -> None:
        try:
            self._learner.set_status(lemma, status)
        except AssistantError as error:
            self.report_error(error)
            return
        if not self._reload_view():
            return
        self._remark()
        if confirmation is None:
            described = {Status.NEW: "will be marked again", Status.KNOWN: "marked as known",
                         Status.IGNORED: "ignored"}.get(status)
            if described is None:
                described = f"marked as learning, step {status.step}"
            confirmation = f"“{lemma}” {described}."
        self.status.emit(confirmation)

    def mark_rest_known(self) -> int:
        """Finishing the article: every hard word not marked and not opened becomes known (one
        action, undone by `undo`); returns how many (0 while the store opens: it follows)."""
        return self.when_learner_open(self._mark_rest_known, 0)

    def _mark_rest_known(self) -> int:
        if self._reading is None:
            return 0
        try:
            action = self._learner.mark_rest_known(self._reading.analysed, self._opened)
        except AssistantError as error:
            self.report_error(error)
            return 0
        count = len(action.changes) if action is not None else 0
        if action is not None and self._reload_view():
            self._remark()
        self.status.emit(f"{count} words marked as known (Edit → Undo brings them back)."
                         if count else "No unmarked hard words left to mark as known.")
        return count

    def undo(self) -> None:
        """Undo the last status change (one word, mark-the-rest or an import)."""
        self.when_learner_open(self._undo, None)

    def _undo(self) -> None:
        try:
            action = self._learner.undo()
        except AssistantError as error:
            self.report_error(error)
            return
        if action is None:
            self.status.emit("Nothing to undo.")
            return
        if self._reload_view():
            self._remark()
        what = {"mark-rest": "Marking the rest as known", "import": "The import"}.get(
            action.kind, "The last change")
        self.status.emit(f"{what} was undone ({len(action.changes)} words).")

    def word_opened(self, token_index: int) -> None:
        """The learner opened a word's card: remembered (in the background); a word opened
        again and again while marked known is offered back as a word to learn."""
        reading = self._reading
        if reading is None or not 0 <= token_index < len(reading.analysed.tokens):
            return
        if is_foreign_word(reading.analysed.tokens[token_index]):
            return  # its card only names the language
        lemma = self._lemma_at(reading, token_index)
        self._opened.add(lemma)
        learner = self._learner

        def offered(offer: bool) -> None:
            if offer:
                self.notice.emit(Notice(
                    f"You opened “{lemma}” three times although it is marked as known: "
                    "press 1 on it to learn it again.", NoticeKind.INFO))

        # A key of its own per lookup: a newer one must not make this one stale (skipped).
        key = f"{LOOKUP}-{next(self._lookups)}"
        self.when_learner_open(lambda: self.runner.run(
            key, lambda: learner.record_lookup(lemma), offered,
            lambda error: log.warning("lookup not saved: %s", error), lane="load"), None)

    @staticmethod
    def _lemma_at(reading: Reading, token_index: int) -> str:
        analysed = reading.analysed
        token = analysed.tokens[token_index]
        if token.phrase is not None:
            return analysed.phrases[token.phrase].lemma
        return token.lemma or token.text.lower()

    # -- saved words, import -------------------------------------------------------------

    def save_word(self, token_index: int) -> SavedWord | None:
        """Save the word at `token_index` with its sentence, gloss and article (None while the
        store opens: it is saved once it is)."""
        reading = self._reading
        return self.when_learner_open(lambda: self._save_word(reading, token_index), None)

    def _save_word(self, reading: Reading | None, token_index: int) -> SavedWord | None:
        if reading is None or not 0 <= token_index < len(reading.analysed.tokens):
            return None
        try:
            card = self._service.gloss(reading, token_index)
            word = self._learner.save_word(word_from_reading(reading, token_index, card))
        except AssistantError as error:
            self.report_error(error)
            return None
        self.saved_changed.emit()
        self.status.emit(f"“{word.lemma}” saved to your vocabulary.")
        return word

    def history(self) -> list[ReadingRecord]:
        """Every reading of an article, oldest first (empty when the store cannot be read, or
        while it opens: `learner_ready` follows)."""
        if not self._open_for_lists():
            return []
        try:
            return self._learner.history()
        except AssistantError as error:
            self.report_error(error)
            return []

    def saved_words(self) -> list[SavedWord]:
        """The saved words (none while the store opens: `learner_ready` follows)."""
        if not self._open_for_lists():
            return []
        try:
            return self._learner.saved_words()
        except AssistantError as error:
            self.report_error(error)
            return []

    def _open_for_lists(self) -> bool:
        self.open_learner()
        return self._learner_open

    def edit_gloss(self, lemma: str, gloss: str) -> None:
        self.when_learner_open(lambda: self._edit_gloss(lemma, gloss), None)

    def _edit_gloss(self, lemma: str, gloss: str) -> None:
        try:
            self._learner.edit_gloss(lemma, gloss)
        except AssistantError as error:
            self.report_error(error)
            return
        self.saved_changed.emit()

    def delete_saved(self, lemma: str) -> None:
        self.when_learner_open(lambda: self._delete_saved(lemma), None)

    def _delete_saved(self, lemma: str) -> None:
        try:
            self._learner.delete_saved(lemma)
        except AssistantError as error:
            self.report_error(error)
            return
        self.saved_changed.emit()

    def preview_import(self, path: str | Path) -> None:
        """Read a word list in the background; `import_previewed` says what it would do."""
        learner, file, headword = self._learner, Path(path), self._service.is_headword
        request = self.runner.request(IMPORT)
        self.when_learner_open(lambda: self.runner.run(
            request, lambda: learner.preview_import(file, headword), self.import_previewed.emit,
            lambda error: self.report_error(error, f"reading {file.name}"), lane="load"), None)

    def apply_import(self, preview: ImportPreview) -> int:
        """Mark the preview's new lemmas known (one action) and re-mark the text."""
        return self.when_learner_open(lambda: self._apply_import(preview), 0)

    def _apply_import(self, preview: ImportPreview) -> int:
        try:
            count = self._learner.apply_import(preview)
        except AssistantError as error:
            self.report_error(error)
            return 0
        if self._reload_view():
            self._remark()
        self.status.emit(f"{count} new words marked as known from {Path(preview.path).name}.")
        return count

    def _remark(self) -> None:
        self._marking = None
        marking, view, reading = self.marking, self.learner_view(), self._reading
        self.marks_changed.emit(marking)
        if reading is not None:
            # Every token judged again: in slices on the UI thread (a long article takes a
            # second), and a newer change makes this one's result stale.
            self.runner.run_sliced(COVERAGE, lambda: coverage_steps(reading.analysed, view,
                                                                    marking),
                                   self.coverage_changed.emit,
                                   lambda error: log.warning("coverage failed: %s", error))

    def send_to_anki(self) -> None:
        """Send the saved words to a running Anki (AnkiConnect), in the background."""
        self.when_learner_open(self._send_to_anki, None)

    def _send_to_anki(self) -> None:
        from assistant.learner.exporting import AnkiConnect, SendResult

        words = self.saved_words()

        def sent(result: SendResult) -> None:
            self.status.emit(f"Anki: {result.added} notes added, {result.updated} updated.")

        self.runner.run(self.runner.request(ANKI), lambda: AnkiConnect().send(words), sent,
                        lambda error: self.report_error(error, "sending words to Anki"),
                        lane="net")

    # -- end -----------------------------------------------------------------------------

    def shut_down(self) -> None:
        """Stop background work and close the learner's store; safe to repeat."""
        if self.runner.closed:
            return
        self._stop_loading()
        self._finish_waiting_for_learner()
        self.runner.shutdown()
        if self.analyser is not None:
            self.analyser.shutdown()
        self._set_job(None)
        self._learner.close()
