"""The message bar above the text: the one place where problems are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ui.notices import Notice, NoticeKind

# Background, text and border colours per kind.
COLOURS = {
    NoticeKind.ERROR: ("#f8d7da", "#58151c", "#f1aeb5"),
    NoticeKind.WARNING: ("#fff3cd", "#664d03", "#ffe69c"),
    NoticeKind.INFO: ("#cfe2ff", "#052c65", "#9ec5fe"),
}


class MessageBar(QFrame):
    """A sentence (plain text), a Details… button when there are details, a close button."""

    shown = Signal(str)  # the text, each time a notice is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        self._label = QLabel(self)
        self._label.setObjectName("messageText")
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._label, 1)
        self._details_button = QPushButton("Details…", self)
        self._details_button.setObjectName("messageDetails")
        self._details_button.clicked.connect(self.show_details)
        layout.addWidget(self._details_button)
        close = QPushButton("✕", self)
        close.setObjectName("messageClose")
        close.setFlat(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.dismiss)
        layout.addWidget(close)
        self._notice: Notice | None = None
        self.hide()

    @property
    def notice(self) -> Notice | None:
        return self._notice

    @property
    def kind(self) -> NoticeKind | None:
        return self._notice.kind if self._notice is not None else None

    @property
    def details(self) -> str:
        return self._notice.details if self._notice is not None else ""

    def text(self) -> str:
        return self._notice.text if self._notice is not None else ""

    def show_notice(self, notice: Notice) -> None:
        self._notice = notice
        self._label.setText(notice.text)
        self._details_button.setVisible(bool(notice.details))
        background, foreground, border = COLOURS[notice.kind]
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border-bottom: 1px solid {border}; }}"
            f" #messageBar QLabel {{ color: {foreground}; }}"
            f" #messageBar QPushButton {{ color: {foreground}; }}"
        )
        self.show()
        self.shown.emit(notice.text)

    def dismiss(self) -> None:
        self._notice = None
        self.hide()

    def dismiss_error(self) -> None:
        """Hide the bar if it shows an error or a notice about the article (an article opened
        since: it no longer applies)."""
        if self.kind is NoticeKind.ERROR or (self._notice is not None
                                             and self._notice.for_article):
            self.dismiss()

    def show_details(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, "Details", self.text(), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and exception text are untrusted
        box.setDetailedText(self.details)
        box.finished.connect(box.deleteLater)
        box.open()
        return box
