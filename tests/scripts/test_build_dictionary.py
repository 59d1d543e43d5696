"""Tests for scripts/build_dictionary.py on tiny fixture sources and the shared real ones."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "dictionary" / "sources"
SHARED = ROOT.parent / "shared" / "data"


def _load_script() -> ModuleType:
    script = ROOT / "scripts" / "build_dictionary.py"
    spec = importlib.util.spec_from_file_location("build_dictionary", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_dictionary"] = module
    spec.loader.exec_module(module)
    return module


build_dictionary = _load_script()


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
    output = folder / "dictionary.sqlite"
    result = build_dictionary.build(FIXTURES, output, supplement)
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
    assert _rows(path, "avondeten")[0][2] == ["evening meal, supper"]
    assert _rows(path, "kwispedoor")[0][2] == ["spittoon"]
    assert _rows(path, "naar adem snakken")[0][2] == ["gasp, fight for breath"]


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
    assert result.resolution.total == result.resolution.resolved == 12  # type: ignore[attr-defined]
    # The fixture's verbs after the first are 18 bytes later than their OMW offsets.
    assert _rows(path, "reizen")[0][2][0].startswith("travel")
    assert "descend" not in " ".join(_rows(path, "reizen")[0][2])
    assert _rows(path, "wapenen")[0][2][0] == "arm"


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


@pytest.mark.skipif(not (SHARED / "wordnet").exists(), reason="shared sources not present")
def test_all_real_omw_rows_resolve_to_wordnet() -> None:
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
