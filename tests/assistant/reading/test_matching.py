"""The token-sequence matcher: longest match wins, alternatives per token, gaps, boundaries."""

from __future__ import annotations

from assistant.reading.matching import SequenceMatcher


def test_longest_non_overlapping_matches_in_text_order() -> None:
    matcher: SequenceMatcher[str] = SequenceMatcher()
    matcher.add(("new", "york"), "city")
    matcher.add(("the", "new", "york", "times"), "paper")
    matcher.add(("times",), "word")
    keys = [(w,) for w in "read the new york times in new york".split()]
    found = matcher.find(keys)
    assert [(m.payload, m.positions) for m in found] == [
        ("paper", (1, 2, 3, 4)), ("city", (6, 7))]


def test_each_token_may_offer_several_keys() -> None:
    matcher: SequenceMatcher[str] = SequenceMatcher()
    matcher.add(("hand", "ineen"), "idiom")
    found = matcher.find([("handen", "hand"), ("ineen",)])
    assert [m.payload for m in found] == ["idiom"]


def test_gaps_and_boundaries() -> None:
    matcher: SequenceMatcher[str] = SequenceMatcher(max_gap=2)
    matcher.add(("viel", "uit"), "uitvallen")
    keys = [(w,) for w in "viel gisteren uit".split()]
    assert [m.positions for m in matcher.find(keys)] == [(0, 2)]
    assert matcher.find(keys, boundary=lambda i: i == 1) == []
    assert matcher.find([(w,) for w in "viel a b c uit".split()]) == []
    assert len(matcher) == 1
