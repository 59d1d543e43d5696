"""Coverage of an article: the share of its running words the learner knows, and its hard words
by frequency (to learn before reading)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.learner.statuses import LearnerView
from assistant.models import AnalysedArticle, Token

# spaCy's tag for foreign words ("the", "of" in a Dutch article).
FOREIGN_POS = "X"


@dataclass(frozen=True, slots=True)
class HardWord:
    """One hard lemma (or phrase) of the article, how often it occurs, its learning step."""

    lemma: str
    count: int
    zipf: float
    step: int | None = None


@dataclass(frozen=True, slots=True)
class Coverage:
    running_words: int
    known_words: int
    hard_words: tuple[HardWord, ...]

    @property
    def share(self) -> float:
        """Known running words / running words (1.0 for an article without words)."""
        return self.known_words / self.running_words if self.running_words else 1.0

    def describe(self, what: str = "article") -> str:
        """The status bar's sentence, of the article (or of a `what` such as "part")."""
        if not self.running_words:
            return f"This {what} has no words to count."
        return f"You know about {round(self.share * 100)} % of the words in this {what}."


def is_running_word(token: Token, view: LearnerView) -> bool:
    """Counted in coverage: a word (not a name, number, symbol or punctuation), not foreign,
    not one the learner ignores."""
    if not token.is_word or token.pos == FOREIGN_POS:
        return False
    ignored = view.ignored
    return not ignored or (token.lemma.lower() not in ignored
                           and token.text.lower() not in ignored)


def coverage(analysed: AnalysedArticle, view: LearnerView) -> Coverage:
    """Coverage of an analysis made with `view` (its tokens' `hard` already say it): a running
    word is known when it is not hard — marked known, or easier than the level."""
    counter = CoverageCounter(analysed, view)
    counter.add(0, len(analysed.tokens))
    return counter.result()


class CoverageCounter:
    """Coverage counted over an analysis's tokens a range at a time (the window counts a long
    article in slices); `hard` judges a token instead of its `hard` flag when given (a marking
    of another level or learner, without re-marking every token first)."""

    def __init__(self, analysed: AnalysedArticle, view: LearnerView,
                 hard: Callable[[Token], bool] | None = None) -> None:
        self._analysed = analysed
        self._view = view
        self._hard = hard
        self._running = self._known = 0
        self._counts: dict[str, int] = {}
        self._rarity: dict[str, float] = {}
        self._steps: dict[str, int | None] = {}
        self._seen_phrases: set[int] = set()

    def add(self, start: int, end: int) -> None:
        """Count the tokens [start, end) (each range once, in any order)."""
        view, judge = self._view, self._hard
        counts, rarity, steps = self._counts, self._rarity, self._steps
        seen_phrases = self._seen_phrases
        phrases = self._analysed.phrases
        ignored = view.ignored
        running = known = 0
        for token in self._analysed.tokens[start:end]:
            # is_running_word, inlined: this loop is the whole cost of coverage.
            if not token.is_word or token.pos == FOREIGN_POS:
                continue
            if ignored and (token.lemma.lower() in ignored or token.text.lower() in ignored):
                continue
            running += 1
            if not (token.hard if judge is None else judge(token)):
                known += 1
                continue
            lemma = token.lemma.lower()
            frequency = token.zipf
            if token.phrase is not None:
                if token.phrase in seen_phrases:
                    continue  # a phrase counts once per occurrence, not once per word
                seen_phrases.add(token.phrase)
                phrase = phrases[token.phrase]
                lemma = phrase.lemma.lower()
                if phrase.zipf is not None:
                    frequency = phrase.zipf
            count = counts.get(lemma)
            if count is None:
                counts[lemma] = 1
                rarity[lemma] = frequency
                steps[lemma] = view.step(lemma, token.text.lower())
            else:
                counts[lemma] = count + 1
                if frequency < rarity[lemma]:
                    rarity[lemma] = frequency
        self._running += running
        self._known += known

    def result(self) -> Coverage:
        """Coverage of the tokens counted so far."""
        counts, rarity, steps = self._counts, self._rarity, self._steps
        hard = sorted(counts, key=lambda lemma: (-counts[lemma], rarity[lemma], lemma))
        return Coverage(
            running_words=self._running,
            known_words=self._known,
            hard_words=tuple(HardWord(lemma, counts[lemma], round(rarity[lemma], 2),
                                      steps[lemma]) for lemma in hard),
        )
