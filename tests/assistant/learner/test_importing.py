"""Importing known words from a list, CSV, an Anki notes export and an Anki package: lemmatised,
previewed before anything is written, bad rows skipped and counted."""

from __future__ import annotations

import contextlib
import sqlite3
import zipfile
from pathlib import Path

import pytest

from assistant.learner import importing
from assistant.learner.exporting import export_apkg
from assistant.learner.importing import LearnerImportError, clean_entry
from assistant.learner.memory import LearnerMemory
from assistant.learner.saved import SavedWord
from assistant.learner.statuses import Status

# Headwords of a dictionary: they are kept as written, other forms are lemmatised.
HEADWORDS = {"fiets", "huis", "kind", "boom", "lopen", "café", "reünie"}.__contains__


@pytest.mark.parametrize(("raw", "entry"), [
    ("fiets", "fiets"),
    ("  Huizen ", "huizen"),
    ("de <b>fiets</b>", "fiets"),
    ("het huis (house)", "huis"),
    ("lopen, liep, gelopen", "lopen"),
    ("uit de lucht vallen", "uit de lucht vallen"),
    ("&quot;café&quot;", "café"),
    ("'s-Hertogenbosch", "'s-hertogenbosch"),
    ("'fiets'", "fiets"),
    ("zo'n", "zo'n"),
    ("e-mail", "e-mail"),
    ("12345", None),
    ("http://example.org", None),
    ("<img src='x.png'>", None),
    ("[sound:fiets.mp3]", None),
    ("een heel erg lange zin met veel te veel woorden", None),
    ("x" * 61, None),
])
def test_clean_entry(raw: str, entry: str | None) -> None:
    assert clean_entry(raw) == entry


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding, newline="")
    return path


def test_plain_list_lemmatised_with_bad_rows(tmp_path: Path, memory: LearnerMemory) -> None:
    path = write(tmp_path / "woorden.txt",
                 "fiets\nhuizen\n\n# a comment\n12345\nliep\nhttp://x.nl\nfiets\nkinderen\n")
    preview = memory.preview_import(path, HEADWORDS)
    assert preview.format == "list"
    assert preview.lemmas == ("fiets", "fietsen", "huis", "lopen", "kind")
    assert [row.text for row in preview.skipped] == ["12345", "http://x.nl"]
    assert [row.line for row in preview.skipped] == [5, 7]
    assert memory.known_lemmas() == []  # a preview writes nothing
    assert memory.apply_import(preview) == 5
    assert memory.known_lemmas() == ["fiets", "fietsen", "huis", "kind", "lopen"]


def test_preview_counts_what_is_new_and_keeps_other_statuses(tmp_path: Path,
                                                             memory: LearnerMemory) -> None:
    memory.set_statuses({"fiets": Status.KNOWN, "fietsen": Status.KNOWN})
    memory.set_status("huis", Status.LEARNING_2)
    path = write(tmp_path / "woorden.txt", "fiets\nhuis\nboom\n")
    preview = memory.preview_import(path, HEADWORDS)
    assert preview.new == ("boom",)
    assert (preview.already_known, preview.kept) == (2, 1)
    assert preview.describe().startswith("1 new lemmas")
    memory.apply_import(preview)
    assert memory.status("huis") is Status.LEARNING_2
    assert memory.status("boom") is Status.KNOWN
    memory.undo()  # an import is one action
    assert memory.status("boom") is Status.NEW and memory.status("fiets") is Status.KNOWN


@pytest.mark.parametrize(("text", "expected"), [
    ("word,english\nfiets,bike\nhuizen,houses\n,empty\n42,number\n", ("fiets", "fietsen", "huis")),
    ("English;Woord\nbike;fiets\nhouses;\"huizen\"\n", ("fiets", "fietsen", "huis")),
    ("fiets\tbike\nhuizen\thouses\n", ("fiets", "fietsen", "huis")),
    ("fiets,bike\n\"de boom, groot\",tree\n", ("fiets", "fietsen", "boom")),
])
def test_csv_files(tmp_path: Path, memory: LearnerMemory, text: str,
                   expected: tuple[str, ...]) -> None:
    preview = memory.preview_import(write(tmp_path / "woorden.csv", text), HEADWORDS)
    assert preview.format == "csv"
    assert preview.lemmas == expected


def test_csv_bad_rows_are_skipped_with_their_line(tmp_path: Path, memory: LearnerMemory) -> None:
    path = write(tmp_path / "woorden.csv", "word,english\nfiets,bike\n,nothing\n42,number\n")
    preview = memory.preview_import(path, HEADWORDS)
    assert [(row.line, row.reason) for row in preview.skipped] == [
        (3, "empty"), (4, "not a Dutch word or phrase")]


def test_cp1252_text_is_read(tmp_path: Path, memory: LearnerMemory) -> None:
    path = write(tmp_path / "woorden.txt", "café\nreünie\n", encoding="cp1252")
    assert memory.preview_import(path, HEADWORDS).lemmas == ("café", "reünie")


def test_anki_notes_export_with_headers(tmp_path: Path, memory: LearnerMemory) -> None:
    text = ("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
            "abc\tBasic\tNederlands\tde <b>fiets</b>\tbike\n"
            "def\tBasic\tNederlands\t\"het huis; de woning\"\thouse\n"
            "ghi\tBasic\tNederlands\t<img src=\"a.png\">\tpicture\n"
            "jkl\tBasic\tNederlands\t\tnothing\n")
    preview = memory.preview_import(write(tmp_path / "notes.txt", text), HEADWORDS)
    assert preview.format == "anki-notes"
    assert preview.lemmas == ("fiets", "fietsen", "huis")
    assert [row.line for row in preview.skipped] == [8, 9]


def test_old_anki_export_without_headers(tmp_path: Path, memory: LearnerMemory) -> None:
    preview = memory.preview_import(write(tmp_path / "notes.txt", "huizen\thouses\nliep\twalked\n"))
    assert preview.format == "anki-notes" and preview.lemmas == ("huis", "lopen")


def test_a_headword_is_kept_beside_simplemmas_lemma(tmp_path: Path,
                                                     memory: LearnerMemory) -> None:
    # simplemma reads "fiets" as a form of the verb "fietsen"; the dictionary has both.
    preview = memory.preview_import(write(tmp_path / "w.txt", "fiets\nkind\n"), HEADWORDS)
    assert preview.lemmas == ("fiets", "fietsen", "kind")


def test_without_a_dictionary_simplemma_lemmatises_every_word(tmp_path: Path,
                                                              memory: LearnerMemory) -> None:
    preview = memory.preview_import(write(tmp_path / "w.txt", "huizen\nliep\nkinderen\n"))
    assert preview.lemmas == ("huis", "lopen", "kind")


def make_apkg(path: Path, fields: list[str], extra: dict[str, bytes] | None = None,
              member: str = "collection.anki2") -> Path:
    database = path.with_suffix(".db")
    with contextlib.closing(sqlite3.connect(database)) as collection:
        collection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, flds TEXT)")
        collection.executemany("INSERT INTO notes (id, guid, flds) VALUES (?, ?, ?)",
                               [(n, f"g{n}", f) for n, f in enumerate(fields)])
        collection.commit()
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(database, member)
        archive.writestr("media", "{}")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    database.unlink()
    return path


def test_anki_package_first_fields(tmp_path: Path, memory: LearnerMemory) -> None:
    path = make_apkg(tmp_path / "deck.apkg",
                     ["de fiets\x1fbike", "<div>huizen</div>\x1fhouses", "\x1fempty",
                      "123\x1fnumber"])
    preview = memory.preview_import(path, HEADWORDS)
    assert preview.format == "apkg"
    assert preview.lemmas == ("fiets", "fietsen", "huis")
    assert [row.line for row in preview.skipped] == [3, 4]


def test_a_package_leeswijzer_exported_imports_back(tmp_path: Path,
                                                    memory: LearnerMemory) -> None:
    words = [SavedWord("fiets", "fietsen", "Wij fietsen.", "bike", "de"),
             SavedWord("uit de lucht vallen", "viel", "Het viel uit de lucht.", "out of the blue")]
    export_apkg(words, tmp_path / "mine.apkg")
    preview = memory.preview_import(tmp_path / "mine.apkg", HEADWORDS)
    assert preview.lemmas == ("fiets", "fietsen", "uit de lucht vallen")


@pytest.mark.parametrize(("case", "message"), [
    ("not a zip", "not an Anki package"),
    ("no collection", "no collection"),
    ("newest format", "Support older Anki versions"),
    ("newest format with stub", "Support older Anki versions"),
    ("not sqlite", "no readable Anki collection"),
])
def test_bad_packages_are_refused_clearly(tmp_path: Path, memory: LearnerMemory, case: str,
                                          message: str) -> None:
    path = tmp_path / "deck.apkg"
    if case == "not a zip":
        path.write_bytes(b"PK? no" * 100)
    elif case == "no collection":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("media", "{}")
    elif case == "newest format":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd zstd")
    elif case == "newest format with stub":
        make_apkg(path, ["Please update to the latest Anki version, then import the .colpkg/"
                         ".apkg file again.\x1f"], {"collection.anki21b": b"zstd"})
    else:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("collection.anki2", b"not a database" * 100)
    with pytest.raises(LearnerImportError, match=message) as caught:
        memory.preview_import(path, HEADWORDS)
    assert "deck.apkg" in caught.value.message


def test_a_package_larger_than_the_limit_unpacked_is_refused(
    tmp_path: Path, memory: LearnerMemory, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_apkg(tmp_path / "deck.apkg", [f"woord{n}\x1f" + "x" * 1000 for n in range(200)])
    monkeypatch.setattr(importing, "MAX_COLLECTION_BYTES", 50_000)
    with pytest.raises(LearnerImportError, match="larger than"):
        memory.preview_import(path, HEADWORDS)


def test_missing_binary_and_too_large_files(tmp_path: Path, memory: LearnerMemory,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(LearnerImportError, match=r"ontbreekt\.txt"):
        memory.preview_import(tmp_path / "ontbreekt.txt")
    binary = tmp_path / "plaatje.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00" * 10)
    with pytest.raises(LearnerImportError, match="not a text file"):
        memory.preview_import(binary)
    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 10)
    with pytest.raises(LearnerImportError, match="too large"):
        memory.preview_import(write(tmp_path / "groot.txt", "fiets\n" * 10))
