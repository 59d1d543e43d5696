"""The notes dock built a slice at a time: rows follow from the event loop in order, a newer
reading drops the rows still to come of the older one, and what asks for every card gets them."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import hand_reading, note

import ui.notes_panel as notes_panel
from assistant.models import Category, Reading
from assistant.reading.loading import article_from_text
from ui.notes_panel import NoteCard, NotesPanel

NAMES = [f"Stad{n:02d}" for n in range(30)]


def _reading(names: list[str]) -> Reading:
    article = article_from_text(" en ".join(names) + ".")
    notes = tuple(note(name.lower(), name, Category.PLACE, f"Place {name}.", article)
                  for name in names)
    return hand_reading(article, notes=notes)


def _built_cards(panel: NotesPanel) -> list[str]:
    """The cards in the panel now, in layout order (page by page), without finishing the
    building."""
    keys: list[str] = []
    layout = panel.content.layout()
    assert layout is not None
    for item in (layout.itemAt(i) for i in range(layout.count())):
        page = item.widget() if item is not None else None
        rows = page.layout() if page is not None else None
        if rows is not None:
            widgets = [rows.itemAt(i).widget() for i in range(rows.count())]
            keys += [w.note.key for w in widgets if isinstance(w, NoteCard)]
    return keys


@pytest.fixture
def panel(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> NotesPanel:
    monkeypatch.setattr(notes_panel, "SLICE_SECONDS", 0.0)  # one row per slice
    widget = NotesPanel()
    qtbot.addWidget(widget)
    return widget


def test_rows_are_added_a_slice_at_a_time_in_order(qtbot: QtBot, panel: NotesPanel) -> None:
    panel.set_reading(_reading(NAMES))
    assert panel.building
    assert len(_built_cards(panel)) < len(NAMES)  # the header and at most one card so far
    qtbot.waitUntil(lambda: not panel.building, timeout=5000)
    assert _built_cards(panel) == [name.lower() for name in NAMES]
    assert panel.headers() == ["Places", "Time"]


def test_a_newer_reading_drops_the_rows_still_to_come(qtbot: QtBot, panel: NotesPanel) -> None:
    panel.set_reading(_reading(NAMES))
    assert panel.building
    panel.set_reading(_reading(["Gouda", "Breda"]))
    qtbot.waitUntil(lambda: not panel.building, timeout=5000)
    assert _built_cards(panel) == ["gouda", "breda"]


def test_asking_for_the_cards_builds_the_rest_at_once(panel: NotesPanel) -> None:
    panel.set_reading(_reading(NAMES))
    assert panel.building
    assert panel.card_order() == [name.lower() for name in NAMES]
    assert not panel.building
    panel.set_reading(_reading(NAMES))
    panel.select("stad29", emit=False)  # a name clicked in the text before its card was built
    assert panel.selected_key == "stad29" and panel.cards["stad29"].selected


def test_cards_at_rest_share_the_panel_sheet_and_wear_their_own_when_selected(
    panel: NotesPanel,
) -> None:
    panel.set_reading(_reading(NAMES[:3]))
    cards = panel.cards
    assert all(card.styleSheet() == "" for card in cards.values())
    assert 'category="place"' in panel.content.styleSheet()
    panel.select("stad01", emit=False)
    assert cards["stad01"].styleSheet() != "" and cards["stad00"].styleSheet() == ""
    panel.select("stad02", emit=False)
    assert cards["stad01"].styleSheet() == ""


def _settle() -> None:
    """Deliver the posted layout requests (not the builder's timer: no slice is added)."""
    for _ in range(4):
        QApplication.sendPostedEvents()


def _rows(panel: NotesPanel) -> list[tuple[QWidget, QRect]]:
    """Every row in the panel with its rectangle in the content's coordinates, in order."""
    out: list[tuple[QWidget, QRect]] = []
    layout = panel.content.layout()
    assert layout is not None
    for page in (_widget(layout, i) for i in range(layout.count())):
        rows = page.layout()
        assert rows is not None
        for row in (_widget(rows, i) for i in range(rows.count())):
            out.append((row, QRect(row.mapTo(panel.content, QPoint(0, 0)), row.size())))
    return out


def _widget(layout: QLayout, index: int) -> QWidget:
    item = layout.itemAt(index)
    widget = item.widget() if item is not None else None
    assert widget is not None
    return widget


@pytest.fixture
def shown(panel: NotesPanel) -> NotesPanel:
    panel.resize(330, 700)
    panel.show()
    return panel


def test_a_batch_added_to_a_long_dock_measures_its_own_rows_only(
    shown: NotesPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    measured: list[str] = []

    class CountingLabel(QLabel):
        def heightForWidth(self, width: int) -> int:
            measured.append(self.text())
            return super().heightForWidth(width)

    monkeypatch.setattr(notes_panel, "QLabel", CountingLabel)
    names = [f"Stad{n:04d}" for n in range(2030)]
    shown.set_reading(_reading(names))
    shown.add_rows(2001)  # the header and 2,000 cards
    _settle()
    assert any(text == "Place Stad1999." for text in measured)  # the counting counts
    measured.clear()
    shown.add_rows(20)
    _settle()
    batch = {f"Place {name}." for name in names[2000:2020]}
    earlier = {f"Place {name}." for name in names[:2000]}
    assert batch <= set(measured)
    assert not earlier & set(measured)
    rows = _rows(shown)
    assert len(rows) == 2021
    last = rows[-1][1]
    assert shown.content.height() >= last.bottom() and last.top() > rows[-21][1].bottom()


def test_rows_stack_in_order_without_overlapping(shown: NotesPanel) -> None:
    shown.set_reading(_reading(NAMES[:6]))
    shown.finish_building()
    _settle()
    rects = [rect for _row, rect in _rows(shown)]
    assert len(rects) == 1 + 6 + 2  # header, cards, "Time" and its hint
    assert all(after.top() > before.bottom() for before, after in pairwise(rects))
    assert all(rect.height() > 0 and rect.width() > 200 for rect in rects)


@pytest.mark.parametrize("change", ["longer header", "selected card"])
def test_a_row_that_changes_moves_the_rows_after_it(shown: NotesPanel, change: str) -> None:
    shown.set_reading(_reading(NAMES[:4]))
    while shown.building:
        shown.add_rows(1)  # a page a row: the change is in one page, the moves in others
    _settle()
    before = _rows(shown)
    header = before[0][0]
    if change == "longer header":
        assert isinstance(header, QLabel)
        header.setText("Places " + "and more places " * 30)  # wraps over several lines
        changed = 0
    else:
        shown.select("stad00", emit=False)  # a thicker border
        changed = 1
    _settle()
    after = _rows(shown)
    grown = after[changed][1].height() - before[changed][1].height()
    assert grown != 0
    for (_row, was), (row, now) in zip(before[changed + 1:], after[changed + 1:], strict=True):
        assert now.top() == was.top() + grown, row
