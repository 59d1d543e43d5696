"""The main window: reader, notes dock, level slider, menus, message bar and background work."""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import assistant
from assistant.errors import AssistantError
from assistant.learner.known_words import KnownWords
from assistant.models import Article, GlossCard, Level, Note, PipelineInfo, Reading
from ui.notes_panel import NotesPanel
from ui.preferences import PreferencesDialog, as_bool
from ui.reader import ReaderView
from ui.tasks import Request, TaskRunner
from ui.theme import LegendWidget

log = logging.getLogger(__name__)

LEVELS = tuple(Level)
MAX_RECENT = 8
PROGRESS_DELAY_MS = 500
FILE_FILTER = (
    "Articles (*.txt *.html *.htm *.epub);;Text (*.txt);;Web pages (*.html *.htm);;"
    "E-books (*.epub);;All files (*)"
)


class Service(Protocol):
    """What the window needs from assistant.service.ReadingAssistant."""

    @property
    def pipeline_info(self) -> PipelineInfo | None: ...
    def load_pipeline(self) -> PipelineInfo: ...
    def load_article(self, path: str | Path) -> Article: ...
    def article_from_text(self, text: str) -> Article: ...
    def read(self, article: Article, level: Level, known_lemmas: frozenset[str]) -> Reading: ...
    def relevel(self, reading: Reading, level: Level, known_lemmas: frozenset[str]) -> Reading: ...
    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None: ...
    def enrich(self, note: Note) -> Note: ...
    def attributions(self) -> tuple[tuple[str, str], ...]: ...
    def installed_pipelines(self) -> list[str]: ...
    @property
    def pipeline_name(self) -> str | None: ...
    @property
    def online(self) -> bool: ...
    def set_online(self, enabled: bool) -> None: ...


class MessageBar(QFrame):
    """The one place where problems are shown: a sentence, optional details, a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        self._label = QLabel(self)
        self._label.setObjectName("messageText")
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._label, 1)
        self._details_button = QPushButton("Details…", self)
        self._details_button.clicked.connect(self._show_details)
        layout.addWidget(self._details_button)
        close = QPushButton("✕", self)
        close.setObjectName("messageClose")
        close.setFlat(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.dismiss)
        layout.addWidget(close)
        self._details = ""
        self.kind = ""
        self.hide()

    def text(self) -> str:
        return self._label.text() if not self.isHidden() else ""

    @property
    def details(self) -> str:
        return self._details

    def show_message(self, text: str, kind: str = "error", details: str = "") -> None:
        self.kind = kind
        self._label.setText(text)
        self._details = details
        self._details_button.setVisible(bool(details))
        colours = {
            "error": ("#f8d7da", "#58151c", "#f1aeb5"),
            "warning": ("#fff3cd", "#664d03", "#ffe69c"),
            "info": ("#cfe2ff", "#052c65", "#9ec5fe"),
        }
        background, foreground, border = colours.get(kind, colours["info"])
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border-bottom: 1px solid {border}; }}"
            f" #messageBar QLabel {{ color: {foreground}; }}"
            f" #messageBar QPushButton {{ color: {foreground}; }}"
        )
        self.show()

    def dismiss(self) -> None:
        self._details = ""
        self.kind = ""
        self.hide()

    def _show_details(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Details", self._label.text(), parent=self)
        box.setDetailedText(self._details)
        box.open()


class PasteDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste an article")
        layout = QVBoxLayout(self)
        hint = QLabel("Paste Dutch text; separate paragraphs with an empty line.", self)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(" date 2024-06 Het nieuws van vandaag…")
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def text(self) -> str:
        return self.editor.toPlainText()


class MainWindow(QMainWindow):
    """The reader window. Pass the service, a settings object and the data folder."""

    article_shown = Signal(object)  # Article
    analysis_finished = Signal(object)  # Reading
    pipeline_ready = Signal(object)  # PipelineInfo
    message_shown = Signal(str)
    notes_enriched = Signal()

    def __init__(
        self,
        service: Service,
        settings: QSettings,
        data_dir: Path,
        runner: TaskRunner | None = None,
        known_words: KnownWords | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.settings = settings
        self.data_dir = Path(data_dir)
        self.runner = runner or TaskRunner(self)
        if self.runner.parent() is None:
            self.runner.setParent(self)
        self.known_words = known_words or KnownWords(self.data_dir / "learner.sqlite")
        self._known: frozenset[str] | None = None
        self._reading: Reading | None = None
        self._article: Article | None = None
        self._pipeline_error: AssistantError | None = None
        self._pipeline_requested = False
        self._level = Level.B1
        self.setObjectName("mainWindow")
        self.setWindowTitle("Leeswijzer")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(False)

        self.message_bar = MessageBar(self)
        self.reader = ReaderView(self._gloss, self)
        self.reader.known_requested.connect(self.set_known)
        self.reader.text_clicked.connect(self._on_text_clicked)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        column.addWidget(self.reader, 1)
        self.setCentralWidget(central)

        self.notes = NotesPanel(self)
        self.notes.note_selected.connect(self._on_note_selected)
        self.notes.time_selected.connect(self._on_time_selected)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes)

        self._progress = QProgressBar(self)
        self._progress.setRange(0, 0)
        self._progress.setMaximumWidth(140)
        self._progress.setTextVisible(False)
        self._progress.hide()
        self._status = QLabel("Loading the Dutch language model…", self)
        self._status.setObjectName("pipelineStatus")
        self.statusBar().addWidget(self._status, 1)
        self.statusBar().addPermanentWidget(self._progress)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._maybe_show_progress)
        self.runner.busy_changed.connect(self._on_busy)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._restore_settings()

    # -- construction --------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object] | None = None,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action("&Open…", self.choose_file, QKeySequence.StandardKey.Open)
        self.paste_action = self._action("&Paste article…", self.paste_article, "Ctrl+Shift+V")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.zoom_in_action = self._action(
            "Zoom &in", lambda: self.reader.set_zoom(self.reader.zoom + 1), "Ctrl++"
        )
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(
            "Zoom &out", lambda: self.reader.set_zoom(self.reader.zoom - 1), "Ctrl+-"
        )
        self.zoom_reset_action = self._action(
            "&Actual size", lambda: self.reader.set_zoom(0), "Ctrl+0"
        )
        self.hard_action = self._action("Mark &hard words", None, "Ctrl+H", checkable=True)
        self.hard_action.setChecked(True)
        self.hard_action.toggled.connect(self.reader.set_show_hard)
        self.entities_action = self._action(
            "Highlight &names", None, "Ctrl+E", checkable=True
        )
        self.entities_action.setChecked(True)
        self.entities_action.toggled.connect(self._on_entities_toggled)
        self.notes_action = self.notes.toggleViewAction()
        self.notes_action.setText("&Notes panel")
        self.notes_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.about_action = self._action("&About Leeswijzer", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.preferences_action = self._action("&Preferences…", self.show_preferences)
        self.preferences_action.setShortcuts(
            [*QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences),
             QKeySequence("Ctrl+,")]
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Reading", self)
        toolbar.setObjectName("readingToolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        toolbar.addAction(self.open_action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Level ", toolbar))
        self.level_slider = QSlider(Qt.Orientation.Horizontal, toolbar)
        self.level_slider.setObjectName("levelSlider")
        self.level_slider.setRange(0, len(LEVELS) - 1)
        self.level_slider.setPageStep(1)
        self.level_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.level_slider.setFixedWidth(140)
        self.level_slider.setValue(LEVELS.index(self._level))
        self.level_slider.setToolTip("Your level: words above it are marked")
        self.level_slider.valueChanged.connect(self._on_slider)
        toolbar.addWidget(self.level_slider)
        self.level_label = QLabel(f" {self._level.value} ", toolbar)
        self.level_label.setObjectName("levelLabel")
        font = self.level_label.font()
        font.setBold(True)
        self.level_label.setFont(font)
        toolbar.addWidget(self.level_label)
        toolbar.addSeparator()
        toolbar.addAction(self.hard_action)
        toolbar.addAction(self.entities_action)
        self.legend = LegendWidget(toolbar)
        toolbar.addWidget(self.legend)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.paste_action)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addAction(self.preferences_action)
        view = bar.addMenu("&View")
        view.addAction(self.zoom_in_action)
        view.addAction(self.zoom_out_action)
        view.addAction(self.zoom_reset_action)
        view.addSeparator()
        view.addAction(self.hard_action)
        view.addAction(self.entities_action)
        view.addAction(self.notes_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    # -- settings ------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = self.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 780)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        else:
            self.resizeDocks([self.notes], [330], Qt.Orientation.Horizontal)
        level = str(settings.value("reading/level", Level.B1.value))
        if level in Level._value2member_map_:
            self.level_slider.setValue(LEVELS.index(Level(level)))
        self.hard_action.setChecked(as_bool(settings.value("reading/hard", True)))
        self.entities_action.setChecked(as_bool(settings.value("reading/entities", True)))
        zoom = settings.value("reading/zoom", 0)
        with contextlib.suppress(ValueError):
            self.reader.set_zoom(int(str(zoom)))

    def save_settings(self) -> None:
        settings = self.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("reading/level", self._level.value)
        settings.setValue("reading/hard", self.hard_action.isChecked())
        settings.setValue("reading/entities", self.entities_action.isChecked())
        settings.setValue("reading/zoom", self.reader.zoom)
        settings.sync()

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent/files", [])
        if isinstance(value, str):
            return [value] if value else []
        return [str(item) for item in value] if isinstance(value, list) else []

    def _remember(self, path: str) -> None:
        files = [path, *[p for p in self.recent_files() if p != path]][:MAX_RECENT]
        self.settings.setValue("recent/files", files)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            empty = self.recent_menu.addAction("No recent files")
            empty.setEnabled(False)
            return
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Save the settings, stop background work, close the database; safe to repeat."""
        if self.runner.closed:
            return
        self._progress_timer.stop()
        self.reader.hide_card()
        self.save_settings()
        self.runner.shutdown()
        self.known_words.close()

    # -- state ---------------------------------------------------------------------------

    @property
    def level(self) -> Level:
        return self._level

    @property
    def reading(self) -> Reading | None:
        return self._reading

    @property
    def article(self) -> Article | None:
        return self._article

    def known(self) -> frozenset[str]:
        if self._known is None:
            try:
                self._known = self.known_words.all()
            except AssistantError as error:
                self.show_error(error)
                self._known = frozenset()
            if self.known_words.recovered_message:
                self.show_message(self.known_words.recovered_message, "warning")
            self.reader.set_known(self._known)
        return self._known

    # -- messages ------------------------------------------------------------------------

    def show_message(self, text: str, kind: str = "error", details: str = "") -> None:
        self.message_bar.show_message(text, kind, details)
        self.message_shown.emit(text)

    def show_error(self, error: BaseException, doing: str = "") -> None:
        """Show a core error's message, or an unexpected error with its details (logged)."""
        if isinstance(error, AssistantError):
            self.show_message(error.message, "error")
            return
        log.error("unexpected error %s", doing, exc_info=error)
        details = "".join(traceback.format_exception(error))
        what = f" while {doing}" if doing else ""
        self.show_message(
            f"Something went wrong{what}: {type(error).__name__}: {error}. "
            "The app keeps running; see the details.",
            "error",
            details,
        )

    # -- background work -----------------------------------------------------------------

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self._progress_timer.start()
        else:
            self._progress_timer.stop()
            self._progress.hide()

    def _maybe_show_progress(self) -> None:
        if self.runner.busy:
            self._progress.show()

    @property
    def progress_visible(self) -> bool:
        return self._progress.isVisibleTo(self)

    def start(self, path: str | Path | None = None) -> None:
        """Begin loading the model in the background and open `path` if given."""
        self.load_pipeline()
        if path is not None:
            self.open_path(path)

    def load_pipeline(self) -> None:
        """Ask for the model in the background (once); the service warms its data meanwhile."""
        if self._pipeline_requested:
            return
        self._pipeline_requested = True
        self.runner.run(
            "pipeline", self.service.load_pipeline, self._on_pipeline, self._on_pipeline_error
        )

    def _on_pipeline(self, info: PipelineInfo) -> None:
        self._status.setText(f"Language model: {info.name} {info.version}")
        self.pipeline_ready.emit(info)

    def _on_pipeline_error(self, error: BaseException) -> None:
        if isinstance(error, AssistantError):
            self._pipeline_error = error
            self._status.setText("No Dutch language model")
            if self._reading is None:
                self.notes.set_reading(None, "Notes need a Dutch language model.")
        self.show_error(error, "loading the language model")

    def choose_file(self) -> None:
        start = self.recent_files()[0] if self.recent_files() else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open an article", start, FILE_FILTER)
        if path:
            self.open_path(path)

    def paste_article(self) -> None:
        dialog = PasteDialog(self)
        dialog.accepted.connect(lambda: self.open_text(dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_path(self, path: str | Path) -> Request:
        """Load and analyse a file in the background; earlier requests are dropped."""
        name = str(path)
        return self._open(lambda: self.service.load_article(name), name)

    def open_text(self, text: str) -> Request:
        return self._open(lambda: self.service.article_from_text(text), None)

    def _open(self, load: Callable[[], Article], path: str | None) -> Request:
        request = self.runner.request("article")
        self.runner.run(
            request,
            load,
            lambda article: self._on_article(request, article, path),
            lambda error: self._on_article_error(error, path),
            lane="load",
        )
        return request

    def _on_article_error(self, error: BaseException, path: str | None) -> None:
        self.show_error(error, f"opening {Path(path).name}" if path else "reading pasted text")

    def _on_article(self, request: Request, article: Article, path: str | None) -> None:
        if path is not None:
            self._remember(str(Path(path).resolve()) if "://" not in path else path)
        self._article = article
        self._reading = None
        if self.message_bar.kind == "error" and self._pipeline_error is None:
            self.message_bar.dismiss()
        self.reader.set_article(article)
        self.legend.set_present(())
        title = article.title or (Path(article.source).name if article.source else "")
        self.setWindowTitle(f"{title} — Leeswijzer" if title else "Leeswijzer")
        self.notes.set_reading(None, "Analysing the article…")
        self.article_shown.emit(article)
        if self._pipeline_error is not None:
            self.notes.set_reading(None, "Notes need a Dutch language model.")
            self.show_error(self._pipeline_error)
            return
        level, known = self._level, self.known()
        self.runner.run(
            request,
            lambda: self.service.read(article, level, known),
            self._on_reading,
            lambda error: self.show_error(error, "analysing the article"),
            lane="nlp",
        )

    def _on_reading(self, reading: Reading) -> None:
        known = self.known()
        if reading.analysed.level is not self._level or known:
            reading = self.service.relevel(reading, self._level, known)
        self._set_reading(reading)
        self.analysis_finished.emit(reading)
        self._enrich(reading)

    def _set_reading(self, reading: Reading) -> None:
        self._reading = reading
        self.legend.set_present(entity.category for entity in reading.analysed.entities)
        self.reader.set_reading(reading)
        self.notes.set_reading(reading)

    def _enrich(self, reading: Reading) -> None:
        notes = reading.notes
        if not notes:
            return

        def job() -> tuple[Note, ...]:
            return tuple(self.service.enrich(note) for note in notes)

        def done(enriched: tuple[Note, ...]) -> None:
            current = self._reading
            if current is None or current.notes is not notes or enriched == notes:
                return
            self._reading = Reading(current.analysed, enriched, current.times)
            self.reader.set_reading(self._reading)
            self.notes.set_notes(enriched)
            self.notes_enriched.emit()

        def failed(error: BaseException) -> None:
            log.warning("enrichment failed: %s", error)

        self.runner.run("enrich", job, done, failed, lane="net")

    # -- level, toggles, known words -----------------------------------------------------

    def _on_slider(self, value: int) -> None:
        self.set_level(LEVELS[value])

    def set_level(self, level: Level) -> None:
        """Re-mark hard words for a level (instant; no pipeline run)."""
        self._level = level
        self.level_label.setText(f" {level.value} ")
        if self.level_slider.value() != LEVELS.index(level):
            self.level_slider.setValue(LEVELS.index(level))
            return
        self._relevel()

    def _relevel(self) -> None:
        if self._reading is None:
            return
        try:
            reading = self.service.relevel(self._reading, self._level, self.known())
        except Exception as error:
            self.show_error(error, "re-marking the words")
            return
        self._reading = reading
        self.reader.set_reading(reading)

    def set_known(self, lemma: str, known: bool) -> None:
        """Mark a lemma known (or forget it), store it and re-mark the text."""
        try:
            if known:
                self.known_words.add(lemma)
            else:
                self.known_words.remove(lemma)
            self._known = self.known_words.all()
        except AssistantError as error:
            self.show_error(error)
            return
        self.reader.set_known(self._known)
        self._relevel()
        verb = "marked as known" if known else "will be marked again"
        self.statusBar().showMessage(f"“{lemma}” {verb}.", 4000)

    def _on_entities_toggled(self, show: bool) -> None:
        self.reader.set_show_entities(show)
        self.legend.setVisible(show)

    # -- notes ---------------------------------------------------------------------------

    def _on_note_selected(self, key: str) -> None:
        note = self.notes.note(key)
        if note is None:
            return
        self.reader.highlight_mentions([(m.start, m.end) for m in note.mentions])

    def _on_time_selected(self, start: int, end: int) -> None:
        self.notes.clear_selection()
        self.reader.highlight_mentions([(start, end)])

    def _on_text_clicked(self, offset: int) -> None:
        note = self.notes.note_at(offset)
        if note is not None:
            self.notes.select(note.key)
            if not self.notes.isVisible():
                self.notes.show()

    def _gloss(self, reading: Reading, index: int) -> GlossCard | None:
        return self.service.gloss(reading, index)

    # -- drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and any(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # -- about ---------------------------------------------------------------------------

    def about_html(self) -> str:
        info = self.service.pipeline_info
        model = f"{info.name} {info.version}" if info else "not loaded"
        rows = "".join(
            f"<p><b>{escape(name)}</b><br>{escape(text)}</p>"
            for name, text in self.service.attributions()
        )
        return (
            f"<h3>Leeswijzer {escape(assistant.__version__)}</h3>"
            "<p>A reading assistant for learners of Dutch.</p>"
            f"<p>Dutch language model: {escape(model)}</p>"
            f"<h4>Data sources and licences</h4>{rows}"
        )

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.service, self.settings, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About Leeswijzer")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_html())
        icon = self.windowIcon()
        if not icon.isNull():
            box.setIconPixmap(icon.pixmap(64, 64))
        box.open()
