"""Dictionary keys and schema: the one normalisation the dictionary build and the lookups share."""

from __future__ import annotations

import functools
import re
import unicodedata

# Bumped whenever the built dictionary's tables or key normalisation change; the runtime refuses
# a dictionary built with another version and asks for a rebuild.
SCHEMA_VERSION = "3"

_HYPHENS = re.compile("[\u2010\u2011\u2012]")
_APOSTROPHES = re.compile("[’‘`´]")


def normalise_text(text: str) -> str:
    """NFC, the ĳ ligature spelled out, soft hyphens dropped, typographic hyphens and
    apostrophes as ASCII, runs of white space as one space."""
    if text.isascii() and "`" not in text:
        return " ".join(text.split())
    text = unicodedata.normalize("NFC", text).replace("ĳ", "ij").replace("Ĳ", "IJ")
    text = text.replace("\u00ad", "")
    text = _APOSTROPHES.sub("'", _HYPHENS.sub("-", text))
    return " ".join(text.split())


@functools.lru_cache(maxsize=65_536)  # a card looks up a dozen keys, a text repeats its words
def dictionary_key(text: str) -> str:
    """The lookup key of a word or phrase: its normalised text in lower case."""
    return normalise_text(text).lower()
