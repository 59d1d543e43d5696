"""Noun + present participle adjectives (koortsverlagend: fever-lowering), hyphenated
adjective compounds (liberaal-conservatieve: liberal-conservative) and -baar and -loos
adjectives (vouwbaar: that can be folded) on a small fixture dictionary: the cards composed,
and the words no composition may be trusted for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fixture_dictionaries import built_dictionary
from parse_data import analysed, w

from assistant.lexicon.glossing import COMPOSED_NOTE, SUFFIX_NOTE, gloss_card
from assistant.lexicon.store import Dictionary
from assistant.models import GlossCard, GlossKind

SUPPLEMENT = (
    "lemma\tpos\tarticle\tplural\tprincipal_parts\tsenses\tsource\n"
    "koorts\tnoun\tde\t\t\tfever\tleeswijzer\n"
    "verlagen\tverb\t\t\t\tto lower, to reduce\tleeswijzer\n"
    "leven\tnoun\thet\t\t\tlife\tleeswijzer\n"
    "bedreigen\tverb\t\t\t\tto threaten, to endanger\tleeswijzer\n"
    "pijn\tnoun\tde\t\t\tpain\tleeswijzer\n"
    "stillen\tverb\t\t\t\tto relieve, to soothe\tleeswijzer\n"
    "tillen\tverb\t\t\t\tto lift\tleeswijzer\n"
    "goed\tnoun\thet\t\t\tgoods\tleeswijzer\n"
    "goed\tadj\t\t\t\tgood\tleeswijzer\n"
    "lopen\tverb\t\t\t\tto walk, to run\tleeswijzer\n"
    "richting\tnoun\tde\t\t\tdirection\tleeswijzer\n"
    "geven\tverb\t\t\t\tto give\tleeswijzer\n"
    "kosten\tnoun\tde\t\t\tcost\tleeswijzer\n"
    "drukken\tverb\t\t\t\tto push down, to press\tleeswijzer\n"
    "zwaar\tadj\t\t\t\theavy\tleeswijzer\n"
    "baanbrekend\tadj\t\t\t\tgroundbreaking, pioneering\tleeswijzer\n"
    "liberaal\tadj\t\t\t\tliberal\tleeswijzer\n"
    "conservatief\tnoun\tde\t\t\tconservative\tleeswijzer\n"
    "boek\tnoun\thet\t\t\tbook\tleeswijzer\n"
    "vouwen\tverb\t\t\t\tto fold, to turn up\tleeswijzer\n"
    "bewaren\tverb\t\t\t\tto keep, to store\tleeswijzer\n"
    "afbreken\tverb\t\t\t\tto break down, to demolish\tleeswijzer\n"
    "baar\tnoun\tde\t\t\tbar (of gold)\tleeswijzer\n"
    "baar\tadj\t\t\t\tbare, cash\tleeswijzer\n"
    "loos\tadj\t\t\t\tfalse\tleeswijzer\n"
    "goud\tnoun\thet\t\t\tgold\tleeswijzer\n"
    "vrucht\tnoun\tde\t\t\tfruit\tleeswijzer\n"
    "gedachte\tnoun\tde\t\t\tthought, idea\tleeswijzer\n"
    "tafel\tnoun\tde\t\t\ttable\tleeswijzer\n"
    "kerst\tnoun\tde\t\t\tChristmas\tleeswijzer\n"
    "zetten\tverb\t\t\t\tto put (in place)\tleeswijzer\n"
    "moedig\tadj\t\t\t\tbrave\tleeswijzer\n"
    "ultra\tnoun\tde\t\t\textremist\tleeswijzer\n"
)
# Alpino's adjectives: conservatief is one, though the sources list it as a noun only.
ADJECTIVES = (
    "a([e(conservatieve),no_e(conservatief)],adv,[],[]).\n"
    "a([e(liberale),no_e(liberaal)],adv,[],[]).\n"
)
FREQUENCIES = {"stillen": 2.9, "tillen": 3.5, "slopen": 3.0, "goud": 4.0, "baar": 3.0,
               "vrucht": 3.5, "richting": 4.0, "loos": 3.0, "zwaar": 4.0, "moedig": 3.0,
               "ultra": 3.0}


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dictionary]:
    dictionary = built_dictionary(
        tmp_path_factory.mktemp("participle-dict"), SUPPLEMENT, FREQUENCIES,
        {"alpino/adjectives.pl": ADJECTIVES,
         "wordnet/index.adj": "conservative a 1 0 1 0 00000060  \n",
         "wordnet/verb.exc": "kept keep\nbroke break\nbroken break\n"})
    yield dictionary
    dictionary.close()


def card(dictionary: Dictionary, word: str, pos: str = "ADJ") -> GlossCard | None:
    article = analysed([w("het", "het", "DET"), w(word, word, pos)], lexicon=dictionary)
    return gloss_card(dictionary, article, 1)


@pytest.mark.parametrize(("word", "pos", "sense", "parts"), [
    ("koortsverlagend", "ADJ", "fever-lowering",
     [("koorts", "koorts", ("fever",)), ("verlagend", "verlagen", ("lowering",))]),
    # The inflected forms, and a verb tag (the stand-in pipeline's).
    ("koortsverlagende", "VERB", "fever-lowering",
     [("koorts", "koorts", ("fever",)), ("verlagende", "verlagen", ("lowering",))]),
    # A linking -s after the noun.
    ("levensbedreigend", "ADJ", "life-threatening",
     [("levens", "leven", ("life",)), ("bedreigend", "bedreigen", ("threatening",))]),
    # The -s begins the verb when s + verb is a word: pijn + stillend, not pijns + tillend.
    ("pijnstillend", "ADV", "pain-relieving",
     [("pijn", "pijn", ("pain",)), ("stillend", "stillen", ("relieving",))]),
])
def test_a_noun_and_a_present_participle_compose(lexicon: Dictionary, word: str, pos: str,
                                                 sense: str,
                                                 parts: list[tuple[str, str, tuple[str, ...]]]
                                                 ) -> None:
    found = card(lexicon, word, pos)
    assert found is not None and found.kind is GlossKind.COMPOUND
    assert found.senses == (sense,) and found.uncertain == COMPOSED_NOTE
    assert [(p.text, p.lemma, p.senses) for p in found.parts] == parts


@pytest.mark.parametrize("word", [
    "goedlopend",  # goed is an adjective too: English would want an adverb (well-running)
    "zwaartillend",  # an adjective only, and the sum is idiomatic (gloomy)
    "richtinggevend",  # a light verb: its compounds are idioms (guiding, not direction-giving)
    "kostendrukkend",  # the verb's first sense is no one word (push down)
    "koortsverlagen",  # not a participle
    "koortsqwzend",  # no verb
    "pijnslopend",  # slopen is a word the dictionary lacks: the -s is no link (pijns + lopend)
])
def test_no_participle_composition_when_it_cannot_be_trusted(lexicon: Dictionary,
                                                             word: str) -> None:
    found = card(lexicon, word)
    assert found is None or not found.senses or found.kind is not GlossKind.COMPOUND


def test_a_word_the_dictionary_has_keeps_its_entry(lexicon: Dictionary) -> None:
    found = card(lexicon, "baanbrekend")
    assert found is not None and found.kind is GlossKind.WORD
    assert found.senses[0] == "groundbreaking, pioneering"


def test_a_hyphenated_adjective_compound_is_hyphenated_in_english(lexicon: Dictionary) -> None:
    # conservatief: Alpino's adjective, the sources' noun, an English adjective.
    found = card(lexicon, "liberaal-conservatieve")
    assert found is not None and found.kind is GlossKind.COMPOUND
    assert found.senses == ("liberal-conservative",) and found.uncertain == COMPOSED_NOTE
    assert [p.lemma for p in found.parts] == ["liberaal", "conservatief"]


@pytest.mark.parametrize(("word", "pos"), [
    ("liberaal-boeken", "ADJ"),  # boek is no adjective Alpino lists
    ("liberaal-conservatief", "NOUN"),  # as a noun it is a noun compound, spaced
])
def test_no_hyphenated_adjective_where_the_head_is_none(lexicon: Dictionary, word: str,
                                                        pos: str) -> None:
    found = card(lexicon, word, pos)
    assert found is None or found.senses != ("liberal-conservative",)


@pytest.mark.parametrize(("word", "sense", "lemma", "base"), [
    ("vouwbare", "that can be folded", "vouwbaar", "vouwen"),  # a verb stem + -baar
    ("bewaarbaar", "that can be kept", "bewaarbaar", "bewaren"),  # bewaar-: bewaren
    ("afbreekbaar", "that can be broken down", "afbreekbaar", "afbreken"),  # a phrasal verb
    ("richtingloze", "directionless", "richtingloos", "richting"),  # English has the -less word
    ("gedachteloos", "thoughtless", "gedachteloos", "gedachte"),
    ("tafelloos", "without table", "tafelloos", "tafel"),  # English has none
])
def test_a_baar_or_loos_adjective_is_made_from_its_word(lexicon: Dictionary, word: str,
                                                        sense: str, lemma: str,
                                                        base: str) -> None:
    found = card(lexicon, word)
    assert found is not None and found.kind is GlossKind.WORD
    assert found.senses == (sense,) and found.uncertain == SUFFIX_NOTE
    assert found.lemma == lemma and [part.lemma for part in found.parts] == [base]


@pytest.mark.parametrize(("word", "pos", "never"), [
    ("vruchtbare", "ADJ", "fruit bare"),  # vrucht is no verb; nor is -bare a head
    ("richtingloos", "ADJ", "direction false"),  # the suffix as a head (if no rule applied)
    ("kerstloos", "ADJ", "christmasless"),  # a name-like English word: no card made
    ("zetbaar", "ADJ", "that can be put (in place)"),  # the verb's first sense is no plain word
])
def test_no_baar_or_loos_sense_that_cannot_be_trusted(lexicon: Dictionary, word: str,
                                                      pos: str, never: str) -> None:
    found = card(lexicon, word, pos)
    assert found is None or never not in found.senses
    assert found is None or found.kind is not GlossKind.COMPOUND


def test_a_noun_may_still_end_in_a_word_like_baar(lexicon: Dictionary) -> None:
    found = card(lexicon, "goudbaar", "NOUN")  # a gold bar
    assert found is not None and found.kind is GlossKind.COMPOUND
    assert [part.lemma for part in found.parts] == ["goud", "baar"]


def test_an_adjective_written_as_one_word_shows_its_parts_only(lexicon: Dictionary) -> None:
    # zwaarmoedig is melancholy, no "heavy brave": English seldom says an adjective so.
    found = card(lexicon, "zwaarmoedige")
    assert found is not None and found.kind is GlossKind.COMPOUND and found.senses == ()
    assert [(p.lemma, p.senses) for p in found.parts] == [("zwaar", ("heavy",)),
                                                         ("moedig", ("brave",))]


def test_an_english_prefix_still_composes_an_adjective(lexicon: Dictionary) -> None:
    # compound_parts.tsv: ultra- is an English prefix in compounds, not the noun "extremist"
    found = card(lexicon, "ultramoedige")
    assert found is not None and found.senses == ("ultra-brave",)
    assert found.uncertain == COMPOSED_NOTE
