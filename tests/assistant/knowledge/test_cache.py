"""The SQLite JSON cache: hits and misses with their lifetimes, bad rows, a broken file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant.knowledge.cache import JsonCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make(tmp_path: Path, clock: Clock) -> JsonCache:
    return JsonCache(tmp_path / "c" / "cache.sqlite", hit_lifetime=100.0, miss_lifetime=10.0,
                     clock=clock)


@pytest.mark.parametrize(
    ("value", "age", "expected"),
    [
        ({"a": 1}, 0.0, ({"a": 1}, True)),
        ({"a": 1}, 99.0, ({"a": 1}, True)),
        ({"a": 1}, 100.0, (None, False)),  # a hit lives 100 s
        (None, 9.0, (None, True)),  # a miss is remembered
        (None, 10.0, (None, False)),  # for 10 s
        ({"a": 1}, -5.0, (None, False)),  # a clock set back: not trusted
    ],
)
def test_lifetimes(
    tmp_path: Path, value: dict[str, int] | None, age: float,
    expected: tuple[dict[str, int] | None, bool],
) -> None:
    clock = Clock()
    cache = make(tmp_path, clock)
    cache.put("k", value)
    clock.now += age
    assert cache.get("k") == expected
    assert cache.get("other") == (None, False)


def test_nothing_is_created_before_use(tmp_path: Path) -> None:
    make(tmp_path, Clock())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("payload", ["not json", "[1, 2]", '{"value": [1]}', '{"value": 3}'])
def test_a_bad_row_reads_as_not_cached(tmp_path: Path, payload: str) -> None:
    clock = Clock()
    cache = make(tmp_path, clock)
    cache.put("k", {"a": 1})
    with sqlite3.connect(cache.path) as connection:
        connection.execute("UPDATE entries SET payload = ? WHERE key = 'k'", (payload,))
    assert cache.get("k") == (None, False)


def test_a_broken_file_is_moved_aside_once(tmp_path: Path) -> None:
    path = tmp_path / "c" / "cache.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"garbage" * 500)
    cache = make(tmp_path, Clock())
    cache.put("k", {"a": 1})
    assert cache.get("k") == ({"a": 1}, True)
    assert len(list(path.parent.glob("cache.sqlite.broken-*"))) == 1
