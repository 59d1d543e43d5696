"""The lookup chain's rules on hand-built parse data: phrase cards (idioms, separable verbs in
the dictionary or only their verb), what a card carries from its entry, compounds of three
parts and hyphenated ones, the inflection step's part of speech, and where a sentence starts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from parse_data import Word, analysed, w
from script_modules import script

from assistant.lexicon.glossing import SLIP_NOTE, _one_letter_away, gloss_card, idiom_senses
from assistant.lexicon.store import Dictionary
from assistant.models import GlossCard, GlossKind, GlossPart, PhraseKind
from assistant.reading.idioms import Idiom, IdiomList
from assistant.reading.separable import AttestedVerbs

ROOT = Path(__file__).resolve().parents[3]
SOURCES = ROOT / "tests" / "fixtures" / "dictionary" / "sources"
# Entries these rules need beside the fixture sources. "opbellen" is also a noun, ranked
# above the verb (more sources), so only the verb's part of speech finds the verb.
SUPPLEMENT = (
    "lemma\tpos\tarticle\tplural\tprincipal_parts\tsenses\tsource\n"
    "uitvallen\tverb\t\t\tuitvallen, viel uit, uitgevallen\tto fail, to drop out\tleeswijzer\n"
    "gepantserd\tadj\t\t\t\tarmoured\tleeswijzer\n"
    "oorlog\tnoun\tde\toorlogen\t\twar\tleeswijzer\n"
    "vechten\tverb\t\t\tvechten, vocht, gevochten\tto fight, to combat\tleeswijzer\n"
    "lucht\tnoun\tde\tluchten\t\tair, sky\tleeswijzer\n"
    "opbellen\tnoun\t\t\t\tphone call\tleeswijzer + FreeDict + English Wiktionary\n"
    "opbellen\tverb\t\t\t\tto call up, to phone\tleeswijzer\n"
    "koffie\tnoun\tde\t\t\tcoffee\tleeswijzer\n"
    "koffer\tnoun\tde\tkoffers\t\tsuitcase\tleeswijzer\n"
    "baal\tnoun\tde\tbalen\t\tbale\tleeswijzer\n"
)
ZIPF = {"haven": 4.0, "stad": 5.0, "oorlog": 5.0, "tegen": 6.0, "aanval": 4.3,
        "koffie": 4.5, "koffer": 3.5, "koffers": 3.0, "koffiekop": 2.5}
VERBS = AttestedVerbs.of([("uit", "vechten"), ("op", "bellen"), ("uit", "vallen")])
SURPRISE = Idiom("uit de lucht vallen", ("uit", "de", "lucht"), "vallen", "to be taken aback")


@pytest.fixture(scope="module")
def dictionary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dictionary]:
    folder = tmp_path_factory.mktemp("glossing-rules")
    (folder / "supplement.tsv").write_text(SUPPLEMENT, encoding="utf-8")
    script("build_dictionary").build(SOURCES, folder / "d.sqlite", folder / "supplement.tsv")
    opened = Dictionary.open(folder / "d.sqlite", zipf=lambda word: ZIPF.get(word, 0.0))
    yield opened
    opened.close()


def card(dictionary: Dictionary, words: list[Word], index: int, *, lexicon: bool = True,
         idioms: IdiomList | None = None, sentence_starts: tuple[int, ...] = (0,)
         ) -> GlossCard | None:
    article = analysed(words, lexicon=dictionary if lexicon else None, separable=VERBS,
                       idioms=idioms, sentence_starts=sentence_starts)
    return gloss_card(dictionary, article, index)


# --- phrases ---------------------------------------------------------------------------------


def test_an_idiom_card_has_its_meaning_and_its_words(dictionary: Dictionary) -> None:
    words = [w("Hij", "hij", "PRON"), w("viel", "vallen", "VERB", "root"), w("uit", "uit", "ADP"),
             w("de", "de", "DET"), w("lucht", "lucht", "NOUN")]
    found = card(dictionary, words, 4, idioms=IdiomList([SURPRISE]))
    assert found is not None
    assert (found.form, found.lemma, found.pos, found.kind) == (
        "lucht", "uit de lucht vallen", "NOUN", GlossKind.PHRASE)
    # The word's own sense first, then the idiom's, named by its expression.
    assert found.senses == ("air, sky", "uit de lucht vallen: to be taken aback")
    assert found.source == "Leeswijzer idioms"
    assert found.phrase == "uit de lucht vallen" and found.phrase_tokens == (1, 2, 3, 4)
    assert found.phrase_kind is PhraseKind.IDIOM
    # Content words with their first sense; function words (uit, de) with none.
    assert found.parts == (GlossPart("viel", "vallen", ("fall",)), GlossPart("uit", "uit", ()),
                           GlossPart("de", "de", ()), GlossPart("lucht", "lucht", ("air, sky",)))
    # Every word of the idiom gets the same card, each with its own form and sense.
    first = card(dictionary, words, 1, idioms=IdiomList([SURPRISE]))
    assert first is not None and first.form == "viel" and first.parts == found.parts
    assert first.senses[0] == "fall" and first.senses[1:] == found.senses[1:]
    # A function word has no sense of its own to show: the idiom's alone.
    particle = card(dictionary, words, 2, idioms=IdiomList([SURPRISE]))
    assert particle is not None and particle.senses == ("to be taken aback",)
    # Outside the idiom the word is itself.
    alone = card(dictionary, words, 0, idioms=IdiomList([SURPRISE]))
    assert alone is None


@pytest.mark.parametrize(
    ("meaning", "literal", "senses"),
    [
        ("to join forces", "together", ("together", "de handen ineen slaan: to join forces")),
        ("to flourish; to blossom", "hand", ("hand", "de handen ineen slaan: to flourish",
                                             "to blossom")),
        ("for the benefit of; for", None, ("for the benefit of", "for")),
        ("a; b; c; d", None, ("a", "b", "c")),
        ("one; ", None, ("one",)),
        ("", "together", ()),
        # The word's sense says what the idiom says (op visite gaan): the idiom's alone.
        ("to visit", "visit", ("to visit",)),
        ("to pay a call, to visit; to see", "call on, visit", ("to pay a call, to visit",
                                                                "to see")),
    ],
)
def test_idiom_senses(meaning: str, literal: str | None, senses: tuple[str, ...]) -> None:
    assert idiom_senses("de handen ineen slaan", meaning, literal) == senses


HANDS = Idiom("de handen ineen slaan", ("handen", "ineen"), "slaan", "to join forces")
TIME = Idiom("de tijd nemen", ("de", "tijd"), "nemen", "to take one's time")


def test_an_idiom_may_hold_a_separable_verbs_particle(dictionary: Dictionary) -> None:
    verbs = AttestedVerbs.of([("ineen", "slaan"), ("op", "nemen")])
    words = [w("Ze", "ze", "PRON"), w("sloegen", "slaan", "VERB", "root"),
             w("de", "de", "DET"), w("handen", "hand", "NOUN", "obj", 1),
             w("ineen", "ineen", "ADV", "compound:prt", 1)]
    article = analysed(words, lexicon=dictionary, separable=verbs,
                       idioms=IdiomList([HANDS, TIME]))
    assert [(p.lemma, p.tokens) for p in article.phrases] == [
        ("de handen ineen slaan", (1, 3, 4))]
    # The idiom's verb is the separable verb's half: without its particle it is no idiom.
    words = [w("Hij", "hij", "PRON"), w("nam", "nemen", "VERB", "root"),
             w("de", "de", "DET"), w("tijd", "tijd", "NOUN", "obj", 1),
             w("op", "op", "ADP", "compound:prt", 1)]
    article = analysed(words, lexicon=dictionary, separable=verbs,
                       idioms=IdiomList([HANDS, TIME]))
    assert [(p.lemma, p.tokens) for p in article.phrases] == [("opnemen", (1, 4))]


def test_a_separable_verb_the_dictionary_lists_is_looked_up_as_a_verb(
        dictionary: Dictionary) -> None:
    words = [w("Hij", "hij", "PRON"), w("belde", "bellen", "VERB", "root"),
             w("haar", "haar", "PRON", "obj", 1), w("op", "op", "ADP", "compound:prt", 1)]
    found = card(dictionary, words, 1)
    assert found is not None and found.kind is GlossKind.PHRASE
    assert (found.lemma, found.phrase, found.phrase_tokens) == ("opbellen", "opbellen", (1, 3))
    assert found.phrase_kind is PhraseKind.SEPARABLE_VERB
    assert found.senses == ("to call up, to phone",)   # not the noun "phone call"
    assert found.source == "leeswijzer" and found.parts == ()
    particle = card(dictionary, words, 3)
    assert particle is not None and particle.form == "op" and particle.senses == found.senses


def test_a_separable_verb_card_carries_the_entrys_principal_parts(
        dictionary: Dictionary) -> None:
    words = [w("De", "de", "DET"), w("stroom", "stroom", "NOUN"),
             w("viel", "vallen", "VERB", "root"), w("uit", "uit", "ADP", "compound:prt", 2)]
    found = card(dictionary, words, 2)
    assert found is not None and found.lemma == "uitvallen"
    assert found.principal_parts == "uitvallen, viel uit, uitgevallen"
    assert found.senses == ("to fail, to drop out",) and found.article is None


def test_a_separable_verb_no_source_lists_shows_its_verb_and_particle(
        dictionary: Dictionary) -> None:
    words = [w("Zij", "zij", "PRON"), w("vochten", "vechten", "VERB", "root"),
             w("het", "het", "PRON", "obj", 1), w("uit", "uit", "ADP", "compound:prt", 1)]
    found = card(dictionary, words, 1)
    assert found is not None and found.kind is GlossKind.PHRASE
    assert found.lemma == "uitvechten" and found.phrase_tokens == (1, 3)
    assert found.senses == ("to fight, to combat",) and found.source == "leeswijzer"
    assert found.parts == (GlossPart("uit", "uit", ()),
                           GlossPart("vechten", "vechten", ("to fight, to combat",)))
    assert found.article is None and found.principal_parts is None


def test_a_separable_verb_whose_verb_is_unknown_too_has_no_card(
        dictionary: Dictionary) -> None:
    verbs = AttestedVerbs.of([("uit", "qwxzen")])
    words = [w("Zij", "zij", "PRON"), w("qwxzden", "qwxzen", "VERB", "root"),
             w("het", "het", "PRON", "obj", 1), w("uit", "uit", "ADP", "compound:prt", 1)]
    article = analysed(words, separable=verbs)
    assert article.phrases and article.phrases[0].lemma == "uitqwxzen"
    assert gloss_card(dictionary, article, 1) is None


# --- what a word's card carries --------------------------------------------------------------


def test_a_word_card_carries_its_entry(dictionary: Dictionary) -> None:
    found = card(dictionary, [w("de", "de", "DET"), w("oorlog", "oorlog", "NOUN")], 1)
    assert found is not None
    assert (found.form, found.lemma, found.pos, found.kind) == (
        "oorlog", "oorlog", "noun", GlossKind.WORD)
    assert found.senses == ("war", "warfare") and found.article == "de"
    assert found.plural == "oorlogen" and found.source.startswith("leeswijzer + FreeDict")
    assert found.phrase is None and found.parts == ()


def test_an_entry_without_a_part_of_speech_takes_the_tokens(dictionary: Dictionary) -> None:
    found = card(dictionary, [w("de", "de", "DET"), w("delegatie", "delegatie", "NOUN")], 1)
    assert found is not None and found.pos == "NOUN" and found.source == "FreeDict"


@pytest.mark.parametrize(
    ("text", "pos", "sense"),
    [("leefdet", "VERB", "live"),           # the verb leven, not the better-ranked noun
     ("leventjes", "NOUN", "life, living")],
)
def test_the_inflection_step_keeps_the_tokens_part_of_speech(
        dictionary: Dictionary, text: str, pos: str, sense: str) -> None:
    found = card(dictionary, [w("de", "de", "DET"), w(text, text, pos)], 1, lexicon=False)
    assert found is not None and found.kind is GlossKind.INFLECTION
    assert found.lemma == "leven" and found.senses == (sense,) and found.form == text


@pytest.mark.parametrize(
    ("text", "pos", "lemma", "sense"),
    [
        # baalde (balen: to be fed up) is no form of the noun baal, whose plural "balen" is
        # the verb's infinitive: no card rather than "bale".
        ("baalde", "VERB", None, None),
        # An adjective may take its verb's entry (a participle): only noun and verb exclude
        # each other.
        ("vechtende", "ADJ", "vechten", "fighting, combating"),
    ],
)
def test_the_inflection_step_never_crosses_between_noun_and_verb(
        dictionary: Dictionary, text: str, pos: str, lemma: str | None,
        sense: str | None) -> None:
    found = card(dictionary, [w("hij", "hij", "PRON"), w(text, text, pos)], 1, lexicon=False)
    if lemma is None:
        assert found is None
    else:
        assert found is not None and found.kind is GlossKind.INFLECTION
        assert (found.lemma, found.senses[0]) == (lemma, sense)


def test_the_same_article_asked_twice_gives_the_same_cards(dictionary: Dictionary) -> None:
    words = [w("Sytze", "Sytze", "PROPN"), w("Fortuin", "fortuin", "NOUN"),
             w("zegt", "zeggen", "VERB"), w("oorlog", "oorlog", "NOUN")]
    article = analysed(words, lexicon=dictionary)
    for _ in range(2):
        assert gloss_card(dictionary, article, 1) is None   # a name in mid-sentence
        found = gloss_card(dictionary, article, 3)
        assert found is not None and found.senses[0] == "war"
    assert gloss_card(dictionary, article, len(words)) is None
    assert gloss_card(dictionary, article, -1) is None


# --- compounds -------------------------------------------------------------------------------


def test_a_compound_of_three_parts(dictionary: Dictionary) -> None:
    found = card(dictionary, [w("de", "de", "DET"), w("havenstadoorlog", "x", "NOUN")], 1)
    assert found is not None and found.kind is GlossKind.COMPOUND
    assert found.lemma == "havenstadoorlog" and found.senses == ("port city war",)
    assert [(p.text, p.lemma) for p in found.parts] == [
        ("haven", "haven"), ("stad", "stad"), ("oorlog", "oorlog")]


def test_a_hyphenated_compound_of_three_pieces(dictionary: Dictionary) -> None:
    found = card(dictionary, [w("de", "de", "DET"), w("Rabo-FARC-steden", "x", "NOUN")], 1)
    assert found is not None and found.lemma == "Rabo-FARC-stad"
    assert found.parts == (GlossPart("Rabo", "rabo", ()), GlossPart("FARC", "farc", ()),
                           GlossPart("steden", "stad", ("city",)))


def test_a_hyphenated_adjective_keeps_its_part_of_speech(dictionary: Dictionary) -> None:
    found = card(dictionary, [w("de", "de", "DET"), w("FARC-gepantserde", "x", "ADJ")], 1)
    assert found is not None and found.kind is GlossKind.COMPOUND
    assert found.lemma == "FARC-gepantserd" and found.senses == ("armoured",)


@pytest.mark.parametrize("text", ["FARC-qwxz", "FARC-Steden", "FARC-steden2"])
def test_a_hyphenated_word_without_a_known_common_head_is_no_compound(
        dictionary: Dictionary, text: str) -> None:
    assert card(dictionary, [w("de", "de", "DET"), w(text, "x", "NOUN")], 1) is None


# --- where a sentence starts -----------------------------------------------------------------


MID_SENTENCE = [
    # a capital in mid-sentence on a word no rule calls a name
    ([w("in", "in", "ADP"), w("Havenstad", "havenstad", "X")], (0,)),
    ([w("de", "de", "DET"), w("“", "“", "PUNCT"), w("Havenstad", "havenstad", "X")], (0,)),
]
OPENING = [
    # opening the text, or a sentence after punctuation only
    ([w("“", "“", "PUNCT"), w("Havenstad", "havenstad", "X")], (0,)),
    ([w("Het", "het", "PRON"), w("groeit", "groeien", "VERB"), w(".", ".", "PUNCT"),
      w("“", "“", "PUNCT"), w("Havenstad", "havenstad", "X")], (0, 3)),
    ([w("Het", "het", "PRON"), w("groeit", "groeien", "VERB"), w(".", ".", "PUNCT"),
      w("Havenstad", "havenstad", "X")], (0, 3)),
]


@pytest.mark.parametrize(("words", "starts"), MID_SENTENCE)
def test_a_capitalised_compound_in_mid_sentence_is_not_split(
        dictionary: Dictionary, words: list[Word], starts: tuple[int, ...]) -> None:
    assert card(dictionary, words, len(words) - 1, sentence_starts=starts) is None


@pytest.mark.parametrize(("words", "starts"), OPENING)
def test_a_capitalised_compound_opening_a_sentence_is_split(
        dictionary: Dictionary, words: list[Word], starts: tuple[int, ...]) -> None:
    found = card(dictionary, words, len(words) - 1, sentence_starts=starts)
    assert found is not None and found.kind is GlossKind.COMPOUND
    assert found.senses == ("port city",)


# --- slips of the pen ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pos", "intended", "sense"),
    [
        ("koffiie", "NOUN", "koffie", "coffee"),      # a letter too many
        ("kofie", "NOUN", None, None),                # too short to tell
        ("koffrs", "NOUN", "koffers", "suitcase"),    # a listed form of the word
        ("koffir", "NOUN", None, None),               # koffie and koffer: which one?
        ("Koffiie", "NOUN", None, None),              # a capital: perhaps a name
        ("koffiie", "VERB", None, None),              # no verb is a letter away
        ("koffiekop", "NOUN", None, None),            # frequent itself: a word of its own
    ],
)
def test_a_slip_of_the_pen_is_read_as_the_one_word_a_letter_away(
        dictionary: Dictionary, text: str, pos: str, intended: str | None,
        sense: str | None) -> None:
    words = [w("de", "de", "DET"), w(text, text.lower(), pos), w("is", "zijn", "AUX")]
    found = card(dictionary, words, 1)
    if intended is None:
        assert found is None
    else:
        assert found is not None and found.senses[0] == sense and found.lemma == intended[:6]
        assert found.uncertain == f"{SLIP_NOTE} {intended}"


def test_one_letter_away() -> None:
    near = _one_letter_away("kat")
    assert {"at", "kt", "ka", "akt", "kta", "kot", "kast", "katé"} <= near
    assert "kat" not in near and "tak" not in near and len(min(near, key=len)) == 2
