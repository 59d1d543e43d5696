"""Find in the article (Ctrl+F): a bar above the text with next and previous, and the count."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

MAX_MATCHES = 10_000


class FindBar(QFrame):
    """Finds text in a text view's document, whatever its letter case. Enter and F3 go to the
    next match, Shift+Enter and Shift+F3 to the previous one, round the end; Esc closes the
    bar and gives the text back the focus. While a long text is read a part at a time, the
    bar finds in the part shown (its `scope`), and past its last match `elsewhere` may show
    the next part that has one (the previous part, going back)."""

    closed = Signal()

    def __init__(self, view: QTextEdit | QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._view = view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 6, 4)
        layout.setSpacing(6)
        layout.addWidget(QLabel("Find:", self))
        self.line = QLineEdit(self)
        self.line.setObjectName("findLine")
        self.line.setPlaceholderText("a word or phrase in the article")
        self.line.setClearButtonEnabled(True)
        self.line.textChanged.connect(self._on_text)
        self.line.installEventFilter(self)
        layout.addWidget(self.line, 1)
        self.previous_button = self._button("↑", "Previous match (Shift+Enter, Shift+F3)",
                                            lambda: self.find_next(forward=False))
        self.next_button = self._button("↓", "Next match (Enter, F3)", lambda: self.find_next())
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(90)
        layout.addWidget(self.count_label)
        close = self._button("✕", "Close (Esc)", self.close_bar)
        close.setAutoRaise(True)
        layout.addWidget(close)
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._searched: tuple[str, QTextDocument | None, int] = ("", None, -1)
        self._scope = ""
        # (text, forward) → whether another part with a match is shown now.
        self.elsewhere: Callable[[str, bool], bool] | None = None
        self.hide()

    def set_scope(self, scope: str) -> None:
        """What the document shown is of the text ("part 3 of 20"; "" for all of it)."""
        self._scope = scope
        self.line.setPlaceholderText(f"a word or phrase in {scope}" if scope
                                     else "a word or phrase in the article")
        self._show_count()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.clicked.connect(slot)
        return button

    # -- opening and closing ---------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with its text selected (Ctrl+F again selects it again)."""
        self.show()
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.selectAll()
        if self.line.text():
            self._refresh_matches()

    def close_bar(self) -> None:
        self.hide()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.find_next(forward=not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    # -- finding ---------------------------------------------------------------------------

    @property
    def matches(self) -> list[tuple[int, int]]:
        """Every match as a document range [start, end), in text order."""
        self._refresh_matches()
        return list(self._matches)

    @property
    def current(self) -> int:
        """The match shown (index into `matches`), -1 before the first."""
        return self._current

    def _refresh_matches(self) -> None:
        document = self._view.document()
        key = (self.line.text(), document, document.revision())
        if key == self._searched:
            return
        self._searched = key
        self._current = -1
        self._matches = []
        text = key[0]
        if text:
            cursor = QTextCursor(document)
            while len(self._matches) < MAX_MATCHES:
                cursor = document.find(text, cursor)
                if cursor.isNull():
                    break
                self._matches.append((cursor.selectionStart(), cursor.selectionEnd()))
        self._show_count()

    def _on_text(self) -> None:
        self._refresh_matches()
        if self._matches:
            self._go_to(self._first_from(self._view.textCursor().selectionStart()))
        else:
            self._clear_selection()

    def _first_from(self, position: int) -> int:
        return next((i for i, (start, _end) in enumerate(self._matches) if start >= position), 0)

    def find_next(self, forward: bool = True) -> bool:
        """Go to the next (or previous) match, round the end; False when there is none."""
        self._refresh_matches()
        if not self._matches:
            if self._elsewhere(forward):
                return True
            self._show_count()
            return False
        count = len(self._matches)
        at_end = self._current == (count - 1 if forward else 0)
        if at_end and self._elsewhere(forward):
            return True
        if self._current < 0:
            index = self._first_from(self._view.textCursor().selectionStart())
            if not forward:
                index = (index - 1) % count
        else:
            index = (self._current + (1 if forward else -1)) % count
        self._go_to(index)
        return True

    def _elsewhere(self, forward: bool) -> bool:
        """The first (or last) match of another part, when `elsewhere` shows one."""
        text = self.line.text()
        if self.elsewhere is None or not text or not self.elsewhere(text, forward):
            return False
        self._refresh_matches()
        if not self._matches:
            return False
        self._go_to(0 if forward else len(self._matches) - 1)
        return True

    def _go_to(self, index: int) -> None:
        self._current = index
        start, end = self._matches[index]
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._view.setTextCursor(cursor)
        self._view.ensureCursorVisible()
        self._show_count()

    def _clear_selection(self) -> None:
        cursor = self._view.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self._view.setTextCursor(cursor)

    def _show_count(self) -> None:
        if not self.line.text():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText(f"not found in {self._scope}" if self._scope
                                     else "not found")
        elif self._current < 0:
            self.count_label.setText(f"{len(self._matches):,} found")
        else:
            self.count_label.setText(f"{self._current + 1:,} of {len(self._matches):,}")
