"""Parse data → AnalysedArticle: entity categories, separable verbs, idioms and difficulty."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from typing import Protocol

from assistant.errors import DataError
from assistant.lexicon.frequency import zipf
from assistant.lexicon.lemmas import Lexicon, choose_lemma, used_as_adjective
from assistant.lexicon.wordclasses import (
    FUNCTION_POS,
    VERB_POS,
    capitalised,
    is_word,
    name_like_tokens,
    sentence_starts,
)
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
from assistant.reading.difficulty import IDIOM_PENALTY, Learner, is_hard, threshold
from assistant.reading.entities import IGNORED_LABELS, NAME_CATEGORIES, label_category
from assistant.reading.idioms import IdiomList, IdiomMatch, load_idioms
from assistant.reading.language import (
    DUTCH,
    QUOTES,
    LanguageDetector,
    article_language,
    get_detector,
    passages,
)
from assistant.reading.nlp import ParsedText, ParsedToken, Pipeline, get_pipeline
from assistant.reading.separable import (
    AttestedVerbs,
    SeparableJoin,
    SeparableLexicon,
    separable_joins,
)


def analyse(
    article: Article,
    level: Level = Level.B1,
    known_lemmas: Learner = frozenset(),
    pipeline: Pipeline | None = None,
    idioms: IdiomList | None = None,
    separable: SeparableLexicon | None = None,
    lexicon: Lexicon | None = None,
    languages: LanguageDetector | None = None,
) -> AnalysedArticle:
    """Run the Dutch pipeline on the article and analyse it for a learner at `level`."""
    pipeline = pipeline or get_pipeline()
    parsed = pipeline.parse(article.text, [(block.start, block.end) for block in article.blocks])
    return build_analysis(article, parsed, pipeline.info, level, known_lemmas, idioms, separable,
                          lexicon, languages)


@lru_cache(maxsize=1)
def default_separable_lexicon() -> SeparableLexicon:
    """The bundled dictionary's separable verbs (none without a dictionary: nothing joins)."""
    from assistant.lexicon.store import Dictionary

    try:
        return Dictionary.open()
    except DataError:
        return AttestedVerbs()


def joined_verbs(
    parsed: ParsedText, separable: SeparableLexicon | None = None,
    lexicon: Lexicon | None = None, lemmas: Sequence[str] | None = None,
) -> list[SeparableJoin]:
    """The separable verbs `build_analysis` joins in this parse data (`lemmas`: the tokens'
    clean_lemma, when the caller has them already)."""
    attested = separable if separable is not None else default_separable_lexicon()
    if lemmas is None:
        lemmas = clean_lemmas(parsed.tokens, lexicon)
    return separable_joins(parsed.tokens, lemmas, attested)


def build_analysis(
    article: Article,
    parsed: ParsedText,
    model: PipelineInfo,
    level: Level,
    known_lemmas: Learner = frozenset(),
    idioms: IdiomList | None = None,
    separable: SeparableLexicon | None = None,
    lexicon: Lexicon | None = None,
    languages: LanguageDetector | None = None,
    lemma_choices: LemmaChoices | None = None,
) -> AnalysedArticle:
    """Pure part of `analyse`: everything after spaCy (testable with hand-made parse data).
    With a `lexicon` (the dictionary) lemmas are the ones it knows (lexicon/lemmas.py);
    `lemma_choices` carries its choices from one part of an article to the next."""
    idioms = idioms if idioms is not None else load_idioms()
    ptokens = parsed.tokens
    entities, entity_of = _entities(parsed, article.text)
    in_name = [entity_of.get(i) is not None for i in range(len(ptokens))]
    language_of, article_lang = _languages(article, ptokens, in_name, languages)
    if article_lang != DUTCH:
        # A Dutch recogniser's names in another language are guesses ("Monday" a person).
        entities, entity_of = (), {}
    token_lemmas = clean_lemmas(ptokens, lexicon, lemma_choices)
    lemmas = list(token_lemmas)
    # Separable verbs are joined first, so that idioms match on the joined verb in main-clause
    # order too ("haalde de schouders op" → de schouders ophalen). Foreign words join nothing.
    joins = [join for join in joined_verbs(parsed, separable, lexicon, token_lemmas)
             if language_of[join.verb] == language_of[join.particle] == DUTCH]
    pairs = [(join.verb, join.particle) for join in joins]
    partner_of: dict[int, int] = {}
    for join in joins:
        lemmas[join.verb] = lemmas[join.particle] = join.infinitive
        partner_of[join.verb], partner_of[join.particle] = join.particle, join.verb

    phrases: list[Phrase] = []
    phrase_of: dict[int, int] = {}
    # A joined verb's parts keep their own lemmas too: an idiom may hold the particle as a
    # fixed word ("de handen ineen slaan": ineen … geslagen is not the verb ineenslaan).
    keys = [tuple(dict.fromkeys((lemma.lower(), t.text.lower(), own.lower())))
            if language == DUTCH else ()
            for lemma, own, t, language in zip(lemmas, token_lemmas, ptokens, language_of,
                                               strict=True)]
    for match in idioms.find(keys, lambda i: ptokens[i].sentence):
        if any(p in partner_of and partner_of[p] not in match.positions
               and lemmas[p].lower() != match.idiom.verb for p in match.positions):
            continue  # its verb is a separable verb's half without the particle
        positions = _with_partners(match.positions, partner_of)
        _add_phrase(phrases, phrase_of, PhraseKind.IDIOM, match.idiom.expression, positions,
                    match.idiom.meaning, _idiom_zipf(match, ptokens, lemmas))
    for verb, particle in pairs:
        if verb not in phrase_of and particle not in phrase_of:
            _add_phrase(phrases, phrase_of, PhraseKind.SEPARABLE_VERB, lemmas[verb],
                        tuple(sorted((verb, particle))), None, zipf(lemmas[verb]))
        elif phrase_of.get(verb) != phrase_of.get(particle):
            # One of them went to an idiom without the other: the join does not stand.
            lemmas[verb], lemmas[particle] = token_lemmas[verb], token_lemmas[particle]

    tokens: list[Token] = []
    name_like = name_like_in_text(ptokens, {b.start for b in article.blocks},
                                  lexicon.knows_as if lexicon is not None else None)
    for index, (ptoken, lemma) in enumerate(zip(ptokens, lemmas, strict=True)):
        entity = entity_of.get(index)
        phrase = phrase_of.get(index)
        joined_verb = phrase is not None and phrases[phrase].kind is PhraseKind.SEPARABLE_VERB
        frequency = zipf(lemma) if joined_verb else max(zipf(lemma), zipf(ptoken.text))
        named = ((entity is not None and entities[entity].category in NAME_CATEGORIES)
                 or index in name_like)
        language = language_of[index]
        token = Token(
            index=index, start=ptoken.start, end=ptoken.end, text=ptoken.text, lemma=lemma,
            pos=ptoken.pos, morph=ptoken.morph, sentence=ptoken.sentence, zipf=frequency,
            is_word=_is_dutch_word(ptoken.text, ptoken.pos, ptoken.like_num, ptoken.like_url,
                                   named, language),
            hard=False, phrase=phrase, entity=entity,
            like_num=ptoken.like_num, like_url=ptoken.like_url, language=language,
        )
        tokens.append(_judged(token, phrases, level, known_lemmas))

    sentences = tuple(
        Sentence(i, s.start, s.end, _sentence_language(ptokens, language_of, s.first, s.last))
        for i, s in enumerate(parsed.sentences))
    return AnalysedArticle(
        article=article, model=model, level=level, tokens=tuple(tokens),
        sentences=sentences, entities=entities, phrases=tuple(phrases), language=article_lang,
    )


def _languages(
    article: Article,
    tokens: Sequence[ParsedToken],
    in_name: Sequence[bool],
    languages: LanguageDetector | None,
) -> tuple[list[str], str]:
    """Each token's language and the article's; an article mostly in another language is
    that language throughout (its short sentences too)."""
    detector = languages if languages is not None else get_detector()
    language_of = detector.token_languages(tokens, in_name, [b.start for b in article.blocks])
    article_lang = article_language(tokens, language_of)
    if article_lang != DUTCH:
        language_of = [article_lang] * len(tokens)
    return language_of, article_lang


def _sentence_language(
    tokens: Sequence[ParsedToken], language_of: Sequence[str], first: int, last: int
) -> str:
    """A sentence's language: that of its words outside quotation marks."""
    outside = [i for unit in passages(tokens[first:last + 1]) for i in unit
               if not _quoted(tokens[first:last + 1], unit)]
    members = [first + i for i in outside] or list(range(first, last + 1))
    return article_language([tokens[i] for i in members], [language_of[i] for i in members])


def _quoted(tokens: Sequence[ParsedToken], unit: Sequence[int]) -> bool:
    return tokens[unit[0]].text in QUOTES and tokens[unit[0]].pos == "PUNCT"


class _Worded(Protocol):
    """A parsed or analysed token: what telling names from words needs."""

    @property
    def text(self) -> str: ...
    @property
    def pos(self) -> str: ...
    @property
    def sentence(self) -> int: ...
    @property
    def start(self) -> int: ...


def name_like_in_text(
    tokens: Sequence[_Worded], block_starts: Collection[int],
    known_word: Callable[[str], bool] | None = None,
) -> frozenset[int]:
    """Tokens used as names although no name entity covers them (name_like_tokens), over the
    sentences the text has: a parser's split inside a paragraph with no punctuation before it
    starts no sentence ("Sytze | Fortuin zei"). Also a capitalised adjective between an article
    and a verb ("De Volder reageerde": a tagger's guess at an unknown name), and a capitalised
    first word right before such a name, when it is tagged a name or the parser split the two,
    and `known_word` does not know it in lower case ("Sytze Fortuin", not "Minister Hoekstra")."""
    sentences: list[int] = []
    split_before: set[int] = set()
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else None
        if previous is not None and previous.sentence != token.sentence:
            if token.start in block_starts or not any(char.isalnum() for char in previous.text):
                sentences.append(sentences[-1] + 1)
                continue
            split_before.add(index)
        sentences.append(sentences[-1] if sentences else 0)
    triples = [(t.text, t.pos, s) for t, s in zip(tokens, sentences, strict=True)]
    names = set(name_like_tokens(triples))
    starts = sentence_starts(triples)
    for index in range(1, len(triples) - 1):
        text, pos, _ = triples[index]
        if pos == "ADJ" and capitalised(text) and not starts[index] \
                and triples[index - 1][1] == "DET" and triples[index + 1][1] in VERB_POS:
            names.add(index)
    for index in range(len(triples) - 1):
        text, pos, _ = triples[index]
        if starts[index] and index + 1 in names and not starts[index + 1] \
                and capitalised(text) and (pos == "PROPN" or index + 1 in split_before) \
                and (known_word is None or not known_word(text.lower())):
            names.add(index)
    return frozenset(names)


@lru_cache(maxsize=100_000)  # once per distinct token: a text repeats its words
def _is_dutch_word(text: str, pos: str, like_num: bool, like_url: bool, in_name: bool,
                   language: str) -> bool:
    """`is_word`, and never for a word of a foreign passage (it is not Dutch to learn)."""
    return language == DUTCH and is_word(text, pos, like_num, like_url, in_name)


def relevel(
    analysed: AnalysedArticle, level: Level, known_lemmas: Learner = frozenset()
) -> AnalysedArticle:
    """The same analysis with `hard` recomputed for another level or known-word set (fast)."""
    tokens = tuple(_judged(t, analysed.phrases, level, known_lemmas) for t in analysed.tokens)
    return dataclasses.replace(analysed, level=level, tokens=tokens)


def _judged(token: Token, phrases: Sequence[Phrase], level: Level, known: Learner) -> Token:
    """The token with `hard` set by `is_hard` (the same object when nothing changes)."""
    phrase = phrases[token.phrase] if token.phrase is not None else None
    hard = is_hard(token, phrase, level, known)
    return token if token.hard == hard else dataclasses.replace(token, hard=hard)


def with_note_entities(
    analysed: AnalysedArticle, notes: Sequence[Note], known_lemmas: Learner = frozenset()
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
    name_like = name_like_in_text(tokens, {b.start for b in analysed.article.blocks})
    for token in tokens:
        entity = entity_of.get(token.index)
        if entity != token.entity:
            in_name = ((entity is not None and entities[entity].category in NAME_CATEGORIES)
                       or token.index in name_like)
            word = _is_dutch_word(token.text, token.pos, token.like_num, token.like_url, in_name,
                                  token.language)
            token = _judged(dataclasses.replace(token, entity=entity, is_word=word),
                            analysed.phrases, analysed.level, known_lemmas)
        new_tokens.append(token)
    return dataclasses.replace(analysed, entities=entities, tokens=tuple(new_tokens))


def clean_lemma(token: ParsedToken, lexicon: Lexicon | None = None) -> str:
    """The token's lemma as the app uses it (lexicon/lemmas.py): lower case except for names."""
    return choose_lemma(token.text, token.pos, token.morph, token.lemma, lexicon,
                        used_as_adjective(token.pos, token.morph, token.dep))


LemmaChoices = dict[tuple[str, str, str, str, bool], str]


def clean_lemmas(
    tokens: Sequence[ParsedToken], lexicon: Lexicon | None = None,
    chosen: LemmaChoices | None = None,
) -> list[str]:
    """`clean_lemma` of each token, chosen once per distinct form and parse (a text repeats its
    words: most tokens are ones seen before); `chosen` keeps the choices for the next call with
    the same lexicon (the next part of an article)."""
    chosen = chosen if chosen is not None else {}
    lemmas: list[str] = []
    for token in tokens:
        adjectival = used_as_adjective(token.pos, token.morph, token.dep)
        key = (token.text, token.pos, token.morph, token.lemma, adjectival)
        lemma = chosen.get(key)
        if lemma is None:
            lemma = chosen[key] = choose_lemma(token.text, token.pos, token.morph, token.lemma,
                                               lexicon, adjectival)
        lemmas.append(lemma)
    return lemmas


def _with_partners(positions: tuple[int, ...], partner_of: dict[int, int]) -> tuple[int, ...]:
    """An idiom's positions with the other half of its separable verbs ("haalde ... op")."""
    extra = {partner_of[p] for p in positions if p in partner_of}
    return tuple(sorted({*positions, *extra}))


def _idiom_zipf(
    match: IdiomMatch, tokens: Sequence[ParsedToken], lemmas: Sequence[str]
) -> float | None:
    """What an idiom's words are judged by: the frequency at which its level's learners know
    words (hard below that level, however easy its words: "uit de lucht vallen" is B2); without
    a level, for idioms with a verb, their rarest content word's frequency less IDIOM_PENALTY;
    None for fixed phrases without either."""
    if match.idiom.level is not None:
        return threshold(match.idiom.level)
    if match.idiom.verb is None:
        return None
    content = [max(zipf(lemmas[i]), zipf(tokens[i].text)) for i in match.positions
               if tokens[i].pos not in FUNCTION_POS]
    return min(content) - IDIOM_PENALTY if content else None


def _entities(parsed: ParsedText, text: str) -> tuple[tuple[Entity, ...], dict[int, int]]:
    entities: list[Entity] = []
    entity_of: dict[int, int] = {}
    for span in parsed.entities:
        if span.label.upper() in IGNORED_LABELS:
            continue
        surface = text[span.start:span.end]
        category = label_category(span.label, surface)
        if not any(char.isalpha() for char in surface) and category is not Category.DATE:
            continue  # "[", "]" or the "1" of "[1]" tagged as a name: no name without a letter
        entity = Entity(
            index=len(entities), start=span.start, end=span.end, text=surface, label=span.label,
            category=category, first_token=span.first, last_token=span.last,
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
