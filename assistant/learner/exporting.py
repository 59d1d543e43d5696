"""Exporting saved words: CSV (UTF-8, header), an Anki package through genanki, and notes sent to
a running Anki through AnkiConnect. Note IDs come from the lemma, so exporting again updates."""

from __future__ import annotations

import csv
import datetime
import html
import json
import os
import re
import tempfile
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.learner.saved import SavedWord

CSV_COLUMNS = ("lemma", "word", "form", "sentence", "gloss", "title", "date", "saved")
DECK_NAME = "Leeswijzer"
MODEL_NAME = "Leeswijzer (Dutch word)"
# Fixed IDs: Anki recognises the deck and note type of a later export as the same ones.
DECK_ID = 2_059_400_110
MODEL_ID = 1_607_392_319
NOTE_FIELDS = ("Lemma", "Word", "Sentence", "Gloss", "Source")
CARD_FRONT = '<div class="word">{{Word}}</div><div class="sentence">{{Sentence}}</div>'
CARD_BACK = ('{{FrontSide}}<hr id="answer"><div class="gloss">{{Gloss}}</div>'
             '<div class="source">{{Source}}</div>')
CARD_CSS = (".card { font-family: sans-serif; font-size: 20px; text-align: center; }\n"
            ".word { font-size: 28px; font-weight: bold; }\n"
            ".sentence { margin-top: 1em; }\n.source { margin-top: 1em; font-size: 14px; "
            "color: #777; }\n")

ANKI_CONNECT_URL = "http://127.0.0.1:8765"
ANKI_CONNECT_VERSION = 6
MAX_RESPONSE_BYTES = 16 * 1024 * 1024


class ExportError(AssistantError):
    """Saved words could not be written or sent."""


def export_csv(words: Sequence[SavedWord], path: Path) -> int:
    """Write `words` to a UTF-8 CSV file with a header; returns how many rows."""
    def write(handle: Any) -> None:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for word in words:
            saved = datetime.datetime.fromtimestamp(word.saved).isoformat(timespec="seconds")
            writer.writerow((word.lemma, word.headword, word.form, word.sentence, word.gloss,
                             word.title or "", word.article_date or "", saved))

    _write_atomically(Path(path), write, text=True)
    return len(words)


def note_guid(lemma: str) -> str:
    """The Anki note's GUID: from the lemma alone, so re-exports update the same note."""
    import genanki

    return str(genanki.guid_for("leeswijzer", lemma))


def emphasised(sentence: str, form: str) -> str:
    """The sentence as HTML (escaped) with each occurrence of the word form in bold."""
    if not form.strip():
        return html.escape(sentence)
    pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", re.IGNORECASE)
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(sentence):
        parts.append(html.escape(sentence[last:match.start()]))
        parts.append(f"<b>{html.escape(match.group())}</b>")
        last = match.end()
    parts.append(html.escape(sentence[last:]))
    return "".join(parts)


def note_fields(word: SavedWord) -> tuple[str, ...]:
    """The note's fields, in NOTE_FIELDS order, as Anki HTML."""
    source = ", ".join(part for part in (word.title, word.article_date) if part)
    return (html.escape(word.lemma), html.escape(word.headword),
            emphasised(word.sentence, word.form), html.escape(word.gloss), html.escape(source))


def export_apkg(words: Sequence[SavedWord], path: Path, deck_name: str = DECK_NAME) -> int:
    """Write an Anki package of `words` (one note per lemma, stable GUIDs); returns the count."""
    import genanki

    model = genanki.Model(
        MODEL_ID, MODEL_NAME, fields=[{"name": name} for name in NOTE_FIELDS],
        templates=[{"name": "Dutch → English", "qfmt": CARD_FRONT, "afmt": CARD_BACK}],
        css=CARD_CSS,
    )
    deck = genanki.Deck(DECK_ID, deck_name)
    for word in words:
        deck.add_note(genanki.Note(model=model, fields=list(note_fields(word)),
                                   guid=note_guid(word.lemma)))
    package = genanki.Package(deck)
    _write_atomically(Path(path), lambda name: package.write_to_file(name), text=False)
    return len(words)


def _write_atomically(path: Path, write: Any, *, text: bool) -> None:
    """Write next to `path` and rename over it: an interrupted export never leaves half a file."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    except OSError as error:
        raise ExportError(f"Cannot write {path}: {error.strerror or error}.") from error
    try:
        if text:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                write(stream)
        else:
            os.close(handle)
            write(temporary)
        os.replace(temporary, path)
    except OSError as error:
        raise ExportError(f"Cannot write {path}: {error.strerror or error}.") from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


@dataclass(frozen=True, slots=True)
class SendResult:
    added: int
    updated: int


class AnkiConnect:
    """A running Anki with the AnkiConnect add-on, through its documented HTTP API."""

    def __init__(self, url: str = ANKI_CONNECT_URL, timeout: float = 10.0,
                 deck_name: str = DECK_NAME) -> None:
        self._url = url
        self._timeout = timeout
        self._deck = deck_name

    def call(self, action: str, **params: Any) -> Any:
        body = json.dumps({"action": action, "version": ANKI_CONNECT_VERSION,
                           "params": params}).encode()
        request = urllib.request.Request(self._url, data=body,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                raw = response.read(MAX_RESPONSE_BYTES + 1)
        except (urllib.error.URLError, OSError) as error:
            raise ExportError(
                f"Anki did not answer at {self._url}: is Anki running with the AnkiConnect "
                f"add-on? ({error})") from error
        if len(raw) > MAX_RESPONSE_BYTES:
            raise ExportError("AnkiConnect's answer was too large.")
        try:
            answer = json.loads(raw)
        except ValueError as error:
            raise ExportError("AnkiConnect's answer was not JSON.") from error
        if not isinstance(answer, dict) or set(answer) != {"result", "error"}:
            raise ExportError("AnkiConnect's answer was not in the expected form.")
        if answer["error"] is not None:
            raise ExportError(f"AnkiConnect refused {action}: {answer['error']}")
        return answer["result"]

    def send(self, words: Sequence[SavedWord]) -> SendResult:
        """Add new notes and update the notes of lemmas sent before (matched by Lemma)."""
        self.call("version")
        self.call("createDeck", deck=self._deck)
        if MODEL_NAME not in self.call("modelNames"):
            self.call("createModel", modelName=MODEL_NAME, inOrderFields=list(NOTE_FIELDS),
                      css=CARD_CSS, cardTemplates=[
                          {"Name": "Dutch → English", "Front": CARD_FRONT, "Back": CARD_BACK}])
        finds = self.call("multi", actions=[
            {"action": "findNotes",
             "params": {"query": f'"note:{MODEL_NAME}" "Lemma:{_query_text(word.lemma)}"'}}
            for word in words
        ])
        if not isinstance(finds, list) or len(finds) != len(words):
            raise ExportError("AnkiConnect's answer to findNotes was not in the expected form.")
        new: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for word, found in zip(words, finds, strict=True):
            ids = found.get("result") if isinstance(found, dict) else found
            fields = dict(zip(NOTE_FIELDS, note_fields(word), strict=True))
            if ids:
                updates.append({"action": "updateNoteFields",
                                "params": {"note": {"id": ids[0], "fields": fields}}})
            else:
                new.append({"deckName": self._deck, "modelName": MODEL_NAME, "fields": fields,
                            "tags": ["leeswijzer"]})
        if updates:
            self.call("multi", actions=updates)
        added = self.call("addNotes", notes=new) if new else []
        return SendResult(added=sum(1 for note in added if note is not None),
                          updated=len(updates))


def _query_text(text: str) -> str:
    """Text inside an Anki search term: quotes, backslashes and wildcards escaped."""
    return re.sub(r'([\\"*_:()])', r"\\\1", text)
