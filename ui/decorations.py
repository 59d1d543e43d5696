"""What the reader paints over its text: hard words' underlines as thick as the zoom asks (dashed
for a word, solid for the words of a separable verb or idiom, whose parts are linked) and the
keyboard focus ring. Geometry comes from the document's layout, in document coordinates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument, QTextLine

from ui.marks import Mark, MarkKind
from ui.theme import ReaderColours

# Underline thickness per pixel of the reading font's size (at least MIN_THICKNESS).
THICKNESS_PER_PIXEL = 1 / 8
MIN_THICKNESS = 2.0
# A hard word's underline: short dashes (in thicknesses) that cover about two thirds of the
# word, so it reads as a line at a glance yet differs from the solid line of a phrase.
HARD_DASHES = (2.0, 1.2)


@dataclass(frozen=True, slots=True)
class LineSpan:
    """A range's piece on one laid-out line, in document coordinates."""

    left: float
    right: float
    top: float
    baseline: float
    bottom: float


def line_spans(document: QTextDocument, start: int, end: int) -> list[LineSpan]:
    """The pieces of the document range [start, end), one per line it lies on."""
    spans: list[LineSpan] = []
    layout = document.documentLayout()
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        text_layout = block.layout()
        position = block.position()
        if text_layout is None or text_layout.lineCount() == 0:
            block = block.next()
            continue
        origin = layout.blockBoundingRect(block).topLeft()
        low = max(start, position) - position
        high = min(end, position + block.length() - 1) - position
        line = text_layout.lineForTextPosition(low)
        while line.isValid() and line.textStart() < high:
            left = max(low, line.textStart())
            right = min(high, line.textStart() + line.textLength())
            if right > left:
                x1, x2 = _cursor_x(line, left), _cursor_x(line, right)
                top = origin.y() + line.y()
                baseline = top + line.ascent()
                spans.append(LineSpan(origin.x() + min(x1, x2), origin.x() + max(x1, x2), top,
                                      baseline, baseline + line.descent()))
            line = text_layout.lineAt(line.lineNumber() + 1)  # past the last: invalid
        block = block.next()
    return spans


def _cursor_x(line: QTextLine, position: int) -> float:
    x = line.cursorToX(position)  # PySide6 answers (x, position)
    return float(x[0] if isinstance(x, tuple) else x)  # type: ignore[arg-type]


class Decorations:
    """The painted marks of a window of the text, their geometry cached until the layout
    changes (`invalidate`)."""

    def __init__(self) -> None:
        self._marks: tuple[Mark, ...] = ()
        self._spans: dict[tuple[int, int], list[LineSpan]] = {}

    def set_marks(self, marks: Iterable[Mark]) -> None:
        """The marks to paint: hard words and the focus (others are formats)."""
        self._marks = tuple(m for m in marks if m.kind in (MarkKind.HARD, MarkKind.FOCUS))

    @property
    def marks(self) -> tuple[Mark, ...]:
        return self._marks

    def invalidate(self) -> None:
        self._spans.clear()

    def spans(self, document: QTextDocument, mark: Mark) -> list[LineSpan]:
        key = (mark.start, mark.end)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = line_spans(document, mark.start, mark.end)
        return found

    def paint(self, painter: QPainter, document: QTextDocument, visible: QRectF,
              colours: ReaderColours, pixel_size: float) -> None:
        """Paint the marks within `visible` (document coordinates; the painter is translated
        so that document coordinates land on the viewport)."""
        thickness = max(MIN_THICKNESS, round(pixel_size * THICKNESS_PER_PIXEL * 2) / 2)
        phrases: dict[int, list[LineSpan]] = {}
        focus: list[LineSpan] = []
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for mark in self._marks:
            spans = [s for s in self.spans(document, mark)
                     if s.bottom >= visible.top() - 40 and s.top <= visible.bottom() + 40]
            if not spans:
                continue
            if mark.kind is MarkKind.FOCUS:
                focus += spans
            elif mark.phrase is not None:
                phrases.setdefault(mark.phrase, []).extend(spans)
            else:
                colour = (colours.learning_underline if mark.step is not None
                          else colours.hard_underline)
                style = (Qt.PenStyle.SolidLine if mark.step is not None
                         else Qt.PenStyle.CustomDashLine)
                _underline(painter, spans, colour, thickness, style)
        for spans in phrases.values():
            _phrase(painter, sorted(spans, key=lambda s: (s.top, s.left)), colours, thickness)
        if focus:
            _focus_ring(painter, focus, colours.focus, thickness)


def underline_y(span: LineSpan, thickness: float) -> float:
    """Where an underline of `thickness` runs below a span: under the baseline, above the
    next line's text."""
    return span.baseline + max(thickness, (span.bottom - span.baseline) * 0.45)


def _underline(painter: QPainter, spans: Sequence[LineSpan], colour: QColor, thickness: float,
               style: Qt.PenStyle) -> None:
    pen = QPen(colour, thickness, style, Qt.PenCapStyle.FlatCap)
    if style is Qt.PenStyle.CustomDashLine:
        pen.setDashPattern(list(HARD_DASHES))
    painter.setPen(pen)
    for span in spans:
        y = underline_y(span, thickness)
        painter.drawLine(QPointF(span.left, y), QPointF(span.right, y))


def _phrase(painter: QPainter, spans: Sequence[LineSpan], colours: ReaderColours,
            thickness: float) -> None:
    """A phrase's words underlined solid; parts next to each other on a line are joined into
    one line, parts apart ("klopte … aan") are linked by a thin bracket below the words
    between them."""
    colour = colours.phrase_underline
    _underline(painter, spans, colour, thickness, Qt.PenStyle.SolidLine)
    link = QPen(colour, max(1.0, thickness / 2), Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
    for before, after in pairwise(spans):
        if abs(before.baseline - after.baseline) > 0.5:
            continue  # on another line: the card's highlight shows the whole phrase
        y = underline_y(before, thickness)
        gap = after.left - before.right
        if gap <= thickness * 4 + (before.bottom - before.top) * 0.4:  # one space apart
            painter.setPen(QPen(colour, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            painter.drawLine(QPointF(before.right, y), QPointF(after.left, y))
            continue
        low = y + thickness * 1.5
        painter.setPen(link)
        painter.drawLine(QPointF(before.right - thickness, y), QPointF(before.right - thickness,
                                                                        low))
        painter.drawLine(QPointF(before.right - thickness, low), QPointF(after.left + thickness,
                                                                          low))
        painter.drawLine(QPointF(after.left + thickness, low), QPointF(after.left + thickness, y))


def _focus_ring(painter: QPainter, spans: Sequence[LineSpan], colour: QColor,
                thickness: float) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(colour, thickness))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pad = thickness + 1
    for span in spans:
        rect = QRectF(span.left - pad, span.top + 1, span.right - span.left + 2 * pad,
                      span.bottom - span.top + thickness * 2)
        painter.drawRoundedRect(rect, 3 + thickness, 3 + thickness)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
