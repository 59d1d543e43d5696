"""The notes dock: the date the notes are true at, a card per subject with background grouped
by category (the names without background on one line per category), and the time
expressions."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from functools import partial
from html import escape

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDockWidget,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assistant import wording
from assistant.models import Category, Note, Reading, TimeExpression
from ui.theme import CATEGORY_LABELS, reader_colours

GROUP_TITLES = {
    Category.PERSON: "People",
    Category.PLACE: "Places",
    Category.ORGANISATION: "Organisations",
    Category.GROUP: "Groups and nationalities",
    Category.EVENT: "Events",
    Category.DATE: "Dates",
    Category.OTHER: "Other",
}


def _plain_label(text: str, parent: QWidget, object_name: str = "") -> QLabel:
    label = QLabel(text, parent)
    # Set, not inherited: a card's restyle (selection, focus) would give its labels the
    # application's font, not the zoomed one.
    label.setFont(parent.font())
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    return label


def first_mention(note: Note) -> int:
    return min((m.start for m in note.mentions), default=1 << 60)


def grouped_notes(notes: tuple[Note, ...]) -> list[tuple[Category, list[Note]]]:
    """Notes in order of first mention, grouped by category (groups by their first mention)."""
    ordered = sorted(notes, key=first_mention)
    groups: dict[Category, list[Note]] = {}
    for note in ordered:
        groups.setdefault(note.category, []).append(note)
    return list(groups.items())


def note_lines(note: Note) -> list[str]:
    """The card's text lines (plain), also used by tests."""
    return wording.note_lines(note)


OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
# The panel is built a slice at a time, each slice about this long (at least one row), so that
# a long article's hundreds of notes never hold the event loop; laying out and painting a
# slice's rows costs Qt about as much again.
SLICE_SECONDS = 0.002


def card_css(palette: QPalette, border: str | None = None, width: int = 1,
             category: Category | None = None) -> str:
    """The cards' style sheet: every card's look in the panel's sheet (one per category's chip),
    or one card's own in its state (`border`, `width`) when it is selected or has the focus."""
    colours = reader_colours(palette)
    base = palette.color(QPalette.ColorRole.Base).name()
    muted = colours.muted.name()
    edge = border or palette.color(QPalette.ColorRole.Mid).name()
    labels = (" #noteCard QLabel { background: transparent; border: none; }"
              f" #noteCard QLabel#noteMeta, #noteCard QLabel#noteSource {{ color: {muted}; }}")
    if category is not None:
        chip = colours.entity[category].name()
        return (f"#noteCard {{ background: {base}; border: {width}px solid {edge};"
                f" border-left: 5px solid {chip}; border-radius: 6px; }}" + labels)
    chips = "".join(f' #noteCard[category="{c.value}"] {{ border-left: 5px solid {chip.name()}; }}'
                    for c, chip in colours.entity.items())
    return (f"#noteCard {{ background: {base}; border: {width}px solid {edge};"
            f" border-left: 5px solid {edge}; border-radius: 6px; }}" + chips + labels)


class NoteCard(QFrame):
    """One subject's note; clicking it, or Enter (or Space) when it has the focus, selects it."""

    clicked = Signal(str)

    def __init__(self, note: Note, parent: QWidget) -> None:
        super().__init__(parent)
        self.note = note
        self.setObjectName("noteCard")
        self.setProperty("category", note.category.value)  # its chip, in the panel's sheet
        self.setFont(parent.font())  # set: under the panel's sheet fonts are not inherited
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(note.name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        name = _plain_label(note.name, self, "noteName")
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        layout.addWidget(name)
        international = note.international_name
        if international and international.casefold() != note.name.casefold():
            layout.addWidget(_plain_label(international, self, "noteInternational"))
        if note.description:
            layout.addWidget(_plain_label(note.description, self, "noteDescription"))
        lifetime = wording.lifetime_text(note)
        if lifetime:
            layout.addWidget(_plain_label(lifetime, self, "noteLifetime"))
        role = wording.role_at_date(note)
        if role:
            layout.addWidget(_plain_label(role, self, "noteRole"))
        undated = wording.undated_line(note)
        if undated:
            layout.addWidget(_plain_label(undated, self, "noteUndated"))
        for fact in note.facts:
            layout.addWidget(_plain_label(wording.fact_text(fact), self, "noteFact"))
        count = len(note.mentions)
        layout.addWidget(
            _plain_label(
                f"{CATEGORY_LABELS.get(note.category, note.category.value)} · "
                f"{count} mention{'s' if count != 1 else ''}",
                self,
                "noteMeta",
            )
        )
        source = self._source_label()
        if source is not None:
            layout.addWidget(source)
        self._selected = False
        self._restyle()

    def _source_label(self) -> QLabel | None:
        note = self.note
        pieces: list[str] = []
        for value in (note.source, note.attribution):
            if not value or value == "offline":
                continue
            if value.startswith(("http://", "https://")):
                host = value.split("/")[2]
                href = escape(value, quote=True)
                pieces.append(f'<a href="{href}">{escape(host)}</a>')
            else:
                pieces.append(escape(value))
        if not pieces:
            return None
        label = QLabel("Source: " + " · ".join(pieces), self)
        label.setObjectName("noteSource")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(True)
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        label.setFont(font)
        return label

    @property
    def selected(self) -> bool:
        return self._selected

    def set_selected(self, selected: bool) -> None:
        self._selected = selected
        self._restyle()

    def _restyle(self) -> None:
        """A card at rest wears the panel's sheet; one selected or focused, its own."""
        focused = self.hasFocus()
        if not focused and not self._selected:
            if self.styleSheet():
                self.setStyleSheet("")
            return
        palette = self.palette()
        if focused:
            border = reader_colours(palette).focus.name()  # the ring, as on a word in the text
        else:
            border = palette.color(QPalette.ColorRole.Highlight).name()
        css = card_css(palette, border, 2, self.note.category)
        if css != self.styleSheet():
            self.setStyleSheet(css)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.note.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in OPEN_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.clicked.emit(self.note.key)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._restyle()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._restyle()


def as_of_line(reading: Reading) -> str:
    """The notes' header: the date they are true at, or that the article has none."""
    text = wording.as_of_text(reading.analysed.article.date)
    return "Notes " + text


# A category's names without background go on rows of at most this many names: a row is one
# rich-text label, built and laid out at once, so a long text's hundreds of names on one row
# held the event loop (222 names: 48 ms to build, 54 ms to lay out).
ALSO_MENTIONED_PER_ROW = 40
# The categories whose names without background are listed. Not "other": what a recogniser
# calls a miscellaneous name and no source knows is mostly a heading or title read as a name
# ("Sport", "Boeken", "Dood"), and a bare list of them tells the learner nothing.
LISTED_WITHOUT_BACKGROUND = frozenset(Category) - {Category.OTHER}


class AlsoMentioned(QLabel):
    """One line for a category's names without background ('Also mentioned: Pier 33, KNCA'),
    or its continuation (`first` false: the names only); each name selects its note. Names
    are escaped: they are article text."""

    clicked = Signal(str)

    def __init__(self, notes: list[Note], parent: QWidget, first: bool = True) -> None:
        super().__init__(parent)
        self.notes = notes
        self.first = first
        self.setObjectName("alsoNamed")
        self.setFont(parent.font())
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(False)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._on_link)
        self._selected: str | None = None
        self._render()

    def names(self) -> list[str]:
        return [note.name for note in self.notes]

    def note_keys(self) -> list[str]:
        return [note.key for note in self.notes]

    def set_selected(self, key: str | None) -> None:
        if key != self._selected:  # a selection elsewhere leaves the other rows as they are
            self._selected = key
            self._render()

    def _render(self) -> None:
        links = []
        for index, note in enumerate(self.notes):
            name = escape(note.name)
            if note.key == self._selected:
                name = f"<b>{name}</b>"
            links.append(f'<a href="{index}">{name}</a>')
        self.setText(("Also mentioned: " if self.first else "") + ", ".join(links))

    def _on_link(self, href: str) -> None:
        if href.isdigit() and int(href) < len(self.notes):
            self.clicked.emit(self.notes[int(href)].key)


class TimeRow(QLabel):
    clicked = Signal(int, int)

    def __init__(self, time: TimeExpression, parent: QWidget) -> None:
        text = wording.time_line(time)
        super().__init__(text, parent)
        self.time = time
        self.setFont(parent.font())
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setObjectName("timeRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.time.start, self.time.end)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in OPEN_KEYS:
            self.clicked.emit(self.time.start, self.time.end)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        ring = reader_colours(self.palette()).focus.name()
        self.setStyleSheet(f"#timeRow {{ border: 2px solid {ring}; border-radius: 4px; }}")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setStyleSheet("")


class PageColumn(QLayout):
    """The panel's pages one under another, each as tall as it is for the column's width.

    A page's height is asked of its layout item, which keeps the heights of its last widths
    (QWidgetItemV2), and the column keeps its total for each width until a page is added or
    changes: adding a page measures that page alone. A QVBoxLayout also asks each item for
    its minimum height for the width, which no item keeps: every page's layout, every card's
    and every word-wrapped label were measured again, at the two widths QScrollArea asks for,
    after each slice (60-130 ms in one event on a long text's part)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._totals: dict[int, int] = {}  # the height for each width asked, until invalidated

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def invalidate(self) -> None:
        self._totals.clear()
        super().invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def _inner_width(self, width: int) -> int:
        margins = self.contentsMargins()
        return width - margins.left() - margins.right()

    def _heights(self, inner: int) -> list[tuple[QLayoutItem, int]]:
        """The shown pages with their heights at `inner` width."""
        out = []
        for item in self._items:
            if item.isEmpty():
                continue
            height = item.heightForWidth(inner)
            out.append((item, height if height >= 0 else item.sizeHint().height()))
        return out

    def heightForWidth(self, width: int) -> int:
        total = self._totals.get(width)
        if total is None:
            heights = self._heights(self._inner_width(width))
            margins = self.contentsMargins()
            total = (sum(height for _item, height in heights) + margins.top() + margins.bottom()
                     + self.spacing() * max(len(heights) - 1, 0))
            self._totals[width] = total
        return total

    def sizeHint(self) -> QSize:
        # As wide as laid out, once it is: Qt asks the height for the hint's width, and the
        # widest page's own hint changed with the pages added (every page measured again).
        width = self.geometry().width()
        if width <= 0:
            margins = self.contentsMargins()
            width = max((item.sizeHint().width() for item in self._items
                         if not item.isEmpty()), default=0) + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        margins = self.contentsMargins()
        width = max((item.minimumSize().width() for item in self._items if not item.isEmpty()),
                    default=0) + margins.left() + margins.right()
        return QSize(width, margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        margins = self.contentsMargins()
        inner = self._inner_width(rect.width())
        y = rect.y() + margins.top()
        for item, height in self._heights(inner):
            item.setGeometry(QRect(rect.x() + margins.left(), y, inner, height))
            y += height + self.spacing()


class NotesPanel(QDockWidget):
    """Dock listing the article's subjects; emits the selected note's key."""

    note_selected = Signal(str)
    time_selected = Signal(int, int)
    nationalities_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Notes", parent)
        self.setObjectName("notesDock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        frame = QWidget(self)
        outer = QVBoxLayout(frame)
        outer.setContentsMargins(8, 6, 8, 0)
        outer.setSpacing(4)
        self._as_of = _plain_label("", frame, "notesAsOf")
        outer.addWidget(self._as_of)
        self.nationality_toggle = QCheckBox("Mark nationality adjectives", frame)
        self.nationality_toggle.setObjectName("nationalityToggle")
        self.nationality_toggle.setToolTip(
            "Highlight adjectives of a nationality or place, such as 'Russische' and "
            "'Rotterdamse', as names in the text"
        )
        self.nationality_toggle.toggled.connect(self.nationalities_toggled)
        outer.addWidget(self.nationality_toggle)
        self._scroll = QScrollArea(frame)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self._scroll, 1)
        self.setWidget(frame)
        self._cards: dict[str, NoteCard] = {}
        self._also: dict[Category, list[AlsoMentioned]] = {}
        self._time_rows: list[TimeRow] = []
        self._content: QWidget | None = None
        self._pending: deque[Callable[[QWidget], QWidget]] = deque()  # each given its page
        self._builder = QTimer(self)
        self._builder.setSingleShot(True)
        self._builder.setInterval(0)
        self._builder.timeout.connect(self._build_slice)
        self._reading: Reading | None = None
        self._notes: tuple[Note, ...] = ()
        self._times: tuple[TimeExpression, ...] = ()
        self._selected: str | None = None
        self._message: str | None = None
        self._scale = 1.0
        self.set_reading(None)

    def set_reading(self, reading: Reading | None, message: str | None = None) -> None:
        """Rebuild the cards for a reading (None: show `message` or a hint)."""
        self._reading = reading
        self._as_of.setText(as_of_line(reading) if reading is not None else "")
        self._as_of.setVisible(reading is not None)
        if reading is None:
            self._populate(None, (), message)
        else:
            self._populate(reading.notes, reading.times, message)

    def _populate(
        self, notes: tuple[Note, ...] | None, times: tuple[TimeExpression, ...], message: str | None
    ) -> None:
        self._builder.stop()
        self._pending.clear()
        focused = self._focused_row()
        if focused is not None:
            self._scroll.setFocus(Qt.FocusReason.OtherFocusReason)  # not lost with its card
        self._cards = {}
        self._also = {}
        self._time_rows = []
        self._selected = None
        self._message = message
        self._notes = notes or ()
        self._times = times
        content = QWidget()
        content.setObjectName("notesContent")
        content.setFont(self._scaled_font())  # before the cards, whose fonts derive from it
        content.setStyleSheet(card_css(self.palette()))
        layout = PageColumn(content)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        self._layout = layout
        self._scroll.setWidget(content)
        self._content = content
        rows = self._pending
        if notes is None:
            hint = message or "Notes about the people, places and organisations appear here."
            rows.append(partial(_plain_label, hint, object_name="notesHint"))
        else:
            if not notes:
                rows.append(partial(_plain_label, "No subjects found.", object_name="notesHint"))
            for category, group in grouped_notes(notes):
                cards = [note for note in group if note.has_background]
                plain = [note for note in group if not note.has_background
                         and category in LISTED_WITHOUT_BACKGROUND]
                if not cards and not plain:
                    continue
                title = GROUP_TITLES.get(category, category.value)
                rows.append(partial(self._header, title))
                rows.extend(partial(self._note_card, note) for note in cards)
                rows.extend(partial(self._also_row, category, plain[at:at + ALSO_MENTIONED_PER_ROW],
                                    first=at == 0)
                            for at in range(0, len(plain), ALSO_MENTIONED_PER_ROW))
            rows.append(partial(self._header, "Time"))
            if not times:
                rows.append(partial(_plain_label, "No time expressions.",
                                    object_name="notesHint"))
            rows.extend(partial(self._time_row, expression) for expression in times)
        if notes is None:
            self._build_slice()  # the one hint, at once
        else:
            # Every slice from the event loop, the first too: what replaced the reading (the
            # end of an analysis, a zoom) is not held up by building it.
            self._builder.start()
        if focused is not None:
            self._refocus(focused)

    def _focused_row(self) -> tuple[str, object] | None:
        """What has the keyboard focus in the panel's rows (a card's key, a time's span)."""
        focus = QApplication.focusWidget()
        content = self._content
        if focus is None or content is None or not content.isAncestorOf(focus):
            return None
        if isinstance(focus, NoteCard):
            return "note", focus.note.key
        if isinstance(focus, TimeRow):
            return "time", (focus.time.start, focus.time.end)
        return "other", None

    def _row_widget(self, row: tuple[str, object]) -> QWidget | None:
        kind, key = row
        if kind == "note":
            return self._cards.get(str(key))
        return next((r for r in self._time_rows if (r.time.start, r.time.end) == key), None)

    def _refocus(self, row: tuple[str, object]) -> None:
        """Give the focus back to the row that had it before the panel was built again (the
        rows up to it built now): its old widget's deletion left the focus nowhere, and the
        next Tab went back to the text."""
        while self._pending and self._row_widget(row) is None:
            self._build_slice()
        target = self._row_widget(row)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self._scroll.ensureWidgetVisible(target, 0, 24)

    def _note_card(self, note: Note, parent: QWidget) -> QWidget:
        card = NoteCard(note, parent)
        card.clicked.connect(self.select)
        self._cards[note.key] = card
        return card

    def _also_row(self, category: Category, plain: list[Note], parent: QWidget,
                  first: bool = True) -> QWidget:
        also = AlsoMentioned(plain, parent, first)
        also.clicked.connect(self.select)
        self._also.setdefault(category, []).append(also)
        return also

    def _time_row(self, expression: TimeExpression, parent: QWidget) -> QWidget:
        row = TimeRow(expression, parent)
        row.clicked.connect(self.time_selected)
        self._time_rows.append(row)
        return row

    def _build_slice(self, budget: float | None = None) -> None:
        """Add the next rows (at least one) until `budget` seconds have passed (None: a
        slice's time); the rest follow from the event loop."""
        began = time.perf_counter()
        limit = SLICE_SECONDS if budget is None else budget
        self._add_page(lambda _added: time.perf_counter() - began >= limit)

    def add_rows(self, count: int) -> None:
        """Add the next `count` rows now (at most those still to come), in a page of their
        own; the rest follow from the event loop as before."""
        self._add_page(lambda added: added >= count)

    def _add_page(self, enough: Callable[[int], bool]) -> None:
        """Add rows (at least one) into a new page until `enough(rows added)`.

        A page's rows are laid out in their own layout: the panel's column (`PageColumn`)
        then measures the new page only, the pages before keeping their heights, not every
        word-wrapped label built so far."""
        rows = self._pending
        if not rows:
            return
        page = QWidget(self.content)
        page.setObjectName("notesPage")
        page.setFont(self.content.font())
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(self._layout.spacing())
        added = 0
        while rows:
            page_layout.addWidget(rows.popleft()(page))
            added += 1
            if enough(added):
                break
        self._layout.addWidget(page)
        # Shown now, not by the layout's queued show: a hidden row cannot take the focus
        # (F6 into the panel while it is built left the focus in the text).
        page.show()
        if rows:
            self._builder.start()

    @property
    def content(self) -> QWidget:
        """The scrolled widget holding the rows (built so far)."""
        assert self._content is not None  # set by __init__'s first _populate
        return self._content

    @property
    def building(self) -> bool:
        """Whether rows are still to be added (they follow a slice at a time)."""
        return bool(self._pending)

    def finish_building(self) -> None:
        """Add every row still to come now (what asks for all the cards needs them)."""
        self._builder.stop()
        if self._pending:
            self._build_slice(float("inf"))

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab from a row while later rows are still to come: they are built first, else the
        # focus left the panel (the next card did not exist yet) and went back to the text.
        self.finish_building()
        return super().focusNextPrevChild(next)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.content.setStyleSheet(card_css(self.palette()))

    @staticmethod
    def _header(text: str, parent: QWidget) -> QLabel:
        label = _plain_label(text, parent, "notesHeader")
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.05)
        label.setFont(font)
        label.setContentsMargins(0, 6, 0, 0)
        return label

    @property
    def scale(self) -> float:
        return self._scale

    def set_scale(self, factor: float) -> None:
        """Grow or shrink the notes with the text's zoom: the cards are built again in the
        scaled font, the selection kept."""
        if factor == self._scale:
            return
        self._scale = factor
        self.widget().setFont(self._scaled_font())
        selected = self._selected
        self._populate(self._notes if self._reading is not None else None, self._times,
                       self._message)
        if selected is not None:
            self.select(selected, emit=False)

    def _scaled_font(self) -> QFont:
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * self._scale)
        return font

    def set_notes(self, notes: tuple[Note, ...]) -> None:
        """Replace notes in place (after enrichment) keeping the selection."""
        selected = self._selected
        self._populate(notes, self._times, None)
        if selected is not None:
            self.select(selected, emit=False)

    @property
    def cards(self) -> dict[str, NoteCard]:
        self.finish_building()
        return dict(self._cards)

    def card_order(self) -> list[str]:
        self.finish_building()
        return list(self._cards)

    def also_mentioned(self) -> dict[Category, list[str]]:
        """The names without background, by category, as the 'Also mentioned' lines list them."""
        self.finish_building()
        return {category: [name for row in rows for name in row.names()]
                for category, rows in self._also.items()}

    def as_of(self) -> str:
        return self._as_of.text()

    def headers(self) -> list[str]:
        self.finish_building()
        return [label.text() for label in self.content.findChildren(QLabel, "notesHeader")]

    def time_rows(self) -> list[TimeRow]:
        self.finish_building()
        return list(self.content.findChildren(TimeRow))

    @property
    def selected_key(self) -> str | None:
        return self._selected

    def note(self, key: str) -> Note | None:
        return next((note for note in self._notes if note.key == key), None)

    def note_at(self, offset: int) -> Note | None:
        """The note with a mention covering str offset `offset`."""
        for note in self._notes:
            for mention in note.mentions:
                if mention.start <= offset < mention.end:
                    return note
        return None

    def select(self, key: str, emit: bool = True) -> None:
        """Select a note by key: its card, or its name on an 'Also mentioned' line."""
        self.finish_building()
        row = next((r for rows in self._also.values() for r in rows if key in r.note_keys()),
                   None)
        if key not in self._cards and row is None:
            return
        self.clear_selection()
        self._selected = key
        card = self._cards.get(key)
        if card is not None:
            card.set_selected(True)
            self._scroll.ensureWidgetVisible(card, 0, 24)
        elif row is not None:
            row.set_selected(key)
            self._scroll.ensureWidgetVisible(row, 0, 24)
        if emit:
            self.note_selected.emit(key)

    def focus_first(self, forward: bool = True) -> bool:
        """Give the keyboard focus to the selected card, else the first (last) card or row."""
        if not self.isVisible():
            return False
        self.finish_building()
        chain: list[QWidget] = [*self._cards.values(), *self.time_rows()]
        selected = self._cards.get(self._selected or "")
        target: QWidget = self.nationality_toggle
        if selected is not None:
            target = selected
        elif chain:
            target = chain[0] if forward else chain[-1]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(target, NoteCard | TimeRow):
            self._scroll.ensureWidgetVisible(target, 0, 24)
        return True

    def clear_selection(self) -> None:
        if self._selected in self._cards:
            self._cards[self._selected].set_selected(False)
        for rows in self._also.values():
            for row in rows:
                row.set_selected(None)
        self._selected = None


__all__ = ["CATEGORY_LABELS", "AlsoMentioned", "NoteCard", "NotesPanel", "as_of_line",
           "grouped_notes", "note_lines"]
