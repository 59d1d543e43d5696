"""The learner's words in the app: statuses by key and menu with their marking, saved words in
the vocabulary window, mark-the-rest and undo, coverage in the status bar, import and export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from ui_helpers import WindowFactory, open_and_wait

from assistant.learner.memory import LearnerMemory
from assistant.learner.statuses import Status
from assistant.models import Reading
from assistant.service import ReadingAssistant
from ui.main_window import MainWindow
from ui.tasks import ManualTaskRunner
from ui.theme import reader_colours


def background_at(window: MainWindow, index: int) -> QColor:
    """The background of the hard-word mark drawn over token `index` (scrolled to: marks are
    drawn around the screen)."""
    window.reader.scroll_to_token(index)
    start, end = window.reader.token_document_range(index)
    selections = window.reader.extraSelections()
    for selection in selections:
        cursor = selection.cursor
        if cursor.selectionStart() == start and cursor.selectionEnd() == end:
            return QColor(selection.format.background().color())
    raise AssertionError(f"no mark on token {index}")


def word_actions(window: MainWindow, index: int) -> dict[str, QAction]:
    """The context menu's actions for a word, by text."""
    reader = window.reader
    lemma = reader.lemma_of(index)
    assert lemma is not None
    actions = [*reader.known_actions(index), *reader.status_actions(index, lemma, reader)]
    return {action.text(): action for action in actions}


def first_hard_word(reading: Reading) -> int:
    return next(t.index for t in reading.analysed.tokens
                if t.hard and t.phrase is None and t.is_word)


def focus_first_hard_word(window: MainWindow) -> int:
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_Tab)
    focused = window.reader.focus_token
    assert focused is not None
    return focused


def test_learning_keys_colour_the_word_by_step_and_k_unmarks_it(
    qtbot: QtBot, window: MainWindow, shared_sample: Path, learner_path: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    colours = reader_colours(window.reader.palette())
    index = focus_first_hard_word(window)
    lemma = reading.analysed.tokens[index].lemma
    plain = background_at(window, index)
    QTest.keyClick(window.reader, Qt.Key.Key_2)
    assert background_at(window, index) == colours.learning[1]
    assert plain != colours.learning[1]
    QTest.keyClick(window.reader, Qt.Key.Key_4)
    assert background_at(window, index) == colours.learning[3]
    assert LearnerMemory(learner_path).status(lemma) is Status.LEARNING_4
    QTest.keyClick(window.reader, Qt.Key.Key_K)
    assert index not in window.reader.hard_tokens()
    QTest.keyClick(window.reader, Qt.Key.Key_K)  # forget: marked again, without a colour
    assert index in window.reader.hard_tokens()
    assert background_at(window, index) == plain


def test_an_easy_word_being_learnt_is_marked_and_ignored_words_never(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    easy = next(t for t in reading.analysed.tokens
                if t.is_word and not t.hard and t.phrase is None and t.lemma == "oorlog")
    actions = word_actions(window, easy.index)
    actions["Learning, step 1"].trigger()
    assert easy.index in window.reader.hard_tokens()
    colours = reader_colours(window.reader.palette())
    assert background_at(window, easy.index) == colours.learning[0]
    hard = first_hard_word(reading)
    actions = word_actions(window, hard)
    actions["Ignore (a name or foreign word)"].trigger()
    assert hard not in window.reader.hard_tokens()
    assert window.session.learner_view().status(
        reading.analysed.tokens[hard].lemma) is Status.IGNORED


def test_a_saved_word_is_in_the_vocabulary_window(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    index = focus_first_hard_word(window)
    token = reading.analysed.tokens[index]
    # A word of a phrase (separable verb, idiom) is saved as the whole phrase.
    lemma = (reading.analysed.phrases[token.phrase].lemma if token.phrase is not None
             else token.lemma).lower()
    QTest.keyClick(window.reader, Qt.Key.Key_S)
    vocabulary = window.show_vocabulary()
    assert vocabulary.lemmas_shown() == [lemma]
    sentence = vocabulary.model.item(0, 3).text()
    assert token.text in sentence
    vocabulary.search.setText("geen-zo-woord")
    assert vocabulary.lemmas_shown() == []
    vocabulary.search.setText(token.text[:4].upper())
    assert vocabulary.lemmas_shown() == [lemma]
    vocabulary.model.item(0, 2).setText("my own gloss")
    assert window.session.saved_words()[0].gloss == "my own gloss"
    assert vocabulary.select_lemma(lemma)
    vocabulary.status_choice.setCurrentIndex(vocabulary.status_choice.findData(Status.KNOWN))
    vocabulary.set_status_button.click()
    assert index not in window.reader.hard_tokens()  # the marking follows at once
    assert vocabulary.model.item(0, 1).text() == "known"
    vocabulary.delete_selected()
    assert vocabulary.lemmas_shown() == []


def test_mark_the_rest_as_known_and_undo(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    hard = window.reader.hard_tokens()
    before = window.coverage_label.text()
    opened = first_hard_word(reading)
    assert window.reader.show_card_for_token(opened)
    window.mark_rest_action.trigger()
    opened_lemma = reading.analysed.tokens[opened].lemma
    still_hard = window.reader.hard_tokens()
    assert opened in still_hard
    assert {reading.analysed.tokens[i].lemma for i in still_hard} == {opened_lemma}
    assert int(window.coverage_label.text().split()[3]) > int(before.split()[3])
    window.undo_action.trigger()
    assert window.reader.hard_tokens() == hard


def test_coverage_in_the_status_bar_follows_the_statuses(
    qtbot: QtBot, window: MainWindow, shared_sample: Path
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    before = window.coverage_label.text()
    assert before.startswith("You know about ") and before.endswith(" of the words in this "
                                                                     "article.")
    for index in window.reader.hard_tokens()[:10]:
        window.session.set_status(reading.analysed.tokens[index].lemma, Status.KNOWN)
    after = window.coverage_label.text()
    assert int(after.split()[3]) > int(before.split()[3])
    assert window.session.learner_view().known


def test_import_from_the_file_menu_asks_first(
    qtbot: QtBot, window: MainWindow, shared_sample: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    index = first_hard_word(reading)
    lemma = reading.analysed.tokens[index].lemma
    words = tmp_path / "woorden.txt"
    words.write_text(f"{lemma}\n12345\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(words), ""))
    window.import_action.trigger()
    box = window.import_box
    assert box is not None and "woorden.txt" in box.text() and "1 new" in box.text()
    assert index in window.reader.hard_tokens()  # nothing written before the learner agrees
    box.button(QMessageBox.StandardButton.Yes).click()
    assert index not in window.reader.hard_tokens()
    assert lemma.lower() in window.session.known()


def test_export_from_the_file_menu(
    qtbot: QtBot, window: MainWindow, shared_sample: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reading = open_and_wait(qtbot, window, shared_sample)
    index = first_hard_word(reading)
    window.session.save_word(index)
    out = tmp_path / "woorden.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(out), "CSV, UTF-8 (*.csv)"))
    window.export_action.trigger()
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["lemma"] for row in rows] == [reading.analysed.tokens[index].lemma.lower()]
    assert window.export_to(tmp_path / "w.apkg") == 1 and (tmp_path / "w.apkg").exists()


def test_every_opening_is_remembered_even_when_queued(
    qtbot: QtBot, make_window: WindowFactory, service: ReadingAssistant, shared_sample: Path,
    learner_path: Path,
) -> None:
    runner = ManualTaskRunner()
    window = make_window(service, runner)
    window.session.open_path(shared_sample)
    runner.run_all()
    reading = window.session.reading
    assert reading is not None
    index = first_hard_word(reading)
    lemma = reading.analysed.tokens[index].lemma
    window.session.set_status(lemma, Status.KNOWN)
    for _ in range(3):
        window.session.word_opened(index)
    runner.run_all()  # all three ran, none was dropped as stale
    assert LearnerMemory(learner_path).lookup_counts()[lemma.lower()] == 3
    # The third opening of a known word offers it back as a word to learn.
    assert "three times" in window.message_bar.text() and lemma in window.message_bar.text()
