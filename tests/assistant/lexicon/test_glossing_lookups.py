"""The lookup chain's small helpers on a fixture dictionary: entries by part of speech, forms
and plurals, a compound head among plurals, abbreviations and opening words, an idiom's
words, the sentence a token is in, and the senses a guess is made of."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from fixture_dictionaries import built_dictionary
from parse_data import analysed, w

from assistant.lexicon import glossing
from assistant.lexicon.compounds import CompoundPart, CompoundSplit, PartSenses
from assistant.lexicon.glossing import (
    ACTION_NOTE,
    AGENT_NOTE,
    COMPOSED_NOTE,
    HOMOGRAPH_NOTE,
    LOOKALIKE_NOTE,
    PARTICLE_NOTE,
    SLIP_NOTE,
    SUFFIX_NOTE,
    _action_card,
    _agent_card,
    _as_used,
    _common_abbreviation,
    _compound_card,
    _glosses,
    _guessed_from_verb,
    _head_entry,
    _homograph_card,
    _hyphen_split,
    _literal_sense,
    _may_be_noun,
    _opening_word,
    _participle_compound_card,
    _participle_modifier,
    _participle_verb,
    _particle_verb_card,
    _phrase_parts,
    _prefixed_entry,
    _sentence_tokens,
    _separable_split,
    _singular,
    _slip_card,
    _slip_entry,
    _suffix_card,
    _typed,
    _verb_entry,
    _verb_lookalike_card,
    idiom_senses,
    prefixed_sense,
    with_particle,
)
from assistant.lexicon.store import Dictionary, Entry
from assistant.models import GlossCard, GlossKind, GlossPart, Phrase, PhraseKind

# wandelen is a noun too, ranked above the verb (more sources): only the verb's part of speech
# finds the verb; koken's verb, which Alpino lists too, ranks above its noun. rood is an
# adjective to Alpino but a noun only to the sources, its gloss no English adjective;
# conservatief the same, its gloss an English adjective.
SUPPLEMENT = (
    "lemma\tpos\tarticle\tplural\tprincipal_parts\tsenses\tsource\n"
    "koken\tnoun\thet\t\t\tcooking\tleeswijzer + FreeDict + English Wiktionary\n"
    "koken\tverb\t\t\t\tto cook|to boil\tleeswijzer\n"
    "koffie\tnoun\tde\t\t\tcoffee\tleeswijzer\n"
    "lucht\tnoun\tde\tluchten\t\tair, sky|atmosphere\tleeswijzer\n"
    "stad\tnoun\tde\tsteden\t\tcity, town\tleeswijzer\n"
    "stede\tnoun\tde\tsteden\t\tplace, stead\tleeswijzer\n"
    "rood\tnoun\thet\t\t\tred colour\tleeswijzer\n"
    "conservatief\tnoun\tde\t\t\tconservative\tleeswijzer\n"
    "ok\tadj\t\t\t\tfine\tleeswijzer\n"
    "mrna\tnoun\thet\t\t\tmRNA\tleeswijzer\n"
    "nk\tnoun\thet\t\t\tnational championships\tleeswijzer\n"
    "eten\tverb\t\t\t\tto eat\tleeswijzer\n"
    "vouwen\tverb\t\t\t\tto fold|to crease\tleeswijzer\n"
    "zetten\tverb\t\t\t\tto put (in place)\tleeswijzer\n"
    "wassen\tverb\t\t\t\tto wash\tleeswijzer\n"
    "gaan\tverb\t\t\t\tto go\tleeswijzer\n"
    "richting\tnoun\tde\t\t\tdirection|course\tleeswijzer\n"
    "tafel\tnoun\tde\t\t\ttable\tleeswijzer\n"
    "werk\tnoun\thet\t\t\twork\tleeswijzer\n"
    "zin\tnoun\tde\t\t\tsense\tleeswijzer\n"
    "fijn\tadj\t\t\t\tfine\tleeswijzer\n"
    "kerst\tnoun\tde\t\t\tChristmas\tleeswijzer\n"
    "vuur\tnoun\thet\t\t\tfire (flames)\tleeswijzer\n"
    "roken\tverb\t\t\t\tto smoke\tleeswijzer\n"
    "wandelen\tnoun\thet\t\t\twalking tour\tleeswijzer + FreeDict + English Wiktionary\n"
    "wandelen\tverb\t\t\t\tto walk\tleeswijzer\n"
    "paffen\tverb\t\t\t\tto puff|to pull|to smoke\tleeswijzer\n"
    "koffer\tnoun\tde\t\t\tsuitcase\tleeswijzer\n"
    "koorts\tnoun\tde\t\t\tfever\tleeswijzer\n"
    "leven\tnoun\thet\t\t\tlife\tleeswijzer\n"
    "pijn\tnoun\tde\t\t\tpain\tleeswijzer\n"
    "hoofd\tnoun\thet\t\t\thead\tleeswijzer\n"
    "thuis\tnoun\thet\t\t\thome\tleeswijzer\n"
    "thuis\tadv\t\t\t\tat home\tleeswijzer\n"
    "koor\tnoun\thet\tkoren\t\tchoir\tleeswijzer\n"
    "koren\tnoun\thet\t\t\tgrain\tleeswijzer\n"
    "noot\tnoun\tde\tnoten\t\tnut\tleeswijzer\n"
    "noten\tnoun\t\t\t\twalnut wood\tleeswijzer\n"
    "lopen\tverb\t\t\t\tto walk, to run\tleeswijzer\n"
    "zien\tverb\t\t\t\tto see\tleeswijzer\n"
    "verlagen\tverb\t\t\t\tto lower\tleeswijzer\n"
    "bedreigen\tverb\t\t\t\tto threaten\tleeswijzer\n"
    "e-mail\tnoun\tde\t\t\temail\tleeswijzer\n"
    "e-mailen\tverb\t\t\t\tto email\tleeswijzer\n"
    "zenden\tverb\t\t\t\tto send\tleeswijzer\n"
    "loop\tnoun\tde\t\t\tcourse|barrel\tleeswijzer + FreeDict + English Wiktionary\n"
)
# Dutch frequencies: a word a slip is read as is frequent, a slip itself rare.
FREQUENCIES = {"koffie": 4.0, "kaffie": 2.5, "koffei": 2.0, "stillen": 0.5, "vouwen": 3.0,
               "abdicatie": 3.0}
NOUNS = "n([pl(steden),sg(stede)],de,[],[]).\n"
# loop is lopen's stem and a noun of its own: the form's best entry is the noun.
VERBS = (
    "v(kook,kookt,koken,gekookt,kookte,kookten,\n    [h([intransitive])]).\n"
    "v(loop,loopt,lopen,gelopen,liep,liepen,\n    [h([intransitive])]).\n"
)
ADJECTIVES = (
    "a([e(rode),no_e(rood)],adv,[],[]).\n"
    "a([e(conservatieve),no_e(conservatief)],adv,[],[]).\n"
)


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dictionary]:
    dictionary = built_dictionary(
        tmp_path_factory.mktemp("lookup-dict"), SUPPLEMENT, FREQUENCIES,
        {"alpino/nouns.pl": NOUNS, "alpino/verbs.pl": VERBS, "alpino/adjectives.pl": ADJECTIVES,
         "wordnet/index.adj": "conservative a 1 0 1 0 00000060  \n",
         "wordnet/index.noun": "smoker n 1 0 1 0 00000387  \nwalker n 1 0 1 0 00000387  \n"})
    yield dictionary
    dictionary.close()


def lemma_pos(entry: Entry | None) -> tuple[str, str] | None:
    return (entry.lemma, entry.pos) if entry is not None else None


# --- entries by part of speech ---------------------------------------------------------------


@pytest.mark.parametrize(("word", "pos", "expected"), [
    ("koffie", "noun", ("koffie", "noun")),  # a lemma only the supplement has
    ("wandelen", "verb", ("wandelen", "verb")),  # not the noun ranked above it
    ("kookte", "verb", ("koken", "verb")),  # a form Alpino lists
    ("loop", "verb", ("lopen", "verb")),  # a form that is a noun too
    ("steden", "noun", ("stad", "noun")),  # a plural
    ("rode", "adj", None),  # Alpino's adjective, with no adjective's entry
    ("kookte", "noun", None),  # a verb's form is no noun's
    ("koffie", "verb", None),
    ("qwzrt", "noun", None),
])
def test_a_prefixed_words_rest_is_found_by_its_part_of_speech(
        lexicon: Dictionary, word: str, pos: str, expected: tuple[str, str] | None) -> None:
    assert lemma_pos(_prefixed_entry(lexicon, word, pos)) == expected


@pytest.mark.parametrize(("word", "pos", "expected"), [
    ("wandelen", "verb", ("wandelen", "verb")),  # not the noun ranked above it
    ("koken", "noun", ("koken", "noun")),  # not the verb ranked above it
    ("kookte", "verb", ("koken", "verb")),  # a form Alpino lists
    ("loop", "verb", ("lopen", "verb")),  # a form whose best entry is another noun
    ("rode", "adj", None),  # Alpino's adjective, with no adjective's entry
    ("koffie", "noun", ("koffie", "noun")),
    ("luchten", "noun", ("lucht", "noun")),  # a plural only the supplement gives
    ("kookte", "noun", None),
    ("koffie", "verb", None),
    ("qwzrt", "noun", None),
])
def test_a_slips_intended_word_is_found_by_its_part_of_speech(
        lexicon: Dictionary, word: str, pos: str, expected: tuple[str, str] | None) -> None:
    assert lemma_pos(_slip_entry(lexicon, word, pos)) == expected


@pytest.mark.parametrize(("lemma", "pos", "expected"), [
    ("wandelen", "verb", ("wandelen", "verb")),
    ("koken", "noun", ("koken", "noun")),
    # Alpino's adjective the sources give as a noun: the noun, its gloss an English adjective.
    ("conservatief", "adj", ("conservatief", "noun")),
    ("conservatief", "verb", None),  # only for an adjective
    ("rood", "adj", None),  # 'red colour' is no English adjective
    ("koffie", "adj", None),  # no adjective to Alpino
    ("qwzrt", "noun", None),
])
def test_an_entry_is_typed_by_its_part_of_speech(
        lexicon: Dictionary, lemma: str, pos: str, expected: tuple[str, str] | None) -> None:
    assert lemma_pos(_typed(lexicon, lemma, pos)) == expected


@pytest.mark.parametrize(("piece", "expected"), [
    ("steden", "stad"),
    ("kookten", None),  # a verb's form, not a noun's plural
    ("kookte", None),
    ("oorlog", None),  # a noun's singular
    ("lucht", None),  # a singular is no plural of itself
])
def test_the_singular_of_a_plural_piece(lexicon: Dictionary, piece: str,
                                        expected: str | None) -> None:
    assert _singular(lexicon, piece, "noun") == expected


@pytest.mark.parametrize(("lemma", "piece", "head_lemma", "pos", "expected"), [
    # A plural of two nouns: the one the compound's lemma ends with.
    ("hoofdstad", "steden", "steden", "noun", ("stad", "noun")),
    ("woonstede", "steden", "steden", "noun", ("stede", "noun")),
    # Not the noun ranked above it.
    ("opwandelen", "wandelen", "wandelen", "verb", ("wandelen", "verb")),
    ("wegviel", "viel", "viel", "verb", None),  # a past form is no plural
    ("qwzrtkoffie", "qwzrt", "qwzrt", "noun", None),
])
def test_a_compounds_head_entry(lexicon: Dictionary, lemma: str, piece: str, head_lemma: str,
                                pos: str, expected: tuple[str, str] | None) -> None:
    article = analysed([w(lemma, lemma, "NOUN")])
    found = _head_entry(lexicon, article.tokens[0], CompoundPart(piece, head_lemma), pos)
    assert lemma_pos(found) == expected


@pytest.mark.parametrize(("word", "pos", "expected"), [
    ("Rabo-koffie", "NOUN", (("Rabo", "rabo", "-"), ("koffie", "koffie", ""))),
    ("liberaal-conservatieve", "ADJ",
     (("liberaal", "liberaal", "-"), ("conservatieve", "conservatief", ""))),
    ("Rabo-rode", "ADJ", None),  # rood is an adjective with no adjective's entry
    ("koffie-", "NOUN", None),  # one piece
    ("Rabo-Koffie", "NOUN", None),  # a name's part
    ("Rabo-qwzrt", "NOUN", None),
])
def test_a_hyphenated_words_parts(lexicon: Dictionary, word: str, pos: str,
                                  expected: tuple[tuple[str, str, str], ...] | None) -> None:
    split = _hyphen_split(lexicon, word, pos)
    found = (tuple((p.text, p.lemma, p.link) for p in split.parts)
             if split is not None else None)
    assert found == expected


def test_an_adjective_compound_of_three_parts_is_its_parts_only(lexicon: Dictionary) -> None:
    article = analysed([w("koffie-luchtconservatief", "koffie-luchtconservatief", "ADJ")],
                       lexicon=lexicon)
    # The first part hyphenated, the second not: English would not say it so either.
    split = CompoundSplit((CompoundPart("koffie", "koffie", "-"), CompoundPart("lucht", "lucht"),
                           CompoundPart("conservatief", "conservatief")))
    found = _compound_card(lexicon, article.tokens[0], split, "adj", PartSenses({}))
    assert found is not None and found.senses == ()
    assert [p.lemma for p in found.parts] == ["koffie", "lucht", "conservatief"]


# --- names that are words --------------------------------------------------------------------


@pytest.mark.parametrize(("word", "entity", "expected"), [
    ("NK", True, True),  # a common noun's abbreviation
    ("MRNA", True, True),  # its gloss starts in lower case: "mRNA"
    ("OK", True, False),  # an adjective, not a noun
    ("NK", False, False),  # not a name at all
    ("Nk", True, False),  # not in capitals
])
def test_a_common_nouns_abbreviation_is_a_word(lexicon: Dictionary, word: str, entity: bool,
                                               expected: bool) -> None:
    article = analysed([w("het", "het", "DET"), w(word, word, "PROPN")],
                       entities=[(1, 1, "ORG")] if entity else [], lexicon=lexicon)
    assert _common_abbreviation(lexicon, article, article.tokens[1]) is expected


@pytest.mark.parametrize(("word", "pos", "entity", "expected"), [
    ("Koffie", "NOUN", True, True),
    ("Koffie", "VERB", True, False),  # known, but not as a verb
    ("Koffie", "NOUN", False, False),
])
def test_an_opening_word_is_known_with_its_part_of_speech(
        lexicon: Dictionary, word: str, pos: str, entity: bool, expected: bool) -> None:
    article = analysed([w(word, word.lower(), pos), w(".", ".", "PUNCT")],
                       entities=[(0, 0, "PER")] if entity else [], lexicon=lexicon)
    assert _opening_word(lexicon, article, article.tokens[0]) is expected


# --- idioms and separable verbs --------------------------------------------------------------


@pytest.mark.parametrize(("text", "lemma", "pos", "expected"), [
    ("lucht", "lucht", "NOUN", "air, sky"),
    ("luchtje", "lucht", "NOUN", "air, sky"),  # by its lemma when its form is unknown
    ("wandelde", "wandelen", "VERB", "to walk"),  # the verb, not the noun ranked above it
    ("lucht", "qwzrt", "NOUN", "air, sky"),  # by its form when its lemma is unknown
    ("Lucht", "qwzrt", "PROPN", "air, sky"),
    ("Qwzrt", "lucht", "PROPN", None),  # a name's lemma is not looked up
    ("de", "de", "DET", None),  # a function word
    ("lucht", "lucht", "X", None),  # no dictionary part of speech
    ("qwzrt", "qwzrt", "NOUN", None),
])
def test_an_idiom_words_literal_sense(lexicon: Dictionary, text: str, lemma: str, pos: str,
                                      expected: str | None) -> None:
    article = analysed([w(text, lemma, pos)])
    assert _literal_sense(lexicon, article.tokens[0]) == expected


def test_an_idioms_words_have_their_first_sense(lexicon: Dictionary) -> None:
    words = [w("de", "de", "DET"), w("luchtje", "lucht", "NOUN"), w("lucht", "qwzrt", "NOUN"),
             w("qwzrt", "qwzrt", "NOUN")]
    article = analysed(words)
    phrase = Phrase(0, PhraseKind.IDIOM, "de lucht", (0, 1, 2, 3), "to be seen")
    assert _phrase_parts(lexicon, article, phrase) == (
        GlossPart("de", "de", ()), GlossPart("luchtje", "lucht", ("air, sky",)),
        GlossPart("lucht", "qwzrt", ("air, sky",)), GlossPart("qwzrt", "qwzrt", ()))


@pytest.mark.parametrize(("texts", "lemma", "expected"), [
    (("wandelde", "op"), "opwandelen", ("op", ("wandelen", "verb"))),  # not the noun
    # A word the lemma starts with that leaves two letters or none is no particle.
    (("opet", "op"), "opeten", ("op", ("eten", "verb"))),
    (("opeten", "op"), "opeten", ("op", ("eten", "verb"))),
    (("at", "op"), "opqwzrt", None),
])
def test_a_separable_verbs_particle_and_verb(
        lexicon: Dictionary, texts: tuple[str, ...], lemma: str,
        expected: tuple[str, tuple[str, str]] | None) -> None:
    article = analysed([w(text, text, "VERB") for text in texts], lexicon=lexicon)
    phrase = Phrase(0, PhraseKind.SEPARABLE_VERB, lemma, tuple(range(len(texts))))
    split = _separable_split(lexicon, article, phrase)
    assert ((split[0], lemma_pos(split[1])) if split is not None else None) == expected


@pytest.mark.parametrize(("meaning", "literal", "expected"), [
    # The word's sense says what the idiom says: the meanings alone.
    ("to take aback, to surprise", "to take aback", ("to take aback, to surprise",)),
    ("to take aback", "to take aback, surprise", ("to take aback",)),
    ("to surprise", "air, sky", ("air, sky", "x: to surprise")),
    # At most three senses.
    ("a; b; c; d", "air", ("air", "x: a", "b")),
])
def test_an_idioms_senses(meaning: str, literal: str, expected: tuple[str, ...]) -> None:
    assert idiom_senses("x", meaning, literal) == expected


@pytest.mark.parametrize(("senses", "particle", "expected"), [
    (("to come, to arrive", "to get", "to become"), "thuis",
     ("to come home, to arrive home", "to come, to arrive", "to get")),
    (("to come", "to get", "to become", "to reach"), "op",
     ("to come", "to get", "to become")),
])
def test_a_particle_verbs_senses_are_three(senses: tuple[str, ...], particle: str,
                                           expected: tuple[str, ...]) -> None:
    assert with_particle(senses, particle) == expected


# --- guesses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("senses", "expected"), [
    # Plurals as their singulars too: -ies as -y, -es as both cuts, -s as one.
    (("berries, boxes",), {"berries", "berry", "boxes", "boxe", "box"}),
    (("fire engine", "cats"), {"fireengine", "cats", "cat"}),
    (("dog",), {"dog"}),
])
def test_an_entrys_glosses(senses: tuple[str, ...], expected: set[str]) -> None:
    assert _glosses(Entry("x", "noun", senses, "s")) == expected


def test_a_guess_from_a_verb_carries_the_verb(lexicon: Dictionary) -> None:
    article = analysed([w("rokers", "roker", "NOUN")], lexicon=lexicon)
    verb = Entry("roken", "verb", ("to smoke", "to cure"), "leeswijzer")
    assert _guessed_from_verb(article.tokens[0], "roker", verb, "smoker", AGENT_NOTE) == \
        GlossCard(form="rokers", lemma="roker", pos="NOUN", kind=GlossKind.WORD,
                  senses=("smoker",), source="leeswijzer",
                  parts=(GlossPart("roker", "roken", ("to smoke",)),), uncertain=AGENT_NOTE)


ENGLISH = {"una": 2.0, "unseen": 1.5, "unfit": 3.0}


@pytest.mark.parametrize(("sense", "fallback", "min_length", "expected"), [
    ("a", "", None, "una"),  # any length by default
    ("seen", "", None, "unseen"),  # as frequent as the threshold
    ("seen, fit", "", 4, "unseen"),  # as long as the least
    ("noticed", "not ", None, "not noticed"),  # no such English word: the fallback
    ("noticed", "", None, ""),
])
def test_a_prefixed_sense(monkeypatch: pytest.MonkeyPatch, sense: str, fallback: str,
                          min_length: int | None, expected: str) -> None:
    monkeypatch.setattr(glossing, "english_zipf", lambda word: ENGLISH.get(word, 0.0))
    if min_length is None:
        assert prefixed_sense(sense, ("un",), fallback) == expected
    else:
        assert prefixed_sense(sense, ("un",), fallback, min_length) == expected


# --- sentences -------------------------------------------------------------------------------


@pytest.mark.parametrize(("index", "expected"), [
    (0, [0, 1, 2]), (2, [0, 1, 2]), (3, [3, 4]), (4, [3, 4]), (5, [5, 6]), (6, [5, 6]),
])
def test_a_tokens_sentence(index: int, expected: list[int]) -> None:
    words = [w(text, text, "NOUN") for text in ("a", "b", "c", "d", "e", "f", "g")]
    article = analysed(words, sentence_starts=(0, 3, 5))
    found = _sentence_tokens(article, article.tokens[index])
    assert [token.index for token in found] == expected


# --- -baar and -loos adjectives, learned verbs -----------------------------------------------

# English frequencies the guesses below rest on (the -less word at the threshold).
ENGLISH_WORDS = {"directionless": 2.0, "hellenized": 3.0, "smoker": 3.0, "washing": 2.0,
                 "walking": 3.0, "walker": 2.0, "seeing": 3.0, "lowering": 2.0,
                 "threatening": 3.0, "sending": 3.0, "emailing": 3.0}


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glossing, "english_zipf", lambda word: ENGLISH_WORDS.get(word, 0.0))


@pytest.mark.parametrize(("word", "lemma", "sense", "part"), [
    ("vouwbare", "vouwbaar", "that can be folded", GlossPart("vouw", "vouwen", ("to fold",))),
    ("Wasbaar", "wasbaar", "that can be washed", GlossPart("Was", "wassen", ("to wash",))),
    # The verb, not the noun ranked above it.
    ("wandelbaar", "wandelbaar", "that can be walked",
     GlossPart("wandel", "wandelen", ("to walk",))),
    ("richtingloze", "richtingloos", "directionless",
     GlossPart("richting", "richting", ("direction",))),
    ("tafelloos", "tafelloos", "without table", GlossPart("tafel", "tafel", ("table",))),
    ("werkeloos", "werkeloos", "without work", GlossPart("werke", "werk", ("work",))),
    ("zinloos", "zinloos", "without sense", GlossPart("zin", "zin", ("sense",))),
])
def test_a_baar_or_loos_card(english: None, lexicon: Dictionary, word: str, lemma: str,
                             sense: str, part: GlossPart) -> None:
    article = analysed([w(word, word.lower(), "ADJ")])
    assert _suffix_card(lexicon, article.tokens[0]) == GlossCard(
        form=word, lemma=lemma, pos="ADJ", kind=GlossKind.WORD, senses=(sense,),
        source="leeswijzer", parts=(part,), uncertain=SUFFIX_NOTE)


@pytest.mark.parametrize("word", [
    "zetbaar",  # the verb's first sense is no plain word
    "gabaar",  # too short a base
    "qwzrtbaar",  # no verb
    "qwzrtloos",  # no noun
    "fijnloos",  # an adjective, not a noun
    "kerstloos",  # a name-like English word
    "vuurloos",  # the noun's first sense is no plain word
    "vouwbaar2",
    "vouwen",
])
def test_no_baar_or_loos_card(english: None, lexicon: Dictionary, word: str) -> None:
    article = analysed([w(word, word, "ADJ")])
    assert _suffix_card(lexicon, article.tokens[0]) is None


@pytest.mark.parametrize(("text", "lemma", "morph", "sense"), [
    ("helleniseren", "helleniseren", "", "to hellenize"),
    ("helleniseerde", "helleniseerde", "", "to hellenize"),  # by its form's infinitive
    ("gehelleniseerd", "gehelleniseerd", "VerbForm=Part", "hellenized"),
])
def test_a_learned_verbs_english_lookalike(english: None, lexicon: Dictionary, text: str,
                                           lemma: str, morph: str, sense: str) -> None:
    article = analysed([w(text, lemma, "VERB", morph=morph)])
    assert _verb_lookalike_card(lexicon, article.tokens[0]) == GlossCard(
        form=text, lemma="helleniseren", pos="VERB", kind=GlossKind.WORD, senses=(sense,),
        source="English look-alike", uncertain=LOOKALIKE_NOTE)


def test_no_lookalike_for_a_verb_english_text_lacks(english: None, lexicon: Dictionary) -> None:
    article = analysed([w("persifleren", "persifleren", "VERB")])
    assert _verb_lookalike_card(lexicon, article.tokens[0]) is None


# --- nouns made from verbs -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "lemma", "expected"), [
    ("wandeling", "wandeling", ("wandeling", "walking", "wandelen", "to walk")),
    ("wandelingen", "wandelingen", ("wandeling", "walking", "wandelen", "to walk")),
    # A stem of four letters; the gerund as frequent as the threshold.
    ("wassing", "wassing", ("wassing", "washing", "wassen", "to wash")),
    ("kooking", "kooking", None),  # no verb kooken
    ("zetting", "zetting", None),  # a stem of three letters: a word of its own more often
    ("tafeling", "tafeling", None),
])
def test_an_action_noun_no_source_lists(english: None, lexicon: Dictionary, text: str,
                                        lemma: str,
                                        expected: tuple[str, str, str, str] | None) -> None:
    article = analysed([w(text, lemma, "NOUN")])
    found = _action_card(lexicon, article.tokens[0])
    if expected is None:
        assert found is None
        return
    singular, sense, verb, verb_sense = expected
    assert found == GlossCard(form=text, lemma=singular, pos="NOUN", kind=GlossKind.WORD,
                              senses=(sense,), source="leeswijzer",
                              parts=(GlossPart(singular, verb, (verb_sense,)),),
                              uncertain=ACTION_NOTE)


@pytest.mark.parametrize(("text", "lemma", "expected"), [
    ("rokers", "roker", ("roker", "smoker")),
    ("róker", "roker", ("roker", "smoker")),  # by its lemma, when its form is no word
    ("roker", "", ("roker", "smoker")),  # by its form, when it has no lemma
    ("wandelaars", "wandelaars", ("wandelaar", "walker")),  # the verb, not the noun
    ("paffer", "paffer", None),  # only a verb's first two senses are tried
    ("rokere", "rokere", None),  # no plural's -s
    ("rokeer", "rokeer", None),  # no agent's ending
    ("rokers", "qwzrt", None),
])
def test_an_agent_noun_no_source_lists(english: None, lexicon: Dictionary, text: str,
                                       lemma: str, expected: str | None) -> None:
    token = replace(analysed([w(text, text, "NOUN")]).tokens[0], lemma=lemma)
    found = _agent_card(lexicon, token)
    if expected is None:
        assert found is None
    else:
        assert found is not None and (found.lemma, found.senses[0]) == expected


# --- slips of the pen ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "pos", "expected"), [
    ("koffei", "NOUN", "koffie"),  # two letters swapped; as rare as a slip may be
    ("kaffie", "NOUN", None),  # too frequent for a slip
    ("Koffei", "NOUN", None),  # capitalised
    ("koff-ie", "NOUN", None),  # not a plain word
    ("koffei", "X", None),  # no dictionary part of speech
    ("kofie", "NOUN", None),  # too short
])
def test_a_slip_of_the_pen(lexicon: Dictionary, text: str, pos: str,
                           expected: str | None) -> None:
    found = _slip_card(lexicon, analysed([w(text, text.lower(), pos)]).tokens[0])
    if expected is None:
        assert found is None
    else:
        # koffer is one letter away too, but rare: only the frequent word counts.
        assert found is not None and (found.lemma, found.senses) == (expected, ("coffee",))
        assert found.uncertain == f"{SLIP_NOTE} {expected}" and found.single_source is False
        assert found.kind is GlossKind.WORD


def test_a_slip_card_is_no_single_sources(lexicon: Dictionary) -> None:
    # abdicatie's sense is one source's (the fixture's English Wiktionary): a guess says so
    # with its own note, not that one.
    found = _slip_card(lexicon, analysed([w("abdikatie", "abdikatie", "NOUN")]).tokens[0])
    assert found is not None and found.lemma == "abdicatie" and found.single_source is False


def test_a_slip_for_a_verbs_participle_reads_as_one(lexicon: Dictionary) -> None:
    token = analysed([w("vouwene", "vouwene", "VERB", morph="VerbForm=Part")]).tokens[0]
    found = _slip_card(lexicon, token)
    assert found is not None and (found.lemma, found.senses) == ("vouwen", ("folded", "creased"))


# --- the modifier of a noun + participle -----------------------------------------------------


@pytest.mark.parametrize(("written", "infinitive", "expected"), [
    ("koorts", "verlagen", ("koorts", "", "fever")),
    ("levens", "bedreigen", ("leven", "s", "life")),  # a linking -s
    ("zin", "geven", ("zin", "", "sense")),  # a noun of three letters
    ("hoofd", "breken", ("hoofd", "", "main")),  # as compound_parts.tsv glosses it
    ("pijns", "tillen", None),  # s + tillen is a word, however rare: the -s is no link
    ("tafelt", "lopen", None),  # no -s: no link
    ("roken", "lopen", None),  # a verb, not a noun
    ("thuis", "komen", None),  # an adverb too
    ("kerst", "vieren", None),  # its English word is a name
    ("conservatief", "lopen", None),  # its English word is no noun
])
def test_a_participle_compounds_modifier(lexicon: Dictionary, written: str, infinitive: str,
                                         expected: tuple[str, str, str] | None) -> None:
    assert _participle_modifier(lexicon, written, infinitive) == expected


@pytest.mark.parametrize(("english", "expected"), [
    ("smoker", True),  # a noun to WordNet
    ("conservative", False),  # an adjective only
    ("qwzrt", True),  # WordNet does not list it
])
def test_what_may_be_an_english_noun(lexicon: Dictionary, english: str, expected: bool) -> None:
    assert _may_be_noun(lexicon, english) is expected


# --- plurals that are nouns of their own -----------------------------------------------------

KOOR = Entry("koor", "noun", ("choir",), "leeswijzer", "het", "koren")
# A reading one source gives: the card of two readings is no longer one source's.
KOOR_ONCE = replace(KOOR, single_source=True)


@pytest.mark.parametrize(("words", "index", "entry", "expected"), [
    (["de", "koren"], 1, KOOR, ("choir", "also het koren: grain")),
    (["de", "koren"], 1, KOOR_ONCE, ("choir", "also het koren: grain")),
    (["het", "koren"], 1, KOOR, ("grain", "also the plural of koor: choir")),
    # First in the text: nothing stands before it (not the text's last word).
    (["koren", "het"], 0, KOOR, ("choir", "also het koren: grain")),
    (["de", "koren"], 1, Entry("koor", "verb", ("to sing",), "x"), None),  # not a noun
    (["de", "koren"], 1, Entry("tafel", "noun", ("table",), "x"), None),  # no plural of it
    (["de", "noten"], 1, Entry("noot", "noun", ("nut",), "x"), None),  # noten has no article
    (["de", "steden"], 1, Entry("stad", "noun", ("city",), "x"), None),  # no noun of its own
])
def test_a_plural_that_is_a_noun_of_its_own(lexicon: Dictionary, words: list[str], index: int,
                                            entry: Entry,
                                            expected: tuple[str, str] | None) -> None:
    article = analysed([w(text, text, "NOUN" if text not in ("de", "het") else "DET")
                        for text in words])
    found = _homograph_card(lexicon, article, article.tokens[index], entry)
    if expected is None:
        assert found is None
    else:
        assert found is not None and found.senses == expected
        assert found.uncertain == HOMOGRAPH_NOTE and found.single_source is False
        assert found.kind is GlossKind.WORD


def test_only_a_noun_token_is_a_homograph(lexicon: Dictionary) -> None:
    article = analysed([w("de", "de", "DET"), w("koren", "koren", "VERB")])
    assert _homograph_card(lexicon, article, article.tokens[1], KOOR) is None


# --- present participles ---------------------------------------------------------------------


@pytest.mark.parametrize(("word", "expected"), [
    ("wandelend", ("wandelen", "verb")),  # the verb, not the noun ranked above it
    ("wandelende", ("wandelen", "verb")),
    ("wandelends", ("wandelen", "verb")),
    ("ziende", ("zien", "verb")),  # a short verb
    ("wandelen", None),
    ("e-mailend", None),  # not one plain word
    ("qwzrtend", None),
])
def test_the_verb_of_a_present_participle(lexicon: Dictionary, word: str,
                                          expected: tuple[str, str] | None) -> None:
    assert lemma_pos(_participle_verb(lexicon, word)) == expected


def test_a_present_participle_reads_as_its_gerund(english: None, lexicon: Dictionary) -> None:
    token = analysed([w("wassende", "wassen", "ADJ")]).tokens[0]
    verb = Entry("wassen", "verb", ("to wash",), "leeswijzer")
    # The gerund as frequent as the threshold.
    assert _as_used(lexicon, token, verb).senses == ("washing",)


@pytest.mark.parametrize(("word", "sense", "parts"), [
    # The gerund as frequent as the threshold.
    ("koortsverlagend", "fever-lowering",
     (GlossPart("koorts", "koorts", ("fever",)),
      GlossPart("verlagend", "verlagen", ("lowering",)))),
    ("levensbedreigends", "life-threatening",
     (GlossPart("levens", "leven", ("life",)),
      GlossPart("bedreigends", "bedreigen", ("threatening",)))),
    # The verb, not the noun ranked above it.
    ("koortswandelend", "fever-walking",
     (GlossPart("koorts", "koorts", ("fever",)),
      GlossPart("wandelend", "wandelen", ("walking",)))),
])
def test_a_participle_compound_card(english: None, lexicon: Dictionary, word: str, sense: str,
                                    parts: tuple[GlossPart, ...]) -> None:
    token = analysed([w(word, word.lower(), "ADJ")]).tokens[0]
    assert _participle_compound_card(lexicon, token) == GlossCard(
        form=word, lemma=word.lower(), pos="ADJ", kind=GlossKind.COMPOUND, senses=(sense,),
        source="leeswijzer", parts=parts, uncertain=COMPOSED_NOTE)


@pytest.mark.parametrize("word", [
    "koortsvouwend",  # English text lacks 'folding' here: no gerund
    "koortsziend",  # a verb's participle of five letters is too short to be sure of
    "koorts-verlagend",  # not one plain word
    "e-mailzendend",
])
def test_no_participle_compound(english: None, lexicon: Dictionary, word: str) -> None:
    assert _participle_compound_card(lexicon, analysed([w(word, word, "ADJ")]).tokens[0]) is None


@pytest.mark.parametrize(("form", "expected"), [
    ("wandelen", "wandelen"),
    ("zien", "zien"),  # an infinitive of four letters
    ("kookte", "koken"),  # a form Alpino lists
    ("wandelde", "wandelen"),  # by the inflection rules
    ("wandel", "wandelen"),
    ("koffie", None),  # no verb
])
def test_the_verb_a_form_is_of(lexicon: Dictionary, form: str, expected: str | None) -> None:
    found = _verb_entry(lexicon, form)
    assert (found.lemma if found is not None else None) == expected


def test_a_particle_verb_card(lexicon: Dictionary) -> None:
    token = analysed([w("Meevouwen", "meevouwen", "VERB")]).tokens[0]
    assert _particle_verb_card(lexicon, token) == GlossCard(
        form="Meevouwen", lemma="meevouwen", pos="VERB", kind=GlossKind.WORD,
        senses=("to fold along", "to fold", "to crease"), source="leeswijzer",
        parts=(GlossPart("mee", "mee", ()), GlossPart("vouwen", "vouwen", ("to fold",))),
        uncertain=PARTICLE_NOTE)
