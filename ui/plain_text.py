"""Untrusted strings (file names, URLs, article text) for Qt texts that would guess rich text."""

from __future__ import annotations

import html

from assistant.errors import message_text


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally. Qt renders any tooltip that looks like markup as
    rich text (an `<img src=…>` in a file name is loaded), so it is escaped inside a paragraph."""
    return f"<p style='white-space:pre'>{html.escape(message_text(text, 500))}</p>"


def menu_text(text: str) -> str:
    """`text` for a menu item: one line, no bidi controls, '&' shown rather than a shortcut."""
    return message_text(text, 80).replace("&", "&&")
