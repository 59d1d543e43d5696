"""Plain JSON-ready views of a Reading, for the command line and scripts (a public interface)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, TextIO

from assistant import wording
from assistant.learner.coverage import Coverage
from assistant.models import (
    AnalysedArticle,
    ArticleDate,
    GlossCard,
    Note,
    Reading,
    RoleStatus,
    TimeExpression,
    TimeValue,
    Token,
)
from assistant.service import ReadingAssistant


def reading_to_json(reading: Reading, assistant: ReadingAssistant,
                    encoded_tokens: Encoded | None = None) -> dict[str, Any]:
    """The `analyze` command's JSON object (see the README for its keys); its `tokens` list
    `encoded_tokens` when given (TokenObjects.finish)."""
    analysed = reading.analysed
    article = analysed.article
    tokens: list[dict[str, Any]] | Encoded = encoded_tokens if encoded_tokens is not None else [
        token_to_json(analysed, token, assistant.gloss(reading, token.index) if token.hard
                      else None)
        for token in analysed.tokens]
    return {
        "source": article.source,
        "date": article.date.iso() if article.date else None,
        "title": article.title,
        "warnings": list(article.warnings),
        "level": analysed.level.value,
        "language": analysed.language,
        "model": {"name": analysed.model.name, "version": analysed.model.version},
        "blocks": [{"kind": b.kind.value, "start": b.start, "end": b.end} for b in article.blocks],
        "tokens": tokens,
        "entities": [
            {"start": e.start, "end": e.end, "text": e.text, "label": e.label,
             "category": e.category.value}
            for e in analysed.entities
        ],
        "notes": [note_to_json(note) for note in reading.notes],
        "times": [time_to_json(time) for time in reading.times],
    }


def token_to_json(analysed: AnalysedArticle, token: Token,
                  card: GlossCard | None) -> dict[str, Any]:
    """One of the `tokens` objects (`card`: the token's gloss card, when it is hard)."""
    item: dict[str, Any] = {
        "start": token.start, "end": token.end, "text": token.text, "lemma": token.lemma,
        "pos": token.pos, "zipf": round(token.zipf, 2), "hard": token.hard,
    }
    if token.phrase is not None:
        phrase = analysed.phrases[token.phrase]
        item["phrase"] = {"lemma": phrase.lemma, "kind": phrase.kind.value}
    if token.language != "nl":
        item["language"] = token.language
    if token.hard:
        item["gloss"] = card_to_json(card)
    return item


class Encoded(str):
    """JSON text already encoded, as write_json would have written it where it stands."""


# The depth of a token object in the analyze JSON: in the `tokens` list of the top object.
TOKEN_DEPTH = 2


class TokenObjects:
    """The analyze JSON's `tokens` list encoded a section at a time as the sections of a long
    text come in (beside the worker processes still analysing the next ones), then mended
    where the whole text makes a token's object differ from the one its section gave: the
    tokens and entities the notes redraw, and cards left out as names (or no longer) once
    the later text is known. Every card reads no further than its own sentence besides
    those (lexicon/glossing.py), so the list is the one the whole reading gives."""

    def __init__(self, gloss: Callable[[Reading, int], GlossCard | None]) -> None:
        self._gloss = gloss  # ReadingAssistant.gloss
        self._objects: list[Encoded] = []
        self._analysed: AnalysedArticle | None = None
        self._carded_as_name: set[int] = set()  # hard tokens whose card was left out as a name

    def add(self, analysed: AnalysedArticle, first: int) -> None:
        """Encode tokens `first`… of the text analysed so far (those before were added)."""
        from assistant.lexicon.glossing import card_names

        if first != len(self._objects):
            raise ValueError(f"tokens from {first} added after {len(self._objects)}")
        reading = Reading(analysed, (), ())
        names = card_names(analysed)
        for token in analysed.tokens[first:]:
            card = None
            if token.hard:
                card = self._gloss(reading, token.index)
                if token.index in names:
                    self._carded_as_name.add(token.index)
            self._objects.append(_encoded(token_to_json(analysed, token, card), TOKEN_DEPTH))
        self._analysed = analysed

    @property
    def started(self) -> bool:
        """Whether a section was added (a short text is read whole, without sections)."""
        return self._analysed is not None

    def finish(self, reading: Reading) -> Encoded:
        """The whole `tokens` list of `reading` (whose sections were all added)."""
        from assistant.lexicon.glossing import card_names

        whole = reading.analysed
        if self._analysed is None or len(self._objects) != len(whole.tokens):
            raise ValueError(f"{len(self._objects)} tokens encoded of {len(whole.tokens)}")
        before, names = self._analysed, card_names(whole)
        for token, old in zip(whole.tokens, before.tokens, strict=True):
            if token is old and not (token.hard and (
                    (token.index in names) != (token.index in self._carded_as_name)
                    or (token.entity is not None
                        and whole.entities[token.entity] != before.entities[token.entity]))):
                continue
            card = self._gloss(reading, token.index) if token.hard else None
            self._objects[token.index] = _encoded(token_to_json(whole, token, card),
                                                  TOKEN_DEPTH)
        return _encoded(self._objects, TOKEN_DEPTH - 1)


def _json_text(value: object, depth: int) -> str:
    """`value` as write_json writes it at `depth`."""
    chunks: list[str] = []
    _encode(value, depth, chunks)
    return "".join(chunks)


def _encoded(value: object, depth: int) -> Encoded:
    """`value` encoded for a place at `depth`, written there as it is."""
    return Encoded(_json_text(value, depth))


def write_json(data: object, stream: TextIO) -> None:
    """`data` as `json.dump(data, stream, ensure_ascii=False, indent=1)` writes it, character
    for character, in a third of the time: json's indented output is written by its pure
    Python encoder, a generator per nested value (2 s of the 37 MB of a 1,000,000-character
    article). What json refuses raises TypeError here too."""
    stream.write(_json_text(data, 0))


_encode_string = json.encoder.encode_basestring  # C where available: ensure_ascii=False's
_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


_SCALARS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _flat_encoder(depth: int) -> Callable[[dict[Any, Any]], str]:
    """json's C encoder for a dict of plain values at `depth`: its separator between items
    holds the indentation of the next (the brackets' own line breaks are added by the caller).
    Made once: JSONEncoder.encode makes it again for every value (twice the time per token)."""
    item_separator = ",\n" + " " * (depth + 1)
    make = json.encoder.c_make_encoder  # type: ignore[attr-defined]
    if make is None:  # no C accelerator: json's own, slower path
        encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False,
                                   separators=(item_separator, ": "))
        return encoder.encode
    chunks = make(None, None, _encode_string, None, ": ", item_separator, False, False, True)
    return lambda value: "".join(chunks(value, 0))


def _key(key: object) -> str:
    """A key that is not a string, as json writes it (a number, true, false or null)."""
    if key is None or isinstance(key, bool | int | float):
        return json.dumps(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _encode(value: object, depth: int, out: list[str]) -> None:
    if isinstance(value, Encoded):
        out.append(value)
    elif isinstance(value, str):
        out.append(_encode_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append("NaN" if value != value else _FLOATS.get(value) or float.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + " " * (depth + 1)
        if all(type(item) in _SCALARS for item in value.values()):  # a token, mostly
            flat = _flat_encoder(depth)(value)
            out.append("{" + inner + flat[1:-1] + "\n" + " " * depth + "}")
            return
        separator = "{" + inner
        for key, item in value.items():
            out.append(separator)
            out.append(_encode_string(key if isinstance(key, str) else _key(key)))
            out.append(": ")
            _encode(item, depth + 1, out)
            separator = "," + inner
        out.append("\n" + " " * depth + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = "\n" + " " * (depth + 1)
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _encode(item, depth + 1, out)
            separator = "," + inner
        out.append("\n" + " " * depth + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def coverage_to_json(covered: Coverage) -> dict[str, object]:
    """The `coverage` object: running words, how many the learner knows, their share, and the
    hard words by frequency (`lemma`, `count`, `zipf`, `step`: 1–4 when being learnt)."""
    return {
        "running_words": covered.running_words,
        "known_words": covered.known_words,
        "share": round(covered.share, 4),
        "hard_words": [{"lemma": h.lemma, "count": h.count, "zipf": h.zipf, "step": h.step}
                       for h in covered.hard_words],
    }


def card_to_json(card: GlossCard | None) -> dict[str, object] | None:
    """A token's `gloss` object (None stays null)."""
    if card is None:
        return None
    return {
        "form": card.form,
        "lemma": card.lemma,
        "pos": card.pos,
        "kind": card.kind.value,
        "senses": list(card.senses),
        "source": card.source,
        "article": card.article,
        "plural": card.plural,
        "principal_parts": card.principal_parts,
        "phrase": card.phrase,
        "phrase_tokens": list(card.phrase_tokens),
        "phrase_kind": card.phrase_kind.value if card.phrase_kind else None,
        "parts": [
            {"text": part.text, "lemma": part.lemma, "senses": list(part.senses)}
            for part in card.parts
        ],
        "uncertain": None if card.single_source else card.uncertain,
        "single_source": card.single_source,
    }


def note_to_json(note: Note) -> dict[str, object]:
    """One of the `notes` objects: `role_at_date` is the English wording of the structured
    `roles` (or, for events, of `timing`), as of `as_of` (null: the article has no date)."""
    return {
        "name": note.name,
        "category": note.category.value,
        "international_name": note.international_name,
        "description": note.description,
        "role_at_date": wording.role_at_date(note),
        "source": note.source,
        "mentions": [[m.start, m.end] for m in note.mentions],
        "key": note.key,
        "as_of": note.as_of.iso() if note.as_of else None,
        "roles": [
            {"role": r.role.role, "organisation": r.role.organisation,
             "from": _iso(r.role.start), "to": _iso(r.role.end) if r.status is not
             RoleStatus.CURRENT else None, "status": r.status.value}
            for r in note.roles
        ],
        "facts": [{"date": f.date.iso(), "text": f.text} for f in note.facts],
        "began": _iso(note.began),
        "ended": _iso(note.ended),
        "timing": note.timing.value if note.timing else None,
        "adjective_mentions": [[m.start, m.end] for m in note.mentions if m.adjective],
    }


def _iso(date: ArticleDate | None) -> str | None:
    return date.iso() if date is not None else None


def time_to_json(time: TimeExpression) -> dict[str, Any]:
    """One of the `times` objects: start, end, text and resolved, its English `description`
    and its structured `value` (null for a pipeline's DATE entity that no rule reads)."""
    return {"start": time.start, "end": time.end, "text": time.text, "resolved": time.resolved,
            "description": wording.time_text(time.value), "value": time_value_to_json(time.value)}


def time_value_to_json(value: TimeValue | None) -> dict[str, Any] | None:
    """A time expression's `value`: kind, first and last (ISO), qualifier, lead, direction,
    weekday (0 = Monday), amount, unit and reference (the article's date it was counted from)."""
    if value is None:
        return None

    def iso(day: ArticleDate | None) -> str | None:
        return day.iso() if day is not None else None

    return {
        "kind": value.kind.value, "first": iso(value.first), "last": iso(value.last),
        "qualifier": value.qualifier.value if value.qualifier is not None else None,
        "lead": value.lead.value if value.lead is not None else None,
        "direction": value.direction.value if value.direction is not None else None,
        "weekday": value.weekday, "amount": value.amount,
        "unit": value.unit.value if value.unit is not None else None,
        "reference": iso(value.reference),
    }


def summary_line(reading: Reading, assistant: ReadingAssistant) -> str:
    """One line: tokens, hard words, glossed, entities, notes."""
    tokens = reading.analysed.tokens
    hard = [t for t in tokens if t.hard]
    glossed = sum(1 for t in hard if assistant.gloss(reading, t.index) is not None)
    return (
        f"{len(tokens)} tokens, {len(hard)} hard words, {glossed} glossed, "
        f"{len(reading.analysed.entities)} entities, {len(reading.notes)} notes, "
        f"{len(reading.times)} time expressions (model {reading.analysed.model.name} "
        f"{reading.analysed.model.version})"
    )
