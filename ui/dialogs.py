"""The small dialogs: choosing a file, pasting an article, About."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

import assistant
from assistant.models import PipelineInfo
from ui.web import web_address

FILE_FILTER = (
    "Articles (*.txt *.html *.htm *.epub);;Text (*.txt);;Web pages (*.html *.htm);;"
    "E-books (*.epub);;All files (*)"
)


def choose_article_file(parent: QWidget, start: str | None) -> str | None:
    """Ask for an article file, starting in `start` (default: the home folder)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Open an article", start or str(Path.home()), FILE_FILTER
    )
    return path or None


PASTE_PLACEHOLDER = (
    "Paste a Dutch article here.\n\n"
    "Its first line becomes the title; an empty line separates paragraphs. "
    "A web address opens that page."
)


class PasteDialog(QDialog):
    """A plain-text box for an article; accepted() means the learner chose Open (the button or
    Ctrl+Enter). `address()` says when what was pasted is one web address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasteDialog")
        self.setWindowTitle("Paste an article")
        layout = QVBoxLayout(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("pasteEditor")
        self.editor.setPlaceholderText(PASTE_PLACEHOLDER)
        layout.addWidget(self.editor, 1)
        hint = QLabel("Ctrl+Enter opens it.", self)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.editor.textChanged.connect(self._on_changed)
        self._on_changed()
        self.resize(640, 420)

    def _on_changed(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        button.setEnabled(bool(self.text().strip()))

    def text(self) -> str:
        return self.editor.toPlainText()

    def address(self) -> str | None:
        """The web address pasted, when the box holds one address and nothing else."""
        return web_address(self.text())

    def accept(self) -> None:
        if self.text().strip():
            super().accept()


class AboutService(Protocol):
    """The part of the reading service the About box shows."""

    @property
    def pipeline_info(self) -> PipelineInfo | None: ...
    def attributions(self) -> tuple[tuple[str, str], ...]: ...


def about_html(service: AboutService) -> str:
    """The About text: version, language model, data sources and licences (all escaped)."""
    info = service.pipeline_info
    model = f"{info.name} {info.version}" if info else "not loaded"
    rows = "".join(
        f"<p><b>{escape(name)}</b><br>{escape(text)}</p>" for name, text in service.attributions()
    )
    return (
        f"<h3>Leeswijzer {escape(assistant.__version__)}</h3>"
        "<p>A reading assistant for learners of Dutch.</p>"
        f"<p>Dutch language model: {escape(model)}</p>"
        f"<h4>Data sources and licences</h4>{rows}"
    )


def open_about(parent: QWidget, service: AboutService) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle("About Leeswijzer")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html(service))
    icon = parent.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.finished.connect(box.deleteLater)
    box.open()
    return box
