"""Wikidata's JSON answers (wbgetentities, wbsearchentities) read into what a note needs: the
item's types, its dated positions held (P39 with start P580 and end P582), its lifetime (birth
P569 and death P570, inception P571 and dissolution P576), and whether it fits a mention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.knowledge.base import fold
from assistant.models import ArticleDate, Category

HUMAN = "Q5"
# Items that are pages about names, not subjects: disambiguations, lists, categories.
NOT_SUBJECTS = frozenset({"Q4167410", "Q13406463", "Q4167836", "Q11266439", "Q22808320"})
# Common classes of places (a mention of a place must be one, or have coordinates).
PLACE_TYPES = frozenset({
    "Q515", "Q1549591", "Q5119", "Q6256", "Q3624078", "Q486972", "Q3957", "Q532", "Q15284",
    "Q2039348", "Q493522", "Q484170", "Q262166", "Q747074", "Q23442", "Q82794", "Q35657",
    "Q10864048", "Q1093829", "Q1637706", "Q200250", "Q34876", "Q7930989", "Q5107",
})
_TIME = re.compile(r"^\+(\d{4})-(\d{2})-(\d{2})T")
_ITEM = re.compile(r"^Q\d+$")
# Wikidata's precisions: 9 year, 10 month, 11 day.
YEAR, MONTH, DAY = 9, 10, 11


@dataclass(frozen=True, slots=True)
class Position:
    """A position held (P39): the position's item and when."""

    item: str
    start: ArticleDate | None
    end: ArticleDate | None


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    types: frozenset[str]
    has_coordinates: bool
    start: ArticleDate | None  # born, founded
    end: ArticleDate | None  # died, dissolved
    positions: tuple[Position, ...]
    enwiki: str | None
    nlwiki: str | None
    description: str | None  # Wikidata's short English description


def parse_time(value: Any) -> ArticleDate | None:
    """A Wikidata time value ({"time": "+1967-02-14T00:00:00Z", "precision": 11}) as a date
    of its precision; None for older precisions, negative years and malformed values."""
    if not isinstance(value, dict):
        return None
    match = _TIME.match(str(value.get("time", "")))
    precision = value.get("precision")
    if match is None or not isinstance(precision, int) or precision < YEAR:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        if precision >= DAY and month and day:
            return ArticleDate.parse(f"{year:04d}-{month:02d}-{day:02d}")
        if precision >= MONTH and month:
            return ArticleDate.parse(f"{year:04d}-{month:02d}")
        return ArticleDate.parse(f"{year:04d}")
    except ValueError:
        return None


def _claims(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    claims = entity.get("claims")
    if not isinstance(claims, dict):
        return []
    values = claims.get(prop)
    if not isinstance(values, list):
        return []
    return [c for c in values if isinstance(c, dict) and c.get("rank") != "deprecated"]


def _value(claim: dict[str, Any]) -> Any:
    snak = claim.get("mainsnak")
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    datavalue = snak.get("datavalue")
    return datavalue.get("value") if isinstance(datavalue, dict) else None


def _item_id(value: Any) -> str | None:
    if isinstance(value, dict):
        item = value.get("id")
        if isinstance(item, str) and _ITEM.match(item):
            return item
    return None


def _first_time(entity: dict[str, Any], *props: str) -> ArticleDate | None:
    for prop in props:
        for claim in _claims(entity, prop):
            date = parse_time(_value(claim))
            if date is not None:
                return date
    return None


def _qualifier_time(claim: dict[str, Any], prop: str) -> ArticleDate | None:
    qualifiers = claim.get("qualifiers")
    if not isinstance(qualifiers, dict) or not isinstance(qualifiers.get(prop), list):
        return None
    for snak in qualifiers[prop]:
        if isinstance(snak, dict) and snak.get("snaktype") == "value":
            datavalue = snak.get("datavalue")
            if isinstance(datavalue, dict):
                date = parse_time(datavalue.get("value"))
                if date is not None:
                    return date
    return None


def _sitelink(entity: dict[str, Any], site: str) -> str | None:
    links = entity.get("sitelinks")
    if isinstance(links, dict) and isinstance(links.get(site), dict):
        title = links[site].get("title")
        if isinstance(title, str) and title.strip():
            return title
    return None


def _text(entity: dict[str, Any], key: str, language: str) -> str | None:
    values = entity.get(key)
    if isinstance(values, dict) and isinstance(values.get(language), dict):
        text = values[language].get("value")
        if isinstance(text, str) and text.strip():
            return " ".join(text.split())
    return None


def parse_item(payload: Any, item_id: str) -> Item | None:
    """The item `item_id` of a wbgetentities answer; None when it is missing or malformed."""
    if not isinstance(payload, dict) or not isinstance(payload.get("entities"), dict):
        return None
    entity = payload["entities"].get(item_id)
    if not isinstance(entity, dict) or "missing" in entity:
        return None
    types = frozenset(t for t in (_item_id(_value(c)) for c in _claims(entity, "P31")) if t)
    positions = []
    for claim in _claims(entity, "P39"):
        position = _item_id(_value(claim))
        if position is not None:
            positions.append(Position(position, _qualifier_time(claim, "P580"),
                                      _qualifier_time(claim, "P582")))
    return Item(
        id=item_id,
        types=types,
        has_coordinates=bool(_claims(entity, "P625")),
        start=_first_time(entity, "P569", "P571", "P580"),
        end=_first_time(entity, "P570", "P576", "P582"),
        positions=tuple(positions),
        enwiki=_sitelink(entity, "enwiki"),
        nlwiki=_sitelink(entity, "nlwiki"),
        description=_text(entity, "descriptions", "en"),
    )


def parse_labels(payload: Any) -> dict[str, str]:
    """Item id → English label (Dutch when there is no English one) of a wbgetentities answer."""
    labels: dict[str, str] = {}
    if not isinstance(payload, dict) or not isinstance(payload.get("entities"), dict):
        return labels
    for item_id, entity in payload["entities"].items():
        if isinstance(entity, dict):
            label = _text(entity, "labels", "en") or _text(entity, "labels", "nl")
            if label is not None and isinstance(item_id, str):
                labels[item_id] = label
    return labels


def fits(item: Item, category: Category) -> bool:
    """Whether the item can be what a mention of this category names: a person is a human, a
    place has coordinates or a place type, nothing else is a human; never a disambiguation."""
    if item.types & NOT_SUBJECTS:
        return False
    human = HUMAN in item.types
    place = bool(item.types & PLACE_TYPES)
    if category is Category.PERSON:
        return human
    if human:
        return False
    if category is Category.PLACE:
        return place or item.has_coordinates
    if category is Category.ORGANISATION:
        return not place
    return category in (Category.EVENT, Category.OTHER)


def search_candidates(payload: Any, name: str, limit: int = 3) -> list[str]:
    """Items of a wbsearchentities answer whose label or matched alias is this very name (any
    case, diacritics, hyphens), disambiguation pages left out; best first."""
    if not isinstance(payload, dict):
        return []
    results = payload.get("search")
    if not isinstance(results, list):
        return []
    wanted = fold(name)
    found: list[str] = []
    for result in results:
        if not isinstance(result, dict) or not isinstance(result.get("id"), str):
            continue
        description = str(result.get("description") or "").lower()
        if "disambiguation" in description or "doorverwijspagina" in description:
            continue
        match = result.get("match")
        texts = [result.get("label")]
        if isinstance(match, dict):
            texts.append(match.get("text"))
        if any(isinstance(t, str) and fold(t) == wanted for t in texts) and _ITEM.match(
            result["id"]
        ):
            found.append(result["id"])
        if len(found) == limit:
            break
    return found
