"""The small dialogs: the About text (escaped), the paste box."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, activate

import assistant
from ui.dialogs import PasteDialog, about_html


def test_about_names_version_model_and_every_source_escaped() -> None:
    service = FakeService()
    html = about_html(service)
    assert "Dutch language model: not loaded" in html
    service.load_pipeline()
    html = about_html(service)
    assert f"Leeswijzer {assistant.__version__}" in html
    assert "Dutch language model: fake 1.0" in html
    assert "<b>Fake &lt;data&gt;</b><br>Made up &amp; kept small." in html
    assert "<data>" not in html


def test_about_lists_the_real_attributions(service: object) -> None:
    from assistant.service import ATTRIBUTIONS, ReadingAssistant

    assert isinstance(service, ReadingAssistant)
    html = about_html(service)
    for name, _text in ATTRIBUTIONS:
        assert name.replace("&", "&amp;") in html


def test_paste_dialog_returns_the_text(qtbot: QtBot) -> None:
    dialog = PasteDialog()
    qtbot.addWidget(dialog)
    assert dialog.text() == ""
    dialog.editor.setPlainText("Regel een\n\nRegel twee")
    assert dialog.text() == "Regel een\n\nRegel twee"
    assert dialog.editor.placeholderText()


def test_paste_dialog_placeholder_is_plain_and_ctrl_enter_opens(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    dialog = PasteDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    placeholder = dialog.editor.placeholderText()
    assert "date" not in placeholder and "2024" not in placeholder
    assert "first line" in placeholder
    # Nothing pasted: Ctrl+Enter does nothing, Open is disabled.
    open_button = dialog.buttons.button(dialog.buttons.StandardButton.Open)
    assert not open_button.isEnabled()
    QTest.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    dialog.editor.setPlainText("Kop\n\nEen tekst.")
    assert open_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        QTest.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.text() == "Kop\n\nEen tekst."
    assert dialog.address() is None


def test_paste_dialog_tells_a_web_address(qtbot: QtBot) -> None:
    dialog = PasteDialog()
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("  https://nos.nl/artikel/123-iets \n")
    assert dialog.address() == "https://nos.nl/artikel/123-iets"
    dialog.editor.setPlainText("Lees https://nos.nl/artikel/1 voor meer.")
    assert dialog.address() is None
