"""Lookups remembered: which lemmas the learner opened and how often; a known word opened
again and again is offered back as a word to learn."""

from __future__ import annotations

import sqlite3
import time

from assistant.learner.statuses import Status, normalise_lemma, status_of

# Opening a word marked known this many times suggests the learner does not know it after all.
OFFER_BACK_AFTER = 3


def record(connection: sqlite3.Connection, lemma: str) -> bool:
    """Count one opening of `lemma`; True when it should now be offered back as learning."""
    key = normalise_lemma(lemma)
    if not key:
        return False
    known = status_of(connection, key) is Status.KNOWN
    connection.execute(
        "INSERT INTO lookup (lemma, opened, opened_while_known, last) VALUES (?, 1, ?, ?) "
        "ON CONFLICT (lemma) DO UPDATE SET opened = opened + 1, "
        "opened_while_known = opened_while_known + excluded.opened_while_known, "
        "last = excluded.last",
        (key, int(known), time.time()),
    )
    row = connection.execute("SELECT opened_while_known FROM lookup WHERE lemma = ?",
                             (key,)).fetchone()
    return known and int(row[0]) >= OFFER_BACK_AFTER


def offers(connection: sqlite3.Connection) -> list[str]:
    """Known lemmas opened OFFER_BACK_AFTER times or more since they were marked known."""
    rows = connection.execute(
        "SELECT lookup.lemma FROM lookup JOIN word_status USING (lemma) "
        "WHERE word_status.status = 'known' AND opened_while_known >= ? ORDER BY lookup.lemma",
        (OFFER_BACK_AFTER,),
    )
    return [str(row[0]) for row in rows]


def dismiss(connection: sqlite3.Connection, lemma: str) -> None:
    """The learner keeps the word known: count its openings afresh."""
    connection.execute("UPDATE lookup SET opened_while_known = 0 WHERE lemma = ?",
                       (normalise_lemma(lemma),))


def counts(connection: sqlite3.Connection) -> dict[str, int]:
    """How often each lemma was opened."""
    return {str(lemma): int(opened)
            for lemma, opened in connection.execute("SELECT lemma, opened FROM lookup")}
