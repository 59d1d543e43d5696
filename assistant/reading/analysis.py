"""Parse data → AnalysedArticle: entity categories, separable verbs, idioms and difficulty."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from assistant.lexicon.verbs import verb_infinitive
from assistant.models import (
    AnalysedArticle,
    Article,
    Category,
    Entity,
    Level,
    Note,
    Phrase,
    PhraseKind,
    PipelineInfo,
    Sentence,
    Token,
)
from assistant.reading.difficulty import threshold, zipf
from assistant.reading.idioms import IdiomList, load_idioms
from assistant.reading.nlp import ParsedText, ParsedToken, Pipeline, get_pipeline

# Both label schemes: OntoNotes (official nl_core_news_*) and CoNLL (stand-in pipeline).
LABEL_CATEGORIES: dict[str, Category] = {
    "PERSON": Category.PERSON,
    "PER": Category.PERSON,
    "ORG": Category.ORGANISATION,
    "GPE": Category.PLACE,
    "LOC": Category.PLACE,
    "FAC": Category.PLACE,
    "NORP": Category.GROUP,
    "EVENT": Category.EVENT,
    "DATE": Category.DATE,
    "TIME": Category.DATE,
    "MISC": Category.OTHER,
    "PRODUCT": Category.OTHER,
    "WORK_OF_ART": Category.OTHER,
    "LAW": Category.OTHER,
    "LANGUAGE": Category.OTHER,
    "MONEY": Category.OTHER,
}
# Numeric labels add nothing for a reader: numbers are never hard and need no note.
IGNORED_LABELS = frozenset({"CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
NAME_CATEGORIES = frozenset({Category.PERSON, Category.PLACE, Category.ORGANISATION})
NOT_WORD_POS = frozenset({"PROPN", "NUM", "PUNCT", "SYM", "X", "SPACE"})
FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "INTJ"})
# A figurative idiom is harder than its words: "uit de lucht vallen" uses only common words.
# Its content words are judged half a Zipf step (about 3.2 times) rarer than the rarest
# of them, which marks such idioms for beginners while near-literal ones ("in oorlog zijn")
# stay unmarked from A2 on.
IDIOM_PENALTY = 0.5

SEPARABLE_PARTICLES = frozenset({
    "aan", "af", "bij", "binnen", "buiten", "door", "in", "mee", "na", "neer", "om", "onder",
    "op", "over", "rond", "samen", "tegen", "terug", "toe", "uit", "vast", "voor", "weg",
    "achter", "langs", "los", "open", "dicht", "thuis", "voort", "teweeg", "tegemoet",
})
# After a particle that ends a clause comes punctuation, a conjunction, a relative pronoun or
# a new prepositional phrase — never the noun phrase a preposition would govern.
_AFTER_PARTICLE_POS = frozenset({"PUNCT", "SCONJ", "CCONJ", "ADP", "ADV"})
_RELATIVE_WORDS = frozenset({"die", "dat", "wat", "waar", "wie", "toen", "omdat", "als"})
# "Hij denkt er niet aan": after er/daar/hier/waar the particle is a stranded preposition.
_R_PRONOUNS = frozenset({"er", "daar", "hier", "waar"})
_MIN_JOINED_ZIPF = 1.5


def label_category(label: str, text: str = "") -> Category:
    """App category for a spaCy NER label of either scheme."""
    category = LABEL_CATEGORIES.get(label.upper(), Category.OTHER)
    if label.upper() == "MISC" and _is_nationality_word(text):
        return Category.GROUP
    return category


def _is_nationality_word(text: str) -> bool:
    # CoNLL's MISC holds nationality adjectives ("Russische", "Noord-Koreaanse") beside
    # events and titles; the adjectives are lower-case words once capitalisation is ignored.
    return " " not in text and text[:1].isupper() and text.endswith(("s", "se", "sch", "sche"))


def analyse(
    article: Article,
    level: Level = Level.B1,
    known_lemmas: frozenset[str] = frozenset(),
    pipeline: Pipeline | None = None,
    idioms: IdiomList | None = None,
) -> AnalysedArticle:
    """Run the Dutch pipeline on the article and analyse it for a learner at `level`."""
    pipeline = pipeline or get_pipeline()
    parsed = pipeline.parse(article.text, [(block.start, block.end) for block in article.blocks])
    return build_analysis(article, parsed, pipeline.info, level, known_lemmas, idioms)


def build_analysis(
    article: Article,
    parsed: ParsedText,
    model: PipelineInfo,
    level: Level,
    known_lemmas: frozenset[str] = frozenset(),
    idioms: IdiomList | None = None,
) -> AnalysedArticle:
    """Pure part of `analyse`: everything after spaCy (testable with hand-made parse data)."""
    idioms = idioms if idioms is not None else load_idioms()
    ptokens = parsed.tokens
    entities, entity_of = _entities(parsed, article.text)
    lemmas = [_clean_lemma(t) for t in ptokens]
    phrases: list[Phrase] = []
    phrase_of: dict[int, int] = {}

    keys = [(lemma.lower(), t.text.lower()) for lemma, t in zip(lemmas, ptokens, strict=True)]
    for match in idioms.find(keys, lambda i: ptokens[i].sentence):
        content = [max(zipf(lemmas[i]), zipf(ptokens[i].text)) for i in match.positions
                   if ptokens[i].pos not in FUNCTION_POS]
        idiom_zipf = (min(content) - IDIOM_PENALTY
                      if match.idiom.verb is not None and content else None)
        _add_phrase(phrases, phrase_of, PhraseKind.IDIOM, match.idiom.expression,
                    match.positions, match.idiom.meaning, idiom_zipf)
    for verb, particle in _separable_pairs(ptokens, lemmas, phrase_of):
        joined = ptokens[particle].text.lower() + lemmas[verb]
        _add_phrase(phrases, phrase_of, PhraseKind.SEPARABLE_VERB, joined,
                    tuple(sorted((verb, particle))), None, zipf(joined))
        lemmas[verb] = lemmas[particle] = joined

    tokens: list[Token] = []
    for index, (ptoken, lemma) in enumerate(zip(ptokens, lemmas, strict=True)):
        entity = entity_of.get(index)
        phrase = phrase_of.get(index)
        joined_verb = phrase is not None and phrases[phrase].kind is PhraseKind.SEPARABLE_VERB
        frequency = zipf(lemma) if joined_verb else max(zipf(lemma), zipf(ptoken.text))
        is_word = _is_word(ptoken, entity is not None and
                           entities[entity].category in NAME_CATEGORIES)
        token = Token(
            index=index, start=ptoken.start, end=ptoken.end, text=ptoken.text, lemma=lemma,
            pos=ptoken.pos, morph=ptoken.morph, sentence=ptoken.sentence, zipf=frequency,
            is_word=is_word, hard=False, phrase=phrase, entity=entity,
        )
        tokens.append(_judged(token, phrases, level, known_lemmas))

    sentences = tuple(Sentence(i, s.start, s.end) for i, s in enumerate(parsed.sentences))
    return AnalysedArticle(
        article=article, model=model, level=level, tokens=tuple(tokens),
        sentences=sentences, entities=entities, phrases=tuple(phrases),
    )


def relevel(
    analysed: AnalysedArticle, level: Level, known_lemmas: frozenset[str] = frozenset()
) -> AnalysedArticle:
    """The same analysis with `hard` recomputed for another level or known-word set (fast)."""
    tokens = tuple(_judged(t, analysed.phrases, level, known_lemmas) for t in analysed.tokens)
    return dataclasses.replace(analysed, level=level, tokens=tokens)


def _judged(token: Token, phrases: Sequence[Phrase], level: Level, known: frozenset[str]) -> Token:
    """The token with `hard` set by `is_hard` (the same object when nothing changes)."""
    phrase = phrases[token.phrase] if token.phrase is not None else None
    hard = is_hard(token, phrase, level, known)
    return token if token.hard == hard else dataclasses.replace(token, hard=hard)


def with_note_entities(
    analysed: AnalysedArticle, notes: Sequence[Note], known_lemmas: frozenset[str] = frozenset()
) -> AnalysedArticle:
    """Entities redrawn from the notes' mentions: what the knowledge base knows about a
    subject outranks the pipeline's label, and merged or missed names are fixed. NER spans no
    note covers (dates, unknown names) are kept."""
    tokens = analysed.tokens
    starts = {t.start: t.index for t in tokens}
    ends = {t.end: t.index for t in tokens}
    ner_at = {(e.start, e.end): e for e in analysed.entities}
    spans: list[tuple[int, int, str, Category]] = []
    for note in notes:
        for mention in note.mentions:
            if mention.start not in starts or mention.end not in ends:
                continue
            same_span = ner_at.get((mention.start, mention.end))
            category = note.category
            if same_span is not None and same_span.category is Category.GROUP:
                category = Category.GROUP  # "Russische" stays an adjective of nationality
            spans.append((starts[mention.start], ends[mention.end],
                          same_span.label if same_span is not None else "KB", category))
    covered = {i for first, last, _, _ in spans for i in range(first, last + 1)}
    for ner in analysed.entities:
        if covered.isdisjoint(range(ner.first_token, ner.last_token + 1)):
            spans.append((ner.first_token, ner.last_token, ner.label, ner.category))
    spans.sort()
    text = analysed.article.text
    entities = tuple(
        Entity(index, tokens[first].start, tokens[last].end,
               text[tokens[first].start:tokens[last].end], label, category, first, last)
        for index, (first, last, label, category) in enumerate(spans)
    )
    entity_of = {i: e.index for e in entities for i in range(e.first_token, e.last_token + 1)}
    new_tokens: list[Token] = []
    for token in tokens:
        entity = entity_of.get(token.index)
        in_name = entity is not None and entities[entity].category in NAME_CATEGORIES
        if entity != token.entity:
            looks_like_url = "://" in token.text or token.text.startswith("www.")
            is_word = _is_word_text(token.text, token.pos, token.pos == "NUM", looks_like_url,
                                    in_name)
            token = _judged(dataclasses.replace(token, entity=entity, is_word=is_word),
                            analysed.phrases, analysed.level, known_lemmas)
        new_tokens.append(token)
    return dataclasses.replace(analysed, entities=entities, tokens=tuple(new_tokens))


def is_hard(token: Token, phrase: Phrase | None, level: Level, known: frozenset[str]) -> bool:
    """The one difficulty rule: a word, not known, rarer than the level's threshold."""
    if not token.is_word or token.lemma.lower() in known or token.text.lower() in known:
        return False
    frequency = token.zipf
    if phrase is not None and phrase.kind is PhraseKind.IDIOM:
        if phrase.lemma.lower() in known or token.pos in FUNCTION_POS:
            return False
        if phrase.zipf is not None:
            frequency = min(frequency, phrase.zipf)
    return frequency < threshold(level)


def _clean_lemma(token: ParsedToken) -> str:
    lemma = token.lemma.strip() or token.text
    # Pipelines keep proper nouns capitalised and lower-case the rest; keep that, but never
    # let a lemmatiser capitalise an ordinary word because it began a sentence.
    if token.pos == "PROPN":
        return lemma
    if token.pos in ("VERB", "AUX") and not token.morph.startswith("VerbForm=Part"):
        return verb_infinitive(token.text, lemma, token.morph)
    return lemma.lower()


def _is_word(token: ParsedToken, in_name: bool) -> bool:
    return _is_word_text(token.text, token.pos, token.like_num, token.like_url, in_name)


def _is_word_text(text: str, pos: str, like_num: bool, like_url: bool, in_name: bool) -> bool:
    if in_name or pos in NOT_WORD_POS or like_num or like_url:
        return False
    return any(ch.isalpha() for ch in text)


def _entities(parsed: ParsedText, text: str) -> tuple[tuple[Entity, ...], dict[int, int]]:
    entities: list[Entity] = []
    entity_of: dict[int, int] = {}
    for span in parsed.entities:
        if span.label.upper() in IGNORED_LABELS:
            continue
        surface = text[span.start:span.end]
        entity = Entity(
            index=len(entities), start=span.start, end=span.end, text=surface, label=span.label,
            category=label_category(span.label, surface), first_token=span.first,
            last_token=span.last,
        )
        for position in range(span.first, span.last + 1):
            entity_of[position] = entity.index
        entities.append(entity)
    return tuple(entities), entity_of


def _add_phrase(
    phrases: list[Phrase],
    phrase_of: dict[int, int],
    kind: PhraseKind,
    lemma: str,
    positions: tuple[int, ...],
    meaning: str | None,
    frequency: float | None,
) -> None:
    phrase = Phrase(len(phrases), kind, lemma, positions, meaning, frequency)
    phrases.append(phrase)
    for position in positions:
        phrase_of[position] = phrase.index


def _separable_pairs(
    tokens: Sequence[ParsedToken], lemmas: Sequence[str], phrase_of: dict[int, int]
) -> list[tuple[int, int]]:
    """(verb, particle) pairs: the parser's compound:prt, then two safe rules it may miss."""
    pairs: dict[int, int] = {}
    used: set[int] = set(phrase_of)

    def accept(verb: int, particle: int) -> None:
        if verb in used or particle in used or verb in pairs:
            return
        if lemmas[verb].startswith(tokens[particle].text.lower()):
            return  # the lemmatiser already joined it ("aangedreven" → "aandrijven")
        pairs[verb] = particle
        used.update((verb, particle))

    for index, token in enumerate(tokens):
        head = tokens[token.head]
        if (
            token.dep == "compound:prt" and head.pos in ("VERB", "AUX") and token.head != index
            and (token.text.lower() in SEPARABLE_PARTICLES
                 or zipf(token.text.lower() + lemmas[token.head]) >= _MIN_JOINED_ZIPF)
        ):
            accept(token.head, index)
    for index, token in enumerate(tokens[:-2]):
        # "... uit te voeren": particle, te, infinitive
        verb = tokens[index + 2]
        if (
            token.text.lower() in SEPARABLE_PARTICLES
            and tokens[index + 1].text.lower() == "te"
            and verb.pos == "VERB"
            and zipf(token.text.lower() + lemmas[index + 2]) >= _MIN_JOINED_ZIPF
        ):
            accept(index + 2, index)
    for index, token in enumerate(tokens):
        if token.pos != "VERB" or index in used or "VerbForm=Fin" not in token.morph:
            continue
        particle = _clause_final_particle(tokens, index)
        if particle is not None and (
            zipf(tokens[particle].text.lower() + lemmas[index]) >= _MIN_JOINED_ZIPF
        ):
            accept(index, particle)
    return sorted(pairs.items())


def _clause_final_particle(tokens: Sequence[ParsedToken], verb: int) -> int | None:
    """A particle later in the verb's sentence that ends its clause (main-clause order)."""
    sentence = tokens[verb].sentence
    for position in range(verb + 1, len(tokens)):
        token = tokens[position]
        if token.sentence != sentence or (token.pos in ("VERB", "AUX") and position > verb + 1):
            return None
        if token.text.lower() in _R_PRONOUNS:
            return None
        if token.text.lower() not in SEPARABLE_PARTICLES or token.dep == "compound:prt":
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is None or following.sentence != sentence or (
            following.pos in _AFTER_PARTICLE_POS or following.text.lower() in _RELATIVE_WORDS
        ):
            return position
    return None
