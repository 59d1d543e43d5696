"""The gloss card: a small panel near a word with its lemma, senses, parts or phrase."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from assistant import wording
from assistant.models import GlossCard, GlossKind, Note, PhraseKind
from assistant.reading.language import DUTCH, language_name
from ui.theme import CATEGORY_LABELS, reader_colours

MAX_SENSES = 3
MAX_NOTE_LINES = 5
CARD_WIDTH = 340
CARD_GAP = 4
CARD_MARGIN = 4

_POS_NAMES = {
    "NOUN": "noun",
    "PROPN": "proper noun",
    "VERB": "verb",
    "AUX": "auxiliary verb",
    "ADJ": "adjective",
    "ADV": "adverb",
    "ADP": "preposition",
    "PRON": "pronoun",
    "DET": "determiner",
    "NUM": "numeral",
    "CCONJ": "conjunction",
    "SCONJ": "conjunction",
    "INTJ": "interjection",
    "PART": "particle",
}


# A compound no dictionary lists whole, whose parts were not sure enough to compose a gloss.
PARTS_ONLY = "No dictionary has the whole word; its parts may not add up to its meaning."


def pos_name(pos: str) -> str:
    return _POS_NAMES.get(pos.upper(), pos.lower())


def _header_line(card: GlossCard) -> list[str]:
    bits: list[str] = []
    lemma = f"{card.article} {card.lemma}" if card.article else card.lemma
    if card.lemma:
        bits.append(lemma)
    if card.pos:
        bits.append(pos_name(card.pos))
    return bits


def card_lines(card: GlossCard) -> list[tuple[str, str]]:
    """The card's content as (style, text) lines, plain text; the HTML and tests use it. A
    foreign word's card names its language instead of a gloss."""
    lines: list[tuple[str, str]] = [("form", card.form)]
    if card.language != DUTCH:
        return [*lines, ("meta", language_name(card.language))]
    header = _header_line(card)
    if header:
        lines.append(("meta", " · ".join(header)))
    if card.kind is GlossKind.PHRASE and card.phrase and card.phrase != card.lemma:
        lines.append(("phrase", f"part of “{card.phrase}”"))
    elif card.kind is GlossKind.PHRASE and card.phrase_kind is PhraseKind.SEPARABLE_VERB:
        lines.append(("phrase", "separable verb (its parts are highlighted)"))
    elif card.kind is GlossKind.PHRASE:
        lines.append(("phrase", "expression (its words are highlighted)"))
    senses = card.senses[:MAX_SENSES]
    for number, sense in enumerate(senses, start=1):
        lines.append(("sense", f"{number}. {sense}" if len(senses) > 1 else sense))
    if senses and card.uncertain:
        lines.append(("muted", card.uncertain))
    if not senses and not card.parts:
        lines.append(("muted", "No dictionary entry."))
    elif not senses and card.kind is GlossKind.COMPOUND:
        lines.append(("muted", PARTS_ONLY))
    extras: list[str] = []
    if card.plural:
        extras.append(f"plural: {card.plural}")
    if card.principal_parts:
        extras.append(card.principal_parts)
    if extras:
        lines.append(("muted", " · ".join(extras)))
    if card.parts:
        label = {GlossKind.PHRASE: "phrase words", GlossKind.COMPOUND: "compound"}.get(
            card.kind, "parts")
        rendered = []
        for part in card.parts:
            gloss = f" ({part.senses[0]})" if part.senses else ""
            rendered.append(f"{part.text}{gloss}")
        lines.append(("parts", f"{label}: " + " + ".join(rendered)))
    if card.source:
        lines.append(("source", card.source))
    return lines


def note_card_lines(note: Note) -> list[tuple[str, str]]:
    """A name's note as card lines (the notes panel's card, shortened): name, category, what
    the note says, its source."""
    lines = wording.note_lines(note)
    category = CATEGORY_LABELS.get(note.category, note.category.value)
    rows: list[tuple[str, str]] = [("form", lines[0]), ("meta", category)]
    body = lines[1:-1]  # the last line counts the mentions: the panel's business
    rows += [("sense", text) for text in body[:MAX_NOTE_LINES]]
    if len(body) > MAX_NOTE_LINES:
        rows.append(("muted", "More in the notes panel (click the name)."))
    if note.attribution or note.source not in ("", "offline"):
        rows.append(("source", _host(note.attribution or note.source)))
    return rows


def _host(source: str) -> str:
    return source.split("/")[2] if source.startswith(("http://", "https://")) else source


def card_plain_text(card: GlossCard) -> str:
    return "\n".join(text for _, text in card_lines(card))


def place_card(size: QSize, anchor: QRect, area: QRect) -> QPoint:
    """Top-left of a card of `size` for a word: below the word's line, else above it.

    `anchor` spans the word horizontally and its whole line vertically; the card starts at
    the word's left edge and stays inside `area`. Only when neither side has room does the
    card go where there is more room, clamped to `area`.
    """
    right = area.right() + 1 - CARD_MARGIN - size.width()
    x = max(area.left() + CARD_MARGIN, min(anchor.left(), right))
    below = anchor.bottom() + 1 + CARD_GAP
    above = anchor.top() - CARD_GAP - size.height()
    room_below = area.bottom() + 1 - below
    room_above = anchor.top() - CARD_GAP - area.top()
    if size.height() <= room_below:
        y = below
    elif size.height() <= room_above:
        y = above
    else:
        y = below if room_below >= room_above else above
        y = max(area.top(), min(y, area.bottom() + 1 - size.height()))
    return QPoint(x, y)


def card_html(card: GlossCard, muted: str, accent: str) -> str:
    """Rich text for the card; every piece of text is escaped."""
    return lines_html(card_lines(card), muted, accent)


def lines_html(lines: list[tuple[str, str]], muted: str, accent: str) -> str:
    """Rich text for card lines; every piece of text is escaped."""
    styles = {
        "form": "font-size: 125%; font-weight: 600;",
        "meta": f"color: {muted};",
        "phrase": f"color: {accent}; font-style: italic;",
        "sense": "",
        "muted": f"color: {muted};",
        "parts": "",
        "source": f"color: {muted}; font-size: 85%;",
    }
    rows = [
        f'<div style="{styles[style]} margin-bottom: 3px;">{escape(text)}</div>'
        for style, text in lines
    ]
    return "".join(rows)


class GlossCardWidget(QFrame):
    """A card drawn inside the reader (so it appears in screenshots and never steals focus):
    a word's gloss, or a name's note."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("glossCard")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFont(QApplication.font())
        self._label = QLabel(self)
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self._label)
        self._card: GlossCard | None = None
        self._note: Note | None = None
        self._scale = 1.0
        self._width = CARD_WIDTH
        self._style_key = ""
        self.token_index: int | None = None
        self.hide()

    @property
    def card(self) -> GlossCard | None:
        return self._card

    @property
    def scale(self) -> float:
        return self._scale

    def set_scale(self, factor: float) -> None:
        """Grow or shrink the card with the text's zoom (its font and its width)."""
        self._scale = factor
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * factor)
        self.setFont(font)
        self._label.setFont(font)
        self._width = round(CARD_WIDTH * factor)

    @property
    def note(self) -> Note | None:
        """The name's note shown (None for a gloss)."""
        return self._note

    def plain_text(self) -> str:
        if self._note is not None:
            return "\n".join(text for _, text in note_card_lines(self._note))
        return card_plain_text(self._card) if self._card is not None else ""

    def _restyle(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window).name()
        text = palette.color(QPalette.ColorRole.WindowText).name()
        border = reader_colours(palette).hard_underline.name()
        key = base + text + border
        if key == self._style_key:
            return
        self._style_key = key
        self.setStyleSheet(
            f"#glossCard {{ background: {base}; color: {text}; border: 1px solid {border};"
            " border-radius: 8px; }"
            f" #glossCard QLabel {{ color: {text}; background: transparent; }}"
        )

    def show_card(self, card: GlossCard, token_index: int, anchor: QRect) -> None:
        """Show `card` at `anchor` (the word's span on its line, in the parent's coordinates)."""
        self._card, self._note = card, None
        self._show_lines(card_lines(card), token_index, anchor)

    def show_note(self, note: Note, token_index: int, anchor: QRect) -> None:
        """Show a name's note at `anchor`, as a gloss is shown."""
        self._card, self._note = None, note
        self._show_lines(note_card_lines(note), token_index, anchor)

    def _show_lines(self, lines: list[tuple[str, str]], token_index: int, anchor: QRect) -> None:
        self.token_index = token_index
        self._restyle()
        palette = self.palette()
        muted = reader_colours(palette).muted.name()
        accent = palette.color(QPalette.ColorRole.Link).name()
        self._label.setText(lines_html(lines, muted, accent))
        self._label.setFixedWidth(self._width - 24)
        self.adjustSize()
        self.resize(self._width, self.sizeHint().height())
        parent = self.parentWidget()
        area = parent.rect() if parent is not None else QRect(anchor.topLeft(), self.size())
        self.move(place_card(self.size(), anchor, area))
        self.show()
        self.raise_()

    def hide_card(self) -> None:
        self._card = None
        self._note = None
        self.token_index = None
        self.hide()
