"""Application identity, the user's folders and saved preferences: QtCore only, so the composition
root can read them (and start loading the language model) before any widget code is imported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

APP_NAME = "Leeswijzer"


def set_application_identity() -> None:
    """Names QSettings and QStandardPaths use; safe before the QApplication exists."""
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)


def data_folder() -> Path:
    """The user's data folder for Leeswijzer (not created here): ~/.local/share/Leeswijzer."""
    return _app_folder(QStandardPaths.StandardLocation.GenericDataLocation, ".leeswijzer")


def cache_folder() -> Path:
    """The user's cache folder for Leeswijzer, e.g. for online notes (not created here)."""
    return _app_folder(QStandardPaths.StandardLocation.GenericCacheLocation, ".cache")


def _app_folder(location: QStandardPaths.StandardLocation, fallback: str) -> Path:
    # Qt's App*Location adds organisation *and* application name, which for Leeswijzer (both
    # "Leeswijzer", kept for QSettings' file name) would give .../Leeswijzer/Leeswijzer.
    base = QStandardPaths.writableLocation(location)
    return Path(base) / APP_NAME if base else Path.home() / fallback / APP_NAME


PIPELINE_KEY = "preferences/pipeline"
ONLINE_KEY = "preferences/online"


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the user chose; pipeline None means the best installed Dutch pipeline."""

    pipeline: str | None = None
    online: bool = True


def as_bool(value: object, default: bool = False) -> bool:
    """A QSettings value as a bool (INI files give strings back)."""
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


def load_preferences(settings: QSettings | None = None) -> Preferences:
    """The saved preferences (the application's QSettings unless `settings` is given)."""
    settings = settings if settings is not None else QSettings()
    pipeline = settings.value(PIPELINE_KEY, "")
    name = str(pipeline).strip() if pipeline else ""
    return Preferences(
        pipeline=name or None,
        online=as_bool(settings.value(ONLINE_KEY, True), default=True),
    )


def save_preferences(settings: QSettings, preferences: Preferences) -> None:
    settings.setValue(PIPELINE_KEY, preferences.pipeline or "")
    settings.setValue(ONLINE_KEY, preferences.online)
    settings.sync()


RECENT_KEY = "recent/files"
MAX_RECENT = 8


def recent_files(settings: QSettings) -> list[str]:
    """Files and URLs opened lately, newest first."""
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        return [value] if value else []
    return [str(item) for item in value] if isinstance(value, list) else []


def remember_recent(settings: QSettings, source: str) -> None:
    """Put `source` first in the recent list (once), keeping MAX_RECENT entries."""
    files = [source, *[item for item in recent_files(settings) if item != source]]
    settings.setValue(RECENT_KEY, files[:MAX_RECENT])
