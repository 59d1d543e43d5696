"""Rule-based guesses of a Dutch word's dictionary form (plurals, participles, -e endings...)."""

from __future__ import annotations

from assistant.lexicon.wordclasses import PARTICLES_LONGEST_FIRST

VOWELS = frozenset("aeiouyáéíóúäëïöü")
_LONG = ("aa", "ee", "oo", "uu")
_PREFIXES = ("be", "ge", "ver", "ont", "her", "er")


def _is_consonant(char: str) -> bool:
    return char.isalpha() and char not in VOWELS


def _closed_forms(stem: str) -> list[str]:
    """Spellings a stem may take before an ending is added or removed (granat→granaat, raket)."""
    out = [stem]
    if len(stem) >= 3 and stem[-1] in "vz":
        out.append(stem[:-1] + {"v": "f", "z": "s"}[stem[-1]])
    for base in list(out):
        if len(base) >= 3 and _is_consonant(base[-1]) and base[-2] == base[-1]:
            out.append(base[:-1])
        elif (
            len(base) >= 3
            and _is_consonant(base[-1])
            and base[-2] in "aeou"
            and (len(base) < 3 or base[-3] not in VOWELS)
        ):
            out.append(base[:-1] + base[-2] + base[-1])
    return out


def infinitives(stem: str) -> list[str]:
    """Infinitives whose stem could be `stem` (maak→maken, klop→kloppen, reis→reizen)."""
    if len(stem) < 2:
        return []
    bases = [stem]
    if stem[-1] in "fs":
        bases.append(stem[:-1] + {"f": "v", "s": "z"}[stem[-1]])
    out: list[str] = []
    for base in bases:
        out.append(base + "en")
        if len(base) >= 3 and base[-3:-1] in _LONG and _is_consonant(base[-1]):
            out.append(base[:-2] + base[-1] + "en")
        elif (
            len(base) >= 3
            and _is_consonant(base[-1])
            and base[-1] not in "wj"
            and base[-2] in VOWELS
            and base[-3] not in VOWELS
        ):
            out.append(base + base[-1] + "en")
        if base.endswith("e"):
            out.append(base + "n")
    return out


def _participle_stems(form: str) -> list[str]:
    """Verb stems inside a weak participle: gepantserd→pantser, opgegroeid→op+groei."""
    if len(form) < 5 or form[-1] not in "dt":
        return []
    body = form[:-1]
    stems: list[str] = []
    if body.startswith("ge") and len(body) > 4:
        stems.append(body[2:])
    for prefix in _PREFIXES:
        if body.startswith(prefix) and len(body) > len(prefix) + 2:
            stems.append(body)
            break
    for particle in PARTICLES_LONGEST_FIRST:
        if body.startswith(particle + "ge") and len(body) > len(particle) + 4:
            stems.append(particle + body[len(particle) + 2 :])
    return stems


def _strong_participle(form: str) -> list[str]:
    if not form.endswith("en") or len(form) < 6:
        return []
    out: list[str] = []
    if form.startswith("ge"):
        out.append(form[2:])
    for particle in PARTICLES_LONGEST_FIRST:
        if form.startswith(particle + "ge") and len(form) > len(particle) + 5:
            out.append(particle + form[len(particle) + 2 :])
    return out


def _noun_forms(form: str) -> list[str]:
    out: list[str] = []
    if form.endswith("'s") or form.endswith("’s"):
        out.append(form[:-2])
    if form.endswith("eren") and len(form) > 6:
        out.append(form[:-4])
    if form.endswith("en") and len(form) > 4:
        out.extend(_closed_forms(form[:-2]))
        out.append(form[:-1])  # seconden → seconde
    if form.endswith("ën") and len(form) > 4:
        out.append(form[:-2])  # ideeën → idee
    if form.endswith("s") and len(form) > 3:
        out.append(form[:-1])
    # Every diminutive ending that fits, the plain one first: grapje is grap + je, boompje
    # boom + pje, ringetje ring + etje.
    for suffix in ("jes", "je", "tjes", "tje", "pjes", "pje", "etjes", "etje"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            out.extend(_closed_forms(form[: -len(suffix)]))
    return out


def _adjective_forms(form: str) -> list[str]:
    out: list[str] = []
    if form.endswith("e") and len(form) > 3:
        base = form[:-1]
        out.extend(_closed_forms(base))
        for suffix in ("st", "er"):
            if base.endswith(suffix) and len(base) >= len(suffix) + 4:
                out.extend(_closed_forms(base[: -len(suffix)]))
    for suffix in ("st", "er"):
        if form.endswith(suffix) and len(form) >= len(suffix) + 4:
            out.extend(_closed_forms(form[: -len(suffix)]))
    return out


def adjective_bases(form: str) -> list[str]:
    """Possible base forms of an inflected adjective or participle (uitgeputte → uitgeput)."""
    return _adjective_forms(form.lower())


def _verb_forms(form: str, bare_stem: bool = False) -> list[str]:
    out: list[str] = []
    for stem in _participle_stems(form):
        out.extend(infinitives(stem))
    out.extend(_strong_participle(form))
    for suffix in ("den", "ten", "de", "te"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            out.extend(infinitives(form[: -len(suffix)]))
            break
    if form.endswith("t") and len(form) > 3:
        out.extend(infinitives(form[:-1]))
    if bare_stem:
        out.extend(infinitives(form))
    return out


def candidates(form: str, pos: str | None = None) -> list[str]:
    """Possible dictionary forms of `form`, most plausible first for the given UD POS.

    Nothing here is checked: the caller keeps the first candidate its dictionary knows.
    """
    word = form.lower()
    if len(word) < 3 or not word.replace("-", "").replace("'", "").replace("’", "").isalpha():
        return []
    noun, adjective = _noun_forms(word), _adjective_forms(word)
    verb = _verb_forms(word, bare_stem=pos in ("VERB", "AUX"))
    # An adjective ending in -e may itself be a participle: gepantserde → gepantserd → pantseren.
    participle = [c for a in adjective for c in _verb_forms(a) if a != word]
    if pos in ("VERB", "AUX"):
        ordered = [*verb, *adjective, *participle, *noun]
    elif pos in ("ADJ", "ADV"):
        ordered = [*adjective, *participle, *verb, *noun]
    elif pos in ("NOUN", "PROPN"):
        ordered = [*noun, *adjective, *verb, *participle]
    else:
        ordered = [*noun, *adjective, *participle, *verb]
    seen: set[str] = {word}
    result: list[str] = []
    for candidate in ordered:
        if candidate not in seen and len(candidate) >= 2:
            seen.add(candidate)
            result.append(candidate)
    return result
