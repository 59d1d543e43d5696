"""GUI test setup: offscreen Qt, no network, one real ReadingAssistant per test session, windows
whose background work runs at once unless a test asks for threads."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["LEESWIJZER_OFFLINE"] = "1"
os.environ.setdefault("LEESWIJZER_THEME", "light")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory

from assistant.feeds import FeedStore
from assistant.learner.known_words import KnownWords
from assistant.service import ReadingAssistant
from ui.main_window import MainWindow, Service
from ui.session import ReadingSession
from ui.speech import Speaker
from ui.tasks import SyncTaskRunner, TaskRunner

SHARED_SAMPLE = (
    Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "000_979833dae2dbd21b.txt"
)
# The offscreen platform plugin warns about a feature it lacks when top-level windows show.
OFFSCREEN_NOISE = "This plugin does not support"



def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def service() -> ReadingAssistant:
    assistant = ReadingAssistant()
    assistant.load_pipeline()
    return assistant


@pytest.fixture
def shared_sample() -> Path:
    if not SHARED_SAMPLE.exists():
        pytest.fail(f"shared sample not found at {SHARED_SAMPLE}")
    return SHARED_SAMPLE


@pytest.fixture
def learner_path(tmp_path: Path) -> Path:
    """Where the windows of a test keep the known words (as main.py does in the data folder)."""
    return tmp_path / "data" / "learner.sqlite"


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, learner_path: Path) -> Iterator[WindowFactory]:
    """Windows over a session with a store at `learner_path`; background work runs at once
    (SyncTaskRunner) unless the test hands in a threaded TaskRunner."""
    windows: list[MainWindow] = []

    def make(
        service: Service, runner: TaskRunner | None = None, settings_name: str = "settings.ini",
        speaker: Speaker | None = None,
    ) -> MainWindow:
        settings = QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat)
        session = ReadingSession(service, KnownWords(learner_path),
                                 runner if runner is not None else SyncTaskRunner())
        window = MainWindow(session, service, settings, speaker,
                            FeedStore(learner_path.parent / "feeds.json"))
        qtbot.addWidget(window)
        window.resize(1100, 760)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.session.shut_down()


@pytest.fixture
def window(make_window: WindowFactory, service: ReadingAssistant) -> MainWindow:
    return make_window(service)
