"""Separable verbs: which particle belongs to which verb in a parsed sentence (viel … uit)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol

from assistant.lexicon.wordclasses import R_PRONOUNS, SEPARABLE_PARTICLES, VERB_POS
from assistant.reading.nlp import ParsedToken


class SeparableLexicon(Protocol):
    """Which separable verbs exist (the dictionary's Alpino table answers this)."""

    def separable_particles(self, verb: str) -> frozenset[str]: ...

    def er_particles(self, verb: str) -> frozenset[str]: ...


@dataclass(frozen=True, slots=True)
class AttestedVerbs:
    """A separable-verb lexicon from (particle, verb) pairs: for tests, or empty without a
    dictionary (then nothing is joined)."""

    particles: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({}))
    with_er: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]],
           with_er: Iterable[tuple[str, str]] = ()) -> AttestedVerbs:
        return cls(_by_verb(pairs), _by_verb(with_er))

    def separable_particles(self, verb: str) -> frozenset[str]:
        return self.particles.get(verb.lower(), frozenset())

    def er_particles(self, verb: str) -> frozenset[str]:
        return self.with_er.get(verb.lower(), frozenset())


def _by_verb(pairs: Iterable[tuple[str, str]]) -> Mapping[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for particle, verb in pairs:
        found.setdefault(verb.lower(), set()).add(particle.lower())
    return MappingProxyType({verb: frozenset(ps) for verb, ps in found.items()})


@dataclass(frozen=True, slots=True)
class SeparableJoin:
    """A verb and its particle, and the separable verb they make ("zette … voort")."""

    verb: int
    particle: int
    infinitive: str


# Parts of speech of particles outside the common list (mede delen, overeen komen); nouns and
# adjectives (plaats vinden, bekend maken) only where the parser says so.
_PARTICLE_POS = frozenset({"ADP", "ADV"})
# Tokens that open a noun phrase: a particle-like word before one is a preposition with its own
# object ("wacht op de bus", "op de kaart zetten", "lijdt aan een tekort").
_NOUN_PHRASE_POS = frozenset({"DET", "NOUN", "PROPN", "NUM", "PRON", "ADJ"})
# Prepositions that open fixed phrases whose second word looks like a particle ("ten onder").
_FIXED_PHRASE_OPENERS = frozenset({"ten", "ter", "te", "tot"})
# Words an er/daar/hier/waar can leave behind as a stranded preposition ("er ... aan").
_STRANDABLE = frozenset({
    "aan", "achter", "af", "bij", "boven", "door", "in", "langs", "mee", "na", "naast", "om",
    "onder", "op", "over", "tegen", "toe", "tussen", "uit", "van", "voor", "vanaf", "vandaan",
    "heen", "naar", "tegenover",
})
# Pronouns that open a clause of their own after a particle ("legt uit wat hij bedoelt").
_CLAUSE_PRONOUNS = frozenset({"wat", "wie", "welke", "die", "dat", "hoe", "waarom", "wanneer"})
# A particle-like word closing a circumposition or after a place word is direction, not a
# particle: "zij gaat overal heen" (not heengaan), "door de muur heen", "tot het laatst toe".
_CIRCUMPOSITIONS = {
    "heen": frozenset({*R_PRONOUNS, "overal", "ergens", "nergens", "elders", "door", "om",
                       "over", "langs", "naar", "tegen", "achter", "onder", "tussen"}),
    "toe": frozenset({"tot", "naar"}),
}


def clauses(tokens: Sequence[ParsedToken]) -> list[int]:
    """A clause number per token: a new clause opens at punctuation, at a subordinating word
    (dat, omdat, om … te) that a verb follows, or at a coordinating conjunction that a finite
    verb follows; brackets and quotation marks hold a clause of their own, after which the
    clause around them resumes ("heft … de kunstkring « Le Cercle » op")."""
    numbers: list[int] = []
    current = count = 0
    outer: list[tuple[str, int]] = []  # (closing mark, clause to resume)
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index > 0 else None
        if previous is not None and previous.sentence != token.sentence:
            outer.clear()
            count += 1
            current = count
        elif outer and token.text == outer[-1][0]:
            current = outer.pop()[1]
        elif previous is not None and previous.text in _PAIRED and (
                not outer or outer[-1][0] != previous.text or previous.text not in _SAME_MARK):
            outer.append((_PAIRED[previous.text], numbers[-1]))
            count += 1
            current = count
        elif previous is not None and (
            (previous.pos == "PUNCT" and previous.text not in _CLOSING)
            or (token.pos == "PUNCT" and token.text not in _PAIRED)
            or ((token.pos == "SCONJ" or (token.dep == "mark" and token.text.lower() != "te"))
                and _verb_follows(tokens, index, finite=False))
            or (token.pos == "CCONJ" and _verb_follows(tokens, index, finite=True))
            or (_opens_relative(token) and _verb_follows(tokens, index, finite=True))
        ):
            count += 1
            current = count
        numbers.append(current)
    return numbers


# Opening marks and the marks that close them.
_PAIRED = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "„": "”", '"': '"'}
_SAME_MARK = frozenset({'"'})
_CLOSING = frozenset(_PAIRED.values())


def _opens_relative(token: ParsedToken) -> bool:
    """A relative or question word ("legt uit wat hij bedoelt", "de stad waar hij woont")."""
    word = token.text.lower()
    return (token.pos == "PRON" and word in _CLAUSE_PRONOUNS) or word == "waar"


def _verb_follows(tokens: Sequence[ParsedToken], opener: int, finite: bool) -> bool:
    for token in tokens[opener + 1:]:
        if token.sentence != tokens[opener].sentence or token.pos in ("PUNCT", "SCONJ") or (
                not finite and token.pos == "CCONJ"):
            return False
        if token.pos in VERB_POS and (_is_finite(token) or not finite):
            return True
    return False


def _is_finite(token: ParsedToken) -> bool:
    return "VerbForm=Fin" in token.morph


def separable_joins(
    tokens: Sequence[ParsedToken], lemmas: Sequence[str], lexicon: SeparableLexicon
) -> list[SeparableJoin]:
    """The separable verbs of a parsed text: a particle joins a verb when they belong together
    in the clause (parser's compound:prt, the verb cluster right after the particle, or a
    clause-final particle) and the joined verb is attested; sorted by verb position.

    A clause never crosses a sentence, so each sentence is looked at alone: the clause scans
    stay as long as a sentence, not the text (a long text would cost its length squared)."""
    joins: list[SeparableJoin] = []
    start = 0
    while start < len(tokens):
        end = start + 1
        while end < len(tokens) and tokens[end].sentence == tokens[start].sentence:
            end += 1
        sentence = [token if start == 0 and token.head < end
                    else _with_head(token, token.head - start if start <= token.head < end
                                    else index - start)
                    for index, token in enumerate(tokens[start:end], start)]
        joins.extend(SeparableJoin(join.verb + start, join.particle + start, join.infinitive)
                     for join in _sentence_joins(sentence, lemmas[start:end], lexicon))
        start = end
    return joins


def _with_head(token: ParsedToken, head: int) -> ParsedToken:
    """The token with another head (dataclasses.replace, without its cost per field: this runs
    for every token of a text)."""
    return ParsedToken(token.start, token.end, token.text, token.lemma, token.pos, token.morph,
                       token.dep, head, token.sentence, token.like_num, token.like_url)


def _sentence_joins(
    tokens: Sequence[ParsedToken], lemmas: Sequence[str], lexicon: SeparableLexicon
) -> list[SeparableJoin]:
    clause_of = clauses(tokens)
    candidates: list[tuple[bool, int, int]] = []  # (unlabelled, -particle, verb)
    for index, token in enumerate(tokens):
        labelled = token.dep == "compound:prt" and token.head != index
        if not labelled and token.text.lower() not in SEPARABLE_PARTICLES \
                and token.pos not in _PARTICLE_POS:
            continue
        verb = _verb_of(tokens, clause_of, index)
        if verb is not None:
            # The parser's pairs first, then the particle nearest the clause's end.
            candidates.append((not labelled, -index, verb))
    joins: dict[int, SeparableJoin] = {}
    taken: set[int] = set()
    for _, position, verb in sorted(candidates):
        particle = -position
        if verb in taken or particle in taken:
            continue
        join = _join(tokens, lemmas, clause_of, lexicon, verb, particle)
        if join is not None:
            joins[verb] = join
            taken.update((verb, particle))
    return [joins[verb] for verb in sorted(joins)]


def _verb_of(tokens: Sequence[ParsedToken], clause_of: Sequence[int], particle: int) -> int | None:
    """The verb a particle-like token would belong to: the verb cluster right after it
    ("voort te zetten", "op zou halen": the cluster's main verb), else the parser's head, else
    (a clause-final particle) the clause's finite verb before it."""
    cluster = _cluster_after(tokens, clause_of, particle)
    if cluster and all(_is_finite(tokens[v]) for v in cluster) \
            and not _subordinate(tokens, clause_of, particle):
        cluster = []  # a main clause's first word is no particle: "verder reden vooral ..."
    if cluster:
        # The cluster's main verb: its last non-finite lexical verb ("op zou halen", "bekend
        # had gemaakt", "aan kunnen zetten"), else its last lexical verb.
        lexical = [v for v in cluster if tokens[v].pos == "VERB"]
        non_finite = [v for v in lexical if not _is_finite(tokens[v])]
        return (non_finite or lexical or cluster)[-1]
    token = tokens[particle]
    if token.dep == "compound:prt" and token.head != particle \
            and tokens[token.head].pos in VERB_POS:
        return token.head
    if token.text.lower() not in SEPARABLE_PARTICLES and token.pos not in _PARTICLE_POS:
        return None
    clause = clause_of[particle]
    later = range(particle + 1, len(tokens))
    if any(clause_of[i] == clause and tokens[i].pos in VERB_POS for i in later):
        return None  # a verb follows, but not right after it: not this verb's particle
    for position in _earlier_in_clause(clause_of, particle):
        before = tokens[position]
        if before.pos in VERB_POS:
            return position if _is_finite(before) else None
    return None


def _earlier_in_clause(clause_of: Sequence[int], position: int) -> list[int]:
    """Positions before `position` in its clause, nearest first (across a bracketed clause)."""
    clause = clause_of[position]
    return [i for i in range(position - 1, -1, -1) if clause_of[i] == clause]


def _subordinate(tokens: Sequence[ParsedToken], clause_of: Sequence[int], position: int) -> bool:
    """Whether the clause is opened by a subordinating word, relative or question word."""
    first = next(i for i in range(position + 1) if clause_of[i] == clause_of[position])
    opener = tokens[first]
    return opener.pos == "SCONJ" or opener.dep == "mark" or _opens_relative(opener)


def _cluster_after(
    tokens: Sequence[ParsedToken], clause_of: Sequence[int], particle: int
) -> list[int]:
    position = particle + 1
    infinitive = position < len(tokens) and tokens[position].text.lower() == "te"
    if infinitive:
        position += 1
    cluster: list[int] = []
    while (position < len(tokens) and clause_of[position] == clause_of[particle]
           and tokens[position].pos in VERB_POS):
        cluster.append(position)
        position += 1
        if infinitive:
            break  # "toe te voegen" ends there, whatever verb follows
    return cluster


def _join(
    tokens: Sequence[ParsedToken],
    lemmas: Sequence[str],
    clause_of: Sequence[int],
    lexicon: SeparableLexicon,
    verb: int,
    particle: int,
) -> SeparableJoin | None:
    word = tokens[particle].text.lower()
    if not (tokens[particle].text.isalpha() and tokens[verb].text.isalpha()):
        return None  # "]zien", "’noemen"
    if clause_of[verb] != clause_of[particle] or _refused(tokens, clause_of, particle):
        return None
    lemma = lemmas[verb].lower()
    base = lemma
    if lemma.startswith(word) and word in lexicon.separable_particles(lemma[len(word):]):
        base = lemma[len(word):]  # the lemmatiser already joined it ("zette" → "inzetten")
    elif word not in lexicon.separable_particles(lemma):
        return None
    if _stranded(tokens, clause_of, particle) and word not in lexicon.er_particles(base):
        return None
    return SeparableJoin(verb, particle, word + base)


def _refused(tokens: Sequence[ParsedToken], clause_of: Sequence[int], particle: int) -> bool:
    """Structure that says the particle-like word is not this verb's particle."""
    token = tokens[particle]
    word = token.text.lower()
    following = _next_in_clause(tokens, clause_of, particle)
    previous = tokens[particle - 1] if particle > 0 and \
        clause_of[particle - 1] == clause_of[particle] else None
    if token.dep == "mark":
        return True  # the parser's complementiser: "om te zien"
    if token.dep == "case" and token.head > particle and tokens[token.head].pos not in VERB_POS:
        return True  # the parser gives it an object
    if previous is not None and previous.text.lower() in _FIXED_PHRASE_OPENERS:
        return True  # "ten onder gaan"
    if word not in SEPARABLE_PARTICLES and previous is not None and (
            previous.pos in ("DET", "ADJ", "NUM") or "Poss=Yes" in previous.morph):
        return True  # a noun of a noun phrase: "nam de plaats in"
    if _has_object(tokens, clause_of, particle):
        return True  # a preposition with its own object: "wacht op de bus"
    if word == "om" and following is not None and tokens[following].text.lower() == "te":
        # "leuk om te zien" is a complementiser; "om het om te zetten" has one before it.
        return not any(tokens[i].text.lower() == "om" and clause_of[i] == clause_of[particle]
                       for i in range(particle))
    openers = _CIRCUMPOSITIONS.get(word)
    if openers is not None:
        return any(tokens[i].text.lower() in openers
                   for i in range(particle) if clause_of[i] == clause_of[particle])
    return False


def _next_in_clause(
    tokens: Sequence[ParsedToken], clause_of: Sequence[int], position: int
) -> int | None:
    following = position + 1
    if following < len(tokens) and clause_of[following] == clause_of[position]:
        return following
    return None


def _stranded(tokens: Sequence[ParsedToken], clause_of: Sequence[int], particle: int) -> bool:
    """Whether an er/daar/hier/waar earlier in the clause strands this word as its preposition:
    it is the first strandable word after one ("denkt er niet aan"; in "gaan daar mee om",
    daar takes mee and om stays the particle). An expletive "er" strands nothing."""
    if tokens[particle].text.lower() not in _STRANDABLE:
        return False
    pronoun = next((i for i in _earlier_in_clause(clause_of, particle)
                    if tokens[i].text.lower() in R_PRONOUNS), None)
    if pronoun is None or (tokens[pronoun].text.lower() == "er"
                           and _expletive(tokens, clause_of, pronoun)):
        return False
    for position in range(pronoun + 1, particle):
        word = tokens[position].text.lower()
        if clause_of[position] == clause_of[particle] and word in _STRANDABLE \
                and not _has_object(tokens, clause_of, position):
            return False  # the pronoun strands that one
    return True


def _expletive(tokens: Sequence[ParsedToken], clause_of: Sequence[int], er: int) -> bool:
    """Whether an "er" is the expletive one: the clause's subject comes after it ("Er komt
    een wet aan", "Gisteren brak er brand uit"), not before ("Hij denkt er niet aan")."""
    clause = clause_of[er]
    subjects = [i for i, token in enumerate(tokens)
                if clause_of[i] == clause and token.dep.startswith("nsubj")]
    return bool(subjects) and subjects[0] > er


def _has_object(tokens: Sequence[ParsedToken], clause_of: Sequence[int], position: int) -> bool:
    following = _next_in_clause(tokens, clause_of, position)
    if following is None or tokens[following].pos not in _NOUN_PHRASE_POS:
        return False
    word = tokens[following].text.lower()
    return word not in R_PRONOUNS and not (
        tokens[following].pos == "PRON" and word in _CLAUSE_PRONOUNS)
