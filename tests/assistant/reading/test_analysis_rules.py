"""Analysis rules on hand-built parse data: entities redrawn from notes (which mentions count,
which NER spans stay, which tokens become words again), re-levelling with phrases, an idiom's
frequency, and `analyse` over a pipeline."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from parse_data import DUTCH_ONLY, Word, analysed, parse, w

from assistant.models import AnalysedArticle, Category, Level, Mention, Note, PipelineInfo
from assistant.reading import analysis
from assistant.reading.analysis import IDIOM_PENALTY, analyse, relevel, with_note_entities
from assistant.reading.idioms import Idiom, IdiomList
from assistant.reading.language import LanguageDetector
from assistant.reading.loading import article_from_text
from assistant.reading.nlp import ParsedText
from assistant.reading.separable import AttestedVerbs

FIN = "VerbForm=Fin"


def mention(result: AnalysedArticle, first: int, last: int) -> Mention:
    tokens = result.tokens
    return Mention(tokens[first].start, tokens[last].end,
                   result.article.text[tokens[first].start:tokens[last].end])


def note(category: Category, *mentions: Mention) -> Note:
    return Note("key", "name", category, mentions)


def entities(result: AnalysedArticle) -> list[tuple[str, str, Category, int, int]]:
    return [(e.text, e.label, e.category, e.first_token, e.last_token) for e in result.entities]


HOEKSTRA = [w("minister", pos="NOUN"), w("Wopke", pos="PROPN"), w("Hoekstra", pos="PROPN"),
            w("(", pos="PUNCT"), w("CDA", pos="PROPN"), w(")", pos="PUNCT"),
            w("sprak", "spreken", "VERB", morph=FIN), w(".", pos="PUNCT"),
            w("Het", pos="PRON"), w("hof", pos="NOUN"), w("oordeelde", "oordelen", "VERB"),
            w("over", pos="ADP"), w("de", pos="DET"), w("oorlog", pos="NOUN"), w(".", pos="PUNCT")]
SECOND_SENTENCE = (0, 8)


def hoekstra(ner: Sequence[tuple[int, int, str]] = ((0, 5, "PER"),)) -> AnalysedArticle:
    # The parser's person runs from "minister" to ")": a mistake the note mentions put right.
    return analysed(HOEKSTRA, list(ner), sentence_starts=SECOND_SENTENCE)


def test_a_mention_must_start_and_end_on_token_boundaries() -> None:
    result = hoekstra(())
    good = mention(result, 1, 2)
    starts_inside = Mention(good.start + 1, good.end, good.text[1:])
    ends_inside = Mention(good.start, good.end - 1, good.text[:-1])
    redrawn = with_note_entities(result, [note(Category.PERSON, starts_inside, ends_inside,
                                               good)])
    assert entities(redrawn) == [("Wopke Hoekstra", "KB", Category.PERSON, 1, 2)]
    only_bad = with_note_entities(result, [note(Category.PERSON, starts_inside, ends_inside)])
    assert only_bad.entities == ()


def test_a_ner_span_a_mention_overlaps_gives_way_and_its_tokens_are_judged_again() -> None:
    result = hoekstra()
    assert [t.is_word for t in result.tokens[:6]] == [False] * 6  # all inside the person
    redrawn = with_note_entities(result, [note(Category.PERSON, mention(result, 1, 2))])
    assert entities(redrawn) == [("Wopke Hoekstra", "KB", Category.PERSON, 1, 2)]
    tokens = redrawn.tokens
    assert [t.entity for t in tokens[:6]] == [None, 0, 0, None, None, None]
    assert tokens[0].is_word is True   # "minister" is a word again
    assert tokens[4].is_word is False  # "CDA" is tagged a name
    assert tokens[3].is_word is False and tokens[5].is_word is False  # brackets
    entity = redrawn.entities[0]
    assert (entity.start, entity.end) == (tokens[1].start, tokens[2].end)


def test_ner_spans_no_mention_touches_stay_even_right_beside_one() -> None:
    result = hoekstra([(0, 0, "MISC"), (1, 2, "PER"), (4, 4, "ORG")])
    redrawn = with_note_entities(result, [note(Category.PERSON, mention(result, 1, 2))])
    assert entities(redrawn) == [
        ("minister", "MISC", Category.OTHER, 0, 0),
        ("Wopke Hoekstra", "PER", Category.PERSON, 1, 2),  # the same span keeps its label
        ("CDA", "ORG", Category.ORGANISATION, 4, 4)]
    assert [e.index for e in redrawn.entities] == [0, 1, 2]
    assert [t.entity for t in redrawn.tokens[:6]] == [0, 1, 1, None, 2, None]


def test_the_note_category_outranks_the_ner_label_except_a_group() -> None:
    words = [w("De", pos="DET"), w("Russische", pos="ADJ"), w("president", pos="NOUN"),
             w("Poetin", pos="PROPN"), w("sprak", "spreken", "VERB", morph=FIN),
             w(".", pos="PUNCT")]
    result = analysed(words, [(1, 1, "MISC"), (3, 3, "LOC")])
    assert [e.category for e in result.entities] == [Category.GROUP, Category.PLACE]
    redrawn = with_note_entities(result, [note(Category.PLACE, mention(result, 1, 1)),
                                          note(Category.PERSON, mention(result, 3, 3))])
    assert entities(redrawn) == [("Russische", "MISC", Category.GROUP, 1, 1),
                                 ("Poetin", "LOC", Category.PERSON, 3, 3)]


@pytest.mark.parametrize(("category", "is_word"), [
    (Category.ORGANISATION, False), (Category.PERSON, False), (Category.PLACE, False),
    (Category.EVENT, True), (Category.OTHER, True), (Category.DATE, True),
])
def test_a_word_a_note_covers_is_a_name_only_in_a_name_category(category: Category,
                                                                 is_word: bool) -> None:
    result = hoekstra(())
    assert result.tokens[9].is_word is True  # "hof", not name-like
    redrawn = with_note_entities(result, [note(category, mention(result, 9, 9))])
    assert redrawn.tokens[9].entity == 0
    assert redrawn.tokens[9].is_word is is_word


def test_a_covered_word_inside_a_phrase_is_judged_with_its_phrase() -> None:
    words = [w("Het", pos="DET"), w("Witte", "wit", "ADJ"), w("Huis", "huis", "NOUN"),
             w("zweeg", "zwijgen", "VERB", morph=FIN), w(".", pos="PUNCT")]
    idioms = IdiomList([Idiom("het Witte Huis", ("wit", "huis"), None, "the White House")])
    result = analysed(words, idioms=idioms)
    assert result.tokens[2].phrase == 0
    redrawn = with_note_entities(result, [note(Category.ORGANISATION, mention(result, 1, 2))])
    assert [t.entity for t in redrawn.tokens] == [None, 0, 0, None, None]
    assert not redrawn.tokens[2].is_word and not redrawn.tokens[2].hard


LUCHT = Idiom("uit de lucht vallen", ("uit", "de", "lucht"), "vallen", "out of the blue",
              Level.B2)
LUCHT_WORDS = [w("Het", pos="PRON", dep="nsubj"), w("viel", "vallen", "VERB", morph=FIN),
               w("uit", pos="ADP"), w("de", pos="DET"), w("lucht", pos="NOUN"),
               w(".", pos="PUNCT")]


def test_relevel_judges_idiom_words_by_the_idiom() -> None:
    at_b2 = analysed(LUCHT_WORDS, idioms=IdiomList([LUCHT]), level=Level.B2)
    assert not any(t.hard for t in at_b2.tokens)
    at_b1 = relevel(at_b2, Level.B1)
    assert at_b1.level is Level.B1
    assert {t.text for t in at_b1.tokens if t.hard} == {"viel", "lucht"}
    assert relevel(at_b1, Level.B1, frozenset({"uit de lucht vallen"})).tokens[4].hard is False


STORM = Idiom("storm lopen", ("storm",), "lopen", "to flock; to rush")


@pytest.mark.parametrize(("frequencies", "expected"), [
    # The rarest content word, by the commoner of its lemma and its form, less the penalty.
    ({"storm": 6.0, "lopen": 4.0, "liepen": 3.0}, 4.0 - IDIOM_PENALTY),
    ({"storm": 6.0, "lopen": 3.0, "liepen": 4.0}, 4.0 - IDIOM_PENALTY),
    ({"storm": 2.0, "lopen": 5.0, "liepen": 5.0}, 2.0 - IDIOM_PENALTY),
])
def test_an_idiom_without_a_level_is_judged_by_its_rarest_content_word(
        monkeypatch: pytest.MonkeyPatch, frequencies: dict[str, float], expected: float) -> None:
    monkeypatch.setattr(analysis, "zipf", lambda word: frequencies.get(word, 7.0))
    words = [w("Ze", pos="PRON"), w("liepen", "lopen", "VERB", morph=FIN),
             w("storm", pos="NOUN"), w(".", pos="PUNCT")]
    result = analysed(words, idioms=IdiomList([STORM]))
    assert [(p.lemma, p.zipf) for p in result.phrases] == [("storm lopen", expected)]


def test_an_idiom_of_function_words_only_has_no_frequency_of_its_own() -> None:
    eraan = Idiom("eraan zijn", ("er", "aan"), "zijn", "to be done for")
    words = [w("Hij", pos="PRON"), w("is", "zijn", "AUX", morph=FIN), w("er", pos="PRON"),
             w("aan", pos="ADP"), w(".", pos="PUNCT")]
    result = analysed(words, idioms=IdiomList([eraan]))
    assert [(p.lemma, p.tokens, p.zipf) for p in result.phrases] == [
        ("eraan zijn", (1, 2, 3), None)]


class HandBuiltPipeline:
    """A pipeline that returns the same hand-built parse for any text."""

    def __init__(self, words: list[Word]) -> None:
        self.info = PipelineInfo("hand-built", "1")
        self.parsed = parse(words)
        self.texts: list[str] = []
        self.spans: list[tuple[int, int]] = []

    def parse(self, text: str, spans: Sequence[tuple[int, int]]) -> ParsedText:
        self.texts.append(text)
        self.spans.extend(spans)
        return self.parsed


def test_analyse_runs_the_pipeline_over_the_articles_blocks() -> None:
    words = [w("De", pos="DET"), w("stroom", pos="NOUN", dep="nsubj"),
             w("viel", "vallen", "VERB", morph=FIN), w("uit", pos="ADP", dep="compound:prt",
                                                       head=2), w(".", pos="PUNCT")]
    article = article_from_text("De stroom viel uit .")
    pipeline = HandBuiltPipeline(words)
    idioms = IdiomList([Idiom("de stroom", ("de", "stroom"), None, "the power")])
    result = analyse(article, Level.A1, frozenset({"stroom"}), pipeline,  # type: ignore[arg-type]
                     idioms, AttestedVerbs.of([("uit", "vallen")]), None, DUTCH_ONLY)
    assert pipeline.texts == [article.text]
    assert pipeline.spans == [(b.start, b.end) for b in article.blocks] != []
    assert result.model == PipelineInfo("hand-built", "1")
    assert result.level is Level.A1 and result.article is article
    assert [(p.lemma, p.tokens) for p in result.phrases] == [
        ("de stroom", (0, 1)), ("uitvallen", (2, 3))]
    assert result.tokens[1].hard is False  # known
    unjoined = analyse(article, Level.A1, frozenset(), pipeline,  # type: ignore[arg-type]
                       IdiomList(()), AttestedVerbs(), None, DUTCH_ONLY)
    assert unjoined.phrases == ()  # the separable lexicon given, not the dictionary's


class AllGerman:
    def classify(self, text: str) -> tuple[str, float]:
        return ("de", 1.0)


def test_analyse_asks_the_language_detector_it_is_given() -> None:
    words = [w("Die", pos="DET"), w("stroom", pos="NOUN"), w("viel", "vallen", "VERB",
                                                             morph=FIN), w(".", pos="PUNCT")]
    article = article_from_text("Die stroom viel .")
    result = analyse(article, Level.B1, frozenset(), HandBuiltPipeline(words),  # type: ignore[arg-type]
                     IdiomList(()), AttestedVerbs(), None, LanguageDetector(AllGerman()))
    assert result.language == "de"
    assert not any(t.is_word for t in result.tokens)
