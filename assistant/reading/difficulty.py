"""Word difficulty: the one rule that says whether a token is hard for a learner at a level."""

from __future__ import annotations

from assistant.learner.statuses import LearnerView
from assistant.lexicon.wordclasses import FUNCTION_POS
from assistant.models import Level, Phrase, PhraseKind, Token

# What the rule knows about the learner: a set of known lemmas (and forms), or their statuses.
Learner = frozenset[str] | LearnerView

# A word is hard at a level when its Zipf frequency (log10 of occurrences per billion words)
# is below the level's threshold. Zipf 5 = 100 per million words (about the 1,000 most
# frequent Dutch forms: A1 vocabulary); each step down multiplies the vocabulary a learner
# must know by about three, matching the usual CEFR vocabulary estimates (A2 ≈ 2,000 words,
# B1 ≈ 3,000–4,000, B2 ≈ 6,000–8,000, C1 ≈ 12,000, C2 ≈ 20,000+ word forms).
ZIPF_THRESHOLDS: dict[Level, float] = {
    Level.A1: 5.0,
    Level.A2: 4.5,
    Level.B1: 4.0,
    Level.B2: 3.5,
    Level.C1: 3.0,
    Level.C2: 2.5,
}

# An idiom is harder than its words: "uit de lucht vallen" uses only common words. The idiom
# list gives most idioms a level (their words are judged by that level's threshold); an idiom
# without one has its content words judged half a Zipf step (about 3.2 times) rarer than the
# rarest of them.
IDIOM_PENALTY = 0.5


def threshold(level: Level) -> float:
    return ZIPF_THRESHOLDS[level]


def is_hard(token: Token, phrase: Phrase | None, level: Level, known: Learner) -> bool:
    """A word, not known or ignored (lemma, form or its idiom), being learnt or rarer than the
    level's threshold."""
    if not token.is_word:
        return False
    # Plain set look-ups: this runs for every token at every re-marking.
    if isinstance(known, LearnerView):
        known_words, ignored, learning = known.known, known.ignored, known.learning
    else:
        known_words, ignored, learning = known, frozenset(), {}
    lemma, form = token.lemma.lower(), token.text.lower()
    if lemma in known_words or form in known_words or lemma in ignored or form in ignored:
        return False
    frequency = token.zipf
    if phrase is not None and phrase.kind is PhraseKind.IDIOM:
        whole = phrase.lemma.lower()
        if whole in known_words or whole in ignored or token.pos in FUNCTION_POS:
            return False
        if phrase.zipf is not None:
            frequency = min(frequency, phrase.zipf)
    if lemma in learning or form in learning:
        return True
    return frequency < threshold(level)
