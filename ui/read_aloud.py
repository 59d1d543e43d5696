"""Reading aloud in the reader: the word of the card, the sentence or paragraph at the cursor,
the word being said highlighted where the engine reports positions."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QSettings, Signal

from assistant.models import Reading
from ui.reader import ReaderView
from ui.speech import Speaker, says_cards, speech_rate

STILL_ANALYSING = "The text is still being analysed: read-aloud starts once it is done."


class ReadAloud(QObject):
    """Connects a Speaker to the reader; `message` carries a one-line problem for the learner."""

    message = Signal(str)

    def __init__(self, reader: ReaderView, speaker: Speaker, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.speaker = speaker
        self._settings = settings
        self._base: int | None = None  # where the text being said starts in the article
        self._span: tuple[int, int] | None = None
        self._said_problem = False
        speaker.word_spoken.connect(self._on_word)
        speaker.finished.connect(self._on_finished)
        speaker.failed.connect(self._on_failed)
        reader.card_shown.connect(self._on_card_shown)

    @property
    def spoken_span(self) -> tuple[int, int] | None:
        """The str range of the article being read now."""
        return self._span

    # -- what to say ------------------------------------------------------------------------

    def say_word(self, index: int | None = None) -> bool:
        """Say the word of the card (or the focused word): a phrase's parts say its lemma."""
        reader, reading = self.reader, self.reader.reading
        if index is None:
            index = reader.card.token_index if reader.card.isVisible() else reader.focus_token
        if reading is None or index is None or not 0 <= index < len(reading.analysed.tokens):
            return False
        analysed = reading.analysed
        token = analysed.tokens[index]
        if token.phrase is not None:
            return self._say(analysed.phrases[token.phrase].lemma, None)
        return self._say(token.text, token.start)

    def read_sentence(self) -> bool:
        reading = self.reader.reading
        if reading is None:
            return self._still_analysing()
        offset = self._offset_at_cursor(reading)
        sentence = next((s for s in reading.analysed.sentences if s.end > offset),
                        reading.analysed.sentences[-1] if reading.analysed.sentences else None)
        if sentence is None:
            return False
        return self._say_span(reading, sentence.start, sentence.end)

    def read_paragraph(self) -> bool:
        reading = self.reader.reading
        if reading is None:
            return self._still_analysing()
        offset = self._offset_at_cursor(reading)
        blocks = reading.analysed.article.blocks
        block = next((b for b in blocks if b.end > offset), blocks[-1] if blocks else None)
        if block is None:
            return False
        return self._say_span(reading, block.start, block.end)

    def stop(self) -> None:
        self.speaker.stop()
        self._clear()

    def _still_analysing(self) -> bool:
        self.message.emit(STILL_ANALYSING)
        return False

    def _say_span(self, reading: Reading, start: int, end: int) -> bool:
        text = reading.analysed.article.text[start:end]
        if not text.strip():
            return False
        if not self._say(text, start):
            return False
        if not self.speaker.reports_words:
            self._highlight(start, end)  # no word positions: the whole span while it is said
        return True

    def _say(self, text: str, base: int | None) -> bool:
        speaker = self.speaker
        if speaker.speaking:
            speaker.stop()
            self._clear()
        speaker.set_rate(speech_rate(self._settings))
        if not speaker.say(text):
            return False
        self._base = base
        return True

    def _offset_at_cursor(self, reading: Reading) -> int:
        """Where the learner is: the card's or focused word, else the selection, else the top
        of the screen (as an offset in the article text)."""
        reader = self.reader
        tokens = reading.analysed.tokens
        for index in (reader.card.token_index if reader.card.isVisible() else None,
                      reader.focus_token):
            if index is not None and 0 <= index < len(tokens):
                return tokens[index].start
        cursor = reader.textCursor()
        position = (cursor.selectionStart() if cursor.hasSelection()
                    else reader.cursorForPosition(QPoint(0, 0)).position())
        return self._token_at_document(reading, position)

    def _token_at_document(self, reading: Reading, position: int) -> int:
        """The article offset of the first token at or after a document position."""
        tokens = reading.analysed.tokens
        low, high = 0, len(tokens)
        while low < high:  # the reader maps str offsets to the document, not back: bisect
            middle = (low + high) // 2
            if self.reader.token_document_range(middle)[1] <= position:
                low = middle + 1
            else:
                high = middle
        return tokens[min(low, len(tokens) - 1)].start if tokens else 0

    # -- what the speaker says --------------------------------------------------------------

    def _on_word(self, start: int, length: int) -> None:
        if self._base is not None:
            self._highlight(self._base + start, self._base + start + length)

    def _highlight(self, start: int, end: int) -> None:
        self._span = (start, end)
        self.reader.highlight_mentions([(start, end)], scroll=True)

    def _on_finished(self) -> None:
        self._clear()

    def _clear(self) -> None:
        if self._span is not None and self.reader.highlighted_mentions == [self._span]:
            self.reader.highlight_mentions([], scroll=False)
        self._span = None
        self._base = None

    def _on_failed(self, problem: str) -> None:
        self._clear()
        self.message.emit(problem)

    def _on_card_shown(self, index: int) -> None:
        if says_cards(self._settings) and self.speaker.problem is None:
            self.say_word(index)
