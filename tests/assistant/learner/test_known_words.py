"""Tests for the known-words store."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from assistant.learner.known_words import KnownWords


def test_nothing_created_until_used(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "learner.sqlite"
    store = KnownWords(path)
    assert not path.parent.exists()
    assert store.all() == frozenset()
    assert path.exists()


def test_add_remove_and_persist(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    store = KnownWords(path)
    store.add("Huis")
    store.add("lopen")
    store.add("lopen")
    assert store.all() == frozenset({"huis", "lopen"})
    assert "HUIS" in store
    store.remove("huis")
    store.remove("nooit-gezien")
    store.close()
    again = KnownWords(path)
    assert again.all() == frozenset({"lopen"})
    again.close()


def test_blank_lemma_ignored(tmp_path: Path) -> None:
    store = KnownWords(tmp_path / "l.sqlite")
    store.add("   ")
    assert store.all() == frozenset()


def test_each_write_is_committed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    store = KnownWords(path)
    store.add("fiets")
    # Another connection sees the write without the store being closed.
    with sqlite3.connect(path) as other:
        rows = other.execute("SELECT lemma FROM word_status WHERE status = 'known'").fetchall()
    assert rows == [("fiets",)]
    store.close()


def test_corrupt_file_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    store = KnownWords(path)
    assert store.all() == frozenset()
    store.add("boom")
    assert store.all() == frozenset({"boom"})
    kept = list(tmp_path.glob("learner.sqlite.corrupt-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes().startswith(b"this is not a database")
    assert store.recovered_message is not None
    assert kept[0].name in store.recovered_message
    store.close()


def test_concurrent_writers(tmp_path: Path) -> None:
    store = KnownWords(tmp_path / "learner.sqlite")
    words = [f"woord{i}" for i in range(40)]

    def worker(chunk: list[str]) -> None:
        for word in chunk:
            store.add(word)

    threads = [threading.Thread(target=worker, args=(words[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.all() == frozenset(words)
    store.close()
