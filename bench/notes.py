"""Prints how long the knowledge base takes to load and notes take to build for the sample."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.knowledge.base import KnowledgeBase  # noqa: E402
from assistant.knowledge.subjects import build_notes  # noqa: E402
from assistant.reading.analysis import analyse  # noqa: E402
from assistant.reading.loading import load_article  # noqa: E402

SHARED = Path(os.environ.get("LEESWIJZER_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "000_979833dae2dbd21b.txt"


def main() -> None:
    os.environ.setdefault("LEESWIJZER_OFFLINE", "1")
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    analysed = analyse(load_article(path))
    started = time.perf_counter()
    kb = KnowledgeBase.load()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    notes = build_notes(analysed, kb)
    first_s = time.perf_counter() - started
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        build_notes(analysed, kb)
        runs.append(time.perf_counter() - started)
    known = sum(1 for n in notes if not n.key.startswith("unknown:"))
    print(f"article: {path.name}, {len(analysed.tokens)} tokens, {len(analysed.entities)} entities")
    print(f"knowledge base load (curated + places): {load_s * 1000:.0f} ms, {len(kb)} entries")
    print(f"first build_notes (builds the name matcher): {first_s * 1000:.1f} ms")
    print(
        f"build_notes after the first load: median {statistics.median(runs) * 1000:.2f} ms, "
        f"max {max(runs) * 1000:.2f} ms (goal < 50 ms)"
    )
    print(f"notes: {len(notes)} ({known} with background, {len(notes) - known} unknown)")


if __name__ == "__main__":
    main()
