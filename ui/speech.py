"""Read-aloud: a small speech interface over Qt's text-to-speech, a silent one, a fake."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale, QObject, QSettings, Signal

from ui.settings import as_bool

log = logging.getLogger(__name__)

NO_SPEECH = ("Read-aloud is not available: this Leeswijzer has no text-to-speech module "
             "(QtTextToSpeech).")
NO_ENGINE = ("Read-aloud is not available: no speech engine was found (on Linux, install "
             "speech-dispatcher with espeak-ng).")
NO_DUTCH_VOICE = ("No Dutch voice is installed: add one in your system's speech settings (on "
                  "Linux: speech-dispatcher with espeak-ng) to hear words read aloud.")
ENGINE_FAILED = "Read-aloud stopped: the speech engine reported a problem ({reason})."

# Qt's speech rate runs from -1 (slowest) to 1; the preference is in tenths of it.
MIN_RATE, MAX_RATE = -10, 10


RATE_KEY = "speech/rate"
SAY_CARDS_KEY = "speech/say_cards"


def clamp_rate(rate: int) -> int:
    return max(MIN_RATE, min(MAX_RATE, rate))


def speech_rate(settings: QSettings) -> int:
    """The learner's read-aloud speed (tenths of Qt's rate, 0 the voice's own)."""
    try:
        return clamp_rate(int(str(settings.value(RATE_KEY, 0))))
    except ValueError:
        return 0


def says_cards(settings: QSettings) -> bool:
    """Whether a word is said when its card opens."""
    return as_bool(settings.value(SAY_CARDS_KEY, False))


class Speaker(QObject):
    """Says one text at a time; `word_spoken(start, length)` in the text given to `say`, where
    the engine reports positions (`reports_words`). `problem` is why nothing can be said."""

    word_spoken = Signal(int, int)
    started = Signal()
    finished = Signal()  # the text was said, or stopped
    failed = Signal(str)  # a one-line message for the learner

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rate = 0

    @property
    def problem(self) -> str | None:
        return None

    @property
    def reports_words(self) -> bool:
        return False

    @property
    def speaking(self) -> bool:
        return False

    @property
    def rate(self) -> int:
        return self._rate

    def set_rate(self, rate: int) -> None:
        """Speed in tenths between slowest (-10) and fastest (10); 0 is the voice's own."""
        self._rate = clamp_rate(rate)

    def say(self, text: str) -> bool:
        """Start saying `text` (what was being said stops); False when nothing can be said."""
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class SilentSpeaker(Speaker):
    """No speech at all (no module or no engine): every `say` fails with the reason."""

    def __init__(self, reason: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reason = reason

    @property
    def problem(self) -> str | None:
        return self._reason

    def say(self, text: str) -> bool:
        self.failed.emit(self._reason)
        return False

    def stop(self) -> None:
        return None


class FakeSpeaker(Speaker):
    """For tests: records what it is asked to say; `speak_words` plays the word signals."""

    def __init__(self, problem: str | None = None, reports_words: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problem = problem
        self._reports_words = reports_words
        self.said: list[str] = []
        self._speaking = False

    @property
    def problem(self) -> str | None:
        return self._problem

    @property
    def reports_words(self) -> bool:
        return self._reports_words

    @property
    def speaking(self) -> bool:
        return self._speaking

    def say(self, text: str) -> bool:
        if self._problem is not None:
            self.failed.emit(self._problem)
            return False
        if self._speaking:
            self.stop()
        self.said.append(text)
        self._speaking = True
        self.started.emit()
        return True

    def speak_words(self) -> None:
        """Report every word of the last text, then finish."""
        text = self.said[-1]
        start = None
        for position, char in enumerate([*text, " "]):
            if char.isalnum() and start is None:
                start = position
            elif not char.isalnum() and start is not None:
                if self._reports_words:
                    self.word_spoken.emit(start, position - start)
                start = None
        self.stop()

    def stop(self) -> None:
        if self._speaking:
            self._speaking = False
            self.finished.emit()


class QtSpeaker(Speaker):
    """Qt's QTextToSpeech (speech-dispatcher on Linux, the system's voices elsewhere) with the
    first voice of `language`; the engine starts on first use, not when the window opens."""

    def __init__(self, engine: str | None = None, language: str = "nl",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine_name = engine
        self._language = language
        self._tts: Any = None
        self._problem: str | None = None
        self._started = False
        self._speaking = False

    def _engine(self) -> Any:
        if self._started:
            return self._tts
        self._started = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            self._problem = NO_SPEECH
            return None
        engines = QTextToSpeech.availableEngines()
        name = self._engine_name
        if name is None:
            # The mock engine is Qt's test double: it says nothing.
            name = next((engine for engine in engines if engine != "mock"), None)
        if name is None or name not in engines:
            self._problem = NO_ENGINE
            return None
        tts = QTextToSpeech(name, self)
        if tts.state() == QTextToSpeech.State.Error:
            log.warning("speech engine %s: %s", name, tts.errorString())
            self._problem = NO_ENGINE
            return None
        wanted = QLocale(self._language).language()
        locales = [locale for locale in tts.availableLocales() if locale.language() == wanted]
        if not locales:
            self._problem = NO_DUTCH_VOICE
            return None
        preferred = QLocale(self._language)
        tts.setLocale(next((loc for loc in locales if loc.territory() == preferred.territory()),
                           locales[0]))
        if not tts.availableVoices():
            self._problem = NO_DUTCH_VOICE
            return None
        tts.sayingWord.connect(self._on_word)
        tts.stateChanged.connect(self._on_state)
        tts.errorOccurred.connect(self._on_error)
        self._tts = tts
        return tts

    @property
    def problem(self) -> str | None:
        self._engine()
        return self._problem

    @property
    def reports_words(self) -> bool:
        tts = self._engine()
        if tts is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech

        return bool(tts.engineCapabilities() & QTextToSpeech.Capability.WordByWordProgress)

    @property
    def speaking(self) -> bool:
        return self._speaking

    @property
    def engine_name(self) -> str | None:
        tts = self._engine()
        return str(tts.engine()) if tts is not None else None

    def say(self, text: str) -> bool:
        tts = self._engine()
        if tts is None:
            assert self._problem is not None
            self.failed.emit(self._problem)
            return False
        tts.setRate(self._rate / 10)
        tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def _on_word(self, _word: str, _id: int, start: int, length: int) -> None:
        self.word_spoken.emit(start, length)

    def _on_state(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        speaking = state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
        if speaking and not self._speaking:
            self._speaking = True
            self.started.emit()
        elif not speaking and state != QTextToSpeech.State.Paused and self._speaking:
            self._speaking = False
            self.finished.emit()

    def _on_error(self, _reason: Any, message: str) -> None:
        self.failed.emit(ENGINE_FAILED.format(reason=message or "unknown"))


def create_speaker(parent: QObject | None = None) -> Speaker:
    """The system's speech for Dutch (Qt's engine when the module is there)."""
    try:
        import PySide6.QtTextToSpeech  # noqa: F401
    except ImportError:
        return SilentSpeaker(NO_SPEECH, parent)
    return QtSpeaker(parent=parent)
