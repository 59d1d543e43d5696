"""The difficulty rule: each level's threshold (strictly below is hard), known lemmas and forms,
learning words, and idioms judged by their rarest word."""

from __future__ import annotations

import pytest

from assistant.learner.statuses import LearnerView
from assistant.models import Level, Phrase, PhraseKind, Token
from assistant.reading.difficulty import ZIPF_THRESHOLDS, is_hard, threshold

THRESHOLDS = {Level.A1: 5.0, Level.A2: 4.5, Level.B1: 4.0, Level.B2: 3.5, Level.C1: 3.0,
              Level.C2: 2.5}


def token(text: str = "vergadering", lemma: str | None = None, zipf: float = 3.0,
          pos: str = "NOUN", is_word: bool = True) -> Token:
    return Token(0, 0, len(text), text, lemma or text, pos, "", 0, zipf, is_word, False)


def idiom(zipf: float | None, lemma: str = "de kat uit de boom kijken") -> Phrase:
    return Phrase(0, PhraseKind.IDIOM, lemma, (0,), zipf=zipf)


def test_each_level_has_its_own_threshold() -> None:
    assert dict(ZIPF_THRESHOLDS) == THRESHOLDS
    assert [threshold(level) for level in Level] == [THRESHOLDS[level] for level in Level]


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize(("offset", "hard"), [(-0.01, True), (0.0, False), (0.01, False),
                                              (-1.0, True), (1.0, False)])
def test_a_word_is_hard_strictly_below_its_levels_threshold(level: Level, offset: float,
                                                             hard: bool) -> None:
    word = token(zipf=THRESHOLDS[level] + offset)
    assert is_hard(word, None, level, frozenset()) is hard


@pytest.mark.parametrize(("zipf", "hard_at"), [
    (4.2, {Level.A1, Level.A2}), (3.7, {Level.A1, Level.A2, Level.B1}),
    (3.2, {Level.A1, Level.A2, Level.B1, Level.B2}), (6.0, set()),
    (1.0, set(Level)),
])
def test_the_same_word_at_every_level(zipf: float, hard_at: set[Level]) -> None:
    assert {level for level in Level if is_hard(token(zipf=zipf), None, level, frozenset())} \
        == hard_at


@pytest.mark.parametrize("known", [
    frozenset({"vergaderen"}),  # the lemma
    frozenset({"vergaderde"}),  # the form
    LearnerView(known=frozenset({"vergaderde"})),
    LearnerView(ignored=frozenset({"vergaderen"})),
    LearnerView(ignored=frozenset({"vergaderde"})),
])
def test_known_or_ignored_lemma_or_form_is_never_hard(known: frozenset[str] | LearnerView) -> None:
    word = token("Vergaderde", "Vergaderen", zipf=1.0, pos="VERB")
    assert is_hard(word, None, Level.A1, known) is False
    assert is_hard(word, None, Level.A1, frozenset({"iets"})) is True


@pytest.mark.parametrize("learning", [{"vergaderen": 1}, {"vergaderde": 2}])
def test_a_word_being_learnt_is_always_hard(learning: dict[str, int]) -> None:
    common = token("vergaderde", "vergaderen", zipf=7.0, pos="VERB")
    assert is_hard(common, None, Level.C2, LearnerView(learning=learning)) is True
    known = LearnerView(known=frozenset({"vergaderen"}), learning=learning)
    assert is_hard(common, None, Level.C2, known) is False  # known wins


def test_names_numbers_and_punctuation_are_never_hard() -> None:
    assert is_hard(token("Zelensky", zipf=0.0, is_word=False), None, Level.A1,
                   frozenset()) is False
    learning = LearnerView(learning={"zelensky": 1})
    assert is_hard(token("zelensky", zipf=0.0, is_word=False), None, Level.A1, learning) is False


@pytest.mark.parametrize(("word_zipf", "idiom_zipf", "hard"), [
    (6.0, 3.5, True),  # common words, rare idiom: hard at B1
    (6.0, 4.0, False),  # the idiom exactly at the threshold
    (3.5, 6.0, True),  # the word itself is rare: the idiom does not make it easier
    (6.0, None, False),  # no idiom rarity given: the word's own
    (6.0, 7.0, False),
])
def test_idiom_words_are_judged_by_the_rarer_of_word_and_idiom(
        word_zipf: float, idiom_zipf: float | None, hard: bool) -> None:
    word = token("kat", zipf=word_zipf)
    assert is_hard(word, idiom(idiom_zipf), Level.B1, frozenset()) is hard


def test_a_separable_verbs_phrase_frequency_does_not_lower_its_words() -> None:
    verb = Phrase(0, PhraseKind.SEPARABLE_VERB, "opbellen", (0,), zipf=1.0)
    assert is_hard(token("belde", "bellen", zipf=6.0, pos="VERB"), verb, Level.B1,
                   frozenset()) is False


@pytest.mark.parametrize("known", [frozenset({"de kat uit de boom kijken"}),
                                   LearnerView(ignored=frozenset({"de kat uit de boom kijken"}))])
def test_a_known_idiom_makes_its_words_easy(known: frozenset[str] | LearnerView) -> None:
    assert is_hard(token("kat", zipf=6.0), idiom(1.0), Level.B1, known) is False
    assert is_hard(token("kat", zipf=1.0), idiom(1.0), Level.B1, known) is False


def test_function_words_of_an_idiom_are_not_hard() -> None:
    assert is_hard(token("uit", zipf=6.0, pos="ADP"), idiom(1.0), Level.B1,
                   frozenset()) is False
    assert is_hard(token("uit", zipf=1.0, pos="ADP"), idiom(1.0), Level.B1,
                   frozenset()) is False
    assert is_hard(token("kat", zipf=6.0), idiom(1.0), Level.B1, frozenset()) is True
