"""The learner's store opens off the UI thread: what needs it meanwhile waits and then runs, in
the order asked; nothing is written early, nothing is dropped, not even by a quit or a failure."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, MemoryLearner, WindowFactory

from assistant.errors import AssistantError
from assistant.learner.known_words import KnownWords
from assistant.learner.memory import LearnerMemory
from assistant.learner.saved import SavedWord
from assistant.learner.statuses import Status
from assistant.models import Level
from ui.session import ReadingSession
from ui.tasks import ManualTaskRunner, SyncTaskRunner, TaskRunner

TEXT = "De gemeente Utrecht maakt een nieuw plan voor de binnenstad."
HARD_UP_TO = {"gemeente": Level.B1, "binnenstad": Level.C1}
CAT = SavedWord("kat", "kat", "De kat slaapt.", "cat", "de")


def _learner_file(path: Path) -> Path:
    """A learner file from an earlier run: 'boom' known, 'kat' saved."""
    memory = LearnerMemory(path)
    memory.set_status("boom", Status.KNOWN)
    memory.save_word(CAT)
    memory.close()
    return path


def _stored(path: Path, read: Callable[[LearnerMemory], object]) -> object:
    memory = LearnerMemory(path)
    try:
        return read(memory)
    finally:
        memory.close()


def _preview(session: ReadingSession, tmp_path: Path) -> None:
    words = tmp_path / "woorden.txt"
    words.write_text("appel\nboom\n", encoding="utf-8")
    session.preview_import(words)


# (what the learner does while the store opens, what the file says once it has run): every
# use of the store waits for its opening, and none runs before it.
WAITING = [
    ("a status", lambda s, _t: s.set_status("huis", Status.LEARNING_2),
     lambda m: m.status("huis") is Status.LEARNING_2),
    ("a known word", lambda s, _t: s.set_known("fiets", True),
     lambda m: m.status("fiets") is Status.KNOWN),
    ("undo of the last change", lambda s, _t: s.undo(),
     lambda m: m.status("boom") is Status.NEW),
    ("a gloss edited", lambda s, _t: s.edit_gloss("kat", "cat (the pet)"),
     lambda m: [w.gloss for w in m.saved_words()] == ["cat (the pet)"]),
    ("a saved word deleted", lambda s, _t: s.delete_saved("kat"),
     lambda m: m.saved_words() == []),
    ("two statuses of one word, in order", lambda s, _t: (s.set_known("huis", True),
                                                          s.set_status("huis", Status.IGNORED)),
     lambda m: m.status("huis") is Status.IGNORED),
]


@pytest.mark.parametrize(("name", "act", "done"), WAITING, ids=[row[0] for row in WAITING])
def test_what_needs_the_store_waits_for_its_opening_and_then_runs(
    tmp_path: Path, name: str, act: Callable[[ReadingSession, Path], object],
    done: Callable[[LearnerMemory], bool],
) -> None:
    path = _learner_file(tmp_path / "learner.sqlite")
    runner = ManualTaskRunner()
    session = ReadingSession(FakeService(HARD_UP_TO), KnownWords(path), runner)
    try:
        session.start()
        act(session, tmp_path)
        assert not session.learner_is_open
        assert not _stored(path, done)  # not yet: the store is still opening
        assert [lane for lane, _request in runner.queued] == ["nlp", "load"]  # model, store
        runner.run_all()
        assert session.learner_is_open
        assert _stored(path, done)
    finally:
        session.shut_down()


def test_an_import_preview_waits_for_the_store_and_knows_its_words(tmp_path: Path) -> None:
    path = _learner_file(tmp_path / "learner.sqlite")
    runner = ManualTaskRunner()
    session = ReadingSession(FakeService(HARD_UP_TO), KnownWords(path), runner)
    previews: list[object] = []
    session.import_previewed.connect(previews.append)
    try:
        session.start()
        _preview(session, tmp_path)
        assert [lane for lane, _request in runner.queued] == ["nlp", "load"]  # model, store
        runner.run_next("load")
        assert previews == []  # the preview itself is queued now, behind the opening
        runner.run_all()
        [preview] = previews
        assert preview.new == ("appel",) and preview.already_known == 1  # type: ignore[attr-defined]
    finally:
        session.shut_down()


def test_the_analysis_waits_for_the_learners_known_words(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    memory = LearnerMemory(path)
    memory.set_status("gemeente", Status.KNOWN)
    memory.close()
    runner = ManualTaskRunner()
    service = FakeService(HARD_UP_TO)
    session = ReadingSession(service, KnownWords(path), runner)
    try:
        session.start()
        session.open_text(TEXT)
        runner.run_next("open")  # the article is shown; its analysis waits for the store
        assert session.article is not None and session.article.text == TEXT
        assert [lane for lane, _request in runner.queued] == ["nlp", "load"]  # model, store
        runner.run_all()
        assert service.reads == [(TEXT, Level.B1, frozenset({"gemeente"}))]
        reading = session.reading
        assert reading is not None
        assert {t.text for t in reading.analysed.tokens if t.hard} == {"binnenstad"}
    finally:
        session.shut_down()


def test_an_article_asked_for_while_the_store_opens_replaces_the_one_before() -> None:
    runner = ManualTaskRunner()
    service = FakeService(HARD_UP_TO)
    session = ReadingSession(service, MemoryLearner(), runner)
    session.start()
    session.open_text(TEXT)
    runner.run_next("open")
    session.open_text("Amsterdam bouwt een brug.")
    runner.run_all()
    assert [text for text, _level, _known in service.reads] == ["Amsterdam bouwt een brug."]


def test_with_the_synchronous_runner_the_store_is_open_at_once() -> None:
    learner = MemoryLearner(["huis"])
    session = ReadingSession(FakeService(HARD_UP_TO), learner, SyncTaskRunner())
    assert learner.opens == 0  # nothing opens before it is asked for
    session.start()
    assert learner.opens == 1 and session.learner_is_open
    assert session.known() == frozenset({"huis"})
    session.set_known("fiets", True)
    assert "fiets" in learner.lemmas
    session.learner_view()
    assert learner.opens == 1  # once


class DelayedLearner(KnownWords):
    """A learner store whose opening waits until the test lets it go (a slow disk, a first
    run's schema)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.opening = threading.Event()
        self.go = threading.Event()

    def open(self) -> None:
        self.opening.set()
        assert self.go.wait(60)
        super().open()


def test_the_window_answers_while_the_store_opens_on_its_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "learner.sqlite"
    learner = DelayedLearner(path)
    session = ReadingSession(FakeService(HARD_UP_TO), learner, TaskRunner())
    try:
        session.start()  # returns with the store still opening
        qtbot.waitUntil(learner.opening.is_set, timeout=10_000)
        ticked: list[bool] = []
        QTimer.singleShot(0, lambda: ticked.append(True))
        qtbot.waitUntil(lambda: bool(ticked), timeout=10_000)  # the event loop runs meanwhile
        session.set_known("huis", True)  # a key pressed before the store is open
        assert not session.learner_is_open and not path.exists()
        with qtbot.waitSignal(session.learner_ready, timeout=10_000):
            learner.go.set()
        assert session.known() == frozenset({"huis"})
        assert _stored(path, lambda m: m.status("huis")) is Status.KNOWN
    finally:
        learner.go.set()
        session.shut_down()


def test_a_quit_while_the_store_opens_still_saves_what_waited(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    runner = ManualTaskRunner()
    learner = KnownWords(path)
    session = ReadingSession(FakeService(HARD_UP_TO), learner, runner)
    session.start()
    session.set_known("huis", True)
    session.shut_down()  # the opening never ran on its thread
    assert _stored(path, lambda m: m.status("huis")) is Status.KNOWN


def test_a_store_that_cannot_open_says_so_and_each_waiting_use_says_why_too() -> None:
    learner = MemoryLearner()
    learner.fail_with = AssistantError("Cannot open your learner file: it is locked.")
    runner = ManualTaskRunner()
    session = ReadingSession(FakeService(HARD_UP_TO), learner, runner)
    said: list[str] = []
    session.notice.connect(lambda notice: said.append(notice.text))
    session.start()
    session.set_known("huis", True)
    assert said == []
    runner.run_all()
    # The opening's failure, then the waiting change's own: no click is lost without a word.
    assert len(said) == 2 and all("it is locked" in text for text in said)
    assert session.learner_is_open and session.known() == frozenset()
    learner.fail_with = None
    session.set_known("huis", True)  # the store answers again: the change is made
    assert "huis" in learner.lemmas


def test_the_vocabulary_shown_while_the_store_opens_is_filled_once_it_is(
    qtbot: QtBot, make_window: WindowFactory, learner_path: Path
) -> None:
    _learner_file(learner_path)
    runner = ManualTaskRunner()
    window = make_window(FakeService(HARD_UP_TO), runner)
    window.session.start()
    vocabulary = window.show_vocabulary()
    assert vocabulary.model.rowCount() == 0
    library = window.show_library()
    assert library.entries == []
    runner.run_next("load")
    assert vocabulary.model.rowCount() == 1
    assert vocabulary.model.item(0, 0).text() == "de kat"


def test_what_waited_runs_on_after_one_of_them_fails_unexpectedly() -> None:
    runner = ManualTaskRunner()
    learner = MemoryLearner()
    session = ReadingSession(FakeService(HARD_UP_TO), learner, runner)
    said: list[str] = []
    session.notice.connect(lambda notice: said.append(notice.text))
    session.start()

    def broken() -> None:
        raise KeyError("a bug")

    session.when_learner_open(broken, None)
    session.set_known("huis", True)
    runner.run_all()
    assert "huis" in learner.lemmas
    assert len(said) == 1 and "KeyError: 'a bug'" in said[0]
