"""Token → GlossCard: the lookup chain from phrase to compound, over the dictionary store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from assistant.lexicon.cognates import english_lookalike
from assistant.lexicon.compounds import (
    MODIFIER_SLOT,
    UNSURE,
    CompoundPart,
    CompoundSplit,
    PartSenses,
    compose_gloss,
    default_part_senses,
    head_pos,
)
from assistant.lexicon.english import (
    agent_noun_of,
    gerund_of,
    gerunds,
    participle_sense,
    past_participle,
)
from assistant.lexicon.frequency import english_zipf
from assistant.lexicon.inflection import adjective_bases, candidates
from assistant.lexicon.numerals import measure_gloss, number_gloss
from assistant.lexicon.senses import gloss_key
from assistant.lexicon.store import Dictionary, Entry
from assistant.lexicon.wordclasses import (
    FUNCTION_POS,
    SEPARABLE_PARTICLES,
    UD_TO_DICTIONARY_POS,
    VERB_POS,
    NameLike,
    capitalised,
)
from assistant.models import (
    AnalysedArticle,
    GlossCard,
    GlossKind,
    GlossPart,
    Phrase,
    PhraseKind,
    Token,
)
from assistant.reading.entities import NAME_CATEGORIES
from assistant.reading.language import DUTCH

# At most this many senses on a card: the first is the one a teacher would give.
MAX_CARD_SENSES = 3
# A compound's gloss joins its parts' glosses when its first parts are nouns or adjectives
# ("rest period"); otherwise it is its head's ("tegenaanval": "attack").
MODIFIER_POS = ("noun", "adj")
# What a card says when its senses are a guess rather than a dictionary's.
LOOKALIKE_NOTE = "guess: no dictionary lists it; it looks like this English word"
COMPOSED_NOTE = "guess: composed from its parts"
HEAD_NOTE = "guess: the sense of its last part"
PARTICLE_NOTE = "guess: the senses of its verb without the particle"
# Particles that add what an English adverb adds (thuiskomen: come home, meerijden: ride along);
# the others (op, uit, af, aan, toe, ...) change the verb's meaning in ways no rule can say.
PARTICLE_ADVERBS = {
    "thuis": "home", "mee": "along", "terug": "back", "weg": "away", "samen": "together",
    "rond": "around", "voort": "on", "neer": "down", "los": "loose", "binnen": "in",
    "buiten": "out", "dicht": "shut",
}
AGENT_NOTE = "guess: one who does what its verb says"
ACTION_NOTE = "guess: the doing of what its verb says"
# Prefixes no source lists words with: the English prefixes that say the same, whether the
# card falls back on a phrase when no prefixed English word exists, and the note it carries.
NEGATION_NOTE = "guess: the opposite of its word"
REPEAT_NOTE = "guess: its word again"
NEGATION = ("on", ("un", "in", "im", "ir", "il"), "not ", 1)
# re- before a short word makes another word as often as a repetition (remove, recover).
REPEAT = ("her", ("re",), "", 6)
MIN_PREFIXED = 4
# English words made with a prefix are rarer than their base (unremarked, recrystallization).
MIN_PREFIXED_ZIPF = 1.5
MAX_ITEMS_PREFIXED = 3
# Dutch nouns of an action end in -ing (verfilming: verfilmen); shorter ones are words of
# their own more often (ding, ring).
ACTION_ENDING = "ing"
MIN_ACTION_STEM = 4
# Not a guess, but only one source gives the first sense (and the project's own list does not).
SINGLE_SOURCE_NOTE = "only one dictionary gives this sense"
# Dutch endings of nouns for one who does something (roker, wandelaar).
AGENT_ENDINGS = ("aar", "er")
# English agent nouns rarer than this are made-up words more often than real ones (meeter).
MIN_AGENT_ZIPF = 2.0
# Compound parts this short (pin, pas, bar) have too many senses to pick one without a
# compound_parts.tsv row, and they make false splits: the card then shows the parts only.
SHORT_PART = 3
# The parts of speech of participles and of -baar and -loos words (koortsverlagend, vouwbaar).
DESCRIBING_POS = frozenset({*VERB_POS, "ADJ", "ADV"})
# A separable verb written as one word: its particle and verb are at least this long.
MIN_PARTICLE = 2
MIN_VERB = 4


def gloss_card(
    dictionary: Dictionary, analysed: AnalysedArticle, token_index: int
) -> GlossCard | None:
    """The card for one token: phrase → lemma+POS → lemma → form → inflection → compound.

    Names are not words: a token inside a person, place or organisation name gets no card,
    nor does a capitalised word the article uses as a name; a capitalised common word that
    only starts a sentence or heading is looked up in lower case (Schoolstaking).
    """
    if not 0 <= token_index < len(analysed.tokens):
        return None
    token = analysed.tokens[token_index]
    if not any(char.isalpha() for char in token.text):
        return None
    card = _phrase_card(dictionary, analysed, token)
    if card is not None:
        return card
    upper = capitalised(token.text)
    initial = upper and _sentence_start(analysed, token)
    opening_word = initial and _opening_word(dictionary, analysed, token)
    if token.index in card_names(analysed) or (
            in_name(analysed, token) and not opening_word
            and not _common_abbreviation(dictionary, analysed, token)):
        return None
    lemma = token.lemma.lower() if token.pos == "PROPN" else token.lemma
    pos = UD_TO_DICTIONARY_POS.get(token.pos) if token.pos != "PROPN" else None
    if (described := _descriptive_participle(dictionary, analysed, token)) is not None:
        return _card(token, described, GlossKind.WORD)
    steps: list[Entry | None] = []
    if pos is not None:
        steps.append(dictionary.lookup(lemma, pos))
    forms = [token.text]
    if (plain := unaccented(token.text)) != token.text:
        forms.append(plain)  # emphasis: "wél", "écht"
    for entry in (*steps, dictionary.lookup(lemma), *map(dictionary.lookup_form, forms)):
        if entry is not None:
            if (both := _homograph_card(dictionary, analysed, token, entry)) is not None:
                return both
            return _card(token, _as_used(dictionary, token, entry), GlossKind.WORD)
    # Before the inflection rules, which take reizer for a form of reizen.
    if token.pos == "NOUN" and (agent := _agent_card(dictionary, token)) is not None:
        return agent
    if token.pos == "NOUN" and (action := _action_card(dictionary, token)) is not None:
        return action
    for candidate in candidates(token.text, token.pos):
        if dictionary.knows(candidate):
            entry = dictionary.lookup(candidate, pos) if pos else None
            entry = entry or dictionary.lookup_form(candidate)
            if entry is not None and not _crosses_word_class(pos, entry.pos):
                return _card(token, _as_used(dictionary, token, entry), GlossKind.INFLECTION)
    if adjectival_participle(token) and (verb := _participle_verb(dictionary, token.text)):
        return _card(token, _as_used(dictionary, token, verb), GlossKind.INFLECTION)
    if (prefixed := _prefixed_card(dictionary, token)) is not None:
        return prefixed
    if token.pos in VERB_POS or token.pos == "ADJ":
        card = _particle_verb_card(dictionary, token)
        if card is not None:
            return card
    if token.pos in DESCRIBING_POS and (
            derived := _participle_compound_card(dictionary, token)
            or _suffix_card(dictionary, token)) is not None:
        return derived
    # Prefixed verbs (verluidt, voorgeproduceerd) are not compounds of independent words.
    if token.pos in VERB_POS:
        return _verb_lookalike_card(dictionary, token) or _slip_card(dictionary, token)
    # achttienjarige: 18-year-old; vierentwintig: twenty-four (not "four twenty")
    if (measure := measure_gloss(token.text) or number_gloss(token.text)) is not None:
        return GlossCard(form=token.text, lemma=token.lemma.lower(), pos=token.pos,
                         kind=GlossKind.WORD, senses=(measure,), source="Leeswijzer")
    # Adjectives formed from names are words (Aristoteliaanse); other capitals are names.
    if not upper or initial or token.pos == "ADJ":
        words = [lemma.lower(), token.text.lower(), *candidates(token.text.lower(), token.pos)]
        if (lookalike := _english_lookalike(dictionary, words, token.pos)) is not None:
            return GlossCard(form=token.text, lemma=lookalike[0], pos=token.pos,
                             kind=GlossKind.WORD, senses=(lookalike[1],),
                             source="English look-alike", uncertain=LOOKALIKE_NOTE)
    if token.language != DUTCH:  # a foreign word is never taken apart as Dutch (software)
        return None
    split = dictionary.split(token.text, token.pos) if initial or not upper else None
    if split is None and "-" in token.text.strip("-"):
        split = _hyphen_split(dictionary, token.text, token.pos)
    if (split is not None and token.pos in DESCRIBING_POS
            and split.parts[-1].lemma in SUFFIX_HEADS):
        split = None  # vouwbare is no "fold bar", richtingloze no "direction false"
    card = _compound_card(dictionary, token, split, head_pos(token.pos)) if split else None
    return card or _slip_card(dictionary, token)


def _english_lookalike(dictionary: Dictionary, words: Iterable[str],
                       ud_pos: str) -> tuple[str, str] | None:
    """english_lookalike of the words (duplicates dropped), with the dictionary's English
    parts of speech and English Zipf, worked out once per words and part of speech."""
    unique = tuple(dict.fromkeys(words))
    return dictionary.derived(
        ("english lookalike", ud_pos, *unique),
        lambda: english_lookalike(unique, ud_pos, dictionary.english_pos, english_zipf))


# A verb's form is never a noun's, nor the other way round: "baalde" (balen, to be fed up) is
# no form of the noun "baal" (bale), whose plural "balen" happens to be its infinitive.
_EXCLUSIVE_CLASSES = frozenset({"noun", "verb"})


def _crosses_word_class(token_pos: str | None, entry_pos: str) -> bool:
    """Whether an inflection's entry is of the other one of noun and verb than its token."""
    return (token_pos != entry_pos and token_pos in _EXCLUSIVE_CLASSES
            and entry_pos in _EXCLUSIVE_CLASSES)


# A word no source lists may be a slip of the pen for a frequent word one letter away
# (kanditatuur: kandidatuur, pricipe: principe); shorter words have too many neighbours.
MIN_SLIP_LENGTH = 6
MIN_INTENDED_ZIPF = 3.0
# The word itself must be rare (a real word of its own is more frequent than a slip).
MAX_SLIP_ZIPF = 2.0
_LETTERS = "abcdefghijklmnopqrstuvwxyzéëïö"


def _slip_card(dictionary: Dictionary, token: Token) -> GlossCard | None:
    """The card of the one frequent word (Zipf >= 3) a letter away from a lower-case word no
    source lists (one letter left out, added, changed, or two swapped), with the token's part
    of speech; a guess that says so. None when no word or several are that close."""
    word = token.text.lower()
    pos = UD_TO_DICTIONARY_POS.get(token.pos)
    if (len(word) < MIN_SLIP_LENGTH or not word.isalpha() or token.text != word or pos is None
            or dictionary.frequency(word) > MAX_SLIP_ZIPF):
        return None
    near = {candidate for candidate in _one_letter_away(word)
            if dictionary.knows(candidate) and dictionary.frequency(candidate) >= MIN_INTENDED_ZIPF}
    entries = [(candidate, entry) for candidate in sorted(near)
               if (entry := _slip_entry(dictionary, candidate, pos)) is not None]
    if len(entries) != 1:
        return None
    intended, entry = entries[0]
    card = _card(token, _as_used(dictionary, token, entry), GlossKind.WORD)
    return replace(card, uncertain=f"{SLIP_NOTE} {intended}", single_source=False)


SLIP_NOTE = "guess: no dictionary lists it; read as"


def _slip_entry(dictionary: Dictionary, form: str, pos: str) -> Entry | None:
    """The entry with part of speech `pos` that `form` is, or is a listed form of."""
    entry = dictionary.lookup(form, pos)
    if entry is None:
        entry = next((found for lemma, kind in dictionary.lemmas_of(form) if kind == pos
                      and (found := dictionary.lookup(lemma, pos)) is not None), None)
    if entry is None and (listed := dictionary.lookup_form(form)) is not None:
        entry = listed if listed.pos == pos else None
    return entry if entry is not None and entry.senses else None


def _one_letter_away(word: str) -> set[str]:
    """Every string one deletion, insertion, substitution or swap of neighbours from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + c + b for a, b in splits for c in _LETTERS)
    out.discard(word)
    return out


def _verb_lookalike_card(dictionary: Dictionary, token: Token) -> GlossCard | None:
    """A learned verb no source lists, by its English look-alike (helleniseren → hellenize;
    gehelleniseerd: hellenized); a guess that says so."""
    words = [token.lemma.lower(), *candidates(token.text.lower(), "VERB")]
    found = _english_lookalike(dictionary, [w for w in words if w.endswith("en")], "VERB")
    if found is None:
        return None
    lemma, verb = found
    if "VerbForm=Part" in token.morph:
        sense = participle_sense(verb, dictionary.english_participles)
    else:
        sense = "to " + verb
    return GlossCard(form=token.text, lemma=lemma, pos=token.pos, kind=GlossKind.WORD,
                     senses=(sense,), source="English look-alike", uncertain=LOOKALIKE_NOTE)


def _particle_verb_card(dictionary: Dictionary, token: Token) -> GlossCard | None:
    """A separable verb written as one word that no source lists (vrijkomen, toegestuurd,
    meegesprongen): a particle (Alpino's for that verb, or a common one) before a verb the
    dictionary has; its verb's senses and its two parts, as a guess that says so."""
    word = token.text.lower()
    if not word.isalpha():
        return None
    for cut in range(len(word) - MIN_VERB, MIN_PARTICLE - 1, -1):
        particle, rest = word[:cut], word[cut:]
        base = _verb_entry(dictionary, rest)
        if base is None or (particle not in SEPARABLE_PARTICLES
                            and particle not in dictionary.separable_particles(base.lemma)):
            continue
        base = _as_used(dictionary, token, base)
        return GlossCard(
            form=token.text, lemma=particle + base.lemma, pos=token.pos, kind=GlossKind.WORD,
            senses=with_particle(base.senses, particle), source=base.source,
            parts=(GlossPart(particle, particle, ()),
                   GlossPart(rest, base.lemma, base.senses[:1])),
            uncertain=PARTICLE_NOTE)
    return None


def with_particle(senses: tuple[str, ...], particle: str) -> tuple[str, ...]:
    """A separable verb's senses guessed from its verb's: first the verb's one-word glosses
    with the particle's English adverb (komen, thuis → come home), when the particle has one;
    then the verb's own senses."""
    adverb = PARTICLE_ADVERBS.get(particle)
    first = senses[0] if senses else ""
    items = [item.strip() for item in first.split(",")]
    made = [f"{item} {adverb}" for item in items
            if adverb and item and len(item.removeprefix("to ").split()) == 1][:2]
    return ((", ".join(made),) if made else ()) + senses[:MAX_CARD_SENSES - bool(made)]


def _agent_card(dictionary: Dictionary, token: Token) -> GlossCard | None:
    """One who does what a verb says, when no source lists the noun: roker (roken: smoke) →
    smoker, wandelaar → walker; a guess that says so."""
    word = token.lemma.lower() if token.lemma else token.text.lower()
    if not word.isalpha():
        return None
    for singular in dict.fromkeys([word, word[:-1] if word.endswith("s") else word]):
        for ending in AGENT_ENDINGS:
            stem = singular[: -len(ending)]
            if not singular.endswith(ending) or len(stem) < 3:
                continue
            verb = dictionary.lookup(stem + "en", "verb")
            if verb is None:
                continue
            noun = agent_noun_of(verb.senses[:2], lambda w: "noun" in dictionary.english_pos(w)
                                 and english_zipf(w) >= MIN_AGENT_ZIPF)
            if noun is not None:
                return _guessed_from_verb(token, singular, verb, noun, AGENT_NOTE)
    return None


def _guessed_from_verb(token: Token, lemma: str, verb: Entry, sense: str,
                       note: str) -> GlossCard:
    """A noun's card guessed from the verb it is made from (roker: smoker, verfilming:
    filming): the guessed sense, the verb as its one part, and the note that says so."""
    return GlossCard(form=token.text, lemma=lemma, pos=token.pos, kind=GlossKind.WORD,
                     senses=(sense,), source=verb.source,
                     parts=(GlossPart(lemma, verb.lemma, verb.senses[:1]),), uncertain=note)


def _prefixed_card(dictionary: Dictionary, token: Token) -> GlossCard | None:
    """A word no source lists made of a prefix and a word that one does: on- + an adjective
    (onopgemerkt: unnoticed, onorthodox: unorthodox; else "not ..."), her- + a word
    (herkristallisatie: recrystallisation); a guess that says so."""
    negation = adjectival_participle(token) or token.pos in ("ADJ", "ADV")
    for (prefix, english, fallback, min_length), note, poses in (
            (NEGATION, NEGATION_NOTE, ("adj", "verb", "adv") if negation else ()),
            (REPEAT, REPEAT_NOTE, ("noun", "verb", "adj"))):
        for word in dict.fromkeys([token.lemma.lower(), token.text.lower()]):
            rest = word[len(prefix):]
            if not word.startswith(prefix) or not rest.isalpha() or len(rest) < MIN_PREFIXED:
                continue
            entry = next((found for pos in poses if (found := _prefixed_entry(
                dictionary, rest, pos)) is not None), None)
            if entry is None:
                continue
            # "not ..." only before an adjective: before a verb's senses it reads wrongly.
            phrase = fallback if entry.pos in ("adj", "adv") else ""
            entry = _as_used(dictionary, token, entry)
            sense = prefixed_sense(entry.senses[0], english, phrase, min_length)
            if sense:
                return GlossCard(form=token.text, lemma=word,
                                 pos=token.pos, kind=GlossKind.WORD, senses=(sense,),
                                 source=entry.source,
                                 parts=(GlossPart(prefix, prefix, ()),
                                        GlossPart(rest, entry.lemma, entry.senses[:1])),
                                 uncertain=note)
    return None


def _prefixed_entry(dictionary: Dictionary, word: str, pos: str) -> Entry | None:
    """The entry of `word` (as written or a listed form) with part of speech `pos`."""
    entry = dictionary.lookup(word, pos)
    if entry is None:
        entry = next((found for lemma, kind in dictionary.lemmas_of(word) if kind == pos
                      and (found := dictionary.lookup(lemma, pos)) is not None), None)
    return entry if entry is not None and entry.senses else None


def prefixed_sense(sense: str, english: tuple[str, ...], fallback: str,
                   min_length: int = 1) -> str:
    """The English items of a sense with the prefix that means the same (noticed →
    unnoticed), each only when English has that word and the item is at least `min_length`
    long; else the first with the fallback phrase in front (not noticed), or nothing."""
    items = [first_item(item) for item in sense.split(",")]
    made = [next((prefix + item for prefix in english
                  if english_zipf(prefix + item) >= MIN_PREFIXED_ZIPF), "")
            for item in items if item and " " not in item and len(item) >= min_length]
    made = list(dict.fromkeys(item for item in made if item))
    if not made and fallback and items[0]:
        made = [fallback + items[0]]
    return ", ".join(made[:MAX_ITEMS_PREFIXED])


def _action_card(dictionary: Dictionary, token: Token) -> GlossCard | None:
    """The doing of what a verb says, when no source lists the noun: verfilming (verfilmen:
    film) → filming, inmenging → interfering; a guess that says so."""
    word = (token.lemma or token.text).lower()
    for singular in dict.fromkeys([word, word[:-2] if word.endswith("ingen") else word]):
        stem = singular[: -len(ACTION_ENDING)]
        if (not singular.isalpha() or not singular.endswith(ACTION_ENDING)
                or len(stem) < MIN_ACTION_STEM):
            continue
        verb = dictionary.lookup(stem + "en", "verb")
        if verb is None or not verb.senses:
            continue
        sense = gerund_of(verb.senses[0], lambda w: english_zipf(w) >= MIN_AGENT_ZIPF)
        if sense is not None:
            return _guessed_from_verb(token, singular, verb, sense, ACTION_NOTE)
    return None


def _verb_entry(dictionary: Dictionary, form: str) -> Entry | None:
    """The verb entry `form` is the infinitive or a form of (gesprongen → springen)."""
    lemmas = [form, *(lemma for lemma, pos in dictionary.lemmas_of(form) if pos == "verb"),
              *candidates(form, "VERB")]
    for lemma in dict.fromkeys(lemmas):
        if len(lemma) >= MIN_VERB and (entry := dictionary.lookup(lemma, "verb")) is not None:
            return entry
    return None


def adjectival_participle(token: Token) -> bool:
    """A participle used as an adjective: tagged ADJ, or a participle with the adjective's -e
    ("de omheinde tuin"; a verb's own participle never ends in -e)."""
    return token.pos == "ADJ" or (
        "VerbForm=Part" in token.morph and token.text.lower().endswith("e"))


def present_participle(word: str, infinitive: str) -> bool:
    """Whether `word` is the present participle of the verb `infinitive`, as written before a
    noun or after 'iets' too (teleurstellend, -e, -s of teleurstellen; gaande of gaan)."""
    word, infinitive = word.lower(), infinitive.lower()
    return infinitive.endswith("n") and any(
        word == infinitive + "d" + ending for ending in ("", "e", "s"))


HOMOGRAPH_NOTE = "two nouns are written this way: the sentence tells which"
# Before a plural no article is 'het': after these the noun is the one written so.
SINGULAR_NEUTER = frozenset({"het", "dit", "dat"})


def _homograph_card(dictionary: Dictionary, analysed: AnalysedArticle, token: Token,
                    entry: Entry) -> GlossCard | None:
    """A plural that is also a noun of its own (koren: the plural of koor 'choir', and koren
    'grain'; schepen: ships, and an alderman): both senses, the token's lemma's first unless
    the parser calls it singular or 'het' (dit, dat) stands before it and the other is a
    het-word, and a note that says so.
    Not a plural some source lists as a headword for the same word (problemen), an infinitive
    used as a noun (boeren), nor a noun only one source gives."""
    form = token.text.lower()
    if (token.pos != "NOUN" or entry.pos != "noun" or entry.lemma.lower() == form
            or not entry.senses or not _plural_of(form, entry.lemma.lower())):
        return None
    own = dictionary.lookup(form, "noun")
    if (own is None or own.lemma.lower() != form or not own.article or not own.senses
            or own.single_source or dictionary.lookup(form, "verb") is not None
            or _glosses(own) & _glosses(entry)):
        return None
    before = analysed.tokens[token.index - 1].text.lower() if token.index > 0 else ""
    if "Number=Sing" in token.morph or (before in SINGULAR_NEUTER and own.article == "het"):
        first, second = own, f"also the plural of {entry.lemma}: {entry.senses[0]}"
    else:
        first, second = entry, f"also {own.article} {own.lemma}: {own.senses[0]}"
    card = _card(token, first, GlossKind.WORD)
    return replace(card, senses=(first.senses[0], second), uncertain=HOMOGRAPH_NOTE,
                   single_source=False)


def _glosses(entry: Entry) -> set[str]:
    """An entry's glosses as gloss keys, English plurals as their singular too."""
    keys: set[str] = set()
    for sense in entry.senses:
        for item in sense.split(","):
            key = gloss_key(item)
            keys.add(key)
            if key.endswith("ies"):
                keys.add(key[:-3] + "y")
            elif key.endswith("es"):
                keys.update((key[:-2], key[:-1]))
            elif key.endswith("s"):
                keys.add(key[:-1])
    return keys


def _descriptive_participle(dictionary: Dictionary, analysed: AnalysedArticle,
                            token: Token) -> Entry | None:
    """The adjective or adverb a participle is also listed as, when nothing in its sentence
    makes it a verb's (no form of hebben or worden): "zette, omgekeerd, dezelfde ..." is
    'conversely', not 'turned'. An inflected form (-e, before a noun) is the adjective; a bare
    one the adverb first (it stands alone or after zijn: "het is precies omgekeerd")."""
    if token.pos not in VERB_POS or "VerbForm=Part" not in token.morph:
        return None
    if _has_auxiliary(analysed, token):
        return None
    word = token.text.lower()
    kinds = ("adj",) if word.endswith("e") else ("adv", "adj")
    for kind in kinds:
        for form in dict.fromkeys([word, *adjective_bases(word)]):
            entry = dictionary.lookup(form, kind)
            if entry is not None and entry.senses:
                return entry
    return None


# Auxiliaries that make a participle a verb's perfect or passive (zijn also links adjectives).
PERFECT_AUXILIARIES = frozenset({"hebben", "worden"})


def _has_auxiliary(analysed: AnalysedArticle, token: Token) -> bool:
    """Whether the token's sentence has a form of hebben or worden besides the token."""
    return any(other.sentence == token.sentence and other.index != token.index
               and other.pos in VERB_POS and other.lemma.lower() in PERFECT_AUXILIARIES
               for other in _sentence_tokens(analysed, token))


def _sentence_tokens(analysed: AnalysedArticle, token: Token) -> list[Token]:
    """The tokens of the token's sentence (tokens are in text order)."""
    tokens = analysed.tokens
    first = last = token.index
    while first > 0 and tokens[first - 1].sentence == token.sentence:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].sentence == token.sentence:
        last += 1
    return list(tokens[first:last + 1])


def _participle_verb(dictionary: Dictionary, word: str) -> Entry | None:
    """The verb a present participle no source lists belongs to (zingende: zingen,
    gaande: gaan)."""
    word = word.lower()
    for ending in ("nds", "nde", "nd"):
        if word.endswith(ending) and word.isalpha() and len(word) > len(ending) + 2:
            entry = dictionary.lookup(word[: -len(ending)] + "n", "verb")
            if entry is not None and present_participle(word, entry.lemma):
                return entry
    return None


def _as_used(dictionary: Dictionary, token: Token, entry: Entry) -> Entry:
    """A verb's entry for a participle used as an adjective, its senses as English
    participles: past (omheinde: fenced, surrounded) or present (teleurstellende:
    disappointing); any other entry as it is."""
    if entry.pos != "verb" or not adjectival_participle(token):
        return entry
    if present_participle(token.text, entry.lemma):
        senses = tuple(gerund_of(sense, lambda w: english_zipf(w) >= MIN_AGENT_ZIPF) or sense
                       for sense in entry.senses)
        return replace(entry, senses=senses)
    irregular = dictionary.english_participles
    senses = tuple(participle_sense(sense, irregular) for sense in entry.senses)
    return replace(entry, senses=senses)


def in_name(analysed: AnalysedArticle, token: Token) -> bool:
    """Whether the token is part of a person, place or organisation name."""
    if token.entity is None or not 0 <= token.entity < len(analysed.entities):
        return False
    return analysed.entities[token.entity].category in NAME_CATEGORIES


def _opening_word(dictionary: Dictionary, analysed: AnalysedArticle, token: Token) -> bool:
    """Whether a one-word name that opens a sentence is a common word the name recogniser
    took for a name ("Vakwerk.", "Secundair onderwijs ..."): tagged as a common word, and
    known in lower case with that part of speech. (A name the article also writes in
    mid-sentence is name-like and never gets here.)"""
    entity = analysed.entities[token.entity] if token.entity is not None else None
    pos = UD_TO_DICTIONARY_POS.get(token.pos) if token.pos != "PROPN" else None
    if entity is None or pos is None or entity.first_token != entity.last_token:
        return False
    return dictionary.knows_as(token.lemma.lower(), pos)


def _common_abbreviation(dictionary: Dictionary, analysed: AnalysedArticle,
                         token: Token) -> bool:
    """Whether a one-word name in capitals is an abbreviation of a common noun the name
    recogniser took for a name (het NK: national championships): the dictionary glosses it
    in lower case, as a common noun (NAVO is NATO: a name)."""
    entity = analysed.entities[token.entity] if token.entity is not None else None
    if entity is None or entity.first_token != entity.last_token or not token.text.isupper():
        return False
    entry = dictionary.lookup(token.text.lower(), "noun")
    return entry is not None and bool(entry.senses) and entry.senses[0][:1].islower()


# The last analysis's tokens and their name-like ones (found so far): cards come one by one.
_names_cache: list[tuple[tuple[Token, ...], NameLike]] = []
NAMES_STEP = 2_000  # tokens


def card_names(analysed: AnalysedArticle) -> frozenset[int]:
    """The tokens whose cards are left out as names: name_like_tokens of the article's
    tokens, found once per analysis (prepare_names)."""
    for _step in prepare_names(analysed):
        pass
    return _names_cache[0][1].names()


def prepare_names(analysed: AnalysedArticle, step: int | None = None) -> Iterator[None]:
    """Find the article's name-like tokens (the words its cards leave out) `step` tokens at a
    time, for a caller that spreads the work out (the reader, after a streamed part): else the
    first card of an article found them all. A later analysis of the same text that keeps
    the tokens read so far (a streamed part added, the names redrawn) goes on from there."""
    tokens, size = analysed.tokens, step or NAMES_STEP
    while (found := _names_for(tokens)).count < len(tokens):
        found.add((t.text, t.pos, t.sentence)
                  for t in tokens[found.count:found.count + size])
        yield


def _names_for(tokens: tuple[Token, ...]) -> NameLike:
    """The name-like tokens found for `tokens` so far: those of the last analysis when it
    begins with the same words, else none yet."""
    if _names_cache:
        known, found = _names_cache[0]
        if known is tokens:
            return found
        if found.count <= len(tokens) and all(
                a is b or (a.text, a.pos, a.sentence) == (b.text, b.pos, b.sentence)
                for a, b in zip(known[:found.count], tokens, strict=False)):
            _names_cache[:] = [(tokens, found)]
            return found
    found = NameLike()
    _names_cache[:] = [(tokens, found)]
    return found


def _sentence_start(analysed: AnalysedArticle, token: Token) -> bool:
    for index in range(token.index - 1, -1, -1):
        before = analysed.tokens[index]
        if before.sentence != token.sentence:
            return True
        if any(char.isalnum() for char in before.text):
            return False
    return True


def _phrase_card(
    dictionary: Dictionary, analysed: AnalysedArticle, token: Token
) -> GlossCard | None:
    if token.phrase is None or not 0 <= token.phrase < len(analysed.phrases):
        return None
    phrase = analysed.phrases[token.phrase]
    pos = "verb" if phrase.kind is PhraseKind.SEPARABLE_VERB else None
    entry = dictionary.lookup(phrase.lemma, pos) or dictionary.lookup(phrase.lemma)
    parts: tuple[GlossPart, ...] = ()
    if phrase.meaning:
        senses: tuple[str, ...] = idiom_senses(phrase.lemma, phrase.meaning,
                                               _literal_sense(dictionary, token))
        source = "Leeswijzer idioms"
        parts = _phrase_parts(dictionary, analysed, phrase)
    elif entry is not None:
        senses, source = entry.senses[:MAX_CARD_SENSES], entry.source
    elif (split := _separable_split(dictionary, analysed, phrase)) is not None:
        # A joined verb no source lists ("uitvechten"): show its verb's senses and its two
        # parts, which is what a learner would look up next.
        particle, base = split
        senses, source = with_particle(base.senses, particle), base.source
        parts = (GlossPart(particle, particle, ()),
                 GlossPart(base.lemma, base.lemma, base.senses[:1]))
    else:
        return None
    single = entry is not None and not phrase.meaning and entry.single_source
    return GlossCard(
        form=token.text,
        lemma=phrase.lemma,
        pos=token.pos,
        kind=GlossKind.PHRASE,
        senses=senses,
        source=source,
        article=entry.article if entry else None,
        principal_parts=entry.principal_parts if entry else None,
        phrase=phrase.lemma,
        phrase_tokens=phrase.tokens,
        phrase_kind=phrase.kind,
        parts=parts,
        uncertain=SINGLE_SOURCE_NOTE if single else None,
        single_source=single,
    )


def idiom_senses(expression: str, meaning: str, literal: str | None) -> tuple[str, ...]:
    """An idiom's card senses: the word's own sense first when it has one (ineen: together;
    stak … uit: to stick out), then the idiom's meanings (written "a; b" in idioms.tsv), the
    first named by its expression; the meanings alone when the word has none or its sense
    says what they say (op visite gaan: visite 'visit' is 'to visit')."""
    meanings = [part.strip() for part in meaning.split(";") if part.strip()]
    said = {gloss_key(item) for part in meanings for item in part.split(",")}
    if literal is None or not meanings or said & {gloss_key(i) for i in literal.split(",")}:
        return tuple(meanings[:MAX_CARD_SENSES])
    return (literal, f"{expression}: {meanings[0]}", *meanings[1:MAX_CARD_SENSES - 1])


def _literal_sense(dictionary: Dictionary, token: Token) -> str | None:
    """The first sense of an idiom's content word on its own (its lemma, else its form)."""
    if token.pos in FUNCTION_POS or token.pos not in UD_TO_DICTIONARY_POS:
        return None
    pos = UD_TO_DICTIONARY_POS[token.pos] if token.pos != "PROPN" else None
    entry = ((dictionary.lookup(token.lemma, pos) if pos else None)
             or dictionary.lookup_form(token.text))
    return entry.senses[0] if entry is not None and entry.senses else None


def _phrase_parts(
    dictionary: Dictionary, analysed: AnalysedArticle, phrase: Phrase
) -> tuple[GlossPart, ...]:
    """An idiom's words, content words with their first sense ("lucht: air")."""
    words = []
    for index in phrase.tokens:
        member = analysed.tokens[index]
        found = None
        if member.pos not in FUNCTION_POS:
            found = dictionary.lookup(member.lemma) or dictionary.lookup_form(member.text)
        words.append(GlossPart(member.text, member.lemma, found.senses[:1] if found else ()))
    return tuple(words)


def _separable_split(
    dictionary: Dictionary, analysed: AnalysedArticle, phrase: Phrase
) -> tuple[str, Entry] | None:
    """(particle, verb entry) of a separable verb, when the verb is in the dictionary."""
    for index in phrase.tokens:
        particle = analysed.tokens[index].text.lower()
        if phrase.lemma.startswith(particle) and len(phrase.lemma) > len(particle) + 2:
            base = dictionary.lookup(phrase.lemma[len(particle):], "verb")
            return (particle, base) if base is not None else None
    return None


def _compound_card(
    dictionary: Dictionary, token: Token, split: CompoundSplit, pos: str,
    part_senses: PartSenses | None = None,
) -> GlossCard | None:
    """A compound's card: each part with the one sense that fits it in a compound (the head's
    with the compound's part of speech, a modifier's noun or adjective sense used
    attributively; compound_parts.tsv where a part's first dictionary sense does not fit), and
    the parts' senses composed as its gloss, marked as composed (rust + periode → 'rest
    period'). A part no one sense fits leaves the card with its parts only; a first part that
    is a particle or verb stem with no compound sense leaves it its head's sense. None when
    the head is not a content word the dictionary has."""
    table = part_senses if part_senses is not None else default_part_senses()
    head = split.parts[-1]
    head_entry = _head_entry(dictionary, token, head, pos)
    if head_entry is None or not head_entry.senses:
        return None
    parts: list[GlossPart] = []
    modifiers: list[str] = []
    composable = sure = True
    for part in split.parts[:-1]:
        gloss, lemma, state = _modifier_sense(dictionary, part, table)
        sure = sure and state != _UNSURE
        composable = composable and state == _COMPOSABLE
        # English hyphenates an adjective compound too (liberal-conservative, social-liberal).
        hyphened = pos == "adj" and part.link == "-" and gloss.isalpha()
        modifiers.append(gloss + "-" if hyphened else gloss)
        parts.append(GlossPart(part.text, lemma, (gloss,) if gloss else ()))
    # An adjective written as one word seldom reads as English with a space between its parts
    # (goedmoedig good-natured, lichtgewond slightly injured, lijkbleek deathly pale): its parts
    # only, unless each modifier is an English prefix (ultrasnel ultra-fast) or a hyphen's.
    if pos == "adj" and any(part.link != "-" and not gloss.endswith("-")
                            for part, gloss in zip(split.parts[:-1], modifiers, strict=True)):
        sure = False
    own = first_item(head_entry.senses[0])
    listed = table.gloss(head_entry.lemma, "head")
    if listed == UNSURE or (listed is None and len(head_entry.lemma) <= SHORT_PART):
        sure = False
    head_gloss = listed if listed not in (None, UNSURE) else own
    parts.append(GlossPart(head.text, head_entry.lemma,
                           (own if MODIFIER_SLOT in head_gloss else head_gloss,)))
    senses: tuple[str, ...] = ()
    uncertain = None
    if sure and composable:
        senses, uncertain = (compose_gloss(modifiers, head_gloss),), COMPOSED_NOTE
    elif sure:
        senses = (head_gloss if listed not in (None, UNSURE) and MODIFIER_SLOT not in head_gloss
                  else head_entry.senses[0],)
        uncertain = HEAD_NOTE
    prefix = "".join(p.text + p.link for p in split.parts[:-1])
    lemma = prefix + head_entry.lemma.lower()
    return GlossCard(
        form=token.text,
        lemma=lemma,
        pos=token.pos,
        kind=GlossKind.COMPOUND,
        senses=senses,
        source=head_entry.source,
        article=head_entry.article,
        # A compound's plural is its head's (artilleriegranaat: artilleriegranaten).
        plural=prefix + head_entry.plural if head_entry.plural else None,
        parts=tuple(parts),
        uncertain=uncertain,
    )


# How a compound's first part takes part in its gloss.
_COMPOSABLE = "composable"  # a noun or adjective sense: "rest" period
_HEAD_ONLY = "head only"  # a particle, verb stem, name or abbreviation: glossed by the head
_UNSURE = "unsure"  # no one sense fits: the card shows the parts only


def _modifier_sense(dictionary: Dictionary, part: CompoundPart,
                    table: PartSenses) -> tuple[str, str, str]:
    """(gloss, lemma, how it composes) of a compound's first part: as compound_parts.tsv
    lists it (by its written form with its link first: vrouwen-, kinder-), else the noun or
    adjective sense of it, or of its singular when it is a plural (boeren → boer)."""
    written = (part.text + part.link.strip("-")).lower()
    lemma = part.lemma
    singular = _singular(dictionary, part.text.lower(), "noun")
    for key in dict.fromkeys((written, lemma, singular or lemma)):
        listed = table.gloss(key, "modifier")
        if listed == UNSURE:
            return "", key, _UNSURE
        if listed is not None:
            return listed, key, _COMPOSABLE
    if lemma in SEPARABLE_PARTICLES:
        entry = dictionary.lookup(lemma)
        return (first_item(entry.senses[0]) if entry and entry.senses else "", lemma,
                _HEAD_ONLY)
    for option in dict.fromkeys((singular or lemma, lemma)):
        entry = next((found for kind in MODIFIER_POS
                      if (found := dictionary.lookup(option, kind)) is not None), None)
        if entry is not None and entry.senses:
            state = _UNSURE if len(option) <= SHORT_PART else _COMPOSABLE
            return first_item(entry.senses[0]), option, state
    # A verb stem, a name or an abbreviation: the compound is glossed by its head.
    entry = dictionary.lookup(lemma)
    return first_item(entry.senses[0]) if entry and entry.senses else "", lemma, _HEAD_ONLY


def _head_entry(dictionary: Dictionary, token: Token, head: CompoundPart,
                pos: str) -> Entry | None:
    """The head's entry with the compound's part of speech: of its singular when the head is
    a plural (problemen → probleem, not the entry 'problemen' some source lists), preferring
    the one the token's lemma ends with (buurlanden, lemma buurland → land)."""
    piece = head.text.lower()
    options = [lemma for lemma, kind in dictionary.lemmas_of(piece)
               if kind == pos and _plural_of(piece, lemma)]
    options.sort(key=lambda lemma: not token.lemma.lower().endswith(lemma))
    for lemma in (*options, head.lemma):
        if (entry := _typed(dictionary, lemma, pos)) is not None and entry.senses:
            return entry
    return None


def _singular(dictionary: Dictionary, piece: str, pos: str) -> str | None:
    """The lemma `piece` is a plural of ('boeren' → 'boer'), or None."""
    return next((lemma for lemma, kind in dictionary.lemmas_of(piece)
                 if kind == pos and _plural_of(piece, lemma)), None)


def _plural_of(piece: str, lemma: str) -> bool:
    """Whether `piece` can be a plural of `lemma` (huizen of huis, leden of lid), not another
    word listed with it."""
    stem = max(1, len(lemma) - 2)
    return len(piece) > len(lemma) and piece[:stem] == lemma[:stem]


def _hyphen_split(dictionary: Dictionary, word: str, ud_pos: str) -> CompoundSplit | None:
    """FARC-rebellen, Rabo-ploeg: parts at the hyphens, the last one a word the dictionary
    knows (as written or inflected); the others may be names or abbreviations."""
    pieces = [piece for piece in word.split("-") if piece]
    head = pieces[-1]
    if len(pieces) < 2 or not head.isalpha() or head != head.lower():
        return None
    lemma = next(iter(dictionary.head_lemmas(head, ud_pos)), None)
    if lemma is None and ud_pos == "ADJ":
        # liberaal-conservatieve: Alpino's adjective, which the sources list as a noun only
        lemma = next((found for found, kind in dictionary.lemmas_of(head)
                      if kind == "adj" and _typed(dictionary, found, "adj") is not None), None)
    if lemma is None:
        return None
    parts = [CompoundPart(piece, piece.lower(), "-") for piece in pieces[:-1]]
    return CompoundSplit((*parts, CompoundPart(head, lemma)))


# A noun + present participle written as one adjective (koortsverlagend, levensbedreigend):
# English says the same with a hyphen, the noun and the verb's -ing form (fever-lowering,
# life-threatening). The first part must be a noun only (goedlopend, zwaartillend: an adjective
# there is an English adverb, and the sum is often idiomatic) and an English noun in the gloss,
# the verb's first sense one English word, and the verb not a light one whose compounds are
# idioms (richtinggevend guiding, beeldbepalend iconic, not direction-giving, image-defining).
PARTICIPLE_ENDINGS = ("end", "ende", "ends")
MIN_PARTICIPLE_MODIFIER = 3
MIN_PARTICIPLE_VERB = 5
LIGHT_VERBS = frozenset({
    "bepalen", "brengen", "doen", "gaan", "geven", "hebben", "houden", "komen", "liggen",
    "maken", "nemen", "slaan", "staan", "trekken", "vallen", "vormen", "worden", "zetten",
    "zijn", "zitten",
})


def _participle_compound_card(dictionary: Dictionary, token: Token) -> GlossCard | None:
    """The composed card of a noun + present participle adjective, marked as composed; None
    when the longest verb participle at its end leaves no noun before it, or its verb's first
    sense is not one English word with an -ing form."""
    word = token.text.lower()
    if not word.isalpha() or not word.endswith(PARTICIPLE_ENDINGS):
        return None
    for cut in range(MIN_PARTICIPLE_MODIFIER, len(word) - MIN_PARTICIPLE_VERB):
        head = word[cut:]
        infinitive = next((head[:-len(ending) - 1] for ending in ("", "e", "s")
                           if head.endswith("d" + ending)), "")
        if not present_participle(head, infinitive):
            continue
        verb = dictionary.lookup(infinitive, "verb")
        if verb is None or not verb.senses:
            continue
        action = first_item(verb.senses[0])
        ing = next((form for form in gerunds(action) if english_zipf(form) >= MIN_AGENT_ZIPF),
                   None) if action.isalpha() else None
        modifier = _participle_modifier(dictionary, word[:cut], infinitive)
        if ing is None or modifier is None or verb.lemma in LIGHT_VERBS:
            return None  # the longest verb decides: no shorter one is tried
        stem, link, gloss = modifier
        return GlossCard(
            form=token.text, lemma=word, pos=token.pos, kind=GlossKind.COMPOUND,
            senses=(f"{gloss}-{ing}",), source=verb.source,
            parts=(GlossPart(stem + link, stem, (gloss,)),
                   GlossPart(token.text[cut:], verb.lemma, (ing,))),
            uncertain=COMPOSED_NOTE)
    return None


# Adjective suffixes that are words of their own too (baar: bar, loos: false): an adjective
# ending in one is a derivation, never a compound with that head. -baar after a verb stem is
# what can be done to it (vouwbaar: that can be folded), -loos after a noun what lacks it
# (richtingloos: directionless, or "without ..." when English has no -less word).
SUFFIX_HEADS = frozenset({"baar", "loos"})
ABLE_ENDINGS = ("baar", "bare")
LESS_ENDINGS = ("loos", "loze")
SUFFIX_LEMMAS = {"bare": "baar", "loze": "loos"}
MIN_SUFFIX_BASE = 3
SUFFIX_NOTE = "guess: made from its word and its ending"


def _suffix_card(dictionary: Dictionary, token: Token) -> GlossCard | None:
    """A -baar adjective of a verb or a -loos adjective of a noun no source lists, its sense
    made from the verb's or noun's first English word; a guess that says so. None when the
    base is no such word or its first sense no plain English word."""
    word = token.text.lower()
    if not word.isalpha():
        return None
    ending = next((e for e in (*ABLE_ENDINGS, *LESS_ENDINGS) if word.endswith(e)), None)
    base = word[:-len(ending)] if ending else ""
    if ending is None or len(base) < MIN_SUFFIX_BASE:
        return None
    if ending in ABLE_ENDINGS:
        verb = next((found for option in candidates(base, "VERB")
                     if (found := dictionary.lookup(option, "verb")) is not None
                     and found.senses), None)
        action = first_item(verb.senses[0]) if verb is not None else ""
        if verb is None or not action.replace(" ", "").isalpha():
            return None
        sense = f"that can be {past_participle(action, dictionary.english_participles)}"
        part = GlossPart(token.text[:len(base)], verb.lemma, verb.senses[:1])
        source = verb.source
    else:
        noun = next((found for option in dict.fromkeys((base, base.removesuffix("e")))
                     if len(option) >= MIN_SUFFIX_BASE
                     and (found := dictionary.lookup(option, "noun")) is not None
                     and found.senses), None)
        thing = first_item(noun.senses[0]) if noun is not None else ""
        if noun is None or not thing.isalpha() or thing != thing.lower():
            return None
        less = thing + "less"
        sense = less if english_zipf(less) >= MIN_AGENT_ZIPF else f"without {thing}"
        part = GlossPart(token.text[:len(base)], noun.lemma, noun.senses[:1])
        source = noun.source
    return GlossCard(form=token.text, lemma=base + SUFFIX_LEMMAS.get(ending, ending),
                     pos=token.pos, kind=GlossKind.WORD, senses=(sense,), source=source,
                     parts=(part,), uncertain=SUFFIX_NOTE)


def _participle_modifier(dictionary: Dictionary, written: str,
                         infinitive: str) -> tuple[str, str, str] | None:
    """(noun, link, English noun) of a participle compound's first part: the noun as written
    or before a linking -s (levens-: leven), glossed by compound_parts.tsv when that gives an
    English noun (milieu-: environmental is not one; environment), else by its first sense.
    No -s is taken for a link when it may begin the verb instead (pijnstillend: stillen is a
    word, so not pijns + tillend)."""
    for link in ("", "s"):
        stem = written[:len(written) - len(link)]
        if (not written.endswith(link) or len(stem) < MIN_PARTICIPLE_MODIFIER
                or (link and dictionary.frequency(link + infinitive) > 0)):
            continue
        noun = dictionary.lookup(stem, "noun")
        if noun is None or not noun.senses:
            continue
        if dictionary.knows_as(stem, "adj") or dictionary.knows_as(stem, "adv"):
            return None
        listed = default_part_senses().gloss(stem, "modifier")
        gloss = next((option for option in (listed, first_item(noun.senses[0]))
                      if option and option.isalpha() and option == option.lower()
                      and _may_be_noun(dictionary, option)), None)
        return (stem, link, gloss) if gloss is not None else None
    return None


def _may_be_noun(dictionary: Dictionary, english: str) -> bool:
    """Whether WordNet lists the English word as a noun, or does not list it (its table has
    words of five letters or more only)."""
    found = dictionary.english_pos(english)
    return not found or "noun" in found


def _typed(dictionary: Dictionary, lemma: str, pos: str) -> Entry | None:
    """The entry for `lemma` with part of speech `pos`, or one whose sources give none; for
    an adjective Alpino lists that the sources give as a noun only (conservatief), the noun's
    entry when its first English gloss is an English adjective too (conservative)."""
    entry = dictionary.lookup(lemma, pos)
    if entry is None and (untyped := dictionary.lookup(lemma)) is not None:
        if not untyped.pos:
            return untyped
        if (pos == "adj" and untyped.senses and (lemma, "adj") in dictionary.lemmas_of(lemma)
                and "adj" in dictionary.english_pos(first_item(untyped.senses[0]))):
            return untyped
    return entry


_EMPHASIS = str.maketrans("áéíóúàèÁÉÍÓÚ", "aeiouaeAEIOU")


def unaccented(text: str) -> str:
    """The word without the acute and grave accents Dutch writes for emphasis (één stays)."""
    return text if text.lower() == "één" else text.translate(_EMPHASIS)


def first_item(sense: str) -> str:
    """The first of a sense's comma-separated glosses, without a leading 'to '."""
    item = sense.split(",")[0].strip()
    return item[3:] if item.startswith("to ") else item


def _card(token: Token, entry: Entry, kind: GlossKind) -> GlossCard:
    return GlossCard(
        form=token.text,
        lemma=entry.lemma,
        pos=entry.pos or token.pos,
        kind=kind,
        senses=entry.senses[:MAX_CARD_SENSES],
        source=entry.source,
        article=entry.article,
        plural=entry.plural,
        principal_parts=entry.principal_parts,
        uncertain=SINGLE_SOURCE_NOTE if entry.single_source else None,
        single_source=entry.single_source,
    )
