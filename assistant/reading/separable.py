"""Separable verbs: which particle belongs to which verb in a parsed sentence (viel … uit)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.lexicon.wordclasses import R_PRONOUNS, SEPARABLE_PARTICLES, VERB_POS
from assistant.reading.nlp import ParsedToken

# After a particle that ends a clause comes punctuation, a conjunction, a relative pronoun or
# a new prepositional phrase — never the noun phrase a preposition would govern.
_AFTER_PARTICLE_POS = frozenset({"PUNCT", "SCONJ", "CCONJ", "ADP", "ADV"})
_RELATIVE_WORDS = frozenset({"die", "dat", "wat", "waar", "wie", "toen", "omdat", "als"})
# A joined verb rarer than this is more likely a preposition next to a verb than a real verb.
MIN_JOINED_ZIPF = 1.5
# How far before a particle an er/daar/hier/waar may stand and still own it as a preposition
# ("dat hij er niet aan denkt").
_R_PRONOUN_REACH = 3


def separable_pairs(
    tokens: Sequence[ParsedToken],
    lemmas: Sequence[str],
    zipf: Callable[[str], float],
) -> list[tuple[int, int]]:
    """(verb, particle) pairs: the parser's compound:prt, then two safe rules it may miss."""
    pairs: dict[int, int] = {}
    used: set[int] = set()

    def accept(verb: int, particle: int) -> None:
        if verb in used or particle in used or verb in pairs:
            return
        if lemmas[verb].startswith(tokens[particle].text.lower()):
            return  # the lemmatiser already joined it ("aangedreven" → "aandrijven")
        if stranded_preposition(tokens, verb, particle):
            return
        pairs[verb] = particle
        used.update((verb, particle))

    def joined_zipf(verb: int, particle: int) -> float:
        return zipf(tokens[particle].text.lower() + lemmas[verb])

    for index, token in enumerate(tokens):
        if (
            token.dep == "compound:prt" and token.head != index
            and tokens[token.head].pos in VERB_POS
            and (token.text.lower() in SEPARABLE_PARTICLES
                 or joined_zipf(token.head, index) >= MIN_JOINED_ZIPF)
        ):
            accept(token.head, index)
    for index in range(len(tokens) - 2):
        # "... uit te voeren": particle, te, infinitive
        if (
            tokens[index].text.lower() in SEPARABLE_PARTICLES
            and tokens[index + 1].text.lower() == "te"
            and tokens[index + 2].pos == "VERB"
            and joined_zipf(index + 2, index) >= MIN_JOINED_ZIPF
        ):
            accept(index + 2, index)
    for index, token in enumerate(tokens):
        if token.pos != "VERB" or index in used or "VerbForm=Fin" not in token.morph:
            continue
        particle = clause_final_particle(tokens, index)
        if particle is not None and joined_zipf(index, particle) >= MIN_JOINED_ZIPF:
            accept(index, particle)
    return sorted(pairs.items())


def stranded_preposition(tokens: Sequence[ParsedToken], verb: int, particle: int) -> bool:
    """Whether the particle is a preposition stranded by er/daar/hier/waar: one stands between
    verb and particle ("denkt er niet aan") or just before the particle ("er niet aan denkt")."""
    sentence = tokens[particle].sentence
    low, high = min(verb, particle), max(verb, particle)
    reach = range(max(0, particle - _R_PRONOUN_REACH), particle)
    return any(
        tokens[i].text.lower() in R_PRONOUNS and tokens[i].sentence == sentence
        for i in {*range(low + 1, high), *reach}
    )


def clause_final_particle(tokens: Sequence[ParsedToken], verb: int) -> int | None:
    """A particle later in the verb's sentence that ends its clause (main-clause order)."""
    sentence = tokens[verb].sentence
    for position in range(verb + 1, len(tokens)):
        token = tokens[position]
        if token.sentence != sentence or (token.pos in VERB_POS and position > verb + 1):
            return None
        if token.text.lower() in R_PRONOUNS:
            return None
        if token.text.lower() not in SEPARABLE_PARTICLES or token.dep == "compound:prt":
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is None or following.sentence != sentence or (
            following.pos in _AFTER_PARTICLE_POS or following.text.lower() in _RELATIVE_WORDS
        ):
            return position
    return None
