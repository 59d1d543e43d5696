"""Web addresses: the address box (Ctrl+L) and telling a pasted address from pasted text."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

# One http(s) address and nothing else (surrounding blanks allowed); "www." is taken as https.
_ADDRESS = re.compile(r"\A\s*((?:https?://|www\.)[^\s<>\"]+)\s*\Z", re.IGNORECASE)


def web_address(text: str) -> str | None:
    """The address when `text` is one web address (as pasted or typed), else None."""
    match = _ADDRESS.match(text)
    if match is None:
        return None
    address = match.group(1)
    if address.lower().startswith("www."):
        address = "https://" + address
    host = address.split("://", 1)[1].split("/", 1)[0]
    return address if "." in host or host.startswith(("localhost", "127.", "[")) else None


class AddressDialog(QDialog):
    """File → Open web address: one line; Open is enabled only for a web address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressDialog")
        self.setWindowTitle("Open a web address")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The address of a Dutch news article or web page:", self))
        self.line = QLineEdit(self)
        self.line.setObjectName("addressLine")
        self.line.setPlaceholderText("https://")
        self.line.setClearButtonEnabled(True)
        clipboard = QGuiApplication.clipboard().text() if QGuiApplication.clipboard() else ""
        if web_address(clipboard):
            self.line.setText(clipboard.strip())
            self.line.selectAll()
        layout.addWidget(self.line)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.line.textChanged.connect(self._on_changed)
        self._on_changed(self.line.text())
        self.resize(560, self.sizeHint().height())
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def _on_changed(self, text: str) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        button.setEnabled(web_address(text) is not None)

    def address(self) -> str | None:
        return web_address(self.line.text())

    def accept(self) -> None:
        if self.address() is not None:
            super().accept()
