"""The gloss card: where it goes (below the word's line, else above, inside the viewport) and
what its lines say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize

from assistant.models import PhraseKind
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


@pytest.mark.parametrize(
    ("lemma", "phrase", "phrase_kind", "line"),
    [
        # The joined verb's own card names what it is, not "expression".
        ("toespreken", "toespreken", PhraseKind.SEPARABLE_VERB,
         "separable verb (its parts are highlighted)"),
        ("de schouders ophalen", "de schouders ophalen", PhraseKind.IDIOM,
         "expression (its words are highlighted)"),
        # A word of an idiom whose card is the word's: it names the idiom.
        ("lucht", "uit de lucht vallen", PhraseKind.IDIOM, "part of “uit de lucht vallen”"),
        # Cards built before phrase_kind (None) keep the old wording.
        ("toespreken", "toespreken", None, "expression (its words are highlighted)"),
    ],
)
def test_a_phrase_card_says_what_kind_of_phrase_it_is(
        lemma: str, phrase: str, phrase_kind: PhraseKind | None, line: str) -> None:
    from assistant.models import GlossCard, GlossKind
    from assistant.report import card_to_json
    from ui.gloss_card import card_lines

    found = GlossCard("sprak", lemma, "VERB", GlossKind.PHRASE, ("address",), "FreeDict",
                      phrase=phrase, phrase_kind=phrase_kind)
    assert [text for style, text in card_lines(found) if style == "phrase"] == [line]
    data = card_to_json(found)
    assert data is not None
    assert data["phrase_kind"] == (phrase_kind.value if phrase_kind else None)
    word = GlossCard("sprak", "spreken", "VERB", GlossKind.WORD, ("speak",), "FreeDict")
    assert [style for style, _ in card_lines(word)].count("phrase") == 0
