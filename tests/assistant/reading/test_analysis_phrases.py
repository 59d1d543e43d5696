"""Analysis rules for phrases on hand-built parse data: the frequency of a separable verb and of
its words, idioms only within a sentence, and the bundled idiom list by default."""

from __future__ import annotations

import pytest
from parse_data import DUTCH_ONLY, SEPARABLE_VERBS, analysed, parse, w

from assistant.models import Level, PhraseKind, PipelineInfo
from assistant.reading import analysis
from assistant.reading.analysis import build_analysis
from assistant.reading.idioms import Idiom, IdiomList
from assistant.reading.loading import article_from_text

FIN = "VerbForm=Fin"
FREQUENCIES = {"uitvallen": 2.0, "vallen": 5.0, "viel": 4.5, "uit": 6.0, "stroom": 4.0,
               "kind": 5.0, "kinderen": 4.0}


def test_a_separable_verb_and_its_words_have_the_joined_verbs_frequency(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "zipf", lambda word: FREQUENCIES.get(word, 0.0))
    words = [w("stroom", pos="NOUN", dep="nsubj"), w("viel", "vallen", "VERB", morph=FIN),
             w("kinderen", "kind", "NOUN"), w("uit", pos="ADP", dep="compound:prt", head=1)]
    result = analysed(words)
    assert [(p.kind, p.lemma, p.tokens, p.zipf) for p in result.phrases] == [
        (PhraseKind.SEPARABLE_VERB, "uitvallen", (1, 3), 2.0)]
    # The joined verb's words by the joined verb alone; other words by the commoner of their
    # lemma and their form.
    assert [t.zipf for t in result.tokens] == [4.0, 2.0, 5.0, 2.0]


LUCHT = Idiom("uit de lucht vallen", ("uit", "de", "lucht"), "vallen", "out of the blue")
LUCHT_WORDS = [w("Het", pos="PRON", dep="nsubj"), w("viel", "vallen", "VERB", morph=FIN),
               w(".", pos="PUNCT"), w("Uit", "uit", "ADP"), w("de", pos="DET"),
               w("lucht", pos="NOUN"), w(".", pos="PUNCT")]


def test_an_idiom_takes_its_verb_from_its_own_sentence_only() -> None:
    assert analysed(LUCHT_WORDS, idioms=IdiomList([LUCHT]), sentence_starts=(0, 3)).phrases == ()
    together = analysed(LUCHT_WORDS, idioms=IdiomList([LUCHT]))
    assert [(p.lemma, p.tokens) for p in together.phrases] == [
        ("uit de lucht vallen", (1, 3, 4, 5))]


def test_without_an_idiom_list_the_bundled_one_is_used() -> None:
    words = [w("Het", pos="PRON", dep="nsubj"), w("viel", "vallen", "VERB", morph=FIN),
             w("uit", pos="ADP"), w("de", pos="DET"), w("lucht", pos="NOUN"),
             w(".", pos="PUNCT")]
    article = article_from_text(" ".join(word.text for word in words))
    result = build_analysis(article, parse(words), PipelineInfo("hand-built", "0"), Level.B1,
                            frozenset(), None, SEPARABLE_VERBS, None, DUTCH_ONLY)
    assert [(p.kind, p.lemma) for p in result.phrases] == [
        (PhraseKind.IDIOM, "uit de lucht vallen")]


def test_numbers_and_links_keep_the_parsers_flags_and_are_no_words() -> None:
    words = [w("Op", pos="ADP"), w("https://nos.nl", pos="X"), w("staat", "staan", "VERB",
                                                                 morph=FIN),
             w("2022", pos="NUM"), w(".", pos="PUNCT")]
    tokens = analysed(words).tokens
    assert [(t.like_num, t.like_url) for t in tokens] == [
        (False, False), (False, True), (False, False), (True, False), (False, False)]
    assert [t.is_word for t in tokens] == [True, False, True, False, False]
