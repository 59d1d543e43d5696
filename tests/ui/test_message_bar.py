"""The message bar: one notice at a time, in plain text, details on request, dismissed by kind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from ui.message_bar import COLOURS, MessageBar
from ui.notices import Notice, NoticeKind


@pytest.fixture
def bar(qtbot: QtBot) -> MessageBar:
    widget = MessageBar()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _details_button(bar: MessageBar) -> QPushButton:
    button = bar.findChild(QPushButton, "messageDetails")
    assert isinstance(button, QPushButton)
    return button


def test_hidden_until_a_notice_arrives(bar: MessageBar, qtbot: QtBot) -> None:
    bar.hide()
    assert bar.isHidden() and bar.text() == "" and bar.kind is None
    with qtbot.waitSignal(bar.shown) as shown:
        bar.show_notice(Notice("Cannot open a.txt: it is empty."))
    assert shown.args == ["Cannot open a.txt: it is empty."]
    assert not bar.isHidden()
    assert bar.kind is NoticeKind.ERROR
    assert not _details_button(bar).isVisible()


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_each_kind_has_its_colours(bar: MessageBar, kind: NoticeKind) -> None:
    bar.show_notice(Notice("x", kind))
    background = COLOURS[kind][0]
    assert background in bar.styleSheet()
    assert bar.kind is kind


def test_markup_in_a_notice_is_shown_as_text(bar: MessageBar) -> None:
    hostile = 'Cannot open <img src="x.png"><b>a</b>.txt'
    bar.show_notice(Notice(hostile, details="<script>1</script>"))
    label = bar.findChild(QLabel, "messageText")
    assert isinstance(label, QLabel)
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert label.text() == hostile
    box = bar.show_details()
    assert isinstance(box, QMessageBox)
    assert box.textFormat() is Qt.TextFormat.PlainText
    assert box.text() == hostile
    assert box.detailedText() == "<script>1</script>"
    box.close()


def test_details_button_only_with_details(bar: MessageBar) -> None:
    bar.show_notice(Notice("Something went wrong.", details="Traceback …"))
    assert _details_button(bar).isVisible()
    assert bar.details == "Traceback …"
    bar.show_notice(Notice("Plain problem."))
    assert not _details_button(bar).isVisible()
    assert bar.details == ""


@pytest.mark.parametrize(
    ("kind", "stays"),
    [(NoticeKind.ERROR, False), (NoticeKind.WARNING, True), (NoticeKind.INFO, True)],
)
def test_dismiss_error_leaves_warnings_and_information(
    bar: MessageBar, kind: NoticeKind, stays: bool
) -> None:
    bar.show_notice(Notice("text", kind))
    bar.dismiss_error()
    assert bar.isHidden() is not stays
    assert bar.text() == ("text" if stays else "")


def test_close_button_dismisses(bar: MessageBar, qtbot: QtBot) -> None:
    bar.show_notice(Notice("text"))
    close = bar.findChild(QPushButton, "messageClose")
    assert isinstance(close, QPushButton)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert bar.isHidden() and bar.notice is None
