"""Token → GlossCard on hand-built parse data and the fixture dictionary: the lookup chain,
parts of speech, compounds, and names that are not words."""

from __future__ import annotations

import pytest
from parse_data import Word, analysed, w

from assistant.lexicon.glossing import (
    AGENT_NOTE,
    COMPOSED_NOTE,
    HEAD_NOTE,
    HOMOGRAPH_NOTE,
    LOOKALIKE_NOTE,
    PARTICLE_NOTE,
    first_item,
    gloss_card,
    unaccented,
)
from assistant.lexicon.store import Dictionary
from assistant.models import GlossCard, GlossKind


def card_of(dictionary: Dictionary, words: list[Word], index: int,
            entities: tuple[tuple[int, int, str], ...] = ()) -> GlossCard | None:
    return gloss_card(dictionary, analysed(words, entities, lexicon=dictionary), index)


def first_sense(card: GlossCard | None) -> str | None:
    return card.senses[0] if card is not None and card.senses else None


# --- the lookup chain ------------------------------------------------------------------------


def test_lemma_and_pos_come_before_the_form(fixture_dictionary: Dictionary) -> None:
    # "was" is also a noun (wax, laundry) with more sources than the verb "zijn": looking the
    # form up first would gloss the past tense as "wax".
    words = [w("Het", "het", "PRON"), w("was", "zijn", "AUX"), w("koud", "koud", "ADJ")]
    card = card_of(fixture_dictionary, words, 1)
    assert card is not None and card.lemma == "zijn" and first_sense(card) == "be"
    noun = card_of(fixture_dictionary, [w("de", "de", "DET"), w("was", "was", "NOUN")], 1)
    assert first_sense(noun) == "wax"


@pytest.mark.parametrize(("pos", "sense"), [("VERB", "live"), ("NOUN", "life, living")])
def test_the_tokens_part_of_speech_picks_the_entry(fixture_dictionary: Dictionary, pos: str,
                                                   sense: str) -> None:
    card = card_of(fixture_dictionary, [w("leven", "leven", pos)], 0)
    assert first_sense(card) == sense


def test_the_steps_in_order(fixture_dictionary: Dictionary) -> None:
    words = [
        w("oorlog", "oorlog", "NOUN"),           # lemma + POS
        w("haven", "haven", "VERB"),             # lemma with another POS
        w("wapenstilstand", "xyz", "NOUN"),      # surface form (bad lemma)
        w("uitviel", "uitviel", "VERB"),         # a form Alpino lists (uitvallen)
        w("qwxz", "qwxz", "NOUN"),               # nothing
        w(",", ",", "PUNCT"),
    ]
    cards = [card_of(fixture_dictionary, words, i) for i in range(len(words))]
    assert cards[0] is not None and cards[0].kind is GlossKind.WORD
    assert first_sense(cards[0]) == "war" and cards[0].article == "de"
    assert "harbour" in " ".join(cards[1].senses if cards[1] else ())
    assert "truce" in (first_sense(cards[2]) or "")
    assert cards[3] is not None and cards[3].lemma == "uitvallen"
    assert cards[3].principal_parts == "uitvallen, viel uit, uitgevallen"
    assert cards[4] is None and cards[5] is None
    assert gloss_card(fixture_dictionary, analysed(words), 99) is None


def test_inflection_rules_find_what_no_source_lists(fixture_dictionary: Dictionary) -> None:
    card = card_of(fixture_dictionary, [w("gepantserde", "pantsren", "ADJ")], 0)
    assert card is not None and card.kind is GlossKind.INFLECTION
    assert card.senses == ("armoured",)


def test_a_participle_used_as_an_adjective_gets_the_adjective(
        fixture_dictionary: Dictionary) -> None:
    words = [w("de", "de", "DET"),
             w("uitgeputte", "uitputten", "VERB", "amod", 2, "VerbForm=Part"),
             w("renners", "renner", "NOUN")]
    card = card_of(fixture_dictionary, words, 1)
    assert card is not None and card.lemma == "uitgeput" and first_sense(card) == (
        "exhausted, used up")
    verbal = [w("Hij", "hij", "PRON"), w("heeft", "hebben", "AUX", "aux", 3),
              w("haar", "haar", "PRON"), w("uitgeput", "uitputten", "VERB", "root", None,
                                           "VerbForm=Part")]
    card = card_of(fixture_dictionary, verbal, 3)
    assert card is not None and card.lemma == "uitputten"
    assert "exhaust" in (first_sense(card) or "")


PART = "VerbForm=Part"


@pytest.mark.parametrize(
    ("words", "index", "lemma", "sense"),
    [
        # No hebben or worden: the participle describes. Standing alone, the adverb first.
        ([w("Hij", "hij", "PRON"), w(",", ",", "PUNCT"),
          w("omgekeerd", "omkeren", "VERB", "conj", 0, PART)], 2, "omgekeerd", "conversely"),
        ([w("het", "het", "PRON"), w("is", "zijn", "AUX"),
          w("omgekeerd", "omkeren", "VERB", "root", None, PART)], 2, "omgekeerd", "conversely"),
        # Inflected, before a noun: the adjective.
        ([w("de", "de", "DET"), w("omgekeerde", "omkeren", "VERB", "amod", 2, PART),
          w("stad", "stad", "NOUN")], 1, "omgekeerd", "reverse"),
        # Only an adjective listed: that one, after zijn too.
        ([w("Hij", "hij", "PRON"), w("was", "zijn", "AUX"),
          w("uitgeput", "uitputten", "VERB", "root", None, PART)], 2, "uitgeput",
         "exhausted, used up"),
        # A perfect or a passive: the verb's.
        ([w("Hij", "hij", "PRON"), w("heeft", "hebben", "AUX", "aux", 2),
          w("omgekeerd", "omkeren", "VERB", "root", None, PART)], 2, "omkeren", "to turn over"),
        ([w("Het", "het", "PRON"), w("wordt", "worden", "AUX", "aux:pass", 2),
          w("omgekeerd", "omkeren", "VERB", "root", None, PART)], 2, "omkeren", "to turn over"),
        # Not a participle: the verb's.
        ([w("Zij", "zij", "PRON"), w("keerde", "omkeren", "VERB", "root", None,
                                     "Tense=Past|VerbForm=Fin")], 1, "omkeren", "to turn over"),
    ],
)
def test_a_participle_that_describes_takes_the_adjective_or_adverb(
        fixture_dictionary: Dictionary, words: list[Word], index: int, lemma: str,
        sense: str) -> None:
    card = card_of(fixture_dictionary, words, index)
    assert card is not None and (card.lemma, first_sense(card)) == (lemma, sense)


def test_an_auxiliary_in_another_sentence_does_not_count(
        fixture_dictionary: Dictionary) -> None:
    words = [w("Hij", "hij", "PRON"), w("heeft", "hebben", "AUX"), w(".", ".", "PUNCT"),
             w("Omgekeerd", "omkeren", "VERB", "root", None, PART)]
    article = analysed(words, lexicon=fixture_dictionary, sentence_starts=(0, 3))
    card = gloss_card(fixture_dictionary, article, 3)
    assert card is not None and first_sense(card) == "conversely"


@pytest.mark.parametrize(
    ("words", "index", "sense"),
    [
        # An inflected participle is an adjective; a verb's senses become English participles.
        ([w("de", "de", "DET"), w("gevallene", "vallen", "VERB", "amod", 2, "VerbForm=Part"),
          w("stad", "stad", "NOUN")], 1, "fallen"),
        ([w("de", "de", "DET"), w("gereisde", "reizen", "VERB", "amod", 2, "VerbForm=Part"),
          w("stad", "stad", "NOUN")], 1, "gone, moved, traveled"),
        ([w("de", "de", "DET"), w("gereisd", "reizen", "ADJ")], 1, "gone, moved, traveled"),
    ],
)
def test_a_participle_used_as_an_adjective_without_an_adjective_entry(
        fixture_dictionary: Dictionary, words: list[Word], index: int, sense: str) -> None:
    card = card_of(fixture_dictionary, words, index)
    assert card is not None and first_sense(card) == sense


@pytest.mark.parametrize(
    ("words", "index", "sense"),
    [
        # A participle of the verb itself (uninflected), a finite verb, an infinitive.
        ([w("het", "het", "PRON"), w("is", "zijn", "AUX"),
          w("gereisd", "reizen", "VERB", "root", None, "VerbForm=Part")], 2, "go, move, travel"),
        ([w("zij", "zij", "PRON"), w("reisde", "reizen", "VERB", "root", None,
                                     "Tense=Past|VerbForm=Fin")], 1, "go, move, travel"),
        ([w("reizen", "reizen", "VERB")], 0, "go, move, travel"),
    ],
)
def test_what_keeps_the_verbs_senses(fixture_dictionary: Dictionary, words: list[Word],
                                     index: int, sense: str) -> None:
    assert first_sense(card_of(fixture_dictionary, words, index)) == sense


@pytest.mark.parametrize(
    ("word", "pos", "morph", "lemma", "sense", "verb_sense"),
    [
        # A particle an English adverb says the same as: the verb's glosses with it first.
        ("meereizen", "VERB", "", "meereizen", "go along, move along", "go, move, travel"),
        ("doorgereisd", "VERB", "VerbForm=Part", "doorreizen", "go, move, travel", None),
        ("doorgereisde", "VERB", "VerbForm=Part", "doorreizen", "gone, moved, traveled", None),
        ("doorgereisde", "ADJ", "", "doorreizen", "gone, moved, traveled", None),
        ("terugvielen", "VERB", "Tense=Past|VerbForm=Fin", "terugvallen", "fall back", "fall"),
    ],
)
def test_a_separable_verb_no_source_lists_is_glossed_by_its_verb(
        fixture_dictionary: Dictionary, word: str, pos: str, morph: str, lemma: str,
        sense: str, verb_sense: str | None) -> None:
    card = card_of(fixture_dictionary, [w(word, word, pos, "root", None, morph)], 0)
    assert card is not None and card.lemma == lemma and first_sense(card) == sense
    assert card.uncertain == PARTICLE_NOTE and len(card.parts) == 2
    assert card.parts[0].senses == () and card.parts[1].senses == (verb_sense or sense,)
    if verb_sense:
        assert card.senses[1] == verb_sense


@pytest.mark.parametrize(
    ("word", "pos"),
    [
        ("verreisd", "VERB"),      # ver- is a prefix, not a particle
        ("bereizen", "VERB"),
        ("doorqwxzen", "VERB"),    # no verb after the particle
        ("doorreizen", "NOUN"),    # not a verb
        ("door-reizen", "VERB"),   # not letters
        ("opstad", "VERB"),        # a noun after the particle
    ],
)
def test_what_is_not_a_separable_verb_written_as_one_word(
        fixture_dictionary: Dictionary, word: str, pos: str) -> None:
    card = card_of(fixture_dictionary, [w(word, word, pos)], 0)
    assert card is None or card.uncertain != PARTICLE_NOTE


def test_a_listed_separable_verb_is_no_guess(fixture_dictionary: Dictionary) -> None:
    card = card_of(fixture_dictionary, [w("uitvallen", "uitvallen", "VERB")], 0)
    assert card is not None and card.uncertain is None and card.parts == ()


@pytest.mark.parametrize(
    ("words", "index", "sense"),
    [
        ([w("de", "de", "DET"), w("achttienjarige", "achttienjarig", "ADJ"),
          w("stad", "stad", "NOUN")], 1, "18-year-old"),
        ([w("een", "een", "DET"), w("zestienjarige", "zestienjarige", "NOUN")], 1, "16-year-old"),
        ([w("een", "een", "DET"), w("tweedaagse", "tweedaags", "ADJ")], 1, "2-day"),
        ([w("een", "een", "DET"), w("minderjarige", "minderjarig", "NOUN")], 1, None),
        ([w("hij", "hij", "PRON"), w("achttienjarig", "achttienjarig", "VERB")], 1, None),
    ],
)
def test_ages_and_lengths_in_number_words(fixture_dictionary: Dictionary, words: list[Word],
                                          index: int, sense: str | None) -> None:
    assert first_sense(card_of(fixture_dictionary, words, index)) == sense


@pytest.mark.parametrize("word", ["reizer", "reizers", "Reizer"])
def test_one_who_does_what_a_verb_says(fixture_dictionary: Dictionary, word: str) -> None:
    card = card_of(fixture_dictionary, [w(word, word.lower().rstrip("s"), "NOUN")], 0)
    assert card is not None and card.senses == ("traveler",) and card.lemma == "reizer"
    assert card.uncertain == AGENT_NOTE and card.parts[0].lemma == "reizen"


@pytest.mark.parametrize(
    ("words", "index"),
    [
        ([w("de", "de", "DET"), w("valler", "valler", "NOUN")], 1),   # "faller": no such word
        ([w("de", "de", "DET"), w("qwxer", "qwxer", "NOUN")], 1),     # no verb qwxen
        ([w("zij", "zij", "PRON"), w("reizer", "reizer", "ADJ")], 1),  # not a noun
        ([w("de", "de", "DET"), w("Reizer", "Reizer", "PROPN")], 1),   # a name
    ],
)
def test_what_is_no_agent_noun(fixture_dictionary: Dictionary, words: list[Word],
                               index: int) -> None:
    card = card_of(fixture_dictionary, words, index)
    assert card is None or card.uncertain != AGENT_NOTE


# --- compounds -------------------------------------------------------------------------------


def test_a_compound_shows_one_sense_per_part_and_their_joined_gloss(
        fixture_dictionary: Dictionary) -> None:
    card = card_of(fixture_dictionary, [w("artilleriegranaten", "artilleriegranat", "NOUN")], 0)
    assert card is not None and card.kind is GlossKind.COMPOUND
    assert card.lemma == "artilleriegranaat"
    assert [(p.text, p.lemma, p.senses) for p in card.parts] == [
        ("artillerie", "artillerie", ("artillery",)), ("granaten", "granaat", ("shell",))]
    assert card.senses == ("artillery shell",) and card.uncertain == COMPOSED_NOTE


def test_a_compound_with_a_linking_s(fixture_dictionary: Dictionary) -> None:
    card = card_of(fixture_dictionary, [w("vernietigingsoorlog", "x", "NOUN")], 0)
    assert card is not None and [p.lemma for p in card.parts] == ["vernietiging", "oorlog"]
    assert card.lemma == "vernietigingsoorlog"


def test_a_compound_led_by_a_preposition_is_glossed_by_its_head(
        fixture_dictionary: Dictionary) -> None:
    card = card_of(fixture_dictionary, [w("tegenaanval", "tegenaanval", "NOUN")], 0)
    assert card is not None and card.kind is GlossKind.COMPOUND
    assert card.senses == ("attack, assault",) and card.uncertain == HEAD_NOTE
    assert [p.senses for p in card.parts] == [("against",), ("attack",)]


def test_a_hyphenated_compound_with_a_name_or_abbreviation(
        fixture_dictionary: Dictionary) -> None:
    card = card_of(fixture_dictionary, [w("de", "de", "DET"), w("FARC-steden", "x", "NOUN")], 1)
    assert card is not None and card.kind is GlossKind.COMPOUND
    assert [(p.text, p.senses) for p in card.parts] == [("FARC", ()), ("steden", ("city",))]
    assert card.senses[0].startswith("city") and card.lemma == "FARC-stad"


@pytest.mark.parametrize(
    ("words", "index"),
    [
        ([w("havenstad", "havenstad", "VERB")], 0),                  # never split a verb
        ([w("de", "de", "DET"), w("Havenstad", "Havenstad", "PROPN")], 1),  # a name
        ([w("in", "in", "ADP"), w("Havenstad", "havenstad", "NOUN")], 1),   # capitalised
        ([w("in", "in", "ADP"), w("haven-Stad", "x", "NOUN")], 1),   # a name after the hyphen
        ([w("havenqwx", "wapenqwx", "NOUN")], 0),                    # an unknown head
    ],
)
def test_what_must_not_split(fixture_dictionary: Dictionary, words: list[Word],
                             index: int) -> None:
    assert card_of(fixture_dictionary, words, index) is None


def test_what_must_split(fixture_dictionary: Dictionary) -> None:
    card = card_of(fixture_dictionary, [w("havenstad", "havenstad", "NOUN")], 0)
    assert card is not None and [p.lemma for p in card.parts] == ["haven", "stad"]
    assert card.senses == (" ".join(p.senses[0] for p in card.parts),)
    # A capitalised compound that opens a sentence is a word all the same.
    opening = card_of(fixture_dictionary, [w("Havenstad", "Havenstad", "PROPN"),
                                           w("groeit", "groeien", "VERB")], 0)
    assert opening is not None and opening.kind is GlossKind.COMPOUND
    entity = card_of(fixture_dictionary, [w("havenstad", "havenstad", "NOUN")], 0,
                     ((0, 0, "LOC"),))
    assert entity is None


# --- names are not words ---------------------------------------------------------------------


def test_tokens_inside_names_are_never_glossed(fixture_dictionary: Dictionary) -> None:
    words = [w("Sytze", "Sytze", "PROPN"), w("Fortuin", "Fortuin", "PROPN"),
             w("zegt", "zeggen", "VERB")]
    assert card_of(fixture_dictionary, words, 1, ((0, 1, "PER"),)) is None
    # Even without the name entity, and tagged as a noun: a capital in mid-sentence.
    nouns = [w("Sytze", "Sytze", "PROPN"), w("Fortuin", "fortuin", "NOUN"),
             w("zegt", "zeggen", "VERB")]
    assert card_of(fixture_dictionary, nouns, 1) is None
    # The common word itself is glossed.
    assert first_sense(card_of(fixture_dictionary, [w("het", "het", "DET"),
                                                    w("fortuin", "fortuin", "NOUN")], 1)) == (
        "fortune")


def test_a_capitalised_word_opening_a_sentence_is_looked_up_in_lower_case(
        fixture_dictionary: Dictionary) -> None:
    words = [w("Oorlog", "Oorlog", "PROPN"), w("dreigt", "dreigen", "VERB")]
    card = card_of(fixture_dictionary, words, 0)
    assert card is not None and first_sense(card) == "war"


@pytest.mark.parametrize(
    ("text", "entity", "glossed"),
    [
        ("NK", (1, 1, "ORG"), True),         # an abbreviation of a common noun
        ("NAVO", (1, 1, "ORG"), False),      # glossed as a name (NATO)
        ("Nk", (1, 1, "ORG"), False),        # not in capitals
        ("NK", (0, 1, "ORG"), False),        # part of a longer name
    ],
)
def test_an_abbreviation_taken_for_a_name(fixture_dictionary: Dictionary, text: str,
                                          entity: tuple[int, int, str], glossed: bool) -> None:
    words = [w("de", "de", "DET"), w(text, text.lower(), "NOUN"), w("won", "winnen", "VERB")]
    card = card_of(fixture_dictionary, words, 1, (entity,))
    assert (first_sense(card) == "national championships") is glossed
    assert glossed or card is None


@pytest.mark.parametrize(
    ("words", "index", "senses"),
    [
        # A plural that is also a noun of its own: both, the plural's first ...
        ([w("de", "de", "DET"), w("koren", "koor", "NOUN", "nsubj", None, "Number=Plur")], 1,
         ("choir", "also het koren: grain, corn")),
        # ... unless the parser calls it singular, or 'het' stands before it.
        ([w("is", "zijn", "AUX"), w("koren", "koor", "NOUN", "root", None, "Number=Sing")], 1,
         ("grain, corn", "also the plural of koor: choir")),
        ([w("het", "het", "DET"), w("koren", "koor", "NOUN")], 1,
         ("grain, corn", "also the plural of koor: choir")),
    ],
)
def test_a_plural_that_is_a_noun_of_its_own_shows_both(
        fixture_dictionary: Dictionary, words: list[Word], index: int,
        senses: tuple[str, ...]) -> None:
    card = card_of(fixture_dictionary, words, index)
    assert card is not None and card.senses == senses and card.uncertain == HOMOGRAPH_NOTE


@pytest.mark.parametrize(
    ("words", "lemma"),
    [
        # A source's headword for the same word's plural, and an infinitive used as a noun.
        ([w("de", "de", "DET"), w("problemen", "probleem", "NOUN")], "probleem"),
        ([w("de", "de", "DET"), w("boeren", "boer", "NOUN")], "boer"),
        # The noun itself.
        ([w("het", "het", "DET"), w("koor", "koor", "NOUN")], "koor"),
    ],
)
def test_what_is_no_homograph(fixture_dictionary: Dictionary, words: list[Word],
                              lemma: str) -> None:
    card = card_of(fixture_dictionary, words, 1)
    assert card is not None and card.lemma == lemma and card.uncertain != HOMOGRAPH_NOTE


def test_a_sentence_opening_word_the_article_uses_as_a_name(
        fixture_dictionary: Dictionary) -> None:
    words = [w("Sytze", "Sytze", "PROPN"), w("Fortuin", "Fortuin", "PROPN"), w("won", "winnen",
                                                                                "VERB"),
             w(".", ".", "PUNCT"), w("Fortuin", "Fortuin", "PROPN"), w("zegt", "zeggen", "VERB")]
    article = analysed(words, ((0, 1, "PER"),), sentence_starts=(0, 4), lexicon=fixture_dictionary)
    assert gloss_card(fixture_dictionary, article, 4) is None
    assert not article.tokens[4].is_word
    # The same opening word is a word when the article also writes it in lower case.
    common = [w("Fortuin", "fortuin", "NOUN"), w("lacht", "lachen", "VERB"), w(".", ".", "PUNCT"),
              w("Het", "het", "DET"), w("Fortuin", "Fortuin", "PROPN"), w("fortuin", "fortuin",
                                                                           "NOUN")]
    article = analysed(common, sentence_starts=(0, 3), lexicon=fixture_dictionary)
    assert first_sense(gloss_card(fixture_dictionary, article, 0)) == "fortune"
    assert article.tokens[0].is_word and not article.tokens[4].is_word


def test_a_one_word_name_opening_a_sentence_may_be_a_common_word(
        fixture_dictionary: Dictionary) -> None:
    # ",, Vakwerk." taken for a person: tagged as a noun and known in lower case, it is a word.
    card = card_of(fixture_dictionary, [w("Oorlog", "oorlog", "NOUN"), w(".", ".", "PUNCT")], 0,
                   ((0, 0, "PER"),))
    assert first_sense(card) == "war"
    adjective = card_of(fixture_dictionary, [w("Eenzaam", "eenzaam", "ADJ"),
                                             w("leven", "leven", "NOUN")], 0, ((0, 0, "ORG"),))
    assert adjective is not None and adjective.lemma == "eenzaam"


@pytest.mark.parametrize(
    ("words", "entities", "index"),
    [
        # Tagged as a name; two words; in mid-sentence; unknown; known with another POS.
        ([w("Oorlog", "Oorlog", "PROPN"), w(".", ".", "PUNCT")], ((0, 0, "PER"),), 0),
        ([w("Oorlog", "oorlog", "NOUN"), w("Fortuin", "fortuin", "NOUN")], ((0, 1, "PER"),), 0),
        ([w("de", "de", "DET"), w("Oorlog", "oorlog", "NOUN")], ((1, 1, "PER"),), 1),
        ([w("Qwerty", "qwerty", "NOUN"), w(".", ".", "PUNCT")], ((0, 0, "PER"),), 0),
        ([w("Oorlog", "oorlog", "VERB"), w(".", ".", "PUNCT")], ((0, 0, "PER"),), 0),
    ],
)
def test_what_stays_a_name(fixture_dictionary: Dictionary, words: list[Word],
                           entities: tuple[tuple[int, int, str], ...], index: int) -> None:
    assert card_of(fixture_dictionary, words, index, entities) is None


# --- English look-alikes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "index", "lemma", "sense"),
    [
        ([w("selectief", "selectief", "ADJ")], 0, "selectief", "selective"),
        ([w("een", "een", "DET"), w("solitaire", "solitair", "ADJ"), w("man", "man", "NOUN")], 1,
         "solitair", "solitary"),
        ([w("de", "de", "DET"), w("selectieve", "selectieve", "ADJ")], 1, "selectief",
         "selective"),                                    # the lemma from the inflection rules
        ([w("de", "de", "DET"), w("Selectieve", "selectief", "ADJ")], 1, "selectief",
         "selective"),                                    # an adjective from a name: a word
        ([w("het", "het", "DET"), w("cuspidor", "cuspidor", "NOUN")], 1, "cuspidor",
         "cuspidor"),
    ],
)
def test_an_english_lookalike_is_a_guess_that_says_so(
        fixture_dictionary: Dictionary, words: list[Word], index: int, lemma: str,
        sense: str) -> None:
    card = card_of(fixture_dictionary, words, index)
    assert card is not None and card.senses == (sense,) and card.lemma == lemma
    assert card.uncertain == LOOKALIKE_NOTE and card.source == "English look-alike"


@pytest.mark.parametrize(
    ("words", "index"),
    [
        ([w("selectief", "selectief", "VERB")], 0),                 # a verb not an infinitive's
        ([w("solitairen", "solitairen", "VERB")], 0),               # no learned verb ending
        ([w("cuspidoreren", "cuspidoreren", "VERB")], 0),           # no English verb
        ([w("de", "de", "DET"), w("Cuspidor", "Cuspidor", "PROPN")], 1),   # a name
        ([w("de", "de", "DET"), w("Cuspidor", "cuspidor", "NOUN")], 1),    # a capital mid-sentence
        ([w("solitair", "solitair", "NOUN")], 0),                   # an adjective's ending
        ([w("Sytze", "Sytze", "PROPN"), w("Selectief", "selectief", "ADJ")], 1),  # inside a name
    ],
)
def test_what_is_never_taken_for_english(fixture_dictionary: Dictionary, words: list[Word],
                                         index: int) -> None:
    entities = ((0, 1, "PER"),) if words[0].text == "Sytze" else ()
    assert card_of(fixture_dictionary, words, index, entities) is None


@pytest.mark.parametrize(
    ("words", "index", "lemma", "sense"),
    [
        ([w("Zij", "zij", "PRON"), w("isoleerde", "isoleren", "VERB", "root", None,
                                     "Tense=Past|VerbForm=Fin")], 1, "isoleren", "to isolate"),
        ([w("Het", "het", "PRON"), w("werd", "worden", "AUX"),
          w("geïsoleerd", "isoleren", "VERB", "root", None, "VerbForm=Part")], 2, "isoleren",
         "isolated"),
    ],
)
def test_a_learned_verb_no_source_lists_is_guessed_by_its_english_lookalike(
        fixture_dictionary: Dictionary, words: list[Word], index: int, lemma: str,
        sense: str) -> None:
    card = card_of(fixture_dictionary, words, index)
    assert card is not None and (card.lemma, card.senses) == (lemma, (sense,))
    assert card.uncertain == LOOKALIKE_NOTE


def test_a_listed_word_is_never_a_lookalike(fixture_dictionary: Dictionary) -> None:
    card = card_of(fixture_dictionary, [w("eenzaam", "eenzaam", "ADJ")], 0)
    assert card is not None and card.uncertain is None and card.source != "English look-alike"


def test_an_accent_for_emphasis_is_looked_through(fixture_dictionary: Dictionary) -> None:
    card = card_of(fixture_dictionary, [w("het", "het", "DET"), w("fortúin", "fortúin", "NOUN")],
                   1)
    assert first_sense(card) == "fortune"


@pytest.mark.parametrize(("text", "plain"), [("wél", "wel"), ("níét", "niet"), ("één", "één"),
                                             ("Écht", "Echt"), ("café", "cafe"), ("ui", "ui")])
def test_unaccented(text: str, plain: str) -> None:
    assert unaccented(text) == plain


@pytest.mark.parametrize(
    ("sense", "item"),
    [("to fall, to drop", "fall"), ("war", "war"), ("shell, grenade", "shell"),
     ("tomato", "tomato")],
)
def test_first_item(sense: str, item: str) -> None:
    assert first_item(sense) == item
