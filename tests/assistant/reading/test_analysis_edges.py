"""Analysis rules at the edges mutation testing found open: lemmas chosen with a dictionary (and
`analyse` and `joined_verbs` passing it on), and numbers and web addresses that a redrawn
entity leaves are still no words."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from parse_data import DUTCH_ONLY, Word, parse, w

from assistant.models import Category, Level, Mention, Note, PipelineInfo
from assistant.reading.analysis import analyse, build_analysis, joined_verbs, with_note_entities
from assistant.reading.idioms import IdiomList
from assistant.reading.loading import article_from_text
from assistant.reading.nlp import ParsedText
from assistant.reading.separable import AttestedVerbs

FIN = "VerbForm=Fin"


@dataclasses.dataclass(frozen=True)
class KnownLemmas:
    """A dictionary's answers for lemma choice: the lemmas Alpino lists per form, and the
    (lemma, part of speech) pairs it has entries for."""

    forms: dict[str, tuple[tuple[str, str], ...]]
    known: frozenset[tuple[str, str]]

    def knows_as(self, lemma: str, pos: str | None = None) -> bool:
        return any(known == lemma and (pos is None or pos == p) for known, p in self.known)

    def lemmas_of(self, form: str) -> tuple[tuple[str, str], ...]:
        return self.forms.get(form, ())


# An imaginary verb whose past the pipeline leaves as its lemma; only the dictionary says that
# "vlorpte" is a form of "vlorpen".
VLORPEN = KnownLemmas({"vlorpte": (("vlorpen", "verb"),)}, frozenset({("vlorpen", "verb")}))
UITVLORPEN = AttestedVerbs.of([("uit", "vlorpen")])
WORDS = [w("Hij", pos="PRON", dep="nsubj"), w("vlorpte", "vlorpte", "VERB", morph=FIN),
         w("het", pos="PRON"), w("uit", pos="ADP", dep="compound:prt", head=1),
         w(".", pos="PUNCT")]


class HandBuiltPipeline:
    """A pipeline that returns the same hand-built parse for any text."""

    info = PipelineInfo("hand-built", "1")

    def __init__(self, words: list[Word]) -> None:
        self.parsed = parse(words)

    def parse(self, text: str, spans: Sequence[tuple[int, int]]) -> ParsedText:
        return self.parsed


def test_analyse_chooses_lemmas_with_the_dictionary_it_is_given() -> None:
    article = article_from_text("Hij vlorpte het uit .")
    pipeline = HandBuiltPipeline(WORDS)
    with_lexicon = analyse(article, Level.B1, frozenset(), pipeline,  # type: ignore[arg-type]
                           IdiomList(()), UITVLORPEN, VLORPEN, DUTCH_ONLY)
    assert [(p.lemma, p.tokens) for p in with_lexicon.phrases] == [("uitvlorpen", (1, 3))]
    assert with_lexicon.tokens[1].lemma == "uitvlorpen"
    without = analyse(article, Level.B1, frozenset(), pipeline,  # type: ignore[arg-type]
                      IdiomList(()), UITVLORPEN, None, DUTCH_ONLY)
    assert without.phrases == () and without.tokens[1].lemma == "vlorpte"


def test_joined_verbs_chooses_lemmas_with_the_dictionary_unless_given_them() -> None:
    parsed = parse(WORDS)
    found = joined_verbs(parsed, UITVLORPEN, VLORPEN)
    assert [(j.verb, j.particle, j.infinitive) for j in found] == [(1, 3, "uitvlorpen")]
    assert joined_verbs(parsed, UITVLORPEN) == []
    given = [t.lemma for t in parsed.tokens]  # the caller's lemmas win over the dictionary
    assert joined_verbs(parsed, UITVLORPEN, VLORPEN, given) == []


def test_a_number_word_and_a_web_address_a_redrawn_name_leaves_are_no_words() -> None:
    # The pipeline's person runs over "nos.nl Wopke Hoekstra miljoen"; the note's mention is
    # "Wopke Hoekstra" only. The pipeline calls "nos.nl" like a URL and "miljoen" like a
    # number although neither has a digit or "://".
    words = [w("nos.nl", pos="NOUN"), w("Wopke", pos="PROPN"), w("Hoekstra", pos="PROPN"),
             w("miljoen", pos="NOUN"), w("minister", pos="NOUN"),
             w("zei", "zeggen", "VERB", morph=FIN), w(".", pos="PUNCT")]
    parsed = parse(words, [(0, 4, "PER")])
    tokens = list(parsed.tokens)
    tokens[0] = dataclasses.replace(tokens[0], like_url=True)
    tokens[3] = dataclasses.replace(tokens[3], like_num=True)
    parsed = ParsedText(tuple(tokens), parsed.sentences, parsed.entities)
    article = article_from_text(" ".join(word.text for word in words))
    result = build_analysis(article, parsed, PipelineInfo("hand-built", "0"), Level.B1,
                            frozenset(), IdiomList(()), AttestedVerbs(), None, DUTCH_ONLY)
    hoekstra = result.tokens
    mention = Mention(hoekstra[1].start, hoekstra[2].end, "Wopke Hoekstra")
    redrawn = with_note_entities(result, [Note("key", "name", Category.PERSON, (mention,))])
    assert [t.entity for t in redrawn.tokens[:5]] == [None, 0, 0, None, None]
    assert [t.is_word for t in redrawn.tokens[:5]] == [False, False, False, False, True]
    assert (redrawn.tokens[0].like_url, redrawn.tokens[3].like_num) == (True, True)
