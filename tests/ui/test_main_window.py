"""The main window: notes panel, opening files (good and bad), errors, settings, screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_helpers import BrokenReadService, NoPipelineService, open_and_wait

from assistant.errors import ArticleError
from assistant.models import Level
from assistant.service import ReadingAssistant
from ui.main_window import MainWindow
from ui.notes_panel import note_lines

ROOT = Path(__file__).resolve().parents[2]


def test_notes_panel_cards_in_order_and_click_selects(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    notes = window.notes
    assert reading.notes
    order = notes.card_order()
    assert sorted(order) == sorted(n.key for n in reading.notes)
    # Within each category, cards follow the order of first mention.
    by_key = {n.key: n for n in reading.notes}
    for category in {n.category for n in reading.notes}:
        keys = [k for k in order if by_key[k].category is category]
        firsts = [min(m.start for m in by_key[k].mentions) for k in keys]
        assert firsts == sorted(firsts)
    assert notes.headers()[-1] == "Time"
    assert len(notes.time_rows()) == len(reading.times)
    note = reading.notes[-1]
    card = notes.cards[note.key]
    notes._scroll.ensureWidgetVisible(card)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert notes.selected_key == note.key
    assert card.selected
    spans = sorted((m.start, m.end) for m in note.mentions)
    assert window.reader.highlighted_mentions == spans
    assert len(window.reader.marked_ranges()["mention"]) == len(spans)
    assert note.name in note_lines(note)[0]


def test_clicking_entity_in_text_selects_its_card(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    area = reader.viewport().rect()
    target = None
    for note in reading.notes:
        for mention in note.mentions:
            token = next(t for t in reading.analysed.tokens if t.start >= mention.start)
            if token.end <= mention.end and area.contains(reader.token_rect(token.index)):
                target = (note, token)
                break
        if target:
            break
    assert target is not None
    note, token = target
    point = reader.token_center(token.index)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.notes.selected_key == note.key


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 8),
        ("missing.txt", None),
        ("slides.pdf", b"%PDF-1.4\n\x00\x01\x02\x03\x04binary"),
    ],
)
def test_bad_inputs_show_message_and_keep_app(
    qtbot: QtBot,
    window: MainWindow,
    service: ReadingAssistant,
    shared_sample: Path,
    tmp_path: Path,
    name: str,
    content: bytes | None,
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ArticleError) as expected:
        service.load_article(path)
    with qtbot.waitSignal(window.message_shown, timeout=10_000) as shown:
        window.open_path(path)
    assert shown.args == [expected.value.message]
    assert window.message_bar.text() == expected.value.message
    assert name in window.message_bar.text()
    assert window.message_bar.kind == "error"
    assert window.reading is reading
    assert window.reader.reading is reading
    window.message_bar.dismiss()
    assert window.message_bar.text() == ""


def test_no_pipeline_window_opens_and_explains(
    qtbot: QtBot, make_window: object, shared_sample: Path
) -> None:
    window = make_window(NoPipelineService())  # type: ignore[operator]
    with qtbot.waitSignal(window.article_shown, timeout=10_000):
        window.start(shared_sample)
    qtbot.waitUntil(lambda: NoPipelineService.MESSAGE in window.message_bar.text())
    assert window.reader.article is not None
    assert "Er hing al langer" in window.reader.toPlainText()
    assert window.reading is None
    status = window.statusBar().findChild(QLabel, "pipelineStatus")
    assert status is not None and "No Dutch language model" in status.text()


def test_unexpected_error_is_shown_with_details(
    qtbot: QtBot, make_window: object, service: ReadingAssistant, shared_sample: Path
) -> None:
    window = make_window(BrokenReadService(service))  # type: ignore[operator]
    with qtbot.waitSignal(window.message_shown, timeout=10_000):
        window.start(shared_sample)
    text = window.message_bar.text()
    assert "Something went wrong" in text and "analysis exploded" in text
    assert "RuntimeError" in window.message_bar.details
    assert "Traceback" in window.message_bar.details
    assert window.isVisible()


def test_settings_persist(
    qtbot: QtBot, make_window: object, service: ReadingAssistant, tmp_path: Path
) -> None:
    first = make_window(service)  # type: ignore[operator]
    first.resize(900, 640)
    first.set_level(Level.C1)
    first.entities_action.setChecked(False)
    first.zoom_in_action.trigger()
    first.notes.hide()
    first.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("reading/level") == "C1"
    second = make_window(service)  # type: ignore[operator]
    assert second.level is Level.C1
    assert second.level_slider.value() == 4
    assert not second.entities_action.isChecked()
    assert second.reader.zoom == 1
    assert not second.notes.isVisible()


def test_drop_file_opens_it(qtbot: QtBot, window: MainWindow, shared_sample: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(shared_sample))])
    event = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.analysis_finished, timeout=60_000) as done:
        window.start()
        window.dropEvent(event)
    assert done.args[0].analysed.article.source == str(shared_sample)
    assert str(shared_sample.resolve()) in window.recent_files()


def test_paste_text_and_stale_results_dropped(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[str] = []
    window.analysis_finished.connect(lambda r: seen.append(r.analysed.article.text))
    with qtbot.waitSignal(window.analysis_finished, timeout=60_000):
        window.start()
        window.open_text("Eerste tekst over de gemeente Utrecht.")
        window.open_text("Tweede tekst over een nieuw plan in Amsterdam.")
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert seen == ["Tweede tekst over een nieuw plan in Amsterdam."]
    assert window.reader.article is not None
    assert window.reader.article.text.startswith("Tweede")


def test_paste_empty_text_shows_message(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.message_shown, timeout=10_000) as shown:
        window.open_text("   \n\n ")
    assert "empty" in shown.args[0].lower()


def test_about_lists_pipeline_and_sources(
    qtbot: QtBot, window: MainWindow, service: ReadingAssistant
) -> None:
    with qtbot.waitSignal(window.pipeline_ready, timeout=60_000):
        window.start()
    html = window.about_html()
    info = service.pipeline_info
    assert info is not None
    assert info.name in html and info.version in html
    for name, _text in service.attributions():
        assert name.replace("&", "&amp;").split("(")[0].strip() in html
    assert "<script" not in html


def test_hover_with_real_mouse_after_scrolling(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum())
    area = reader.viewport().rect()
    index = next(i for i in reversed(reader.hard_tokens()) if area.contains(reader.token_rect(i)))
    with qtbot.waitSignal(reader.card_shown, timeout=5000):
        QTest.mouseMove(reader.viewport(), reader.token_center(index) + QPoint(1, 0))
    assert reader.card.token_index == index
    assert reader.card.plain_text().startswith(reading.analysed.tokens[index].text)


def test_screenshot_command_writes_png(tmp_path: Path, shared_sample: Path) -> None:
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEESWIJZER_OFFLINE="1")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", str(out), str(shared_sample)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 1000 and image.height() >= 700
