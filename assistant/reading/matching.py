"""Finds known multi-token sequences (idioms, names) in a token list, longest match first."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Payload = TypeVar("Payload")


@dataclass(frozen=True, slots=True)
class SequenceMatch(Generic[Payload]):
    """Token positions (into the sequence searched) matched by one pattern."""

    positions: tuple[int, ...]
    payload: Payload


@dataclass(slots=True)
class _Node(Generic[Payload]):
    children: dict[str, _Node[Payload]] = field(default_factory=dict)
    payloads: list[Payload] = field(default_factory=list)


def non_overlapping(matches: Iterable[SequenceMatch[Payload]]) -> list[SequenceMatch[Payload]]:
    """Longest matches first, earlier starts winning ties; the result in text order."""
    taken: set[int] = set()
    chosen: list[SequenceMatch[Payload]] = []
    for match in sorted(matches, key=lambda m: (-len(m.positions), m.positions[0])):
        if taken.isdisjoint(match.positions):
            taken.update(match.positions)
            chosen.append(match)
    chosen.sort(key=lambda m: m.positions[0])
    return chosen


class SequenceMatcher(Generic[Payload]):
    """A trie of patterns: each pattern is a tuple of keys, each key matched against a token.

    A token may offer several keys (its lemma and its lower-cased form), so inflected words
    match a pattern written with lemmas. With `max_gap` > 0 a pattern may skip up to that many
    tokens between its words (Dutch splits verbs from their particles: "viel ... uit").
    """

    def __init__(self, max_gap: int = 0) -> None:
        self._root: _Node[Payload] = _Node()
        self._max_gap = max_gap
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, keys: Sequence[str], payload: Payload) -> None:
        if not keys:
            return
        node = self._root
        for key in keys:
            node = node.children.setdefault(key, _Node())
        node.payloads.append(payload)
        self._size += 1

    def find(
        self,
        token_keys: Sequence[Iterable[str]],
        boundary: Callable[[int], bool] | None = None,
    ) -> list[SequenceMatch[Payload]]:
        """All non-overlapping matches, preferring longer ones; earlier starts win ties.

        `boundary(i)` says a gap may not cross token i (e.g. a sentence end).
        """
        return non_overlapping(self.find_all(token_keys, boundary))

    def find_all(
        self,
        token_keys: Sequence[Iterable[str]],
        boundary: Callable[[int], bool] | None = None,
    ) -> list[SequenceMatch[Payload]]:
        """Every match, overlapping ones included (for callers that filter before choosing)."""
        keys = [tuple(k) for k in token_keys]
        candidates: list[SequenceMatch[Payload]] = []
        for start in range(len(keys)):
            for key in keys[start]:
                child = self._root.children.get(key)
                if child is not None:
                    self._extend(keys, child, (start,), candidates, boundary)
        return candidates

    def _extend(
        self,
        keys: list[tuple[str, ...]],
        node: _Node[Payload],
        positions: tuple[int, ...],
        out: list[SequenceMatch[Payload]],
        boundary: Callable[[int], bool] | None,
    ) -> None:
        out.extend(SequenceMatch(positions, payload) for payload in node.payloads)
        if not node.children:
            return
        last = positions[-1]
        for nxt in range(last + 1, min(len(keys), last + 2 + self._max_gap)):
            for key in keys[nxt]:
                child = node.children.get(key)
                if child is not None:
                    self._extend(keys, child, (*positions, nxt), out, boundary)
            if boundary is not None and boundary(nxt):
                break
