"""The user's preferences (language model, online notes, read-aloud speed) and their dialog."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ui.settings import Preferences, as_bool, load_preferences, save_preferences
from ui.speech import MAX_RATE, MIN_RATE, RATE_KEY, SAY_CARDS_KEY, says_cards, speech_rate

__all__ = ["Preferences", "PreferencesDialog", "as_bool", "load_preferences", "save_preferences"]

AUTOMATIC_LABEL = "Best installed (automatic)"
RESTART_NOTE = "A change of language model takes effect after restarting Leeswijzer."


class PreferencesService(Protocol):
    """The part of the reading service the preferences dialog uses."""

    def installed_pipelines(self) -> list[str]: ...
    def set_online(self, enabled: bool) -> None: ...


class PreferencesDialog(QDialog):
    """Edit → Preferences: every change is saved at once; the online switch also applies."""

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
        self.online_check.setChecked(self._preferences.online)
        self.online_check.toggled.connect(self._on_online)

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

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Language model:", self.pipeline_combo)
        form.addRow("", note)
        form.addRow("", self.online_check)
        form.addRow("Read-aloud &speed:", self.rate_slider)
        form.addRow("", self.say_cards_check)
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

    def _store(self, preferences: Preferences) -> None:
        self._preferences = preferences
        save_preferences(self._settings, preferences)

    def _on_pipeline(self, index: int) -> None:
        name = str(self.pipeline_combo.itemData(index) or "")
        self._store(Preferences(pipeline=name or None, online=self._preferences.online))

    def _on_online(self, enabled: bool) -> None:
        self._service.set_online(enabled)
        self._store(Preferences(pipeline=self._preferences.pipeline, online=enabled))
