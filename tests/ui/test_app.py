"""Application setup: theme, exception hook, progress indication."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ui.app import apply_theme, create_application, install_exception_hook
from ui.main_window import MainWindow
from ui.theme import is_dark, reader_colours


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
    assert "KeyError" in boxes[0].text()
    assert "surprise" in boxes[0].detailedText()
    boxes[0].close()
    assert window.isVisible()


def test_progress_only_after_delay(qtbot: QtBot, window: MainWindow) -> None:
    release = threading.Event()
    window.runner.submit("slow", lambda: release.wait(30), lambda _r: None, pytest.fail)
    assert window.runner.busy
    assert not window.progress_visible
    qtbot.waitUntil(lambda: window.progress_visible, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not window.progress_visible, timeout=5000)
    assert not window.runner.busy


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
        assert window.legend.isVisible() or not window.entities_action.isChecked()
    finally:
        monkeypatch.setenv("LEESWIJZER_THEME", "light")
        apply_theme(qapp)
