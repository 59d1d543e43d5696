"""The settings kept without widgets: the recent files list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ui.settings import MAX_RECENT, RECENT_KEY, recent_files, remember_recent


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_recent_files_newest_first_once_and_capped(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert recent_files(settings) == []
    for number in range(MAX_RECENT + 2):
        remember_recent(settings, f"/a/{number}.txt")
    remember_recent(settings, "/a/5.txt")
    files = recent_files(_settings(tmp_path))
    assert files[0] == "/a/5.txt"
    assert len(files) == MAX_RECENT
    assert files.count("/a/5.txt") == 1
    assert files[1:3] == [f"/a/{MAX_RECENT + 1}.txt", f"/a/{MAX_RECENT}.txt"]


def test_a_single_recent_file_reads_back_as_a_list(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.setValue(RECENT_KEY, "/a/only.txt")  # what an INI file gives back for one entry
    assert recent_files(settings) == ["/a/only.txt"]
    settings.setValue(RECENT_KEY, "")
    assert recent_files(settings) == []
