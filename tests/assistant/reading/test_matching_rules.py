"""The sequence matcher at its edges: text order of interleaved matches, the pattern count, and
a boundary that stops a gap anywhere in a pattern."""

from __future__ import annotations

from assistant.reading.matching import SequenceMatch, SequenceMatcher, non_overlapping


def keys(text: str) -> list[tuple[str, ...]]:
    return [(word,) for word in text.split()]


def test_matches_come_in_text_order_by_their_first_word() -> None:
    # "viel ... uit" around "de stroom": the one that starts first comes first.
    matcher: SequenceMatcher[str] = SequenceMatcher(max_gap=2)
    matcher.add(("viel", "uit"), "uitvallen")
    matcher.add(("de", "stroom"), "de stroom")
    matcher.add(("gisteren",), "gisteren")
    found = matcher.find(keys("viel de stroom uit gisteren"))
    assert [(m.payload, m.positions) for m in found] == [
        ("uitvallen", (0, 3)), ("de stroom", (1, 2)), ("gisteren", (4,))]


def test_non_overlapping_keeps_the_longest_then_the_earliest() -> None:
    matches = [SequenceMatch((3,), "c"), SequenceMatch((1, 2), "b"), SequenceMatch((0, 1), "a"),
               SequenceMatch((2, 3, 4), "long")]
    assert [m.payload for m in non_overlapping(matches)] == ["a", "long"]


def test_the_size_counts_every_pattern_added_and_no_empty_one() -> None:
    matcher: SequenceMatcher[str] = SequenceMatcher()
    assert len(matcher) == 0
    matcher.add(("new", "york"), "city")
    matcher.add(("york",), "town")
    matcher.add((), "nothing")
    assert len(matcher) == 2
    assert matcher.find([()]) == []


def test_a_boundary_stops_the_gap_after_any_word_of_the_pattern() -> None:
    matcher: SequenceMatcher[str] = SequenceMatcher(max_gap=1)
    matcher.add(("a", "b", "c"), "abc")
    assert [m.positions for m in matcher.find(keys("a b x c"))] == [(0, 1, 3)]
    assert matcher.find(keys("a b x c"), boundary=lambda i: i == 2) == []
    assert [m.positions for m in matcher.find(keys("a b x c"), boundary=lambda i: i == 3)] \
        == [(0, 1, 3)]  # a boundary at the last word itself still lets it match
