"""Compound cards on a small fixture dictionary and part table: what splits and how, what never
splits, the glosses composed from the parts and when the card shows its parts only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fixture_dictionaries import built_dictionary
from parse_data import Word, analysed, w

from assistant.errors import DataError
from assistant.lexicon.compounds import (
    CompoundPart,
    CompoundSplit,
    PartSenses,
    compose_gloss,
    default_part_senses,
    split_compound,
)
from assistant.lexicon.glossing import COMPOSED_NOTE, HEAD_NOTE, _compound_card, gloss_card
from assistant.lexicon.store import Dictionary
from assistant.models import GlossCard, GlossKind

SUPPLEMENT = (
    "lemma\tpos\tarticle\tplural\tprincipal_parts\tsenses\tsource\n"
    "stikstof\tnoun\tde\t\t\tnitrogen\tleeswijzer\n"
    "regel\tnoun\tde\tregels\t\trule | line\tleeswijzer\n"
    "slot\tnoun\thet\tsloten\t\tcastle | lock | end\tleeswijzer\n"
    "fase\tnoun\tde\tfasen\t\tstage, phase\tleeswijzer\n"
    "boer\tnoun\tde\tboeren\t\tfarmer\tleeswijzer\n"
    "boeren\tnoun\thet\t\t\tburp\tleeswijzer\n"
    "voorman\tnoun\tde\t\t\tforeman\tleeswijzer\n"
    "buur\tnoun\tde\tburen\t\tneighbour\tleeswijzer\n"
    "land\tnoun\thet\tlanden\t\tcountry, land\tleeswijzer\n"
    "landen\tnoun\thet\t\t\tlanding\tleeswijzer\n"
    "voedsel\tnoun\thet\t\t\tfood\tleeswijzer\n"
    "soort\tnoun\tde\tsoorten\t\tkind, sort\tleeswijzer\n"
    "kind\tnoun\thet\tkinderen\t\tchild\tleeswijzer\n"
    "boek\tnoun\thet\tboeken\t\tbook\tleeswijzer\n"
    "moed\tnoun\tde\t\t\tcourage\tleeswijzer\n"
    "moeder\tnoun\tde\tmoeders\t\tmother\tleeswijzer\n"
    "dag\tnoun\tde\tdagen\t\tday\tleeswijzer\n"
    "pin\tnoun\tde\tpinnen\t\tpin\tleeswijzer\n"
    "pas\tnoun\tde\tpassen\t\tstep, pace\tleeswijzer\n"
    "anti\tnoun\tde\t\t\topponent\tleeswijzer\n"
    "tank\tnoun\tde\ttanks\t\ttank\tleeswijzer\n"
    "raket\tnoun\tde\traketten\t\trocket | racket\tleeswijzer\n"
    "klimaat\tnoun\thet\t\t\tclimate\tleeswijzer\n"
    "leiding\tnoun\tde\t\t\tlead | leadership\tleeswijzer\n"
    "partij\tnoun\tde\tpartijen\t\tparty\tleeswijzer\n"
    "zwem\tverb\t\t\t\tswim\tleeswijzer\n"
    "uit\tadv\t\t\t\tout\tleeswijzer\n"
    "schakeling\tnoun\tde\t\t\tconnection\tleeswijzer\n"
    "haven\tnoun\tde\thavens\t\tport, harbour\tleeswijzer\n"
    "stad\tnoun\tde\tsteden\t\tcity, town\tleeswijzer\n"
    "stede\tnoun\tde\tsteden\t\tplace, stead\tleeswijzer\n"
)
# Alpino's plurals, which tell that boeren is also the plural of boer and landen of land.
NOUNS = (
    "n([pl(boeren),sg(boer)],de,[],[]).\n"
    "n([pl(landen),sg(land)],het,[],[]).\n"
    "n([pl(regels),sg(regel)],de,[],[]).\n"
    "n([pl(raketten),sg(raket)],de,[],[]).\n"
    "n([pl(soorten),sg(soort)],de,[],[]).\n"
    "n([pl(boeken),sg(boek)],het,[],[]).\n"
    "n([pl(steden),sg(stad)],de,[],[]).\n"
    "n([pl(steden),sg(stede)],de,[],[]).\n"
)
FREQUENCIES = {word: 3.5 for word in (
    "stikstof regel slot fase boer boeren voorman buur land landen voedsel soort kind boek moed "
    "moeder dag pin pas anti tank raket klimaat leiding partij uit schakeling haven stad stede"
    ).split()}
FREQUENCIES["boeren"] = 4.5  # more frequent than boer: the split takes boeren whole
PARTS = PartSenses({("slot", "modifier"): "final", ("anti", "modifier"): "anti-",
                    ("soort", "head"): "kind of ~", ("leiding", "head"): "?",
                    ("klimaat", "modifier"): "?", ("dag", "head"): "day"})


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dictionary]:
    dictionary = built_dictionary(tmp_path_factory.mktemp("compound-dict"), SUPPLEMENT,
                                  FREQUENCIES, {"alpino/nouns.pl": NOUNS})
    yield dictionary
    dictionary.close()


def card(dictionary: Dictionary, word: Word, before: tuple[Word, ...] = (w("de", "de", "DET"),),
         language: str = "nl") -> GlossCard | None:
    article = analysed([*before, word], lexicon=dictionary)
    index = len(before)
    if language != "nl":
        tokens = list(article.tokens)
        tokens[index] = replace(tokens[index], language=language)
        article = replace(article, tokens=tuple(tokens))
    token = article.tokens[index]
    split = dictionary.split(token.text, token.pos)
    if split is not None and language == "nl":
        return _compound_card(dictionary, token, split, "noun", PARTS)
    return gloss_card(dictionary, article, index)


def parts_of(found: GlossCard | None) -> list[tuple[str, str, tuple[str, ...]]]:
    assert found is not None and found.kind is GlossKind.COMPOUND
    return [(part.text, part.lemma, part.senses) for part in found.parts]


# --- what splits, and how --------------------------------------------------------------------


@pytest.mark.parametrize(("word", "lemma", "parts", "sense"), [
    # A plural head gets its singular's sense, never an entry of the plural itself.
    ("stikstofregels", "stikstofregel",
     [("stikstof", "stikstof", ("nitrogen",)), ("regels", "regel", ("rule",))], "nitrogen rule"),
    ("buurlanden", "buurland",
     [("buur", "buur", ("neighbour",)), ("landen", "land", ("country",))], "neighbour country"),
    # A modifier that is a plural is glossed as its singular noun (boeren: farmers, not burp).
    ("boerenvoorman", "boerenvoorman",
     [("boeren", "boer", ("farmer",)), ("voorman", "voorman", ("foreman",))], "farmer foreman"),
    # The linking -er- after the words that take it.
    ("kinderboeken", "kinderboek",
     [("kind", "kind", ("child",)), ("boeken", "boek", ("book",))], "child book"),
    # The part table: a modifier's attributive sense, a head that puts its modifier after it,
    # an English prefix and a hyphen.
    ("slotfase", "slotfase", [("slot", "slot", ("final",)), ("fase", "fase", ("stage",))],
     "final stage"),
    ("voedselsoorten", "voedselsoort",
     [("voedsel", "voedsel", ("food",)), ("soorten", "soort", ("kind",))], "kind of food"),
    ("antitank-raketten", "antitank-raket",
     [("anti", "anti", ("anti-",)), ("tank", "tank", ("tank",)),
      ("raketten", "raket", ("rocket",))], "anti-tank rocket"),
])
def test_what_must_split_and_its_composed_gloss(lexicon: Dictionary, word: str, lemma: str,
                                                parts: list[tuple[str, str, tuple[str, ...]]],
                                                sense: str) -> None:
    found = card(lexicon, w(word, word, "NOUN"))
    assert parts_of(found) == parts
    assert found is not None and found.lemma == lemma
    assert found.senses == (sense,) and found.uncertain == COMPOSED_NOTE


@pytest.mark.parametrize(("word", "article", "plural"), [
    ("stikstofregels", "de", "stikstofregels"),  # the head's article and plural
    ("buurlanden", "het", "buurlanden"),
    ("slotfase", "de", "slotfasen"),
    ("moederdag", "de", "moederdagen"),
    ("klimaatboek", "het", "klimaatboeken"),
])
def test_a_compound_takes_its_heads_article_and_plural(lexicon: Dictionary, word: str,
                                                       article: str, plural: str) -> None:
    found = card(lexicon, w(word, word, "NOUN"))
    assert found is not None and (found.article, found.plural) == (article, plural)


def test_the_linking_er_only_after_words_that_take_it(lexicon: Dictionary) -> None:
    # moed·er·dag would be as short a split as moeder·dag.
    split = split_compound("moederdag", lexicon.knows, lambda w: FREQUENCIES.get(w, 0.0))
    assert split is not None and split.describe() == "moeder·dag"


# --- what never splits -----------------------------------------------------------------------


@pytest.mark.parametrize(("word", "before", "language"), [
    (w("Stikstofregels", "Stikstofregels", "PROPN"), (w("de", "de", "DET"),), "nl"),  # a name
    (w("Boerenvoorman", "boerenvoorman", "NOUN"), (w("met", "met", "ADP"),), "nl"),  # capital
    (w("stikstofregels", "stikstofregel", "NOUN"), (w("the", "the", "DET"),), "en"),  # foreign
    (w("moeder", "moeder", "NOUN"), (w("de", "de", "DET"),), "nl"),  # the dictionary has it
    (w("boekqwz", "boekqwz", "NOUN"), (w("de", "de", "DET"),), "nl"),  # an unknown part
    (w("stikstofregels", "stikstofregel", "VERB"), (w("zij", "zij", "PRON"),), "nl"),  # a verb
])
def test_what_must_never_split(lexicon: Dictionary, word: Word, before: tuple[Word, ...],
                               language: str) -> None:
    article = analysed([*before, word], lexicon=lexicon)
    if language != "nl":
        tokens = list(article.tokens)
        tokens[1] = replace(tokens[1], language=language)
        article = replace(article, tokens=tuple(tokens))
    found = gloss_card(lexicon, article, 1)
    assert found is None or found.kind is not GlossKind.COMPOUND


@pytest.mark.parametrize(("word", "sense"), [
    ("vierentwintig", "twenty-four, 24"),  # not "four twenty"
    ("tweeduizend", "two thousand, 2000"),
])
def test_a_number_word_is_its_number_not_a_compound(lexicon: Dictionary, word: str,
                                                    sense: str) -> None:
    article = analysed([w("de", "de", "DET"), w(word, word, "NUM")], lexicon=lexicon)
    found = gloss_card(lexicon, article, 1)
    assert found is not None and found.kind is GlossKind.WORD and found.senses == (sense,)


# --- when the card shows its parts only ------------------------------------------------------


@pytest.mark.parametrize(("word", "parts"), [
    # Short parts have too many senses to pick one without a row in the table.
    ("pinpas", [("pin", "pin", ("pin",)), ("pas", "pas", ("step",))]),
    # The table says no one sense fits: of a head ...
    ("partijleiding", [("partij", "partij", ("party",)), ("leiding", "leiding", ("lead",))]),
    # ... or of a modifier.
    ("klimaatboek", [("klimaat", "klimaat", ()), ("boek", "boek", ("book",))]),
])
def test_an_unsure_part_leaves_the_parts_only(lexicon: Dictionary, word: str,
                                              parts: list[tuple[str, str, tuple[str, ...]]],
                                              ) -> None:
    found = card(lexicon, w(word, word, "NOUN"))
    assert parts_of(found) == parts
    assert found is not None and found.senses == () and found.uncertain is None


def test_a_particle_first_leaves_the_heads_sense(lexicon: Dictionary) -> None:
    found = card(lexicon, w("uitschakeling", "uitschakeling", "NOUN"))
    assert parts_of(found)[-1] == ("schakeling", "schakeling", ("connection",))
    assert found is not None and found.senses == ("connection",)
    assert found.uncertain == HEAD_NOTE


def test_a_head_with_a_short_part_listed_in_the_table(lexicon: Dictionary) -> None:
    found = card(lexicon, w("moederdag", "moederdag", "NOUN"))
    assert found is not None and found.senses == ("mother day",)


# --- the part table and the composition ------------------------------------------------------


@pytest.mark.parametrize(("modifiers", "head", "gloss"), [
    (["nitrogen"], "rule", "nitrogen rule"),
    (["world", "market"], "leader", "world market leader"),
    (["food"], "kind of ~", "kind of food"),
    (["anti-", "tank"], "rocket", "anti-tank rocket"),
    (["ex-"], "minister", "ex-minister"),
    ([], "rule", "rule"),
])
def test_compose_gloss(modifiers: list[str], head: str, gloss: str) -> None:
    assert compose_gloss(modifiers, head) == gloss


@pytest.mark.parametrize(("rows", "error"), [
    ("part\trole\tgloss\nslot\tmodifer\tfinal\n", "line 2"),  # an unknown role
    ("part\trole\tgloss\nslot\tmodifier\t\n", "line 2"),  # no gloss
    ("part\trole\tgloss\nslot\tmodifier\tfinal\nslot\tmodifier\tlast\n", "twice"),
])
def test_a_bad_part_table_is_refused_naming_the_line(tmp_path: Path, rows: str,
                                                     error: str) -> None:
    path = tmp_path / "parts.tsv"
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(DataError, match=error):
        PartSenses.load(path)


def test_the_shipped_part_table_loads() -> None:
    table = default_part_senses()
    assert table.gloss("slot", "modifier") == "final"
    assert table.gloss("Slot", "modifier") == "final"
    assert table.gloss("slot", "head") == "lock"
    # The most frequent heads are listed even where the first sense fits; rarer ones only
    # where it does not.
    assert table.gloss("stad", "head") == "city"
    assert table.gloss("bond", "head") == "federation"  # not "union"
    assert table.gloss("opbrengst", "head") == "yield"  # not "proceeds"
    assert table.gloss("hond", "head") is None


# --- the card's fields and the part table's heads --------------------------------------------


def test_a_compound_card_is_the_tokens_with_its_heads_source(lexicon: Dictionary) -> None:
    found = card(lexicon, w("stikstofregels", "stikstofregel", "NOUN"))
    assert found is not None
    assert (found.form, found.pos, found.source) == ("stikstofregels", "NOUN", "leeswijzer")


def test_a_head_the_dictionary_has_no_entry_for_makes_no_card(lexicon: Dictionary) -> None:
    token = analysed([w("de", "de", "DET"), w("stikstofqwz", "stikstofqwz", "NOUN")],
                     lexicon=lexicon).tokens[1]
    split = CompoundSplit((CompoundPart("stikstof", "stikstof"), CompoundPart("qwz", "qwz")))
    assert _compound_card(lexicon, token, split, "noun", PARTS) is None


def test_a_short_head_no_row_lists_leaves_the_parts_only(lexicon: Dictionary) -> None:
    # pas has three letters and many senses: a long modifier does not make it sure.
    found = card(lexicon, w("stikstofpas", "stikstofpas", "NOUN"))
    assert parts_of(found) == [("stikstof", "stikstof", ("nitrogen",)), ("pas", "pas", ("step",))]
    assert found is not None and found.senses == () and found.uncertain is None


# The table's head gloss where the first sense does not fit, in the composed gloss, as the
# head part's sense, and alone after a particle.
LISTED_HEADS = PartSenses({("regel", "head"): "regulation", ("schakeling", "head"): "switching",
                           ("anti-", "modifier"): "not this", ("anti", "modifier"): "anti-"})


@pytest.mark.parametrize(("word", "head", "sense", "note"), [
    ("stikstofregels", ("regels", "regel", ("regulation",)), "nitrogen regulation",
     COMPOSED_NOTE),
    ("uitschakeling", ("schakeling", "schakeling", ("switching",)), "switching", HEAD_NOTE),
    # The part table is asked for a modifier without its hyphen link.
    ("anti-tank", ("tank", "tank", ("tank",)), "anti-tank", COMPOSED_NOTE),
])
def test_a_head_the_part_table_lists(lexicon: Dictionary, word: str,
                                     head: tuple[str, str, tuple[str, ...]], sense: str,
                                     note: str) -> None:
    token = analysed([w("de", "de", "DET"), w(word, word, "NOUN")], lexicon=lexicon).tokens[1]
    split = lexicon.split(token.text, token.pos)
    assert split is not None
    found = _compound_card(lexicon, token, split, "noun", LISTED_HEADS)
    assert parts_of(found)[-1] == head
    assert found is not None and found.senses == (sense,) and found.uncertain == note


def test_a_particle_the_dictionary_has_no_entry_for_is_left_unglossed(
        lexicon: Dictionary) -> None:
    token = analysed([w("de", "de", "DET"), w("terugschakeling", "terugschakeling", "NOUN")],
                     lexicon=lexicon).tokens[1]
    split = CompoundSplit((CompoundPart("terug", "terug"),
                           CompoundPart("schakeling", "schakeling")))
    found = _compound_card(lexicon, token, split, "noun", PARTS)
    assert parts_of(found) == [("terug", "terug", ()),
                               ("schakeling", "schakeling", ("connection",))]
    assert found is not None and found.senses == ("connection",)


def test_a_short_modifier_with_a_long_head_leaves_the_parts_only(lexicon: Dictionary) -> None:
    found = card(lexicon, w("pinregels", "pinregel", "NOUN"))
    assert parts_of(found) == [("pin", "pin", ("pin",)), ("regels", "regel", ("rule",))]
    assert found is not None and found.senses == () and found.uncertain is None


def test_a_verb_stem_first_keeps_its_sense_and_the_heads(lexicon: Dictionary) -> None:
    token = analysed([w("de", "de", "DET"), w("zwemboeken", "zwemboek", "NOUN")],
                     lexicon=lexicon).tokens[1]
    split = CompoundSplit((CompoundPart("zwem", "zwem"), CompoundPart("boeken", "boek")))
    found = _compound_card(lexicon, token, split, "noun", PARTS)
    assert parts_of(found) == [("zwem", "zwem", ("swim",)), ("boeken", "boek", ("book",))]
    assert found is not None and found.senses == ("book",) and found.uncertain == HEAD_NOTE


@pytest.mark.parametrize(("lemma", "head", "sense"), [
    # steden is the plural of stad and of stede: the one the token's lemma ends with.
    ("havenstad", ("steden", "stad", ("city",)), "port city"),
    ("havenstede", ("steden", "stede", ("place",)), "port place"),
])
def test_a_plural_head_of_two_nouns_is_the_one_the_lemma_ends_with(
        lexicon: Dictionary, lemma: str, head: tuple[str, str, tuple[str, ...]],
        sense: str) -> None:
    found = card(lexicon, w("havensteden", lemma, "NOUN"))
    assert parts_of(found)[-1] == head
    assert found is not None and found.senses == (sense,)
