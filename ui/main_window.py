"""The main window: builds the reader, notes dock, toolbar, menus and message bar, and connects
them to the reading session (which owns the article, the reading and the background work)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSlider,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import AssistantError, message_text
from assistant.feeds import FeedStore
from assistant.learner.coverage import Coverage
from assistant.learner.exporting import ExportError, export_apkg, export_csv
from assistant.learner.importing import ImportPreview
from assistant.models import Article, Category, Level, PipelineInfo, Reading
from assistant.reading.sections import section_at
from ui.chapters import ChapterBox, ChapterNavigator, part_of
from ui.dialogs import AboutService, PasteDialog, choose_article_file, open_about
from ui.feeds import FeedRefresher, FeedsWindow
from ui.find_bar import FindBar
from ui.library import (
    LAST_KEY,
    LibraryWindow,
    Position,
    library_entries,
    positions,
    remember_position,
    remembered_section,
    reopenable,
    scroll_to_position,
    top_position,
)
from ui.message_bar import MessageBar
from ui.notes_panel import NotesPanel
from ui.notices import Notice, NoticeKind
from ui.plain_text import menu_text, plain_tooltip
from ui.preferences import PreferencesDialog, PreferencesService, load_reading_style
from ui.read_aloud import ReadAloud
from ui.reader import ReaderView
from ui.session import ReadingSession, SessionService, source_key
from ui.settings import as_bool, recent_files, remember_recent
from ui.shortcuts import FocusCycle, Region, ShortcutsDialog, first_focusable
from ui.speech import Speaker, create_speaker
from ui.theme import LegendWidget
from ui.vocabulary import VocabularyWindow
from ui.web import AddressDialog

IMPORT_FILTER = ("Word lists (*.txt *.csv *.tsv *.apkg);;Anki package (*.apkg);;"
                 "Text or Anki notes export (*.txt *.tsv);;CSV (*.csv);;All files (*)")
EXPORT_FILTER = "Anki package (*.apkg);;CSV, UTF-8 (*.csv)"

LEVELS = tuple(Level)
PROGRESS_DELAY_MS = 500
LOADING_MODEL = "Loading the Dutch language model…"
NO_MODEL = "No Dutch language model"


class WindowService(AboutService, PreferencesService, Protocol):
    """What the window's dialogs need from the reading service."""


class Service(SessionService, WindowService, Protocol):
    """Everything the app needs from assistant.service.ReadingAssistant."""


def window_title(article: Article | None) -> str:
    if article is None:
        return "Leeswijzer"
    title = article.title or (Path(article.source).name if article.source else "")
    return f"{message_text(title, 100)} — Leeswijzer" if title.strip() else "Leeswijzer"


class MainWindow(QMainWindow):
    """The reader window over a session; `service` serves the About and Preferences dialogs."""

    def __init__(
        self, session: ReadingSession, service: WindowService, settings: QSettings,
        speaker: Speaker | None = None, feeds: FeedStore | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.service = service
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setWindowTitle(window_title(None))
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(False)

        self.message_bar = MessageBar(self)
        self.reader = ReaderView(session.gloss, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        self.find_bar = FindBar(self.reader, central)
        self.find_bar.elsewhere = self._find_in_other_part
        self._folded: tuple[Article, str] | None = None  # the open text in lower case
        column.addWidget(self.find_bar)
        column.addWidget(self.reader, 1)
        self.setCentralWidget(central)

        self.notes = NotesPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes)

        self._progress = QProgressBar(self)
        self._progress.setRange(0, 0)
        self._progress.setMaximumWidth(140)
        self._progress.setTextVisible(False)
        self._progress.hide()
        self._status = QLabel(LOADING_MODEL, self)
        self._status.setObjectName("pipelineStatus")
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self._status, 1)
        self.coverage_label = QLabel("", self)
        self.coverage_label.setObjectName("coverage")
        self.statusBar().addPermanentWidget(self.coverage_label)
        # "Part 3 of 20" while a long text is read a section at a time.
        self.section_label = QLabel("", self)
        self.section_label.setObjectName("sectionPart")
        self.section_label.setTextFormat(Qt.TextFormat.PlainText)
        self.section_label.hide()
        self.statusBar().addPermanentWidget(self.section_label)
        # What the loader noticed about the open article (bad bytes replaced, a date ignored).
        self.article_warnings = QLabel(self)
        self.article_warnings.setObjectName("articleWarnings")
        self.article_warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.article_warnings.hide()
        self.statusBar().addWidget(self.article_warnings, 2)
        # While an article loads (after a moment): what the window waits for, and Cancel.
        self.loading_box = QWidget(self)
        loading_layout = QHBoxLayout(self.loading_box)
        loading_layout.setContentsMargins(0, 0, 0, 0)
        self.loading_label = QLabel(self.loading_box)
        self.loading_label.setObjectName("loadingWhat")
        self.loading_label.setTextFormat(Qt.TextFormat.PlainText)  # a file name or URL
        loading_layout.addWidget(self.loading_label)
        self.cancel_loading_button = QPushButton("Cancel", self.loading_box)
        self.cancel_loading_button.setObjectName("cancelLoading")
        self.cancel_loading_button.setToolTip("Stop opening it; the text shown stays")
        loading_layout.addWidget(self.cancel_loading_button)
        self.loading_box.hide()
        self.statusBar().addPermanentWidget(self.loading_box)
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(PROGRESS_DELAY_MS)
        self._loading_timer.timeout.connect(self._show_loading)
        self.statusBar().addPermanentWidget(self._progress)
        self.vocabulary: VocabularyWindow | None = None
        self.import_box: QMessageBox | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._maybe_show_progress)
        self.read_aloud = ReadAloud(
            self.reader, speaker if speaker is not None else create_speaker(self), settings, self)
        self.feeds_store = feeds if feeds is not None else FeedStore(None)
        self.feed_refresher = FeedRefresher(self.feeds_store, self.session.runner, parent=self)
        self.feed_refresher.fetched.connect(lambda _url, _said: self.show_new_feed_articles())
        self.library: LibraryWindow | None = None
        self.feeds_window: FeedsWindow | None = None
        self._shown_source: str | None = None  # the article shown, if it can be reopened
        # The section shown: its index and [start, end) in a text of how many characters.
        self._shown_section: tuple[int, int, int, int] = (0, 0, 0, 0)
        self._restore_at: int | None = None  # where to scroll once the analysis is shown
        self.chapter_box = ChapterBox(self)
        self.chapters = ChapterNavigator(self.reader, self.chapter_box.combo,
                                         session.go_to_section, self)
        session.resume_section = lambda source: remembered_section(self.settings, source)
        self.read_aloud.message.connect(
            lambda text: self.message_bar.show_notice(Notice(text, NoticeKind.WARNING)))

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._connect_session()
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
        self.address_action = self._action("Open web &address…", self.open_address, "Ctrl+L")
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
        self.import_action = self._action("&Import known words…", self.import_known)
        self.export_action = self._action("&Export saved words…", self.export_saved)
        self.anki_action = self._action("Send saved words to &Anki", self.session.send_to_anki)
        self.vocabulary_action = self._action("&Vocabulary", self.show_vocabulary,
                                              "Ctrl+Shift+B")
        self.mark_rest_action = self._action("Mark the &rest as known",
                                             self.session.mark_rest_known, "Ctrl+Shift+K")
        self.undo_action = self._action("&Undo", self.session.undo, QKeySequence.StandardKey.Undo)
        self.level_down_action = self._action("Level &down (more words marked)",
                                              lambda: self.step_level(-1), "Ctrl+[")
        self.level_up_action = self._action("Level &up (fewer words marked)",
                                            lambda: self.step_level(1), "Ctrl+]")
        self.next_region_action = self._action("Next part of the window",
                                               lambda: self.focus_cycle.move(True), "F6")
        self.previous_region_action = self._action("Previous part of the window",
                                                   lambda: self.focus_cycle.move(False),
                                                   "Shift+F6")
        self.shortcuts_action = self._action("&Keyboard shortcuts", self.show_shortcuts, "F1")
        self.find_action = self._action("&Find…", self.find_bar.open_bar,
                                        QKeySequence.StandardKey.Find)
        self.find_next_action = self._action("Find &next", lambda: self._find(True), "F3")
        self.find_previous_action = self._action("Find pre&vious", lambda: self._find(False),
                                                 "Shift+F3")
        self.library_action = self._action("&Library…", self.show_library, "Ctrl+Shift+L")
        self.feeds_action = self._action("News &feeds…", self.show_feeds, "Ctrl+Shift+U")
        self.next_chapter_action = self._action("&Next chapter or part", self.chapters.next,
                                                "Ctrl+PgDown")
        self.previous_chapter_action = self._action("Pre&vious chapter or part",
                                                    self.chapters.previous, "Ctrl+PgUp")
        read_aloud = self.read_aloud
        self.say_word_action = self._action("Say the &word", lambda: read_aloud.say_word(),
                                            "Ctrl+Shift+P")
        self.read_sentence_action = self._action("Read the &sentence aloud",
                                                 read_aloud.read_sentence, "Ctrl+R")
        self.read_paragraph_action = self._action("Read the &paragraph aloud",
                                                  read_aloud.read_paragraph, "Ctrl+Shift+R")
        self.stop_reading_action = self._action("S&top reading aloud", read_aloud.stop, "Ctrl+.")

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Reading", self)
        toolbar.setObjectName("readingToolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        toolbar.addAction(self.open_action)
        self.chapter_action = toolbar.addWidget(self.chapter_box)
        self.chapter_action.setVisible(False)
        self.chapters.chapters_changed.connect(self.chapter_action.setVisible)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Level ", toolbar))
        level = self.session.level
        self.level_slider = QSlider(Qt.Orientation.Horizontal, toolbar)
        self.level_slider.setObjectName("levelSlider")
        self.level_slider.setRange(0, len(LEVELS) - 1)
        self.level_slider.setPageStep(1)
        self.level_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.level_slider.setFixedWidth(140)
        self.level_slider.setValue(LEVELS.index(level))
        self.level_slider.setToolTip("Your level: words above it are marked")
        self.level_slider.valueChanged.connect(lambda value: self.session.set_level(LEVELS[value]))
        toolbar.addWidget(self.level_slider)
        self.level_label = QLabel(f" {level.value} ", toolbar)
        self.level_label.setObjectName("levelLabel")
        font = self.level_label.font()
        font.setBold(True)
        self.level_label.setFont(font)
        toolbar.addWidget(self.level_label)
        toolbar.addSeparator()
        toolbar.addAction(self.hard_action)
        toolbar.addAction(self.entities_action)
        self.legend = LegendWidget(toolbar)
        self.legend.category_toggled.connect(self.reader.set_category_shown)
        toolbar.addWidget(self.legend)
        self.toolbar = toolbar
        for action in toolbar.actions():  # reachable by Tab once F6 has moved to the toolbar
            button = toolbar.widgetForAction(action)
            if button is not None and button not in (self.level_slider, self.legend):
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.focus_cycle = FocusCycle([
            Region("text", self.reader, self._focus_text),
            Region("notes", self.notes, self.notes.focus_first),
            Region("toolbar", toolbar, lambda forward: first_focusable(toolbar)),
        ])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.paste_action)
        file_menu.addAction(self.address_action)
        file_menu.addAction(self.library_action)
        file_menu.addAction(self.feeds_action)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.setToolTipsVisible(True)  # the full path of each file
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.anki_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addAction(self.undo_action)
        edit.addAction(self.mark_rest_action)
        edit.addSeparator()
        edit.addAction(self.find_action)
        edit.addAction(self.find_next_action)
        edit.addAction(self.find_previous_action)
        edit.addSeparator()
        edit.addAction(self.preferences_action)
        view = bar.addMenu("&View")
        view.addAction(self.zoom_in_action)
        view.addAction(self.zoom_out_action)
        view.addAction(self.zoom_reset_action)
        view.addSeparator()
        view.addAction(self.level_down_action)
        view.addAction(self.level_up_action)
        view.addSeparator()
        view.addAction(self.hard_action)
        view.addAction(self.entities_action)
        view.addAction(self.notes_action)
        view.addAction(self.vocabulary_action)
        view.addSeparator()
        view.addAction(self.next_chapter_action)
        view.addAction(self.previous_chapter_action)
        speech = view.addMenu("Read &aloud")
        for action in (self.say_word_action, self.read_sentence_action,
                       self.read_paragraph_action, self.stop_reading_action):
            speech.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _connect_session(self) -> None:
        session = self.session
        session.article_shown.connect(self._on_article_shown)
        session.analysis_finished.connect(self._on_analysis_finished)
        session.reading_progress.connect(self._on_reading_progress)
        session.marks_changed.connect(self.reader.set_marking)
        session.notes_enriched.connect(self._on_notes_enriched)
        session.notes_hint.connect(lambda hint: self.notes.set_reading(None, hint))
        session.known_changed.connect(self.reader.set_known)
        session.level_changed.connect(self._on_level_changed)
        session.pipeline_ready.connect(self._on_pipeline_ready)
        session.pipeline_failed.connect(lambda _message: self._status.setText(NO_MODEL))
        session.notice.connect(self.message_bar.show_notice)
        session.notices_cleared.connect(self.message_bar.dismiss_error)
        session.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
        session.source_opened.connect(lambda source: remember_recent(self.settings, source))
        session.busy_changed.connect(self._on_busy)
        session.loading.connect(self._on_loading)
        self.cancel_loading_button.clicked.connect(session.cancel_loading)
        self.reader.known_requested.connect(session.set_known)
        self.reader.status_requested.connect(session.set_status)
        self.reader.save_requested.connect(session.save_word)
        self.reader.card_shown.connect(session.word_opened)
        session.view_changed.connect(self.reader.set_view)
        session.coverage_changed.connect(self._on_coverage)
        session.import_previewed.connect(self.confirm_import)
        session.learner_ready.connect(self._on_learner_ready)
        self.reader.text_clicked.connect(self._on_text_clicked)
        self.notes.note_selected.connect(self._on_note_selected)
        self.notes.time_selected.connect(self._on_time_selected)
        self.notes.nationalities_toggled.connect(self.reader.set_show_nationalities)
        self.reader.zoom_changed.connect(self.notes.set_scale)

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
            self.session.set_level(Level(level))
        self.hard_action.setChecked(as_bool(settings.value("reading/hard", True)))
        self.entities_action.setChecked(as_bool(settings.value("reading/entities", True)))
        hidden = str(settings.value("reading/hidden_categories", "") or "").split(",")
        self.legend.set_hidden(Category(v) for v in hidden if v in Category._value2member_map_)
        self.reader.set_reading_style(load_reading_style(settings))
        zoom = settings.value("reading/zoom", 0)
        with contextlib.suppress(ValueError):
            self.reader.set_zoom(int(str(zoom)))

    def save_settings(self) -> None:
        settings = self.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("reading/level", self.session.level.value)
        settings.setValue("reading/hard", self.hard_action.isChecked())
        settings.setValue("reading/entities", self.entities_action.isChecked())
        settings.setValue("reading/hidden_categories",
                          ",".join(sorted(c.value for c in self.legend.hidden())))
        settings.setValue("reading/zoom", self.reader.zoom)
        settings.sync()

    def recent_files(self) -> list[str]:
        return recent_files(self.settings)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        if not files:
            empty = self.recent_menu.addAction("No recent files")
            empty.setEnabled(False)
            return
        for path in files:
            action = self.recent_menu.addAction(menu_text(Path(path).name))
            action.setToolTip(plain_tooltip(path))
            action.triggered.connect(lambda _=False, p=path: self.session.open_path(p))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Save the settings and end the session; safe to repeat."""
        if self.session.closed:
            return
        self._progress_timer.stop()
        self.feed_refresher.stop()
        self.read_aloud.stop()
        self.reader.hide_card()
        self._keep_position()
        self.save_settings()
        self.session.shut_down()

    # -- what the session says -----------------------------------------------------------

    def _on_article_shown(self, article: Article) -> None:
        self._keep_position()  # of the article shown until now
        warnings = " ".join(article.warnings)
        self.article_warnings.setText(warnings)
        self.article_warnings.setToolTip(plain_tooltip(warnings) if warnings else "")
        self.article_warnings.setVisible(bool(warnings))
        self.reader.set_article(article)
        session = self.session
        sections, index = session.sections, session.section_index
        whole = session.whole_article
        self.chapters.set_article(article, whole, sections, index)
        self.chapter_box.set_parts(len(sections) > 1 and whole is not None and not whole.chapters)
        part = part_of(index, len(sections))
        self.section_label.setText(part)
        self.section_label.setVisible(bool(part))
        self.find_bar.set_scope(part.lower())  # "part 3 of 20"; "" for a text read whole
        self.legend.set_present(())
        self.setWindowTitle(window_title(article))
        if sections and whole is not None:
            section = sections[index]
            self._shown_section = (index, section.start, section.end, len(whole.text))
        else:
            self._shown_section = (0, 0, len(article.text), len(article.text))
        self._restore_position(article)

    def _on_analysis_finished(self, reading: Reading) -> None:
        self.legend.set_present(entity.category for entity in reading.analysed.entities)
        self.reader.set_marking(self.session.marking)
        self.reader.set_reading(reading)
        self.notes.set_reading(reading)
        if self._restore_at is not None and self.reader.verticalScrollBar().value() == 0:
            scroll_to_position(self.reader, self._restore_at)
        self._restore_at = None

    def _on_reading_progress(self, reading: Reading) -> None:
        """The first blocks analysed (the worker streams them): marked while the rest follows."""
        self.reader.set_marking(self.session.marking)
        self.reader.set_reading(reading)

    def _on_notes_enriched(self, reading: Reading) -> None:
        self.reader.set_reading(reading)
        self.notes.set_notes(reading.notes)

    def _on_level_changed(self, level: Level) -> None:
        self.level_label.setText(f" {level.value} ")
        self.level_slider.setValue(LEVELS.index(level))

    def _on_pipeline_ready(self, info: PipelineInfo) -> None:
        self._status.setText(f"Language model: {info.name} {info.version}")

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self._progress_timer.start()
        else:
            self._progress_timer.stop()
            self._progress.hide()

    def _on_loading(self, what: str) -> None:
        self.loading_label.setText(what)
        if what:
            self._loading_timer.start()
        else:
            self._loading_timer.stop()
            self.loading_box.hide()

    def _show_loading(self) -> None:
        if self.session.loading_what:
            self.loading_box.show()

    def _maybe_show_progress(self) -> None:
        if self.session.busy:
            self._progress.show()

    @property
    def progress_visible(self) -> bool:
        return self._progress.isVisibleTo(self)

    # -- what the learner does -----------------------------------------------------------

    def choose_file(self) -> None:
        recent = self.recent_files()
        path = choose_article_file(self, recent[0] if recent else None)
        if path:
            self.session.open_path(path)

    def paste_article(self) -> PasteDialog:
        dialog = PasteDialog(self)
        dialog.accepted.connect(lambda: self._open_pasted(dialog.text(), dialog.address()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _open_pasted(self, text: str, address: str | None) -> None:
        if address is not None:
            self.session.open_path(address)
        else:
            self.session.open_text(text)

    def open_address(self) -> AddressDialog:
        dialog = AddressDialog(self)
        dialog.accepted.connect(lambda: self._open_pasted("", dialog.address()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def step_level(self, steps: int) -> None:
        """One level up (fewer words marked) or down (more), as the slider does."""
        index = max(0, min(len(LEVELS) - 1, LEVELS.index(self.session.level) + steps))
        self.level_slider.setValue(index)
        self.statusBar().showMessage(f"Level {LEVELS[index].value}", 2000)

    def _focus_text(self, forward: bool) -> bool:
        self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.actions(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _find(self, forward: bool) -> None:
        if not self.find_bar.line.text():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_next(forward)

    def _find_in_other_part(self, text: str, forward: bool) -> bool:
        """Show the next part (or, going back, the previous one) holding `text`, in any letter
        case; False when no other part has it."""
        session = self.session
        whole, sections, index = session.whole_article, session.sections, session.section_index
        if whole is None or len(sections) < 2:
            return False
        if self._folded is None or self._folded[0] is not whole:
            self._folded = (whole, whole.text.lower())
        folded, needle = self._folded[1], text.lower()
        if forward:
            found = folded.find(needle, sections[index].end)
        else:
            found = folded.rfind(needle, 0, sections[index].start)
        if found < 0:
            return False
        target = section_at(sections, found)
        if target == index or not session.go_to_section(target):
            return False
        self.reader.finish_document()  # the match may lie past the document's first slice
        return True

    def _on_entities_toggled(self, show: bool) -> None:
        self.reader.set_show_entities(show)
        self.legend.setVisible(show)

    def _on_note_selected(self, key: str) -> None:
        note = self.notes.note(key)
        if note is not None:
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
            self.session.open_path(files[0])

    # -- library, reading positions and feeds ----------------------------------------------

    def _keep_position(self) -> None:
        if self._shown_source is not None:
            index, start, end, length = self._shown_section
            top = top_position(self.reader)
            place = Position(top.position, top.share, index).in_text(start, end, length)
            remember_position(self.settings, self._shown_source, place)

    def _restore_position(self, article: Article) -> None:
        """Back where the learner left this article (files and URLs; not pasted text)."""
        self._restore_at = None
        key = source_key(article.source) if reopenable(article.source) else None
        self._shown_source = key
        if key is None:
            return
        self.settings.setValue(LAST_KEY, key)
        place = positions(self.settings).get(key)
        if place is not None and place.position > 0 and place.section == self._shown_section[0]:
            self.reader.finish_document()  # the place may lie past a long text's first slice
            scroll_to_position(self.reader, place.position)
            self._restore_at = place.position

    def show_library(self) -> LibraryWindow:
        self._keep_position()
        if self.library is None:
            self.library = LibraryWindow(self)
            self.library.open_requested.connect(self.session.open_path)
        self._fill_library()
        self.library.show()
        self.library.raise_()
        self.library.activateWindow()
        return self.library

    def _fill_library(self) -> None:
        if self.library is not None:
            self.library.set_entries(library_entries(self.session.history(),
                                                     positions(self.settings)))

    def _on_learner_ready(self) -> None:
        """The learner's store is open: the lists shown while it opened are filled."""
        if self.library is not None and self.library.isVisible():
            self._fill_library()
        if self.vocabulary is not None and self.vocabulary.isVisible():
            self.vocabulary.refresh()

    def show_feeds(self) -> FeedsWindow:
        if self.feeds_window is None:
            self.feeds_window = FeedsWindow(self.feeds_store, self.session.runner, self,
                                            self.feed_refresher)
            self.feeds_window.open_requested.connect(self.session.open_path)
            self.feeds_window.open_requested.connect(lambda _url: self.show_new_feed_articles())
            self.feed_refresher.refresh_due()  # those not fetched in the last half hour
        self.feeds_window.show()
        self.feeds_window.raise_()
        self.feeds_window.activateWindow()
        return self.feeds_window

    def start_feeds(self) -> None:
        """Fetch the news feeds now and every half hour while the window is open."""
        if self.session.closed:
            return  # the start's timer fired after the window was closed
        self.show_new_feed_articles()
        self.feed_refresher.start()

    def show_new_feed_articles(self) -> None:
        """File → News feeds says how many articles are new."""
        try:
            new = self.feeds_store.new_count()
        except AssistantError:
            new = 0  # the feeds window says why when it is opened
        self.feeds_action.setText(f"News &feeds… ({new} new)" if new else "News &feeds…")

    # -- the learner's words -------------------------------------------------------------

    def _on_coverage(self, covered: Coverage) -> None:
        self.coverage_label.setText(covered.describe(
            "part" if len(self.session.sections) > 1 else "article"))

    def show_vocabulary(self) -> VocabularyWindow:
        if self.vocabulary is None:
            self.vocabulary = VocabularyWindow(self.session, self)
        self.vocabulary.refresh()
        self.vocabulary.show()
        self.vocabulary.raise_()
        return self.vocabulary

    def import_known(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import known words", "", IMPORT_FILTER)
        if path:
            self.session.preview_import(path)

    def confirm_import(self, preview: ImportPreview) -> QMessageBox:
        """Say what the import would do; nothing is written until the learner agrees."""
        box = QMessageBox(QMessageBox.Icon.Question, "Import known words",
                          f"{Path(preview.path).name}: {preview.describe()}.", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is untrusted text
        box.setInformativeText(f"Mark the {len(preview.new)} new words as known?")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(
            lambda button: self.session.apply_import(preview) if button is yes else None)
        self.import_box = box
        box.open()
        return box

    def export_saved(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(self, "Export saved words",
                                                   "leeswijzer-vocabulary.apkg", EXPORT_FILTER)
        if path:
            self.export_to(Path(path), csv="CSV" in chosen)

    def export_to(self, path: Path, csv: bool = False) -> int:
        """Write the saved words to `path` (.csv or .apkg by its suffix); returns how many (0
        while the learner's store opens: written once it is)."""
        return self.session.when_learner_open(lambda: self._export_to(path, csv), 0)

    def _export_to(self, path: Path, csv: bool) -> int:
        words = self.session.saved_words()
        try:
            if csv or path.suffix.lower() == ".csv":
                count = export_csv(words, path.with_suffix(".csv"))
            else:
                count = export_apkg(words, path.with_suffix(".apkg"))
        except ExportError as error:
            self.session.report_error(error)
            return 0
        self.statusBar().showMessage(f"{count} saved words exported to {path.name}.", 6000)
        return count

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.service, self.settings, self)
        dialog.reading_style_changed.connect(self.reader.set_reading_style)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_about(self) -> QMessageBox:
        return open_about(self, self.service)
