"""The main window: notes panel, opening files (good and bad), errors, settings, dialogs,
screenshot — the widgets wired to the session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, NoPipelineService, WindowFactory, open_and_wait

from assistant.errors import ArticleError
from assistant.models import Article, ArticleDate, Category, Level
from assistant.service import ReadingAssistant
from ui.main_window import MainWindow, window_title
from ui.notices import Notice, NoticeKind
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]


def test_notes_panel_cards_in_order_and_click_selects(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    notes = window.notes
    assert reading.notes
    order = notes.card_order()
    assert sorted(order) == sorted(n.key for n in reading.notes if n.has_background)
    also = [name for names in notes.also_mentioned().values() for name in names]
    assert sorted(also) == sorted(n.name for n in reading.notes if not n.has_background)
    assert notes.as_of() == "Notes as of September 2023, the article's date"
    # Within each category, cards follow the order of first mention.
    by_key = {n.key: n for n in reading.notes}
    for category in {n.category for n in reading.notes}:
        keys = [k for k in order if by_key[k].category is category]
        firsts = [min(m.start for m in by_key[k].mentions) for k in keys]
        assert firsts == sorted(firsts)
    assert notes.headers()[-1] == "Time"
    assert len(notes.time_rows()) == len(reading.times)
    note = [n for n in reading.notes if n.has_background][-1]
    card = notes.cards[note.key]
    name = card.findChild(QLabel, "noteName")
    assert isinstance(name, QLabel) and name.text() == note.name
    notes._scroll.ensureWidgetVisible(card)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert notes.selected_key == note.key
    assert card.selected
    spans = sorted((m.start, m.end) for m in note.mentions)
    assert window.reader.highlighted_mentions == spans
    assert len(window.reader.marked_ranges()["mention"]) == len(spans)


def test_clicking_entity_in_text_selects_its_card(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    reader = window.reader
    area = reader.viewport().rect()
    target = next(
        (note, token)
        for note in reading.notes
        for mention in note.mentions
        for token in reading.analysed.tokens
        if mention.start <= token.start and token.end <= mention.end
        and area.contains(reader.token_rect(token.index))
    )
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
    with qtbot.waitSignal(window.message_bar.shown, timeout=10_000) as shown:
        window.session.open_path(path)
    assert shown.args == [expected.value.message]
    assert window.message_bar.text() == expected.value.message
    assert name in window.message_bar.text()
    assert window.message_bar.kind is NoticeKind.ERROR
    assert window.session.reading is reading
    assert window.reader.reading is reading
    window.message_bar.dismiss()
    assert window.message_bar.text() == ""
    assert window.message_bar.isHidden()


def test_an_article_that_opens_dismisses_an_error_but_not_a_warning(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(FakeService())
    window.session.open_path(tmp_path / "missing.txt")
    assert window.message_bar.kind is NoticeKind.ERROR
    window.session.open_text("Een tekst die wel opent.")
    assert window.message_bar.isHidden()
    window.message_bar.show_notice(Notice("Your list was repaired.", NoticeKind.WARNING))
    window.session.open_text("Nog een tekst.")
    assert window.message_bar.text() == "Your list was repaired."


def test_no_pipeline_window_opens_and_explains(
    make_window: WindowFactory, shared_sample: Path
) -> None:
    window = make_window(NoPipelineService())
    window.session.start(shared_sample)
    assert window.message_bar.text() == NoPipelineService.MESSAGE
    assert window.reader.article is not None
    assert "Er hing al langer" in window.reader.toPlainText()
    assert window.session.reading is None
    status = window.statusBar().findChild(QLabel, "pipelineStatus")
    assert isinstance(status, QLabel) and "No Dutch language model" in status.text()
    hints = window.notes.findChildren(QLabel, "notesHint")
    assert [hint.text() for hint in hints] == ["Notes need a Dutch language model."]


def test_unexpected_error_is_shown_with_details(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    service = FakeService()
    service.read_error = RuntimeError("analysis <b>exploded</b>")
    window = make_window(service)
    window.session.open_text("Een tekst.")
    bar = window.message_bar
    assert "Something went wrong" in bar.text() and "analysis <b>exploded</b>" in bar.text()
    assert "RuntimeError" in bar.details and "Traceback" in bar.details
    button = bar.findChild(QPushButton, "messageDetails")
    assert isinstance(button, QPushButton) and button.isVisible()
    box = bar.show_details()
    assert isinstance(box, QMessageBox)
    assert box.textFormat() is Qt.TextFormat.PlainText
    assert box.text() == bar.text()
    assert box.detailedText() == bar.details
    box.close()
    assert window.isVisible()


def test_settings_persist(
    make_window: WindowFactory, service: ReadingAssistant, tmp_path: Path
) -> None:
    first = make_window(service)
    first.resize(900, 640)
    first.session.set_level(Level.C1)
    assert first.level_slider.value() == 4
    first.entities_action.setChecked(False)
    first.zoom_in_action.trigger()
    first.notes.hide()
    first.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("reading/level") == "C1"
    second = make_window(service)
    assert second.session.level is Level.C1
    assert second.level_slider.value() == 4
    assert second.level_label.text().strip() == "C1"
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
    with qtbot.waitSignal(window.session.analysis_finished, timeout=60_000) as done:
        window.session.start()
        window.dropEvent(event)
    assert done.args[0].analysed.article.source == str(shared_sample)
    assert window.recent_files() == [str(shared_sample.resolve())]
    assert window.windowTitle() == f"{shared_sample.name} — Leeswijzer"


def test_paste_text_and_stale_results_dropped_with_threads(
    qtbot: QtBot, make_window: WindowFactory, service: ReadingAssistant
) -> None:
    window = make_window(service, TaskRunner())
    seen: list[str] = []
    window.session.analysis_finished.connect(lambda r: seen.append(r.analysed.article.text))
    with qtbot.waitSignal(window.session.analysis_finished, timeout=60_000):
        window.session.start()
        window.session.open_text("Eerste tekst over de gemeente Utrecht.")
        window.session.open_text("Tweede tekst over een nieuw plan in Amsterdam.")
    qtbot.waitUntil(lambda: not window.session.busy)
    assert seen == ["Tweede tekst over een nieuw plan in Amsterdam."]
    assert window.reader.article is not None
    assert window.reader.article.text.startswith("Tweede")


def test_paste_dialog_opens_the_text(make_window: WindowFactory) -> None:
    window = make_window(FakeService())
    dialog = window.paste_article()
    assert dialog.isVisible()
    dialog.editor.setPlainText("Een geplakte tekst over de gemeente.")
    dialog.accept()
    assert window.session.article is not None
    assert window.session.article.text == "Een geplakte tekst over de gemeente."
    # Its first line is its title, shown once (the document does not repeat it above the text).
    assert window.reader.toPlainText() == "Een geplakte tekst over de gemeente."
    assert window.windowTitle() == "Een geplakte tekst over de gemeente. — Leeswijzer"
    assert window.recent_files() == []


def test_paste_empty_text_shows_message(make_window: WindowFactory) -> None:
    window = make_window(FakeService())
    window.session.open_text("   \n\n ")
    assert "empty" in window.message_bar.text().lower()
    assert window.session.article is None


def test_about_box_names_the_model(make_window: WindowFactory) -> None:
    service = FakeService()
    window = make_window(service)
    window.session.start()
    box = window.show_about()
    assert box.isVisible()
    assert "fake 1.0" in box.text()
    assert "Fake &lt;data&gt;" in box.text()
    box.close()


@pytest.mark.parametrize(
    ("article", "title"),
    [
        (None, "Leeswijzer"),
        (Article("x", (), title="Het nieuws"), "Het nieuws — Leeswijzer"),
        (Article("x", (), source="/tmp/krant/artikel.txt"), "artikel.txt — Leeswijzer"),
        (Article("x", (), source=""), "Leeswijzer"),
        (Article("x", (), date=ArticleDate(2024), title="Kop", source="/a/b.txt"),
         "Kop — Leeswijzer"),
    ],
)
def test_window_title(article: Article | None, title: str) -> None:
    assert window_title(article) == title


def test_legend_names_date_only_when_the_article_has_dates(make_window: WindowFactory) -> None:
    service = FakeService(
        entities=[("maandag 4 september", Category.DATE), ("Utrecht", Category.PLACE)]
    )
    window = make_window(service)
    window.session.open_text("Op maandag 4 september reisde Anna naar Utrecht.")
    assert "date" in window.legend.labels()
    window.session.open_text("Anna reisde naar Utrecht.")
    assert "date" not in window.legend.labels()
    assert "place" in window.legend.labels()


def test_hover_with_real_mouse_after_scrolling(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    # The notes dock fills in slices after the reading; each slice may reflow the text.
    qtbot.waitUntil(lambda: not window.notes.building, timeout=5000)
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
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEESWIJZER_OFFLINE="1",
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", str(out), str(shared_sample)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 1000 and image.height() >= 700
    # The screenshot never writes the user's settings or known words.
    assert not (tmp_path / "data").exists()
    assert not list((tmp_path / "config").glob("**/*.conf"))
