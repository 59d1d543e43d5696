"""Writes the libraries' tables cut down or unpacked for a fast start: py3langid's model for the
app's six languages (resources/languages.npz) and simplemma's Dutch table
(resources/simplemma-nl.tsv.z)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.lexicon.lemmas import SIMPLEMMA_TABLE, write_simplemma_table
from assistant.reading.language import LANGUAGE_MODEL, write_language_model
from assistant.resources import resource_path

TABLES = {"languages": (LANGUAGE_MODEL, write_language_model),
          "simplemma": (SIMPLEMMA_TABLE, write_simplemma_table)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("table", choices=sorted(TABLES))
    parser.add_argument("--output", type=Path, help="default: resources/ (its usual name)")
    args = parser.parse_args()
    name, write = TABLES[args.table]
    output = args.output or resource_path(name)
    began = time.perf_counter()
    write(output)
    print(f"{args.table}: {output.stat().st_size / 1e6:.1f} MB, "
          f"{time.perf_counter() - began:.1f} s → {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
