"""The worker's jobs, run in process: what each says and in what order, how it fails, how it
stops; the model gate."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from assistant.errors import ArticleError, CancelCheck, PipelineMissingError, raise_if_cancelled
from assistant.learner.statuses import LearnerView
from assistant.models import (
    Article,
    Block,
    BlockKind,
    Category,
    Level,
    Note,
    PipelineInfo,
    ReadingEnd,
    ReadingPart,
)
from assistant.reading import loading
from assistant.reading.sections import SECTION_CHARS, section_article, split_sections
from assistant.worker import (
    WAITING_FOR_MODEL,
    ArticleLoaded,
    Enrich,
    JobEnded,
    JobFailed,
    NotesEnriched,
    Open,
    PartReady,
    PipelineFailed,
    PipelineGate,
    PipelineReady,
    ReadingDone,
    Reply,
    Source,
    Waiting,
    enrich_notes,
    run_job,
)

INFO = PipelineInfo("fake", "1")
TEXT = "Een.\n\nTwee.\n\nDrie."


class FakeCore:
    """Three one-block parts and an end; 'missing.txt' is not there; `fail` breaks the stream."""

    def __init__(self) -> None:
        self.fail: BaseException | None = None
        self.pipeline_error: BaseException | None = None
        self.streamed: list[tuple[Level, LearnerView]] = []
        self.streamed_texts: list[str] = []

    def load_pipeline(self) -> PipelineInfo:
        if self.pipeline_error is not None:
            raise self.pipeline_error
        return INFO

    def load_article(self, path: str, cancel: CancelCheck | None = None) -> Article:
        if path == "missing.txt":
            raise ArticleError("The file missing.txt does not exist.")
        return self.article_from_text(TEXT)

    def article_from_text(self, text: str) -> Article:
        if len(text) > SECTION_CHARS:
            return loading.article_from_text(text)
        return Article(text, (Block(BlockKind.PARAGRAPH, 0, 4), Block(BlockKind.PARAGRAPH, 6, 11),
                              Block(BlockKind.PARAGRAPH, 13, 18)))

    def stream(self, article: Article, level: Level, learner: LearnerView,
               cancel: CancelCheck | None) -> Iterator[ReadingPart | ReadingEnd]:
        self.streamed.append((level, learner))
        self.streamed_texts.append(article.text)
        for block in range(3):
            raise_if_cancelled(cancel)
            if self.fail is not None and block == 1:
                raise self.fail
            yield ReadingPart(block, block + 1, (), (), (), ())
        yield ReadingEnd((), (), (), ())

    def enrich(self, note: Note) -> Note:
        return note

    def set_online(self, enabled: bool) -> None:
        pass


def _open(job: int = 1, path: str | None = "artikel.txt", text: str | None = None) -> Open:
    return Open(job, Source(path, text), Level.B2, LearnerView(known=frozenset({"een"})))


def _ready_gate(core: FakeCore) -> PipelineGate:
    gate = PipelineGate(core.load_pipeline)
    gate.load()
    return gate


def _kinds(replies: list[Reply]) -> list[str]:
    return [type(reply).__name__ for reply in replies]


def test_a_job_says_the_article_then_each_part_then_the_end() -> None:
    core = FakeCore()
    replies = list(run_job(core, _open(), _ready_gate(core), None))
    assert _kinds(replies) == ["ArticleLoaded", "PartReady", "PartReady", "PartReady",
                               "ReadingDone", "JobEnded"]
    assert all(getattr(reply, "job", None) == 1 for reply in replies)
    loaded = replies[0]
    assert isinstance(loaded, ArticleLoaded) and loaded.article.text == TEXT
    assert [r.part.first_block for r in replies if isinstance(r, PartReady)] == [0, 1, 2]
    assert replies[-1] == JobEnded(1, cancelled=False)
    assert core.streamed == [(Level.B2, LearnerView(known=frozenset({"een"})))]


def test_pasted_text_is_an_article_too() -> None:
    core = FakeCore()
    replies = list(run_job(core, _open(path=None, text=TEXT), _ready_gate(core), None))
    assert isinstance(replies[0], ArticleLoaded) and replies[-1] == JobEnded(1, False)
    assert Source(text=TEXT).name == "pasted text"
    assert Source("/tmp/a/artikel.txt").name == "artikel.txt"
    assert Source("https://nos.nl/x").name == "https://nos.nl/x"


def test_a_file_that_cannot_be_read_fails_the_job_with_its_message() -> None:
    core = FakeCore()
    replies = list(run_job(core, _open(path="missing.txt"), _ready_gate(core), None))
    assert _kinds(replies) == ["JobFailed", "JobEnded"]
    failed = replies[0]
    assert isinstance(failed, JobFailed)
    assert failed.doing == "opening missing.txt"
    assert isinstance(failed.error, ArticleError) and failed.text == failed.error.message
    assert core.streamed == []


def test_an_unexpected_error_is_told_with_its_traceback() -> None:
    core = FakeCore()
    core.fail = RuntimeError("boom")
    replies = list(run_job(core, _open(), _ready_gate(core), None))
    assert _kinds(replies) == ["ArticleLoaded", "PartReady", "JobFailed", "JobEnded"]
    failed = replies[2]
    assert isinstance(failed, JobFailed) and failed.error is None
    assert failed.doing == "analysing the article"
    assert failed.text == "RuntimeError: boom" and "Traceback" in failed.details


def test_without_a_model_the_article_still_opens() -> None:
    core = FakeCore()
    core.pipeline_error = PipelineMissingError("No Dutch model.")
    gate = PipelineGate(core.load_pipeline)
    said = gate.load()
    assert isinstance(said, PipelineFailed) and isinstance(said.error, PipelineMissingError)
    replies = list(run_job(core, _open(), gate, None))
    assert _kinds(replies) == ["ArticleLoaded", "JobFailed", "JobEnded"]
    failed = replies[1]
    assert isinstance(failed, JobFailed) and isinstance(failed.error, PipelineMissingError)


@pytest.mark.parametrize("after", [0, 1, 3])
def test_a_cancelled_job_stops_and_says_so(after: int) -> None:
    core = FakeCore()
    cancel = threading.Event()
    replies = run_job(core, _open(), _ready_gate(core), cancel)
    seen = [next(replies) for _ in range(after)]
    cancel.set()
    rest = list(replies)
    assert rest == [JobEnded(1, cancelled=True)]
    assert not any(isinstance(r, ReadingDone) for r in seen)


def test_a_job_waits_for_the_model_and_says_so() -> None:
    core = FakeCore()
    release = threading.Event()

    def slow_load() -> PipelineInfo:
        release.wait(30)
        return INFO

    gate = PipelineGate(slow_load)
    loader = threading.Thread(target=gate.load)
    loader.start()
    try:
        replies = run_job(core, _open(), gate, None)
        assert isinstance(next(replies), ArticleLoaded)
        assert next(replies) == Waiting(1, WAITING_FOR_MODEL)
        release.set()
        assert _kinds(list(replies)) == ["PartReady"] * 3 + ["ReadingDone", "JobEnded"]
    finally:
        release.set()
        loader.join()
    assert gate.ready and gate.load() == PipelineReady(INFO)


def test_a_wait_for_the_model_can_be_cancelled() -> None:
    release, cancel = threading.Event(), threading.Event()
    gate = PipelineGate(lambda: (release.wait(30), INFO)[1])
    loader = threading.Thread(target=gate.load)
    loader.start()
    try:
        replies = run_job(FakeCore(), _open(), gate, cancel)
        next(replies), next(replies)  # the article, then the wait
        cancel.set()
        assert list(replies) == [JobEnded(1, cancelled=True)]
    finally:
        release.set()
        loader.join()


def test_enrichment_gives_the_notes_back_for_their_job() -> None:
    note = Note("utrecht", "Utrecht", Category.PLACE, ())
    assert enrich_notes(FakeCore(), Enrich(7, (note,))) == NotesEnriched(7, (note,))


PARAGRAPHS = [f"Alinea {n}. " + "De brug blijft open. " * 1_500 for n in range(4)]
LONG = "\n\n".join(p.strip() for p in PARAGRAPHS)


@pytest.mark.parametrize(("section", "analysed"), [(0, 0), (2, 2), (3, 3), (99, 3), (-1, 0)])
def test_a_long_article_is_loaded_whole_and_only_its_chosen_section_is_analysed(
    section: int, analysed: int
) -> None:
    core = FakeCore()
    request = Open(1, Source(text=LONG), Level.B1, LearnerView(), section)
    replies = list(run_job(core, request, _ready_gate(core), None))
    loaded = replies[0]
    assert isinstance(loaded, ArticleLoaded) and loaded.article.text == LONG
    assert _kinds(replies)[-2:] == ["ReadingDone", "JobEnded"]
    assert core.streamed_texts == [PARAGRAPHS[analysed].strip()]


def test_a_section_sent_back_is_analysed_as_it_is() -> None:
    core = FakeCore()
    whole = loading.article_from_text(LONG)
    sections = split_sections(whole)
    part = section_article(whole, sections[1], len(sections))
    replies = list(run_job(core, Open(2, Source(article=part), Level.A2, LearnerView()),
                           _ready_gate(core), None))
    assert replies[0] == ArticleLoaded(2, part)
    assert core.streamed_texts == [part.text] and len(part.text) <= SECTION_CHARS
