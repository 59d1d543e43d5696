"""Hand-built parse data for rule tests: what a pipeline would return, without a pipeline."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.lexicon.lemmas import Lexicon
from assistant.models import AnalysedArticle, Level, PipelineInfo
from assistant.reading.analysis import build_analysis
from assistant.reading.idioms import IdiomList
from assistant.reading.language import LanguageDetector
from assistant.reading.loading import article_from_text
from assistant.reading.nlp import ParsedSpan, ParsedText, ParsedToken
from assistant.reading.separable import AttestedVerbs, SeparableLexicon

# The separable verbs hand-built analyses know (the real ones come from the dictionary).
SEPARABLE_VERBS = AttestedVerbs.of([
    ("uit", "vallen"), ("aan", "komen"), ("op", "halen"), ("op", "bellen"), ("binnen", "vallen"),
    ("om", "gaan"), ("mee", "gaan"), ("voort", "zetten"), ("aan", "zetten"), ("door", "zetten"),
    ("uit", "voeren"), ("uit", "breken"), ("uit", "zien"), ("op", "staan"), ("weg", "lopen"),
    ("op", "lopen"),
])


class AllDutch:
    """A language classifier that finds Dutch everywhere (rule tests need no model)."""

    def classify(self, text: str) -> tuple[str, float]:
        return ("nl", 1.0)


DUTCH_ONLY = LanguageDetector(AllDutch())


@dataclass(frozen=True)
class Word:
    """One token as a parser would give it; `head` is a word index (None: itself)."""

    text: str
    lemma: str
    pos: str
    dep: str = "dep"
    head: int | None = None
    morph: str = ""


def w(text: str, lemma: str | None = None, pos: str = "X", dep: str = "dep",
      head: int | None = None, morph: str = "") -> Word:
    return Word(text, lemma if lemma is not None else text.lower(), pos, dep, head, morph)


def parse(
    words: Sequence[Word],
    entities: Sequence[tuple[int, int, str]] = (),
    sentence_starts: Sequence[int] = (0,),
) -> ParsedText:
    """Tokens joined by single spaces; entities as (first, last, label); sentences start at
    the given word indices."""
    tokens: list[ParsedToken] = []
    offset = 0
    starts = sorted({0, *sentence_starts})
    for index, word in enumerate(words):
        sentence = sum(1 for s in starts if s <= index) - 1
        head = index if word.head is None else word.head
        tokens.append(ParsedToken(offset, offset + len(word.text), word.text, word.lemma,
                                  word.pos, word.morph, word.dep, head, sentence,
                                  word.text.replace(".", "").replace(",", "").isdigit(),
                                  word.text.startswith(("http://", "https://"))))
        offset += len(word.text) + 1
    sentences = []
    bounds = [*starts, len(words)]
    for first, end in itertools.pairwise(bounds):
        if first < end:
            sentences.append(ParsedSpan(first, end - 1, tokens[first].start, tokens[end - 1].end))
    spans = tuple(ParsedSpan(a, b, tokens[a].start, tokens[b].end, label)
                  for a, b, label in entities)
    return ParsedText(tuple(tokens), tuple(sentences), spans)


def analysed(
    words: Sequence[Word],
    entities: Sequence[tuple[int, int, str]] = (),
    *,
    level: Level = Level.B1,
    known: frozenset[str] = frozenset(),
    idioms: IdiomList | None = None,
    sentence_starts: Sequence[int] = (0,),
    date: str | None = None,
    separable: SeparableLexicon = SEPARABLE_VERBS,
    lexicon: Lexicon | None = None,
    languages: LanguageDetector = DUTCH_ONLY,
) -> AnalysedArticle:
    """build_analysis over hand-built parse data (no idioms unless given; the separable
    verbs of SEPARABLE_VERBS and all Dutch unless given; lemmas chosen with the `lexicon`
    when given)."""
    text = " ".join(word.text for word in words)
    article = article_from_text((f" date {date} " if date else "") + text)
    return build_analysis(article, parse(words, entities, sentence_starts),
                          PipelineInfo("hand-built", "0"), level, known,
                          idioms if idioms is not None else IdiomList(()), separable,
                          lexicon, languages)
