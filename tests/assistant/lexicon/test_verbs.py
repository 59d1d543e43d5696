"""Verb forms → infinitive: strong verbs from the table, weak verbs by spelling rules."""

from __future__ import annotations

import pytest

from assistant.lexicon.verbs import guess_infinitive, principal_parts, verb_infinitive


@pytest.mark.parametrize(
    ("form", "infinitive"),
    [("viel", "vallen"), ("vielen", "vallen"), ("gevallen", "vallen"), ("besloot", "besluiten"),
     ("deed", "doen"), ("klopte", "kloppen"), ("reisde", "reizen"), ("meldde", "melden"),
     ("maakte", "maken"), ("reist", "reizen"), ("vochten", "vechten")],
)
def test_guess_infinitive(form: str, infinitive: str) -> None:
    assert guess_infinitive(form) == infinitive


def test_no_guess_for_non_words() -> None:
    assert guess_infinitive("xqzt") is None


def test_infinitive_forms_stay_and_bad_lemmas_are_repaired() -> None:
    assert verb_infinitive("vallen", "aanvallen", "VerbForm=Inf") == "vallen"
    assert verb_infinitive("viel", "viel", "Tense=Past|VerbForm=Fin") == "vallen"
    assert verb_infinitive("loopt", "lopen", "VerbForm=Fin") == "lopen"


def test_principal_parts_of_strong_verbs() -> None:
    assert principal_parts("vallen") == "vallen, viel, gevallen"
    assert principal_parts("kloppen") is None


def test_a_copied_form_is_not_taken_for_the_infinitive() -> None:
    assert verb_infinitive("stemden", "stemden", "Tense=Pres|VerbForm=Fin") == "stemmen"
    assert verb_infinitive("branden", "branden", "VerbForm=Fin") == "branden"
    assert verb_infinitive("melden", "melden", "VerbForm=Fin") == "melden"
