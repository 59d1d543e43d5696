"""Dutch verb forms → infinitive: strong-verb table, then inflection rules ranked by frequency."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from assistant.datafiles import read_tsv
from assistant.lexicon.frequency import zipf
from assistant.lexicon.inflection import candidates
from assistant.resources import resource_path

# A guess must be a word Dutch text actually uses; below this it is more likely a typo.
MIN_INFINITIVE_ZIPF = 1.0


@dataclass(frozen=True, slots=True)
class StrongVerb:
    infinitive: str
    past_singular: str
    past_plural: str
    participle: str  # empty where a verb has none in use ("zullen")


@lru_cache(maxsize=1)
def strong_verbs() -> dict[str, StrongVerb]:
    """Strong and irregular verbs (resources/strong_verbs.tsv) by infinitive."""
    verbs: dict[str, StrongVerb] = {}
    path = resource_path("strong_verbs.tsv")
    if not path.exists():
        return verbs
    columns = ("infinitive", "past_singular", "past_plural", "participle")
    for row in read_tsv(path, columns):
        verb = StrongVerb(*(row.get(column) for column in columns))
        verbs.setdefault(verb.infinitive, verb)
    return verbs


@lru_cache(maxsize=1)
def strong_verb_forms() -> dict[str, str]:
    """Past and participle forms of strong and irregular verbs → infinitive."""
    forms: dict[str, str] = {}
    for verb in strong_verbs().values():
        for form in (verb.past_singular, verb.past_plural, verb.participle):
            if form:
                forms.setdefault(form, verb.infinitive)
    return forms


def principal_parts(infinitive: str) -> str | None:
    """'vallen, viel, gevallen' for a strong verb; None for weak verbs."""
    verb = strong_verbs().get(infinitive)
    if verb is None:
        return None
    return ", ".join(part for part in (verb.infinitive, verb.past_singular, verb.participle)
                     if part)


@lru_cache(maxsize=50_000)
def guess_infinitive(form: str) -> str | None:
    """The most frequent infinitive that `form` can be an inflection of, or None."""
    form = form.lower()
    if form in strong_verb_forms():
        return strong_verb_forms()[form]
    best: tuple[float, str] | None = None
    guesses = [c for c in candidates(form, "VERB") if c.endswith("n")]
    for candidate in ([form] if form.endswith("en") else []) + guesses:
        frequency = zipf(candidate)
        if frequency >= MIN_INFINITIVE_ZIPF and (best is None or frequency > best[0]):
            best = (frequency, candidate)
    return best[1] if best else None


def verb_infinitive(form: str, lemma: str, morph: str) -> str:
    """The infinitive of a verb token, repairing a lemmatiser's miss where the rules can."""
    lowered = form.lower()
    if "VerbForm=Inf" in morph and lowered.endswith("n"):
        return lowered
    if lowered in strong_verb_forms():
        return strong_verb_forms()[lowered]
    lemma = lemma.lower()
    if lemma != lowered and lemma.endswith("n") and zipf(lemma) >= MIN_INFINITIVE_ZIPF:
        return lemma
    # No lemma, or the form copied ("stemden"): rank the infinitives the form can come from.
    return guess_infinitive(lowered) or lemma
