"""Application setup: theme, exception hook, progress indication, the screenshot's wait."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory

from assistant.errors import AssistantError
from assistant.models import Level
from assistant.service import ReadingAssistant
from ui.app import (
    apply_theme,
    cache_folder,
    create_application,
    install_exception_hook,
    wait_until_shown,
)
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from ui.theme import is_dark, reader_colours

ROOT = Path(__file__).resolve().parents[2]


def test_theme_follows_request(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    monkeypatch.setenv("LEESWIJZER_THEME", "dark")
    apply_theme(qapp)
    assert is_dark(qapp.palette())
    assert reader_colours(qapp.palette()).dark
    monkeypatch.setenv("LEESWIJZER_THEME", "light")
    apply_theme(qapp)
    assert not is_dark(qapp.palette())


def test_create_application_reuses_instance(qapp: QApplication) -> None:
    assert create_application() is qapp
    assert qapp.applicationName() == "Leeswijzer"
    assert not qapp.windowIcon().isNull()


def test_exception_hook_logs_and_shows_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    hook = install_exception_hook(lambda: window)
    try:
        raise KeyError("surprise")
    except KeyError as error:
        hook(KeyError, error, error.__traceback__)
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].textFormat() is Qt.TextFormat.PlainText
    assert "KeyError" in boxes[0].text()
    assert "surprise" in boxes[0].detailedText()
    boxes[0].close()
    assert window.isVisible()


def test_progress_only_after_delay(
    qtbot: QtBot, make_window: WindowFactory, service: ReadingAssistant
) -> None:
    window = make_window(service, TaskRunner())
    runner = window.session.runner
    release = threading.Event()
    runner.run("slow", lambda: release.wait(30), lambda _r: None, pytest.fail)
    assert runner.busy
    assert not window.progress_visible
    qtbot.waitUntil(lambda: window.progress_visible, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not window.progress_visible, timeout=5000)
    assert not runner.busy


# A text of two parts, so the status bar says both the coverage and 'Part 1 of 2'.
LONG_TEXT = "Titel\n\n" + "\n\n".join(
    " ".join(["De gemeente bouwt een nieuwe brug over de rivier."] * 10) for _ in range(120))


@pytest.mark.parametrize("fails", [False, True])
def test_the_screenshot_waits_for_the_status_bar_laid_out(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, fails: bool
) -> None:
    service = FakeService({"gemeente": Level.C2})
    if fails:
        service.read_error = AssistantError("The analysis failed.")
    window = make_window(service, TaskRunner())
    path = tmp_path / "lang.txt"
    path.write_text(LONG_TEXT, encoding="utf-8")
    shown = wait_until_shown(window, lambda: window.session.start(str(path)), 60_000)
    assert shown is not fails
    coverage, part = window.coverage_label, window.section_label
    assert part.text() == "Part 1 of 2"
    if fails:
        assert coverage.text() == ""
        return
    # Counted after the analysis, and already as wide as its text (not one letter of it).
    assert coverage.text().startswith("You know about ")
    assert coverage.width() >= coverage.sizeHint().width()
    assert part.width() >= part.sizeHint().width()
    assert not window.notes.building


def test_dark_theme_restyles_reader(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    light = reader_colours(window.reader.palette())
    monkeypatch.setenv("LEESWIJZER_THEME", "dark")
    apply_theme(qapp)
    try:
        qtbot.waitUntil(lambda: is_dark(window.reader.palette()))
        dark = reader_colours(window.reader.palette())
        assert dark.entity != light.entity
        assert window.legend.isVisible()
    finally:
        monkeypatch.setenv("LEESWIJZER_THEME", "light")
        apply_theme(qapp)


def test_cache_folder_is_not_created(qapp: QApplication, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = cache_folder()
    assert folder.is_absolute()
    assert not folder.exists()


def _wait_for_line(path_glob: tuple[Path, str], text: str, process: subprocess.Popen[bytes],
                   deadline: float) -> Path:
    """Poll (bounded) until a file matching the glob contains `text`."""
    root, pattern = path_glob
    while time.monotonic() < deadline:
        for candidate in root.glob(pattern):
            if text in candidate.read_text(encoding="utf-8", errors="replace"):
                return candidate
        if process.poll() is not None:
            break
        time.sleep(0.05)  # polling interval, not synchronisation
    raise AssertionError(f"{text!r} never appeared in {root}/{pattern}")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_gui_quits_cleanly_on_signal(tmp_path: Path, number: int) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LEESWIJZER_OFFLINE="1",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    with open(tmp_path / "out.txt", "wb") as out:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py")],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            log_file = _wait_for_line(
                (tmp_path / "data", "**/leeswijzer.log"), "SIGTERM quits", process,
                time.monotonic() + 60,
            )
            process.send_signal(number)
            code = process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    output = (tmp_path / "out.txt").read_text(encoding="utf-8", errors="replace")
    assert code == 0, output
    assert "Traceback" not in output
    assert "quit with exit code 0" in log_file.read_text(encoding="utf-8")
    settings = list((tmp_path / "config").glob("**/Leeswijzer.conf"))
    assert settings and "geometry" in settings[0].read_text(encoding="utf-8", errors="replace")


def test_user_folders_name_the_app_once(qapp: QApplication, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.settings import data_folder, set_application_identity

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    set_application_identity()
    assert data_folder() == tmp_path / "data" / "Leeswijzer"
    assert cache_folder() == tmp_path / "cache" / "Leeswijzer"
