"""Foreign text: which passages are not Dutch, and what the analysis then does with them."""

from __future__ import annotations

from pathlib import Path

import pytest
from parse_data import Word, analysed, parse, w

from assistant.models import Level, PhraseKind
from assistant.reading.idioms import Idiom, IdiomList
from assistant.reading.language import (
    ARTICLE_SHARE,
    DUTCH,
    LANGUAGES,
    MIN_CONFIDENCE,
    LanguageDetector,
    LazyClassifier,
    article_language,
    certainly_dutch,
    get_detector,
    passages,
)

FIN = "VerbForm=Fin"


class Fixed:
    """A classifier that answers from a table and records what it was asked."""

    def __init__(self, answers: dict[str, tuple[str, float]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def classify(self, text: str) -> tuple[str, float]:
        self.asked.append(text)
        return self.answers.get(text, ("nl", 1.0))


@pytest.mark.parametrize(("words", "answer", "expected", "asked"), [
    (["How", "dare", "you"], ("en", 0.98), "en", True),
    (["How", "dare", "you"], ("en", MIN_CONFIDENCE - 0.01), DUTCH, True),  # not sure enough
    (["How", "dare", "you"], ("en", MIN_CONFIDENCE), "en", True),
    (["Wow"], ("en", 1.0), DUTCH, False),  # one word says too little
    (["OK", "ja"], ("en", 1.0), DUTCH, False),  # too few letters
    (["Wir", "schaffen", "das"], ("de", 0.99), "de", True),
    (["Het", "regent", "vandaag"], ("nl", 0.99), DUTCH, True),
])
def test_passage_language(words: list[str], answer: tuple[str, float], expected: str,
                          asked: bool) -> None:
    classifier = Fixed({" ".join(words): answer})
    assert LanguageDetector(classifier).passage_language(words) == expected
    assert bool(classifier.asked) is asked


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return get_detector()  # the real py3langid model


@pytest.mark.parametrize(("sentence", "language"), [
    ("How dare you", "en"),
    ("We will never forgive you", "en"),
    ("You have stolen my dreams and my childhood with your empty words", "en"),
    ("Wir schaffen das", "de"),
    ("Nous avons gagné la bataille mais pas la guerre", "fr"),
    ("Hij denkt er niet aan", DUTCH),
    ("De trein liep gisteren flinke vertraging op", DUTCH),
    ("Het kabinet wil de belasting op arbeid verlagen", DUTCH),
    ("Niet doen", DUTCH),
    ("OK", DUTCH),
])
def test_real_short_sentences(detector: LanguageDetector, sentence: str, language: str) -> None:
    assert detector.passage_language(sentence.split()) == language


@pytest.mark.parametrize("sentence", [
    "De deadline voor het project is morgen",
    "De manager had een meeting met het team",
    "Ik ga even shoppen in het weekend",
    "Premier Rutte zei dat de lockdown verlengd wordt",
    "De nieuwe app is gratis te downloaden",
    "Sorry , dat wist ik niet",
])
def test_dutch_with_english_loanwords_stays_dutch(detector: LanguageDetector,
                                                  sentence: str) -> None:
    assert detector.passage_language(sentence.split()) == DUTCH


@pytest.mark.parametrize("sentence", [
    "Yes we can",  # fewer than ten letters
    "Game over",  # the model is not sure
    "Je ne regrette rien",
])
def test_short_foreign_sentences_count_as_dutch(detector: LanguageDetector,
                                                sentence: str) -> None:
    assert detector.passage_language(sentence.split()) == DUTCH


@pytest.mark.parametrize("names", [
    ["Greta", "Thunberg", "!"],
    ["Donald", "Trump", "and", "Boris", "Johnson"],
    ["Mark", "Rutte", "en", "Sigrid", "Kaag", "."],
])
def test_a_name_only_sentence_is_dutch(detector: LanguageDetector, names: list[str]) -> None:
    words = [w(n, pos="PROPN" if n[0].isupper() else "CCONJ") for n in names]
    in_name = [n[0].isupper() for n in names]
    tokens = parse(words).tokens
    assert detector.token_languages(tokens, in_name) == [DUTCH] * len(names)


def test_names_are_left_out_of_a_foreign_passage(detector: LanguageDetector) -> None:
    names = ["Boris", "Johnson", "said", "that", "we", "will", "never", "give", "up"]
    tokens = parse([w(n) for n in names]).tokens
    in_name = [True, True] + [False] * 7
    assert detector.token_languages(tokens, in_name) == ["en"] * len(names)
    asked = Fixed({})
    LanguageDetector(asked).token_languages(tokens, in_name)
    assert asked.asked == ["said that we will never give up"]


def texts(units: list[list[int]], words: list[Word]) -> list[str]:
    return [" ".join(words[i].text for i in unit) for unit in units]


QUOTE = [w("Ze", pos="PRON"), w("zei", "zeggen", "VERB", morph=FIN), w(":", pos="PUNCT"),
         w("“", pos="PUNCT"), w("How", pos="PROPN"), w("dare", pos="NOUN"),
         w("you", pos="PROPN"), w("!", pos="PUNCT"), w("”", pos="PUNCT"), w("en", pos="CCONJ"),
         w("ging", "gaan", "VERB", morph=FIN), w(".", pos="PUNCT")]


@pytest.mark.parametrize(("words", "starts", "expected"), [
    (QUOTE, (0,), ["Ze zei :", "“ How dare you ! ”", "en ging ."]),
    ([w("Hij"), w("zei"), w('"', pos="PUNCT"), w("yes"), w("sir"), w('"', pos="PUNCT"),
      w("."), ], (0,), ["Hij zei", '" yes sir "', "."]),
    # a quote open at the end of a sentence carries on into the next one, as its own passage
    ([w("«", pos="PUNCT"), w("Oui"), w("."), w("Non"), w("»", pos="PUNCT")], (0, 3),
     ["« Oui .", "Non »"]),
    # a quotation mark that is no punctuation token opens nothing
    ([w("Hij"), w("'"), w("zei")], (0,), ["Hij ' zei"]),
])
def test_passages(words: list[Word], starts: tuple[int, ...], expected: list[str]) -> None:
    tokens = parse(words, sentence_starts=starts).tokens
    assert texts(passages(tokens), words) == expected


def test_an_unclosed_quote_ends_with_its_paragraph() -> None:
    words = [w("“", pos="PUNCT"), w("Ja"), w("."), w("Nee"), w(".")]
    tokens = parse(words, sentence_starts=(0, 3)).tokens
    assert texts(passages(tokens, [tokens[3].start]), words) == ["“ Ja .", "Nee ."]


@pytest.mark.parametrize(("languages", "expected"), [
    (["nl", "nl", "en"], DUTCH),
    (["en", "en", "nl"], "en"),
    (["en", "de", "nl"], DUTCH),  # no foreign language has most of the letters
])
def test_article_language(languages: list[str], expected: str) -> None:
    tokens = parse([w("aaaa"), w("bbbb"), w("cccc")]).tokens
    assert article_language(tokens, languages) == expected
    assert ARTICLE_SHARE == 0.5


QUOTE_DETECTOR = LanguageDetector(Fixed({"How dare you": ("en", 0.99)}))


def test_a_foreign_quote_is_never_hard_and_no_word() -> None:
    result = analysed(QUOTE, languages=QUOTE_DETECTOR, level=Level.A1)
    by_text = {t.text: t for t in result.tokens}
    for word in ("How", "dare", "you", "“", "”"):
        assert by_text[word].language == "en"
        assert not by_text[word].is_word and not by_text[word].hard
    assert by_text["zei"].language == DUTCH and by_text["zei"].is_word
    assert [s.language for s in result.sentences] == [DUTCH]
    assert result.language == DUTCH


def test_an_article_mostly_in_english_is_english_throughout() -> None:
    words = [w("The", pos="PROPN"), w("war", pos="NOUN"), w("is", pos="AUX"),
             w("over", pos="ADP"), w(".", pos="PUNCT"), w("OK", pos="INTJ"), w(".", pos="PUNCT")]
    detector = LanguageDetector(Fixed({"The war is over": ("en", 0.99)}))
    result = analysed(words, languages=detector, sentence_starts=(0, 5), level=Level.A1)
    assert result.language == "en"
    assert {t.language for t in result.tokens} == {"en"}  # "OK." too, though short
    assert [s.language for s in result.sentences] == ["en", "en"]
    assert not any(t.hard or t.is_word for t in result.tokens)


ENGLISH = [w("The", pos="DET"), w("war", pos="NOUN"), w("ended", pos="VERB"),
           w("on", pos="ADP"), w("Monday", pos="PROPN"), w("in", pos="ADP"),
           w("Paris", pos="PROPN"), w(".", pos="PUNCT")]


@pytest.mark.parametrize(("language", "entities"), [
    ("en", 0),  # a Dutch recogniser's names in English are guesses: none are kept
    ("nl", 2),
])
def test_names_of_an_article_not_in_dutch_are_dropped(language: str, entities: int) -> None:
    detector = LanguageDetector(Fixed({"The war ended on in": (language, 0.99)}))
    result = analysed(ENGLISH, entities=[(4, 4, "PER"), (6, 6, "LOC")], languages=detector)
    assert result.language == language
    assert len(result.entities) == entities
    assert (result.tokens[4].entity is None) is (entities == 0)


def test_names_in_a_foreign_quote_of_a_dutch_article_are_kept() -> None:
    words = [w("Ze", pos="PRON"), w("bedankte", "bedanken", "VERB", morph=FIN),
             w("gisteren", pos="ADV"), w("iedereen", pos="PRON"), w(":", pos="PUNCT"),
             w("“", pos="PUNCT"), w("Thank", pos="VERB"), w("you", pos="PRON"),
             w("so", pos="ADV"), w("much", pos="ADV"), w("Greta", pos="PROPN"),
             w("”", pos="PUNCT")]
    detector = LanguageDetector(Fixed({"Thank you so much": ("en", 0.99)}))
    result = analysed(words, entities=[(10, 10, "PER")], languages=detector)
    assert result.language == DUTCH and result.tokens[6].language == "en"
    assert [e.text for e in result.entities] == ["Greta"]


def test_foreign_words_join_no_separable_verb_and_match_no_idiom() -> None:
    words = [w("Hij", pos="PRON"), w("zei", "zeggen", "VERB", morph=FIN),
             w("“", pos="PUNCT"), w("de", pos="DET"), w("lucht", pos="NOUN"),
             w("viel", "vallen", "VERB", morph=FIN), w("gisteren", pos="ADV"),
             w("uit", pos="ADP", dep="compound:prt", head=5), w("”", pos="PUNCT")]
    idioms = IdiomList([Idiom("de lucht", ("de", "lucht"), None, "the sky")])
    detector = LanguageDetector(Fixed({"de lucht viel gisteren uit": ("de", 0.99)}))
    foreign = analysed(words, languages=detector, idioms=idioms)
    assert foreign.phrases == ()
    assert foreign.tokens[5].lemma == "vallen"
    dutch = analysed(words, idioms=idioms)
    assert [(p.kind, p.lemma) for p in dutch.phrases] == [
        (PhraseKind.IDIOM, "de lucht"), (PhraseKind.SEPARABLE_VERB, "uitvallen")]


def test_redrawn_entities_keep_a_foreign_token_no_word() -> None:
    from assistant.models import Category, Mention, Note
    from assistant.reading.analysis import with_note_entities

    result = analysed(QUOTE, languages=QUOTE_DETECTOR)
    dare = result.tokens[5]
    note = Note("x", "x", Category.OTHER, (Mention(dare.start, dare.end, dare.text),))
    redrawn = with_note_entities(analysed(QUOTE, languages=QUOTE_DETECTOR), [note])
    assert redrawn.tokens[5].entity is not None and not redrawn.tokens[5].is_word
    assert redrawn.tokens[4].language == "en" and not redrawn.tokens[4].is_word


def test_a_foreign_token_gets_no_gloss_and_the_json_names_its_language(tmp_path: Path) -> None:
    from assistant.models import Reading
    from assistant.report import reading_to_json
    from assistant.service import ReadingAssistant

    assistant = ReadingAssistant(dictionary_path=Path(__file__).resolve().parents[3]
                                 / "resources" / "dictionary.sqlite")
    reading = Reading(analysed(QUOTE, languages=QUOTE_DETECTOR), (), ())
    if assistant.dictionary() is None:
        pytest.fail("the built dictionary is missing (make dictionary)")
    assert assistant.gloss(reading, 5) is None  # "dare": no Dutch gloss
    assert assistant.gloss(reading, 1) is not None  # "zei" is glossed
    data = reading_to_json(reading, assistant)
    assert data["language"] == "nl"
    assert [t.get("language") for t in data["tokens"]][3:9] == ["en"] * 6
    assert "language" not in data["tokens"][1]


@pytest.mark.parametrize(("words", "dutch"), [
    (["Het", "kabinet", "heeft", "besloten"], True),  # two words only Dutch has
    (["Ze", "zijn", "er", "niet"], True),
    (["het", "HET", "kabinet"], False),  # one marker, twice
    (["Het", "regent", "vandaag"], False),
    (["Van", "Gogh", "met", "de", "die"], False),  # words other languages have too
    (["The", "government", "has", "decided"], False),
    (["Wir", "werden", "das", "schaffen"], False),
    ([], False),
])
def test_certainly_dutch(words: list[str], dutch: bool) -> None:
    assert certainly_dutch(words) is dutch


def test_a_passage_with_two_dutch_markers_never_asks_the_classifier() -> None:
    classifier = Fixed({"Het kabinet heeft gisteren besloten": ("en", 0.99)})
    detector = LanguageDetector(classifier)
    assert detector.passage_language(["Het", "kabinet", "heeft", "gisteren", "besloten"]) == DUTCH
    assert classifier.asked == []


def test_the_lazy_classifier_loads_once_and_only_when_asked() -> None:
    loads: list[Fixed] = []

    def load() -> Fixed:
        loads.append(Fixed({"How dare you": ("en", 0.99)}))
        return loads[-1]

    lazy = LazyClassifier(load)
    detector = LanguageDetector(lazy)
    assert detector.passage_language(["Ze", "heeft", "het", "niet", "gedaan"]) == DUTCH
    assert detector.passage_language(["Wow"]) == DUTCH
    assert not lazy.loaded and loads == []
    assert detector.passage_language(["How", "dare", "you"]) == "en"
    assert detector.passage_language(["How", "dare", "you"]) == "en"
    assert lazy.loaded and len(loads) == 1 and loads[0].asked == ["How dare you"] * 2


def test_the_cut_down_model_holds_the_languages_and_answers_as_the_full_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from assistant.reading import language

    written = tmp_path / language.LANGUAGE_MODEL
    language.write_language_model(written)
    with np.load(written) as model:
        assert sorted(model["classes"].tolist()) == sorted(LANGUAGES)
        assert model["ptc"].shape[1] == len(LANGUAGES)
    monkeypatch.setattr(language, "resource_path", lambda name: tmp_path / name)
    cut_down = language._py3langid()
    monkeypatch.setattr(language, "resource_path", lambda name: tmp_path / "missing")
    full = language._py3langid()  # the package's model, restricted at run time
    for sentence in ("How dare you say that to us", "Het kabinet besloot gisteren te stoppen",
                     "Wir schaffen das schon", "La vie est belle en été"):
        cut_language, cut_confidence = cut_down.classify(sentence)
        full_language, full_confidence = full.classify(sentence)
        assert cut_language == full_language
        assert cut_confidence == pytest.approx(full_confidence)
    assert cut_down.classify("How dare you say that to us")[0] == "en"


def test_without_py3langid_s_internals_its_own_model_serves(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from assistant.reading import language

    monkeypatch.setitem(sys.modules, "py3langid.modelio", None)
    classifier = language._py3langid()
    assert sorted(classifier.nb_classes) == sorted(LANGUAGES)  # type: ignore[attr-defined]
    assert classifier.classify("How dare you say that to us")[0] == "en"
