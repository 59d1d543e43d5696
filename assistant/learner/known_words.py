"""The learner's known words: a small SQLite store of lemmas, one transaction per write."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from assistant.errors import AssistantError
from assistant.storage import is_corruption, move_aside

_SCHEMA = """
CREATE TABLE IF NOT EXISTS known_lemma (
    lemma TEXT PRIMARY KEY NOT NULL,
    added REAL NOT NULL
);
"""
_SCHEMA_VERSION = 1


class LearnerStoreError(AssistantError):
    """The known-words store could not be read or written."""


def normalise_lemma(lemma: str) -> str:
    """The form lemmas are stored in: stripped, lower-cased."""
    return lemma.strip().lower()


class KnownWords:
    """Lemmas the learner marked as known, kept in a SQLite file created on first use.

    A file that is not a usable database is renamed to `<name>.corrupt-<time>` and a fresh
    store is started; `recovered_message` then says so, for the UI to show once.
    """

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self._connection: sqlite3.Connection | None = None
        self._cache: frozenset[str] | None = None
        self._lock = threading.Lock()
        self.recovered_message: str | None = None

    @property
    def path(self) -> Path:
        return self._path

    def _connect(self) -> sqlite3.Connection:
        if self._connection is not None:
            return self._connection
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LearnerStoreError(
                f"Cannot create the folder for your known words ({self._path.parent}): "
                f"{error.strerror or error}."
            ) from error
        try:
            connection = self._open_checked()
        except sqlite3.DatabaseError as error:
            if not is_corruption(error):
                raise LearnerStoreError(
                    f"Cannot open your known-words file {self._path}: {error}."
                ) from error
            self._move_aside()
            try:
                connection = self._open_checked()
            except sqlite3.Error as error:
                raise LearnerStoreError(
                    f"Cannot open your known-words file {self._path}: {error}."
                ) from error
        except sqlite3.Error as error:
            raise LearnerStoreError(
                f"Cannot open your known-words file {self._path}: {error}."
            ) from error
        self._connection = connection
        return connection

    def _open_checked(self) -> sqlite3.Connection:
        # check_same_thread=False: the lock serialises access; the UI may read from a worker.
        connection = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
        try:
            connection.execute("PRAGMA user_version").fetchone()
            row = connection.execute("PRAGMA quick_check").fetchone()
            if row is None or row[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {row!r}")
            with connection:
                connection.execute("BEGIN")
                connection.execute(_SCHEMA)
                connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            connection.execute("SELECT lemma, added FROM known_lemma LIMIT 1").fetchall()
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def _move_aside(self) -> None:
        try:
            target = move_aside(self._path)
        except OSError as error:
            raise LearnerStoreError(
                f"Your known-words file {self._path} is damaged and could not be moved aside: "
                f"{error.strerror or error}."
            ) from error
        self.recovered_message = (
            f"Your known-words file was damaged; it was kept as {target.name} "
            "and a new, empty list was started."
        )

    def _write(self, sql: str, parameters: tuple[object, ...]) -> None:
        with self._lock:
            connection = self._connect()
            try:
                with connection:
                    connection.execute("BEGIN IMMEDIATE")
                    connection.execute(sql, parameters)
            except sqlite3.Error as error:
                raise LearnerStoreError(
                    f"Cannot save your known words to {self._path}: {error}."
                ) from error
            self._cache = None

    def add(self, lemma: str) -> None:
        """Mark `lemma` as known (idempotent)."""
        key = normalise_lemma(lemma)
        if not key:
            return
        self._write(
            "INSERT OR IGNORE INTO known_lemma (lemma, added) VALUES (?, ?)", (key, time.time())
        )

    def remove(self, lemma: str) -> None:
        """Forget `lemma` (no error when it was not known)."""
        key = normalise_lemma(lemma)
        if not key:
            return
        self._write("DELETE FROM known_lemma WHERE lemma = ?", (key,))

    def all(self) -> frozenset[str]:
        """Every known lemma (normalised)."""
        with self._lock:
            if self._cache is not None:
                return self._cache
            connection = self._connect()
            try:
                rows = connection.execute("SELECT lemma FROM known_lemma").fetchall()
            except sqlite3.Error as error:
                raise LearnerStoreError(
                    f"Cannot read your known words from {self._path}: {error}."
                ) from error
            self._cache = frozenset(str(row[0]) for row in rows)
            return self._cache

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and normalise_lemma(lemma) in self.all()

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
