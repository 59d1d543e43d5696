"""LearnerMemory: the one façade over the learner database for the app and the command line."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from assistant.learner import history, importing, lookups, saved, statuses
from assistant.learner.coverage import Coverage, coverage
from assistant.learner.history import ReadingRecord
from assistant.learner.importing import ImportPreview
from assistant.learner.saved import SavedWord
from assistant.learner.statuses import Action, LearnerView, Status, normalise_lemma
from assistant.learner.store import DEFAULT_LOCK_TIMEOUT, LearnerStore
from assistant.models import AnalysedArticle

LEARNER_FILE = "learner.sqlite"


class LearnerMemory:
    """Statuses, saved words, lookups and reading history in one SQLite file (see store.py).

    Every method that changes something is one transaction; `view()` is cached until then."""

    def __init__(
        self,
        path: Path,
        *,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        today: Callable[[], datetime.date] = datetime.date.today,
    ) -> None:
        self.store = LearnerStore(path, lock_timeout=lock_timeout, today=today)
        self._view: LearnerView | None = None
        self._view_lock = threading.Lock()

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def message(self) -> str | None:
        """What the learner should be told once (damaged file kept aside, read-only, ...)."""
        return self.store.message

    @property
    def recovered_message(self) -> str | None:
        """The same as `message` (the name the reading session knows it by)."""
        return self.store.message

    def open(self) -> None:
        self.store.open()

    def close(self) -> None:
        self.store.close()

    # -- statuses ---------------------------------------------------------------------------

    def view(self) -> LearnerView:
        with self._view_lock:
            if self._view is None:
                self._view = self.store.read(statuses.load_view)
            return self._view

    def status(self, lemma: str) -> Status:
        return self.view().status(lemma)

    def known_lemmas(self) -> list[str]:
        return sorted(self.view().known)

    def all(self) -> frozenset[str]:
        """Every known lemma (normalised)."""
        return self.view().known

    def add(self, lemma: str) -> None:
        """Mark `lemma` known (nothing for a blank one)."""
        if normalise_lemma(lemma):
            self.set_status(lemma, Status.KNOWN)

    def remove(self, lemma: str) -> None:
        """Forget that `lemma` is known (nothing when it was not)."""
        if normalise_lemma(lemma) and self.status(lemma) is Status.KNOWN:
            self.set_status(lemma, Status.NEW)

    def set_status(self, lemma: str, status: Status) -> Action | None:
        return self.set_statuses({lemma: status}, "status")

    def set_statuses(self, wanted: dict[str, Status], kind: str = "status") -> Action | None:
        try:
            return self.store.write(lambda c: statuses.apply_statuses(c, wanted, kind))
        finally:
            self._forget_view()

    def rest_to_mark(self, analysed: AnalysedArticle, opened: Iterable[str]) -> list[str]:
        """The article's hard words the learner neither marked nor opened (normalised lemmas;
        a phrase by its own lemma)."""
        view = self.view()
        skip = {normalise_lemma(lemma) for lemma in opened}
        rest: list[str] = []
        seen: set[str] = set()
        for token in analysed.tokens:
            if not token.hard:
                continue
            lemma = token.lemma
            if token.phrase is not None:
                lemma = analysed.phrases[token.phrase].lemma
            key = normalise_lemma(lemma)
            if key in seen or key in skip or normalise_lemma(token.text) in skip:
                continue
            seen.add(key)
            if view.status(key) is Status.NEW and view.status(token.text) is Status.NEW:
                rest.append(key)
        return rest

    def mark_rest_known(self, analysed: AnalysedArticle, opened: Iterable[str]) -> Action | None:
        """'Mark the rest as known' when finishing an article (one action: `undo()` reverts it)."""
        rest = self.rest_to_mark(analysed, opened)
        return self.set_statuses({lemma: Status.KNOWN for lemma in rest}, "mark-rest")

    def undo(self) -> Action | None:
        """Undo the last status action (a single change, mark-the-rest or an import)."""
        try:
            return self.store.write(statuses.undo_last)
        finally:
            self._forget_view()

    def _forget_view(self) -> None:
        with self._view_lock:
            self._view = None

    # -- saved words ------------------------------------------------------------------------

    def save_word(self, word: SavedWord) -> SavedWord:
        return self.store.write(lambda c: saved.save(c, word))

    def saved_words(self) -> list[SavedWord]:
        return self.store.read(saved.saved_words)

    def edit_gloss(self, lemma: str, gloss: str) -> bool:
        return self.store.write(lambda c: saved.edit_gloss(c, lemma, gloss))

    def delete_saved(self, lemma: str) -> bool:
        return self.store.write(lambda c: saved.delete(c, lemma))

    # -- lookups ----------------------------------------------------------------------------

    def record_lookup(self, lemma: str) -> bool:
        """Count an opening of `lemma`; True when it should be offered back as learning."""
        return self.store.write(lambda c: lookups.record(c, lemma))

    def offers(self) -> list[str]:
        return self.store.read(lookups.offers)

    def dismiss_offer(self, lemma: str) -> None:
        self.store.write(lambda c: lookups.dismiss(c, lemma))

    def lookup_counts(self) -> dict[str, int]:
        return self.store.read(lookups.counts)

    # -- import -----------------------------------------------------------------------------

    def preview_import(
        self, path: Path, is_headword: Callable[[str], bool] | None = None
    ) -> ImportPreview:
        return importing.preview(path, self.view(), is_headword)

    def apply_import(self, preview: ImportPreview) -> int:
        """Mark the preview's new lemmas known (one action); returns how many were new then."""
        action = self.set_statuses({lemma: Status.KNOWN for lemma in preview.new}, "import")
        return len(action.changes) if action is not None else 0

    # -- coverage and history ---------------------------------------------------------------

    def coverage(self, analysed: AnalysedArticle) -> Coverage:
        return coverage(analysed, self.view())

    def record_reading(self, analysed: AnalysedArticle, covered: Coverage) -> ReadingRecord:
        return self.store.write(lambda c: history.record(c, analysed, covered))

    def history(self) -> list[ReadingRecord]:
        return self.store.read(history.readings)
