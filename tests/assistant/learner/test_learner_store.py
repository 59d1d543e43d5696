"""The learner database keeps every word: migrations, a newer schema, corruption, a full disk,
read-only files and folders, a held lock, daily backups."""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.learner import store as store_module
from assistant.learner.memory import LearnerMemory
from assistant.learner.statuses import Status
from assistant.learner.store import (
    SCHEMA_VERSION,
    LearnerStoreError,
    NewerSchemaError,
    StoreBusyError,
    StoreFullError,
    StoreReadOnlyError,
)

ROOT = Path(__file__).resolve().parents[3]
V1_SCHEMA = "CREATE TABLE known_lemma (lemma TEXT PRIMARY KEY NOT NULL, added REAL NOT NULL)"


def day(number: int) -> datetime.date:
    return datetime.date(2024, 5, 1) + datetime.timedelta(days=number)


def open_memory(path: Path, today: int = 0, lock_timeout: float = 0.2) -> LearnerMemory:
    return LearnerMemory(path, lock_timeout=lock_timeout, today=lambda: day(today))


def filled(path: Path, words: int = 50) -> LearnerMemory:
    memory = open_memory(path)
    memory.set_statuses({f"woord{i}": Status.KNOWN for i in range(words)})
    return memory


def integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def kept_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.corrupt-*"))


def test_a_new_file_is_wal_at_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "data" / "learner.sqlite"
    memory = open_memory(path)
    assert not path.exists()  # nothing happens before first use
    memory.set_status("fiets", Status.KNOWN)
    with contextlib.closing(sqlite3.connect(path)) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        # Committed at once: another connection sees it while the store is open.
        assert other.execute("SELECT status FROM word_status").fetchall() == [("known",)]
    memory.close()


def test_migrates_an_empty_version_0_file(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    sqlite3.connect(path).close()
    assert path.stat().st_size == 0
    memory = open_memory(path)
    assert memory.known_lemmas() == []
    memory.set_status("boom", Status.LEARNING_1)
    assert memory.status("boom") is Status.LEARNING_1
    memory.close()


def test_migrates_the_version_1_known_words_store(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as old:
        old.execute(V1_SCHEMA)
        old.executemany("INSERT INTO known_lemma VALUES (?, ?)",
                        [("huis", 1_700_000_000.0), ("lopen", 1_700_000_001.0)])
        old.execute("PRAGMA user_version = 1")
        old.commit()
    memory = open_memory(path)
    assert memory.known_lemmas() == ["huis", "lopen"]
    memory.close()
    with contextlib.closing(sqlite3.connect(path)) as migrated:
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {row[0] for row in migrated.execute("SELECT name FROM sqlite_master")}
        assert "known_lemma" not in tables and "saved_word" in tables
        assert migrated.execute("SELECT changed FROM word_status WHERE lemma = 'huis'"
                                ).fetchone()[0] == 1_700_000_000.0


def test_a_failed_migration_changes_nothing(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "learner.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as old:
        old.execute(V1_SCHEMA)
        old.execute("INSERT INTO known_lemma VALUES ('huis', 1.0)")
        old.execute("PRAGMA user_version = 1")
        old.commit()
    broken = store_module.MIGRATIONS[1] + "\nINSERT INTO no_such_table VALUES (1);"
    monkeypatch.setitem(store_module.MIGRATIONS, 1, broken)
    with pytest.raises(LearnerStoreError, match="no_such_table"):
        open_memory(path).view()
    with contextlib.closing(sqlite3.connect(path)) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT lemma FROM known_lemma").fetchall() == [("huis",)]
    assert kept_copies(tmp_path) == []


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as newer:
        newer.execute("CREATE TABLE word_status_v9 (lemma TEXT)")
        newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        newer.commit()
    before = path.read_bytes()
    memory = open_memory(path)
    with pytest.raises(NewerSchemaError, match="newer Leeswijzer") as caught:
        memory.view()
    assert str(path) in caught.value.message
    with pytest.raises(NewerSchemaError):
        memory.set_status("fiets", Status.KNOWN)
    assert path.read_bytes() == before
    assert kept_copies(tmp_path) == []


@pytest.mark.parametrize("damage", ["not a database", "truncated", "garbled pages"])
def test_real_corruption_is_kept_aside_and_a_fresh_file_started(tmp_path: Path,
                                                                damage: str) -> None:
    path = tmp_path / "learner.sqlite"
    filled(path, words=3000).close()
    data = path.read_bytes()
    if damage == "not a database":
        path.write_bytes(b"this is not a database at all" * 100)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:
        page = 4096
        path.write_bytes(data[: 2 * page] + os.urandom(len(data) - 3 * page) + data[-page:])
    damaged = path.read_bytes()
    memory = open_memory(path)
    assert memory.known_lemmas() == []
    memory.set_status("boom", Status.KNOWN)
    assert memory.known_lemmas() == ["boom"]
    copies = kept_copies(tmp_path)
    assert len(copies) == 1 and copies[0].read_bytes() == damaged
    assert memory.message is not None and copies[0].name in memory.message
    memory.close()


def test_injected_disk_full_is_an_error_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    memory = filled(path, words=20)
    pages = memory.store.read(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
    # SQLite answers SQLITE_FULL when the file would grow past max_page_count.
    memory.store.write(lambda c: c.execute(f"PRAGMA max_page_count = {pages}"))
    with pytest.raises(StoreFullError, match="disk is full") as caught:
        memory.set_statuses({f"nieuw{i}": Status.KNOWN for i in range(5000)})
    assert str(path) in caught.value.message
    assert len(memory.known_lemmas()) == 20
    memory.close()
    assert integrity(path) == "ok"
    assert kept_copies(tmp_path) == []
    assert len(open_memory(path).known_lemmas()) == 20


@contextlib.contextmanager
def small_tmpfs() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="leeswijzer-full-"))
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                            capture_output=True, check=False)
    if result.returncode != 0:
        folder.rmdir()
        pytest.skip("cannot mount a small tmpfs here (not root); the injected SQLITE_FULL "
                    "test covers the same path")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)
        folder.rmdir()


def fill_disk(folder: Path) -> None:
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as filler:
        while True:
            filler.write(b"\0" * 4096)
            filler.flush()


def test_a_full_disk_at_start_up_keeps_the_file_and_shows_the_words(tmp_path: Path) -> None:
    healthy = tmp_path / "learner.sqlite"
    filled(healthy, words=300).close()
    with small_tmpfs() as disk:
        path = disk / "learner.sqlite"
        shutil.copyfile(healthy, path)
        before = path.read_bytes()
        fill_disk(disk)
        memory = open_memory(path)
        try:
            assert len(memory.known_lemmas()) == 300
            with pytest.raises(LearnerStoreError, match="disk is full"):
                memory.set_status("nieuw", Status.KNOWN)
            assert len(memory.known_lemmas()) == 300
        finally:
            memory.close()
        assert path.read_bytes() == before
        assert kept_copies(disk) == []
        (disk / "filler").unlink()
        again = open_memory(path)
        again.set_status("nieuw", Status.KNOWN)  # space freed: saving works again
        assert len(again.known_lemmas()) == 301
        again.close()


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Run the block as an ordinary user: root may write any file, whatever its mode."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="leeswijzer-ro-"))
    folder.chmod(0o777)
    yield folder
    folder.chmod(0o777)
    shutil.rmtree(folder)


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_read_only_file_or_folder_opens_read_only(shared_folder: Path, read_only: str) -> None:
    path = shared_folder / "learner.sqlite"
    filled(path, words=30).close()
    path.chmod(0o444 if read_only == "file" else 0o666)
    if read_only == "folder":
        shared_folder.chmod(0o555)
    before = path.read_bytes()
    with unprivileged():
        memory = open_memory(path)
        assert len(memory.known_lemmas()) == 30
        assert memory.read_only
        assert memory.message is not None and "read-only" in memory.message
        with pytest.raises(StoreReadOnlyError, match="read-only"):
            memory.set_status("nieuw", Status.KNOWN)
        memory.close()
    assert path.read_bytes() == before
    assert kept_copies(shared_folder) == []


HOLD_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive-mode":
    connection.execute("PRAGMA locking_mode = EXCLUSIVE")
connection.execute("BEGIN EXCLUSIVE")
connection.execute("UPDATE word_status SET changed = changed")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


@contextlib.contextmanager
def lock_held(path: Path, mode: str = "write") -> Iterator[subprocess.Popen[str]]:
    with subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path), mode],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        try:
            yield child
        finally:
            if child.poll() is None:
                assert child.stdin is not None
                child.stdin.write("\n")
                child.stdin.flush()
            child.wait(timeout=30)


def release(child: subprocess.Popen[str]) -> None:
    assert child.stdin is not None
    child.stdin.write("\n")
    child.stdin.flush()
    child.wait(timeout=30)


def test_a_held_write_lock_is_a_clear_error_and_nothing_is_touched(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    memory = filled(path, words=10)
    with lock_held(path) as child:
        with pytest.raises(StoreBusyError, match="another Leeswijzer"):
            memory.set_status("nieuw", Status.KNOWN)
        assert len(memory.known_lemmas()) == 10  # reading still works (WAL)
        release(child)
    memory.set_status("nieuw", Status.KNOWN)
    assert len(memory.known_lemmas()) == 11
    assert kept_copies(tmp_path) == []
    memory.close()


def test_a_lock_let_go_within_the_wait_is_retried(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    filled(path, words=10).close()
    memory = open_memory(path, lock_timeout=60)
    memory.open()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            memory.set_status("nieuw", Status.KNOWN)
        except BaseException as error:  # reported below
            errors.append(error)

    with lock_held(path) as child:
        writer = threading.Thread(target=write)
        writer.start()
        release(child)
        writer.join(timeout=60)
    assert errors == [] and "nieuw" in memory.known_lemmas()
    memory.close()


def test_an_exclusive_lock_at_start_up_is_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    filled(path, words=10).close()
    before = path.read_bytes()
    with lock_held(path, "exclusive-mode"):
        with pytest.raises(StoreBusyError, match="another Leeswijzer"):
            open_memory(path).view()
        assert kept_copies(tmp_path) == []
        assert path.read_bytes() == before
    assert len(open_memory(path).known_lemmas()) == 10


def test_one_transaction_per_action(memory: LearnerMemory) -> None:
    def half_done(connection: sqlite3.Connection) -> None:
        connection.execute("INSERT INTO word_status VALUES ('fiets', 'known', 0)")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        memory.store.write(half_done)
    assert memory.status("fiets") is Status.NEW


def test_a_daily_backup_the_last_seven_kept(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    for number in range(10):
        memory = open_memory(path, today=number)
        memory.set_status(f"dag{number}", Status.KNOWN)
        memory.close()
        memory = open_memory(path, today=number)  # a second start that day: no second copy
        memory.view()
        memory.close()
    backups = open_memory(path).store.backups()
    assert [b.name for b in backups] == [f"learner-{day(n).isoformat()}.sqlite"
                                         for n in range(3, 10)]
    # Each copy is a whole database as it was at that day's first start.
    newest = backups[-1]
    assert integrity(newest) == "ok"
    with contextlib.closing(sqlite3.connect(newest)) as copy:
        lemmas = {row[0] for row in copy.execute("SELECT lemma FROM word_status")}
    assert lemmas == {f"dag{n}" for n in range(9)}


def test_a_full_disk_before_a_migration_leaves_the_old_file_alone(tmp_path: Path) -> None:
    with small_tmpfs() as disk:
        path = disk / "learner.sqlite"
        with contextlib.closing(sqlite3.connect(path)) as old:
            old.execute(V1_SCHEMA)
            old.executemany("INSERT INTO known_lemma VALUES (?, 1.0)",
                            [(f"woord{n}",) for n in range(500)])
            old.execute("PRAGMA user_version = 1")
            old.commit()
        before = path.read_bytes()
        fill_disk(disk)
        memory = open_memory(path)
        try:
            with pytest.raises(LearnerStoreError, match="disk is full") as caught:
                memory.view()
            assert "older Leeswijzer" in caught.value.message
        finally:
            memory.close()
        assert path.read_bytes() == before
        assert kept_copies(disk) == []
        (disk / "filler").unlink()
        assert len(open_memory(path).known_lemmas()) == 500
