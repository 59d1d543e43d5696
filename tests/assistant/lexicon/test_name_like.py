"""Name-like tokens found a piece at a time (wordclasses.NameLike, glossing.prepare_names): the
same tokens as name_like_tokens of the whole text, whatever the pieces, and a later analysis
that keeps the tokens read so far goes on from where the last one ended."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from parse_data import analysed, w

from assistant.lexicon import glossing
from assistant.lexicon.wordclasses import NameLike, name_like_tokens

Triple = tuple[str, str, int]

# (text, UD POS, sentence) texts and which tokens are name-like, with why.
CASES: list[tuple[str, list[Triple], set[int]]] = [
    ("a capitalised noun in mid-sentence",
     [("Hij", "PRON", 0), ("zag", "VERB", 0), ("Volder", "PROPN", 0)], {2}),
    ("a sentence's first word the text also writes as a name in mid-sentence",
     [("Fortuin", "PROPN", 0), ("zei", "VERB", 0), (".", "PUNCT", 0),
      ("Sytze", "PROPN", 1), ("Fortuin", "PROPN", 1)], {0, 4}),
    ("the name in mid-sentence comes later: the first word is still a name",
     [("Fortuin", "PROPN", 0), ("lacht", "VERB", 0), (".", "PUNCT", 0),
      ("Toen", "ADV", 1), ("kwam", "VERB", 1), ("Fortuin", "PROPN", 1)], {0, 5}),
    ("refused: the text writes the word in lower case too, later",
     [("Fortuin", "NOUN", 0), ("lacht", "VERB", 0), (".", "PUNCT", 0),
      ("Het", "DET", 1), ("Fortuin", "PROPN", 1), ("fortuin", "NOUN", 1)], {4}),
    ("refused: a heading's first word alone (Schoolstaking)",
     [("Schoolstaking", "NOUN", 0), ("Leerlingen", "NOUN", 1), ("staken", "VERB", 1)], set()),
    ("refused: a capitalised verb or adjective in mid-sentence",
     [("Het", "DET", 0), ("Rode", "ADJ", 0), ("huis", "NOUN", 0), ("Loopt", "VERB", 0)], set()),
    ("punctuation before the first word leaves it the sentence's first",
     [("“", "PUNCT", 0), ("Fortuin", "PROPN", 0), ("zei", "VERB", 0), ("Fortuin", "PROPN", 0)],
     {1, 3}),
]


@pytest.mark.parametrize(("why", "tokens", "names"), CASES, ids=[c[0] for c in CASES])
def test_pieces_find_what_the_whole_text_finds(why: str, tokens: list[Triple],
                                               names: set[int]) -> None:
    assert name_like_tokens(tokens) == names, why
    for cut in range(len(tokens) + 1):
        found = NameLike()
        found.add(tokens[:cut])
        assert found.names() == name_like_tokens(tokens[:cut])
        found.add(tokens[cut:])
        assert found.names() == names and found.count == len(tokens)


def test_one_token_at_a_time_is_the_whole_text() -> None:
    tokens = [t for _why, case, _names in CASES for t in case]
    found = NameLike()
    for token in tokens:
        found.add([token])
    assert found.names() == name_like_tokens(tokens)


WORDS = [w("Fortuin", "fortuin", "PROPN"), w("lacht", "lachen", "VERB"), w(".", ".", "PUNCT"),
         w("Toen", "toen", "ADV"), w("kwam", "komen", "VERB"), w("Fortuin", "Fortuin", "PROPN"),
         w(".", ".", "PUNCT"), w("Hij", "hij", "PRON"), w("zag", "zien", "VERB"),
         w("Volder", "Volder", "PROPN"), w(".", ".", "PUNCT")]


def _whole(tokens: tuple[object, ...]) -> frozenset[int]:
    return name_like_tokens([(t.text, t.pos, t.sentence) for t in tokens])  # type: ignore[attr-defined]


def test_prepare_names_in_steps_gives_the_cards_names() -> None:
    article = analysed(WORDS)
    steps = list(itertools.islice(glossing.prepare_names(article, step=3), 100))
    assert len(steps) == 4  # 11 tokens, 3 at a time
    assert glossing.card_names(article) == _whole(article.tokens) == {0, 5, 9}


def test_a_streamed_part_goes_on_from_the_tokens_read() -> None:
    whole = analysed(WORDS)
    first = dataclasses.replace(whole, tokens=whole.tokens[:7])
    assert glossing.card_names(first) == _whole(first.tokens) == {0, 5}
    # The next part appends tokens: only they are read (one step of 4 for 4 new tokens).
    assert len(list(glossing.prepare_names(whole, step=4))) == 1
    assert glossing.card_names(whole) == {0, 5, 9}
    # The names redrawn at the end: the same words as new token objects, read on from there.
    redrawn = dataclasses.replace(whole, tokens=tuple(
        dataclasses.replace(t, is_word=not t.is_word) for t in whole.tokens))
    assert list(glossing.prepare_names(redrawn)) == []
    assert glossing.card_names(redrawn) == {0, 5, 9}


def test_another_text_is_read_from_its_start() -> None:
    glossing.card_names(analysed(WORDS))
    other = analysed([w("Volder", "Volder", "PROPN"), w("lacht", "lachen", "VERB"),
                      w(".", ".", "PUNCT"), w("Het", "het", "DET"), w("volder", "volder", "NOUN")])
    assert len(list(glossing.prepare_names(other, step=2))) == 3
    assert glossing.card_names(other) == _whole(other.tokens) == frozenset()


def test_an_abandoned_preparation_cannot_spoil_a_newer_one() -> None:
    old = analysed(WORDS)
    steps = glossing.prepare_names(old, step=2)
    next(steps)
    other = analysed([w("Hij", "hij", "PRON"), w("zag", "zien", "VERB"),
                      w("Volder", "Volder", "PROPN")])
    assert glossing.card_names(other) == {2}
    list(steps)  # the old one resumed: it reads its own tokens again, from their start
    assert glossing.card_names(old) == {0, 5, 9}
    assert glossing.card_names(other) == {2}
