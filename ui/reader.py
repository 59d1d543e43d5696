"""The reader: the article's document with its marks, and what the learner does there (hover
and gloss cards, clicks, Tab between hard words, known-word keys and menu, zoom)."""

from __future__ import annotations

import logging
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from assistant.knowledge.places import is_adjective_of_origin
from assistant.learner.statuses import LearnerView, Status, normalise_lemma
from assistant.models import Article, Category, GlossCard, GlossKind, Note, Reading, Token
from assistant.reading.language import is_foreign_word
from assistant.reading.marking import Marking
from ui.decorations import Decorations
from ui.document import DocumentBuilder, placeholder_document
from ui.gloss_card import GlossCardWidget
from ui.marks import (
    Mark,
    MarkKind,
    TextIndex,
    mark_format,
    reading_marks,
    span_marks,
    token_marks,
)
from ui.offsets import OffsetMap
from ui.shortcuts import WordCommand, keys_of, word_command
from ui.theme import ReadingStyle, reader_colours, reading_font

log = logging.getLogger(__name__)

PLACEHOLDER = "Open an article (Ctrl+O), paste one (Ctrl+Shift+V) or drop a file here."
REST_DELAY_MS = 300
ZOOM_STEP = 1.1
ZOOM_LIMIT = 8
# Holding this modifier shows the card for any word, not only hard ones.
ANY_WORD_MODIFIER = Qt.KeyboardModifier.ControlModifier
# Marks are drawn for the screen and this many screens above and below it, so scrolling by less
# redraws nothing and a long article costs no more than a short one.
MARGIN_SCREENS = 1
# More painted marks than this changing at once repaint the whole screen, not line by line.
REPAINT_MARKS_LIMIT = 200
# A long article's document is built this much at once (more screens than the marks' window),
# then a slice of about BUILD_SLICE_SECONDS at a time from the event loop.
FIRST_DOCUMENT_CHARS = 20_000
BUILD_SLICE_SECONDS = 0.006
# After each reading, what its cards need of the whole text (the name-like words) is found a
# slice of about this long at a time, so that the first card does not find it all.
PREPARE_SLICE_SECONDS = 0.004
_TEXT_END = 1 << 62  # past any str offset

GlossProvider = Callable[[Reading, int], GlossCard | None]


def fallback_card(token: Token) -> GlossCard:
    """What the card says about a word the dictionary does not know."""
    return GlossCard(
        form=token.text,
        lemma=token.lemma,
        pos=token.pos,
        kind=GlossKind.WORD,
        senses=(),
        source="",
    )


def foreign_card(token: Token) -> GlossCard:
    """What the card says about a word of a passage that is not Dutch: its language."""
    return GlossCard(form=token.text, lemma="", pos="", kind=GlossKind.WORD, senses=(),
                     source="", language=token.language)


class ReaderView(QTextEdit):
    """Read-only article view; all positions it emits are str offsets of Article.text.

    Hard words are those the marking says (the session's level and learner); without one, the
    reading's own `hard` flags. Marks are extra selections for a window around the screen only.
    """

    card_shown = Signal(int)  # token index
    card_hidden = Signal()
    known_requested = Signal(str, bool)  # lemma, known
    status_requested = Signal(str, object)  # lemma, Status (learning 1–4, ignored, ...)
    save_requested = Signal(int)  # token index
    text_clicked = Signal(int)  # str offset
    zoom_changed = Signal(float)  # the zoom's factor (1.0 at actual size): cards, notes follow

    def __init__(self, gloss: GlossProvider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gloss = gloss
        self.setObjectName("reader")
        self.setReadOnly(True)
        self.setAcceptDrops(False)
        self.setUndoRedoEnabled(False)
        # Without keyboard selection Qt draws no caret; the keys still scroll, and Tab moves
        # between hard words (see event()).
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.viewport().setMouseTracking(True)
        self.setMouseTracking(True)
        self._article: Article | None = None
        self._reading: Reading | None = None
        self._offsets: OffsetMap | None = None
        self._index = TextIndex()
        self._marking: Marking | None = None
        self._known: frozenset[str] = frozenset()
        self._view = LearnerView()
        self._show_hard = True
        self._show_entities = True
        self._show_nationalities = False
        self._hidden_categories: frozenset[Category] = frozenset()
        self._note_spans: list[tuple[int, int, Note]] = []  # mentions by start: name cards
        self._note_starts: list[int] = []
        self._mentions: list[tuple[int, int]] = []
        self._focus_token: int | None = None
        self._zoom = 0
        self._style = ReadingStyle()
        self._window: tuple[int, int] | None = None  # document positions the marks cover
        self._formats: dict[tuple[MarkKind, Category | None, int | None, bool],
                            QTextCharFormat] = {}
        self._hover_pos: QPoint | None = None
        self._hover_modifiers = Qt.KeyboardModifier.NoModifier
        self._press_pos: QPoint | None = None
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(REST_DELAY_MS)
        self._rest_timer.timeout.connect(self._on_rest)
        self.decorations = Decorations()
        self._layout_key: tuple[int, int, int] | None = None
        self._marks_cache: tuple[tuple[object, ...], tuple[object, ...], list[Mark],
                                 list[QTextEdit.ExtraSelection]] | None = None
        # The selections drawn, by mark, kept across refreshes: a mark that stays is not styled
        # again, and Qt repaints only the selections that changed.
        self._selection_pool: dict[Mark, QTextEdit.ExtraSelection] = {}
        self._building: DocumentBuilder | None = None  # the rest of the text still to come
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_slice)
        self._preparing: Iterator[None] | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_slice)
        self._shown: list[tuple[Mark, QTextEdit.ExtraSelection]] = []
        self._restyled: list[tuple[int, int]] = []
        self.card = GlossCardWidget(self.viewport())
        self._colours = reader_colours(self.palette())
        self.setFont(reading_font())
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._placeholder()

    # -- content -------------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def reading(self) -> Reading | None:
        return self._reading

    def _show_document(self, document: QTextDocument) -> None:
        """Show `document`, owned by the reader; the one it replaces is deleted."""
        self._build_timer.stop()
        self._building = None
        previous = self.document()
        ours = previous.parent() is self  # Qt deletes only the default one itself
        document.setParent(self)
        # The selections' cursors are the old document's: Qt keeps them across setDocument
        # and measures them at the next setExtraSelections (a crash once it is deleted).
        self.setExtraSelections([])
        self._selection_pool.clear()
        self._shown = []
        self._window = None
        self.setDocument(document)
        if ours:
            previous.deleteLater()

    def _placeholder(self) -> None:
        self._show_document(placeholder_document(PLACEHOLDER, self._font(), self._colours.muted))

    def clear_article(self) -> None:
        self._article = None
        self._reading = None
        self._preparing = None
        self._prepare_timer.stop()
        self._index_notes(())
        self._offsets = None
        self._index = TextIndex()
        self._mentions = []
        self._focus_token = None
        self.hide_card()
        self._placeholder()
        self._refresh_selections()

    def set_article(self, article: Article) -> None:
        """Show an article without analysis (marks appear with set_reading)."""
        self._article = article
        self._reading = None
        self._mentions = []
        self._focus_token = None
        self.hide_card()
        self._render()
        self.verticalScrollBar().setValue(0)

    def set_reading(self, reading: Reading) -> None:
        """Show an analysed article; the same article only has its marks updated."""
        same = self._article is reading.analysed.article and self._offsets is not None
        previous = self._reading
        self._reading = reading
        added_from: int | None = None  # where new marks may begin (None: anywhere)
        if not same:
            self._article = reading.analysed.article
            self._mentions = []
            self._focus_token = None
            self.hide_card()
            self._render()
            self.verticalScrollBar().setValue(0)
        elif previous is None:
            self._index_tokens()
        elif (previous.analysed.tokens is not reading.analysed.tokens
              or previous.analysed.entities is not reading.analysed.entities):
            added_from = self._follow(previous, reading)
        else:
            added_from = _TEXT_END  # the same analysis (its notes enriched): no mark changes
        if previous is None or previous.notes is not reading.notes or not same:
            self._index_notes(reading.notes)
        if previous is None or previous.analysed.tokens is not reading.analysed.tokens:
            self._prepare_cards(reading)
        card_token = self.card.token_index
        if card_token is not None and not self._card_allowed(card_token, False):
            self.hide_card()
        self._refresh_selections(added_from)

    def _follow(self, previous: Reading, reading: Reading) -> int | None:
        """Index a streamed part: the str offset where its tokens begin (the marks before it
        stay as they are), or None when more than a part's appending changed (the end's
        redrawn names): then every token is indexed again."""
        old, new = previous.analysed, reading.analysed
        count, names = len(old.tokens), len(old.entities)
        if (len(new.tokens) >= count and new.tokens[:count] == old.tokens
                and new.entities[:names] == old.entities):
            added_from = self._index.follow(reading)
            if added_from is not None:
                return added_from
        self._index_tokens()
        return None

    def _prepare_cards(self, reading: Reading) -> None:
        from assistant.lexicon.glossing import prepare_names

        self._preparing = prepare_names(reading.analysed)
        self._prepare_timer.start()

    def _prepare_slice(self) -> None:
        steps = self._preparing
        if steps is None:
            return
        began = time.perf_counter()
        for _step in steps:
            if time.perf_counter() - began >= PREPARE_SLICE_SECONDS:
                self._prepare_timer.start()
                return
        self._preparing = None

    @property
    def preparing(self) -> bool:
        """Whether the cards' preparation for the reading shown is still under way."""
        return self._preparing is not None

    def set_known(self, known: frozenset[str]) -> None:
        self._known = known

    def set_view(self, view: LearnerView) -> None:
        """The learner's statuses: words being learnt are marked in their step's colour."""
        self._view = view
        self._known = view.known
        self._refresh_selections()

    def learning_step(self, index: int) -> int | None:
        if self._reading is None or not 0 <= index < len(self._reading.analysed.tokens):
            return None
        token = self._reading.analysed.tokens[index]
        return self._view.step(token.lemma, token.text)

    def _step_of(self, token: Token) -> int | None:
        return self._view.step(token.lemma, token.text) if self._view.learning else None

    @property
    def marking(self) -> Marking | None:
        return self._marking

    def set_marking(self, marking: Marking | None) -> None:
        """Judge hard words for this level and learner (None: the reading's own flags); only
        the marks around the screen are redrawn."""
        if marking == self._marking:
            return
        self._marking = marking
        card_token = self.card.token_index
        if card_token is not None and not self._card_allowed(card_token, False):
            self.hide_card()
        self._refresh_selections()

    def _font(self) -> QFont:
        return reading_font(self._style.point_size * self.zoom_factor, self._style.family)

    @property
    def zoom_factor(self) -> float:
        return float(ZOOM_STEP**self._zoom)

    @property
    def reading_style(self) -> ReadingStyle:
        return self._style

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Set the text in another font, size, line spacing or column width (Preferences)."""
        if style == self._style:
            return
        self._style = style
        self._relayout()

    def _render(self) -> None:
        article = self._article
        self._colours = reader_colours(self.palette())
        self._formats.clear()
        self._selection_pool.clear()
        if article is None:
            self._placeholder()
            return
        built = DocumentBuilder(article, self._font(), self._colours.muted,
                                self._style.line_height)
        built.add(chars=FIRST_DOCUMENT_CHARS)
        self._offsets = built.offsets
        self._update_margins(built.document)  # before it is shown: else laid out twice
        self._show_document(built.document)
        if not built.done:
            self._building = built
            self._build_timer.start()
        self._update_margins()
        self._index_tokens()
        self._refresh_selections()

    def _build_slice(self) -> None:
        """Add the next slice of a long article's text; its marks when it reaches the window."""
        builder = self._building
        if builder is None:
            return
        before = builder.offsets.mapped_end
        builder.add(seconds=BUILD_SLICE_SECONDS)
        if builder.done:
            self._building = None
        else:
            self._build_timer.start()
        window = self._window
        if window is not None and window[1] >= builder.offsets.to_document(before):
            self._window = None  # it ended where the text did: it reaches further now
            self._refresh_selections()

    @property
    def building(self) -> bool:
        """Whether a long article's text is still being added to the document."""
        return self._building is not None

    def finish_document(self, until: int | None = None) -> None:
        """Add the article's text still to come now, up to str offset `until` (None: all)."""
        builder = self._building
        if builder is None:
            return
        builder.add(until=until)
        if builder.done:
            self._building = None
            self._build_timer.stop()
        self._window = None
        self._refresh_selections()

    def _index_notes(self, notes: Iterable[Note]) -> None:
        spans = sorted(((m.start, m.end, note) for note in notes if note.has_background
                        for m in note.mentions), key=lambda span: span[:2])
        self._note_spans = spans
        self._note_starts = [start for start, _end, _note in spans]

    def note_at(self, offset: int) -> tuple[int, int, Note] | None:
        """The mention (start, end, note with background) covering str offset `offset`."""
        place = bisect_right(self._note_starts, offset)
        # Mentions overlap seldom and never many deep: the few starting just before suffice.
        for start, end, note in reversed(self._note_spans[max(0, place - 4):place]):
            if start <= offset < end:
                return start, end, note
        return None

    def _index_tokens(self) -> None:
        self._index = TextIndex(self._reading if self._offsets is not None else None)

    def _update_margins(self, document: QTextDocument | None = None) -> None:
        document = self.document() if document is None else document
        column = int(QFontMetricsF(self._font()).averageCharWidth() * self._style.column_chars)
        side = max(18, (self.viewport().width() - column) // 2)
        root = document.rootFrame()
        fmt = root.frameFormat()
        if int(fmt.leftMargin()) == side and int(fmt.topMargin()) == 24:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(24)
        fmt.setBottomMargin(32)
        root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._window = None  # the screen holds more or less text now
        self._update_margins()
        self._refresh_selections()
        if self.card.isVisible() and self.card.token_index is not None:
            self.show_card_for_token(self.card.token_index)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._article is not None:
            scroll = self.verticalScrollBar().value()
            self._render()
            self.finish_document()  # the place read may lie past the first slice
            self.verticalScrollBar().setValue(scroll)

    # -- marks ---------------------------------------------------------------------------

    @property
    def show_hard(self) -> bool:
        return self._show_hard

    @property
    def show_entities(self) -> bool:
        return self._show_entities

    def set_show_hard(self, show: bool) -> None:
        self._show_hard = show
        self._refresh_selections()

    def set_show_entities(self, show: bool) -> None:
        self._show_entities = show
        self._refresh_selections()

    @property
    def show_nationalities(self) -> bool:
        return self._show_nationalities

    def set_show_nationalities(self, show: bool) -> None:
        """Whether nationality adjectives ("Russische") are marked as names."""
        self._show_nationalities = show
        self._refresh_selections()

    @property
    def hidden_categories(self) -> frozenset[Category]:
        return self._hidden_categories

    def set_category_shown(self, category: Category, shown: bool) -> None:
        """Show or hide the highlighting of one category's names (the legend's chips)."""
        hidden = self._hidden_categories - {category} if shown else (
            self._hidden_categories | {category})
        if hidden != self._hidden_categories:
            self._hidden_categories = hidden
            self._refresh_selections()

    def is_hard(self, index: int) -> bool:
        """Whether the token at `index` is marked hard now."""
        reading = self._reading
        if reading is None:
            return False
        token = reading.analysed.tokens[index]
        if self._marking is None:
            return token.hard
        return self._marking.hard(token, reading.analysed.phrases)

    def hard_tokens(self) -> list[int]:
        """Indices of the tokens currently marked as hard, in text order (judges them all)."""
        if self._reading is None:
            return []
        return [i for i in range(len(self._reading.analysed.tokens)) if self.is_hard(i)]

    def marked_ranges(self) -> dict[str, list[tuple[int, int]]]:
        """Document ranges marked over the whole text, by kind ("hard", "entity", ...)."""
        self.finish_document()
        return _by_kind(self._marks_between(0, len(self._article.text) if self._article else 0))

    def drawn_ranges(self) -> dict[str, list[tuple[int, int]]]:
        """Document ranges drawn now (the marks around the screen: formats and painted), by
        kind."""
        result: dict[str, list[tuple[int, int]]] = {}
        for selection in self.extraSelections():
            kind = str(selection.format.property(QTextFormat.Property.UserProperty) or "")
            cursor = selection.cursor
            result.setdefault(kind, []).append((cursor.selectionStart(), cursor.selectionEnd()))
        for mark in self.decorations.marks:
            if _painted_only(mark):
                result.setdefault(mark.kind.value, []).append((mark.start, mark.end))
        return result

    def document_range(self, start: int, end: int) -> tuple[int, int]:
        """Qt document range of the str range [start, end) of the article text."""
        if self._offsets is None:
            raise ValueError("no article shown")
        if end > self._offsets.mapped_end:
            self.finish_document(end)
        return self._offsets.to_document_range(start, end)

    def token_document_range(self, index: int) -> tuple[int, int]:
        if self._reading is None or self._offsets is None:
            raise ValueError("no reading shown")
        token = self._reading.analysed.tokens[index]
        return self.document_range(token.start, token.end)

    def _marks_between(self, start: int, end: int) -> list[Mark]:
        """Every mark over the str range [start, end): the reading's names and hard words, then
        the mentions, the card's phrase and the focus drawn over them."""
        return [*self._reading_marks(start, end)[0], *self._overlay_marks(start, end)]

    def _reading_marks(self, start: int, end: int, added_from: int | None = None
                       ) -> tuple[list[Mark], list[QTextEdit.ExtraSelection]]:
        """The names and hard words over [start, end) and their selections, kept until what
        they depend on changes: a card shown or hidden costs no judging of the screen again,
        and a streamed part (whose tokens begin at str offset `added_from`) adds only its own
        marks."""
        offsets, reading = self._offsets, self._reading
        if offsets is None or reading is None:
            return [], []
        key = (start, end, self._show_hard, self._show_entities, self._show_nationalities,
               self._hidden_categories)
        depends = (reading, self._marking, self._view, offsets, self._index, self.document())
        cached = self._marks_cache
        if cached is not None and cached[0] == key and all(
                a is b for a, b in zip(cached[1][1:], depends[1:], strict=True)):
            if cached[1][0] is reading:
                return cached[2], cached[3]
            if added_from is not None:  # only a part appended: the marks before it stand
                marks, selections = cached[2], cached[3]
                if added_from < end:
                    extra = self._judged_marks(max(start, added_from), end)
                    marks, selections = [*marks, *extra], [*selections, *self._selections(extra)]
                self._marks_cache = (key, depends, marks, selections)
                return marks, selections
        marks = self._judged_marks(start, end)
        selections = self._selections(marks)
        self._marks_cache = (key, depends, marks, selections)
        return marks, selections

    def _judged_marks(self, start: int, end: int) -> list[Mark]:
        assert self._reading is not None and self._offsets is not None
        return reading_marks(self._reading, self._index, self._offsets, (start, end),
                             self.is_hard, self._show_hard, self._show_entities,
                             self._show_nationalities, self._step_of, self._hidden_categories)

    def _overlay_marks(self, start: int, end: int) -> list[Mark]:
        """The mentions, the card's words and the focus over [start, end)."""
        offsets, reading = self._offsets, self._reading
        if offsets is None:
            return []
        marks: list[Mark] = []
        marks += span_marks(MarkKind.MENTION,
                            (m for m in self._mentions if m[0] < end and m[1] > start), offsets)
        if reading is not None:
            shown = self.card.token_index
            if self.card.note is not None and shown is not None:
                mention = self.note_at(reading.analysed.tokens[shown].start)
                if mention is not None:
                    marks += span_marks(MarkKind.PHRASE, [mention[:2]], offsets)
            elif self.card.card is not None and shown is not None:
                marks += token_marks(MarkKind.PHRASE, self._card_tokens(), reading, offsets)
            focus = self._focus_token
            if focus is not None:
                # A focused name is ringed whole ("Ahmed Aboutaleb"), a word alone.
                named = (self._name_allowed(focus, False) if focus < len(
                    reading.analysed.tokens) and not self.is_hard(focus) else None)
                marks += (span_marks(MarkKind.FOCUS, [named[:2]], offsets) if named is not None
                          else token_marks(MarkKind.FOCUS, (focus,), reading, offsets))
        return marks

    def _format(self, mark: Mark) -> QTextCharFormat:
        key = (mark.kind, mark.category, mark.step, mark.phrase is not None)
        chars = self._formats.get(key)
        if chars is None:
            chars = mark_format(mark, self._colours)
            chars.setProperty(QTextFormat.Property.UserProperty, mark.kind.value)
            self._formats[key] = chars
        return chars

    def _selections(self, marks: Iterable[Mark]) -> list[QTextEdit.ExtraSelection]:
        """Selections for the marks that have a format: hard words without a learning step and
        the focus are painted (self.decorations), not formatted. A mark drawn before keeps its
        selection."""
        pool = self._selection_pool
        selections: list[QTextEdit.ExtraSelection] = []
        for mark in marks:
            if _painted_only(mark):
                continue
            selection = pool.get(mark)
            if selection is None:
                selection = pool[mark] = self._selection(mark)
            selections.append(selection)
        return selections

    def _selection(self, mark: Mark) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(mark.start)
        cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = self._format(mark)
        return selection

    def _screen_positions(self, margin: float) -> tuple[int, int]:
        """Document positions at the top and bottom of the screen, `margin` screens beyond."""
        height, width = self.viewport().height(), self.viewport().width()
        top = self.cursorForPosition(QPoint(0, int(-height * margin))).position()
        bottom = self.cursorForPosition(QPoint(width, int(height * (1 + margin)))).position()
        return top, bottom

    def _refresh_selections(self, added_from: int | None = None) -> None:
        """Draw the marks of the screen and a margin around it; only the marks that changed are
        styled and repainted (a relevel, a known word, a part that arrived: `added_from`)."""
        offsets = self._offsets
        if offsets is None or self._article is None:
            self._window = None
            self.decorations.set_marks(())
            self._selection_pool.clear()
            self._shown = []
            self._restyled = []
            self.setExtraSelections([])
            return
        window = self._window
        if window is None or not self._on_screen_within(window):
            # Kept while the screen stays inside it: a card or a hover after a scroll then
            # finds the marks judged already instead of judging three screens again.
            window = self._screen_positions(MARGIN_SCREENS)
        self._window = window
        top, bottom = window
        start, end = offsets.offset_near(top), offsets.offset_near(bottom) + 1
        marks, selections = self._reading_marks(start, end, added_from)
        overlay = self._overlay_marks(start, end)
        painted_before = set(self.decorations.marks)
        self.decorations.set_marks([*marks, *overlay])
        formatted = [m for m in (*marks, *overlay) if not _painted_only(m)]
        shown = list(zip(formatted, [*selections, *self._selections(overlay)], strict=True))
        if len(shown) != len(self._shown) or any(
                a[1] is not b[1] for a, b in zip(shown, self._shown, strict=True)):
            self.setExtraSelections([selection for _mark, selection in shown])
        changed_formats = {m for m, _s in shown}.symmetric_difference(m for m, _s in self._shown)
        changed_paint = painted_before.symmetric_difference(self.decorations.marks)
        self._shown = shown
        kept = {m for m, _s in shown}
        if len(self._selection_pool) > len(kept):
            self._selection_pool = {m: s for m, s in self._selection_pool.items() if m in kept}
        self._restyled = sorted({(m.start, m.end) for m in changed_formats | changed_paint})
        self._repaint_marks(changed_paint)

    def restyled_ranges(self) -> list[tuple[int, int]]:
        """Document ranges whose marks the last redraw changed (styled or painted anew)."""
        return list(self._restyled)

    def _repaint_marks(self, marks: set[Mark]) -> None:
        """Repaint the lines of painted marks that came or went (Qt repaints the selections
        that changed itself); many at once: the whole screen."""
        if not marks:
            return
        if len(marks) > REPAINT_MARKS_LIMIT:
            self.viewport().update()
            return
        self._fresh_layout()
        document, width = self.document(), self.viewport().width()
        scroll_y = self.verticalScrollBar().value()
        margin = QFontInfo(self._font()).pixelSize() * 0.5 + 6  # underlines, links, the ring
        height = self.viewport().height()
        for mark in marks:
            for span in self.decorations.spans(document, mark):
                top, bottom = span.top - scroll_y - 2, span.bottom - scroll_y + margin
                if bottom >= 0 and top <= height:
                    self.viewport().update(QRect(0, int(top), width, int(bottom - top) + 1))

    def _fresh_layout(self) -> None:
        """Forget the painted marks' geometry when the layout changed since it was measured."""
        layout_key = (id(self.document()), self.viewport().width(), self.document().revision())
        if layout_key != self._layout_key:
            self._layout_key = layout_key
            self.decorations.invalidate()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.decorations.marks:
            return
        self._fresh_layout()
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        painter = QPainter(self.viewport())
        painter.translate(-scroll)
        visible = QRectF(event.rect()).translated(scroll)
        self.decorations.paint(painter, self.document(), visible, self._colours,
                               QFontInfo(self._font()).pixelSize())
        painter.end()

    def _on_screen_within(self, window: tuple[int, int]) -> bool:
        top, bottom = self._screen_positions(0)
        return window[0] <= top and bottom <= window[1]

    def _on_scrolled(self) -> None:
        window = self._window
        if window is None:
            return
        if not self._on_screen_within(window):
            self._refresh_selections()

    def highlight_mentions(self, spans: Sequence[tuple[int, int]], scroll: bool = True) -> None:
        """Highlight str ranges of the text (a note's mentions) and scroll to the first."""
        self._mentions = sorted(spans)
        self._refresh_selections()
        if scroll and self._mentions and self._offsets is not None:
            start, end = self.document_range(*self._mentions[0])
            self._scroll_to_range(start, end)

    @property
    def highlighted_mentions(self) -> list[tuple[int, int]]:
        return list(self._mentions)

    def scroll_to_token(self, index: int) -> None:
        """Scroll so that the token is on screen (with room below it for its card)."""
        self._scroll_to_range(*self.token_document_range(index))

    def _scroll_to_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        rect = self.cursorRect(cursor)
        viewport = self.viewport().rect()
        # Keep room below the word for the gloss card.
        if rect.top() < 0 or rect.bottom() > viewport.height() * 2 // 3:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - viewport.height() // 3)

    # -- hit testing ---------------------------------------------------------------------

    def token_at(self, point: QPoint) -> int | None:
        """Index of the token under a viewport point, or None."""
        if self._reading is None or self._offsets is None:
            return None
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        layout = self.document().documentLayout()
        position = layout.hitTest(QPointF(point) + offset, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        caret = self.cursorRect(cursor)
        # hitTest gives the nearest caret position; the character is the one the point is on.
        char_position = position - 1 if point.x() < caret.x() else position
        text_offset = self._offsets.from_document(max(char_position, 0))
        if text_offset is None:
            return None
        return self._index.token_at(text_offset)

    def token_rect(self, index: int) -> QRect:
        """Rectangle of a token in viewport coordinates (its first line if it wraps)."""
        start, end = self.token_document_range(index)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        first = self.cursorRect(cursor)
        cursor.setPosition(end)
        last = self.cursorRect(cursor)
        if last.top() != first.top():
            return QRect(first.left(), first.top(), 40, first.height())
        return QRect(first.topLeft(), last.bottomRight()).normalized()

    def token_center(self, index: int) -> QPoint:
        return self.token_rect(index).center()

    def token_line_rect(self, index: int) -> QRect:
        """The laid-out line holding the token's start, in viewport coordinates."""
        start, _end = self.token_document_range(index)
        block = self.document().findBlock(start)
        layout = block.layout()
        line = layout.lineForTextPosition(start - block.position()) if layout else None
        if line is None or not line.isValid():
            return self.token_rect(index)
        origin = self.document().documentLayout().blockBoundingRect(block).topLeft()
        origin -= QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return line.rect().translated(origin).toAlignedRect()

    def card_anchor(self, index: int) -> QRect:
        """The word's left edge and width, with the top and bottom of its whole line."""
        word = self.token_rect(index)
        line = self.token_line_rect(index)
        return QRect(word.left(), line.top(), max(word.width(), 1), line.height())

    # -- gloss card ----------------------------------------------------------------------

    def _card_allowed(self, index: int, any_word: bool) -> bool:
        if self._reading is None:
            return False
        if self.is_hard(index):
            return True
        token = self._reading.analysed.tokens[index]
        if is_foreign_word(token):
            return True  # its card says which language it is
        if any_word and (token.is_word or token.phrase is not None):
            return True
        # Any part of a marked phrase ("aan" of "klopte … aan") shows the phrase's card.
        return self._show_hard and any(self.is_hard(i) for i in self._phrase_members(index))

    def _phrase_members(self, index: int) -> tuple[int, ...]:
        """The tokens of the separable verb or idiom the token belongs to (none: empty)."""
        reading = self._reading
        if reading is None:
            return ()
        phrase = reading.analysed.tokens[index].phrase
        phrases = reading.analysed.phrases
        return phrases[phrase].tokens if phrase is not None and phrase < len(phrases) else ()

    def _card_tokens(self) -> tuple[int, ...]:
        """The tokens the open card is about: the word, or every part of its phrase."""
        shown = self.card.token_index
        if shown is None:
            return ()
        card = self.card.card
        if card is not None and card.phrase_tokens:
            return card.phrase_tokens
        return self._phrase_members(shown) or (shown,)

    def _name_allowed(self, index: int, any_word: bool) -> tuple[int, int, Note] | None:
        """The mention whose note a rest on the token shows: names that are highlighted, as
        the marks judge them (or any with the modifier)."""
        if self._reading is None:
            return None
        analysed = self._reading.analysed
        token = analysed.tokens[index]
        mention = self.note_at(token.start)
        if mention is None:
            return None
        entity = analysed.entities[token.entity] if token.entity is not None and (
            token.entity < len(analysed.entities)) else None
        category = entity.category if entity is not None else mention[2].category
        shown = self._show_entities and category not in self._hidden_categories and (
            self._show_nationalities or entity is None
            or not is_adjective_of_origin(entity, analysed.tokens))
        return mention if shown or any_word else None

    def show_note_for_token(self, index: int) -> bool:
        """Show the note of the name the token is part of, as a card; False without one."""
        reading = self._reading
        if reading is None or not 0 <= index < len(reading.analysed.tokens):
            return False
        mention = self.note_at(reading.analysed.tokens[index].start)
        if mention is None:
            return False
        self.card.show_note(mention[2], index, self.card_anchor(index))
        self._refresh_selections()
        self.card_shown.emit(index)
        return True

    def show_card_for_token(self, index: int) -> bool:
        """Show the gloss card for a token; False when there is nothing to show."""
        reading = self._reading
        if reading is None or not 0 <= index < len(reading.analysed.tokens):
            return False
        token = reading.analysed.tokens[index]
        card: GlossCard | None = None
        if is_foreign_word(token):
            card = foreign_card(token)
        else:
            try:
                card = self._gloss(reading, index)
            except Exception:
                log.exception("gloss lookup failed for %r", token.text)
        if card is None:
            card = fallback_card(token)
        self.card.show_card(card, index, self.card_anchor(index))
        self._refresh_selections()
        self.card_shown.emit(index)
        return True

    def hide_card(self) -> None:
        self._rest_timer.stop()
        if self.card.card is None and not self.card.isVisible():
            return
        self.card.hide_card()
        self._refresh_selections()
        self.card_hidden.emit()

    def rest_at(self, point: QPoint, modifiers: Qt.KeyboardModifier) -> None:
        """What happens when the mouse has rested at `point` (the rest timer's work)."""
        index = self.token_at(point)
        any_word = bool(modifiers & ANY_WORD_MODIFIER)
        if index is None:
            self.hide_card()
        elif self._card_allowed(index, any_word):
            if (self.card.token_index != index or self.card.note is not None
                    or not self.card.isVisible()):
                self.show_card_for_token(index)
        elif self._name_allowed(index, any_word) is not None:
            if self.card.token_index != index or self.card.note is None:
                self.show_note_for_token(index)
        else:
            self.hide_card()

    def _on_rest(self) -> None:
        if self._hover_pos is not None:
            self.rest_at(self._hover_pos, self._hover_modifiers)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        self._hover_pos = point
        self._hover_modifiers = event.modifiers()
        if self.card.isVisible() and self.card.token_index is not None:
            under = self.token_at(point)
            if under != self.card.token_index and not self._card_covers(under):
                self.hide_card()
        self._rest_timer.start()
        super().mouseMoveEvent(event)

    def _card_covers(self, index: int | None) -> bool:
        """Whether the token is one the open card is about (a phrase's part, a name's word)."""
        if index is None or self._reading is None:
            return False
        if self.card.note is not None and self.card.token_index is not None:
            tokens = self._reading.analysed.tokens
            here = self.note_at(tokens[index].start)
            there = self.note_at(tokens[self.card.token_index].start)
            return here is not None and here == there
        return index in self._card_tokens()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._hover_pos = None
            self.hide_card()
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        pressed = self._press_pos
        self._press_pos = None
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        if (point - pressed).manhattanLength() > 4 or self.textCursor().hasSelection():
            return
        index = self.token_at(point)
        if index is not None and self._reading is not None:
            self.text_clicked.emit(self._reading.analysed.tokens[index].start)

    # -- keyboard ------------------------------------------------------------------------

    @property
    def focus_token(self) -> int | None:
        return self._focus_token

    def move_focus(self, forward: bool, from_screen: bool = False) -> int | None:
        """Move the keyboard focus to the next/previous hard word or highlighted name with a
        note and show its card, as a rest of the mouse would; None past the last (first) one,
        so that Tab leaves the text. The other words of the focused phrase or name are passed
        over (one card for "klopte … aan"). Tokens are judged from the focus on, until a stop;
        without a focus (or `from_screen`) from the screen's top (bottom)."""
        if self._reading is None:
            return None
        tokens = self._reading.analysed.tokens
        count = len(tokens)
        current = None if from_screen else self._focus_token
        if current is None:
            current = self._screen_edge_token(forward)
        order = range(current + 1, count) if forward else range(min(current, count) - 1, -1, -1)
        phrase = tokens[self._focus_token].phrase if (
            self._focus_token is not None and not from_screen) else None
        target = next((i for i in order if (phrase is None or tokens[i].phrase != phrase)
                       and self._is_focus_stop(i)), None)
        if target is None:
            return None
        self._focus_token = target
        self._scroll_to_range(*self.token_document_range(target))
        if self.is_hard(target):
            self.show_card_for_token(target)
        else:
            self.show_note_for_token(target)
        return target

    def _is_focus_stop(self, index: int) -> bool:
        """Tab stops at hard words (a phrase at its first hard part only: "loopt … over" once)
        and at the first word of each highlighted name with a note."""
        if self.is_hard(index):
            return next(i for i in (*self._phrase_members(index), index) if self.is_hard(i)) == (
                index)
        mention = self._name_allowed(index, False)
        return mention is not None and self._reading is not None and (
            mention[0] == self._reading.analysed.tokens[index].start)

    def _screen_edge_token(self, forward: bool) -> int:
        """Where a walk without a focus starts: just before the screen's first token (forward)
        or just after its last one (backward)."""
        if self._offsets is None:
            return -1
        top, bottom = self._screen_positions(0)
        if forward:
            offset = self._offsets.offset_near(top)
            return self._index.tokens_between(offset, _TEXT_END).start - 1
        return self._index.tokens_between(0, self._offsets.offset_near(bottom) + 1).stop

    def clear_focus_token(self) -> None:
        """Forget the keyboard focus on a word (the text lost the focus, or Esc)."""
        if self._focus_token is None:
            return
        self._focus_token = None
        self.hide_card()
        self._refresh_selections()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Entering the text by Tab (Shift+Tab) focuses its first (last) hard word on screen.
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.move_focus(reason == Qt.FocusReason.TabFocusReason, from_screen=True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason):
            self.clear_focus_token()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            plain = not event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain and self._reading:
                forward = key == Qt.Key.Key_Tab and not (
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                if self.move_focus(forward) is not None:
                    return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and (self.card.isVisible() or self._mentions):
            if self.card.isVisible():
                self.hide_card()
            else:
                self.highlight_mentions([], scroll=False)
            event.accept()
            return
        bare = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        index = self._focus_token if self._focus_token is not None else self.card.token_index
        if bare and index is not None and self._word_key(event.key(), index):
            event.accept()
            return
        super().keyPressEvent(event)

    def _word_key(self, key: int, index: int) -> bool:
        """The focused word's keys (ui/shortcuts.py's TEXT_KEYS): known, save, learning, ignore."""
        found = word_command(key)
        if found is None:
            return False
        command, place = found
        if command is WordCommand.KNOWN:
            return self.toggle_known(index)
        lemma = self.lemma_of(index)
        if lemma is None:
            return False
        if command is WordCommand.SAVE:
            self.save_requested.emit(index)
        elif command is WordCommand.IGNORE:
            self.status_requested.emit(lemma, Status.IGNORED)
        else:
            self.status_requested.emit(lemma, Status.learning(place + 1))
        return True

    # -- known words ---------------------------------------------------------------------

    def lemma_of(self, index: int) -> str | None:
        if self._reading is None:
            return None
        token = self._reading.analysed.tokens[index]
        if not token.is_word and token.phrase is None:
            return None
        return token.lemma or token.text.lower()

    def is_known(self, lemma: str) -> bool:
        return normalise_lemma(lemma) in self._known

    def toggle_known(self, index: int) -> bool:
        """Mark the token's lemma known (or forget it when already known)."""
        lemma = self.lemma_of(index)
        if lemma is None:
            return False
        self.known_requested.emit(lemma, not self.is_known(lemma))
        return True

    def known_actions(self, index: int, parent: QWidget | None = None) -> list[QAction]:
        """Context-menu actions for a token: "I know this word" or "Forget"."""
        lemma = self.lemma_of(index)
        if lemma is None:
            return []
        owner = parent or self
        if self.is_known(lemma):
            action = QAction(f"Forget “{lemma}” (mark again)", owner)
            action.triggered.connect(lambda: self.known_requested.emit(lemma, False))
        else:
            action = QAction(f"I know this word (“{lemma}”)", owner)
            action.setShortcut(keys_of(WordCommand.KNOWN)[0])
            action.triggered.connect(lambda: self.known_requested.emit(lemma, True))
        return [action]

    def status_actions(self, index: int, lemma: str, owner: QWidget) -> list[QAction]:
        """Save the word; learning steps 1–4; ignore (the same keys as on the card)."""
        current = self._view.status(lemma)
        save = QAction("Save word to vocabulary", owner)
        save.setShortcut(keys_of(WordCommand.SAVE)[0])
        save.triggered.connect(lambda: self.save_requested.emit(index))
        actions = [save]
        for step in range(1, 5):
            status = Status.learning(step)
            action = QAction(f"Learning, step {step}", owner)
            action.setShortcut(keys_of(WordCommand.LEARNING)[step - 1])
            action.setCheckable(True)
            action.setChecked(current is status)
            action.triggered.connect(
                lambda _=False, s=status: self.status_requested.emit(lemma, s))
            actions.append(action)
        ignore = QAction("Ignore (a name or foreign word)", owner)
        ignore.setShortcut(keys_of(WordCommand.IGNORE)[0])
        ignore.triggered.connect(lambda: self.status_requested.emit(lemma, Status.IGNORED))
        actions.append(ignore)
        if current not in (Status.NEW, Status.KNOWN):
            reset = QAction("Back to new", owner)
            reset.triggered.connect(lambda: self.status_requested.emit(lemma, Status.NEW))
            actions.append(reset)
        return actions

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.hide_card()
        menu = self.createStandardContextMenu(event.pos())
        index = self.token_at(event.pos())
        if index is not None:
            actions = self.known_actions(index, menu)
            lemma = self.lemma_of(index)
            if lemma is not None:
                actions += self.status_actions(index, lemma, menu)
            if actions:
                first = menu.actions()[0] if menu.actions() else None
                menu.insertActions(first, actions)  # type: ignore[arg-type]
                menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- zoom ----------------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(-ZOOM_LIMIT, min(ZOOM_LIMIT, steps))
        if steps == self._zoom:
            return
        self._zoom = steps
        self.card.set_scale(self.zoom_factor)
        self._relayout()
        self.zoom_changed.emit(self.zoom_factor)

    def _relayout(self) -> None:
        """Lay the text out again in the current font, keeping the place read."""
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.hide_card()
        if self._article is not None:
            self._render()
            self.finish_document()  # the place read may lie past the first slice
        else:
            self._placeholder()
        bar.setValue(int(fraction * bar.maximum()))



def _painted_only(mark: Mark) -> bool:
    return mark.kind is MarkKind.FOCUS or (mark.kind is MarkKind.HARD and mark.step is None)


def _by_kind(marks: Iterable[Mark]) -> dict[str, list[tuple[int, int]]]:
    result: dict[str, list[tuple[int, int]]] = {}
    for mark in marks:
        result.setdefault(mark.kind.value, []).append((mark.start, mark.end))
    return result
