"""A token's lemma: candidates from the pipeline, Alpino's forms, simplemma and the inflection
rules; the first one the dictionary knows with the token's part of speech wins."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from assistant.lexicon.frequency import zipf
from assistant.lexicon.inflection import adjective_bases
from assistant.lexicon.verbs import verb_infinitive
from assistant.lexicon.wordclasses import UD_TO_DICTIONARY_POS, VERB_POS


class Lexicon(Protocol):
    """What lemma choice asks the dictionary (assistant.lexicon.store.Dictionary is one)."""

    def knows_as(self, lemma: str, pos: str | None = None) -> bool: ...

    def lemmas_of(self, form: str) -> tuple[tuple[str, str], ...]: ...


_simplemma_lock = threading.Lock()


@lru_cache(maxsize=100_000)
def simplemma_lemma(form: str) -> str | None:
    """simplemma's Dutch lemma of `form` (its compounds' underscores removed), or None."""
    try:
        import simplemma  # deferred: its Dutch table takes about a second to load
    except ImportError:
        return None
    with _simplemma_lock:
        lemma = simplemma.lemmatize(form.lower(), lang="nl")
    return lemma.replace("_", "") if isinstance(lemma, str) and lemma else None


def rule_lemma(form: str, pos: str, morph: str, pipeline_lemma: str) -> str:
    """The lemma without a dictionary: the pipeline's, in lower case except for names, a
    verb's repaired by the inflection rules ("stemden" → stemmen)."""
    lemma = pipeline_lemma.strip() or form
    if pos == "PROPN":
        return lemma
    if pos in VERB_POS and not morph.startswith("VerbForm=Part"):
        return verb_infinitive(form, lemma, morph)
    return lemma.lower()


def used_as_adjective(pos: str, morph: str, dep: str) -> bool:
    """A participle the parser attaches to a noun as a modifier ("de uitgeputte renners")."""
    return pos in VERB_POS and "VerbForm=Part" in morph and dep == "amod"


def choose_lemma(
    form: str,
    pos: str,
    morph: str,
    pipeline_lemma: str,
    lexicon: Lexicon | None = None,
    adjectival: bool = False,
    lemmatise: Callable[[str], str | None] = simplemma_lemma,
    frequency: Callable[[str], float] = zipf,
) -> str:
    """The lemma the app uses for a token with UD tag `pos`.

    Candidates come from the pipeline, from the forms Alpino lists (with the token's part of
    speech), from simplemma and from the rules (rule_lemma). Those the dictionary has an entry
    for with the token's part of speech come first; among them the one most of the first three
    sources propose, then the most frequent ("las": lezen, not lassen). Failing that, the first
    Alpino lemma, then the rules' lemma. A participle used as an adjective (`adjectival`) takes the
    adjective when the dictionary has it (uitgeputte → uitgeput). Names keep the pipeline's
    lemma.
    """
    fallback = rule_lemma(form, pos, morph, pipeline_lemma)
    wanted = UD_TO_DICTIONARY_POS.get(pos)
    if lexicon is None or wanted is None or pos == "PROPN":
        return fallback
    lowered = form.lower()
    listed = lexicon.lemmas_of(lowered)
    if adjectival:
        for candidate in _unique([lowered, *(lemma for lemma, p in listed if p == "adj"),
                                  *adjective_bases(lowered)]):
            if lexicon.knows_as(candidate, "adj"):
                return candidate
    alpino = _unique([lemma for lemma, p in listed if p == wanted])
    votes: dict[str, int] = {}
    for proposed in (pipeline_lemma.strip().lower(), *alpino, lemmatise(lowered) or ""):
        if proposed:
            votes[proposed] = votes.get(proposed, 0) + 1
    votes.setdefault(fallback, 0)  # the rules repair the pipeline's lemma: no vote of its own
    known = [lemma for lemma in votes if lexicon.knows_as(lemma, wanted)]
    if known:
        return max(known, key=lambda lemma: (votes[lemma], frequency(lemma)))
    return alpino[0] if alpino else fallback


def _unique(items: list[str]) -> list[str]:
    return [item for item in dict.fromkeys(items) if item]
