"""The analysis's fast paths give what the plain ones give: lemmas chosen once per distinct
token, and the separable-verb scan's tokens rebased without dataclasses.replace."""

from __future__ import annotations

import dataclasses

from parse_data import parse, w

from assistant.reading.analysis import clean_lemma, clean_lemmas
from assistant.reading.nlp import ParsedToken
from assistant.reading.separable import _with_head


class CountingLexicon:
    """A dictionary that knows a few lemmas and counts the lookups of forms."""

    def __init__(self) -> None:
        self.entries = {("lezen", "verb"), ("uitgeput", "adj"), ("uitputten", "verb"),
                        ("koe", "noun"), ("huis", "noun")}
        self.forms = {"las": [("lezen", "verb")], "koeien": [("koe", "noun")],
                      "uitgeputte": [("uitgeput", "adj")]}
        self.lookups = 0

    def knows_as(self, lemma: str, pos: str | None = None) -> bool:
        return any(key == lemma and (pos is None or p == pos) for key, p in self.entries)

    def lemmas_of(self, form: str) -> tuple[tuple[str, str], ...]:
        self.lookups += 1
        return tuple(self.forms.get(form, ()))


def test_lemmas_chosen_once_per_token_kind_are_each_tokens_own() -> None:
    words = [w("Zij", pos="PRON"), w("las", "lezen", pos="VERB", morph="VerbForm=Fin"),
             w("koeien", "koeien", pos="NOUN"), w("en", pos="CCONJ"),
             w("las", "las", pos="NOUN"),  # the same form with another part of speech
             w("koeien", "koeien", pos="NOUN"), w("uitgeputte", "uitputten", pos="VERB",
                                                  dep="amod", morph="VerbForm=Part"),
             w("uitgeputte", "uitputten", pos="VERB", dep="root", morph="VerbForm=Part"),
             w("Huis", "Huis", pos="PROPN"), w("huis", pos="NOUN"), w("las", "lezen", pos="VERB",
                                                                     morph="VerbForm=Fin")]
    tokens = parse(words).tokens
    separately = CountingLexicon()
    one_by_one = [clean_lemma(token, separately) for token in tokens]
    lexicon = CountingLexicon()
    assert clean_lemmas(tokens, lexicon) == one_by_one
    assert one_by_one[1] == "lezen" and one_by_one[6] == "uitgeput"
    assert one_by_one[7] != "uitgeput"  # not used as an adjective: the verb's lemma
    assert lexicon.lookups == separately.lookups - 2  # the repeated "koeien" and "las"
    assert clean_lemmas(tokens) == [clean_lemma(token) for token in tokens]


def test_a_token_with_another_head_keeps_every_other_field() -> None:
    values: dict[str, object] = {}
    for number, field in enumerate(dataclasses.fields(ParsedToken)):
        values[field.name] = {"int": number, "str": field.name, "bool": True}[str(field.type)]
    token = ParsedToken(**values)  # type: ignore[arg-type]
    assert _with_head(token, 99) == dataclasses.replace(token, head=99)
    assert _with_head(token, 99).head == 99


def test_lemma_choices_carry_over_to_the_next_part() -> None:
    first = parse([w("Zij", pos="PRON"), w("las", "lezen", pos="VERB", morph="VerbForm=Fin")])
    second = parse([w("Hij", pos="PRON"), w("las", "lezen", pos="VERB", morph="VerbForm=Fin"),
                    w("koeien", "koeien", pos="NOUN")])
    lexicon = CountingLexicon()
    choices: dict[tuple[str, str, str, str, bool], str] = {}
    assert clean_lemmas(first.tokens, lexicon, choices) == ["zij", "lezen"]
    before = lexicon.lookups
    assert clean_lemmas(second.tokens, lexicon, choices) == ["hij", "lezen", "koe"]
    assert lexicon.lookups - before == 1  # only "koeien" is new
