"""Word frequencies: wordfreq's Zipf scale for Dutch words and phrases."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from functools import lru_cache


def read_cbpack_by_bucket(filename: str) -> list[list[str]]:
    """wordfreq's `read_cBpack` (a gzipped msgpack list: a header, then a list of words for
    each centibel of frequency), unpacked a bucket at a time.

    wordfreq's own unpacks the whole table in one C call that holds the GIL: 30 ms for the
    Dutch table, 50 ms for the English one, during which the window's thread, wanting the GIL
    back, waited behind the thread that warms the glosses up (the sample's longest stall).
    A bucket is at most a few ms."""
    import msgpack

    with gzip.open(filename, "rb") as infile:
        unpacker = msgpack.Unpacker(infile, raw=False)
        count = unpacker.read_array_header()
        header = unpacker.unpack() if count else None
        if not isinstance(header, dict) or header.get("format") != "cB" \
                or header.get("version") != 1:
            raise ValueError(f"Unexpected header: {header!r}")
        return [list(unpacker.unpack()) for _ in range(count - 1)]


@lru_cache(maxsize=1)
def _zipf_frequency() -> Callable[[str, str], float]:
    """wordfreq's `zipf_frequency`, its tables read by `read_cbpack_by_bucket` where the
    release has the function it replaces (else wordfreq's own reader serves)."""
    import wordfreq  # deferred: loading the word lists takes a moment

    if callable(getattr(wordfreq, "read_cBpack", None)):
        wordfreq.read_cBpack = read_cbpack_by_bucket
    zipf_frequency: Callable[[str, str], float] = wordfreq.zipf_frequency
    return zipf_frequency


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a Dutch word or phrase (0.0 when wordfreq has never seen it).

    Zipf is log10 of occurrences per billion words: 5 is 100 per million, 3 is 1 per million."""
    if not word:
        return 0.0
    return float(_zipf_frequency()(word.lower(), "nl"))


@lru_cache(maxsize=50_000)
def english_zipf(word: str) -> float:
    """Zipf frequency of an English word (0.0 when wordfreq has never seen it)."""
    if not word:
        return 0.0
    return float(_zipf_frequency()(word.lower(), "en"))
