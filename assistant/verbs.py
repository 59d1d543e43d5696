"""Dutch verb forms → infinitive: a strong-verb table plus the weak-verb spelling rules."""

from __future__ import annotations

import csv
from functools import lru_cache

from assistant.difficulty import zipf
from assistant.resources import resource_path

_VOWELS = "aeiou"
# A guess must be a word Dutch text actually uses; below this it is more likely a typo.
MIN_INFINITIVE_ZIPF = 1.0


@lru_cache(maxsize=1)
def strong_verb_forms() -> dict[str, str]:
    """Past and participle forms of strong and irregular verbs → infinitive."""
    forms: dict[str, str] = {}
    path = resource_path("strong_verbs.tsv")
    if not path.exists():
        return forms
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            infinitive = row["infinitive"]
            for key in ("past_singular", "past_plural", "participle"):
                if form := (row.get(key) or "").strip():
                    forms.setdefault(form, infinitive)
    return forms


def principal_parts(infinitive: str) -> str | None:
    """'vallen, viel, gevallen' for a strong verb; None for weak verbs."""
    forms = [form for form, inf in strong_verb_forms().items() if inf == infinitive]
    return ", ".join([infinitive, *forms[:1], *forms[2:3]]) if forms else None


def _stem_to_infinitives(stem: str) -> list[str]:
    """Candidate infinitives for a stem, by Dutch spelling rules (klop → kloppen, reis → reizen)."""
    if len(stem) < 2:
        return []
    candidates = [stem + "en", stem + "n"]
    last = stem[-1]
    voiced = {"s": "z", "f": "v"}.get(last)
    if voiced:
        candidates.append(stem[:-1] + voiced + "en")
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in _VOWELS:
        # a long vowel is written single before a single consonant: maak → maken, reis stays
        short = stem[:-2] + stem[-1]
        candidates.append(short + "en")
        if voiced:
            candidates.append(short[:-1] + voiced + "en")
    if last not in _VOWELS and stem[-2:-1] in tuple(_VOWELS) and stem[-3:-2] not in tuple(_VOWELS):
        candidates.append(stem + last + "en")  # a short vowel doubles the consonant: klop → kloppen
    return candidates


def _inflection_stems(form: str) -> list[str]:
    stems: list[str] = []
    word = form
    if word.startswith("ge") and len(word) > 5:
        for ending in ("de", "te", "d", "t", "den", "ten"):
            if word.endswith(ending):
                stems.append(word[2:-len(ending)])
    for ending in ("den", "ten", "de", "te", "t", "d"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stems.append(word[:-len(ending)])
    stems.append(word)
    return stems


@lru_cache(maxsize=50_000)
def guess_infinitive(form: str) -> str | None:
    """The most frequent infinitive that `form` can be an inflection of, or None."""
    form = form.lower()
    if form in strong_verb_forms():
        return strong_verb_forms()[form]
    best: tuple[float, str] | None = None
    if form.endswith("en") and zipf(form) >= MIN_INFINITIVE_ZIPF:
        best = (zipf(form), form)
    for stem in _inflection_stems(form):
        for candidate in _stem_to_infinitives(stem):
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
    if lemma.endswith("n") and zipf(lemma) >= MIN_INFINITIVE_ZIPF:
        return lemma
    return guess_infinitive(lowered) or lemma
