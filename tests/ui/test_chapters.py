"""EPUB chapters in the window: the chapter list follows the reading, next and previous chapter
by key, a chapter chosen from the list; no chapter list for other articles."""

from __future__ import annotations

from pathlib import Path

from books import write_epub
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, activate

from ui.library import top_position
from ui.main_window import MainWindow

BODY = "".join(f"<p>De schepen varen af en aan in alinea {i}.</p>" for i in range(40))
CTRL = Qt.KeyboardModifier.ControlModifier


def _book(tmp_path: Path) -> Path:
    return write_epub(tmp_path / "boek.epub", [
        ("Het begin", f"<h1>Begin</h1>{BODY}"),
        ("De reis", f"<h1>Reis</h1>{BODY}"),
        ("Aankomst", "<h1>Aankomst</h1><p>Eindelijk thuis.</p>"),
    ])


def _chapter_top(window: MainWindow, index: int) -> int:
    article = window.reader.article
    assert article is not None
    start = article.chapters[index].start
    return window.reader.document_range(start, start)[0]


def test_next_and_previous_chapter_keys_and_the_list_follow_the_reading(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(FakeService())
    window.session.open_path(_book(tmp_path))
    activate(qtbot, window)
    window.reader.setFocus()
    combo = window.chapter_box.combo
    assert window.chapter_action.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Het begin", "De reis",
                                                                 "Aankomst"]
    assert combo.currentIndex() == 0
    QTest.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    assert combo.currentIndex() == 1
    assert top_position(window.reader).position == _chapter_top(window, 1)
    QTest.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    assert combo.currentIndex() == 2  # the short last chapter, though it cannot reach the top
    QTest.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    assert combo.currentIndex() == 2  # no chapter after the last
    QTest.keyClick(window.reader, Qt.Key.Key_PageUp, CTRL)
    assert combo.currentIndex() == 1
    window.reader.verticalScrollBar().setValue(0)  # scrolling back: the list follows
    assert combo.currentIndex() == 0
    combo.activated.emit(1)  # chosen from the list
    assert top_position(window.reader).position == _chapter_top(window, 1)


def test_articles_without_chapters_show_no_chapter_list(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(FakeService())
    window.session.open_path(_book(tmp_path))
    assert window.chapter_action.isVisible()
    window.session.open_text("Een korte tekst.\n\nZonder hoofdstukken.")
    assert not window.chapter_action.isVisible()
    assert window.chapter_box.combo.count() == 0
    assert not window.chapters.next()
