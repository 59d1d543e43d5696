"""Exporting saved words: CSV, an Anki package with stable note IDs, AnkiConnect."""

from __future__ import annotations

import contextlib
import csv
import json
import sqlite3
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assistant.learner.exporting import (
    CSV_COLUMNS,
    MODEL_ID,
    MODEL_NAME,
    AnkiConnect,
    ExportError,
    emphasised,
    export_apkg,
    export_csv,
    note_guid,
)
from assistant.learner.saved import SavedWord

WORDS = [
    SavedWord("fiets", "fietsen", "Wij fietsen naar Fietsenstad, fietsen!", "bike", "de",
              "Op de fiets", "2023-09", "a.txt", 1_700_000_000.0),
    SavedWord("reünie", "reünie", "Een <script>reünie</script> & meer.", "reunion", "de/het",
              None, None, None, 1_700_000_100.0),
    SavedWord("uit de lucht vallen", "viel", "Het viel uit de lucht.", "to come out of the blue",
              None, "Titel", "2024-01-02", None, 1_700_000_200.0),
]


@pytest.mark.parametrize(("sentence", "form", "html"), [
    ("Wij fietsen, fietsen!", "fietsen", "Wij <b>fietsen</b>, <b>fietsen</b>!"),
    ("Fietsenstad fietsen", "fietsen", "Fietsenstad <b>fietsen</b>"),
    ("De Fiets.", "fiets", "De <b>Fiets</b>."),
    ("a < b & c", "b", "a &lt; <b>b</b> &amp; c"),
    ("Geen vorm hier.", "", "Geen vorm hier."),
])
def test_emphasised(sentence: str, form: str, html: str) -> None:
    assert emphasised(sentence, form) == html


def test_csv_export_is_utf8_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "woorden.csv"
    assert export_csv(WORDS, path) == 3
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["word"] == "de fiets" and rows[0]["date"] == "2023-09"
    assert rows[1]["lemma"] == "reünie" and rows[1]["sentence"].startswith("Een <script>")
    assert rows[2]["word"] == "uit de lucht vallen" and rows[2]["title"] == "Titel"
    assert rows[0]["saved"].startswith("2023-11-1")


def package_notes(path: Path, folder: Path) -> list[tuple[str, int, list[str]]]:
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", folder)
    with contextlib.closing(sqlite3.connect(folder / "collection.anki2")) as collection:
        rows = collection.execute("SELECT guid, mid, flds FROM notes ORDER BY sfld").fetchall()
    return [(guid, mid, flds.split("\x1f")) for guid, mid, flds in rows]


def test_apkg_export_has_the_notes_with_stable_ids(tmp_path: Path) -> None:
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert export_apkg(WORDS, first) == 3
    notes = package_notes(first, tmp_path / "one")
    assert [fields[0] for _, _, fields in notes] == ["fiets", "reünie", "uit de lucht vallen"]
    assert all(mid == MODEL_ID for _, mid, _ in notes)
    _lemma, word, sentence, gloss, source = notes[0][2]
    assert word == "de fiets" and gloss == "bike" and source == "Op de fiets, 2023-09"
    assert sentence == "Wij <b>fietsen</b> naar Fietsenstad, <b>fietsen</b>!"
    assert "<script>" not in notes[1][2][2] and "&lt;script&gt;" in notes[1][2][2]
    assert notes[1][2][1] == "de/het reünie"
    # Exporting again (one word changed) gives the same note IDs: Anki updates, not duplicates.
    changed = [WORDS[0], WORDS[1], SavedWord("uit de lucht vallen", "viel", "Anders.", "new")]
    export_apkg(changed, second)
    again = package_notes(second, tmp_path / "two")
    assert [guid for guid, _, _ in again] == [guid for guid, _, _ in notes]
    assert [guid for guid, _, _ in notes] == [note_guid(w.lemma) for w in WORDS]
    assert len({guid for guid, _, _ in notes}) == 3


class FakeAnki:
    """Just enough of AnkiConnect's documented actions (version 6)."""

    def __init__(self) -> None:
        self.models: list[str] = ["Basic"]
        self.decks: list[str] = ["Default"]
        self.notes: dict[int, dict[str, Any]] = {}
        self.actions: list[str] = []

    def handle(self, action: str, params: dict[str, Any]) -> Any:
        self.actions.append(action)
        if action == "version":
            return 6
        if action == "createDeck":
            self.decks.append(params["deck"])
            return 1
        if action == "modelNames":
            return self.models
        if action == "createModel":
            assert params["inOrderFields"][0] == "Lemma"
            self.models.append(params["modelName"])
            return {}
        if action == "multi":
            return [{"result": self.handle(a["action"], a.get("params", {})), "error": None}
                    for a in params["actions"]]
        if action == "findNotes":
            lemma = params["query"].split('"Lemma:', 1)[1].rstrip('"').replace("\\", "")
            return [i for i, note in self.notes.items() if note["fields"]["Lemma"] == lemma]
        if action == "addNotes":
            ids = []
            for note in params["notes"]:
                self.notes[len(self.notes) + 1] = note
                ids.append(len(self.notes))
            return ids
        if action == "updateNoteFields":
            self.notes[params["note"]["id"]]["fields"] = params["note"]["fields"]
            return None
        raise ValueError(f"unsupported action {action}")


@contextlib.contextmanager
def anki_server(anki: FakeAnki, broken: bool = False) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            assert request["version"] == 6
            if broken:
                answer = {"result": None, "error": "collection is not available"}
            else:
                answer = {"result": anki.handle(request["action"], request.get("params", {})),
                          "error": None}
            body = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # shutdown() waits for the poll: 0.5 s by default, at every test's end
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_anki_connect_adds_then_updates() -> None:
    anki = FakeAnki()
    with anki_server(anki) as url:
        client = AnkiConnect(url, timeout=10)
        first = client.send(WORDS)
        assert (first.added, first.updated) == (3, 0)
        assert anki.actions.count("createModel") == 1 and MODEL_NAME in anki.models
        assert "Leeswijzer" in anki.decks
        changed = [WORDS[0], SavedWord("uit de lucht vallen", "viel", "Anders.", "new gloss")]
        second = client.send(changed)
    assert (second.added, second.updated) == (0, 2)
    assert anki.actions.count("createModel") == 1
    assert len(anki.notes) == 3
    lucht = next(n for n in anki.notes.values() if n["fields"]["Lemma"] == "uit de lucht vallen")
    assert lucht["fields"]["Gloss"] == "new gloss" and lucht["modelName"] == MODEL_NAME
    fiets = next(n for n in anki.notes.values() if n["fields"]["Lemma"] == "fiets")
    assert fiets["fields"]["Sentence"].count("<b>fietsen</b>") == 2


def test_anki_connect_errors_are_clear() -> None:
    with anki_server(FakeAnki(), broken=True) as url, pytest.raises(
        ExportError, match="collection is not available"
    ):
        AnkiConnect(url, timeout=10).send(WORDS)
    with anki_server(FakeAnki()) as url:
        pass  # the server is gone now: nothing listens on its port
    with pytest.raises(ExportError, match="is Anki running"):
        AnkiConnect(url, timeout=10).send(WORDS)


def test_export_to_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Cannot write"):
        export_csv(WORDS, tmp_path / "nowhere" / "w.csv")
    with pytest.raises(ExportError, match="Cannot write"):
        export_apkg(WORDS, tmp_path / "nowhere" / "w.apkg")
