"""Find (Ctrl+F): matches in text order, next and previous round the end, F3, the count, Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, activate

from ui.main_window import MainWindow

TEXT = ("De haven van Rotterdam groeit.\n\nDe gemeente wil een nieuwe haven. Havens kosten "
        "geld, zegt de HAVEN-meester.")


def _window(qtbot: QtBot, make_window: WindowFactory) -> MainWindow:
    window = make_window(FakeService())
    window.session.open_text(TEXT)
    activate(qtbot, window)
    window.reader.setFocus()
    return window


def _selected(window: MainWindow) -> str:
    return window.reader.textCursor().selectedText()


def test_ctrl_f_finds_every_match_and_walks_them_round_the_end(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    bar = window.find_bar
    assert bar.isHidden()
    QTest.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.line.hasFocus()
    QTest.keyClicks(bar.line, "haven")
    # Case does not matter: "haven", "haven", "Havens", "HAVEN".
    starts = [start for start, _end in bar.matches]
    assert len(starts) == 4 and starts == sorted(starts)
    assert bar.current == 0 and _selected(window).lower() == "haven"
    assert bar.count_label.text() == "1 of 4"
    QTest.keyClick(bar.line, Qt.Key.Key_Return)
    assert bar.current == 1
    QTest.keyClick(bar.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == 0
    QTest.keyClick(bar.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == 3 and bar.count_label.text() == "4 of 4"  # round the start
    assert _selected(window) == "HAVEN"
    QTest.keyClick(bar.line, Qt.Key.Key_F3)
    assert bar.current == 0  # round the end
    QTest.keyClick(bar.line, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == 3
    bar.next_button.click()
    assert bar.current == 0
    bar.previous_button.click()
    assert bar.current == 3
    QTest.keyClick(bar.line, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert window.reader.hasFocus()


def test_not_found_and_a_new_article_searches_again(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    bar = window.find_bar
    bar.open_bar()
    QTest.keyClicks(bar.line, "fiets")
    assert bar.matches == [] and bar.count_label.text() == "not found"
    assert not bar.find_next()
    window.session.open_text("Een fiets en nog een fiets.")
    assert len(bar.matches) == 2
    assert bar.find_next() and _selected(window) == "fiets"


def test_f3_without_a_search_opens_the_bar(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window)
    QTest.keyClick(window.reader, Qt.Key.Key_F3)
    assert window.find_bar.isVisible() and window.find_bar.line.hasFocus()
