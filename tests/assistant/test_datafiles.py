"""The one TSV reader: columns by name, comments and blank lines skipped, errors naming the file
and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.datafiles import TsvRow, read_tsv
from assistant.errors import DataError


def _file(tmp_path: Path, text: str, name: str = "data.tsv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_rows_by_column_with_their_line_numbers(tmp_path: Path) -> None:
    path = _file(tmp_path, "# a comment\n\nword\tgloss \n\n huis \thouse\n# another\nboom\ttree\n")
    rows = read_tsv(path, required=("word", "gloss"))
    assert rows == [TsvRow(5, {"word": " huis ", "gloss": "house"}),
                    TsvRow(7, {"word": "boom", "gloss": "tree"})]
    assert rows[0].get("word") == "huis" and rows[0].get("missing") == ""


def test_utf8_is_read_whatever_the_locale(tmp_path: Path) -> None:
    path = _file(tmp_path, "woord\nvoorzitterschap\ncafé\nbeëindigen\n")
    assert [row.get("woord") for row in read_tsv(path)] == ["voorzitterschap", "café",
                                                            "beëindigen"]


def test_spaces_inside_fields_are_kept(tmp_path: Path) -> None:
    path = _file(tmp_path, "idiom\tmeaning\nde kat uit de boom kijken\twait and see\n")
    assert read_tsv(path)[0].fields == {"idiom": "de kat uit de boom kijken",
                                        "meaning": "wait and see"}


def test_a_header_alone_has_no_rows(tmp_path: Path) -> None:
    assert read_tsv(_file(tmp_path, "# c\nword\tpos\n"), required=("word",)) == []


@pytest.mark.parametrize(("text", "required", "message"), [
    ("", (), "The data file bad.tsv is empty."),
    ("# only a comment\n\n", (), "The data file bad.tsv is empty."),
    ("word\tpos\nhuis\n", (), "Line 2 of the data file bad.tsv has 1 fields; the header names 2."),
    ("# c\nword\tpos\nhuis\tnoun\nboom\tnoun\textra\n", (),
     "Line 4 of the data file bad.tsv has 3 fields; the header names 2."),
    ("gloss\tpos\nhouse\tnoun\n", ("word", "gloss"),
     "The data file bad.tsv lacks the column(s) word (line 1)."),
    ("# c\n\npos\nnoun\n", ("word", "gloss"),
     "The data file bad.tsv lacks the column(s) word, gloss (line 3)."),
])
def test_errors_name_the_file_and_the_line(tmp_path: Path, text: str, required: tuple[str, ...],
                                           message: str) -> None:
    with pytest.raises(DataError) as caught:
        read_tsv(_file(tmp_path, text, "bad.tsv"), required=required)
    assert caught.value.message == message


def test_unreadable_files_are_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"^The data file missing.tsv could not be read \("):
        read_tsv(tmp_path / "missing.tsv")
    path = tmp_path / "latin1.tsv"
    path.write_bytes("woord\ncaf\xe9\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"latin1\.tsv could not be read"):
        read_tsv(path)
