"""Application setup: QApplication, theme, folders, preferences, signals, run, screenshots."""

from __future__ import annotations

import logging
import logging.handlers
import os
import signal
import socket
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import FrameType, TracebackType

from PySide6.QtCore import QEvent, QEventLoop, QSettings, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from assistant.feeds import FEEDS_FILE, FeedStore
from assistant.resources import resource_path
from assistant.worker import WorkerConfig, WorkerProcess
from ui.analyser import Analyser, ProcessAnalyser, WorkerSideService
from ui.library import choose_start
from ui.main_window import MainWindow, Service
from ui.reader import ReaderView
from ui.session import LearnerStore, ReadingSession
from ui.settings import (
    APP_NAME,
    Preferences,
    cache_folder,
    data_folder,
    load_preferences,
    save_preferences,
    set_application_identity,
)
from ui.theme import dark_palette

__all__ = [
    "Preferences",
    "cache_folder",
    "create_application",
    "data_folder",
    "install_quit_on_signals",
    "load_preferences",
    "open_window",
    "run",
    "save_preferences",
    "settle",
    "take_screenshot",
    "wait_until_shown",
]

log = logging.getLogger(__name__)

DESKTOP_ID = "nl.leeswijzer.Leeswijzer"
SCREENSHOT_SIZE = (1280, 820)
SCREENSHOT_TIMEOUT_MS = 120_000
SETTLE_TURNS = 3
# The news feeds are fetched a little after start: the first article's online notes go first
# on the network lane they share.
FEEDS_START_DELAY_MS = 10_000


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), named, with the app icon and the theme applied."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    set_application_identity()
    # Lets Wayland match the window to the installed .desktop entry (menu entry and icon).
    app.setDesktopFileName(DESKTOP_ID)
    app.setApplicationDisplayName(APP_NAME)
    icon_path = resource_path("icons", "leeswijzer.svg")
    if icon_path.exists():
        app.setWindowIcon(QIcon(str(icon_path)))
    apply_theme(app)
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
    return app


def wants_dark(app: QGuiApplication) -> bool:
    forced = os.environ.get("LEESWIJZER_THEME", "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication) -> None:
    """Fusion with the system's light or dark scheme (or LEESWIJZER_THEME=dark|light)."""
    app.setStyle("Fusion")
    if wants_dark(app):
        app.setPalette(dark_palette())
    else:
        app.setPalette(QPalette(app.style().standardPalette()))


def setup_logging(folder: Path) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_leeswijzer", False) for h in root.handlers):
        return
    root.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console._leeswijzer = True  # type: ignore[attr-defined]
    root.addHandler(console)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            folder / "leeswijzer.log", maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError as error:
        log.warning("cannot write a log file in %s: %s", folder, error)
        return
    file_handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root.addHandler(file_handler)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_exception_hook(parent: Callable[[], QWidget | None]) -> ExceptHook:
    """Log unexpected exceptions and show them in a dialog; the app keeps running."""
    previous = sys.excepthook
    showing = False

    def hook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        log.error("unexpected error", exc_info=(kind, error, tb))
        if showing or QApplication.instance() is None:
            return
        showing = True
        try:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                "Unexpected error",
                f"Something went wrong: {kind.__name__}: {error}\n\n"
                "Leeswijzer keeps running; the details are also in the log file.",
                parent=parent(),
            )
            box.setTextFormat(Qt.TextFormat.PlainText)  # exception text is untrusted
            box.setDetailedText("".join(traceback.format_exception(kind, error, tb)))
            box.finished.connect(lambda _result: box.deleteLater())
            box.open()
        finally:
            showing = False

    sys.excepthook = hook
    return hook


QUIT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM") if hasattr(signal, name)
)


def install_quit_on_signals(quit_app: Callable[[], None]) -> Callable[[], None]:
    """Call `quit_app` from the event loop on SIGINT/SIGTERM; returns a function that undoes it.

    Python runs a signal handler only when the interpreter gets control, which it does not
    while Qt's loop idles in C++. The wake-up socket makes a notifier fire, and running that
    notifier's (Python) slot lets the handler run.
    """
    receiver, sender = socket.socketpair()
    receiver.setblocking(False)
    sender.setblocking(False)
    try:
        previous_fd = signal.set_wakeup_fd(sender.fileno())
    except ValueError:  # not the main thread: leave signals alone
        receiver.close()
        sender.close()
        return lambda: None
    notifier = QSocketNotifier(
        receiver.fileno(), QSocketNotifier.Type.Read, QApplication.instance()
    )

    def drain() -> None:
        try:
            while receiver.recv(64):
                pass
        except OSError:
            pass

    notifier.activated.connect(drain)

    def handler(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %d received: quitting", signum)
        QTimer.singleShot(0, quit_app)

    previous = {number: signal.signal(number, handler) for number in QUIT_SIGNALS}

    def restore() -> None:
        for number, old in previous.items():
            signal.signal(number, old)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        receiver.close()
        sender.close()

    return restore


def _quit_application() -> None:
    """Close the windows (each saves its state) and leave the event loop."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    QApplication.quit()


def open_window(
    service: Service,
    learner: LearnerStore,
    settings: QSettings,
    size: tuple[int, int] | None = None,
    feeds: FeedStore | None = None,
    analyser: Analyser | None = None,
) -> MainWindow:
    """Build the session and its window, asking for the language model first of all.

    The model is what the first analysis waits for, so its loading starts before the
    window is even shown (with `analyser`, in the worker process that loads and analyses).
    """
    session = ReadingSession(service, learner, analyser=analyser)
    window = MainWindow(session, service, settings, feeds=feeds)
    session.load_pipeline()
    if size is not None:
        window.resize(*size)
    window.show()
    return window


def wait_until_shown(window: MainWindow, open_it: Callable[[], object], timeout_ms: int) -> bool:
    """Call `open_it` and run the event loop until the article is analysed and its coverage
    counted (the status bar's line, counted in slices after the analysis), or a message
    appears; then `settle`. False when the analysis did not finish."""
    loop = QEventLoop()
    done = {"analysed": False, "counted": False}

    def finished(_reading: object) -> None:
        done["analysed"] = True

    def counted(_coverage: object) -> None:
        if done["analysed"]:
            done["counted"] = True
            loop.quit()

    session = window.session
    session.analysis_finished.connect(finished)
    session.coverage_changed.connect(counted)
    window.message_bar.shown.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    open_it()
    if not done["counted"]:  # a runner that works at once has counted already
        loop.exec()
    session.analysis_finished.disconnect(finished)
    session.coverage_changed.disconnect(counted)
    window.message_bar.shown.disconnect(loop.quit)
    settle(window)
    return done["analysed"]


def settle(window: MainWindow) -> None:
    """Every row of the notes panel built and every layout done, as the next frames would show
    them: a picture grabbed before would show a label given its text but not yet its width
    (the status bar's coverage line as one letter before 'Part 1 of 9')."""
    window.notes.finish_building()
    for _ in range(SETTLE_TURNS):  # a layout done may ask its parent's again
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def focus_first_hard_word(reader: ReaderView) -> int | None:
    """Focus the first hard word from the screen's top (Tab stops at names too) and show its
    card; None without one."""
    if not reader.hard_tokens():
        return None
    reader.clear_focus_token()
    while (focused := reader.move_focus(True)) is not None and not reader.is_hard(focused):
        pass
    return focused


def render_screenshot(window: MainWindow, out: Path) -> bool:
    """Show a gloss card on the first hard word and save the window as a PNG, the notes dock
    finished (its rows follow a slice at a time after the analysis)."""
    window.notes.finish_building()
    focus_first_hard_word(window.reader)
    settle(window)
    pixmap = window.grab()
    out.parent.mkdir(parents=True, exist_ok=True)
    return pixmap.save(str(out), "PNG")


def _article_path(path: str | None) -> str:
    return path or str(resource_path("sample_article.txt"))


def run(path: str | None, service: Service, learner: LearnerStore, folder: Path,
        worker: tuple[WorkerConfig, WorkerProcess] | None = None) -> int:
    """Open the main window on `path` (default: the last article read) until the app quits.

    `folder` is the user's data folder (the log, news feeds); `worker` the worker process
    main.py started (it loads and analyses articles; without it, this process does); returns
    the exit code.
    """
    started = time.perf_counter()
    app = create_application()
    setup_logging(folder)
    settings = QSettings()
    analyser: Analyser | None = None
    window_service: Service = service
    if worker is not None:
        analyser = ProcessAnalyser(*worker)
        window_service = WorkerSideService(service, analyser)
        window_service.warm_up()
    window = open_window(window_service, learner, settings,
                         feeds=FeedStore(folder / FEEDS_FILE), analyser=analyser)
    install_exception_hook(lambda: window)
    # The last article where it was left; the sample only on the first run.
    window.session.start(choose_start(path, settings, _article_path(None)))
    QTimer.singleShot(FEEDS_START_DELAY_MS, window.start_feeds)
    log.info("window shown after %.3f s", time.perf_counter() - started)
    restore_signals = install_quit_on_signals(_quit_application)
    log.info("running; SIGINT or SIGTERM quits")
    try:
        code = app.exec()
    finally:
        window.shut_down()
        restore_signals()
    log.info("quit with exit code %d", code)
    return code


def take_screenshot(
    path: str | None, out: Path, service: Service, learner: LearnerStore, folder: Path
) -> int:
    """Render the window on `path` (default: the sample) once analysed, to the PNG `out`.

    `folder` is a scratch folder for the window's settings, so the user's are not touched.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    create_application()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = open_window(service, learner, settings, SCREENSHOT_SIZE)
    install_exception_hook(lambda: window)
    start = _article_path(path)
    if not wait_until_shown(window, lambda: window.session.start(start), SCREENSHOT_TIMEOUT_MS):
        log.warning("screenshot taken without analysis: %s", window.message_bar.text())
    ok = render_screenshot(window, out)
    window.close()
    if not ok:
        print(f"leeswijzer: could not write the screenshot {out}", file=sys.stderr)
        return 1
    print(f"screenshot written to {out}")
    return 0
