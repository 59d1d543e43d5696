"""The vocabulary window: the learner's saved words — search, sort, edit the gloss, delete,
change the status, export."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assistant.learner.saved import SavedWord
from assistant.learner.statuses import Status
from ui.session import ReadingSession

COLUMNS = ("Word", "Status", "Gloss", "Sentence", "Article", "Saved")
WORD, STATUS, GLOSS, SENTENCE, ARTICLE, SAVED = range(len(COLUMNS))
LEMMA_ROLE = Qt.ItemDataRole.UserRole + 1


def status_label(status: Status) -> str:
    """How a status reads in the window: 'learning 2', 'known', ..."""
    return status.value.replace("-", " ")


class VocabularyWindow(QDialog):
    """Saved words over the session's learner store; every change goes through the session, so
    the reader's marking follows at once."""

    def __init__(self, session: ReadingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("vocabularyWindow")
        self.setWindowTitle("Vocabulary — Leeswijzer")
        self.resize(900, 520)
        self.search = QLineEdit(self)
        self.search.setObjectName("vocabularySearch")
        self.search.setPlaceholderText("Search saved words, glosses and sentences")
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView(self)
        self.table.setObjectName("vocabularyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SENTENCE, QHeaderView.ResizeMode.Stretch)
        self.status_choice = QComboBox(self)
        self.status_choice.setObjectName("vocabularyStatus")
        for status in Status:
            self.status_choice.addItem(status_label(status), status.value)
        self.set_status_button = QPushButton("Set status", self)
        self.delete_button = QPushButton("Delete", self)
        self.count = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.status_choice)
        buttons.addWidget(self.set_status_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.textChanged.connect(lambda _text: self._update_count())
        self.set_status_button.clicked.connect(self._set_status)
        self.delete_button.clicked.connect(self.delete_selected)
        self.model.itemChanged.connect(self._on_item_changed)
        session.saved_changed.connect(self.refresh)
        session.view_changed.connect(lambda _view: self._refresh_statuses())
        self._filling = False
        self.refresh()

    # -- content -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the saved words from the store."""
        self._filling = True
        try:
            self.model.removeRows(0, self.model.rowCount())
            for word in self.session.saved_words():
                self.model.appendRow(self._row(word))
        finally:
            self._filling = False
        self._refresh_statuses()
        self._update_count()

    def _row(self, word: SavedWord) -> list[QStandardItem]:
        saved = datetime.datetime.fromtimestamp(word.saved).strftime("%Y-%m-%d %H:%M")
        source = ", ".join(part for part in (word.title, word.article_date) if part)
        texts = (word.headword, "", word.gloss, word.sentence, source, saved)
        items = []
        for column, text in enumerate(texts):
            item = QStandardItem(text)  # plain text: article text is never rich text here
            item.setEditable(column == GLOSS)
            item.setData(word.lemma, LEMMA_ROLE)
            items.append(item)
        return items

    def _refresh_statuses(self) -> None:
        view = self.session.learner_view()
        self._filling = True
        try:
            for row in range(self.model.rowCount()):
                item = self.model.item(row, STATUS)
                item.setText(status_label(view.status(str(item.data(LEMMA_ROLE)))))
        finally:
            self._filling = False

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{total} saved words" if shown == total
                           else f"{shown} of {total} saved words")

    def lemmas_shown(self) -> list[str]:
        """The lemmas of the rows shown (after search and sort), top to bottom."""
        return [str(self.proxy.index(row, WORD).data(LEMMA_ROLE))
                for row in range(self.proxy.rowCount())]

    def selected_lemmas(self) -> list[str]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [str(self.proxy.index(row, WORD).data(LEMMA_ROLE)) for row in sorted(rows)]

    def select_lemma(self, lemma: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, WORD).data(LEMMA_ROLE) == lemma:
                self.table.selectRow(row)
                return True
        return False

    # -- editing -------------------------------------------------------------------------

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._filling or item.column() != GLOSS:
            return
        self.session.edit_gloss(str(item.data(LEMMA_ROLE)), item.text())

    def _set_status(self) -> None:
        status = Status(self.status_choice.currentData())
        for lemma in self.selected_lemmas():
            self.session.set_status(lemma, status)

    def delete_selected(self) -> None:
        for lemma in self.selected_lemmas():
            self.session.delete_saved(lemma)
