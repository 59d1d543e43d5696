"""The notes dock on hand-built notes: groups and order, what a card says, selection, clicks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_helpers import hand_reading, note

import ui.notes_panel as notes_panel
from assistant.models import Article, Category, Mention, Note, Reading
from assistant.reading.loading import article_from_text
from ui.notes_panel import GROUP_TITLES, AlsoMentioned, NotesPanel, grouped_notes

TEXT = "Utrecht en Rutte. Later sprak Rutte in Den Haag met de NOS over Utrecht."


@pytest.fixture
def reading() -> Reading:
    article = article_from_text(TEXT)
    notes = (
        note("nos", "NOS", Category.ORGANISATION, "Dutch public broadcaster.", article),
        note("rutte", "Rutte", Category.PERSON, "Dutch politician.", article),
        note("den-haag", "Den Haag", Category.PLACE, "Seat of government.", article),
        note("utrecht", "Utrecht", Category.PLACE, "A city.", article),
    )
    return hand_reading(article, notes=notes)


@pytest.fixture
def panel(qtbot: QtBot) -> NotesPanel:
    widget = NotesPanel()
    qtbot.addWidget(widget)
    widget.resize(330, 700)
    widget.show()
    return widget


def _labels(panel: NotesPanel, key: str) -> dict[str, str]:
    card = panel.cards[key]
    return {label.objectName(): label.text() for label in card.findChildren(QLabel)}


def test_groups_follow_their_first_mention_and_cards_theirs(reading: Reading) -> None:
    groups = grouped_notes(reading.notes)
    assert [(category, [n.key for n in notes]) for category, notes in groups] == [
        (Category.PLACE, ["utrecht", "den-haag"]),
        (Category.PERSON, ["rutte"]),
        (Category.ORGANISATION, ["nos"]),
    ]


def test_panel_shows_headers_cards_and_time(panel: NotesPanel, reading: Reading) -> None:
    panel.set_reading(reading)
    assert panel.headers() == [GROUP_TITLES[Category.PLACE], GROUP_TITLES[Category.PERSON],
                               GROUP_TITLES[Category.ORGANISATION], "Time"]
    assert panel.card_order() == ["utrecht", "den-haag", "rutte", "nos"]
    labels = _labels(panel, "rutte")
    assert labels["noteName"] == "Rutte"
    assert labels["noteDescription"] == "Dutch politician."
    assert labels["noteMeta"] == "person · 2 mentions"
    assert _labels(panel, "nos")["noteMeta"] == "organisation · 1 mention"
    assert "noteInternational" not in labels
    assert panel.time_rows() == []


@pytest.mark.parametrize(("international", "shown"),
                         [("The Hague", True), ("den haag", False), (None, False)])
def test_international_name_only_when_it_differs(
    panel: NotesPanel, reading: Reading, international: str | None, shown: bool
) -> None:
    notes = tuple(dataclasses.replace(n, international_name=international)
                  if n.key == "den-haag" else n for n in reading.notes)
    panel.set_reading(dataclasses.replace(reading, notes=notes))
    assert ("noteInternational" in _labels(panel, "den-haag")) is shown


def test_source_link_is_escaped(panel: NotesPanel, reading: Reading) -> None:
    hostile: Note = dataclasses.replace(
        reading.notes[0], source="https://nl.wikipedia.org/wiki/<b>NOS</b>",
        attribution="<img src=x> CC BY-SA",
    )
    panel.set_reading(dataclasses.replace(reading, notes=(hostile, *reading.notes[1:])))
    source = panel.cards["nos"].findChild(QLabel, "noteSource")
    assert isinstance(source, QLabel)
    assert "<img" not in source.text() and "&lt;img src=x&gt;" in source.text()
    assert ">nl.wikipedia.org</a>" in source.text()


def test_click_selects_and_note_at_finds_mentions(
    panel: NotesPanel, reading: Reading, qtbot: QtBot
) -> None:
    panel.set_reading(reading)
    with qtbot.waitSignal(panel.note_selected) as selected:
        qtbot.mouseClick(panel.cards["rutte"], Qt.MouseButton.LeftButton)
    assert selected.args == ["rutte"]
    assert panel.selected_key == "rutte" and panel.cards["rutte"].selected
    panel.select("utrecht")
    assert not panel.cards["rutte"].selected
    found = panel.note_at(TEXT.index("Den Haag") + 2)
    assert found is not None and found.key == "den-haag"
    assert panel.note_at(TEXT.index("sprak")) is None


def test_enriched_notes_keep_the_selection(panel: NotesPanel, reading: Reading) -> None:
    panel.set_reading(reading)
    panel.select("rutte", emit=False)
    enriched = tuple(dataclasses.replace(n, description=f"{n.name} (online)")
                     for n in reading.notes)
    panel.set_notes(enriched)
    assert panel.selected_key == "rutte" and panel.cards["rutte"].selected
    assert _labels(panel, "rutte")["noteDescription"] == "Rutte (online)"


def test_without_a_reading_a_hint(panel: NotesPanel) -> None:
    panel.set_reading(None, "Analysing the article…")
    hints = panel.findChildren(QLabel, "notesHint")
    assert [hint.text() for hint in hints] == ["Analysing the article…"]
    assert panel.cards == {}


def _plain(key: str, name: str, category: Category, article_text: str) -> Note:
    start = article_text.index(name)
    return Note(key=key, name=name, category=category,
                mentions=(Mention(start, start + len(name), name),))


@pytest.mark.parametrize(
    ("notes_of", "headers", "listed"),
    [
        # A heading the recogniser read as a miscellaneous name: no "Other" group at all.
        (lambda a: (_plain("unknown:sport", "Sport", Category.OTHER, a.text),), ["Time"], {}),
        # A miscellaneous name with background keeps its card; the bare one beside it is not
        # listed.
        (lambda a: (note("nobel", "Nobelprijs", Category.OTHER, "A prize.", a),
                    _plain("unknown:sport", "Sport", Category.OTHER, a.text)),
         ["Other", "Time"], {}),
        # Names of the other categories without background are still listed.
        (lambda a: (_plain("unknown:pier 33", "Pier 33", Category.PLACE, a.text),),
         ["Places", "Time"], {Category.PLACE: ["Pier 33"]}),
    ],
)
def test_other_names_without_background_are_not_listed(
    panel: NotesPanel, notes_of: Callable[[Article], tuple[Note, ...]], headers: list[str],
    listed: dict[Category, list[str]],
) -> None:
    article = article_from_text("Sport. De Nobelprijs ging naar Pier 33.")
    panel.set_reading(hand_reading(article, notes=notes_of(article)))
    assert panel.headers() == headers
    assert panel.also_mentioned() == listed


def test_names_without_background_share_one_line_per_category(
    panel: NotesPanel, qtbot: QtBot
) -> None:
    text = "Rutte zag Pier 33 en KNCA. Ook <b>Jan</b> kwam naar Pier 33 en Utrecht."
    article = article_from_text(text)
    notes = (
        note("rutte", "Rutte", Category.PERSON, "Dutch politician.", article),
        _plain("unknown:pier 33", "Pier 33", Category.PLACE, article.text),
        _plain("unknown:knca", "KNCA", Category.ORGANISATION, article.text),
        _plain("unknown:jan", "<b>Jan</b>", Category.PERSON, article.text),
        note("utrecht", "Utrecht", Category.PLACE, "A city.", article),
    )
    panel.set_reading(hand_reading(article, notes=notes))
    assert panel.card_order() == ["rutte", "utrecht"]
    assert panel.also_mentioned() == {
        Category.PERSON: ["<b>Jan</b>"], Category.PLACE: ["Pier 33"],
        Category.ORGANISATION: ["KNCA"],
    }
    rows = {row.notes[0].category: row for row in panel.findChildren(AlsoMentioned)}
    assert "&lt;b&gt;Jan&lt;/b&gt;" in rows[Category.PERSON].text()  # article text stays text
    assert rows[Category.PLACE].text().startswith("Also mentioned: ")
    with qtbot.waitSignal(panel.note_selected) as selected:
        rows[Category.PLACE].linkActivated.emit("0")
    assert selected.args == ["unknown:pier 33"]
    assert panel.selected_key == "unknown:pier 33"
    assert "<b>Pier 33</b>" in rows[Category.PLACE].text()
    panel.select("rutte")
    assert "<b>" not in rows[Category.PLACE].text() and panel.cards["rutte"].selected
    found = panel.note(panel.selected_key or "")
    assert found is not None and found.key == "rutte"
    assert panel.note("unknown:knca") is not None  # collapsed notes are still notes


@pytest.mark.parametrize(
    ("source", "line"),
    [(" date 2019-09-23 Rutte sprak.", "Notes as of 23 September 2019, the article's date"),
     ("Rutte sprak.", "Notes as of today; the article has no date")],
)
def test_header_says_the_date_the_notes_are_true_at(
    panel: NotesPanel, source: str, line: str
) -> None:
    article = article_from_text(source)
    panel.set_reading(hand_reading(article, notes=(
        note("rutte", "Rutte", Category.PERSON, "Dutch politician.", article),)))
    assert panel.as_of() == line
    panel.set_reading(None, "Analysing the article…")
    assert panel.as_of() == ""


def test_nationality_toggle_is_off_by_default_and_says_so(
    panel: NotesPanel, qtbot: QtBot
) -> None:
    assert not panel.nationality_toggle.isChecked()
    with qtbot.waitSignal(panel.nationalities_toggled) as toggled:
        panel.nationality_toggle.setChecked(True)
    assert toggled.args == [True]


def test_many_names_without_background_go_on_rows_of_a_bounded_length(
    panel: NotesPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notes_panel, "ALSO_MENTIONED_PER_ROW", 4)
    names = [f"Dorp{n}" for n in range(10)]
    text = "Rutte ging naar " + ", ".join(names) + "."
    article = article_from_text(text)
    plain = tuple(_plain(f"unknown:{name}", name, Category.PLACE, article.text)
                  for name in names)
    panel.set_reading(hand_reading(article, notes=(
        note("rutte", "Rutte", Category.PERSON, "Dutch politician.", article), *plain)))
    assert panel.also_mentioned() == {Category.PLACE: names}
    rows = panel.findChildren(AlsoMentioned)
    assert [row.names() for row in rows] == [names[:4], names[4:8], names[8:]]
    assert rows[0].text().startswith("Also mentioned: ")
    assert not any("Also mentioned" in row.text() for row in rows[1:])
    with qtbot.waitSignal(panel.note_selected) as selected:
        rows[2].linkActivated.emit("1")
    assert selected.args == ["unknown:Dorp9"]
    assert [("<b>" in row.text()) for row in rows] == [False, False, True]
    panel.select("unknown:Dorp0")
    assert [("<b>" in row.text()) for row in rows] == [True, False, False]
