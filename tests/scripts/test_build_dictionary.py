"""Tests for scripts/build_dictionary.py on tiny fixture sources and the shared real ones."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from script_modules import script

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "dictionary" / "sources"
SHARED = Path(os.environ.get("LEESWIJZER_SHARED", ROOT.parent / "shared")) / "data"


build_dictionary = script("build_dictionary")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    folder = tmp_path_factory.mktemp("dict")
    supplement = folder / "supplement.tsv"
    supplement.write_text(
        "lemma\tpos\tarticle\tplural\tprincipal_parts\tsenses\tsource\n"
        "oorlog\tnoun\tde\toorlogen\t\twar | warfare\tleeswijzer\n"
        "vallen\tverb\t\t\tvallen, viel, gevallen\tto fall\tleeswijzer\n",
        encoding="utf-8",
    )
    compounds = folder / "compounds.tsv"
    compounds.write_text(
        "# whole-word glosses of compounds\n"
        "lemma\tpos\tarticle\tplural\tprincipal_parts\tsenses\tsource\n"
        "wijntoeslag\tnoun\t\t\t\twine surcharge\tleeswijzer compounds\n"
        "wijnstad\tnoun\thet\twijnsteedjes\t\twine town\tleeswijzer compounds\n"
        "wijnrijk\tadj\t\t\t\trich in wine\tleeswijzer compounds\n",
        encoding="utf-8",
    )
    output = folder / "dictionary.sqlite"
    result = build_dictionary.build(FIXTURES, output, supplement, compounds=compounds)
    return output, result


def _rows(path: Path, key: str) -> list[tuple[str, str, list[str], str]]:
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT lemma, pos, senses, source FROM entries WHERE key = ? ORDER BY rank", (key,)
        ).fetchall()
    return [(lemma, pos, json.loads(senses), source) for lemma, pos, senses, source in rows]


def test_the_build_and_the_lookups_share_one_key_and_schema() -> None:
    from assistant.lexicon import keys

    assert build_dictionary.dictionary_key is keys.dictionary_key
    assert build_dictionary.SCHEMA_VERSION == keys.SCHEMA_VERSION


def test_glued_glosses_are_split_but_real_words_kept() -> None:
    vocab = build_dictionary.EnglishVocabulary(
        ["spittoon", "evening", "meal", "form", "application", "head", "against", "will"],
        {"evening": 1e-4, "meal": 1e-4, "form": 1e-4, "of": 1e-2, "application": 1e-4,
         "spit": 1e-5, "to": 1e-2, "on": 1e-2, "head": 1e-4, "up": 1e-3, "against": 1e-3,
         "one": 1e-3, "will": 1e-3},
    )
    assert build_dictionary.repair_gloss("eveningmeal", vocab) == "evening meal"
    assert build_dictionary.repair_gloss("formofapplication", vocab) == "form of application"
    assert build_dictionary.repair_gloss("spittoon", vocab) == "spittoon"
    assert build_dictionary.repair_gloss("BaffinBay", vocab) == "Baffin Bay"
    assert build_dictionary.repair_gloss("headup", vocab) == "head up"
    assert build_dictionary.repair_gloss("againstone'swill", vocab) == "against one's will"
    assert build_dictionary.repair_gloss("one's", vocab) == "one's"


def test_dictd_numbers_decode() -> None:
    assert build_dictionary.decode_b64_number("A") == 0
    assert build_dictionary.decode_b64_number("BA") == 64
    assert build_dictionary.decode_b64_number("Ryx") == 17 * 4096 + 50 * 64 + 49


def test_freedict_entry_parsing() -> None:
    entry = build_dictionary.parse_freedict_entry("stad /stɑt/\n1. town\n2. city, borough\n")
    assert entry is not None
    assert entry.headword == "stad" and entry.pronunciation == "stɑt"
    assert entry.senses == [["town"], ["city", "borough"]]


def test_build_merges_sources_and_cleans(built: tuple[Path, object]) -> None:
    path, _ = built
    (_, pos, senses, source), *_ = _rows(path, "oorlog")
    assert pos == "noun"
    assert senses[0].startswith("war")
    assert source.startswith("leeswijzer") and "FreeDict" in source
    assert sum(item.strip() == "war" for s in senses for item in s.split(",")) == 1
    assert _rows(path, "wijn")[0][2] == ["wine"]
    assert _rows(path, "abc-boek")[0][2] == ["ABC-book"]
    assert set(_rows(path, "avondeten")[0][2][0].split(", ")) == {"evening meal", "supper"}
    assert _rows(path, "kwispedoor")[0][2] == ["spittoon"]
    assert _rows(path, "naar adem snakken")[0][2] == ["gasp, fight for breath"]


def test_build_stores_wordnets_one_word_english_lemmas(built: tuple[Path, object]) -> None:
    path, _ = built
    with sqlite3.connect(path) as db:
        words = dict(db.execute("SELECT word, pos FROM english_words").fetchall())
    assert words["solitary"] == "adj" and words["selective"] == "adj"
    assert words["harbour"] == "noun" and words["nevertheless"] == "adv"
    # Verbs too (katalyseren: catalyse); not: shorter than a look-alike may be, phrases,
    # capitals.
    assert words["exhaust"] == "verb" and words["travel"] == "verb"
    for word in ("war", "sub", "build_up", "build up", "canis aureus"):
        assert word not in words
    from assistant.lexicon.store import Dictionary

    dictionary = Dictionary.open(path)
    try:
        assert dictionary.english_pos("solitary") == frozenset({"adj"})
        assert dictionary.english_pos("solitary") == frozenset({"adj"})  # cached
        assert dictionary.english_pos("exhaust") == frozenset({"verb"})
        assert dictionary.english_pos("qwxz") == frozenset()
    finally:
        dictionary.close()


def test_build_stores_irregular_english_participles(built: tuple[Path, object]) -> None:
    path, _ = built
    with sqlite3.connect(path) as db:
        participles = dict(db.execute("SELECT verb, participle FROM english_participles"))
    assert participles == {"fall": "fallen", "go": "gone"}
    assert build_dictionary.read_irregular_participles(path.parent / "absent.exc") == {}


def test_a_dictionary_without_the_english_table_knows_no_lookalikes(
        built: tuple[Path, object], tmp_path: Path) -> None:
    from assistant.lexicon.store import Dictionary

    copy = tmp_path / "old.sqlite"
    copy.write_bytes(built[0].read_bytes())
    with sqlite3.connect(copy) as db:
        db.execute("DROP TABLE english_words")
        db.execute("DROP TABLE english_participles")
    dictionary = Dictionary.open(copy)
    try:
        assert dictionary.english_pos("solitary") == frozenset()
        assert dictionary.english_participles == {}
    finally:
        dictionary.close()


def test_build_stores_forms_article_and_principal_parts(built: tuple[Path, object]) -> None:
    path, _ = built
    with sqlite3.connect(path) as db:
        article, plural = db.execute(
            "SELECT article, plural FROM entries WHERE key = 'oorlog' AND pos = 'noun'"
        ).fetchone()
        viel = db.execute(
            "SELECT e.lemma, e.principal_parts FROM forms f JOIN entries e ON e.id = f.entry "
            "WHERE f.form = 'viel'"
        ).fetchone()
        schema = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0]
    assert (article, plural) == ("de", "oorlogen")
    assert viel == ("vallen", "vallen, viel, gevallen")
    assert schema == build_dictionary.SCHEMA_VERSION


def test_shifted_verb_offsets_resolve(built: tuple[Path, object]) -> None:
    path, result = built
    assert result.resolution.total == result.resolution.resolved == 18  # type: ignore[attr-defined]
    # The fixture's verbs after the first are 18 bytes later than their OMW offsets.
    assert "travel" in _rows(path, "reizen")[0][2][0].split(", ")
    assert "descend" not in " ".join(_rows(path, "reizen")[0][2])
    assert _rows(path, "wapenen")[0][2][0].split(", ")[0] == "arm"


def test_senses_are_ranked_across_sources(built: tuple[Path, object]) -> None:
    path, _ = built
    # FreeDict's first sense is "dreary, gaunt"; FreeDict and two Wiktionary extractions
    # agree on "lonely".
    _, pos, senses, source = _rows(path, "eenzaam")[0]
    assert pos == "adj" and senses[0].startswith("lonely")
    assert senses[-1] == "dreary, gaunt"
    assert "English Wiktionary" in source and "FreeDict" in source
    # "exhausted" (FreeDict, Wiktionary, and the note of "beat") before "used up".
    assert _rows(path, "uitgeput")[0][2][0] == "exhausted, used up"


def test_freedict_senses_go_to_the_part_of_speech_they_share_glosses_with(
        built: tuple[Path, object]) -> None:
    path, _ = built
    by_pos = {pos: senses for _, pos, senses, _ in _rows(path, "leven")}
    assert by_pos == {"noun": ["life, living"], "verb": ["live"]}
    # A word only FreeDict has, with no part of speech from any source, stays untyped.
    assert [pos for _, pos, _, _ in _rows(path, "tegen")] == [""]


def test_alpino_gives_genders_plurals_forms_and_principal_parts(
        built: tuple[Path, object]) -> None:
    path, _ = built
    with sqlite3.connect(path) as db:
        toeslag = db.execute(
            "SELECT article, plural FROM entries WHERE key = 'toeslag' AND pos = 'noun'"
        ).fetchone()
        leven = db.execute("SELECT article FROM entries WHERE key = 'leven' AND pos = 'noun'"
                           ).fetchone()
        parts = dict(db.execute("SELECT key, principal_parts FROM entries WHERE pos = 'verb'"))
        forms = {form: lemma for form, lemma in db.execute(
            "SELECT f.form, e.lemma FROM forms f JOIN entries e ON e.id = f.entry")}
        inflections = set(db.execute("SELECT form, lemma, pos FROM inflections"))
    assert toeslag == ("de", "toeslagen") and leven == ("het",)
    assert parts["zijn"] == "zijn, was, geweest"
    assert parts["uitputten"] is None and parts["reizen"] is None  # weak verbs
    assert forms["steden"] == "stad" and forms["was"] in ("zijn", "was")
    assert ("uitviel", "uitvallen", "verb") in inflections  # joined with its particle
    assert ("geputte", "putten", "verb") in inflections  # no entry, still a lemma candidate
    assert ("eenzame", "eenzaam", "adj") in inflections
    assert ("uitgeputte", "uitgeput", "adj") in inflections
    # Suppletive degrees stay words of their own: "eerst" is not a form of "voor".
    assert not {i for i in inflections if i[0] in ("eerst", "eerder")}


def test_wiktionary_translation_tables_turned_round(tmp_path: Path) -> None:
    source = tmp_path / "wikt.txt"
    source.write_text(
        "# comment\n"
        "lonely {adj} (of person: dejected by feelings) :: eenzaam, alleen\n"
        "war {n} (armed conflict) :: oorlog {m}, krijg {m} {f}\n"
        "house {n} (abode) :: huis {n}\n"
        "abdication {n} (renunciation) :: abdicatie, (troons)afstand, [aan] verzaken\n"
        "harbour {n} SEE: harbor ::\n"
        "Aachen {prop} (city) :: Aken\n"
        "able {adj} (permitted to) :: in staat (om), bekwaam\n"
        "fall {v} :: vallen\n"
        "not a line\n", encoding="utf-8")
    found = build_dictionary.read_wiktionary(source)
    assert [(s.english, s.pos, s.note, s.article) for s in found["eenzaam"]] == [
        ("lonely", "adj", "of person: dejected by feelings", None)]
    assert found["oorlog"][0].article == "de" and found["huis"][0].article == "het"
    assert found["krijg"][0].article == "de"  # {m} and {f} are both "de"
    assert found["vallen"][0].note == "" and found["vallen"][0].pos == "verb"
    assert "bekwaam" in found and "in staat (om)" not in found
    assert not {"(troons)afstand", "afstand", "[aan] verzaken", "Aken", "harbor"} & set(found)


@pytest.mark.parametrize(("line", "term", "note"), [
    # A qualifier apart from its word joins the sense description.
    ("acrophobia {n} (fear of heights) :: hoogtevrees [informal]", "hoogtevrees",
     "fear of heights; informal"),
    ("amalgamation {n} :: [formal] amalgamatie", "amalgamatie", "formal"),
    ("renounce {v} :: [aan] verzaken", "verzaken", "aan"),
    ("accustom {v} (to make familiar) :: wennen (aan)", "wennen", "to make familiar; aan"),
    ("abstain {v} :: [van stemming] zich onthouden", "zich onthouden", "van stemming"),
])
def test_a_qualified_translation_keeps_its_word(tmp_path: Path, line: str, term: str,
                                                note: str) -> None:
    source = tmp_path / "wikt.txt"
    source.write_text(line + "\n", encoding="utf-8")
    found = build_dictionary.read_wiktionary(source)
    assert list(found) == [term] and found[term][0].note == note


@pytest.mark.parametrize("line", [
    "abdication {n} :: (troons)afstand",  # brackets inside the word
    "able {adj} :: in staat (om) te",  # brackets inside the phrase
    "giant {adj} :: reuzen- [prefix]",  # a prefix
    "and/or {conj} :: en/of",
])
def test_a_translation_with_brackets_inside_is_skipped(tmp_path: Path, line: str) -> None:
    source = tmp_path / "wikt.txt"
    source.write_text(line + "\n", encoding="utf-8")
    assert build_dictionary.read_wiktionary(source) == {}


NOUN_GENDERS = {"lid": "het", "punt": "het", "stad": "de", "ster": "de", "plaats": "de"}
NOUN_PLURALS = {"lid": "leden", "punt": "punten", "stad": "steden", "ster": "sterren",
                "plaats": "plaatsen"}


@pytest.mark.parametrize(("word", "head"), [
    ("aandachtspunt", ("aandachts", "punt")),
    ("provinciehoofdplaats", ("provinciehoofd", "plaats")),  # the longest ending
    ("raadslid", ("raads", "lid")),
    ("helpster", None),  # -ster makes a woman's agent noun
    ("punt", None),  # no part before it
    ("stadje", None),
])
def test_compound_head(word: str, head: tuple[str, str] | None) -> None:
    assert build_dictionary.compound_head(word, NOUN_GENDERS) == head


@pytest.mark.parametrize(("word", "given", "forms", "expected"), [
    # No source gives an article or plural: the head's, and the plural becomes a form.
    ("raadslid", (None, None), {"raad"}, ("het", "raadsleden")),
    ("aandachtspunt", (None, None), {"aandacht"}, ("het", "aandachtspunten")),
    ("havenstad", (None, None), {"haven"}, ("de", "havensteden")),
    # What a source gives is kept.
    ("havenstad", ("het", None), {"haven"}, ("het", "havensteden")),
    ("raadslid", (None, "raadslids"), {"raad"}, ("het", "raadslids")),
    # Refused: the part before the head is no word, or the noun is Alpino's own.
    ("xqzpunt", (None, None), set(), (None, None)),
    ("plaats", (None, None), {"pl"}, (None, None)),
])
def test_a_compound_noun_takes_its_heads_article_and_plural(
        word: str, given: tuple[str | None, str | None], forms: set[str],
        expected: tuple[str | None, str | None]) -> None:
    item = build_dictionary.Merged(word, "noun", article=given[0], plural=given[1])
    merged = {(word, "noun"): item}
    table: dict[str, set[tuple[str, str]]] = {form: {(form, "noun")} for form in forms}
    build_dictionary.add_compound_heads(merged, table, NOUN_GENDERS, NOUN_PLURALS)
    assert (item.article, item.plural) == expected
    if expected[1] and expected[1] != given[1]:
        assert table[expected[1]] == {(word, "noun")}


def test_a_derived_plural_never_takes_another_entrys_form() -> None:
    item = build_dictionary.Merged("raadslid", "noun")
    table = {"raad": {("raad", "noun")}, "raadsleden": {("raadsleden", "noun")}}
    build_dictionary.add_compound_heads({("raadslid", "noun"): item}, table, NOUN_GENDERS,
                                        NOUN_PLURALS)
    assert (item.article, item.plural) == ("het", None)
    assert table["raadsleden"] == {("raadsleden", "noun")}


def test_the_compound_list_gives_whole_words_with_their_heads_forms(
        built: tuple[Path, object]) -> None:
    path, _ = built
    assert _rows(path, "wijntoeslag") == [
        ("wijntoeslag", "noun", ["wine surcharge"], "leeswijzer compounds")]
    assert _rows(path, "wijnrijk")[0][1:3] == ("adj", ["rich in wine"])
    with sqlite3.connect(path) as db:
        found = dict(db.execute("SELECT key, article || ' ' || plural FROM entries "
                                "WHERE key IN ('wijntoeslag', 'wijnstad')").fetchall())
        forms = {row[0] for row in db.execute(
            "SELECT f.form FROM forms f JOIN entries e ON e.id = f.entry "
            "WHERE e.key = 'wijntoeslag'")}
    # The head's article and plural (toeslag: de, toeslagen); a row's own are kept.
    assert found == {"wijntoeslag": "de wijntoeslagen", "wijnstad": "het wijnsteedjes"}
    assert forms == {"wijntoeslag", "wijntoeslagen"}


@pytest.mark.parametrize(
    ("participle", "inflected"),
    [("gemaakt", "gemaakte"), ("geput", "geputte"), ("gereisd", "gereisde"),
     ("gezet", "gezette"), ("geleefd", "geleefde")],
)
def test_inflected_participles(participle: str, inflected: str) -> None:
    assert build_dictionary.inflected_participle(participle) == inflected


def test_parts_of_speech_of_freedict_senses() -> None:
    groups = [["life"], ["live"], ["wax"], ["gloss"]]
    typed = {"noun": {"life", "living"}, "verb": {"live"}}
    english = {"life": frozenset({"noun"}), "live": frozenset({"verb", "adj"}),
               "wax": frozenset({"noun", "verb"})}
    assert build_dictionary.freedict_parts_of_speech(groups, typed, english) == [
        {"noun"}, {"verb"}, {"noun", "verb"}, {"noun", "verb"}]
    assert build_dictionary.guess_pos([["life"], ["wax"]], english) == "noun"
    assert build_dictionary.guess_pos([["live"]], english) == ""
    assert build_dictionary.guess_pos([["gloss"]], english) == ""


def test_majority_and_english_phrase_frequency() -> None:
    assert build_dictionary.majority(["de", "het", "de", None]) == "de"
    assert build_dictionary.majority(["de", "het"]) is None
    assert build_dictionary.majority([None]) is None
    frequency = build_dictionary.EnglishFrequency({"used": 1e-3, "up": 1e-3, "worn": 1e-6})
    assert frequency("used") == pytest.approx(6.0)
    # Two words: their harmonic frequency, less a Zipf point for the phrase.
    assert frequency("used up") == pytest.approx(6.0 - 0.30103 - 1.0, abs=1e-3)
    assert frequency("worn out") == 0.0 and frequency("") == 0.0


def test_offset_resolver_follows_piecewise_shift() -> None:
    resolver = build_dictionary.OffsetResolver([100, 200, 318, 418, 518])
    mapping = resolver.resolve_all([100, 200, 300, 400, 500, 999])
    assert mapping == {100: 100, 200: 200, 300: 318, 400: 418, 500: 518}


def test_main_exits_2_offline_without_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEESWIJZER_OFFLINE", "1")
    monkeypatch.delenv("LEESWIJZER_SOURCES", raising=False)
    code = build_dictionary.main(
        ["--sources", str(tmp_path / "nothing"), "--output", str(tmp_path / "d.sqlite"),
         "--cache", str(tmp_path / "cache")]
    )
    assert code == 2
    assert "--sources" in capsys.readouterr().err
    assert not (tmp_path / "d.sqlite").exists()


def test_main_builds_from_environment_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEESWIJZER_SOURCES", str(FIXTURES))
    output = tmp_path / "d.sqlite"
    assert build_dictionary.main(["--output", str(output), "--cache", str(tmp_path / "c")]) == 0
    printed = capsys.readouterr().out
    assert "distinct lemmas" in printed and "build time" in printed
    assert output.exists() and not list(tmp_path.glob("d.sqlite.*"))


def test_all_real_omw_rows_resolve_to_wordnet() -> None:
    # The shared sources are always beside the checkout (CI has ../shared): fail, never skip.
    assert (SHARED / "wordnet").exists(), f"the shared dictionary sources are missing: {SHARED}"
    wordnet, _ = build_dictionary.read_wordnet(SHARED / "wordnet")
    rows = []
    for relative, name in build_dictionary.OMW_FILES:
        rows += build_dictionary.read_omw(SHARED / relative, name)
    linked, resolution = build_dictionary.resolve_omw(rows, wordnet)
    print(f"OMW rows resolved: {resolution.resolved}/{resolution.total}", resolution.by_source)
    assert resolution.total > 80_000
    assert resolution.resolved == resolution.total
    by_lemma: dict[tuple[str, str], set[str]] = {}
    for row, synset in linked:
        by_lemma.setdefault((row.lemma, row.letter), set()).update(synset.words)
    # Verbs in Debian's shifted region and adjectives past the +1 patch land on the right synset.
    assert "arm" in by_lemma[("wapenen", "v")]
    assert "travel" in by_lemma[("reizen", "v")]
    assert "hormonal" in by_lemma[("hormonaal", "a")]
