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


class _Coded(sqlite3.DatabaseError):
    def __init__(self, message: str, code: int | None) -> None:
        super().__init__(message)
        if code is not None:
            self.sqlite_errorcode = code


@pytest.mark.parametrize(("message", "code", "corrupt"), [
    ("whatever", 11, True),  # SQLITE_CORRUPT
    ("whatever", 26, True),  # SQLITE_NOTADB
    ("whatever", 11 | (1 << 8), True),  # an extended code of CORRUPT (SQLITE_CORRUPT_VTAB)
    ("database disk image is malformed", 13, False),  # the code decides: SQLITE_FULL
    ("file is not a database", 5, False),  # SQLITE_BUSY
    ("whatever", 0, False),
    ("file is not a database", None, True),  # no code: the message decides
    ("File Is Not A Database", None, True),
    ("database disk image is MALFORMED", None, True),
    ("database or disk is full", None, False),
    ("attempt to write a readonly database", None, False),
])
def test_what_counts_as_corruption(message: str, code: int | None, corrupt: bool) -> None:
    assert is_corruption(_Coded(message, code)) is corrupt


def test_the_name_tells_reason_and_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.storage.time.strftime", lambda fmt: f"<{fmt}>")
    path = tmp_path / "store.sqlite"
    path.write_bytes(b"x")
    target = move_aside(path, "newer")
    assert target == tmp_path / "store.sqlite.newer-<%Y%m%d-%H%M%S>"
    for number in (1, 2):
        path.write_bytes(b"x")
        assert move_aside(path, "newer").name == f"store.sqlite.newer-<%Y%m%d-%H%M%S>-{number}"


def test_every_side_file_moves_with_it(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    path.write_bytes(b"db")
    for suffix in ("-wal", "-shm", "-journal"):
        (tmp_path / f"store.sqlite{suffix}").write_bytes(suffix.encode())
    (tmp_path / "store.sqlite-other").write_bytes(b"stays")
    target = move_aside(path)
    for suffix in ("-wal", "-shm", "-journal"):
        assert Path(f"{target}{suffix}").read_bytes() == suffix.encode()
        assert not (tmp_path / f"store.sqlite{suffix}").exists()
    assert (tmp_path / "store.sqlite-other").read_bytes() == b"stays"


def test_without_hard_links_the_file_is_renamed(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(source: object, target: object) -> None:
        raise PermissionError("no hard links here")

    monkeypatch.setattr("assistant.storage.os.link", no_links)
    monkeypatch.setattr("assistant.storage.time.strftime", lambda fmt: "now")
    path = tmp_path / "store.sqlite"
    path.write_bytes(b"first")
    first = move_aside(path)
    path.write_bytes(b"second")
    second = move_aside(path)  # the first copy is there: the next name is taken
    assert (first.name, second.name) == ("store.sqlite.corrupt-now", "store.sqlite.corrupt-now-1")
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"
    assert not path.exists()


def test_a_thousand_kept_copies_is_enough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.storage.time.strftime", lambda fmt: "now")
    path = tmp_path / "s"
    path.write_bytes(b"x")
    (tmp_path / "s.corrupt-now").write_bytes(b"kept")
    for number in range(1, 1000):
        (tmp_path / f"s.corrupt-now-{number}").write_bytes(b"kept")
    with pytest.raises(FileExistsError, match="too many kept copies of s"):
        move_aside(path)
    assert path.read_bytes() == b"x"
