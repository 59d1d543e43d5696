"""Analysis: label mapping, difficulty and levels, separable verbs, idioms, the sample article."""

from __future__ import annotations

import pytest

from assistant.lexicon.store import Dictionary
from assistant.models import AnalysedArticle, Category, Level, PhraseKind, PipelineInfo
from assistant.reading.analysis import analyse, build_analysis, relevel
from assistant.reading.entities import label_category
from assistant.reading.idioms import Idiom, IdiomList
from assistant.reading.loading import article_from_text
from assistant.reading.nlp import ParsedSpan, ParsedText, ParsedToken


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("PERSON", Category.PERSON), ("PER", Category.PERSON), ("ORG", Category.ORGANISATION),
        ("GPE", Category.PLACE), ("LOC", Category.PLACE), ("FAC", Category.PLACE),
        ("NORP", Category.GROUP), ("EVENT", Category.EVENT), ("DATE", Category.DATE),
        ("TIME", Category.DATE), ("MISC", Category.OTHER), ("WORK_OF_ART", Category.OTHER),
        ("SOMETHING_NEW", Category.OTHER),
    ],
)
def test_both_label_schemes_map_to_app_categories(label: str, category: Category) -> None:
    assert label_category(label, "Eastern Economic Forum") is category


def test_misc_nationality_adjectives_are_groups() -> None:
    assert label_category("MISC", "Russische") is Category.GROUP
    assert label_category("MISC", "Noord-Koreaanse") is Category.GROUP
    assert label_category("MISC", "Eastern Economic Forum") is Category.OTHER


def _parsed(words: list[tuple[str, str, str]], ents: list[tuple[int, int, str]]) -> ParsedText:
    tokens, offset = [], 0
    for text, lemma, pos in words:
        tokens.append(ParsedToken(offset, offset + len(text), text, lemma, pos, "", "dep", 0, 0,
                                  text.isdigit(), text.startswith("http")))
        offset += len(text) + 1
    spans = tuple(ParsedSpan(a, b, tokens[a].start, tokens[b].end, label) for a, b, label in ents)
    sentence = ParsedSpan(0, len(tokens) - 1, 0, tokens[-1].end)
    return ParsedText(tuple(tokens), (sentence,), spans)


def _build(words: list[tuple[str, str, str]], ents: list[tuple[int, int, str]],
           level: Level = Level.B1, known: frozenset[str] = frozenset()) -> AnalysedArticle:
    parsed = _parsed(words, ents)
    text = " ".join(w[0] for w in words)
    article = article_from_text(text)
    return build_analysis(article, parsed, PipelineInfo("test", "0"), level, known, IdiomList(()))


WORDS = [
    ("Poetin", "Poetin", "PROPN"), ("voert", "voeren", "VERB"), ("een", "een", "DET"),
    ("vernietigingsoorlog", "vernietigingsoorlog", "NOUN"), ("met", "met", "ADP"),
    ("3000", "3000", "NUM"), ("zeldzame", "zeldzaam", "ADJ"), ("Wagner", "Wagner", "NOUN"),
    ("wapens", "wapen", "NOUN"), ("https://nos.nl", "https://nos.nl", "X"), (".", ".", "PUNCT"),
]


def test_names_numbers_punctuation_urls_and_entity_tokens_are_never_hard() -> None:
    analysed = _build(WORDS, [(7, 7, "ORG")], level=Level.A1)
    hard = {t.text for t in analysed.tokens if t.hard}
    assert "vernietigingsoorlog" in hard
    assert not hard & {"Poetin", "3000", "Wagner", "https://nos.nl", "."}
    wagner = analysed.tokens[7]
    assert wagner.entity == 0 and not wagner.is_word
    assert analysed.entities[0].category is Category.ORGANISATION


def test_levels_mark_fewer_words_as_the_learner_advances() -> None:
    counts = [sum(t.hard for t in _build(WORDS, [], level=level).tokens) for level in Level]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


def test_relevel_recomputes_without_the_pipeline_and_known_words_are_never_hard() -> None:
    analysed = _build(WORDS, [], level=Level.C2)
    easier = relevel(analysed, Level.A1)
    assert easier.level is Level.A1
    assert sum(t.hard for t in easier.tokens) > sum(t.hard for t in analysed.tokens)
    assert easier.tokens[3].zipf == analysed.tokens[3].zipf
    known = relevel(analysed, Level.A1, frozenset({"vernietigingsoorlog", "zeldzaam"}))
    assert not known.tokens[3].hard and not known.tokens[6].hard


def test_higher_of_lemma_and_form_frequency_counts() -> None:
    # A lemmatiser error ("wapens" → "wapensen") must not make a common word hard.
    words = [("De", "de", "DET"), ("wapens", "wapensen", "NOUN"), (".", ".", "PUNCT")]
    analysed = _build(words, [], level=Level.B1)
    assert not analysed.tokens[1].hard
    assert analysed.tokens[1].zipf > 4


def test_idiom_matched_on_lemmas_with_the_verb_before_or_after() -> None:
    idioms = IdiomList([Idiom("uit de lucht vallen", ("uit", "de", "lucht"), "vallen",
                              "to come out of the blue")])
    for words in (
        [("Het", "het", "PRON"), ("viel", "vallen", "VERB"), ("uit", "uit", "ADP"),
         ("de", "de", "DET"), ("lucht", "lucht", "NOUN"), (".", ".", "PUNCT")],
        [("Het", "het", "PRON"), ("kwam", "komen", "VERB"), ("niet", "niet", "ADV"),
         ("uit", "uit", "ADP"), ("de", "de", "DET"), ("lucht", "lucht", "NOUN"),
         ("vallen", "vallen", "VERB"), (".", ".", "PUNCT")],
    ):
        parsed = _parsed(words, [])
        article = article_from_text(" ".join(w[0] for w in words))
        analysed = build_analysis(article, parsed, PipelineInfo("t", "0"), Level.B1,
                                  frozenset(), idioms)
        assert len(analysed.phrases) == 1
        phrase = analysed.phrases[0]
        assert phrase.kind is PhraseKind.IDIOM and phrase.meaning == "to come out of the blue"
        members = {analysed.tokens[i].text for i in phrase.tokens}
        assert members >= {"uit", "de", "lucht"} and members & {"viel", "vallen"}
        # the particle-looking "uit" is part of the idiom, not a separable verb "uitvallen"
        assert all(t.lemma != "uitvallen" for t in analysed.tokens)
        # function words of an idiom are never marked hard ("de" stays easy)
        assert not analysed.tokens[[t.text for t in analysed.tokens].index("de")].hard


@pytest.mark.parametrize(
    ("sentence", "verb", "particle", "joined"),
    [
        ("De stroom viel gisteren uit.", "viel", "uit", "uitvallen"),
        ("De trein kwam om acht uur in Utrecht aan.", "kwam", "aan", "aankomen"),
        ("Het leger besloot het land binnen te vallen.", "vallen", "binnen", "binnenvallen"),
        ("Zij belde haar moeder gisteren op.", "belde", "op", "opbellen"),
    ],
)
def test_separable_verbs_are_joined_across_the_sentence(
    pipeline: object, sentence: str, verb: str, particle: str, joined: str
) -> None:
    # As in the app: lemmas are chosen with the dictionary (viel → vallen from Alpino's forms).
    dictionary = Dictionary.open()
    analysed = analyse(article_from_text(sentence), pipeline=pipeline,  # type: ignore[arg-type]
                       lexicon=dictionary)
    dictionary.close()
    by_text = {t.text: t for t in analysed.tokens}
    assert by_text[verb].lemma == joined
    assert by_text[particle].lemma == joined
    phrase = analysed.phrases[by_text[verb].phrase]  # type: ignore[index]
    assert phrase.kind is PhraseKind.SEPARABLE_VERB and phrase.lemma == joined
    assert by_text[particle].phrase == by_text[verb].phrase


def test_a_preposition_is_not_taken_for_a_particle(pipeline: object) -> None:
    analysed = analyse(article_from_text("Hij kwam uit Amsterdam en liep naar huis."),
                       pipeline=pipeline)  # type: ignore[arg-type]
    assert all(p.kind is not PhraseKind.SEPARABLE_VERB for p in analysed.phrases)


def test_sample_article_done_when(sample_analysis: AnalysedArticle) -> None:
    analysed = sample_analysis
    text = analysed.article.text
    assert not text.startswith(" date") and "2023-09" not in text
    persons = {e.text for e in analysed.entities if e.category is Category.PERSON}
    assert {"Vladimir Poetin", "Kim Jong-un"} <= persons
    assert any(e.text == "Vladivostok" and e.category is Category.PLACE
               for e in analysed.entities)
    hard = {t.text for t in analysed.tokens if t.hard}
    assert {"vernietigingsoorlog", "naarstig", "gepantserde"} <= hard
    for easy in ("oorlog", "de", "maar", "De", "Maar"):
        assert all(not t.hard for t in analysed.tokens if t.text == easy), easy
    for token in analysed.tokens:
        assert text[token.start:token.end] == token.text
    for entity in analysed.entities:
        assert text[entity.start:entity.end] == entity.text


def test_sample_article_sentences_and_tokens_are_ordered(
    sample_analysis: AnalysedArticle,
) -> None:
    starts = [t.start for t in sample_analysis.tokens]
    assert starts == sorted(starts)
    assert all(s.start < s.end for s in sample_analysis.sentences)
    assert {t.sentence for t in sample_analysis.tokens} == set(
        range(len(sample_analysis.sentences)))


def test_note_mentions_outrank_and_split_ner_spans() -> None:
    from assistant.models import Mention, Note
    from assistant.reading.analysis import with_note_entities

    words = [("Teheran", "Teheran", "PROPN"), ("Moskou", "Moskou", "PROPN"),
             ("helpt", "helpen", "VERB"), ("Vladivostok", "Vladivostok", "PROPN"),
             ("februari", "februari", "NOUN"), (".", ".", "PUNCT")]
    analysed = _build(words, [(0, 1, "PER"), (3, 3, "PER"), (4, 4, "DATE")])
    tokens = analysed.tokens
    notes = [
        Note("tehran", "Teheran", Category.PLACE, (Mention(tokens[0].start, tokens[0].end,
                                                           "Teheran"),)),
        Note("moscow", "Moskou", Category.PLACE, (Mention(tokens[1].start, tokens[1].end,
                                                          "Moskou"),)),
        Note("vladivostok", "Vladivostok", Category.PLACE,
             (Mention(tokens[3].start, tokens[3].end, "Vladivostok"),)),
    ]
    fixed = with_note_entities(analysed, notes)
    assert [(e.text, e.category) for e in fixed.entities] == [
        ("Teheran", Category.PLACE), ("Moskou", Category.PLACE),
        ("Vladivostok", Category.PLACE), ("februari", Category.DATE)]
    assert [t.entity for t in fixed.tokens] == [0, 1, None, 2, 3, None]
    assert fixed.entities[2].label == "PER"


def test_an_idiom_with_a_separable_verb_matches_in_main_clause_order() -> None:
    from parse_data import analysed, w

    idioms = IdiomList([Idiom("de schouders ophalen", ("de", "schouders"), "ophalen",
                              "to shrug")])
    words = [w("Hij", pos="PRON"), w("haalde", "halen", "VERB", morph="VerbForm=Fin"),
             w("de", pos="DET"), w("schouders", "schouder", "NOUN"),
             w("op", pos="ADP", dep="compound:prt", head=1), w(".", pos="PUNCT")]
    result = analysed(words, idioms=idioms)
    assert [(p.kind, p.lemma, p.tokens) for p in result.phrases] == [
        (PhraseKind.IDIOM, "de schouders ophalen", (1, 2, 3, 4))]
    assert result.tokens[1].phrase == result.tokens[4].phrase == 0
