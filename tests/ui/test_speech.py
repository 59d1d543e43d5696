"""Read-aloud: the card's word, the sentence and paragraph at the cursor with the word being said
highlighted, the speed, the no-voice message, and Qt's engine (its mock) behind the interface."""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, activate

from assistant.models import Article, Level, Reading, Sentence
from assistant.reading.difficulty import Learner
from ui.main_window import MainWindow
from ui.preferences import PreferencesDialog
from ui.speech import (
    NO_DUTCH_VOICE,
    NO_ENGINE,
    NO_SPEECH,
    SAY_CARDS_KEY,
    FakeSpeaker,
    QtSpeaker,
    SilentSpeaker,
    create_speaker,
    speech_rate,
)

FIRST = "De haven van Rotterdam groeit."
SECOND = "De gemeente wil een nieuwe haven."
LAST = "Schepen varen af en aan."
TEXT = f"{FIRST} {SECOND}\n\n{LAST}"


class SentenceService(FakeService):
    """FakeService whose readings have one sentence per full stop."""

    def read(self, article: Article, level: Level, known_lemmas: Learner) -> Reading:
        reading = super().read(article, level, known_lemmas)
        sentences = tuple(Sentence(i, m.start(), m.end()) for i, m in
                          enumerate(re.finditer(r"[^\s.][^.]*\.", article.text)))
        analysed = dataclasses.replace(reading.analysed, sentences=sentences)
        return dataclasses.replace(reading, analysed=analysed)


def _window(qtbot: QtBot, make_window: WindowFactory, speaker: FakeSpeaker) -> MainWindow:
    window = make_window(SentenceService({"gemeente": Level.C1}), speaker=speaker)
    window.session.open_text(TEXT)
    activate(qtbot, window)
    window.reader.setFocus()
    return window


def _key(window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    QTest.keyClick(window.reader, key, modifiers)


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_r_reads_the_focused_words_sentence_and_highlights_each_word(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    speaker = FakeSpeaker()
    window = _window(qtbot, make_window, speaker)
    QTest.keyClick(window.reader, Qt.Key.Key_Tab)  # to "gemeente", in the second sentence
    assert window.reader.focus_token is not None
    _key(window, Qt.Key.Key_R, CTRL)
    assert speaker.said == [SECOND]
    seen: list[tuple[int, int]] = []
    speaker.word_spoken.connect(lambda _s, _l: seen.append(window.reader.highlighted_mentions[0]))
    with qtbot.waitSignal(speaker.finished):
        speaker.speak_words()
    words = [TEXT[start:end] for start, end in seen]
    assert words == ["De", "gemeente", "wil", "een", "nieuwe", "haven"]
    assert window.reader.highlighted_mentions == []  # cleared once said
    assert window.read_aloud.spoken_span is None


def test_ctrl_shift_r_reads_the_paragraph_highlighted_whole_without_word_positions(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    speaker = FakeSpeaker(reports_words=False)
    window = _window(qtbot, make_window, speaker)
    _key(window, Qt.Key.Key_R, CTRL_SHIFT)  # no focus: the top of the screen
    assert speaker.said == [f"{FIRST} {SECOND}"]
    assert window.reader.highlighted_mentions == [(0, len(FIRST) + 1 + len(SECOND))]
    _key(window, Qt.Key.Key_Period, CTRL)  # stop
    assert not speaker.speaking
    assert window.reader.highlighted_mentions == []


def test_a_selection_is_where_reading_starts(qtbot: QtBot, make_window: WindowFactory) -> None:
    speaker = FakeSpeaker()
    window = _window(qtbot, make_window, speaker)
    cursor = window.reader.textCursor()
    start, end = window.reader.document_range(TEXT.index("Schepen"), TEXT.index(" varen"))
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)
    _key(window, Qt.Key.Key_R, CTRL)
    assert speaker.said == [LAST]


def test_the_cards_word_is_said_by_key_and_when_the_preference_asks(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    speaker = FakeSpeaker()
    window = _window(qtbot, make_window, speaker)
    QTest.keyClick(window.reader, Qt.Key.Key_Tab)  # shows the card of "gemeente"
    assert window.reader.card.isVisible()
    assert speaker.said == []  # cards are silent unless asked
    _key(window, Qt.Key.Key_P, CTRL_SHIFT)
    assert speaker.said == ["gemeente"]
    window.settings.setValue(SAY_CARDS_KEY, True)
    window.reader.hide_card()
    focused = window.reader.focus_token
    assert focused is not None and window.reader.show_card_for_token(focused)
    assert speaker.said == ["gemeente", "gemeente"]


def test_no_dutch_voice_says_so_in_one_line(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window, FakeSpeaker(problem=NO_DUTCH_VOICE))
    _key(window, Qt.Key.Key_R, CTRL)
    assert window.message_bar.text() == NO_DUTCH_VOICE
    assert "\n" not in NO_DUTCH_VOICE and "Dutch voice" in NO_DUTCH_VOICE
    assert window.reader.highlighted_mentions == []


def test_the_speed_preference_reaches_the_speaker(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    speaker = FakeSpeaker()
    window = _window(qtbot, make_window, speaker)
    dialog = PreferencesDialog(window.service, window.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.rate_slider.value() == 0
    dialog.rate_slider.setValue(-4)
    dialog.say_cards_check.setChecked(True)
    assert speech_rate(window.settings) == -4
    _key(window, Qt.Key.Key_R, CTRL)
    assert speaker.rate == -4
    reopened = PreferencesDialog(window.service, window.settings, window)
    qtbot.addWidget(reopened)
    assert reopened.rate_slider.value() == -4 and reopened.say_cards_check.isChecked()


@pytest.mark.parametrize(("stored", "rate"), [("3", 3), ("-30", -10), ("fast", 0), (None, 0)])
def test_stored_speeds_are_read_within_bounds(
    tmp_path: object, stored: str | None, rate: int
) -> None:
    settings = QSettings(f"{tmp_path}/s.ini", QSettings.Format.IniFormat)
    if stored is not None:
        settings.setValue("speech/rate", stored)
    assert speech_rate(settings) == rate


def test_without_the_speech_module_nothing_breaks(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails
    speaker = create_speaker()
    assert isinstance(speaker, SilentSpeaker) and speaker.problem == NO_SPEECH
    assert QtSpeaker().problem == NO_SPEECH
    window = make_window(SentenceService(), speaker=speaker)
    window.session.open_text(TEXT)
    assert not window.read_aloud.read_sentence()
    assert window.message_bar.text() == NO_SPEECH


@pytest.fixture
def make_speaker() -> Iterator[Callable[..., QtSpeaker]]:
    """Qt speakers deleted when the test ends (an engine left to the garbage collector would
    be torn down during a later test)."""
    made: list[QtSpeaker] = []

    def make(**options: str) -> QtSpeaker:
        speaker = QtSpeaker(**options)
        made.append(speaker)
        return speaker

    yield make
    for speaker in made:
        speaker.stop()
        shiboken6.delete(speaker)


def _qt_engines() -> list[str]:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    return list(QTextToSpeech.availableEngines())


needs_mock_engine = pytest.mark.skipif("mock" not in _qt_engines(),
                                       reason="Qt's mock speech engine is not installed")


def test_an_engine_that_is_not_there_is_a_problem_not_a_crash(
    qtbot: QtBot, make_speaker: Callable[..., QtSpeaker]
) -> None:
    speaker = make_speaker(engine="no-such-engine")
    failures: list[str] = []
    speaker.failed.connect(failures.append)
    assert not speaker.say("hallo")
    assert speaker.problem == NO_ENGINE and failures == [NO_ENGINE]


@needs_mock_engine
def test_qt_engine_without_a_dutch_voice_refuses_with_the_message(
    qtbot: QtBot, make_speaker: Callable[..., QtSpeaker]
) -> None:
    speaker = make_speaker(engine="mock")  # Qt's mock engine has English, Norwegian and Finnish
    assert speaker.problem == NO_DUTCH_VOICE
    assert not speaker.say("De haven groeit.")


@needs_mock_engine
def test_qt_engine_reports_the_words_it_says(
    qtbot: QtBot, make_speaker: Callable[..., QtSpeaker]
) -> None:
    speaker = make_speaker(engine="mock", language="en_GB")
    assert speaker.problem is None and speaker.reports_words
    text = "Ships sail in and out"
    words: list[str] = []
    speaker.word_spoken.connect(lambda start, length: words.append(text[start:start + length]))
    speaker.set_rate(10)
    with qtbot.waitSignal(speaker.finished, timeout=10_000):
        assert speaker.say(text)
    assert words == ["Ships", "sail", "in", "and", "out"]
    assert not speaker.speaking
