"""The preferences: QSettings storage, the dialog and the Edit menu entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from assistant.service import ReadingAssistant
from ui.app import Preferences, load_preferences, save_preferences
from ui.main_window import MainWindow
from ui.preferences import AUTOMATIC_LABEL, PreferencesDialog


class FakeService:
    def __init__(self, installed: list[str]) -> None:
        self.installed = installed
        self.online_calls: list[bool] = []

    def installed_pipelines(self) -> list[str]:
        return list(self.installed)

    def set_online(self, enabled: bool) -> None:
        self.online_calls.append(enabled)


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def combo_items(dialog: PreferencesDialog) -> list[str]:
    combo = dialog.pipeline_combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_defaults_and_round_trip(tmp_path: Path) -> None:
    assert load_preferences(ini(tmp_path)) == Preferences(pipeline=None, online=True)
    save_preferences(ini(tmp_path), Preferences(pipeline="nl_core_news_sm", online=False))
    assert load_preferences(ini(tmp_path)) == Preferences("nl_core_news_sm", False)
    save_preferences(ini(tmp_path), Preferences(pipeline=None, online=True))
    assert load_preferences(ini(tmp_path)) == Preferences(None, True)


def test_combo_lists_installed_pipelines(qtbot: QtBot, tmp_path: Path) -> None:
    service = FakeService(["nl_core_news_sm", "nl_standin_sm"])
    dialog = PreferencesDialog(service, ini(tmp_path))
    qtbot.addWidget(dialog)
    assert combo_items(dialog) == [AUTOMATIC_LABEL, "nl_core_news_sm", "nl_standin_sm"]
    assert dialog.pipeline_combo.currentIndex() == 0
    note = dialog.findChild(QLabel, "restartNote")
    assert isinstance(note, QLabel) and "restart" in note.text().lower()


def test_choosing_a_pipeline_persists(qtbot: QtBot, tmp_path: Path) -> None:
    service = FakeService(["nl_core_news_sm", "nl_standin_sm"])
    dialog = PreferencesDialog(service, ini(tmp_path))
    qtbot.addWidget(dialog)
    dialog.pipeline_combo.setCurrentIndex(2)
    assert load_preferences(ini(tmp_path)).pipeline == "nl_standin_sm"
    again = PreferencesDialog(service, ini(tmp_path))
    qtbot.addWidget(again)
    assert again.pipeline_combo.currentText() == "nl_standin_sm"
    again.pipeline_combo.setCurrentIndex(0)
    assert load_preferences(ini(tmp_path)).pipeline is None
    assert service.online_calls == []


def test_saved_pipeline_no_longer_installed_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    save_preferences(ini(tmp_path), Preferences(pipeline="nl_core_news_lg", online=True))
    dialog = PreferencesDialog(FakeService(["nl_standin_sm"]), ini(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.pipeline_combo.currentText() == "nl_core_news_lg (not installed)"
    assert load_preferences(ini(tmp_path)).pipeline == "nl_core_news_lg"


def test_online_checkbox_applies_and_persists(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEESWIJZER_OFFLINE", raising=False)
    service = FakeService(["nl_standin_sm"])
    dialog = PreferencesDialog(service, ini(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.online_check.isChecked() and dialog.online_check.isEnabled()
    assert not dialog.offline_note.isVisible()
    dialog.online_check.click()
    assert service.online_calls == [False]
    assert load_preferences(ini(tmp_path)) == Preferences(pipeline=None, online=False)
    dialog.online_check.click()
    assert service.online_calls == [False, True]
    assert load_preferences(ini(tmp_path)).online


@pytest.mark.parametrize("value", ["1", "yes"])
def test_forced_offline_unticks_and_locks_the_online_box_and_says_why(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("LEESWIJZER_OFFLINE", value)
    service = FakeService(["nl_standin_sm"])
    dialog = PreferencesDialog(service, ini(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.online_check.isChecked() and not dialog.online_check.isEnabled()
    assert dialog.offline_note.isVisible() and "LEESWIJZER_OFFLINE" in dialog.offline_note.text()
    # The learner's own choice is kept for a run without the variable.
    assert service.online_calls == [] and load_preferences(ini(tmp_path)).online


def test_edit_menu_opens_dialog_on_the_window_settings(
    qtbot: QtBot, window: MainWindow, service: ReadingAssistant,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEESWIJZER_OFFLINE", raising=False)  # the box is the learner's
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    assert window.preferences_action in menus["&Edit"].actions()  # type: ignore[union-attr]
    assert QKeySequence("Ctrl+,") in window.preferences_action.shortcuts()
    dialog = window.show_preferences()
    assert dialog.isVisible()
    assert combo_items(dialog)[1:] == service.installed_pipelines()
    dialog.online_check.setChecked(False)
    assert load_preferences(window.settings).online is False
    dialog.close()
