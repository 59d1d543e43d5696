"""Importing known words: a plain list, CSV, an Anki notes export (.txt) or an Anki package
(.apkg, read as the zip and SQLite file it is), lemmatised, previewed before anything is written."""

from __future__ import annotations

import csv
import html
import io
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import AssistantError
from assistant.learner.statuses import LearnerView, Status, normalise_lemma

MAX_FILE_BYTES = 100 * 1024 * 1024  # what is read of a list, CSV or package
MAX_COLLECTION_BYTES = 200 * 1024 * 1024  # an .apkg's SQLite collection, unpacked
MAX_ENTRY_CHARS = 60
MAX_ENTRY_WORDS = 6

# Header names of the column that holds the Dutch word, in CSV files from other tools.
WORD_COLUMNS = ("lemma", "word", "woord", "dutch", "nederlands", "term", "front", "voorkant")
ARTICLES = ("de", "het", "een", "'t")
_TAG = re.compile(r"<[^>]*>|\[sound:[^\]]*\]")
_WORD = re.compile(r"'?[^\W\d_]+(?:['-][^\W\d_]+)*")
_ANKI_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|",
                    "colon": ":"}


class LearnerImportError(AssistantError):
    """A file could not be imported (unreadable, too large, not the format it claims)."""


@dataclass(frozen=True, slots=True)
class SkippedRow:
    line: int  # 1-based line (or note) number
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing a file would do; nothing is written until it is applied."""

    path: str
    format: str  # "list", "csv", "anki-notes" or "apkg"
    lemmas: tuple[str, ...]  # every distinct lemma found, in file order
    new: tuple[str, ...]  # those the learner had said nothing about: they become known
    already_known: int
    kept: int  # lemmas with another status (learning, ignored): left as they are
    skipped: tuple[SkippedRow, ...]

    def describe(self) -> str:
        return (f"{len(self.new)} new lemmas ({self.already_known} already known, "
                f"{self.kept} kept with their status, {len(self.skipped)} rows skipped)")


def preview(
    path: Path, view: LearnerView, is_headword: Callable[[str], bool] | None = None
) -> ImportPreview:
    """Read and lemmatise `path`; say which lemmas are new for the learner in `view`.
    `is_headword` (the dictionary's) keeps entries that are lemmas in their own right."""
    path = Path(path)
    kind, entries, skipped = read_entries(path)
    lemmas: list[str] = []
    seen: set[str] = set()
    for lemma in lemmatise(entries, is_headword):
        if lemma not in seen:
            seen.add(lemma)
            lemmas.append(lemma)
    statuses = [view.status(lemma) for lemma in lemmas]
    return ImportPreview(
        path=str(path), format=kind, lemmas=tuple(lemmas),
        new=tuple(lemma for lemma, status in zip(lemmas, statuses, strict=True)
                  if status is Status.NEW),
        already_known=sum(1 for status in statuses if status is Status.KNOWN),
        kept=sum(1 for status in statuses if status not in (Status.NEW, Status.KNOWN)),
        skipped=tuple(skipped),
    )


def lemmatise(
    entries: Iterable[str], is_headword: Callable[[str], bool] | None = None
) -> Iterator[str]:
    """Each entry's lemmas: phrases as they are; a word through simplemma's Dutch table, and
    also as written when the dictionary has it as a headword (simplemma takes "fiets" for a
    form of "fietsen", and "huizen" is a verb as well as the plural of "huis")."""
    from assistant.lexicon.lemmas import dutch_lemmatizer  # its table loads only when needed

    lemmatizer = dutch_lemmatizer()
    for entry in entries:
        if " " in entry:
            yield entry
            continue
        lemma = normalise_lemma(lemmatizer.lemmatize(entry, lang="nl") if lemmatizer else entry)
        if lemma != entry and is_headword is not None and is_headword(entry):
            yield entry
        yield lemma


def read_entries(path: Path) -> tuple[str, list[str], list[SkippedRow]]:
    """The file's format, its cleaned entries and the rows it could not use."""
    suffix = path.suffix.lower()
    if suffix in (".apkg", ".colpkg"):
        return "apkg", *_entries(_apkg_fields(path))
    text = _read_text(path)
    if suffix == ".csv":
        return "csv", *_entries(_csv_fields(text))
    if _looks_like_anki_notes(text):
        return "anki-notes", *_entries(_anki_note_fields(text))
    return "list", *_entries(_list_fields(text))


def clean_entry(raw: str) -> str | None:
    """The Dutch word or phrase in a field ('de <b>fiets</b> (bike)' → 'fiets'); None if there
    is none."""
    text = html.unescape(_TAG.sub(" ", raw))
    if "://" in text or text.lstrip().lower().startswith("www."):
        return None
    text = re.split(r"[(\[{,;/=:]", text, maxsplit=1)[0]
    words = text.replace("’", "'").split()
    while len(words) > 1 and words[0].lower() in ARTICLES:
        words = words[1:]
    cleaned = " ".join(words).strip(" .!?\"«»“”").lower()
    if len(cleaned) > 1 and cleaned[0] == cleaned[-1] == "'":
        cleaned = cleaned[1:-1]
    if not cleaned or len(cleaned) > MAX_ENTRY_CHARS or len(cleaned.split()) > MAX_ENTRY_WORDS:
        return None
    if not all(_WORD.fullmatch(word) for word in cleaned.split()):
        return None
    return cleaned


def _entries(fields: Iterable[tuple[int, str]]) -> tuple[list[str], list[SkippedRow]]:
    entries: list[str] = []
    skipped: list[SkippedRow] = []
    for line, raw in fields:
        if not raw.strip():
            skipped.append(SkippedRow(line, raw, "empty"))
            continue
        entry = clean_entry(raw)
        if entry is None:
            skipped.append(SkippedRow(line, raw[:80], "not a Dutch word or phrase"))
        else:
            entries.append(entry)
    return entries, skipped


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LearnerImportError(
                f"{path.name} is too large to import ({size // 1_000_000} MB; the limit is "
                f"{MAX_FILE_BYTES // 1_000_000} MB).")
        data = path.read_bytes()
    except OSError as error:
        raise LearnerImportError(f"Cannot read {path.name}: {error.strerror or error}.") from error
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LearnerImportError(f"{path.name} is not a text file.")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            if encoding == "utf-8-sig" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
                break
    return data.decode("cp1252", errors="replace")


def _list_fields(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def _csv_fields(text: str) -> Iterator[tuple[int, str]]:
    sample = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    column = 0
    for number, row in enumerate(rows, start=1):
        if number == 1:
            names = [cell.strip().lower() for cell in row]
            found = next((names.index(name) for name in WORD_COLUMNS if name in names), None)
            if found is not None:
                column = found
                continue
        if not any(cell.strip() for cell in row):
            continue
        yield number, row[column] if column < len(row) else ""


def _looks_like_anki_notes(text: str) -> bool:
    head = text[:4096]
    return head.startswith(("#separator:", "#html:", "#notetype", "#deck", "#columns:",
                            "#guid", "#tags")) or "\t" in head


def _anki_note_fields(text: str) -> Iterator[tuple[int, str]]:
    """The first field of each note in Anki's "Notes in plain text" export: '#key:value'
    header lines, then one note per row (quoted when a field holds the separator)."""
    delimiter = "\t"
    meta_columns: set[int] = set()
    lines = text.splitlines(keepends=True)
    first_row = 0
    for first_row, line in enumerate(lines):  # noqa: B007 (first_row is used after the loop)
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "separator":
            delimiter = _ANKI_SEPARATORS.get(value.lower(), value[:1] or "\t")
        elif key in ("guid column", "notetype column", "deck column", "tags column") \
                and value.isdigit():
            meta_columns.add(int(value) - 1)
    else:
        first_row = len(lines)
    body = "".join(lines[first_row:])
    for number, row in enumerate(csv.reader(io.StringIO(body), delimiter=delimiter),
                                 start=first_row + 1):
        fields = [cell for index, cell in enumerate(row) if index not in meta_columns]
        if any(cell.strip() for cell in row):
            yield number, fields[0] if fields else ""


def _apkg_fields(path: Path) -> Iterator[tuple[int, str]]:
    """The first field of every note in an Anki package's collection (legacy SQLite formats;
    Anki 2.1.50+ packages carry it when exported with "Support older Anki versions")."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LearnerImportError(
                f"{path.name} is too large to import ({size // 1_000_000} MB).")
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise LearnerImportError(f"{path.name} is not an Anki package ({error}).") from error
    with archive, tempfile.TemporaryDirectory(prefix="leeswijzer-apkg-") as folder:
        names = set(archive.namelist())
        member = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
        if member is None:
            if "collection.anki21b" in names:
                raise LearnerImportError(
                    f"{path.name} uses Anki's newest package format, which Leeswijzer cannot "
                    "read; export it again with \"Support older Anki versions\" ticked.")
            raise LearnerImportError(f"{path.name} is not an Anki package (no collection).")
        target = Path(folder) / "collection.sqlite"
        _extract_bounded(archive, member, target, path.name)
        notes = _collection_notes(target, path.name)
    if "collection.anki21b" in names and len(notes) == 1 and "update" in notes[0].lower():
        raise LearnerImportError(
            f"{path.name} uses Anki's newest package format, which Leeswijzer cannot read; "
            "export it again with \"Support older Anki versions\" ticked.")
    for number, fields in enumerate(notes, start=1):
        yield number, fields.split("\x1f", 1)[0]


def _extract_bounded(archive: zipfile.ZipFile, member: str, target: Path, name: str) -> None:
    # The size a zip declares can lie: count what is actually unpacked.
    written = 0
    try:
        with archive.open(member) as source, target.open("wb") as sink:
            while chunk := source.read(1 << 20):
                written += len(chunk)
                if written > MAX_COLLECTION_BYTES:
                    raise LearnerImportError(
                        f"{name}'s collection is larger than "
                        f"{MAX_COLLECTION_BYTES // 1_000_000} MB unpacked; not imported.")
                sink.write(chunk)
    except (OSError, zipfile.BadZipFile, EOFError) as error:
        raise LearnerImportError(f"{name} is a damaged Anki package ({error}).") from error


def _collection_notes(path: Path, name: str) -> list[str]:
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise LearnerImportError(f"{name} holds no readable Anki collection ({error}).") \
            from error
    try:
        rows = connection.execute("SELECT flds FROM notes ORDER BY id").fetchall()
    except sqlite3.Error as error:
        raise LearnerImportError(f"{name} holds no readable Anki collection ({error}).") \
            from error
    finally:
        connection.close()
    return [str(row[0]) for row in rows]
