"""The learner database (SQLite): WAL, a transaction per action, versioned schema, faults apart."""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assistant.errors import AssistantError
from assistant.storage import is_corruption, move_aside

log = logging.getLogger(__name__)

T = TypeVar("T")

SCHEMA_VERSION = 2
BACKUPS_KEPT = 7
BACKUP_FOLDER = "backups"
DEFAULT_LOCK_TIMEOUT = 5.0
NEARLY_FULL_BYTES = 1024 * 1024

# MIGRATIONS[n] takes a database from version n to n + 1, inside one transaction. Version 0 is
# an empty file; version 1 is the known-words store of Leeswijzer 0.1 (table known_lemma).
MIGRATIONS: dict[int, str] = {
    0: """
CREATE TABLE IF NOT EXISTS known_lemma (
    lemma TEXT PRIMARY KEY NOT NULL,
    added REAL NOT NULL
);
""",
    1: """
CREATE TABLE word_status (
    lemma TEXT PRIMARY KEY NOT NULL,
    status TEXT NOT NULL CHECK (status IN
        ('learning-1', 'learning-2', 'learning-3', 'learning-4', 'known', 'ignored')),
    changed REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    at REAL NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE status_change (
    action INTEGER NOT NULL REFERENCES action (id),
    lemma TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    PRIMARY KEY (action, lemma)
) WITHOUT ROWID;
CREATE TABLE saved_word (
    lemma TEXT PRIMARY KEY NOT NULL,
    form TEXT NOT NULL,
    sentence TEXT NOT NULL,
    gloss TEXT NOT NULL,
    gender TEXT,
    title TEXT,
    article_date TEXT,
    source TEXT,
    saved REAL NOT NULL
);
CREATE TABLE lookup (
    lemma TEXT PRIMARY KEY NOT NULL,
    opened INTEGER NOT NULL,
    opened_while_known INTEGER NOT NULL DEFAULT 0,
    last REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE reading (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    article_date TEXT,
    level TEXT NOT NULL,
    read_at REAL NOT NULL,
    words INTEGER NOT NULL,
    known INTEGER NOT NULL
);
INSERT INTO word_status (lemma, status, changed) SELECT lemma, 'known', added FROM known_lemma;
DROP TABLE known_lemma;
""",
}

# SQLite primary result codes (sqlite3.h).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _FULL, _CANTOPEN = 3, 5, 6, 8, 10, 13, 14
_CANNOT_WRITE = (_READONLY, _CANTOPEN, _PERM, _FULL, _IOERR)


class LearnerStoreError(AssistantError):
    """The learner's words could not be read or saved; the file was left as it was."""


class StoreBusyError(LearnerStoreError):
    """Another Leeswijzer (or program) holds the file's lock longer than the wait allows."""


class StoreFullError(LearnerStoreError):
    """The disk (or the file's size limit) is full."""


class StoreReadOnlyError(LearnerStoreError):
    """The file or its folder cannot be written."""


class NewerSchemaError(LearnerStoreError):
    """The file was written by a newer Leeswijzer; this one refuses to change it."""


def error_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code for an error (from the message on old Pythons)."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    message = str(error).lower()
    for words, value in (("locked", _BUSY), ("readonly", _READONLY), ("read-only", _READONLY),
                         ("is full", _FULL), ("unable to open", _CANTOPEN)):
        if words in message:
            return value
    return None


class LearnerStore:
    """One SQLite file of learner data, opened on first use.

    Real corruption (SQLite: not a database, malformed, or a failed quick_check) moves the file
    aside under a new name and starts a fresh one; `message` then says so. A full disk, a
    read-only file or folder open the data read-only where possible (`read_only`, `message`); a
    lock held longer than `lock_timeout` seconds, or a file from a newer version, raise a
    LearnerStoreError with a clear message and leave the file alone.
    """

    def __init__(
        self,
        path: Path,
        *,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        today: Callable[[], datetime.date] = datetime.date.today,
        backups_kept: int = BACKUPS_KEPT,
    ) -> None:
        self._path = Path(path)
        self._lock_timeout = lock_timeout
        self._today = today
        self._backups_kept = backups_kept
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self.read_only = False
        self.message: str | None = None
        self.backup_error: str | None = None

    @property
    def path(self) -> Path:
        return self._path

    @property
    def backup_folder(self) -> Path:
        return self._path.parent / BACKUP_FOLDER

    # -- opening ----------------------------------------------------------------------------

    def open(self) -> None:
        """Open (creating or migrating) the file now; idempotent."""
        with self._lock:
            self._connect()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is not None:
            return self._connection
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LearnerStoreError(
                f"Cannot create the folder for your learner data ({self._path.parent}): "
                f"{error.strerror or error}."
            ) from error
        if not self._writable():
            if not self._path.exists():
                raise StoreReadOnlyError(
                    f"Cannot create your learner file {self._path}: its folder is read-only."
                )
            self._connection = self._open_read_only(
                f"Cannot save your words to {self._path}: the file or its folder is read-only."
            )
            return self._connection
        try:
            connection = self._open_writable()
        except sqlite3.Error as error:
            if is_corruption(error):
                self._move_aside(error)
                try:
                    connection = self._open_writable()
                except sqlite3.Error as again:
                    raise self._failure("open", again) from again
            elif error_code(error) in _CANNOT_WRITE and self._path.exists():
                connection = self._open_read_only(self._failure("save", error).message)
            else:
                raise self._failure("open", error) from error
        self._connection = connection
        self._daily_backup(connection)
        return connection

    def _writable(self) -> bool:
        """Whether this process may write the file and create files beside it (WAL needs to)."""
        if os.access in os.supports_effective_ids:  # root with a lowered euid: judge the euid
            folder_ok = os.access(self._path.parent, os.W_OK | os.X_OK, effective_ids=True)
            file_ok = not self._path.exists() or os.access(self._path, os.W_OK,
                                                           effective_ids=True)
        else:
            folder_ok = os.access(self._path.parent, os.W_OK | os.X_OK)
            file_ok = not self._path.exists() or os.access(self._path, os.W_OK)
        return folder_ok and file_ok

    def _open_writable(self) -> sqlite3.Connection:
        # check_same_thread=False: self._lock serialises access; a worker thread may read.
        connection = sqlite3.connect(self._path, timeout=self._lock_timeout,
                                     isolation_level=None, check_same_thread=False)
        try:
            version = self._checked_version(connection)
            if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                self._migrate(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def _checked_version(self, connection: sqlite3.Connection) -> int:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"Your learner file {self._path} was written by a newer Leeswijzer (data "
                f"version {version}; this one reads up to {SCHEMA_VERSION}). It was left "
                "unchanged: update Leeswijzer to use it."
            )
        row = connection.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {row!r}")
        return version

    def _migrate(self, connection: sqlite3.Connection) -> None:
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another instance may have migrated meanwhile.
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            while version < SCHEMA_VERSION:
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        connection.execute(statement)
                version += 1
                connection.execute(f"PRAGMA user_version = {version}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise

    def _open_read_only(self, reason: str) -> sqlite3.Connection:
        """A read-only connection when the data can be read as it is (current schema);
        `reason` says why nothing can be saved."""
        uri = self._path.resolve().as_uri()
        last: sqlite3.Error | None = None
        # mode=ro needs to create the -shm file of a WAL database; immutable=1 does not (for a
        # read-only folder), and is safe because nothing can write the file there meanwhile.
        for query in ("?mode=ro", "?immutable=1"):
            try:
                connection = sqlite3.connect(uri + query, uri=True, timeout=self._lock_timeout,
                                             isolation_level=None, check_same_thread=False)
            except sqlite3.Error as error:
                last = error
                continue
            try:
                version = self._checked_version(connection)
                if version == SCHEMA_VERSION:
                    connection.execute("SELECT count(*) FROM word_status").fetchone()
            except sqlite3.Error as error:
                connection.close()
                if is_corruption(error):
                    raise self._failure("open", error) from error
                last = error
                continue
            except BaseException:
                connection.close()
                raise
            if version != SCHEMA_VERSION:
                connection.close()
                raise StoreReadOnlyError(
                    f"{reason} Your learner file is from an older Leeswijzer and must be "
                    "updated before it can be read; nothing was changed."
                )
            self.read_only = True
            self.message = f"{reason} Your words are shown, but changes are not saved."
            return connection
        raise LearnerStoreError(f"{reason} It could not be read either ({last}).")

    def _move_aside(self, error: sqlite3.Error) -> None:
        if not self._path.exists():
            raise self._failure("open", error) from error
        try:
            target = move_aside(self._path)
        except OSError as move_error:
            raise LearnerStoreError(
                f"Your learner file {self._path} is damaged and could not be moved aside: "
                f"{move_error.strerror or move_error}."
            ) from move_error
        log.warning("learner file %s was damaged (%s); kept as %s", self._path, error, target)
        self.message = (
            f"Your learner file was damaged ({error}); it was kept as {target.name} "
            "and a new, empty one was started."
        )

    def _failure(self, doing: str, error: sqlite3.Error) -> LearnerStoreError:
        """The LearnerStoreError for an SQLite failure while opening, reading or saving."""
        code = error_code(error)
        if code == _IOERR and self._disk_nearly_full():
            code = _FULL  # SQLite reports a write that found no space as an I/O error
        what = {"open": "open", "read": "read", "save": "save your words to"}[doing]
        where = f"Cannot {what} your learner file {self._path}"
        if code in (_BUSY, _LOCKED):
            return StoreBusyError(
                f"{where}: another Leeswijzer (or another program) is using it and did not let "
                f"go within {self._lock_timeout:g} s. Close the other one and try again; "
                "nothing was changed."
            )
        if code == _FULL:
            return StoreFullError(f"{where}: the disk is full. Free some space; nothing was "
                                  "changed.")
        if code in (_READONLY, _PERM) or (code == _CANTOPEN and self._path.exists()):
            return StoreReadOnlyError(
                f"{where}: the file or its folder is read-only ({error})."
            )
        return LearnerStoreError(f"{where}: {error}.")

    def _disk_nearly_full(self) -> bool:
        try:
            return shutil.disk_usage(self._path.parent).free < NEARLY_FULL_BYTES
        except OSError:
            return False

    # -- using ------------------------------------------------------------------------------

    def write(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run `action` in one write transaction (all of it is saved, or none)."""
        with self._lock:
            connection = self._connect()
            if self.read_only:
                connection = self._reopen_writable()
            try:
                connection.execute("BEGIN IMMEDIATE")
                try:
                    result = action(connection)
                    connection.execute("COMMIT")
                except BaseException:
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
            except sqlite3.Error as error:
                raise self._failure("save", error) from error
            return result

    def _reopen_writable(self) -> sqlite3.Connection:
        """After a read-only start, try writing again (space freed, permissions fixed)."""
        if not self._writable():
            raise StoreReadOnlyError(self.message or f"{self._path} is read-only.")
        try:
            connection = self._open_writable()
        except sqlite3.Error as error:
            raise self._failure("save", error) from error
        assert self._connection is not None
        self._connection.close()
        self._connection = connection
        self.read_only = False
        self.message = None
        return connection

    def read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        """Run `query` on one consistent snapshot."""
        with self._lock:
            connection = self._connect()
            try:
                connection.execute("BEGIN")
                try:
                    return query(connection)
                finally:
                    if connection.in_transaction:
                        connection.execute("COMMIT")
            except sqlite3.Error as error:
                raise self._failure("read", error) from error

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    # -- backups ----------------------------------------------------------------------------

    def backups(self) -> list[Path]:
        """The kept daily copies, oldest first."""
        folder = self.backup_folder
        if not folder.is_dir():
            return []
        return sorted(folder.glob(f"{self._path.stem}-????-??-??.sqlite"))

    def _daily_backup(self, connection: sqlite3.Connection) -> None:
        """Copy the database once a day (SQLite's backup API); keep the last few copies.
        A failed backup is logged and noted, never fatal."""
        folder = self.backup_folder
        target = folder / f"{self._path.stem}-{self._today().isoformat()}.sqlite"
        if target.exists():
            return
        partial = target.with_name(target.name + ".partial")
        try:
            folder.mkdir(exist_ok=True)
            copy = sqlite3.connect(partial)
            try:
                connection.backup(copy)
            finally:
                copy.close()
            os.replace(partial, target)
            for old in self.backups()[:-self._backups_kept]:
                old.unlink()
        except (OSError, sqlite3.Error) as error:
            self.backup_error = f"The daily copy of your learner file failed: {error}."
            log.warning("%s", self.backup_error)
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
