"""The small dialogs: the About text (escaped), the paste box."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from ui_helpers import FakeService

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
