"""Helpers for the GUI tests: hand-built readings, a service without spaCy, an in-memory learner
store, and real services whose parts fail."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from assistant.errors import AssistantError, CancelCheck, PipelineMissingError
from assistant.learner.saved import SavedWord
from assistant.learner.statuses import LearnerView, Status
from assistant.models import (
    AnalysedArticle,
    Article,
    Category,
    Entity,
    GlossCard,
    Level,
    Mention,
    Note,
    PipelineInfo,
    Reading,
    Sentence,
    Token,
)
from assistant.reading import loading
from assistant.reading.difficulty import Learner, threshold
from assistant.service import ReadingAssistant
from ui.main_window import MainWindow

_WORD = re.compile(r"\w+|[^\w\s]", re.UNICODE)
LEVELS = tuple(Level)
# make_window(service, runner=None, settings_name="settings.ini", speaker=None); the window's
# news feeds are kept beside the learner store (feeds.json) (see conftest.py)
WindowFactory = Callable[..., MainWindow]


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path | str) -> Reading:
    with qtbot.waitSignal(window.session.analysis_finished, timeout=60_000) as blocker:
        window.session.start(path)
    reading = blocker.args[0]
    assert isinstance(reading, Reading)
    return reading


def hand_reading(
    article: Article,
    hard: Sequence[str] = (),
    entities: Sequence[tuple[str, Category]] = (),
    level: Level = Level.B1,
    notes: tuple[Note, ...] = (),
    frequencies: Mapping[str, float] | None = None,
    default_zipf: float = 3.0,
) -> Reading:
    """A Reading built without spaCy: tokens by a regex, chosen hard words and entities; each
    word's Zipf frequency from `frequencies`, else `default_zipf`."""
    text = article.text
    spans: list[tuple[int, int, Category]] = []
    for name, category in entities:
        start = text.index(name)
        spans.append((start, start + len(name), category))
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        inside = next((i for i, s in enumerate(spans) if s[0] <= match.start() < s[1]), None)
        word = match.group()
        is_word = word.isalpha() and inside is None
        tokens.append(
            Token(
                index=len(tokens),
                start=match.start(),
                end=match.end(),
                text=word,
                lemma=word.lower(),
                pos="NOUN" if is_word else "PUNCT",
                morph="",
                sentence=0,
                zipf=(frequencies or {}).get(word, default_zipf),
                is_word=is_word,
                hard=is_word and word in hard,
                entity=inside,
            )
        )
    entity_objects = []
    for index, (start, end, category) in enumerate(spans):
        members = [t.index for t in tokens if start <= t.start < end]
        entity_objects.append(
            Entity(index, start, end, text[start:end], "X", category, members[0], members[-1])
        )
    analysed = AnalysedArticle(
        article=article,
        model=PipelineInfo("hand", "0"),
        level=level,
        tokens=tuple(tokens),
        sentences=(Sentence(0, 0, len(text)),),
        entities=tuple(entity_objects),
        phrases=(),
    )
    return Reading(analysed=analysed, notes=notes, times=())


def zipf_hard_up_to(level: Level) -> float:
    """A Zipf frequency that the difficulty rule finds hard up to `level` and easy above it."""
    rank = LEVELS.index(level)
    return threshold(LEVELS[rank + 1]) if rank + 1 < len(LEVELS) else 0.0


class FakeService:
    """The session's service without spaCy.

    A word listed in `hard_up_to` is hard for learners up to that level unless it is known
    (e.g. {"gemeente": Level.B1}: hard at A1–B1, easy from B2): its Zipf frequency says so to
    the real difficulty rule; other words are common. Every call is recorded.
    """

    INFO = PipelineInfo("fake", "1.0")

    def __init__(
        self,
        hard_up_to: dict[str, Level] | None = None,
        entities: Sequence[tuple[str, Category]] = (),
        notes: tuple[Note, ...] = (),
    ) -> None:
        self.hard_up_to = dict(hard_up_to or {})
        self.entities = tuple(entities)
        self.notes = notes
        self.reads: list[tuple[str, Level, frozenset[str]]] = []
        self.pipeline_loads = 0
        self.pipeline_error: AssistantError | None = None
        self.read_error: BaseException | None = None
        self.enrichment: dict[str, str] = {}  # note key → description added online
        self.glosses: dict[int, GlossCard] = {}

    @property
    def pipeline_info(self) -> PipelineInfo | None:
        return self.INFO if self.pipeline_loads and self.pipeline_error is None else None

    def load_pipeline(self) -> PipelineInfo:
        self.pipeline_loads += 1
        if self.pipeline_error is not None:
            raise self.pipeline_error
        return self.INFO

    def load_article(self, path: str | Path, cancel: CancelCheck | None = None) -> Article:
        return loading.load_article(path, cancel)

    def article_from_text(self, text: str) -> Article:
        return ReadingAssistant().article_from_text(text)

    def _hard_words(self, level: Level, known: frozenset[str]) -> list[str]:
        rank = LEVELS.index(level)
        return [
            word for word, up_to in self.hard_up_to.items()
            if rank <= LEVELS.index(up_to) and word.lower() not in known
        ]

    def read(self, article: Article, level: Level, known_lemmas: Learner) -> Reading:
        known_lemmas = known_set(known_lemmas)
        self.reads.append((article.text, level, known_lemmas))
        if self.read_error is not None:
            raise self.read_error
        present = [(name, c) for name, c in self.entities if name in article.text]
        frequencies = {word: zipf_hard_up_to(up_to) for word, up_to in self.hard_up_to.items()}
        return hand_reading(article, self._hard_words(level, known_lemmas), present, level,
                            self.notes, frequencies, default_zipf=7.0)

    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None:
        return self.glosses.get(token_index)

    def enrich(self, note: Note) -> Note:
        description = self.enrichment.get(note.key)
        return dataclasses.replace(note, description=description) if description else note

    def is_headword(self, word: str) -> bool:
        return False

    def attributions(self) -> tuple[tuple[str, str], ...]:
        return (("Fake <data>", "Made up & kept small."),)

    def installed_pipelines(self) -> list[str]:
        return ["fake"]

    def set_online(self, enabled: bool) -> None:
        pass


def known_set(known: Learner) -> frozenset[str]:
    """The known lemmas of what the session hands the service (a set or a learner view)."""
    return known.known if isinstance(known, LearnerView) else known


class MemoryLearner:
    """A learner store in memory (statuses only); `fail_with` makes the next reads and writes
    fail."""

    def __init__(self, known: Sequence[str] = (), recovered_message: str | None = None) -> None:
        self.lemmas = {lemma.lower() for lemma in known}
        self.recovered_message = recovered_message
        self.fail_with: AssistantError | None = None
        self.closed = 0
        self.statuses: dict[str, Status] = {}
        self.saved: dict[str, SavedWord] = {}
        self.lookups: list[str] = []
        self.opens = 0

    def open(self) -> None:
        self.opens += 1
        self._check()

    def view(self) -> LearnerView:
        self._check()
        learning = {k: s.step for k, s in self.statuses.items() if s.step is not None}
        ignored = frozenset(k for k, s in self.statuses.items() if s is Status.IGNORED)
        return LearnerView(frozenset(self.lemmas), ignored, learning)

    def set_status(self, lemma: str, status: Status) -> None:
        self._check()
        key = lemma.strip().lower()
        self.lemmas.discard(key)
        self.statuses.pop(key, None)
        if status is Status.KNOWN:
            self.lemmas.add(key)
        elif status is not Status.NEW:
            self.statuses[key] = status

    def mark_rest_known(self, analysed: object, opened: object) -> None:
        self._check()

    def undo(self) -> None:
        self._check()

    def record_lookup(self, lemma: str) -> bool:
        self.lookups.append(lemma)
        return False

    def save_word(self, word: SavedWord) -> SavedWord:
        self._check()
        self.saved[word.lemma] = word
        return word

    def saved_words(self) -> list[SavedWord]:
        return list(self.saved.values())

    def edit_gloss(self, lemma: str, gloss: str) -> bool:
        return False

    def delete_saved(self, lemma: str) -> bool:
        return self.saved.pop(lemma, None) is not None

    def history(self) -> list[object]:
        return []

    def record_reading(self, analysed: object, covered: object) -> None:
        self._check()

    def _check(self) -> None:
        if self.fail_with is not None:
            raise self.fail_with

    def all(self) -> frozenset[str]:
        self._check()
        return frozenset(self.lemmas)

    def add(self, lemma: str) -> None:
        self._check()
        self.lemmas.add(lemma.strip().lower())

    def remove(self, lemma: str) -> None:
        self._check()
        self.lemmas.discard(lemma.strip().lower())

    def close(self) -> None:
        self.closed += 1


def note(key: str, name: str, category: Category, text: str, article: Article) -> Note:
    """A note on `name` with a mention for each place it occurs in the article."""
    mentions = tuple(
        Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), article.text)
    )
    return Note(key=key, name=name, category=category, mentions=mentions, description=text)


class NoPipelineService(ReadingAssistant):
    """The real service as it behaves on a machine without a Dutch pipeline."""

    MESSAGE = "No Dutch language model is installed. Install one with: pip install nl_core_news_sm"

    def load_pipeline(self) -> PipelineInfo:
        raise PipelineMissingError(self.MESSAGE)

    def read(
        self, article: Article, level: Level = Level.B1, known_lemmas: frozenset[str] = frozenset()
    ) -> Reading:
        raise PipelineMissingError(self.MESSAGE)


class CountingService(ReadingAssistant):
    """Delegates to a loaded service and counts the slow analyses."""

    def __init__(self, inner: ReadingAssistant) -> None:
        super().__init__()
        self._inner = inner
        self.reads = 0

    @property
    def pipeline_info(self) -> PipelineInfo | None:
        return self._inner.pipeline_info

    def load_pipeline(self) -> PipelineInfo:
        return self._inner.load_pipeline()

    def read(
        self, article: Article, level: Level = Level.B1, known_lemmas: frozenset[str] = frozenset()
    ) -> Reading:
        self.reads += 1
        return self._inner.read(article, level, known_lemmas)

    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None:
        return self._inner.gloss(reading, token_index)

    def enrich(self, note: Note) -> Note:
        return note


def reading_window(qtbot: QtBot, make_window: WindowFactory, service: FakeService,
                   text: str) -> MainWindow:
    """A main window over `service` with `text` open, active, the keyboard focus in the text."""
    window = make_window(service)
    window.session.open_text(text)
    activate(qtbot, window)
    window.reader.setFocus()
    return window


def focused() -> QWidget | None:
    """The widget with the keyboard focus."""
    return QApplication.focusWidget()


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make `widget`'s window the active one, as shortcuts need (QTest sends keys to it)."""
    window = widget.window()
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
