"""Chapter navigation for e-books: a chapter list in the toolbar that follows the reading, and
next/previous chapter."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from assistant.errors import message_text
from assistant.models import Article
from ui.library import scroll_to_position, top_position
from ui.reader import ReaderView


class ChapterBox(QWidget):
    """'Chapter' and a combo box of the chapters' titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("chapterCombo")
        self.combo.setToolTip("The chapter you are reading: choose one to go there")
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        label = QLabel(" &Chapter ", self)
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)


class ChapterNavigator(QObject):
    """Keeps the chapter list in step with the reader; `go_to`, `next` and `previous` scroll."""

    chapters_changed = Signal(bool)  # whether the article has chapters to move between

    def __init__(self, reader: ReaderView, combo: QComboBox,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.combo = combo
        self._starts: list[int] = []  # document positions of the chapters
        # The chapter last gone to and the scroll value then: near the end of the text the
        # screen cannot put a short last chapter at its top.
        self._chosen: tuple[int, int] | None = None
        combo.activated.connect(self.go_to)
        reader.verticalScrollBar().valueChanged.connect(lambda _value: self._follow())

    @property
    def count(self) -> int:
        return len(self._starts)

    def set_article(self, article: Article | None) -> None:
        chapters = article.chapters if article is not None else ()
        self.combo.blockSignals(True)
        self.combo.clear()
        self._starts = []
        self._chosen = None
        for chapter in chapters:
            self.combo.addItem(message_text(chapter.title, 80))
            self._starts.append(self.reader.document_range(chapter.start, chapter.start)[0])
        self.combo.blockSignals(False)
        self.chapters_changed.emit(len(self._starts) > 1)
        self._follow()

    def current(self) -> int | None:
        """The chapter at the top of the screen."""
        if not self._starts:
            return None
        if self._chosen is not None and self._chosen[1] == self.reader.verticalScrollBar().value():
            return self._chosen[0]
        top = top_position(self.reader).position
        return max(0, bisect.bisect_right(self._starts, top) - 1)

    def go_to(self, index: int) -> bool:
        if not 0 <= index < len(self._starts):
            return False
        scroll_to_position(self.reader, self._starts[index])
        self._chosen = (index, self.reader.verticalScrollBar().value())
        self._show(index)
        return True

    def next(self) -> bool:
        current = self.current()
        return current is not None and self.go_to(current + 1)

    def previous(self) -> bool:
        current = self.current()
        return current is not None and self.go_to(current - 1)

    def _follow(self) -> None:
        current = self.current()
        if current is not None:
            self._show(current)

    def _show(self, index: int) -> None:
        if self.combo.currentIndex() != index:
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(index)
            self.combo.blockSignals(False)
