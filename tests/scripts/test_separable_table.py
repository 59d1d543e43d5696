"""The dictionary's table of separable verbs: written from the Alpino lexicon, read by the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import ModuleType

import pytest
from script_modules import script

from assistant.lexicon.keys import SCHEMA_VERSION
from assistant.lexicon.store import Dictionary

ROOT = Path(__file__).resolve().parents[2]

VERBS = """
v(zet,zet,zetten,gezet,zette,zetten,
    [h([transitive, part_transitive(voort), part_transitive(aan)]),
     z([part_intransitive(aan)])]).
v(ga,gaat,inflected(gaan,gane),gegaan,ging,gingen,ga,
    [z([intransitive, part_intransitive(om), part_transitive('ten onder')])]).
v(zie,ziet,zien,gezien,zag,zagen,[h([transitive, part_fixed(uit,[svp_er],no_passive)])]).
"""


def _script() -> ModuleType:
    return script("build_dictionary")


def _table(tmp_path: Path, verbs: str | None) -> sqlite3.Connection:
    alpino = tmp_path / "alpino"
    alpino.mkdir()
    if verbs is not None:
        (alpino / "verbs.pl").write_text(verbs, encoding="utf-8")
    db = sqlite3.connect(tmp_path / "d.sqlite")
    count = _script().write_separable_verbs(db, alpino)
    assert count == db.execute("SELECT COUNT(*) FROM separable_verbs").fetchone()[0]
    return db


def test_the_table_lists_each_attested_pair_with_its_auxiliaries(tmp_path: Path) -> None:
    db = _table(tmp_path, VERBS)
    assert db.execute("SELECT * FROM separable_verbs ORDER BY particle, verb").fetchall() == [
        ("aan", "zetten", "hebben, zijn", 0), ("om", "gaan", "zijn", 0),
        ("uit", "zien", "hebben", 1), ("voort", "zetten", "hebben", 0),
    ]


def test_without_the_lexicon_the_table_is_empty(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = _table(tmp_path, None)
    assert db.execute("SELECT COUNT(*) FROM separable_verbs").fetchone() == (0,)
    assert "no Alpino lexicon" in capsys.readouterr().err


def _dictionary(tmp_path: Path, with_table: bool) -> Dictionary:
    path = tmp_path / "dictionary.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, lemma TEXT, key TEXT, pos TEXT,"
            " senses TEXT, definitions TEXT, source TEXT, article TEXT, plural TEXT,"
            " principal_parts TEXT, pronunciation TEXT, rank INTEGER);"
            "CREATE TABLE forms (form TEXT NOT NULL, entry INTEGER NOT NULL);")
        db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        if with_table:
            db.execute("CREATE TABLE separable_verbs (particle TEXT, verb TEXT, auxiliary TEXT,"
                       " with_er INTEGER)")
            db.executemany("INSERT INTO separable_verbs VALUES (?, ?, 'hebben', ?)",
                           [("aan", "zetten", 0), ("voort", "zetten", 0), ("om", "gaan", 0),
                            ("uit", "zien", 1), ("om", "zien", 0)])
    return Dictionary.open(path)


@pytest.mark.parametrize(("verb", "particles"), [
    ("zetten", frozenset({"aan", "voort"})),
    ("Zetten", frozenset({"aan", "voort"})),
    ("gaan", frozenset({"om"})),
    ("denken", frozenset()),
    ("zien", frozenset({"om", "uit"})),
])
def test_the_store_answers_the_particles_of_a_verb(tmp_path: Path, verb: str,
                                                   particles: frozenset[str]) -> None:
    dictionary = _dictionary(tmp_path, with_table=True)
    assert dictionary.separable_particles(verb) == particles
    # Only uitzien takes an "er" of its own ("het ziet er goed uit").
    assert dictionary.er_particles(verb) == (frozenset({"uit"}) if verb == "zien" else frozenset())
    dictionary.close()


def test_a_dictionary_without_the_table_knows_no_separable_verbs(tmp_path: Path) -> None:
    dictionary = _dictionary(tmp_path, with_table=False)
    assert dictionary.separable_particles("zetten") == frozenset()
    assert dictionary.er_particles("zien") == frozenset()
    dictionary.close()
