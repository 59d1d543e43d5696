"""One small SQLite cache of JSON values by key, with lifetimes for hits and misses; a corrupt
file is moved aside (assistant.storage) and the cache starts afresh; nothing is created until
the first use, and no failure of the cache ever reaches the caller."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.storage import is_corruption, move_aside

log = logging.getLogger(__name__)


class JsonCache:
    """`get` and `put` JSON objects; `None` stored means "looked up, nothing found" (a miss).

    Hits live `hit_lifetime` seconds, misses `miss_lifetime`. Safe to share between threads:
    every call opens its own connection."""

    def __init__(
        self,
        path: Path,
        *,
        hit_lifetime: float,
        miss_lifetime: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._path = Path(path)
        self._hit_lifetime = hit_lifetime
        self._miss_lifetime = miss_lifetime
        self._clock = clock
        self._lock = threading.Lock()
        self._ready = False
        self._broken = False

    @property
    def path(self) -> Path:
        return self._path

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self._path, timeout=5.0)
        try:
            yield connection
        finally:
            connection.close()

    def _ensure(self) -> bool:
        """Create the table on first use; move a corrupt file aside. Caller holds the lock."""
        if self._broken:
            return False
        if self._ready:
            return True
        for attempt in range(2):
            try:
                self._path.parent.mkdir(parents=True, exist_ok=True)
                with self._connection() as connection, connection:
                    connection.execute(
                        "CREATE TABLE IF NOT EXISTS entries ("
                        " key TEXT PRIMARY KEY, fetched_at REAL NOT NULL, payload TEXT NOT NULL)"
                    )
                    connection.execute("SELECT key, fetched_at, payload FROM entries LIMIT 1")
                self._ready = True
                return True
            except sqlite3.OperationalError as exc:
                # Locked or unopenable: skip the cache this time, without touching the file.
                log.debug("cache %s not usable now: %s", self._path, exc)
                return False
            except sqlite3.DatabaseError as exc:
                if attempt == 0 and self._move_aside(exc):
                    continue
                break
            except OSError as exc:
                log.debug("cache %s unusable: %s", self._path, exc)
                break
        self._broken = True
        return False

    def _move_aside(self, error: sqlite3.Error) -> bool:
        if not is_corruption(error) or not self._path.exists():
            return False
        try:
            target = move_aside(self._path, "broken")
        except OSError as exc:
            log.debug("could not move the broken cache aside: %s", exc)
            return False
        log.debug("cache %s broken (%s); moved to %s", self._path, error, target)
        return True

    def get(self, key: str) -> tuple[dict[str, Any] | None, bool]:
        """(value, True) for a fresh hit, (None, True) for a fresh miss, (None, False) when the
        key is not cached, is stale, or the cache cannot be read."""
        with self._lock:
            if not self._ensure():
                return None, False
            try:
                with self._connection() as connection:
                    row = connection.execute(
                        "SELECT fetched_at, payload FROM entries WHERE key = ?", (key,)
                    ).fetchone()
            except sqlite3.DatabaseError as exc:
                log.debug("cache read failed: %s", exc)
                self._ready = False
                if is_corruption(exc):
                    self._ensure()
                return None, False
        if row is None:
            return None, False
        fetched_at, payload = row
        try:
            data = json.loads(payload)
        except (TypeError, ValueError):
            return None, False
        if not isinstance(data, dict) or not isinstance(fetched_at, (int, float)):
            return None, False
        value = data.get("value")
        lifetime = self._hit_lifetime if value is not None else self._miss_lifetime
        if not 0 <= self._clock() - fetched_at < lifetime:
            return None, False
        if value is not None and not isinstance(value, dict):
            return None, False
        return value, True

    def put(self, key: str, value: dict[str, Any] | None) -> None:
        """Store a value (None: a miss); failures are logged and forgotten."""
        payload = json.dumps({"value": value}, ensure_ascii=False)
        with self._lock:
            if not self._ensure():
                return
            try:
                with self._connection() as connection, connection:
                    connection.execute(
                        "INSERT OR REPLACE INTO entries (key, fetched_at, payload)"
                        " VALUES (?, ?, ?)",
                        (key, self._clock(), payload),
                    )
            except sqlite3.DatabaseError as exc:
                log.debug("cache write failed: %s", exc)
                self._ready = False
