"""Name cards: resting on a name shows its note as a card, as a word shows its gloss; the legend's
chips are toggles that show or hide their category's highlighting."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, WindowFactory, activate, hand_reading, note

from assistant.models import Category, Level, Mention, Note
from assistant.reading.loading import article_from_text
from ui.app import focus_first_hard_word
from ui.gloss_card import note_card_lines
from ui.main_window import MainWindow
from ui.reader import ReaderView

TEXT = ("De gemeente Utrecht wil een viaduct bouwen. Mark Rutte noemt het viaduct een "
        "ambitieus plan. De provincie Gelderland betaalt de helft.")
HARD = {"viaduct": Level.C1, "ambitieus": Level.C1}


def _service() -> FakeService:
    article = article_from_text(TEXT)
    start = TEXT.index("Mark Rutte")
    rutte = Note("rutte", "Mark Rutte", Category.PERSON,
                 (Mention(start, start + len("Mark Rutte"), "Mark Rutte"),),
                 description="Dutch politician, prime minister from 2010 to 2024.")
    bare = Note("gelderland", "Gelderland", Category.PLACE,
                note("g", "Gelderland", Category.PLACE, "", article).mentions)  # no background
    notes = (note("utrecht", "Utrecht", Category.PLACE, "A city in the Netherlands.", article),
             rutte, bare)
    return FakeService(HARD, entities=[("Utrecht", Category.PLACE), ("Mark Rutte", Category.PERSON),
                                       ("Gelderland", Category.PLACE)], notes=notes)


def _window(qtbot: QtBot, make_window: WindowFactory, settings: str = "settings.ini") -> MainWindow:
    window = make_window(_service(), settings_name=settings)
    window.session.open_text(TEXT)
    activate(qtbot, window)
    return window


def _token(window: MainWindow, text: str) -> int:
    reading = window.session.reading
    assert reading is not None
    return next(t.index for t in reading.analysed.tokens if t.text == text)


def _rest(window: MainWindow, text: str,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    reader = window.reader
    reader.rest_at(reader.token_center(_token(window, text)), modifiers)


def test_resting_on_a_name_shows_its_note_as_a_card(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    reader = window.reader
    _rest(window, "Utrecht")
    assert reader.card.isVisible() and reader.card.note is not None
    assert reader.card.note.key == "utrecht"
    assert reader.card.plain_text().splitlines() == ["Utrecht", "place",
                                                     "A city in the Netherlands."]
    # Its name is highlighted as a card's word is.
    start = TEXT.index("Utrecht")
    assert reader.drawn_ranges()["phrase"] == [reader.document_range(start, start + 7)]
    # Over both words of a name the card stays; on another word it goes.
    _rest(window, "Mark")
    assert reader.card.note is not None and reader.card.note.key == "rutte"
    QTest.mouseMove(reader.viewport(), reader.token_center(_token(window, "Rutte")))
    assert reader.card.isVisible() and reader.card.note.key == "rutte"
    QTest.mouseMove(reader.viewport(), reader.token_center(_token(window, "noemt")))
    assert not reader.card.isVisible()
    # A hard word still shows its gloss, not a note.
    _rest(window, "ambitieus")
    assert reader.card.isVisible() and reader.card.note is None
    assert reader.card.card is not None


def test_a_name_without_background_or_an_easy_word_shows_nothing(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    _rest(window, "Gelderland")
    assert not window.reader.card.isVisible()
    _rest(window, "gemeente")
    assert not window.reader.card.isVisible()


def test_legend_chips_toggle_their_category(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window)
    reader, legend = window.reader, window.legend
    places = [reader.document_range(TEXT.index(n), TEXT.index(n) + len(n))
              for n in ("Utrecht", "Gelderland")]
    person = reader.document_range(TEXT.index("Mark Rutte"), TEXT.index("Mark Rutte") + 10)
    assert set(reader.marked_ranges()["entity"]) == {*places, person}
    chip = legend.chip(Category.PLACE)
    assert chip.isCheckable() and chip.isChecked()
    QTest.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert not chip.isChecked() and legend.hidden() == {Category.PLACE}
    assert reader.marked_ranges()["entity"] == [person]
    assert "line-through" in chip.styleSheet() and "dashed" in chip.styleSheet()
    # A hidden name shows no card unless the modifier asks for any word's.
    _rest(window, "Utrecht")
    assert not reader.card.isVisible()
    _rest(window, "Utrecht", Qt.KeyboardModifier.ControlModifier)
    assert reader.card.note is not None and reader.card.note.key == "utrecht"
    # The choice is kept for the next start.
    window.save_settings()
    again = _window(qtbot, make_window)
    assert again.legend.hidden() == {Category.PLACE}
    assert again.reader.hidden_categories == {Category.PLACE}
    # The chip is a toggle on the keyboard too: Space switches the highlighting back on.
    chip.setFocus()
    QTest.keyClick(chip, Qt.Key.Key_Space)
    assert chip.isChecked() and set(reader.marked_ranges()["entity"]) == {*places, person}
    assert "line-through" not in chip.styleSheet()


def test_a_name_cards_source_is_its_host() -> None:
    wiki = Note("x", "Utrecht", Category.PLACE, (), description="A city.",
                source="https://nl.wikipedia.org/wiki/Utrecht",
                attribution="https://nl.wikipedia.org/wiki/Utrecht")
    assert note_card_lines(wiki)[-1] == ("source", "nl.wikipedia.org")
    offline = Note("y", "Utrecht", Category.PLACE, (), description="A city.")
    assert [style for style, _text in note_card_lines(offline)] == ["form", "meta", "sense"]


def test_tab_reaches_names_and_shows_their_cards_as_a_rest_does(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window(qtbot, make_window)
    reader = window.reader
    reader.setFocus()

    def walk() -> list[tuple[str, str | None]]:
        """Tab to the end: each stop's word and the note its card shows (None: a gloss)."""
        reader.clear_focus_token()
        reader.verticalScrollBar().setValue(0)
        stops: list[tuple[str, str | None]] = []
        while reader.move_focus(True) is not None:
            assert reader.card.isVisible() and reader.card.token_index == reader.focus_token
            note_shown = reader.card.note
            assert (note_shown is None) == (reader.card.card is not None)
            stops.append((reader.reading.analysed.tokens[reader.focus_token].text,
                          note_shown.key if note_shown is not None else None))
        return stops

    # Names with a note are stops (a name once, at its first word); Gelderland has no
    # background, so no card and no stop; hard words keep their gloss.
    assert walk() == [("Utrecht", "utrecht"), ("viaduct", None), ("Mark", "rutte"),
                      ("viaduct", None), ("ambitieus", None)]
    # The Tab key itself: a name's card opens, its whole name wears the focus ring.
    reader.clear_focus_token()
    reader.verticalScrollBar().setValue(0)
    QTest.keyClick(reader, Qt.Key.Key_Tab)
    QTest.keyClick(reader, Qt.Key.Key_Tab)
    QTest.keyClick(reader, Qt.Key.Key_Tab)
    assert reader.card.note is not None and reader.card.note.key == "rutte"
    start = TEXT.index("Mark Rutte")
    assert reader.drawn_ranges()["focus"] == [reader.document_range(start, start + 10)]
    QTest.keyClick(reader, Qt.Key.Key_Tab)  # "Rutte" is passed over: the next viaduct
    assert reader.card.note is None and reader.lemma_of(reader.focus_token or 0) == "viaduct"
    QTest.keyClick(reader, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert reader.card.note is not None and reader.card.note.key == "rutte"
    assert reader.focus_token == _token(window, "Mark")
    # A category switched off in the legend, or names not highlighted: no stop there.
    QTest.mouseClick(window.legend.chip(Category.PLACE), Qt.MouseButton.LeftButton)
    assert [text for text, _key in walk()] == ["viaduct", "Mark", "viaduct", "ambitieus"]
    reader.set_show_entities(False)
    assert walk() == [("viaduct", None), ("viaduct", None), ("ambitieus", None)]
    # The screenshots' gloss card is on the first hard word, past a name before it.
    reader.set_show_entities(True)
    assert focus_first_hard_word(reader) == _token(window, "viaduct")
    assert reader.card.card is not None


ORIGIN_TEXT = ("De Utrechtse Dakendagen trekken bezoekers uit Rotterdam en de Russische "
               "ambassade kijkt toe.")


def _origin_reader(qtbot: QtBot) -> ReaderView:
    """'Utrechtse' (a city's adjective, a group the tagger calls ADJ, with Utrecht's note),
    'Russische' (a nationality adjective) and 'Rotterdam' (a place with a note)."""
    article = article_from_text(ORIGIN_TEXT)
    start = ORIGIN_TEXT.index("Utrechtse")
    utrecht = Note("utrecht", "Utrecht", Category.PLACE,
                   (Mention(start, start + len("Utrechtse"), "Utrechtse"),),
                   description="A city in the Netherlands.")
    rotterdam = note("rotterdam", "Rotterdam", Category.PLACE, "A port city.", article)
    reading = hand_reading(article, entities=[("Utrechtse", Category.GROUP),
                                              ("Rotterdam", Category.PLACE),
                                              ("Russische", Category.GROUP)],
                           notes=(utrecht, rotterdam))
    tokens = tuple(dataclasses.replace(t, pos="ADJ") if t.text in ("Utrechtse", "Russische")
                   else t for t in reading.analysed.tokens)
    reading = dataclasses.replace(reading, analysed=dataclasses.replace(reading.analysed,
                                                                        tokens=tokens))
    view = ReaderView(lambda _r, _i: None)
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_reading(reading)
    return view


def test_the_nationality_switch_hides_a_citys_adjective_its_card_and_its_tab_stop(
    qtbot: QtBot
) -> None:
    view = _origin_reader(qtbot)
    reading = view.reading
    assert reading is not None
    tokens = reading.analysed.tokens

    def at(name: str) -> int:
        return next(t.index for t in tokens if t.text == name)

    def ranged(name: str) -> tuple[int, int]:
        start = ORIGIN_TEXT.index(name)
        return view.document_range(start, start + len(name))

    def stops() -> list[str]:
        view.clear_focus_token()
        found: list[str] = []
        while (index := view.move_focus(True)) is not None:
            found.append(tokens[index].text)
        return found

    # Off (the default): "Utrechtse" is no more a name than "Russische": no mark, card or stop.
    assert not view.show_nationalities
    assert view.marked_ranges()["entity"] == [ranged("Rotterdam")]
    view.rest_at(view.token_center(at("Utrechtse")), Qt.KeyboardModifier.NoModifier)
    assert not view.card.isVisible()
    assert stops() == ["Rotterdam"]
    # The modifier still shows any word's card.
    view.rest_at(view.token_center(at("Utrechtse")), Qt.KeyboardModifier.ControlModifier)
    assert view.card.note is not None and view.card.note.key == "utrecht"
    view.hide_card()
    # On: both adjectives are marked as groups, and the city's adjective has its card and stop.
    view.set_show_nationalities(True)
    assert sorted(view.marked_ranges()["entity"]) == sorted(
        ranged(n) for n in ("Utrechtse", "Rotterdam", "Russische"))
    view.rest_at(view.token_center(at("Utrechtse")), Qt.KeyboardModifier.NoModifier)
    assert view.card.note is not None and view.card.note.key == "utrecht"
    assert stops() == ["Utrechtse", "Rotterdam"]
    # The group chip hides every mark of its category, adjectives included.
    view.set_category_shown(Category.GROUP, False)
    assert view.marked_ranges()["entity"] == [ranged("Rotterdam")]
    assert stops() == ["Rotterdam"]
