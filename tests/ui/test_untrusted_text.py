"""Article text is untrusted: markup in it is shown as text and never loads or runs anything."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from assistant.models import GlossCard, GlossKind
from ui.app import install_exception_hook
from ui.gloss_card import card_html
from ui.main_window import MainWindow
from ui.plain_text import menu_text, plain_tooltip
from ui.settings import remember_recent

HOSTILE = (
    ' date 2024-01 De <b>minister</b> zei <img src="http://example.com/x.png"> '
    "<script>alert(1)</script> en <a href='file:///etc/passwd'>klik</a> vandaag niets."
)


def test_markup_in_an_article_is_plain_text(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.session.analysis_finished, timeout=60_000):
        window.session.open_text(HOSTILE)
    shown = window.reader.toPlainText()
    assert '<img src="http://example.com/x.png">' in shown
    assert "<script>alert(1)</script>" in shown
    html = window.reader.document().toHtml()
    assert "<img" not in html.replace("&lt;img", "")
    assert 'href="file:' not in html


def test_card_text_is_escaped() -> None:
    card = GlossCard(form="<b>x</b>", lemma="<img src=x>", pos="NOUN", kind=GlossKind.WORD,
                     senses=("<script>1</script>",), source="<i>s</i>")
    html = card_html(card, "#777", "#333")
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<script>" not in html and "<img" not in html


IMG_NAME = '<img src="plaatje.png"> & <b>vet \u202eomgekeerd'  # no "/": it is a file name


def test_a_hostile_file_name_is_plain_text_in_the_message_bar_and_details(
    window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "plaatje.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    window.session.open_path(str(tmp_path / f"{IMG_NAME}.txt"))
    bar = window.message_bar
    assert '<img src="plaatje.png"> & <b>vet omgekeerd.txt' in bar.text()
    assert "\u202e" not in bar.text()
    label = bar.findChild(QLabel, "messageText")
    assert isinstance(label, QLabel) and label.textFormat() is Qt.TextFormat.PlainText
    assert label.text() == bar.text()
    box = bar.show_details()
    assert box.textFormat() is Qt.TextFormat.PlainText and box.text() == bar.text()
    box.close()


def test_exception_text_is_plain_in_the_error_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    hook = install_exception_hook(lambda: window)
    error = OSError(f"cannot open {IMG_NAME}")
    hook(OSError, error, None)
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and boxes[0].textFormat() is Qt.TextFormat.PlainText
    assert '<img src="plaatje.png">' in boxes[0].text()
    boxes[0].close()


def test_recent_files_show_hostile_names_literally(window: MainWindow, tmp_path: Path) -> None:
    path = str(tmp_path / f"{IMG_NAME}.txt")
    remember_recent(window.settings, path)
    window.recent_menu.aboutToShow.emit()
    actions = [a for a in window.recent_menu.actions() if a.isEnabled()]
    assert len(actions) == 1
    assert actions[0].text() == '<img src="plaatje.png"> && <b>vet omgekeerd.txt'
    tooltip = actions[0].toolTip()
    assert "<img" not in tooltip and "<b>" not in tooltip and "\u202e" not in tooltip
    assert "&lt;img src=&quot;plaatje.png&quot;&gt;" in tooltip
    assert window.recent_menu.toolTipsVisible()


def test_tooltips_keep_untrusted_text_literal() -> None:
    assert plain_tooltip("a <b>b</b>") == "<p style='white-space:pre'>a &lt;b&gt;b&lt;/b&gt;</p>"
    assert menu_text("R&D\n\u202enaam") == "R&&D naam"


def test_bidi_controls_never_reach_the_reader(window: MainWindow) -> None:
    window.session.open_text("De minister \u202ezei niets\u202c en \u2067ging\u2069 weg.")
    assert window.reader.toPlainText() == "De minister zei niets en ging weg."


def test_article_warnings_are_shown_in_the_status_bar_as_plain_text(
    window: MainWindow, tmp_path: Path
) -> None:
    broken = tmp_path / "<b>bijna<i>.txt"
    broken.write_bytes("Een café in Zürich. ".encode() + b"Kapot \xff hier.\n")
    window.session.open_path(str(broken))
    label = window.article_warnings
    assert label.isVisible() and label.textFormat() is Qt.TextFormat.PlainText
    assert "“<b>bijna<i>.txt” is UTF-8 text with 1 invalid byte" in label.text()
    assert "<b>" not in label.toolTip().replace("&lt;b&gt;", "")
    clean = tmp_path / "schoon.txt"
    clean.write_text("Een café in Zürich.", encoding="utf-8")
    window.session.open_path(str(clean))
    assert not label.isVisible() and label.text() == ""
