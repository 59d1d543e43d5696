"""English forms made from verb glosses: past participles (participles used as adjectives) and
agent nouns (roker → smoker)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

_VOWELS = "aeiou"
# One syllable ending in one vowel and one consonant doubles it: stop → stopped.
_DOUBLING = re.compile(r"^[^aeiou]*[aeiou][bdgklmnprtvz]$")


def past_participle(verb: str, irregular: Mapping[str, str]) -> str:
    """The past participle of an English verb in its base form (fence → fenced, take → taken);
    of a phrasal verb its first word's (fence in → fenced in, bear in mind → borne in mind)."""
    first, space, rest = verb.partition(" ")
    if not first.isalpha() or first != first.lower():
        return verb
    if first in irregular:
        done = irregular[first]
    elif first.endswith("e"):
        done = first + "d"
    elif len(first) > 2 and first.endswith("y") and first[-2] not in _VOWELS:
        done = first[:-1] + "ied"
    elif _DOUBLING.match(first):
        done = first + first[-1] + "ed"
    else:
        done = first + "ed"
    return done + space + rest


def participle_sense(sense: str, irregular: Mapping[str, str]) -> str:
    """A verb sense ("to fence, to surround") as participles ("fenced, surrounded")."""
    items = [item.strip() for item in sense.split(",") if item.strip()]
    done = [past_participle(item[3:] if item.startswith("to ") else item, irregular)
            for item in items]
    return ", ".join(dict.fromkeys(done))


def choose_participle(base: str, forms: Iterable[str]) -> str | None:
    """Of the irregular forms WordNet lists for an English verb (ate, eaten; sang, sung;
    came; putting), the past participle: the base when its one listed form only turned its o
    or u into a (came → come, ran → run) or when only -ing forms are listed of a verb in -t
    or -d (put, set); else one in -en/-ne/-n, else one with u beside one with a, else the
    first. None when nothing is left (the regular rules apply)."""
    kept = [form for form in forms
            if not (form.endswith("ing") and not base.endswith("ing"))
            and form not in ("am", "are", "is", "was", "were")]
    if not kept:
        return base if base.endswith(("t", "d")) else None
    if len(kept) == 1 and len(kept[0]) == len(base):
        changed = [(a, b) for a, b in zip(base, kept[0], strict=True) if a != b]
        if changed in ([("o", "a")], [("u", "a")]):
            return base
    for ending in ("en", "ne", "n"):
        found = [form for form in kept if form.endswith(ending)]
        if found:
            return found[-1]
    with_u = [form for form in kept if "u" in form and any(
        other.replace("a", "u") == form for other in kept)]
    return with_u[0] if with_u else kept[0]


def agent_nouns(verb: str) -> list[str]:
    """The English nouns for one who does `verb` (a one-word base form), most likely first:
    smoke → smoker, hit → hitter, etch → etcher, educate → educator."""
    if not verb.isalpha() or verb != verb.lower() or len(verb) < 3:
        return []
    if verb.endswith("ate"):
        return [verb[:-1] + "or", verb + "r"]
    if verb.endswith("e"):
        return [verb + "r"]
    if verb.endswith("y") and verb[-2] not in _VOWELS:
        return [verb[:-1] + "ier"]
    if _DOUBLING.match(verb):
        return [verb + verb[-1] + "er", verb + "er"]
    return [verb + "er"]


def agent_noun_of(senses: Iterable[str], is_noun: Callable[[str], bool]) -> str | None:
    """The first English agent noun of a verb's senses ("to smoke, to fume") that is an English
    noun (WordNet), or None."""
    for sense in senses:
        for item in sense.split(","):
            item = item.strip()
            for noun in agent_nouns(item[3:] if item.startswith("to ") else item):
                if is_noun(noun):
                    return noun
    return None


def gerunds(verb: str) -> list[str]:
    """The -ing forms an English verb in its base form may take, most likely first (film →
    filming, make → making, stop → stopping, die → dying); of a phrasal verb its first word's
    (fit out → fitting out)."""
    first, space, rest = verb.partition(" ")
    if not first.isalpha() or first != first.lower() or len(first) < 2:
        return []
    if first.endswith("ie"):
        stems = [first[:-2] + "y"]
    elif first.endswith("e") and not first.endswith(("ee", "ye", "oe")) and len(first) > 2:
        stems = [first[:-1]]
    elif _DOUBLING.match(first):
        stems = [first + first[-1], first]
    else:
        stems = [first]
    return [stem + "ing" + space + rest for stem in stems]


def gerund_of(sense: str, is_word: Callable[[str], bool]) -> str | None:
    """A verb sense ("to film, to shoot") as English -ing nouns ("filming, shooting"), each the
    first spelling `is_word` accepts; None when none is."""
    done: list[str] = []
    for item in sense.split(","):
        item = item.strip()
        item = item[3:] if item.startswith("to ") else item
        found = next((form for form in gerunds(item) if is_word(form.split(" ")[0])), None)
        if found is not None and found not in done:
            done.append(found)
    return ", ".join(done) if done else None
