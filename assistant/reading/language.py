"""Which language a sentence or quoted passage is in: Dutch, or one that Dutch news quotes."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol

from assistant.models import Token
from assistant.reading.nlp import ParsedToken

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
        if len(words) < MIN_WORDS or letters < MIN_LETTERS:
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


_detector: LanguageDetector | None = None
_load_lock = threading.Lock()


def get_detector() -> LanguageDetector:
    """The py3langid model restricted to LANGUAGES, loaded once (about a second)."""
    global _detector
    with _load_lock:
        if _detector is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier: Any = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(list(LANGUAGES))
            _detector = LanguageDetector(identifier)
        return _detector
