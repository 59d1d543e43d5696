"""Word difficulty: wordfreq Zipf frequencies compared with a threshold per CEFR level."""

from __future__ import annotations

from functools import lru_cache

from assistant.models import Level

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


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a Dutch word or phrase (0.0 when wordfreq has never seen it)."""
    if not word:
        return 0.0
    from wordfreq import zipf_frequency  # deferred: loading the word lists takes a moment

    return float(zipf_frequency(word.lower(), "nl"))


def threshold(level: Level) -> float:
    return ZIPF_THRESHOLDS[level]
