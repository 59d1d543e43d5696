"""Tests for the dictionary lookups and token → GlossCard on fixture and real data."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from script_modules import script

from assistant.errors import DataError
from assistant.lexicon.glossing import gloss_card
from assistant.lexicon.inflection import candidates
from assistant.lexicon.store import Dictionary
from assistant.models import (
    AnalysedArticle,
    Article,
    Block,
    BlockKind,
    Category,
    Entity,
    GlossKind,
    Level,
    Phrase,
    PhraseKind,
    PipelineInfo,
    Token,
)
from assistant.report import card_to_json

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "dictionary" / "sources"
SHARED = Path(os.environ.get("LEESWIJZER_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "000_979833dae2dbd21b.txt"


def _script():  # type: ignore[no-untyped-def]
    return script("build_dictionary")


def _analysed(words: list[tuple[str, str, str]], phrases: tuple[Phrase, ...] = (),
              entity_tokens: tuple[int, ...] = ()) -> AnalysedArticle:
    text = " ".join(w for w, _, _ in words)
    tokens = []
    position = 0
    entities: tuple[Entity, ...] = ()
    if entity_tokens:
        first, last = entity_tokens[0], entity_tokens[-1]
        entities = (Entity(0, 0, 1, "x", "LOC", Category.PLACE, first, last),)
    for index, (word, lemma, pos) in enumerate(words):
        phrase = next((p.index for p in phrases if index in p.tokens), None)
        entity = 0 if index in entity_tokens else None
        tokens.append(Token(index, position, position + len(word), word, lemma, pos, "", 0, 3.0,
                            entity is None, True, phrase, entity))
        position += len(word) + 1
    article = Article(text, (Block(BlockKind.PARAGRAPH, 0, len(text)),))
    return AnalysedArticle(article, PipelineInfo("test", "0"), Level.B1, tuple(tokens), (),
                           entities, phrases)


def test_open_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="missing"):
        Dictionary.open(tmp_path / "none.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(DataError, match=str(junk.name)):
        Dictionary.open(junk)
    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('schema', '0')")
    with pytest.raises(DataError, match="older"):
        Dictionary.open(old)


def test_lookup_by_lemma_pos_and_form(fixture_dictionary: Dictionary) -> None:
    entry = fixture_dictionary.lookup("oorlog", "noun")
    assert entry is not None and entry.senses[0] == "war" and entry.article == "de"
    assert fixture_dictionary.lookup("oorlog", "verb") is None
    assert fixture_dictionary.lookup("Oorlog") is not None
    assert fixture_dictionary.lookup("wĳn") is not None  # ligature normalised
    viel = fixture_dictionary.lookup_form("viel uit")
    assert viel is not None and viel.lemma == "uitvallen"
    assert fixture_dictionary.lookup("nergens") is None
    assert "entries" in fixture_dictionary.info()


def test_knows_as_and_the_forms_alpino_lists(fixture_dictionary: Dictionary) -> None:
    assert fixture_dictionary.knows_as("leven", "noun") and fixture_dictionary.knows_as("leven")
    assert fixture_dictionary.knows_as("Leven", "verb")
    assert not fixture_dictionary.knows_as("leven", "adj")
    assert not fixture_dictionary.knows_as("qwzx")
    assert fixture_dictionary.lemmas_of("viel") == (("vallen", "verb"),)
    assert fixture_dictionary.lemmas_of("Steden") == (("stad", "noun"),)
    assert ("uitputten", "verb") in fixture_dictionary.lemmas_of("uitgeput")
    # The lemma itself first ("leven" is a noun and a verb; "uitgeput" an adjective first).
    assert fixture_dictionary.lemmas_of("uitgeput")[0] == ("uitgeput", "adj")
    assert fixture_dictionary.lemmas_of("qwzx") == ()
    viel = fixture_dictionary.lookup_form("uitviel")
    assert viel is not None and viel.lemma == "uitvallen"
    steden = fixture_dictionary.lookup_form("steden")
    assert steden is not None and steden.lemma == "stad"
    toeslag = fixture_dictionary.lookup("toeslag", "noun")
    assert toeslag is not None and (toeslag.article, toeslag.plural) == ("de", "toeslagen")


def test_compound_heads_keep_their_part_of_speech(fixture_dictionary: Dictionary) -> None:
    assert fixture_dictionary.head_lemmas("steden", "NOUN") == ["stad"]
    assert fixture_dictionary.head_lemmas("leven", "NOUN") == ["leven"]
    assert fixture_dictionary.head_lemmas("viel", "NOUN") == []


def test_phrase_comes_first(fixture_dictionary: Dictionary) -> None:
    phrases = (Phrase(0, PhraseKind.SEPARABLE_VERB, "uitvallen", (0, 2)),
               Phrase(1, PhraseKind.IDIOM, "uit de lucht vallen", (3,),
                      meaning="come out of the blue"))
    analysed = _analysed([("viel", "uitvallen", "VERB"), ("gisteren", "gisteren", "ADV"),
                          ("uit", "uit", "ADP"), ("stad", "stad", "NOUN")], phrases)
    card = gloss_card(fixture_dictionary, analysed, 2)
    assert card is not None and card.kind is GlossKind.PHRASE
    assert card.phrase == "uitvallen" and card.phrase_tokens == (0, 2)
    assert card.senses[0] == "to fail, to drop out"
    assert card.principal_parts == "uitvallen, viel uit, uitgevallen"
    idiom = gloss_card(fixture_dictionary, analysed, 3)
    assert idiom is not None and idiom.senses == (
        "city, metropolis", "uit de lucht vallen: come out of the blue")


def test_no_compound_split_for_entities_or_whole_words(fixture_dictionary: Dictionary) -> None:
    analysed = _analysed([("havenstad", "havenstad", "NOUN")], entity_tokens=(0,))
    assert gloss_card(fixture_dictionary, analysed, 0) is None
    assert fixture_dictionary.split("havenstad") is not None
    assert fixture_dictionary.split("wapenstilstand") is None
    assert fixture_dictionary.split("haven") is None


def test_card_json() -> None:
    assert card_to_json(None) is None


def test_card_json_fields(fixture_dictionary: Dictionary) -> None:
    card = gloss_card(fixture_dictionary, _analysed([("vernietigingsoorlog", "x", "NOUN")]), 0)
    data = card_to_json(card)
    assert data is not None
    # "vernietiging" has no part of speech in the fixture sources: the head's sense only.
    assert data["kind"] == "compound" and data["senses"] == ["war"]
    assert data["uncertain"] == "guess: the sense of its last part"
    listed = card_to_json(gloss_card(fixture_dictionary, _analysed([("oorlog", "oorlog", "NOUN")]),
                                     0))
    assert listed is not None and listed["uncertain"] is None
    assert [p["lemma"] for p in data["parts"]] == ["vernietiging", "oorlog"]  # type: ignore[union-attr, index]


def test_inflection_candidates() -> None:
    assert "gepantserd" in candidates("gepantserde", "ADJ")
    assert "pantseren" in candidates("gepantserde", "ADJ")
    assert "granaat" in candidates("granaten", "NOUN")
    assert "raket" in candidates("raketten", "NOUN")
    assert "sanctie" in candidates("sancties", "NOUN")
    assert "paria" in candidates("paria's", "NOUN")
    assert "reizen" in candidates("reist", "VERB")
    assert "kloppen" in candidates("klopte", "VERB")
    assert "groot" in candidates("grote", "ADJ")
    assert "huis" in candidates("huisje", "NOUN")
    assert candidates("grapje", "NOUN")[0] == "grap" and "boom" in candidates("boompje", "NOUN")
    assert "ring" in candidates("ringetje", "NOUN")
    assert "seconde" in candidates("seconden", "NOUN") and "idee" in candidates("ideeën", "NOUN")
    assert candidates("12", "NUM") == []


# --- the real dictionary on the sample article ------------------------------------------

MUST_GLOSS = {
    "vernietigingsoorlog": ("war",), "gepantserde": ("armoured", "armored"),
    "havenstad": ("port", "harbour", "harbor"), "onderzeeërs": ("submarine",),
    "wapenstilstand": ("armistice", "ceasefire", "cease-fire", "truce"),
    "naarstig": ("diligent", "eager"), "evenknie": ("equal", "counterpart", "peer"),
    "sancties": ("sanction",), "represailles": ("reprisal",), "wapenen": ("arm",),
}


@pytest.fixture(scope="session")
def real_dictionary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dictionary]:
    built = ROOT / "resources" / "dictionary.sqlite"
    # The same inputs the Makefile rebuilds the dictionary for.
    inputs = [ROOT / "scripts" / "build_dictionary.py",
              ROOT / "resources" / "dictionary_supplement.tsv",
              ROOT / "resources" / "strong_verbs.tsv", ROOT / "assistant" / "lexicon" / "verbs.py",
              ROOT / "resources" / "compound_glosses.tsv",
              *(ROOT / "assistant" / "lexicon" / name for name in ("alpino.py", "senses.py",
                                                                 "keys.py")),
              ROOT / "resources" / "places.json"]
    if not built.exists() or built.stat().st_mtime < max(p.stat().st_mtime for p in inputs):
        assert (SHARED / "data").exists(), f"no shared dictionary sources in {SHARED}"
        built = tmp_path_factory.mktemp("real-dict") / "dictionary.sqlite"
        _script().build(SHARED / "data", built, inputs[1], compounds=inputs[4])
    dictionary = Dictionary.open(built)
    yield dictionary
    dictionary.close()


@pytest.fixture(scope="session")
def sample_analysis() -> AnalysedArticle:
    if not SAMPLE.exists():
        pytest.fail(f"the shared sample article is missing: {SAMPLE}")
    from assistant.reading.analysis import analyse
    from assistant.reading.loading import load_article

    return analyse(load_article(SAMPLE), Level.B1)


def _has_english(card: object) -> bool:
    senses = getattr(card, "senses", ())
    parts = getattr(card, "parts", ())
    return bool(senses) or bool(parts and parts[-1].senses)


def test_coverage_floor_on_sample(real_dictionary: Dictionary,
                                  sample_analysis: AnalysedArticle) -> None:
    hard = [t for t in sample_analysis.tokens if t.hard and t.is_word]
    assert len(hard) >= 30
    glossed = [t for t in hard
               if _has_english(gloss_card(real_dictionary, sample_analysis, t.index))]
    assert len(glossed) / len(hard) >= 0.90


def test_must_gloss_words(real_dictionary: Dictionary, sample_analysis: AnalysedArticle) -> None:
    seen = set()
    for token in sample_analysis.tokens:
        expected = MUST_GLOSS.get(token.text.lower())
        if expected is None:
            continue
        seen.add(token.text.lower())
        card = gloss_card(real_dictionary, sample_analysis, token.index)
        assert card is not None, token.text
        text = " ".join(card.senses).lower()
        assert any(word in text for word in expected), (token.text, card.senses)
    assert seen == set(MUST_GLOSS)


def test_real_compound_splits(real_dictionary: Dictionary) -> None:
    expected = {
        "vernietigingsoorlog": ["vernietiging", "oorlog"],
        "regeringsdelegatie": ["regering", "delegatie"],
        "gelegenheidsliefde": ["gelegenheid", "liefde"],
        "staatspersbureau": ["staat", "persbureau"],
    }
    for word, parts in expected.items():
        split = real_dictionary.split(word)
        assert split is not None and [p.lemma for p in split.parts] == parts, word
    assert real_dictionary.split("havenstad") is None  # the dictionary has it whole
    assert real_dictionary.split("bromance") is None
    assert real_dictionary.split("weekend") is None


def test_unlisted_separable_verb_falls_back_to_its_verb(real_dictionary: Dictionary) -> None:
    phrases = (Phrase(0, PhraseKind.SEPARABLE_VERB, "terugvechten", (0, 2)),)
    analysed = _analysed([("vochten", "terugvechten", "VERB"), ("hard", "hard", "ADV"),
                          ("terug", "terugvechten", "ADV")], phrases)
    assert real_dictionary.lookup("terugvechten") is None
    card = gloss_card(real_dictionary, analysed, 2)
    assert card is not None and card.kind is GlossKind.PHRASE
    assert card.lemma == "terugvechten" and card.phrase_tokens == (0, 2)
    assert any("fight" in sense for sense in card.senses)
    assert [(part.lemma, bool(part.senses)) for part in card.parts] == [
        ("terug", False), ("vechten", True)]


def test_idiom_parts_gloss_only_content_words(real_dictionary: Dictionary) -> None:
    phrases = (Phrase(0, PhraseKind.IDIOM, "op visite gaan", (0, 1, 2), meaning="to visit"),)
    analysed = _analysed([("op", "op", "ADP"), ("visite", "visite", "NOUN"),
                          ("gaan", "gaan", "VERB")], phrases)
    card = gloss_card(real_dictionary, analysed, 1)
    assert card is not None and card.senses == ("to visit",)
    assert [bool(part.senses) for part in card.parts] == [False, True, True]


def test_strong_verbs_carry_principal_parts_and_past_forms(real_dictionary: Dictionary) -> None:
    entry = real_dictionary.lookup("zien", "verb")
    assert entry is not None and entry.principal_parts == "zien, zag, gezien"
    past = real_dictionary.lookup_form("zagen")
    assert past is not None and past.lemma == "zien"
