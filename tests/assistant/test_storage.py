"""Moving a damaged SQLite file aside never overwrites a kept copy; only corruption counts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant.storage import is_corruption, move_aside


def test_moved_aside_with_its_side_files(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    path.write_bytes(b"broken")
    (tmp_path / "store.sqlite-wal").write_bytes(b"wal")
    target = move_aside(path)
    assert not path.exists() and target.read_bytes() == b"broken"
    assert target.name.startswith("store.sqlite.corrupt-")
    assert Path(str(target) + "-wal").read_bytes() == b"wal"
    assert not (tmp_path / "store.sqlite-wal").exists()


def test_a_second_move_in_the_same_second_keeps_both_copies(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    path.write_bytes(b"first")
    first = move_aside(path)
    path.write_bytes(b"second")
    second = move_aside(path)
    assert first != second
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"


def _error_from(path: Path, sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        connection = sqlite3.connect(path)
        try:
            connection.execute(sql)
        finally:
            connection.close()
    return caught.value


def test_not_a_database_is_corruption(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    assert is_corruption(_error_from(path, "SELECT * FROM sqlite_master"))


def test_other_errors_are_not_corruption(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    sqlite3.connect(path).close()
    assert not is_corruption(_error_from(path, "SELECT * FROM no_such_table"))
    assert not is_corruption(sqlite3.OperationalError("database is locked"))
