"""Where the gloss card goes: below the word's line, else above, inside the viewport."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from ui.gloss_card import CARD_MARGIN, place_card

AREA = QRect(0, 0, 800, 600)
SIZE = QSize(340, 120)


def test_below_the_line_left_aligned_with_the_word() -> None:
    anchor = QRect(100, 50, 60, 22)
    point = place_card(SIZE, anchor, AREA)
    assert point.x() == 100
    assert point.y() > anchor.bottom()
    assert point.y() - anchor.bottom() <= 8


def test_above_when_no_room_below() -> None:
    anchor = QRect(100, 540, 60, 22)
    card = QRect(place_card(SIZE, anchor, AREA), SIZE)
    assert card.bottom() < anchor.top()
    assert card.x() == 100
    assert AREA.contains(card)


def test_kept_inside_on_the_right() -> None:
    anchor = QRect(700, 50, 60, 22)
    card = QRect(place_card(SIZE, anchor, AREA), SIZE)
    assert card.right() == AREA.right() - CARD_MARGIN
    assert AREA.contains(card)
    assert not card.intersects(QRect(0, anchor.top(), 800, anchor.height()))


def test_tiny_viewport_keeps_card_inside() -> None:
    area = QRect(0, 0, 400, 150)
    anchor = QRect(20, 70, 60, 22)
    card = QRect(place_card(SIZE, anchor, area), SIZE)
    assert area.top() <= card.top() and card.bottom() <= area.bottom()


def test_a_guessed_gloss_says_so_under_its_senses() -> None:
    from assistant.models import GlossCard, GlossKind, GlossPart
    from ui.gloss_card import card_lines

    guessed = GlossCard("slotfase", "slotfase", "NOUN", GlossKind.COMPOUND, ("final phase",),
                        "FreeDict", parts=(GlossPart("slot", "slot", ("final",)),
                                           GlossPart("fase", "fase", ("phase",))),
                        uncertain="guess: the senses of its parts")
    lines = card_lines(guessed)
    assert lines.index(("muted", "guess: the senses of its parts")) == (
        lines.index(("sense", "final phase")) + 1)
    listed = GlossCard("fase", "fase", "NOUN", GlossKind.WORD, ("phase",), "FreeDict")
    assert [style for style, _ in card_lines(listed)].count("muted") == 0


def test_a_compound_known_only_by_its_parts_says_no_dictionary_has_it_whole() -> None:
    from assistant.models import GlossCard, GlossKind, GlossPart
    from ui.gloss_card import PARTS_ONLY, card_lines

    parts = (GlossPart("pin", "pin", ("pin",)), GlossPart("pas", "pas", ("step",)))
    parts_only = GlossCard("pinpas", "pinpas", "NOUN", GlossKind.COMPOUND, (), "FreeDict",
                           parts=parts)
    lines = card_lines(parts_only)
    assert ("muted", PARTS_ONLY) in lines
    assert ("muted", "No dictionary entry.") not in lines
    assert lines[-2] == ("parts", "compound: pin (pin) + pas (step)")
    composed = GlossCard("pinpas", "pinpas", "NOUN", GlossKind.COMPOUND, ("pin step",),
                         "FreeDict", parts=parts, uncertain="guess: composed from its parts")
    assert ("muted", PARTS_ONLY) not in card_lines(composed)
    phrase = GlossCard("de schouders ophalen", "de schouders ophalen", "VERB",
                       GlossKind.PHRASE, (), "idioms", parts=parts)
    assert ("muted", PARTS_ONLY) not in card_lines(phrase)
