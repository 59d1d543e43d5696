"""The small dialogs: choosing a file, pasting an article, About."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
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


class PasteDialog(QDialog):
    """A plain-text box for an article; accepted() means the learner chose Open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasteDialog")
        self.setWindowTitle("Paste an article")
        layout = QVBoxLayout(self)
        hint = QLabel("Paste Dutch text; separate paragraphs with an empty line.", self)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(" date 2024-06 Het nieuws van vandaag…")
        layout.addWidget(self.editor, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def text(self) -> str:
        return self.editor.toPlainText()


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
