"""Chapter and part navigation: a list in the toolbar of a long text's sections (each shown on
its own), or of a short e-book's chapters (following the reading), and next/previous."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from assistant.errors import message_text
from assistant.models import Article
from assistant.reading.sections import Section, opening_words
from ui.library import scroll_to_position, top_position
from ui.reader import ReaderView


def section_label(whole: Article, section: Section) -> str:
    """How a section is listed: its chapter's title, or 'Part 3: its first words'."""
    if section.chapter is not None or whole.chapters:
        return message_text(section.title, 80)
    return f"{section.title}: {message_text(opening_words(whole, section), 60)}"


def part_of(index: int, count: int) -> str:
    """'Part 3 of 20' (the window title and the status bar), '' for a text read whole."""
    return f"Part {index + 1} of {count}" if count > 1 else ""


class ChapterBox(QWidget):
    """'Chapter' and a combo box of the chapters' or parts' titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("chapterCombo")
        self.combo.setToolTip("The chapter or part you are reading: choose one to go there")
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.label = QLabel(" &Chapter ", self)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)

    def set_parts(self, parts: bool) -> None:
        """Say 'Part' while the list is of a text's parts without chapters, else 'Chapter'."""
        self.label.setText(" &Part " if parts else " &Chapter ")


class ChapterNavigator(QObject):
    """Keeps the list in step with the reader. A long text's sections: `go_to`, `next` and
    `previous` ask `show_section` for another one (the session shows and analyses it); a short
    e-book's chapters: they scroll to the chapter."""

    chapters_changed = Signal(bool)  # whether the article has chapters or parts to move between

    def __init__(self, reader: ReaderView, combo: QComboBox,
                 show_section: Callable[[int], bool] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.combo = combo
        self._show_section = show_section
        self._sections: tuple[Section, ...] = ()  # more than one: the list is of sections
        self._section = 0
        self._starts: list[int] = []  # document positions of the chapters
        # The chapter last gone to and the scroll value then: near the end of the text the
        # screen cannot put a short last chapter at its top.
        self._chosen: tuple[int, int] | None = None
        combo.activated.connect(self.go_to)
        reader.verticalScrollBar().valueChanged.connect(lambda _value: self._follow())

    @property
    def count(self) -> int:
        return len(self._sections) if self.by_section else len(self._starts)

    @property
    def by_section(self) -> bool:
        """The list is of a long text's sections (not of the chapters on screen)."""
        return len(self._sections) > 1

    def set_article(self, article: Article | None, whole: Article | None = None,
                    sections: tuple[Section, ...] = (), current: int = 0) -> None:
        """The article shown: section `current` of `whole`'s `sections` when there are several,
        else a whole text (its chapters listed)."""
        self._chosen = None
        self._starts = []
        if len(sections) > 1 and whole is not None:
            if sections != self._sections:
                self._sections = sections
                self._fill([section_label(whole, section) for section in sections])
            self._section = current
            self._show(current)
            self.chapters_changed.emit(True)
            return
        self._sections = ()
        chapters = article.chapters if article is not None else ()
        self._fill([message_text(chapter.title, 80) for chapter in chapters])
        self._starts = [self.reader.document_range(chapter.start, chapter.start)[0]
                        for chapter in chapters]
        self.chapters_changed.emit(len(self._starts) > 1)
        self._follow()

    def _fill(self, labels: list[str]) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(labels)
        self.combo.blockSignals(False)

    def current(self) -> int | None:
        """The section shown, or the chapter at the top of the screen."""
        if self.by_section:
            return self._section
        if not self._starts:
            return None
        if self._chosen is not None and self._chosen[1] == self.reader.verticalScrollBar().value():
            return self._chosen[0]
        top = top_position(self.reader).position
        return max(0, bisect.bisect_right(self._starts, top) - 1)

    def go_to(self, index: int) -> bool:
        if self.by_section:
            if self._show_section is None or not self._show_section(index):
                self._show(self._section)  # the list back at the part shown
                return False
            return True
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
        if self.by_section:
            return
        current = self.current()
        if current is not None:
            self._show(current)

    def _show(self, index: int) -> None:
        if self.combo.currentIndex() != index:
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(index)
            self.combo.blockSignals(False)
