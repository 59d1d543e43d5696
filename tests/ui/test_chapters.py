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


def _shows(window: MainWindow, opening: str) -> bool:
    """The reader shows the part that starts with `opening` (under the title's line)."""
    article = window.reader.article
    return article is not None and article.text.startswith(opening) and (
        f"\n{opening}" in window.reader.toPlainText())


def _long_text(paragraph: str, parts: int) -> str:
    """`parts` paragraphs of about 30,000 characters: a section each."""
    return "\n\n".join(f"Deel {n}. " + paragraph * (30_000 // len(paragraph))
                       for n in range(parts))


def test_a_long_text_is_read_a_part_at_a_time_and_the_keys_move_between_parts(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(FakeService())
    window.session.open_text(_long_text("De schepen varen af en aan. ", 3))
    activate(qtbot, window)
    window.reader.setFocus()
    combo = window.chapter_box.combo
    assert window.chapter_action.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        f"Part {n + 1}: Deel {n}. De schepen varen af en aan. De schepen…" for n in range(3)]
    assert window.section_label.text() == "Part 1 of 3" and window.section_label.isVisible()
    assert window.chapter_box.label.text() == " &Part "  # parts without chapters
    assert window.coverage_label.text().endswith("of the words in this part.")
    assert "Part 1 of 3" in window.windowTitle()
    assert _shows(window, "Deel 0.")
    QTest.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    assert combo.currentIndex() == 1 and window.session.section_index == 1
    assert _shows(window, "Deel 1.")
    assert window.section_label.text() == "Part 2 of 3" and "Part 2 of 3" in window.windowTitle()
    QTest.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    QTest.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)  # no part after the last
    assert combo.currentIndex() == 2 and window.session.section_index == 2
    QTest.keyClick(window.reader, Qt.Key.Key_PageUp, CTRL)
    assert window.session.section_index == 1
    combo.activated.emit(0)  # chosen from the list
    assert window.session.section_index == 0 and combo.currentIndex() == 0
    assert _shows(window, "Deel 0.")
    window.session.open_text("Een korte tekst.")  # a short text: no parts, no list
    assert not window.chapter_action.isVisible() and not window.section_label.isVisible()
    assert window.coverage_label.text().endswith("in this article.")


def test_find_searches_the_part_shown_and_goes_on_to_the_next_part_with_a_match(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(FakeService())
    text = _long_text("De schepen varen af en aan. ", 3).replace("Deel 2.", "Deel 2. Zeebrug.")
    window.session.open_text(text)
    activate(qtbot, window)
    find = window.find_bar
    find.open_bar()
    find.line.setText("zeebrug")
    assert window.session.section_index == 0
    assert not find.matches and find.count_label.text() == "not found in part 1 of 3"
    QTest.keyClick(find.line, Qt.Key.Key_Return)  # on to the part that has it
    assert window.session.section_index == 2
    assert window.reader.textCursor().selectedText() == "Zeebrug"
    QTest.keyClick(find.line, Qt.Key.Key_Return)  # no later part has it: round this one
    assert window.session.section_index == 2 and find.current == 0
    find.line.setText("Deel 1")
    assert not find.matches
    QTest.keyClick(find.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # back
    assert window.session.section_index == 1
    assert window.reader.textCursor().selectedText() == "Deel 1"
    assert find.count_label.text() == "1 of 1"


def test_a_long_book_lists_its_chapters_as_parts_and_a_long_chapter_in_numbered_parts(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    long_body = "".join(f"<p>{'De schepen varen af en aan. ' * 80}Alinea {i}.</p>"
                        for i in range(30))  # about 68,000 characters
    book = write_epub(tmp_path / "lang.epub", [
        ("Het begin", f"<h1>Begin</h1>{BODY}"),
        ("De reis", f"<h1>Reis</h1>{long_body}"),
        ("Aankomst", "<h1>Aankomst</h1><p>Eindelijk thuis.</p>"),
    ])
    window = make_window(FakeService())
    window.session.open_path(book)
    activate(qtbot, window)
    combo = window.chapter_box.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Het begin", "De reis (1/2)", "De reis (2/2)", "Aankomst"]
    assert window.chapter_box.label.text() == " &Chapter "
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    QTest.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    assert window.session.section_index == 2 and combo.currentIndex() == 2
    assert window.section_label.text() == "Part 3 of 4"
    assert window.windowTitle().endswith("— De reis (2/2) — Leeswijzer")
    assert _shows(window, "De schepen")  # the chapter's second part: no heading of its own
