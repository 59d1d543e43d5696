"""The notes dock built a slice at a time: rows follow from the event loop in order, a newer
reading drops the rows still to come of the older one, and what asks for every card gets them."""

from __future__ import annotations

import pytest
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
