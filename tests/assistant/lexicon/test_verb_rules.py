"""Verb rules on a hand-made table and frequencies: principal parts of strong verbs, and the
frequency a lemma needs to be taken for the infinitive."""

from __future__ import annotations

import pytest

from assistant.lexicon import verbs
from assistant.lexicon.verbs import (
    MIN_INFINITIVE_ZIPF,
    StrongVerb,
    principal_parts,
    verb_infinitive,
)

TABLE = {
    "vallen": StrongVerb("vallen", "viel", "vielen", "gevallen"),
    "zullen": StrongVerb("zullen", "zou", "zouden", ""),
}


@pytest.fixture
def strong_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verbs, "strong_verbs", lambda: TABLE)


@pytest.mark.parametrize(("infinitive", "parts"), [
    ("vallen", "vallen, viel, gevallen"),
    ("zullen", "zullen, zou"),        # no participle in use: left out
    ("werken", None),                 # weak verbs have none
    ("viel", None),                   # only infinitives are looked up
])
def test_principal_parts(strong_table: None, infinitive: str, parts: str | None) -> None:
    assert principal_parts(infinitive) == parts


@pytest.mark.parametrize(("lemma_zipf", "infinitive"), [
    (MIN_INFINITIVE_ZIPF, "raden"),           # exactly frequent enough: the lemma stands
    (MIN_INFINITIVE_ZIPF + 1.0, "raden"),
    (MIN_INFINITIVE_ZIPF - 0.01, "raaien"),   # too rare: the form's own guess instead
])
def test_a_lemma_needs_the_minimum_frequency(monkeypatch: pytest.MonkeyPatch,
                                             lemma_zipf: float, infinitive: str) -> None:
    monkeypatch.setattr(verbs, "zipf", lambda word: lemma_zipf if word == "raden" else 0.0)
    monkeypatch.setattr(verbs, "guess_infinitive", lambda form: "raaien")
    assert verb_infinitive("raadde", "raden", "Tense=Past|VerbForm=Fin") == infinitive
