"""The learner's known words as a set, kept in the learner database (the app's first interface
to it; LearnerMemory has the statuses, saved words and history)."""

from __future__ import annotations

from pathlib import Path

from assistant.learner.memory import LearnerMemory
from assistant.learner.statuses import Status, normalise_lemma
from assistant.learner.store import LearnerStoreError

__all__ = ["KnownWords", "LearnerStoreError", "normalise_lemma"]


class KnownWords:
    """Lemmas the learner marked as known; the file is created on first use.

    A damaged file is kept aside under a new name and a fresh one started; `recovered_message`
    then says so (or why changes cannot be saved), for the UI to show once."""

    def __init__(self, path: Path) -> None:
        self.memory = LearnerMemory(Path(path))

    @property
    def path(self) -> Path:
        return self.memory.path

    @property
    def recovered_message(self) -> str | None:
        return self.memory.message

    def add(self, lemma: str) -> None:
        """Mark `lemma` as known (idempotent)."""
        if normalise_lemma(lemma):
            self.memory.set_status(lemma, Status.KNOWN)

    def remove(self, lemma: str) -> None:
        """Forget `lemma` (no error when it was not known)."""
        if normalise_lemma(lemma) and self.memory.status(lemma) is Status.KNOWN:
            self.memory.set_status(lemma, Status.NEW)

    def all(self) -> frozenset[str]:
        """Every known lemma (normalised)."""
        return self.memory.view().known

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and normalise_lemma(lemma) in self.all()

    def close(self) -> None:
        self.memory.close()
