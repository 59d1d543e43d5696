"""The library: articles read (title, date, coverage, reading position), each reopened where the
learner left it, and what opens at start (the last article; the sample only on the first run)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import message_text
from assistant.learner.history import ReadingRecord
from ui.plain_text import plain_tooltip
from ui.session import source_key
from ui.settings import as_bool

# JSON: {source: [document position, share of the text, section]}; records written before
# long texts opened in sections have no section: the first (the whole text of a short one).
POSITIONS_KEY = "library/positions"
LAST_KEY = "library/last"
STARTED_KEY = "library/started"
MAX_POSITIONS = 500
PASTED = "pasted text"
EMPTY_LIBRARY = "Articles you open appear here, with how much of them you know."


@dataclass(frozen=True, slots=True)
class Position:
    """Where the top of the screen was: the section shown (assistant.reading.sections), a
    position in its document, and the share of the whole text above."""

    position: int
    share: float
    section: int = 0

    def in_text(self, start: int, end: int, length: int) -> Position:
        """This position, its share counted in the whole text of `length` characters when the
        document shown was the text's [start, end)."""
        share = (start + self.share * (end - start)) / length if length else 0.0
        return Position(self.position, min(1.0, max(0.0, share)), self.section)


def reopenable(source: str | None) -> bool:
    """A source that can be opened again (not pasted text, not a file that went away)."""
    if not source or source == PASTED:
        return False
    return "://" in source or Path(source).is_file()


def positions(settings: QSettings) -> dict[str, Position]:
    try:
        raw = json.loads(str(settings.value(POSITIONS_KEY, "{}")))
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    found: dict[str, Position] = {}
    for source, value in raw.items():
        if (isinstance(value, list) and len(value) in (2, 3) and isinstance(value[0], int)
                and isinstance(value[1], int | float)
                and all(isinstance(v, int) and not isinstance(v, bool) for v in value[2:])):
            section = max(0, value[2]) if len(value) == 3 else 0
            found[str(source)] = Position(max(0, value[0]), min(1.0, max(0.0, float(value[1]))),
                                          section)
    return found


def remembered_section(settings: QSettings, source: str) -> int:
    """The section `source` was left at (0 when it was never read, or is short)."""
    place = positions(settings).get(source)
    return place.section if place is not None else 0


def remember_position(settings: QSettings, source: str, position: Position) -> None:
    """Keep `source`'s position (the newest MAX_POSITIONS sources) and make it the last one."""
    kept = {key: value for key, value in positions(settings).items() if key != source}
    kept[source] = position
    newest = list(kept.items())[-MAX_POSITIONS:]
    settings.setValue(POSITIONS_KEY, json.dumps(
        {key: [value.position, round(value.share, 4), value.section]
         for key, value in newest}))
    settings.setValue(LAST_KEY, source)


def choose_start(path: str | None, settings: QSettings, sample: str) -> str | None:
    """What opens at start: `path`; else the last article if it can be opened again; else the
    sample on the very first run only (and this run is remembered as one)."""
    first_run = not as_bool(settings.value(STARTED_KEY, False))
    settings.setValue(STARTED_KEY, True)
    if path:
        return path
    last = settings.value(LAST_KEY)
    if isinstance(last, str) and reopenable(last):
        return last
    return sample if first_run else None


def top_position(reader: QTextEdit) -> Position:
    """The document position at the top of the reader's screen."""
    position = reader.cursorForPosition(QPoint(0, 0)).position()
    count = max(1, reader.document().characterCount() - 1)
    return Position(position, min(1.0, position / count))


def scroll_to_position(reader: QTextEdit, position: int) -> None:
    """Scroll so that the document position is at the top of the screen."""
    document = reader.document()
    cursor = QTextCursor(document)
    cursor.setPosition(max(0, min(position, document.characterCount() - 1)))
    bar = reader.verticalScrollBar()
    bar.setValue(bar.value() + reader.cursorRect(cursor).top())


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One article in the library: its latest reading and where the learner left it."""

    source: str
    title: str
    article_date: str | None
    read_at: float
    share: float  # coverage when last read
    times: int
    position: Position | None

    @property
    def file(self) -> str:
        """Where the article came from, shortly: the file's name, or the page's address
        without its scheme."""
        if "://" in self.source:
            return self.source.split("://", 1)[1]
        return Path(self.source).name or self.source

    def cells(self) -> list[str]:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.read_at))
        share = self.position.share if self.position is not None else 0.0
        place = f"{round(share * 100)} %" if share >= 0.01 else "beginning"
        return [message_text(self.title, 200), message_text(self.file, 80),
                self.article_date or "", when, f"{round(self.share * 100)} %", place]


COLUMNS = ["Title", "File", "Article date", "Last read", "Known words", "Reading position"]
FILE_COLUMN = 1


def library_entries(history: Iterable[ReadingRecord],
                    places: dict[str, Position]) -> list[LibraryEntry]:
    """One entry per source that can be opened again, the last read first."""
    latest: dict[str, tuple[ReadingRecord, int]] = {}
    for record in history:
        if record.source == PASTED:
            continue
        key = source_key(record.source)
        times = latest[key][1] + 1 if key in latest else 1
        latest[key] = (record, times)
    entries = [
        LibraryEntry(key, record.title or Path(key).name or key, record.article_date,
                     record.read_at, record.share, times, places.get(key))
        for key, (record, times) in latest.items()
    ]
    return sorted(entries, key=lambda entry: entry.read_at, reverse=True)


class LibraryWindow(QDialog):
    """View → Library: articles read; Enter or a double-click opens one where it was left."""

    open_requested = Signal(str)  # source

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryWindow")
        self.setWindowTitle("Library")
        self.resize(900, 420)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("libraryList")
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSortingEnabled(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(FILE_COLUMN, 140)
        self.tree.itemActivated.connect(self._on_activated)
        self.empty_label = QLabel(EMPTY_LIBRARY, self)
        self.empty_label.setObjectName("libraryEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self._entries: list[LibraryEntry] = []

    @property
    def entries(self) -> list[LibraryEntry]:
        return list(self._entries)

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        self._entries = list(entries)
        self.tree.clear()
        muted = self.tree.palette().color(QPalette.ColorRole.PlaceholderText)
        for entry in entries:
            item = QTreeWidgetItem(entry.cells())
            item.setData(0, Qt.ItemDataRole.UserRole, entry.source)
            for column in (0, FILE_COLUMN):
                item.setToolTip(column, plain_tooltip(entry.source))
            item.setForeground(FILE_COLUMN, muted)  # the title first, the file second
            for column in (4, 5):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.tree.addTopLevelItem(item)
        self.empty_label.setVisible(not entries)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.setFocus()

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        source = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(source, str):
            self.open_requested.emit(source)
            self.accept()
