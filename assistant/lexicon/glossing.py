"""Token → GlossCard: the lookup chain from phrase to compound, over the dictionary store."""

from __future__ import annotations

from assistant.lexicon.compounds import CompoundSplit
from assistant.lexicon.inflection import candidates
from assistant.lexicon.store import Dictionary, Entry
from assistant.lexicon.wordclasses import FUNCTION_POS, UD_TO_DICTIONARY_POS, VERB_POS
from assistant.models import (
    AnalysedArticle,
    GlossCard,
    GlossKind,
    GlossPart,
    Phrase,
    PhraseKind,
    Token,
)

# At most this many senses on a card: the first is the one a teacher would give.
MAX_CARD_SENSES = 3


def gloss_card(
    dictionary: Dictionary, analysed: AnalysedArticle, token_index: int
) -> GlossCard | None:
    """The card for one token: phrase → lemma+POS → lemma → form → inflection → compound."""
    if not 0 <= token_index < len(analysed.tokens):
        return None
    token = analysed.tokens[token_index]
    if not any(char.isalpha() for char in token.text):
        return None
    card = _phrase_card(dictionary, analysed, token)
    if card is not None:
        return card
    pos = UD_TO_DICTIONARY_POS.get(token.pos)
    steps: list[Entry | None] = []
    if pos is not None:
        steps.append(dictionary.lookup(token.lemma, pos))
    for entry in (*steps, dictionary.lookup(token.lemma), dictionary.lookup_form(token.text)):
        if entry is not None:
            return _card(token, entry, GlossKind.WORD)
    for candidate in candidates(token.text, token.pos):
        if dictionary.knows(candidate):
            entry = dictionary.lookup(candidate, pos) if pos else None
            entry = entry or dictionary.lookup_form(candidate)
            if entry is not None:
                return _card(token, entry, GlossKind.INFLECTION)
    # Prefixed verbs (verluidt, voorgeproduceerd) are not compounds of independent words.
    if (
        token.entity is None
        and token.pos != "PROPN" and token.pos not in VERB_POS
        and token.text == token.text.lower()
    ):
        split = dictionary.split(token.text, token.pos)
        if split is not None:
            return _compound_card(dictionary, token, split)
    return None


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
        senses: tuple[str, ...] = (phrase.meaning,)
        source = "Leeswijzer idioms"
        parts = _phrase_parts(dictionary, analysed, phrase)
    elif entry is not None:
        senses, source = entry.senses[:MAX_CARD_SENSES], entry.source
    elif (split := _separable_split(dictionary, analysed, phrase)) is not None:
        # A joined verb no source lists ("uitvechten"): show its verb's senses and its two
        # parts, which is what a learner would look up next.
        particle, base = split
        senses, source = base.senses[:MAX_CARD_SENSES], base.source
        parts = (GlossPart(particle, particle, ()),
                 GlossPart(base.lemma, base.lemma, base.senses[:1]))
    else:
        return None
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
        parts=parts,
    )


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


def _compound_card(dictionary: Dictionary, token: Token, split: CompoundSplit) -> GlossCard | None:
    parts: list[GlossPart] = []
    head_entry: Entry | None = None
    for part in split.parts:
        entry = dictionary.lookup_form(part.lemma)
        parts.append(GlossPart(part.text, part.lemma, entry.senses[:2] if entry else ()))
        head_entry = entry
    if head_entry is None or not head_entry.senses:
        return None
    lemma = "".join(p.text + p.link for p in split.parts[:-1]) + head_entry.lemma.lower()
    return GlossCard(
        form=token.text,
        lemma=lemma,
        pos=token.pos,
        kind=GlossKind.COMPOUND,
        senses=head_entry.senses[:MAX_CARD_SENSES],
        source=head_entry.source,
        article=head_entry.article,
        plural=None,
        parts=tuple(parts),
    )


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
    )
