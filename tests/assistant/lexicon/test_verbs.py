"""Verb forms → infinitive without a dictionary: weak verbs by spelling rules, strong verbs
only from the table of those Alpino lacks (with a dictionary, Alpino's forms decide)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.lexicon.alpino import read_verbs
from assistant.lexicon.verbs import guess_infinitive, principal_parts, strong_verbs, verb_infinitive

ALPINO = Path(__file__).resolve().parents[4] / "shared" / "data" / "alpino"


@pytest.mark.parametrize(
    ("form", "infinitive"),
    [("klopte", "kloppen"), ("reisde", "reizen"), ("meldde", "melden"), ("maakte", "maken"),
     ("reist", "reizen"), ("werkten", "werken"), ("gewerkt", "werken")],
)
def test_guess_infinitive(form: str, infinitive: str) -> None:
    assert guess_infinitive(form) == infinitive


def test_no_guess_for_non_words() -> None:
    assert guess_infinitive("xqzt") is None


def test_infinitive_forms_stay_and_bad_lemmas_are_repaired() -> None:
    assert verb_infinitive("vallen", "aanvallen", "VerbForm=Inf") == "vallen"
    assert verb_infinitive("loopt", "lopen", "VerbForm=Fin") == "lopen"
    assert verb_infinitive("viel", "vallen", "Tense=Past|VerbForm=Fin") == "vallen"


def test_a_copied_form_is_not_taken_for_the_infinitive() -> None:
    assert verb_infinitive("stemden", "stemden", "Tense=Pres|VerbForm=Fin") == "stemmen"
    assert verb_infinitive("branden", "branden", "VerbForm=Fin") == "branden"
    assert verb_infinitive("melden", "melden", "VerbForm=Fin") == "melden"


def test_the_table_holds_only_verbs_alpino_lacks() -> None:
    assert ALPINO.exists(), f"the shared Alpino lexicon is missing: {ALPINO}"
    in_alpino = {verb.infinitive[0] for verb in read_verbs(ALPINO) if verb.infinitive}
    assert not set(strong_verbs()) & in_alpino
    assert principal_parts("kloppen") is None
