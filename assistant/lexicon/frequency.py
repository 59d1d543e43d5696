"""Word frequencies: wordfreq's Zipf scale for Dutch words and phrases."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a Dutch word or phrase (0.0 when wordfreq has never seen it).

    Zipf is log10 of occurrences per billion words: 5 is 100 per million, 3 is 1 per million."""
    if not word:
        return 0.0
    from wordfreq import zipf_frequency  # deferred: loading the word lists takes a moment

    return float(zipf_frequency(word.lower(), "nl"))


@lru_cache(maxsize=50_000)
def english_zipf(word: str) -> float:
    """Zipf frequency of an English word (0.0 when wordfreq has never seen it)."""
    if not word:
        return 0.0
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "en"))
