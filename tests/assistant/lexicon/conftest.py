"""The dictionary built from the tiny fixture sources, shared by the lexicon tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from script_modules import script

from assistant.lexicon.store import Dictionary

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "dictionary" / "sources"

SUPPLEMENT = (
    "lemma\tpos\tarticle\tplural\tprincipal_parts\tsenses\tsource\n"
    "oorlog\tnoun\tde\toorlogen\t\twar\tleeswijzer\n"
    "gepantserd\tadj\t\t\t\tarmoured\tleeswijzer\n"
    "uitvallen\tverb\t\t\tuitvallen, viel uit, uitgevallen\tto fail, to drop out\tleeswijzer\n"
    "granaat\tnoun\tde\tgranaten\t\tshell, grenade\tleeswijzer\n"
    "artillerie\tnoun\tde\t\t\tartillery\tleeswijzer\n"
    "omkeren\tverb\t\t\t\tto turn over\tleeswijzer\n"
    "omgekeerd\tadv\t\t\t\tconversely\tleeswijzer\n"
    "omgekeerd\tadj\t\t\t\treverse\tleeswijzer\n"
    "NK\tnoun\thet\t\t\tnational championships\tleeswijzer\n"
    "NAVO\tnoun\tde\t\t\tNATO\tleeswijzer\n"
    "koor\tnoun\thet\tkoren\t\tchoir\tleeswijzer\n"
    "koren\tnoun\thet\t\t\tgrain, corn\tleeswijzer\n"
    "probleem\tnoun\thet\tproblemen\t\tproblem\tleeswijzer\n"
    "problemen\tnoun\tde\t\t\tproblems\tleeswijzer\n"
    "boer\tnoun\tde\tboeren\t\tfarmer\tleeswijzer\n"
    "boeren\tnoun\thet\t\t\tburping\tleeswijzer\n"
    "boeren\tverb\t\t\t\tto burp\tleeswijzer\n"
)
# Word frequencies (Zipf) the compound splitter sees.
FREQUENCIES = {"haven": 4.0, "stad": 5.0, "vernietiging": 3.5, "oorlog": 5.0, "regering": 4.8,
               "delegatie": 3.5, "artillerie": 3.0, "granaat": 3.0, "wapen": 4.2,
               "tegen": 6.0, "aanval": 4.3, "fortuin": 3.5}


def build_script() -> ModuleType:
    return script("build_dictionary")


@pytest.fixture(scope="session")
def fixture_dictionary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dictionary]:
    folder = tmp_path_factory.mktemp("fixture-dict")
    supplement = folder / "supplement.tsv"
    supplement.write_text(SUPPLEMENT, encoding="utf-8")
    build_script().build(FIXTURES, folder / "d.sqlite", supplement)
    dictionary = Dictionary.open(folder / "d.sqlite", zipf=lambda w: FREQUENCIES.get(w, 0.0))
    yield dictionary
    dictionary.close()
