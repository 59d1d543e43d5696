"""Colours and fonts of the reader, chosen for the current (light or dark) palette."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from assistant.models import Category

READING_FAMILIES = ["Charter", "Georgia", "Noto Serif", "Source Serif 4", "DejaVu Serif", "Serif"]
READING_POINT_SIZE = 12.5
PARAGRAPH_LINE_HEIGHT = 155  # per cent of the font's line height
COLUMN_CHARS = 72  # the reading column's width, in average characters

CATEGORY_LABELS = {
    Category.PERSON: "person",
    Category.PLACE: "place",
    Category.ORGANISATION: "organisation",
    Category.GROUP: "group",
    Category.EVENT: "event",
    Category.DATE: "date",
    Category.OTHER: "other",
}
LEGEND_CATEGORIES = (
    Category.PERSON,
    Category.PLACE,
    Category.ORGANISATION,
    Category.GROUP,
    Category.EVENT,
)
# Shown in the legend only when the article has entities of these categories.
OPTIONAL_LEGEND_CATEGORIES = (Category.DATE,)

# Hues that stay apart for the common colour-vision deficiencies; light and dark variants.
_LIGHT = {
    Category.PERSON: "#fbd9b5",
    Category.PLACE: "#c8ebd0",
    Category.ORGANISATION: "#cfe0fa",
    Category.GROUP: "#e6d6f5",
    Category.EVENT: "#f7d0dc",
    Category.DATE: "#e4e4dc",
    Category.OTHER: "#e2e2e2",
}
_DARK = {
    Category.PERSON: "#6b4420",
    Category.PLACE: "#275236",
    Category.ORGANISATION: "#27456e",
    Category.GROUP: "#4d3566",
    Category.EVENT: "#6b2d40",
    Category.DATE: "#4a4a40",
    Category.OTHER: "#474747",
}


@dataclass(frozen=True, slots=True)
class ReaderColours:
    dark: bool
    entity: dict[Category, QColor]
    hard_underline: QColor
    phrase_underline: QColor  # the words of a separable verb or idiom, underlined as one unit
    mention: QColor
    phrase: QColor
    focus: QColor  # the keyboard focus ring: a teal no entity, mark or learning colour is near
    muted: QColor
    # Words being learnt: yellow backgrounds, step 1 (new to the learner, strongest) to 4
    # (faint), and a solid underline, apart from the peach of person names.
    learning: tuple[QColor, QColor, QColor, QColor]
    learning_underline: QColor


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def reader_colours(palette: QPalette | None = None) -> ReaderColours:
    dark = is_dark(palette)
    table = _DARK if dark else _LIGHT
    return ReaderColours(
        dark=dark,
        entity={category: QColor(value) for category, value in table.items()},
        hard_underline=QColor("#8fb4ff" if dark else "#2f5fb3"),
        phrase_underline=QColor("#c0a6ff" if dark else "#6a3fc0"),
        mention=QColor("#6e5600" if dark else "#ffe270"),
        phrase=QColor("#5c4a1e" if dark else "#fff0b8"),
        focus=QColor("#3fd6c6" if dark else "#00807a"),
        muted=QColor("#a0a0a0" if dark else "#6b6b6b"),
        learning=tuple(QColor(value) for value in (  # type: ignore[arg-type]
            ("#6e5a00", "#5c4c0a", "#4a3f14", "#3a331c") if dark
            else ("#ffe14d", "#ffeb85", "#fff3b3", "#fffadb"))),
        learning_underline=QColor("#e0c040" if dark else "#9a7400"),
    )


@dataclass(frozen=True, slots=True)
class ReadingStyle:
    """How the text is set (Preferences): font family ("" the serif list), size in points,
    line spacing in per cent and the column's width in characters."""

    family: str = ""
    point_size: float = READING_POINT_SIZE
    line_height: int = PARAGRAPH_LINE_HEIGHT
    column_chars: int = COLUMN_CHARS


def reading_font(point_size: float = READING_POINT_SIZE, family: str = "") -> QFont:
    font = QFont()
    font.setFamilies([family, *READING_FAMILIES] if family else READING_FAMILIES)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion, used when the system asks for a dark scheme."""
    palette = QPalette()
    window = QColor("#26272b")
    base = QColor("#1d1e21")
    text = QColor("#e4e4e4")
    role = QPalette.ColorRole
    palette.setColor(role.Window, window)
    palette.setColor(role.WindowText, text)
    palette.setColor(role.Base, base)
    palette.setColor(role.AlternateBase, window)
    palette.setColor(role.ToolTipBase, QColor("#313236"))
    palette.setColor(role.ToolTipText, text)
    palette.setColor(role.PlaceholderText, QColor("#8a8a8a"))
    palette.setColor(role.Text, text)
    # Lighter than the window so that checked tool buttons stand out from it.
    palette.setColor(role.Button, QColor("#3a3c42"))
    palette.setColor(role.ButtonText, text)
    palette.setColor(role.BrightText, QColor("#ff6b6b"))
    palette.setColor(role.Link, QColor("#8fb4ff"))
    palette.setColor(role.LinkVisited, QColor("#c0a0ff"))
    palette.setColor(role.Highlight, QColor("#3d6bb3"))
    palette.setColor(role.HighlightedText, QColor("#ffffff"))
    for group in (QPalette.ColorGroup.Disabled,):
        palette.setColor(group, role.Text, QColor("#8c8c8c"))
        palette.setColor(group, role.WindowText, QColor("#8c8c8c"))
        palette.setColor(group, role.ButtonText, QColor("#8c8c8c"))
    return palette


class LegendWidget(QWidget):
    """Colour chips naming the entity categories; each is a toggle that shows or hides its
    category's highlighting (`category_toggled`)."""

    category_toggled = Signal(object, bool)  # Category, shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        self._chips: dict[Category, QToolButton] = {}
        for category in (*LEGEND_CATEGORIES, *OPTIONAL_LEGEND_CATEGORIES):
            chip = QToolButton(self)
            chip.setText(CATEGORY_LABELS[category])
            chip.setObjectName(f"legend-{category.value}")
            chip.setCheckable(True)
            chip.setChecked(True)
            chip.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setVisible(category not in OPTIONAL_LEGEND_CATEGORIES)
            chip.toggled.connect(lambda shown, c=category: self._on_toggled(c, shown))
            layout.addWidget(chip)
            self._chips[category] = chip
        self.refresh()

    def _on_toggled(self, category: Category, shown: bool) -> None:
        self._restyle(category, self._chips[category])
        self.category_toggled.emit(category, shown)

    def set_present(self, categories: Iterable[Category]) -> None:
        """Show the optional chips (e.g. "date") only for categories the article has."""
        present = set(categories)
        for category in OPTIONAL_LEGEND_CATEGORIES:
            self._chips[category].setVisible(category in present)

    def hidden(self) -> frozenset[Category]:
        """The categories whose highlighting is switched off."""
        return frozenset(c for c, chip in self._chips.items() if not chip.isChecked())

    def set_hidden(self, categories: Iterable[Category]) -> None:
        hidden = set(categories)
        for category, chip in self._chips.items():
            chip.setChecked(category not in hidden)

    def chip(self, category: Category) -> QToolButton:
        return self._chips[category]

    def refresh(self) -> None:
        for category, chip in self._chips.items():
            self._restyle(category, chip)

    def _restyle(self, category: Category, chip: QToolButton) -> None:
        colours = reader_colours(self.palette())
        text = self.palette().color(QPalette.ColorRole.Text).name()
        fill = colours.entity[category]
        edge = (fill.lighter(150) if colours.dark else fill.darker(135)).name()
        label = CATEGORY_LABELS[category]
        if chip.isChecked():
            # On: a filled chip with a tick, as a pressed toggle.
            chip.setText(f"✓ {label}")
            chip.setToolTip(f"Highlighting {label} names: click to hide them")
            css = (f"QToolButton {{ background: {fill.name()}; color: {text};"
                   f" border: 1px solid {edge}; border-radius: 9px; padding: 1px 8px; }}")
        else:
            # Off: an empty outline, the label muted and struck through.
            chip.setText(label)
            chip.setToolTip(f"{label.capitalize()} names not highlighted: click to show them")
            css = (f"QToolButton {{ background: transparent; color: {colours.muted.name()};"
                   f" border: 1px dashed {edge}; border-radius: 9px; padding: 1px 8px;"
                   " text-decoration: line-through; }")
        css += f" QToolButton:focus {{ border: 2px solid {colours.focus.name()}; }}"
        if css != chip.styleSheet():
            chip.setStyleSheet(css)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()

    def labels(self) -> list[str]:
        """The categories of the chips shown (when the legend itself is visible)."""
        return [CATEGORY_LABELS[c] for c, chip in self._chips.items() if not chip.isHidden()]
