"""The background helper: results on the UI thread, stale results dropped, errors delivered."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from ui.tasks import ManualTaskRunner, SyncTaskRunner, TaskRunner


def test_result_delivered_on_ui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, bool]] = []
    main = threading.get_ident()
    worker_threads: list[int] = []

    def job() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    def done(value: int) -> None:
        seen.append((value, threading.get_ident() == main))

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run("k", job, done, pytest.fail)
    assert seen == [(42, True)]
    assert worker_threads and worker_threads[0] != main
    runner.shutdown()


def test_stale_result_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    results: list[str] = []

    def slow() -> str:
        release.wait(10)
        return "old"

    runner.run("article", slow, results.append, pytest.fail)
    runner.run("article", lambda: "new", results.append, pytest.fail)
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        release.set()
    assert results == ["new"]
    runner.shutdown()


def test_request_chain_and_cancel(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[str] = []
    request = runner.request("a")
    assert runner.is_current(request)
    runner.cancel("a")
    assert not runner.is_current(request)
    other = runner.request("b")
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run(request, lambda: "dropped", results.append, pytest.fail)
        runner.run(other, lambda: "kept", results.append, pytest.fail, lane="load")
    assert results == ["kept"]
    runner.shutdown()


def test_errors_go_to_on_error(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.run("k", boom, lambda _v: pytest.fail("no result expected"), errors.append)
    assert len(errors) == 1
    assert isinstance(errors[0], ValueError)
    runner.shutdown()


def test_unknown_lane_rejected() -> None:
    runner = SyncTaskRunner()
    with pytest.raises(ValueError):
        runner.run("k", lambda: 1, print, print, lane="gpu")


def test_sync_runner_runs_at_once() -> None:
    runner = SyncTaskRunner()
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    values: list[int] = []
    errors: list[BaseException] = []
    runner.run("k", lambda: 3, values.append, errors.append)
    runner.run("k", lambda: 1 // 0, values.append, errors.append)
    assert values == [3]
    assert isinstance(errors[0], ZeroDivisionError)
    assert busy == [True, False, True, False]
    assert not runner.busy


def test_manual_runner_runs_when_told_and_drops_stale_results() -> None:
    runner = ManualTaskRunner()
    results: list[str] = []
    ran: list[str] = []

    def job(name: str) -> Callable[[], str]:
        def work() -> str:
            ran.append(name)
            return name
        return work

    runner.run("article", job("old"), results.append, pytest.fail, lane="load")
    runner.run("net", job("notes"), results.append, pytest.fail, lane="net")
    runner.run("article", job("new"), results.append, pytest.fail, lane="load")
    assert results == [] and runner.busy
    assert [lane for lane, _request in runner.queued] == ["load", "net", "load"]
    runner.run_next("net")
    assert results == ["notes"]
    runner.run_all()
    assert results == ["notes", "new"]
    assert ran == ["notes", "new"]  # the stale job never ran
    assert not runner.busy
    with pytest.raises(LookupError):
        runner.run_next()


def test_a_job_on_the_open_lane_that_hangs_never_holds_up_the_next(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release, entered = threading.Event(), threading.Event()
    results: list[str] = []

    def hangs() -> str:
        entered.set()
        release.wait(30)
        return "hung"

    runner.run("article", hangs, results.append, pytest.fail, lane="open")
    assert entered.wait(10) and runner.busy
    with qtbot.waitSignal(runner.busy_changed, timeout=10_000, raising=True,
                          check_params_cb=lambda busy: not busy):
        runner.run("article", lambda: "next", results.append, pytest.fail, lane="open")
    assert results == ["next"]
    assert not runner.busy  # the hung job is stale: it no longer makes the runner busy
    release.set()
    runner.shutdown(wait=10)  # the released threads end before the runner is collected


def test_cancelling_a_key_ends_busy_even_while_its_job_runs(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    runner.run("article", lambda: release.wait(30), pytest.fail, pytest.fail, lane="open")
    runner.cancel("article")
    assert busy == [True, False] and not runner.busy
    release.set()
    runner.shutdown(wait=10)  # the released threads end before the runner is collected


def test_shutdown_waits_for_the_open_lanes_threads_and_they_deliver_nothing(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release, started = threading.Event(), threading.Event()
    results: list[object] = []

    def hangs() -> str:
        started.set()
        release.wait(30)
        return "late"

    runner.run("article", hangs, results.append, results.append, lane="open")
    assert started.wait(10)
    release.set()
    runner.shutdown(wait=10)
    assert runner.job_threads == 0  # every thread ended within the wait
    QCoreApplication.processEvents()  # a delivery posted meanwhile would arrive now: none may
    assert results == []
