"""Work done on the UI thread a slice at a time (TaskRunner.run_sliced): steps in order from the
event loop, a newer request stops an older one before its next step, errors delivered; the
coverage the session counts that way is the coverage of the re-marked reading."""

from __future__ import annotations

import threading
from collections.abc import Generator

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import hand_reading

import ui.tasks as tasks
from assistant.learner.coverage import coverage
from assistant.learner.statuses import LearnerView
from assistant.models import Level
from assistant.reading.loading import article_from_text
from assistant.reading.marking import Marking
from ui.session import coverage_steps
from ui.tasks import ManualTaskRunner, SyncTaskRunner, TaskRunner


def _counting(done: list[int], steps: int, result: str) -> Generator[None, None, str]:
    for step in range(steps):
        yield
        done.append(step)
    return result


@pytest.fixture
def one_step_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "SLICE_SECONDS", 0.0)  # a slice ends after each step


@pytest.mark.usefixtures("one_step_slices")
def test_steps_run_on_the_ui_thread_from_the_event_loop(qtbot: QtBot) -> None:
    runner = TaskRunner()
    steps: list[int] = []
    threads: list[int] = []
    results: list[str] = []

    def work() -> Generator[None, None, str]:
        threads.append(threading.get_ident())
        return (yield from _counting(steps, 5, "counted"))

    runner.run_sliced("k", work, results.append, pytest.fail)
    assert steps == [] and runner.busy  # nothing before the event loop runs
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == ["counted"] and steps == [0, 1, 2, 3, 4]
    assert threads == [threading.get_ident()]
    assert not runner.busy
    runner.shutdown()


@pytest.mark.usefixtures("one_step_slices")
def test_a_newer_request_stops_the_older_before_its_next_step(qtbot: QtBot) -> None:
    runner = TaskRunner()
    older: list[int] = []
    newer: list[int] = []
    results: list[str] = []

    def interrupted() -> Generator[None, None, str]:
        for step in range(1000):
            yield
            older.append(step)
            if step == 2:  # the learner changes the level again meanwhile
                runner.run_sliced("k", lambda: _counting(newer, 3, "newer"), results.append,
                                  pytest.fail)
        return "older"

    runner.run_sliced("k", interrupted, results.append, pytest.fail)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == ["newer"] and newer == [0, 1, 2]
    assert older == [0, 1, 2]
    runner.shutdown()


@pytest.mark.usefixtures("one_step_slices")
def test_an_error_in_a_step_is_delivered(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def failing() -> Generator[None, None, str]:
        yield
        raise ValueError("broken step")

    runner.run_sliced("k", failing, pytest.fail, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and not runner.busy
    runner.shutdown()


@pytest.mark.usefixtures("one_step_slices")
def test_shutdown_stops_the_steps(qtbot: QtBot) -> None:
    runner = TaskRunner()
    steps: list[int] = []
    other: list[int] = []
    failures: list[object] = []

    def quitting() -> Generator[None, None, str]:
        for step in range(1000):
            yield
            steps.append(step)
            if step == 2:
                runner.shutdown()  # the window closes between two slices
        return "x"

    runner.run_sliced("k", quitting, failures.append, failures.append)
    runner.run_sliced("other", lambda: _counting(other, 1000, "y"), failures.append,
                      failures.append)
    qtbot.waitUntil(lambda: len(steps) >= 3, timeout=5000)
    qtbot.wait(20)
    assert steps == [0, 1, 2] and len(other) <= 3 and failures == []


@pytest.mark.parametrize("runner_type", [SyncTaskRunner, ManualTaskRunner])
def test_test_runners_run_every_step_at_once(runner_type: type[TaskRunner]) -> None:
    runner = runner_type()
    steps: list[int] = []
    results: list[object] = []
    runner.run_sliced("k", lambda: _counting(steps, 4, "all"), results.append, results.append)
    assert results == ["all"] and steps == [0, 1, 2, 3]


def test_coverage_in_slices_is_the_coverage_of_the_re_marked_reading() -> None:
    rare = [f"zeldzaam{letter}" for letter in "abcdefg"]
    words = " ".join(f"woord {rare[n % 7]} de" for n in range(1500))  # > one slice
    article = article_from_text(words + ".")
    frequencies = {word: 1.5 + n * 0.4 for n, word in enumerate(rare)}
    reading = hand_reading(article, frequencies=frequencies, default_zipf=6.0)
    view = LearnerView(known=frozenset({"zeldzaamd"}))
    for level in (Level.A1, Level.B2, Level.C2):
        marking = Marking(level, view)
        expected = coverage(marking.applied(reading).analysed, view)
        assert tasks_result(coverage_steps(reading.analysed, view, marking)) == expected
    assert expected.hard_words  # the rare words are hard somewhere: not all known
    assert tasks_result(coverage_steps(reading.analysed, view)) == coverage(reading.analysed,
                                                                            view)


def tasks_result(steps: Generator[None, None, object]) -> object:
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value
