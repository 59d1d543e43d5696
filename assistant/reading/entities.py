"""Named-entity labels of both spaCy schemes mapped to the app's categories."""

from __future__ import annotations

from assistant.models import Category

# Both label schemes: OntoNotes (official nl_core_news_*) and CoNLL (stand-in pipeline).
LABEL_CATEGORIES: dict[str, Category] = {
    "PERSON": Category.PERSON,
    "PER": Category.PERSON,
    "ORG": Category.ORGANISATION,
    "GPE": Category.PLACE,
    "LOC": Category.PLACE,
    "FAC": Category.PLACE,
    "NORP": Category.GROUP,
    "EVENT": Category.EVENT,
    "DATE": Category.DATE,
    "TIME": Category.DATE,
    "MISC": Category.OTHER,
    "PRODUCT": Category.OTHER,
    "WORK_OF_ART": Category.OTHER,
    "LAW": Category.OTHER,
    "LANGUAGE": Category.OTHER,
    "MONEY": Category.OTHER,
}
# Numeric labels add nothing for a reader: numbers are never hard and need no note.
IGNORED_LABELS = frozenset({"CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
# Tokens inside these are names, never words to learn.
NAME_CATEGORIES = frozenset({Category.PERSON, Category.PLACE, Category.ORGANISATION})


def label_category(label: str, text: str = "") -> Category:
    """App category for a spaCy NER label of either scheme."""
    category = LABEL_CATEGORIES.get(label.upper(), Category.OTHER)
    if label.upper() == "MISC" and is_nationality_word(text):
        return Category.GROUP
    return category


def is_nationality_word(text: str) -> bool:
    """CoNLL's MISC holds nationality adjectives ("Russische", "Noord-Koreaanse") beside events
    and titles; the adjectives are single capitalised words with an adjective ending."""
    return " " not in text and text[:1].isupper() and text.endswith(("s", "se", "sch", "sche"))
