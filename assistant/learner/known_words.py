"""The learner's known words: the name the first releases knew the learner store by."""

from __future__ import annotations

from assistant.learner.memory import LearnerMemory
from assistant.learner.statuses import normalise_lemma
from assistant.learner.store import LearnerStoreError

__all__ = ["KnownWords", "LearnerStoreError", "normalise_lemma"]


class KnownWords(LearnerMemory):
    """LearnerMemory under its old name: `all`, `add`, `remove`, `recovered_message`."""

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and normalise_lemma(lemma) in self.all()
