"""The user's preferences (language model, online notes, read-aloud speed, how the text is set)
and their dialog."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont, QFontInfo, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.knowledge.enrichment import offline_requested
from ui.settings import Preferences, as_bool, load_preferences, save_preferences
from ui.speech import MAX_RATE, MIN_RATE, RATE_KEY, SAY_CARDS_KEY, says_cards, speech_rate
from ui.theme import ReadingStyle, reading_font

__all__ = ["Preferences", "PreferencesDialog", "ReadingStyle", "as_bool", "load_preferences",
           "load_reading_style", "save_preferences", "save_reading_style"]

STYLE_KEYS = {"family": "reading/font_family", "point_size": "reading/font_size",
              "line_height": "reading/line_spacing", "column_chars": "reading/column_chars"}
POINT_SIZES = (8.0, 32.0)
LINE_HEIGHTS = (100, 250)  # per cent
COLUMN_CHARS = (40, 120)


def _number(value: object, default: float, bounds: tuple[float, float]) -> float:
    try:
        number = float(str(value))
    except ValueError:
        return default
    return max(bounds[0], min(bounds[1], number)) if number == number else default


def load_reading_style(settings: QSettings) -> ReadingStyle:
    """The saved reading style; values out of range are brought within it."""
    default = ReadingStyle()
    return ReadingStyle(
        family=str(settings.value(STYLE_KEYS["family"], "") or ""),
        point_size=_number(settings.value(STYLE_KEYS["point_size"], default.point_size),
                           default.point_size, POINT_SIZES),
        line_height=round(_number(settings.value(STYLE_KEYS["line_height"], default.line_height),
                                  default.line_height, LINE_HEIGHTS)),
        column_chars=round(_number(
            settings.value(STYLE_KEYS["column_chars"], default.column_chars),
            default.column_chars, COLUMN_CHARS)),
    )


def save_reading_style(settings: QSettings, style: ReadingStyle) -> None:
    settings.setValue(STYLE_KEYS["family"], style.family)
    settings.setValue(STYLE_KEYS["point_size"], style.point_size)
    settings.setValue(STYLE_KEYS["line_height"], style.line_height)
    settings.setValue(STYLE_KEYS["column_chars"], style.column_chars)
    settings.sync()

AUTOMATIC_LABEL = "Best installed (automatic)"
RESTART_NOTE = "A change of language model takes effect after restarting Leeswijzer."
OFFLINE_NOTE = ("Online notes are off while LEESWIJZER_OFFLINE is set in the environment; "
                "unset it to choose here.")


class PreferencesService(Protocol):
    """The part of the reading service the preferences dialog uses."""

    def installed_pipelines(self) -> list[str]: ...
    def set_online(self, enabled: bool) -> None: ...


class PreferencesDialog(QDialog):
    """Edit → Preferences: every change is saved at once; the online switch and the reading
    style also apply at once (`reading_style_changed`)."""

    reading_style_changed = Signal(object)  # ReadingStyle

    def __init__(
        self, service: PreferencesService, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self._service = service
        self._settings = settings
        self._preferences = load_preferences(settings)

        self.pipeline_combo = QComboBox(self)
        self.pipeline_combo.setObjectName("pipelineCombo")
        self.pipeline_combo.addItem(AUTOMATIC_LABEL, "")
        installed = list(service.installed_pipelines())
        for name in installed:
            self.pipeline_combo.addItem(name, name)
        chosen = self._preferences.pipeline
        if chosen and chosen not in installed:
            self.pipeline_combo.addItem(f"{chosen} (not installed)", chosen)
        self.pipeline_combo.setCurrentIndex(max(0, self.pipeline_combo.findData(chosen or "")))
        self.pipeline_combo.currentIndexChanged.connect(self._on_pipeline)

        note = QLabel(RESTART_NOTE, self)
        note.setObjectName("restartNote")
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.online_check = QCheckBox("Online background notes from Wikipedia/Wikidata", self)
        self.online_check.setObjectName("onlineCheck")
        # The environment's switch outranks the learner's (the choice is kept for later).
        forced_offline = offline_requested()
        self.online_check.setChecked(self._preferences.online and not forced_offline)
        self.online_check.setEnabled(not forced_offline)
        self.online_check.toggled.connect(self._on_online)
        self.offline_note = QLabel(OFFLINE_NOTE, self)
        self.offline_note.setObjectName("offlineNote")
        self.offline_note.setWordWrap(True)
        self.offline_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.offline_note.setVisible(forced_offline)

        self.rate_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.rate_slider.setObjectName("speechRate")
        self.rate_slider.setRange(MIN_RATE, MAX_RATE)
        self.rate_slider.setPageStep(2)
        self.rate_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.rate_slider.setTickInterval(5)
        self.rate_slider.setValue(speech_rate(settings))
        self.rate_slider.setToolTip("Slower to the left, faster to the right; the middle is "
                                    "the voice's own speed")
        self.rate_slider.valueChanged.connect(lambda rate: settings.setValue(RATE_KEY, rate))
        self.say_cards_check = QCheckBox("Say each word when its card opens", self)
        self.say_cards_check.setObjectName("sayCardsCheck")
        self.say_cards_check.setChecked(says_cards(settings))
        self.say_cards_check.toggled.connect(lambda on: settings.setValue(SAY_CARDS_KEY, on))

        self._style = load_reading_style(settings)
        self.font_combo = QFontComboBox(self)
        self.font_combo.setObjectName("fontCombo")
        self.font_combo.setFontFilters(QFontComboBox.FontFilter.ScalableFonts)
        self.size_spin = QDoubleSpinBox(self)
        self.size_spin.setObjectName("fontSizeSpin")
        self.size_spin.setRange(*POINT_SIZES)
        self.size_spin.setSingleStep(0.5)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(" pt")
        self.spacing_spin = QSpinBox(self)
        self.spacing_spin.setObjectName("lineSpacingSpin")
        self.spacing_spin.setRange(*LINE_HEIGHTS)
        self.spacing_spin.setSingleStep(5)
        self.spacing_spin.setSuffix(" %")
        self.column_spin = QSpinBox(self)
        self.column_spin.setObjectName("columnSpin")
        self.column_spin.setRange(*COLUMN_CHARS)
        self.column_spin.setSingleStep(4)
        self.column_spin.setSuffix(" characters")
        self.reset_style_button = QPushButton("Reset the text's look", self)
        self.reset_style_button.setObjectName("resetStyleButton")
        self._show_style(self._style)
        self.font_combo.currentFontChanged.connect(lambda _font: self._on_style())
        self.size_spin.valueChanged.connect(lambda _value: self._on_style())
        self.spacing_spin.valueChanged.connect(lambda _value: self._on_style())
        self.column_spin.valueChanged.connect(lambda _value: self._on_style())
        self.reset_style_button.clicked.connect(self.reset_style)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Language model:", self.pipeline_combo)
        form.addRow("", note)
        form.addRow("", self.online_check)
        form.addRow("", self.offline_note)
        form.addRow("Read-aloud &speed:", self.rate_slider)
        form.addRow("", self.say_cards_check)
        form.addRow("&Font:", self.font_combo)
        form.addRow("&Size:", self.size_spin)
        form.addRow("Line &spacing:", self.spacing_spin)
        form.addRow("&Column width:", self.column_spin)
        form.addRow("", self.reset_style_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    @property
    def preferences(self) -> Preferences:
        return self._preferences

    @property
    def reading_style(self) -> ReadingStyle:
        return self._style

    def _show_style(self, style: ReadingStyle) -> None:
        self._showing = True
        # The default family is the first of the serif list installed here.
        family = style.family or QFontInfo(reading_font(style.point_size)).family()
        self.font_combo.setCurrentFont(QFont(family))
        self.size_spin.setValue(style.point_size)
        self.spacing_spin.setValue(style.line_height)
        self.column_spin.setValue(style.column_chars)
        self._showing = False

    def _on_style(self) -> None:
        if self._showing:
            return
        family = self.font_combo.currentFont().family()
        default_family = QFontInfo(reading_font(self.size_spin.value())).family()
        style = ReadingStyle(family="" if family == default_family else family,
                             point_size=self.size_spin.value(),
                             line_height=self.spacing_spin.value(),
                             column_chars=self.column_spin.value())
        self._apply_style(style)

    def reset_style(self) -> None:
        self._show_style(ReadingStyle())
        self._apply_style(ReadingStyle())

    def _apply_style(self, style: ReadingStyle) -> None:
        if style == self._style:
            return
        self._style = style
        save_reading_style(self._settings, style)
        self.reading_style_changed.emit(style)

    def _store(self, preferences: Preferences) -> None:
        self._preferences = preferences
        save_preferences(self._settings, preferences)

    def _on_pipeline(self, index: int) -> None:
        name = str(self.pipeline_combo.itemData(index) or "")
        self._store(Preferences(pipeline=name or None, online=self._preferences.online))

    def _on_online(self, enabled: bool) -> None:
        self._service.set_online(enabled)
        self._store(Preferences(pipeline=self._preferences.pipeline, online=enabled))
