"""The dictionary built from the tiny fixture sources, shared by the lexicon tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fixture_dictionaries import built_dictionary

from assistant.lexicon.store import Dictionary

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


@pytest.fixture(scope="session")
def fixture_dictionary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dictionary]:
    dictionary = built_dictionary(tmp_path_factory.mktemp("fixture-dict"), SUPPLEMENT,
                                  FREQUENCIES)
    yield dictionary
    dictionary.close()
