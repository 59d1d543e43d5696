"""The one key normalisation shared by the dictionary build and the lookups."""

from __future__ import annotations

import pytest

from assistant.lexicon.keys import dictionary_key, normalise_text


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("wĳn", "wijn"),                   # the ĳ ligature spelled out
        ("Ĳsland", "IJsland"),
        ("ABC\u2010boek", "ABC-boek"),     # typographic hyphens as ASCII
        ("ABC\u2011boek", "ABC-boek"),
        ("ABC\u2012boek", "ABC-boek"),
        ("be\u00adlang\u00adrijk", "belangrijk"),  # soft hyphens dropped, not hyphens
        ("z’n", "z'n"),                    # typographic apostrophes as ASCII
        ("‘s-Hertogenbosch", "'s-Hertogenbosch"),
        ("  naar   adem ", "naar adem"),   # runs of white space
        ("e\u0301e\u0301n", "één"),        # NFC
        ("al-Qaida", "al-Qaida"),          # plain hyphens stay
        ("z`n", "z'n"),                    # a backtick in plain ASCII text too
        ("één  keer\n", "één keer"),        # white space in text that is not ASCII
    ],
)
def test_normalise_text(raw: str, normalised: str) -> None:
    assert normalise_text(raw) == normalised


@pytest.mark.parametrize(
    ("raw", "key"),
    [("Oorlog", "oorlog"), ("WĲN", "wijn"), ("De  Lucht", "de lucht"), ("één", "één")],
)
def test_dictionary_key_is_lower_case(raw: str, key: str) -> None:
    assert dictionary_key(raw) == key
