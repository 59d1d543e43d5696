"""Dictionary.derived: what a rule works out from the dictionary alone, worked out once per key
(compound splits and English look-alikes, which a long text asks for again and again)."""

from __future__ import annotations

import pytest

from assistant.lexicon import glossing, store
from assistant.lexicon.store import Dictionary


def test_a_derived_value_is_worked_out_once_per_key(fixture_dictionary: Dictionary) -> None:
    calls: list[str] = []

    def work(name: str) -> str | None:
        calls.append(name)
        return None if name == "none" else name.upper()

    assert fixture_dictionary.derived(("test rule", "a"), lambda: work("a")) == "A"
    assert fixture_dictionary.derived(("test rule", "a"), lambda: work("again")) == "A"
    assert fixture_dictionary.derived(("test rule", "b"), lambda: work("b")) == "B"
    assert fixture_dictionary.derived(("other test rule", "a"), lambda: work("c")) == "C"
    assert fixture_dictionary.derived(("test none",), lambda: work("none")) is None
    assert fixture_dictionary.derived(("test none",), lambda: work("not again")) is None
    assert calls == ["a", "b", "c", "none"]


@pytest.mark.parametrize(("word", "pos"), [("treinkaart", "NOUN"), ("treinkaart", None),
                                           ("zzzqqq", "NOUN")])
def test_a_words_split_is_worked_out_once(fixture_dictionary: Dictionary, word: str,
                                          pos: str | None,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    split = store.split_compound  # type: ignore[attr-defined]

    def counted(text: str, *args: object, **kwargs: object) -> object:
        calls.append(text)
        return split(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "split_compound", counted)
    first = fixture_dictionary.split(word, pos)
    assert fixture_dictionary.split(word, pos) == first
    assert calls == [word]


def test_an_english_lookalike_is_worked_out_once_per_words_and_part_of_speech(
        fixture_dictionary: Dictionary, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[tuple[str, ...], str]] = []

    def lookalike(words: tuple[str, ...], pos: str, *rest: object) -> tuple[str, str]:
        calls.append((tuple(words), pos))
        return words[0], "look-alike"

    monkeypatch.setattr(glossing, "english_lookalike", lookalike)
    for _ in range(2):
        assert glossing._english_lookalike(fixture_dictionary, ["tést", "tést", "x"],
                                           "NOUN") == ("tést", "look-alike")
        glossing._english_lookalike(fixture_dictionary, ["tést", "x"], "ADJ")
    assert calls == [(("tést", "x"), "NOUN"), (("tést", "x"), "ADJ")]
