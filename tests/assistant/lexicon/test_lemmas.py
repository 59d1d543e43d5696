"""Lemma choice: the candidate the dictionary knows with the token's part of speech wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.lexicon.lemmas import choose_lemma, rule_lemma, used_as_adjective


class FakeLexicon:
    """Entries as (lemma, pos) and Alpino's forms as form → [(lemma, pos)]."""

    def __init__(self, entries: set[tuple[str, str]],
                 forms: dict[str, list[tuple[str, str]]] | None = None) -> None:
        self.entries = entries
        self.forms = forms or {}

    def knows_as(self, lemma: str, pos: str | None = None) -> bool:
        return any(key == lemma and (pos is None or p == pos) for key, p in self.entries)

    def lemmas_of(self, form: str) -> tuple[tuple[str, str], ...]:
        return tuple(self.forms.get(form, ()))


LEXICON = FakeLexicon(
    {("koe", "noun"), ("lezen", "verb"), ("lassen", "verb"), ("zijn", "verb"),
     ("zijnen", "verb"), ("uitgeput", "adj"), ("uitputten", "verb"), ("kennen", "verb"),
     ("ken", "noun"), ("gaan", "verb"), ("huis", "noun"), ("geboren", "adj")},
    {"koeien": [("koe", "noun")], "las": [("lassen", "verb"), ("lezen", "verb")],
     "kennen": [("kennen", "verb")], "uitgeput": [("uitputten", "verb"), ("uitgeput", "adj")],
     "uitgeputte": [("uitgeput", "adj")], "toegestuurd": [("toesturen", "verb")],
     "was": [("zijn", "verb")]},
)
FREQUENCY = {"lezen": 5.2, "lassen": 2.5, "zijn": 7.0, "zijnen": 1.5}


def nothing(_: str) -> str | None:
    return None


@pytest.mark.parametrize(
    ("form", "pos", "morph", "pipeline", "lemmatised", "lemma"),
    [
        ("koeien", "NOUN", "", "koeien", None, "koe"),          # Alpino's plural, not the copy
        ("kennen", "VERB", "VerbForm=Inf", "ken", None, "kennen"),  # "ken" is not a verb entry
        ("zijn", "VERB", "VerbForm=Fin", "zijn", None, "zijn"),  # not the rules' "zijnen"
        ("was", "AUX", "Tense=Past", "zijn", None, "zijn"),
        ("las", "VERB", "Tense=Past", "lassen", "lezen", "lezen"),  # votes, then frequency
        ("huizen", "NOUN", "", "huizen", "huis", "huis"),        # simplemma's candidate
        ("toegestuurd", "VERB", "VerbForm=Part", "toegestuurd", None, "toesturen"),  # Alpino,
        # though the dictionary has no entry for it
        ("qwzx", "NOUN", "", "Qwzx", None, "qwzx"),              # nothing known: the rules'
        ("Fortuin", "PROPN", "", "Fortuin", None, "Fortuin"),   # names keep their lemma
        ("De", "DET", "", "de", None, "de"),                     # no dictionary part of speech
    ],
)
def test_choose_lemma(form: str, pos: str, morph: str, pipeline: str, lemmatised: str | None,
                      lemma: str) -> None:
    chosen = choose_lemma(form, pos, morph, pipeline, LEXICON,
                          lemmatise=lambda _: lemmatised,
                          frequency=lambda word: FREQUENCY.get(word, 0.0))
    assert chosen == lemma


def test_a_participle_used_as_an_adjective_takes_the_adjective() -> None:
    def choose(form: str, adjectival: bool) -> str:
        return choose_lemma(form, "VERB", "VerbForm=Part", "uitputten", LEXICON, adjectival,
                            lemmatise=nothing)

    assert choose("uitgeputte", True) == "uitgeput"
    assert choose("uitgeput", True) == "uitgeput"
    assert choose("uitgeput", False) == "uitputten"
    # No adjective in the dictionary: the verb stays.
    assert choose_lemma("uitgeputte", "VERB", "VerbForm=Part", "uitputten",
                        FakeLexicon({("uitputten", "verb")}), True,
                        lemmatise=nothing) == "uitputten"


def test_without_a_lexicon_the_rules_decide() -> None:
    assert choose_lemma("koeien", "NOUN", "", "Koeien") == "koeien"
    assert choose_lemma("stemden", "VERB", "Tense=Past", "stemden") == "stemmen"
    assert choose_lemma("Fortuin", "PROPN", "", "Fortuin") == "Fortuin"


@pytest.mark.parametrize(
    ("form", "pos", "morph", "pipeline", "lemma"),
    [("Oorlog", "NOUN", "", "Oorlog", "oorlog"), ("Fortuin", "PROPN", "", "Fortuin", "Fortuin"),
     ("vallen", "VERB", "VerbForm=Inf", "aanvallen", "vallen"),
     ("gepantserd", "VERB", "VerbForm=Part", "gepantserd", "gepantserd"),
     ("x", "NOUN", "", " ", "x")],
)
def test_rule_lemma(form: str, pos: str, morph: str, pipeline: str, lemma: str) -> None:
    assert rule_lemma(form, pos, morph, pipeline) == lemma


@pytest.mark.parametrize(
    ("pos", "morph", "dep", "adjectival"),
    [("VERB", "VerbForm=Part", "amod", True), ("VERB", "VerbForm=Part", "root", False),
     ("VERB", "VerbForm=Fin", "amod", False), ("ADJ", "VerbForm=Part", "amod", False),
     ("AUX", "Tense=Past|VerbForm=Part", "amod", True)],
)
def test_used_as_adjective(pos: str, morph: str, dep: str, adjectival: bool) -> None:
    assert used_as_adjective(pos, morph, dep) is adjectival


def test_the_unpacked_simplemma_table_gives_simplemma_s_own_lemmas(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import simplemma

    from assistant.lexicon import lemmas

    written = tmp_path / lemmas.SIMPLEMMA_TABLE
    lemmas.write_simplemma_table(written)
    table = lemmas._read_simplemma_table(written)
    assert len(table) > 100_000 and table[b"huizen"] == b"huis"
    monkeypatch.setattr(lemmas, "resource_path", lambda name: tmp_path / name)
    lemmas.dutch_lemmatizer.cache_clear()
    try:
        ours = lemmas.dutch_lemmatizer()
        for form in ("huizen", "liepen", "gelezen", "mooiste", "fietsen", "xyzzy", "de"):
            assert ours.lemmatize(form, lang="nl") == simplemma.lemmatize(form, lang="nl")
    finally:
        lemmas.dutch_lemmatizer.cache_clear()


def test_without_simplemma_s_internals_its_own_lemmatizer_serves(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import simplemma

    from assistant.lexicon import lemmas

    monkeypatch.setitem(sys.modules, "simplemma.strategies.dictionaries.dictionary_factory", None)
    lemmas.dutch_lemmatizer.cache_clear()
    try:
        assert lemmas.dutch_lemmatizer() is simplemma
        assert lemmas.dutch_lemmatizer().lemmatize("huizen", lang="nl") == "huis"
    finally:
        lemmas.dutch_lemmatizer.cache_clear()
