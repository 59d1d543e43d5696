"""Word statuses (new, learning 1–4, known, ignored), the learner view the difficulty rule reads,
and status changes recorded per action so that the last one can be undone."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum


class Status(str, Enum):
    """What the learner said about a lemma; NEW is every lemma they said nothing about."""

    NEW = "new"
    LEARNING_1 = "learning-1"
    LEARNING_2 = "learning-2"
    LEARNING_3 = "learning-3"
    LEARNING_4 = "learning-4"
    KNOWN = "known"
    IGNORED = "ignored"

    @property
    def step(self) -> int | None:
        """1–4 for the learning steps, None otherwise."""
        return int(self.value[-1]) if self.value.startswith("learning-") else None

    @classmethod
    def learning(cls, step: int) -> Status:
        if not 1 <= step <= 4:
            raise ValueError(f"learning steps are 1–4, not {step}")
        return cls(f"learning-{step}")


LEARNING_STEPS = (Status.LEARNING_1, Status.LEARNING_2, Status.LEARNING_3, Status.LEARNING_4)


def normalise_lemma(lemma: str) -> str:
    """The form lemmas are stored in: stripped, lower-cased, inner spaces single."""
    return " ".join(lemma.split()).lower()


@dataclass(frozen=True, slots=True)
class LearnerView:
    """A snapshot of the learner's statuses, for the difficulty rule and the marking.

    Keys are normalised lemmas (or word forms: a form the learner marked counts too)."""

    known: frozenset[str] = frozenset()
    ignored: frozenset[str] = frozenset()
    learning: Mapping[str, int] = field(default_factory=dict, hash=False)

    def status(self, word: str) -> Status:
        key = normalise_lemma(word)
        if key in self.known:
            return Status.KNOWN
        if key in self.ignored:
            return Status.IGNORED
        step = self.learning.get(key)
        return Status.learning(step) if step is not None else Status.NEW

    def step(self, *words: str) -> int | None:
        """The learning step of the first of `words` (lemma, form) that is being learnt."""
        for word in words:
            step = self.learning.get(word.lower())
            if step is not None:
                return step
        return None

    def settled(self, *words: str) -> bool:
        """Whether any of `words` is known or ignored (never marked hard)."""
        return any(word.lower() in self.known or word.lower() in self.ignored for word in words)


EMPTY_VIEW = LearnerView()


def load_view(connection: sqlite3.Connection) -> LearnerView:
    known: set[str] = set()
    ignored: set[str] = set()
    learning: dict[str, int] = {}
    for lemma, value in connection.execute("SELECT lemma, status FROM word_status"):
        status = Status(value)
        if status is Status.KNOWN:
            known.add(lemma)
        elif status is Status.IGNORED:
            ignored.add(lemma)
        elif status.step is not None:
            learning[lemma] = status.step
    return LearnerView(frozenset(known), frozenset(ignored), learning)


def status_of(connection: sqlite3.Connection, lemma: str) -> Status:
    row = connection.execute("SELECT status FROM word_status WHERE lemma = ?",
                             (normalise_lemma(lemma),)).fetchone()
    return Status(row[0]) if row is not None else Status.NEW


@dataclass(frozen=True, slots=True)
class Change:
    lemma: str
    before: Status
    after: Status


@dataclass(frozen=True, slots=True)
class Action:
    """One recorded action: its kind ('status', 'mark-rest', 'import') and what it changed."""

    id: int
    kind: str
    changes: tuple[Change, ...]


def apply_statuses(
    connection: sqlite3.Connection, wanted: Mapping[str, Status], kind: str
) -> Action | None:
    """Set each lemma's status (inside the caller's transaction) and record the changes as one
    action; None when nothing changed. Blank lemmas are refused (ValueError)."""
    now = time.time()
    changes: list[Change] = []
    current = _statuses_of(connection, [normalise_lemma(raw) for raw in wanted])
    for raw, after in wanted.items():
        lemma = normalise_lemma(raw)
        if not lemma:
            raise ValueError("a blank lemma has no status")
        before = current.get(lemma, Status.NEW)
        if before is not after:
            changes.append(Change(lemma, before, after))
            current[lemma] = after
    if not changes:
        return None
    action_id = connection.execute("INSERT INTO action (kind, at) VALUES (?, ?)",
                                   (kind, now)).lastrowid
    assert action_id is not None
    _write_statuses(connection, [(c.lemma, c.after) for c in changes], now)
    connection.executemany(
        "INSERT INTO status_change (action, lemma, before, after) VALUES (?, ?, ?, ?)",
        [(action_id, c.lemma, c.before.value, c.after.value) for c in changes],
    )
    # A status the learner set anew starts the "opened while known" count afresh.
    connection.executemany("UPDATE lookup SET opened_while_known = 0 WHERE lemma = ?",
                           [(c.lemma,) for c in changes])
    return Action(action_id, kind, tuple(changes))


def _statuses_of(connection: sqlite3.Connection, lemmas: list[str]) -> dict[str, Status]:
    """The stored statuses of `lemmas` (one query per 500, not one per lemma)."""
    found: dict[str, Status] = {}
    for first in range(0, len(lemmas), 500):
        chunk = lemmas[first:first + 500]
        rows = connection.execute(
            f"SELECT lemma, status FROM word_status WHERE lemma IN ({', '.join('?' * len(chunk))})",
            chunk)
        found.update((str(lemma), Status(status)) for lemma, status in rows)
    return found


def _write_statuses(
    connection: sqlite3.Connection, statuses: Iterable[tuple[str, Status]], now: float
) -> None:
    pairs = list(statuses)
    connection.executemany("DELETE FROM word_status WHERE lemma = ?",
                           [(lemma,) for lemma, status in pairs if status is Status.NEW])
    connection.executemany(
        "INSERT INTO word_status (lemma, status, changed) VALUES (?, ?, ?) "
        "ON CONFLICT (lemma) DO UPDATE SET status = excluded.status, changed = excluded.changed",
        [(lemma, status.value, now) for lemma, status in pairs if status is not Status.NEW],
    )


def undo_last(connection: sqlite3.Connection, kinds: Iterable[str] | None = None) -> Action | None:
    """Undo the newest action not yet undone (of one of `kinds`, when given): every lemma it
    changed goes back to its status before, unless it was changed again since."""
    query = "SELECT id, kind FROM action WHERE undone = 0"
    parameters: list[str] = []
    if kinds is not None:
        chosen = list(kinds)
        query += f" AND kind IN ({', '.join('?' * len(chosen))})"
        parameters = chosen
    row = connection.execute(query + " ORDER BY id DESC LIMIT 1", parameters).fetchone()
    if row is None:
        return None
    action_id, kind = int(row[0]), str(row[1])
    changes = tuple(
        Change(lemma, Status(before), Status(after))
        for lemma, before, after in connection.execute(
            "SELECT lemma, before, after FROM status_change WHERE action = ?", (action_id,))
    )
    restore = [(c.lemma, c.before) for c in changes
               if status_of(connection, c.lemma) is c.after]
    _write_statuses(connection, restore, time.time())
    connection.execute("UPDATE action SET undone = 1 WHERE id = ?", (action_id,))
    return Action(action_id, kind, changes)
