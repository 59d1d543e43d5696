"""The reading session without any widget: opening, analysing, stale results, level, known words,
enrichment and every error path, on a fake service and an in-memory learner store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ui_helpers import FakeService, MemoryLearner, note

from assistant.errors import ArticleError, PipelineMissingError
from assistant.learner.known_words import LearnerStoreError
from assistant.models import Article, Category, Level, Reading
from assistant.reading.loading import article_from_text
from assistant.reading.marking import Marking
from ui.notices import Notice, NoticeKind
from ui.session import (
    ANALYSING_HINT,
    NO_MODEL_HINT,
    ReadingSession,
    source_key,
)
from ui.tasks import ManualTaskRunner, SyncTaskRunner, TaskRunner

SIGNALS = (
    "article_shown", "analysis_finished", "marks_changed", "notes_enriched", "notes_hint",
    "known_changed", "level_changed", "pipeline_ready", "pipeline_failed", "notice",
    "notices_cleared", "status", "source_opened",
)
TEXT = "De gemeente Utrecht maakt een nieuw plan voor de binnenstad."
OTHER = "Amsterdam bouwt een brug over het IJ."
HARD_UP_TO = {"gemeente": Level.B1, "binnenstad": Level.C1, "plan": Level.A1}


class Recorder:
    """Every signal the session emits, in order, with its arguments."""

    def __init__(self, session: ReadingSession) -> None:
        self.events: list[tuple[str, tuple[Any, ...]]] = []
        for name in SIGNALS:
            getattr(session, name).connect(
                lambda *args, name=name: self.events.append((name, args))
            )

    def names(self) -> list[str]:
        return [name for name, _args in self.events]

    def args(self, name: str) -> list[Any]:
        return [args[0] if len(args) == 1 else args for n, args in self.events if n == name]

    def clear(self) -> None:
        self.events.clear()


def make(
    service: FakeService | None = None,
    learner: MemoryLearner | None = None,
    runner: TaskRunner | None = None,
) -> tuple[ReadingSession, FakeService, MemoryLearner, Recorder]:
    service = service or FakeService(HARD_UP_TO)
    learner = learner or MemoryLearner()
    session = ReadingSession(service, learner, runner or SyncTaskRunner())
    if isinstance(runner, ManualTaskRunner):
        # The store open, so that the jobs queued are the ones a test is about (its opening:
        # test_learner_opening.py).
        session.open_learner()
        runner.run_next("load")
    return session, service, learner, Recorder(session)


def hard_words(reading: Reading | None) -> set[str]:
    assert reading is not None
    return {t.text for t in reading.analysed.tokens if t.hard}


def test_opening_text_shows_the_article_then_its_reading() -> None:
    session, service, _learner, recorder = make()
    session.start()
    request = session.open_text(TEXT)
    assert recorder.names() == [  # the learner's store opens at the start, beside the model
        "pipeline_ready", "known_changed", "article_shown", "notices_cleared", "notes_hint",
        "analysis_finished",
    ]
    article = recorder.args("article_shown")[0]
    assert isinstance(article, Article) and article.text == TEXT
    assert recorder.args("notes_hint") == [ANALYSING_HINT]
    assert recorder.args("known_changed") == [frozenset()]
    reading = recorder.args("analysis_finished")[0]
    assert session.article is article
    assert session.reading is reading and reading.analysed.article is article
    assert service.reads == [(TEXT, Level.B1, frozenset())]
    assert hard_words(reading) == {"gemeente", "binnenstad"}  # "plan" is hard at A1 only
    assert session.runner.is_current(request)
    assert not session.busy


def test_the_model_is_asked_for_once() -> None:
    session, service, _learner, recorder = make()
    session.start()
    session.start()
    session.load_pipeline()
    assert service.pipeline_loads == 1
    assert recorder.args("pipeline_ready") == [FakeService.INFO]


def test_a_file_is_remembered_by_its_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "artikel.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    session, _service, _learner, recorder = make()
    session.open_path("artikel.txt")
    assert recorder.args("source_opened") == [str(tmp_path / "artikel.txt")]
    session.open_text(OTHER)
    assert len(recorder.args("source_opened")) == 1  # pasted text is not a source to reopen


@pytest.mark.parametrize(
    ("source", "key"),
    [
        ("https://nos.nl/artikel/1", "https://nos.nl/artikel/1"),
        ("http://example.com/a b", "http://example.com/a b"),
        ("/tmp/../tmp/a.txt", str(Path("/tmp/a.txt").resolve())),
    ],
)
def test_source_key(source: str, key: str) -> None:
    assert source_key(source) == key


def test_a_file_that_cannot_be_read_gives_one_notice_and_keeps_the_reading(
    tmp_path: Path,
) -> None:
    session, _service, _learner, recorder = make()
    session.open_text(TEXT)
    reading = session.reading
    recorder.clear()
    missing = tmp_path / "ontbreekt.txt"
    session.open_path(missing)
    [notice] = recorder.args("notice")
    with pytest.raises(ArticleError) as expected:
        FakeService().load_article(missing)
    assert notice == Notice(expected.value.message, NoticeKind.ERROR)
    assert "ontbreekt.txt" in notice.text
    assert recorder.names() == ["notice"]
    assert session.reading is reading


@pytest.mark.parametrize("stale_at", ["open", "nlp"])
def test_a_newer_open_makes_the_older_results_stale(stale_at: str) -> None:
    runner = ManualTaskRunner()
    session, service, _learner, recorder = make(runner=runner)
    session.open_text(TEXT)
    if stale_at == "nlp":
        runner.run_next("open")  # the first article is shown; its analysis waits
        assert [lane for lane, _request in runner.queued] == ["nlp"]
    session.open_text(OTHER)
    runner.run_all()
    shown = [article.text for article in recorder.args("article_shown")]
    assert shown == ([TEXT, OTHER] if stale_at == "nlp" else [OTHER])
    [reading] = recorder.args("analysis_finished")
    assert reading.analysed.article.text == OTHER
    assert session.reading is reading
    assert [text for text, _level, _known in service.reads] == [OTHER]  # stale: never run
    assert not session.busy


def test_a_level_change_during_the_analysis_applies_to_its_result() -> None:
    runner = ManualTaskRunner()
    session, service, _learner, recorder = make(runner=runner)
    session.open_text(TEXT)
    runner.run_next("open")
    session.set_level(Level.C1)
    assert recorder.args("marks_changed") == [Marking(Level.C1)]
    runner.run_all()
    assert service.reads == [(TEXT, Level.B1, frozenset())]
    reading = recorder.args("analysis_finished")[0]
    assert reading.analysed.level is Level.C1
    assert hard_words(reading) == {"binnenstad"}


def test_a_word_marked_known_during_the_analysis_applies_to_its_result() -> None:
    runner = ManualTaskRunner()
    session, _service, learner, recorder = make(runner=runner)
    session.open_text(TEXT)
    runner.run_next("open")
    session.set_known("gemeente", True)
    runner.run_all()
    assert "gemeente" in learner.lemmas
    assert hard_words(recorder.args("analysis_finished")[0]) == {"binnenstad"}


def test_the_article_is_analysed_at_the_learners_level() -> None:
    session, service, _learner, _recorder = make()
    session.set_level(Level.C1)
    session.open_text(TEXT)
    assert service.reads == [(TEXT, Level.C1, frozenset())]
    reading = session.reading
    assert reading is not None and session.reading is reading  # nothing to re-mark
    assert hard_words(reading) == {"binnenstad"}


def test_the_level_re_marks_without_a_new_analysis() -> None:
    session, service, _learner, recorder = make()
    session.open_text(TEXT)
    recorder.clear()
    session.set_level(Level.B2)
    assert recorder.names() == ["level_changed", "marks_changed"]
    assert recorder.args("level_changed") == [Level.B2]
    assert recorder.args("marks_changed") == [Marking(Level.B2)]
    assert session.marking == Marking(Level.B2)
    assert hard_words(session.reading) == {"binnenstad"}
    assert session.level is Level.B2
    session.set_level(Level.A1)
    assert hard_words(session.reading) == {"gemeente", "binnenstad", "plan"}
    recorder.clear()
    session.set_level(Level.A1)
    assert recorder.events == []  # the same level: nothing to do
    assert len(service.reads) == 1


def test_marking_a_word_known_stores_it_and_re_marks_the_text() -> None:
    session, _service, learner, recorder = make()
    session.open_text(TEXT)
    recorder.clear()
    session.set_known("gemeente", True)
    assert learner.lemmas == {"gemeente"}
    assert recorder.names() == ["known_changed", "marks_changed", "status"]
    assert recorder.args("known_changed") == [frozenset({"gemeente"})]
    assert recorder.args("marks_changed") == [Marking.of(Level.B1, frozenset({"gemeente"}))]
    assert hard_words(session.reading) == {"binnenstad"}
    assert recorder.args("status") == ["“gemeente” marked as known."]
    session.set_known("gemeente", False)
    assert learner.lemmas == set()
    assert hard_words(session.reading) == {"gemeente", "binnenstad"}
    assert recorder.args("status")[-1] == "“gemeente” will be marked again."


def test_a_store_that_cannot_save_says_so_and_changes_nothing() -> None:
    session, _service, learner, recorder = make()
    session.open_text(TEXT)
    reading = session.reading
    recorder.clear()
    learner.fail_with = LearnerStoreError("Cannot save your known words to x: disk full.")
    session.set_known("gemeente", True)
    assert recorder.args("notice") == [Notice("Cannot save your known words to x: disk full.")]
    assert recorder.names() == ["notice"]
    assert session.reading is reading
    assert session.known() == frozenset()


def test_a_store_that_cannot_be_read_leaves_every_word_unknown() -> None:
    learner = MemoryLearner(known=["gemeente"])
    learner.fail_with = LearnerStoreError("Cannot read your known words from x: locked.")
    session, service, _learner, recorder = make(learner=learner)
    session.open_text(TEXT)
    assert recorder.args("notice") == [Notice("Cannot read your known words from x: locked.")]
    assert service.reads == [(TEXT, Level.B1, frozenset())]
    assert "gemeente" in hard_words(session.reading)


def test_known_words_from_the_store_are_never_hard() -> None:
    session, service, _learner, _recorder = make(learner=MemoryLearner(known=["Gemeente"]))
    session.open_text(TEXT)
    assert service.reads == [(TEXT, Level.B1, frozenset({"gemeente"}))]
    assert hard_words(session.reading) == {"binnenstad"}


def test_a_repaired_store_is_mentioned_once_as_a_warning() -> None:
    learner = MemoryLearner(recovered_message="Your known-words file was damaged; kept as x.")
    session, _service, _learner, recorder = make(learner=learner)
    session.open_text(TEXT)
    session.open_text(OTHER)
    session.set_known("brug", True)
    assert recorder.args("notice") == [
        Notice("Your known-words file was damaged; kept as x.", NoticeKind.WARNING)
    ]


def test_without_a_model_the_article_shows_and_the_reason_is_given() -> None:
    service = FakeService(HARD_UP_TO)
    service.pipeline_error = PipelineMissingError("No Dutch language model is installed.")
    session, _service, _learner, recorder = make(service)
    session.start()
    session.open_text(TEXT)
    assert recorder.args("pipeline_failed") == ["No Dutch language model is installed."]
    assert recorder.args("notes_hint") == [NO_MODEL_HINT, NO_MODEL_HINT]
    assert [n.text for n in recorder.args("notice")] == [
        "No Dutch language model is installed."
    ] * 2
    assert "notices_cleared" not in recorder.names()  # the model's error still applies
    assert [a.text for a in recorder.args("article_shown")] == [TEXT]
    assert service.reads == []
    assert session.reading is None
    assert session.pipeline_error is service.pipeline_error


def test_an_unexpected_analysis_error_is_shown_with_its_traceback() -> None:
    service = FakeService(HARD_UP_TO)
    service.read_error = RuntimeError("analysis exploded")
    session, _service, _learner, recorder = make(service)
    session.open_text(TEXT)
    [notice] = recorder.args("notice")
    assert notice.kind is NoticeKind.ERROR
    assert notice.text.startswith(
        "Something went wrong while analysing the article: RuntimeError: analysis exploded."
    )
    assert "Traceback" in notice.details
    assert session.reading is None
    assert session.article is not None


def _service_with_notes(article: Article) -> FakeService:
    notes = (note("utrecht", "Utrecht", Category.PLACE, "A Dutch city.", article),)
    return FakeService(HARD_UP_TO, notes=notes)


def test_enriched_notes_replace_the_notes_and_keep_the_marks() -> None:
    service = _service_with_notes(article_from_text(TEXT))
    service.enrichment = {"utrecht": "The fourth-largest city of the Netherlands."}
    session, _service, _learner, recorder = make(service)
    session.open_text(TEXT)
    [finished] = recorder.args("analysis_finished")
    [enriched] = recorder.args("notes_enriched")
    assert enriched.analysed is finished.analysed
    assert [n.description for n in enriched.notes] == [
        "The fourth-largest city of the Netherlands."
    ]
    assert session.reading is enriched


def test_notes_the_enricher_leaves_alone_emit_nothing() -> None:
    session, _service, _learner, recorder = make(_service_with_notes(article_from_text(TEXT)))
    session.open_text(TEXT)
    assert recorder.args("notes_enriched") == []
    assert session.reading is recorder.args("analysis_finished")[0]


def test_enrichment_of_an_article_no_longer_shown_is_dropped() -> None:
    runner = ManualTaskRunner()
    service = _service_with_notes(article_from_text(TEXT))
    service.enrichment = {"utrecht": "A city."}
    session, _service, _learner, recorder = make(service, runner=runner)
    session.open_text(TEXT)
    runner.run_next("open")
    runner.run_next("nlp")
    assert [lane for lane, _request in runner.queued] == ["net"]
    service.notes = ()
    session.open_text(OTHER)  # no notes: nothing new to enrich
    runner.run_next("open")
    runner.run_next("nlp")
    runner.run_all()
    assert recorder.args("notes_enriched") == []
    assert session.reading is not None
    assert session.reading.analysed.article.text == OTHER


def test_gloss_asks_the_service() -> None:
    session, service, _learner, _recorder = make()
    session.open_text(TEXT)
    reading = session.reading
    assert reading is not None
    card = object()
    service.glosses = {1: card}  # type: ignore[dict-item]
    assert session.gloss(reading, 1) is card
    assert session.gloss(reading, 2) is None


def test_shut_down_closes_the_store_once_and_ends_the_work() -> None:
    session, service, learner, recorder = make()
    session.shut_down()
    session.shut_down()
    assert learner.closed == 1
    assert session.closed
    session.open_text(TEXT)
    assert recorder.events == []
    assert service.reads == []


# -- long texts in sections ----------------------------------------------------------------

# Four paragraphs of about 30,000 characters: each one a section of its own.
LONG_PARAGRAPHS = [f"Alinea {n} over de gemeente. " + "De brug blijft nog open. " * 1_200
                   for n in range(4)]
LONG = "\n\n".join(paragraph.strip() for paragraph in LONG_PARAGRAPHS)


def _shown_texts(recorder: Recorder) -> list[str]:
    return [article.text for article in recorder.args("article_shown")]


def test_a_long_text_opens_at_its_first_section_and_only_that_is_analysed() -> None:
    session, service, _learner, recorder = make()
    session.open_text(LONG)
    whole = session.whole_article
    assert whole is not None and whole.text == LONG
    assert len(session.sections) == 4 and session.section_index == 0
    assert _shown_texts(recorder) == [LONG_PARAGRAPHS[0].strip()]
    assert [text for text, _level, _known in service.reads] == [LONG_PARAGRAPHS[0].strip()]
    reading = session.reading
    assert reading is not None and reading.analysed.article is session.article
    assert hard_words(reading) == {"gemeente"}


def test_next_and_previous_section_show_and_analyse_one_section_each() -> None:
    session, service, _learner, recorder = make()
    session.open_text(LONG)
    assert not session.previous_section()  # none before the first
    assert session.next_section() and session.next_section()
    assert session.section_index == 2
    assert session.previous_section() and session.section_index == 1
    assert session.go_to_section(3) and not session.next_section()  # none after the last
    assert not session.go_to_section(3) and not session.go_to_section(-1)
    expected = [LONG_PARAGRAPHS[n].strip() for n in (0, 1, 2, 1, 3)]
    assert _shown_texts(recorder) == expected
    assert [text for text, _level, _known in service.reads] == expected
    assert [r.analysed.article.text for r in recorder.args("analysis_finished")] == expected


def test_a_short_text_is_one_section_and_there_is_no_other_to_go_to() -> None:
    session, _service, _learner, _recorder = make()
    session.open_text(TEXT)
    assert len(session.sections) == 1 and session.article is session.whole_article
    assert not session.next_section() and not session.previous_section()


def test_the_previous_sections_analysis_finishing_late_is_dropped() -> None:
    runner = ManualTaskRunner()
    session, service, _learner, recorder = make(runner=runner)
    session.open_text(LONG)
    runner.run_next("open")  # the first section is shown; its analysis waits
    assert session.next_section()
    runner.run_all()
    [reading] = recorder.args("analysis_finished")
    assert reading.analysed.article.text == LONG_PARAGRAPHS[1].strip()
    assert session.reading is reading and session.section_index == 1
    assert [text for text, _level, _known in service.reads] == [LONG_PARAGRAPHS[1].strip()]
    assert not session.busy


def test_no_other_section_is_shown_while_another_article_is_being_opened() -> None:
    runner = ManualTaskRunner()
    session, _service, _learner, recorder = make(runner=runner)
    session.open_text(LONG)
    runner.run_all()
    session.open_text(TEXT)  # still loading
    assert not session.next_section()
    runner.run_all()
    assert _shown_texts(recorder) == [LONG_PARAGRAPHS[0].strip(), TEXT]
    assert len(session.sections) == 1


def test_a_file_opens_at_the_section_it_was_left_at(tmp_path: Path) -> None:
    path = tmp_path / "boek.txt"
    path.write_text(LONG, encoding="utf-8")
    session, service, _learner, _recorder = make()
    asked: list[str] = []

    def resume(source: str) -> int:
        asked.append(source)
        return 2

    session.resume_section = resume
    session.open_path(path)
    assert asked == [source_key(str(path))]
    assert session.section_index == 2
    assert [text for text, _level, _known in service.reads] == [LONG_PARAGRAPHS[2].strip()]
    session.resume_section = lambda _source: 40  # the text has shrunk since: its last section
    session.open_path(path)
    assert session.section_index == 3
