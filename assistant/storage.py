"""SQLite files the app writes: real corruption told from other failures, bad files moved aside."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

# SQLite's primary result codes for a file that is damaged or not a database at all.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")


def is_corruption(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file is damaged or not a database (not: full, locked, read-only)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    message = str(error).lower()
    return "not a database" in message or "malformed" in message


def move_aside(path: Path, reason: str = "corrupt") -> Path:
    """Rename `path` (and its -wal/-shm/-journal files) to '<name>.<reason>-<time>[-n]' under a
    name that no earlier copy has; returns the new path. Raises OSError when it cannot."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for number in range(1000):
        suffix = f"-{number}" if number else ""
        target = path.with_name(f"{path.name}.{reason}-{stamp}{suffix}")
        try:
            os.link(path, target)  # fails if the target exists: never overwrites a kept copy
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            os.replace(path, target)  # no hard links here (some file systems): best effort
        else:
            path.unlink()
        for side in SIDE_FILE_SUFFIXES:
            side_path = Path(str(path) + side)
            if side_path.exists():
                os.replace(side_path, Path(str(target) + side))
        return target
    raise FileExistsError(f"too many kept copies of {path.name}")
