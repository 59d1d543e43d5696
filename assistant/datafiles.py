"""The one reader of the project's tab-separated data files; errors name the file and line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import DataError


@dataclass(frozen=True, slots=True)
class TsvRow:
    """One data row: its line number in the file and its fields by column name."""

    line: int
    fields: dict[str, str]

    def get(self, column: str) -> str:
        """The field, stripped ('' for a column the file does not have)."""
        return self.fields.get(column, "").strip()


def read_tsv(path: Path, required: Sequence[str] = ()) -> list[TsvRow]:
    """Rows of a UTF-8 tab-separated file whose first line names the columns.

    Blank lines and lines starting with '#' are skipped. Raises DataError naming the file
    (and the line) when it cannot be read, lacks a required column or has a row with another
    number of fields than the header."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"The data file {path.name} could not be read ({error}).") from error
    numbered = [(n, line) for n, line in enumerate(lines, 1)
                if line.strip() and not line.startswith("#")]
    if not numbered:
        raise DataError(f"The data file {path.name} is empty.")
    header_line, header = numbered[0]
    columns = [c.strip() for c in header.split("\t")]
    missing = [c for c in required if c not in columns]
    if missing:
        raise DataError(
            f"The data file {path.name} lacks the column(s) {', '.join(missing)} "
            f"(line {header_line})."
        )
    rows: list[TsvRow] = []
    for number, line in numbered[1:]:
        values = line.split("\t")
        if len(values) != len(columns):
            raise DataError(
                f"Line {number} of the data file {path.name} has {len(values)} fields; "
                f"the header names {len(columns)}."
            )
        rows.append(TsvRow(number, dict(zip(columns, values, strict=True))))
    return rows
