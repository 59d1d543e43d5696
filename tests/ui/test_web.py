"""Web addresses: telling one from text, the address box (Ctrl+L) and a pasted address opening
the page (served from 127.0.0.1)."""

from __future__ import annotations

import pytest
from loopback import Loopback, response
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, activate

from ui.web import AddressDialog, web_address

PAGE = b"Een pagina op het web\n\nDe gemeente heeft een nieuw plan voor de haven."


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("https://nos.nl/artikel/1", "https://nos.nl/artikel/1"),
        ("  HTTP://Example.org/a?b=c \n", "HTTP://Example.org/a?b=c"),
        ("www.nu.nl/binnenland", "https://www.nu.nl/binnenland"),
        ("http://127.0.0.1:8080/feed", "http://127.0.0.1:8080/feed"),
        ("http://localhost/x", "http://localhost/x"),
        # Refused: text around the address, two addresses, other schemes, no host.
        ("Lees https://nos.nl/1 nu", None),
        ("https://a.nl https://b.nl", None),
        ("ftp://example.org/file", None),
        ("file:///etc/passwd", None),
        ("https://", None),
        ("https://nohost", None),
        ("De gemeente.", None),
        ("", None),
    ],
)
def test_web_address(text: str, address: str | None) -> None:
    assert web_address(text) == address


def test_address_box_opens_only_addresses_and_takes_the_clipboard(qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText("https://nos.nl/artikel/42")
    dialog = AddressDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.line.text() == "https://nos.nl/artikel/42"
    open_button = dialog.buttons.button(dialog.buttons.StandardButton.Open)
    assert open_button.isEnabled()
    dialog.line.setText("geen adres")
    assert not open_button.isEnabled()
    QTest.keyClick(dialog.line, Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.line.setText("www.nu.nl")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        QTest.keyClick(dialog.line, Qt.Key.Key_Return)
    assert dialog.address() == "https://www.nu.nl"
    QGuiApplication.clipboard().clear()


def test_ctrl_l_opens_the_address_box_and_the_page(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(FakeService())
    activate(qtbot, window)
    with Loopback(response(PAGE, content_type="text/plain; charset=utf-8")) as server:
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        dialog = window.findChild(AddressDialog, "addressDialog")
        assert isinstance(dialog, AddressDialog) and dialog.isVisible()
        dialog.line.setText(server.url("/artikel"))
        with qtbot.waitSignal(window.session.analysis_finished, timeout=20_000):
            QTest.keyClick(dialog.line, Qt.Key.Key_Return)
    article = window.session.article
    assert article is not None and article.source == server.url("/artikel")
    assert "nieuw plan voor de haven" in article.text
    assert window.recent_files() == [server.url("/artikel")]


def test_a_pasted_address_opens_the_page_not_a_heading(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(FakeService())
    with Loopback(response(PAGE, content_type="text/plain; charset=utf-8")) as server:
        dialog = window.paste_article()
        dialog.editor.setPlainText(server.url("/nieuws") + "\n")
        with qtbot.waitSignal(window.session.analysis_finished, timeout=20_000):
            dialog.accept()
    article = window.session.article
    assert article is not None and article.source == server.url("/nieuws")
    assert "127.0.0.1" not in article.text


def test_pasted_text_is_titled_by_its_first_line(make_window: WindowFactory) -> None:
    window = make_window(FakeService())
    dialog = window.paste_article()
    dialog.editor.setPlainText("Nieuw plan voor de haven\n\nDe gemeente heeft een plan.")
    dialog.accept()
    assert window.windowTitle() == "Nieuw plan voor de haven — Leeswijzer"
    assert window.reader.toPlainText() == "Nieuw plan voor de haven\nDe gemeente heeft een plan."
