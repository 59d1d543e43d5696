"""The keyboard: F6 between the window's parts (text, notes panel, toolbar) and the shortcuts
page (F1), built from the window's own actions and the keys the text and its cards take."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class WordCommand(Enum):
    """What a key does to the focused word (or the word whose card is open)."""

    KNOWN = "known"
    SAVE = "save"
    IGNORE = "ignore"
    LEARNING = "learning"  # the key's place in `keys` + 1 is the step


@dataclass(frozen=True, slots=True)
class KeyBinding:
    """One row of the shortcuts page; with `command`, also the keys the reader acts on."""

    label: str
    what: str
    keys: tuple[Qt.Key, ...] = ()
    command: WordCommand | None = None


# The one table of keys the text takes (not window actions): the reader acts on those with a
# command, and the shortcuts page lists them all.
TEXT_KEYS: tuple[KeyBinding, ...] = (
    KeyBinding("Tab / Shift+Tab", "next / previous hard word or name, with its card (past "
               "the last one: out of the text)"),
    KeyBinding("K", "I know this word (again: forget it)", (Qt.Key.Key_K,), WordCommand.KNOWN),
    KeyBinding("1 – 4", "learning, step 1 (new) to 4 (almost known)",
               (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4), WordCommand.LEARNING),
    KeyBinding("I", "ignore (a name or a foreign word)", (Qt.Key.Key_I,), WordCommand.IGNORE),
    KeyBinding("S", "save the word with its sentence", (Qt.Key.Key_S,), WordCommand.SAVE),
    KeyBinding("Esc", "close the card, or the marked mentions"),
    KeyBinding("Ctrl (held)", "the card for any word the mouse rests on, not only hard ones"),
)
NOTES_KEYS: tuple[KeyBinding, ...] = (
    KeyBinding("Tab / Shift+Tab", "next / previous note card"),
    KeyBinding("Enter or Space", "open the card: its mentions are marked in the text"),
)
MOVING_KEYS: tuple[KeyBinding, ...] = (
    KeyBinding("F6 / Shift+F6", "to the text, the notes panel, the toolbar and round"),
)


def word_command(key: int) -> tuple[WordCommand, int] | None:
    """The command a bare key gives the focused word, with the key's place in its row."""
    for binding in TEXT_KEYS:
        if binding.command is not None and key in binding.keys:
            return binding.command, binding.keys.index(Qt.Key(key))
    return None


def keys_of(command: WordCommand) -> tuple[Qt.Key, ...]:
    """The keys of a command (the context menu shows them as the actions' shortcuts)."""
    return next(b.keys for b in TEXT_KEYS if b.command is command)


@dataclass(frozen=True, slots=True)
class Region:
    """One part of the window F6 moves to: `enter` gives it the focus (False: it cannot now)."""

    name: str
    widget: QWidget
    enter: Callable[[bool], bool]


class FocusCycle:
    """F6 / Shift+F6: the next or previous region that can take the focus, round the end."""

    def __init__(self, regions: Sequence[Region]) -> None:
        self.regions = tuple(regions)

    def current(self) -> int | None:
        """The region holding the keyboard focus, or None."""
        focus = QApplication.focusWidget()
        for index, region in enumerate(self.regions):
            if focus is not None and (focus is region.widget or region.widget.isAncestorOf(focus)):
                return index
        return None

    def move(self, forward: bool = True) -> str | None:
        """Focus the next (previous) region that takes it; its name, or None."""
        count = len(self.regions)
        current = self.current()
        start = (current if current is not None else (-1 if forward else 0))
        for step in range(1, count + 1):
            index = (start + step if forward else start - step) % count
            region = self.regions[index]
            if index != current and region.widget.isVisible() and region.enter(forward):
                return region.name
        return None


def first_focusable(widget: QWidget, forward: bool = True) -> bool:
    """Focus the first (or last) child of `widget` that takes the focus by Tab."""
    children = [child for child in widget.findChildren(QWidget)
                if child.isVisibleTo(widget) and child.isEnabled()
                and child.focusPolicy() & Qt.FocusPolicy.TabFocus]
    chain = _in_focus_order(widget, children)
    if not chain:
        return False
    target = chain[0] if forward else chain[-1]
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return True


def _in_focus_order(root: QWidget, candidates: list[QWidget]) -> list[QWidget]:
    """The candidates in Tab order (the window's focus chain), those outside it last."""
    wanted = set(map(id, candidates))
    ordered: list[QWidget] = []
    start = root.window()
    widget = start.nextInFocusChain()
    seen = 0
    while widget is not None and widget is not start and seen < 10_000:
        if id(widget) in wanted and widget not in ordered:
            ordered.append(widget)
        widget = widget.nextInFocusChain()
        seen += 1
    return ordered + [c for c in candidates if c not in ordered]


def _on_keyboard(sequence: QKeySequence) -> bool:
    """Whether a standard shortcut is typed, not one of the media or launch keys some
    keyboards have ("Open", "Copy"), which the page would list as words."""
    first: QKeyCombination = sequence[0]  # type: ignore[index]
    return first.key().value < Qt.Key.Key_Back.value


def action_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action with a shortcut, as the menus name it."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [key.toString(QKeySequence.SequenceFormat.NativeText)
                for key in action.shortcuts() if not key.isEmpty() and _on_keyboard(key)]
        if keys:
            what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.append((" or ".join(dict.fromkeys(keys)), what.rstrip("…")))
    return rows


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts (F1): every key the window and the text take."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.sections: list[tuple[str, list[tuple[str, str]]]] = [
            ("In the text", [(b.label, b.what) for b in TEXT_KEYS]),
            ("In the notes panel", [(b.label, b.what) for b in NOTES_KEYS]),
            ("Moving around", [(b.label, b.what) for b in MOVING_KEYS]),
            ("Commands", action_rows(actions)),
        ]
        self.table = QTableWidget(self)
        self.table.setObjectName("shortcutsTable")
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels(["Keys", "What they do"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        rows = sum(len(entries) + 1 for _title, entries in self.sections)
        self.table.setRowCount(rows)
        row = 0
        for title, entries in self.sections:
            heading = QTableWidgetItem(title)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, heading)
            self.table.setSpan(row, 0, 1, 2)
            row += 1
            for keys, what in entries:
                self.table.setItem(row, 0, QTableWidgetItem(keys))
                self.table.setItem(row, 1, QTableWidgetItem(what))
                row += 1
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def rows(self) -> list[tuple[str, str]]:
        """Every (keys, what) row shown, section headings left out."""
        return [entry for _title, entries in self.sections for entry in entries]
