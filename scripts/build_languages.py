"""Writes resources/languages.npz: py3langid's model cut down to the languages the app reads."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.reading.language import LANGUAGE_MODEL, LANGUAGES, write_language_model
from assistant.resources import resource_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=resource_path(LANGUAGE_MODEL))
    args = parser.parse_args()
    began = time.perf_counter()
    write_language_model(args.output)
    print(f"languages: {', '.join(LANGUAGES)}, {args.output.stat().st_size / 1e6:.1f} MB, "
          f"{time.perf_counter() - began:.1f} s → {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
