"""Which worker replies reach the session's reading: the latest job's; a stale job's never."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QApplication
from ui_helpers import MemoryLearner

from assistant.errors import AssistantError
from assistant.learner.statuses import LearnerView
from assistant.models import Article, Block, BlockKind, Level, PipelineInfo, Reading, ReadingPart
from assistant.reading.sections import SECTION_CHARS
from assistant.service import ReadingAssistant
from assistant.worker import (
    WAITING_FOR_MODEL,
    ArticleLoaded,
    JobEnded,
    JobFailed,
    NotesEnriched,
    Open,
    PartReady,
    PipelineReady,
    ReadingDone,
    Reply,
    Source,
    Waiting,
    WorkerConfig,
)
from ui.analyser import LocalAnalyser, ProcessAnalyser
from ui.notices import Notice, NoticeKind
from ui.session import ANALYSING, OUT_OF_ORDER, STILL_OUT_OF_ORDER, ReadingSession
from ui.tasks import SyncTaskRunner

PARAGRAPH = ("Op 3 mei sprak minister Jansen in Amsterdam over de nieuwe plannen voor het "
             "onderwijs. De Tweede Kamer wil dat scholen meer geld krijgen.")
# Two streamed parts (the second from block 22 on), in one section; notes for Amsterdam.
TWO_PARTS = "\n\n".join([PARAGRAPH] * 40)
SHORT = "Het nieuwe artikel is kort. Het gaat over Utrecht."
# Two sections: the first a whole section long, the second streamed in two parts.
TWO_SECTIONS = "\n\n".join([PARAGRAPH] * (SECTION_CHARS // len(PARAGRAPH) + 40))
SIGNALS = ("article_shown", "reading_progress", "analysis_finished", "notice", "status",
           "loading", "busy_changed", "notes_enriched", "notes_hint", "notices_cleared",
           "source_opened", "coverage_changed")


class Seen:
    """What the session said, in order."""

    def __init__(self, session: ReadingSession) -> None:
        self.events: list[tuple[str, object]] = []
        for name in SIGNALS:
            getattr(session, name).connect(lambda value=None, n=name: self.events.append(
                (n, value)))

    def of(self, name: str) -> list[object]:
        return [value for n, value in self.events if n == name]


@pytest.fixture(scope="module")
def stream(qapp: QApplication, service: ReadingAssistant) -> list[Reply]:
    """Every message of a job (number 0) over TWO_PARTS, as the worker sends them."""
    replies: list[Reply] = []
    collector = LocalAnalyser(service)
    collector.replied.connect(replies.append)
    collector.open(Open(0, Source(text=TWO_PARTS), Level.B1, LearnerView()))
    parts = [r.part for r in replies if isinstance(r, PartReady)]
    assert [type(r) for r in replies] == [ArticleLoaded, PartReady, PartReady, ReadingDone,
                                          JobEnded]
    assert parts[0].first_block == 0 and parts[1].first_block > 0
    return replies


def _first(replies: list[Reply], kind: type) -> Reply:
    return next(r for r in replies if isinstance(r, kind))


def _later_part(replies: list[Reply]) -> Reply:
    return next(r for r in replies if isinstance(r, PartReady) and r.part.first_block > 0)


# Every kind of message a job sends, taken from (or made like) the stream's.
REPLIES: list[tuple[str, Callable[[list[Reply]], Reply]]] = [
    ("its article", lambda s: _first(s, ArticleLoaded)),
    ("waiting for the model", lambda _s: Waiting(0, WAITING_FOR_MODEL)),
    ("its first part", lambda s: _first(s, PartReady)),
    # The report's shape: a part from block 22 on at an assembly just started at block 0.
    ("a later part", _later_part),
    ("its end", lambda s: _first(s, ReadingDone)),
    ("an unexpected failure", lambda _s: JobFailed(0, ANALYSING, None, "ValueError: boom",
                                                   "Traceback …")),
    ("a core error", lambda _s: JobFailed(0, "opening weg.txt", AssistantError("Weg."),
                                          "Weg.")),
    ("its last message", lambda s: _first(s, JobEnded)),
]


def _numbered(reply: Reply, job: int) -> Reply:
    return dataclasses.replace(reply, job=job)


@dataclass
class Case:
    """A session over a manual analyser, and the jobs a setup left stale and current."""

    session: ReadingSession
    analyser: LocalAnalyser
    stale: int = 0
    current: int | None = None  # the job under way


@pytest.fixture
def case(qapp: QApplication, service: ReadingAssistant) -> Iterator[Case]:
    analyser = LocalAnalyser(service, manual=True)
    session = ReadingSession(service, MemoryLearner(), SyncTaskRunner(), analyser=analyser)
    session.load_pipeline()
    yield Case(session, analyser)
    session.shut_down()


def _step_to(analyser: LocalAnalyser, job: int, kind: type) -> None:
    while not isinstance(analyser.step(job), kind):
        pass


def _newer_article(case: Case) -> None:
    """A long article half streamed, another opened and its first message taken: the
    assembly starts again at block 0 while the first article's parts are still on their way."""
    old = case.session.open_text(TWO_PARTS)
    _step_to(case.analyser, old.number, PartReady)
    new = case.session.open_text(SHORT)
    _step_to(case.analyser, new.number, ArticleLoaded)  # the assembly at block 0
    case.stale, case.current = old.number, new.number


def _another_section(case: Case) -> None:
    """The first part of a long text half streamed, then the next part asked for (Ctrl+PgDown)
    and half streamed too."""
    first = case.session.open_text(TWO_SECTIONS)
    _step_to(case.analyser, first.number, PartReady)
    assert len(case.session.sections) == 2 and case.session.next_section()
    second = case.analyser.waiting[-1]
    _step_to(case.analyser, second, PartReady)
    case.stale, case.current = first.number, second


def _cancelled(case: Case) -> None:
    """An article being opened, and the learner pressed Cancel."""
    old = case.session.open_text(TWO_PARTS)
    case.session.cancel_loading()
    case.stale = old.number


def _worker_lost(case: Case) -> None:
    """A long article half streamed when the worker died: the article is asked for again (a
    new job) and half streamed again; the dead worker's last messages still come."""
    old = case.session.open_text(TWO_PARTS)
    _step_to(case.analyser, old.number, PartReady)
    case.analyser.worker_lost.emit("The part of Leeswijzer that analyses articles stopped.")
    again = case.analyser.waiting[-1]
    assert again != old.number
    _step_to(case.analyser, again, PartReady)
    case.stale, case.current = old.number, again


def _ended(case: Case) -> None:
    """An article read to its end; a message of its job comes after all."""
    done = case.session.open_text(SHORT)
    case.analyser.run_all()
    assert case.session.reading is not None and not case.session.busy
    case.stale = done.number


STALE: list[tuple[str, Callable[[Case], None]]] = [
    ("a newer article", _newer_article),
    ("another part of the text", _another_section),
    ("cancelled by the learner", _cancelled),
    ("before the worker was lost", _worker_lost),
    ("after its end", _ended),
]


def _state(session: ReadingSession) -> tuple[object, ...]:
    return (session.article, session.whole_article, session.sections, session.section_index,
            session.reading, session.busy, session.loading_what)


@pytest.mark.parametrize("reply", [pick for _name, pick in REPLIES],
                         ids=[name for name, _pick in REPLIES])
@pytest.mark.parametrize("setup", [setup for _name, setup in STALE],
                         ids=[name for name, _setup in STALE])
def test_a_stale_jobs_message_is_dropped_and_the_current_job_goes_on(
    case: Case, stream: list[Reply], setup: Callable[[Case], None],
    reply: Callable[[list[Reply]], Reply],
) -> None:
    setup(case)
    session, analyser = case.session, case.analyser
    seen, before = Seen(session), _state(session)
    analyser.replied.emit(_numbered(reply(stream), case.stale))  # never raises
    assert seen.events == [] and _state(session) == before
    if case.current is None:
        return
    # The current job's next part still follows on, and its reading is its own.
    _step_to(analyser, case.current, PartReady)
    progress = seen.of("reading_progress")
    assert len(progress) == 1 and isinstance(progress[0], Reading)
    assert progress[0].analysed.article is session.article
    analyser.run_all()
    finished = seen.of("analysis_finished")
    assert len(finished) == 1 and isinstance(finished[0], Reading)
    assert finished[0].analysed.article is session.article and not session.busy


# -- the current job's messages are taken -----------------------------------------------------

TAKEN: list[tuple[str, int, type, str]] = [
    # (what, how many messages before it, its kind, what the session says of it)
    ("its article", 0, ArticleLoaded, "article_shown"),
    ("its first part", 1, PartReady, "reading_progress"),
    ("a later part", 2, PartReady, "reading_progress"),
    ("its end", 3, ReadingDone, "analysis_finished"),
    ("its last message", 4, JobEnded, "busy_changed"),
]


@pytest.mark.parametrize(("before", "kind", "said"), [row[1:] for row in TAKEN],
                         ids=[row[0] for row in TAKEN])
def test_each_message_of_the_current_job_is_taken(
    case: Case, before: int, kind: type, said: str
) -> None:
    request = case.session.open_text(TWO_PARTS)
    for _ in range(before):
        case.analyser.step(request.number)
    seen = Seen(case.session)
    assert isinstance(case.analyser.step(request.number), kind)
    assert len(seen.of(said)) == 1


@pytest.mark.parametrize(("reply", "said", "words"), [
    (Waiting(0, WAITING_FOR_MODEL), "status", "Waiting for the Dutch language model"),
    (JobFailed(0, ANALYSING, None, "ValueError: boom", "Traceback …"), "notice", "boom"),
    (JobFailed(0, "opening weg.txt", AssistantError("Weg is het bestand."), "Weg is het"),
     "notice", "Weg is het bestand"),
], ids=["waiting", "an unexpected failure", "a core error"])
def test_a_wait_or_a_failure_of_the_current_job_is_said_on_one_line(
    case: Case, reply: Reply, said: str, words: str
) -> None:
    request = case.session.open_text(TWO_PARTS)
    case.analyser.step(request.number)
    seen = Seen(case.session)
    case.analyser.replied.emit(_numbered(reply, request.number))
    told = seen.of(said)
    assert len(told) == 1
    text = told[0] if isinstance(told[0], str) else getattr(told[0], "text", "")
    assert words in text and "\n" not in text


def test_a_level_changed_while_the_article_streams_keeps_its_job(
    case: Case, service: ReadingAssistant
) -> None:
    request = case.session.open_text(TWO_PARTS)
    _step_to(case.analyser, request.number, PartReady)
    case.session.set_level(Level.C1)
    seen = Seen(case.session)
    case.analyser.run_all()
    finished = seen.of("analysis_finished")
    assert len(finished) == 1 and isinstance(finished[0], Reading)
    expected = service.read(service.article_from_text(TWO_PARTS))
    assert [(t.start, t.lemma) for t in finished[0].analysed.tokens] == [
        (t.start, t.lemma) for t in expected.analysed.tokens]
    assert case.session.marking.level is Level.C1 and not case.session.busy


def test_the_job_asked_again_of_a_new_worker_is_assembled_again_from_its_start(
    case: Case, stream: list[Reply], service: ReadingAssistant
) -> None:
    # A worker that would not stop an older job is ended and the latest job sent again, with its
    # number, to the new one (ProcessAnalyser._on_grace); the old worker's messages are dropped
    # by the analyser, and should some of that job's have been taken, its new ones start over.
    request = case.session.open_text(TWO_PARTS)
    _step_to(case.analyser, request.number, PartReady)
    seen = Seen(case.session)
    for reply in stream:
        case.analyser.replied.emit(_numbered(reply, request.number))
    finished = seen.of("analysis_finished")
    assert len(finished) == 1 and isinstance(finished[0], Reading)
    expected = service.read(service.article_from_text(TWO_PARTS))
    assert [(t.start, t.lemma) for t in finished[0].analysed.tokens] == [
        (t.start, t.lemma) for t in expected.analysed.tokens]
    assert finished[0].notes == expected.notes and not case.session.busy


# -- online background for the notes ----------------------------------------------------------

@pytest.mark.parametrize(("whose", "applied"), [
    ("the reading's job", True),
    ("an older article's job", False),
    ("a job never asked", False),
])
def test_enriched_notes_are_taken_only_for_the_job_of_the_reading(
    case: Case, whose: str, applied: bool
) -> None:
    older = case.session.open_text(TWO_PARTS)
    case.analyser.run_all()
    request = case.session.open_text(TWO_PARTS)  # the same notes: only the job tells them apart
    case.analyser.run_all()
    reading = case.session.reading
    assert reading is not None and reading.notes
    job = {"the reading's job": request.number, "an older article's job": older.number,
           "a job never asked": request.number + 1000}[whose]
    enriched = tuple(dataclasses.replace(note, description="Online.") for note in reading.notes)
    seen = Seen(case.session)
    case.analyser.replied.emit(NotesEnriched(job, enriched))
    after = case.session.reading
    assert after is not None
    assert (after.notes == enriched) is applied
    assert len(seen.of("notes_enriched")) == int(applied)


# -- the analyser: replies of a worker since ended --------------------------------------------

INFO = PipelineInfo("nl_standin_sm", "1")


@pytest.mark.parametrize("reply", [
    ArticleLoaded(7, Article("Kort.", (Block(BlockKind.PARAGRAPH, 0, 5),))),
    PartReady(7, ReadingPart(22, 40, (), (), (), ())),
    JobEnded(7, cancelled=False),
    NotesEnriched(7, ()),
], ids=["its article", "a part", "its last message", "enriched notes"])
@pytest.mark.parametrize(("earlier", "delivered"), [(0, True), (1, False)],
                         ids=["the worker now", "a worker since ended"])
def test_the_analyser_passes_on_only_the_replies_of_the_worker_now(
    qapp: QApplication, reply: Reply, earlier: int, delivered: bool
) -> None:
    analyser = ProcessAnalyser(WorkerConfig())
    try:
        got: list[Reply] = []
        analyser.replied.connect(got.append)
        analyser._received.emit(reply, analyser._generation - earlier)
        assert got == ([reply] if delivered else [])
    finally:
        analyser.shutdown()


def test_the_end_or_model_of_a_worker_since_ended_changes_nothing(qapp: QApplication) -> None:
    analyser = ProcessAnalyser(WorkerConfig())
    try:
        lost: list[str] = []
        analyser.worker_lost.connect(lost.append)
        analyser._received.emit(PipelineReady(INFO), analyser._generation - 1)
        analyser._received.emit(None, analyser._generation - 1)
        assert analyser.pipeline_info is None and lost == [] and analyser.process is None
        analyser._received.emit(PipelineReady(INFO), analyser._generation)
        assert analyser.pipeline_info == INFO  # the worker now: taken
    finally:
        analyser.shutdown()


# -- a reading that does not fit together ------------------------------------------------------

# What would break the current job's assembly, delivered right after its article.
MISFITS: list[tuple[str, Callable[[list[Reply]], list[Reply]]]] = [
    ("a part out of order", lambda s: [_later_part(s)]),
    ("a part given twice", lambda s: [_first(s, PartReady), _first(s, PartReady)]),
    ("an end before every part", lambda s: [_first(s, ReadingDone)]),
]


def _misfit(case: Case, stream: list[Reply], misfit: Callable[[list[Reply]], list[Reply]],
            job: int) -> None:
    _step_to(case.analyser, job, ArticleLoaded)
    for reply in misfit(stream):
        case.analyser.replied.emit(_numbered(reply, job))  # never raises


@pytest.mark.parametrize("misfit", [m for _name, m in MISFITS], ids=[n for n, _m in MISFITS])
def test_a_reading_that_does_not_fit_together_is_said_and_asked_for_again(
    case: Case, stream: list[Reply], service: ReadingAssistant,
    misfit: Callable[[list[Reply]], list[Reply]],
) -> None:
    request = case.session.open_text(TWO_PARTS)
    seen = Seen(case.session)
    _misfit(case, stream, misfit, request.number)
    notices = seen.of("notice")
    assert len(notices) == 1 and isinstance(notices[0], Notice)
    assert notices[0].text == OUT_OF_ORDER and notices[0].kind is NoticeKind.WARNING
    again = case.analyser.waiting[-1]
    assert again != request.number and case.session.busy
    case.analyser.run_all()
    finished = seen.of("analysis_finished")
    assert len(finished) == 1 and isinstance(finished[0], Reading)
    assert finished[0].analysed.article is case.session.article
    expected = service.read(service.article_from_text(TWO_PARTS))
    assert [(t.start, t.lemma) for t in finished[0].analysed.tokens] == [
        (t.start, t.lemma) for t in expected.analysed.tokens]
    assert len(seen.of("notice")) == 1 and not case.session.busy


@pytest.mark.parametrize("misfit", [m for _name, m in MISFITS], ids=[n for n, _m in MISFITS])
def test_a_reading_that_does_not_fit_together_twice_is_not_asked_for_a_third_time(
    case: Case, stream: list[Reply], misfit: Callable[[list[Reply]], list[Reply]],
) -> None:
    request = case.session.open_text(TWO_PARTS)
    _misfit(case, stream, misfit, request.number)
    again = case.analyser.waiting[-1]
    seen = Seen(case.session)
    _misfit(case, stream, misfit, again)
    notices = seen.of("notice")
    assert len(notices) == 1 and isinstance(notices[0], Notice)
    assert notices[0].text == STILL_OUT_OF_ORDER and notices[0].kind is NoticeKind.ERROR
    assert "\n" not in notices[0].text
    assert case.analyser.waiting[-1] == again and not case.session.busy
    shown = len(seen.events)
    case.analyser.run_all()  # what both jobs still had to say: dropped
    assert len(seen.events) == shown and not seen.of("analysis_finished")
    assert case.session.article is not None and case.session.reading is None
