"""The text's look: cards and notes follow the zoom (Ctrl+plus/minus); Preferences set the font,
its size, the line spacing and the column's width, applied at once and kept in the settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, activate, note

from assistant.models import Category, Level
from assistant.reading.loading import article_from_text
from ui.main_window import MainWindow
from ui.preferences import ReadingStyle, load_reading_style, save_reading_style
from ui.theme import COLUMN_CHARS, PARAGRAPH_LINE_HEIGHT, READING_POINT_SIZE

TEXT = ("De gemeente Utrecht wil een viaduct bouwen. Het viaduct is een ambitieus plan.\n\n"
        "De provincie betaalt de helft.")


def _window(qtbot: QtBot, make_window: WindowFactory) -> MainWindow:
    article = article_from_text(TEXT)
    service = FakeService({"viaduct": Level.C1, "ambitieus": Level.C1},
                          entities=[("Utrecht", Category.PLACE)],
                          notes=(note("utrecht", "Utrecht", Category.PLACE,
                                      "A city in the Netherlands.", article),))
    window = make_window(service)
    window.session.open_text(TEXT)
    activate(qtbot, window)
    return window


def _card_point_size(window: MainWindow) -> float:
    reader = window.reader
    index = reader.hard_tokens()[0]
    reader.show_card_for_token(index)
    return reader.card.findChild(QLabel).font().pointSizeF()


def _notes_point_size(window: MainWindow) -> float:
    card = window.notes.cards["utrecht"]
    return card.findChild(QLabel, "noteDescription").font().pointSizeF()


def test_cards_and_notes_follow_the_zoom(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window)
    reader = window.reader
    card_before, notes_before = _card_point_size(window), _notes_point_size(window)
    width_before = reader.card.width()
    window.notes.select("utrecht")
    for _ in range(3):
        QTest.keyClick(reader, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom == 3
    card_after, notes_after = _card_point_size(window), _notes_point_size(window)
    assert card_after > card_before * 1.25 and notes_after > notes_before * 1.25
    assert reader.card.width() > width_before * 1.25
    assert window.notes.selected_key == "utrecht"  # the cards built again keep the selection
    QTest.keyClick(reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert _card_point_size(window) == card_before and _notes_point_size(window) == notes_before
    QTest.keyClick(reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert _card_point_size(window) < card_before


def _family_other_than(family: str) -> str:
    families = [f for f in QFontDatabase.families() if f != family
                and QFontInfo(QFont(f)).family() == f]
    assert families, "the test needs a second installed font"
    return families[0]


def _line_gap(window: MainWindow) -> float:
    """The distance between the first paragraph's first two lines, in pixels."""
    block = window.reader.document().findBlockByNumber(0)
    while block.isValid() and (block.layout() is None or block.layout().lineCount() < 2):
        block = block.next()
    assert block.isValid(), "the first paragraph needs two lines"
    layout = block.layout()
    return layout.lineAt(1).y() - layout.lineAt(0).y()


def test_preferences_set_the_texts_look_and_keep_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    reader = window.reader
    dialog = window.show_preferences()
    assert dialog.size_spin.value() == READING_POINT_SIZE
    assert dialog.spacing_spin.value() == PARAGRAPH_LINE_HEIGHT
    assert dialog.column_spin.value() == COLUMN_CHARS
    gap_before = _line_gap(window)
    family = _family_other_than(QFontInfo(reader.document().defaultFont()).family())
    with qtbot.waitSignal(dialog.reading_style_changed):
        dialog.font_combo.setCurrentFont(QFont(family))
    assert QFontInfo(reader.document().defaultFont()).family() == family
    dialog.size_spin.setValue(16.0)
    assert reader.document().defaultFont().pointSizeF() == 16.0
    dialog.spacing_spin.setValue(200)
    assert _line_gap(window) > gap_before * 1.2
    margin_before = reader.document().rootFrame().frameFormat().leftMargin()
    dialog.column_spin.setValue(44)
    assert reader.document().rootFrame().frameFormat().leftMargin() > margin_before
    expected = ReadingStyle(family, 16.0, 200, 44)
    assert dialog.reading_style == expected == reader.reading_style
    assert load_reading_style(window.settings) == expected
    # The next start sets the text the same way.
    window.save_settings()
    again = make_window(FakeService({}), settings_name="settings.ini")
    assert again.reader.reading_style == expected
    # Reset gives the defaults back.
    dialog.reset_style_button.click()
    assert reader.reading_style == ReadingStyle() == load_reading_style(window.settings)
    assert dialog.size_spin.value() == READING_POINT_SIZE


def test_a_stored_style_out_of_range_is_brought_within_it(tmp_path: object) -> None:
    settings = QSettings(str(tmp_path) + "/s.ini", QSettings.Format.IniFormat)
    save_reading_style(settings, ReadingStyle("", 100.0, 20, 5000))
    style = load_reading_style(settings)
    assert (style.point_size, style.line_height, style.column_chars) == (32.0, 100, 120)
    settings.setValue("reading/font_size", "large")
    assert load_reading_style(settings).point_size == READING_POINT_SIZE
