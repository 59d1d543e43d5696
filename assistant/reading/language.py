"""Which language a sentence or quoted passage is in: Dutch, or one that Dutch news quotes."""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, cast

from assistant.errors import DataError
from assistant.models import Token
from assistant.reading.nlp import ParsedToken
from assistant.resources import resource_path

DUTCH = "nl"
# The languages told apart (ISO 639-1): Dutch and those Dutch news quotes. A longer list
# mistakes more short Dutch sentences for a neighbour (Afrikaans, Frisian, Low German).
LANGUAGES = ("nl", "en", "de", "fr", "es", "it")
# Shorter passages count as Dutch: a few letters say too little ("OK", "Wow", "Ja, nee").
MIN_LETTERS = 10
MIN_WORDS = 2
# How sure the classifier must be before a passage counts as foreign.
MIN_CONFIDENCE = 0.9
# Share of an article's letters in one foreign language that makes the article that language.
ARTICLE_SHARE = 0.5

# Dutch words that are no word of the other LANGUAGES (not "van", "met", "dit", "die", "er",
# "hoe", "echter", "worden": English, French or German have them too). A passage with two of
# them is Dutch without asking the classifier, so most Dutch articles never load its model.
DUTCH_MARKERS = frozenset({
    "het", "een", "niet", "geen", "wordt", "heeft", "hebben", "ook", "naar", "nog", "maar",
    "bij", "uit", "zich", "deze", "omdat", "wij", "jullie", "zij", "hij", "hun", "zijn", "moet",
    "zou", "voor", "wat", "wel", "kunnen", "moeten", "zullen", "gaat", "komt", "veel", "tegen",
    "tussen", "waar", "wanneer", "zoals", "volgens", "jaar", "nieuwe",
})
MARKERS_FOR_DUTCH = 2

# Quotation marks that open a passage, and the mark that closes each one.
QUOTES = {"“": "”", "„": "”", "«": "»", "‘": "’", "‚": "’", '"': '"', "'": "'"}


class Classifier(Protocol):
    """What is needed of a language identifier: the best language and its probability."""

    def classify(self, text: str) -> tuple[str, float]: ...


class LanguageDetector:
    """Tells Dutch passages from foreign ones; names and short passages count as Dutch."""

    def __init__(self, classifier: Classifier) -> None:
        self._classifier = classifier
        self._lock = threading.Lock()

    def passage_language(self, words: Sequence[str]) -> str:
        """The language of a passage given its words (names left out)."""
        letters = sum(sum(1 for char in word if char.isalpha()) for word in words)
        if len(words) < MIN_WORDS or letters < MIN_LETTERS or certainly_dutch(words):
            return DUTCH
        with self._lock:
            language, confidence = self._classifier.classify(" ".join(words))
        if language == DUTCH or confidence < MIN_CONFIDENCE:
            return DUTCH
        return str(language)

    def token_languages(
        self,
        tokens: Sequence[ParsedToken],
        in_name: Sequence[bool],
        block_starts: Sequence[int] = (),
    ) -> list[str]:
        """A language per token: each sentence's quoted passages and its other words are
        judged apart ("Thunberg zei: “How dare you?”" is Dutch with an English quote)."""
        languages = [DUTCH] * len(tokens)
        for unit in passages(tokens, block_starts):
            # Names are left out ("Sytze Fortuin" alone is Dutch), but not every PROPN: a
            # Dutch pipeline tags foreign words so ("How dare you").
            words = [tokens[i].text for i in unit
                     if not in_name[i] and any(char.isalpha() for char in tokens[i].text)]
            language = self.passage_language(words)
            for position in unit:
                languages[position] = language
        return languages


def certainly_dutch(words: Sequence[str]) -> bool:
    """Whether a passage has MARKERS_FOR_DUTCH different words only Dutch has."""
    return len({word.lower() for word in words} & DUTCH_MARKERS) >= MARKERS_FOR_DUTCH


class LazyClassifier:
    """A classifier loaded the first time it is asked (or `load`ed ahead, on a spare thread)."""

    def __init__(self, load: Callable[[], Classifier]) -> None:
        self._load = load
        self._loaded: Classifier | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._loaded is not None

    def load(self) -> Classifier:
        with self._lock:
            if self._loaded is None:
                self._loaded = self._load()
            return self._loaded

    def classify(self, text: str) -> tuple[str, float]:
        return self.load().classify(text)


def passages(tokens: Sequence[ParsedToken], block_starts: Sequence[int] = ()) -> list[list[int]]:
    """Token positions in runs that are one sentence and either inside or outside quotation
    marks (the marks themselves go with the passage they open or close). Quotes reset at
    each block start (a paragraph's unclosed quote ends with it)."""
    starts = set(block_starts)
    units: list[list[int]] = []
    closing: str | None = None
    current: list[int] = []
    key: tuple[int, bool] | None = None
    for index, token in enumerate(tokens):
        if token.start in starts:
            closing = None
        text = token.text
        opens = closing is None and text in QUOTES and token.pos == "PUNCT"
        closes = closing is not None and text == closing
        inside = closing is not None or opens
        if (token.sentence, inside) != key:
            if current:
                units.append(current)
            current, key = [], (token.sentence, inside)
        current.append(index)
        if opens:
            closing = QUOTES[text]
        elif closes:
            closing = None
            key = None  # what follows the closing mark is a new passage
    if current:
        units.append(current)
    return units


def article_language(tokens: Sequence[ParsedToken], languages: Sequence[str]) -> str:
    """The article's language: a foreign one when most of its letters are in it."""
    letters: Counter[str] = Counter()
    for token, language in zip(tokens, languages, strict=True):
        letters[language] += sum(1 for char in token.text if char.isalpha())
    total = sum(letters.values())
    for language, count in letters.most_common():
        if language != DUTCH and total and count / total > ARTICLE_SHARE:
            return language
    return DUTCH


def is_foreign_word(token: Token) -> bool:
    """A word of a passage that is not Dutch (its quotation marks and punctuation are not)."""
    return token.language != DUTCH and any(char.isalpha() for char in token.text)


def language_name(code: str) -> str:
    """A language's English name ("en" → "English"); the code itself when Babel has none."""
    from babel import Locale

    name = Locale("en").languages.get(code)
    return str(name) if name else code


# py3langid's model cut down to LANGUAGES (`make setup` writes it; 2.4 MB, about 0.1 s of CPU
# to load where the package's model of 142 languages takes about 0.8 s).
LANGUAGE_MODEL = "languages.npz"
_MODEL_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def write_language_model(output: Path) -> None:
    """Write py3langid's model restricted to LANGUAGES to `output` (compressed .npz)."""
    import lzma
    import tempfile

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    with tempfile.TemporaryFile(suffix=".npz") as unpacked:
        with lzma.open(MODEL_DIR / MODEL_FILE) as packed:
            shutil.copyfileobj(packed, unpacked, length=1 << 20)
        unpacked.seek(0)
        with np.load(unpacked, allow_pickle=False) as model:
            arrays = {name: model[name] for name in _MODEL_ARRAYS}
    kept = [i for i, code in enumerate(arrays["classes"].tolist()) if code in LANGUAGES]
    if len(kept) != len(LANGUAGES):
        raise DataError(f"py3langid's model lacks some of {', '.join(LANGUAGES)}.")
    arrays["ptc"], arrays["pc"] = arrays["ptc"][:, kept], arrays["pc"][kept]
    arrays["classes"] = arrays["classes"][kept]
    partial = output.with_name(output.name + ".partial")
    with open(partial, "wb") as handle:
        np.savez_compressed(handle, **arrays)
    partial.replace(output)


def _py3langid() -> Classifier:
    """py3langid restricted to LANGUAGES: the cut-down model if `make setup` wrote it (and it
    holds exactly LANGUAGES), else the package's own."""
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:  # py3langid's internals: a release without them loads its own model, only slower
        from py3langid.modelio import _to_array
    except ImportError:
        _to_array = None
    identifier: Any
    path = resource_path(LANGUAGE_MODEL)
    if path.is_file() and _to_array is not None:
        with np.load(path, allow_pickle=False) as model:
            if sorted(model["classes"].tolist()) == sorted(LANGUAGES):
                identifier = LanguageIdentifier(
                    model["ptc"], model["pc"], model["classes"].tolist(),
                    _to_array(model["nextmove"]), model["out_feat"].tolist(), norm_probs=True,
                    tk_row=_to_array(model["nextmove_row"]))
                return cast(Classifier, identifier)
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return cast(Classifier, identifier)


_classifier = LazyClassifier(_py3langid)
_detector = LanguageDetector(_classifier)


def get_detector() -> LanguageDetector:
    """The detector over py3langid; its model loads when a passage first needs it."""
    return _detector


def load_classifier() -> None:
    """Load py3langid's model now (a spare thread does, so that a first foreign passage does
    not wait for it)."""
    _classifier.load()
