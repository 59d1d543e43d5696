"""Prints analyse() speed against raw spaCy on the same text, pipeline load time and memory."""

from __future__ import annotations

import dataclasses
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.models import Article, Level
from assistant.reading.analysis import analyse
from assistant.reading.loading import article_from_text, load_article
from assistant.reading.nlp import get_pipeline

SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "samples" / (
    "000_979833dae2dbd21b.txt")
LONG_WORDS = 50_000


def measure(article: Article, repeats: int) -> tuple[float, float, int]:
    pipeline = get_pipeline()
    spans = [(b.start, b.end) for b in article.blocks]
    texts = [article.text[s:e] for s, e in spans]
    raw_best = app_best = float("inf")
    for _ in range(repeats):  # interleaved, so both see the same machine state
        start = time.perf_counter()
        tokens = pipeline.raw_pipe(texts)
        raw_best = min(raw_best, time.perf_counter() - start)
        start = time.perf_counter()
        analyse(article, Level.B1, pipeline=pipeline)
        app_best = min(app_best, time.perf_counter() - start)
    return raw_best, app_best, tokens


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    start = time.perf_counter()
    pipeline = get_pipeline()
    load_seconds = time.perf_counter() - start
    sample = load_article(path)
    analyse(sample, pipeline=pipeline)  # warm word-frequency tables and caches
    words = len(sample.text.split())
    copies = max(1, LONG_WORDS // words)
    long_text = "\n\n".join(sample.text for _ in range(copies))
    long_article = dataclasses.replace(article_from_text(long_text), date=sample.date)
    print(f"pipeline: {pipeline.info.name} {pipeline.info.version}, loaded in {load_seconds:.2f} s")
    print(f"{'text':<10}{'words':>8}{'raw spaCy w/s':>15}{'analyse w/s':>13}{'ratio':>8}")
    for name, article, repeats in (("sample", sample, 5), ("long", long_article, 2)):
        raw, app, _ = measure(article, repeats)
        n = len(article.text.split())
        print(f"{name:<10}{n:>8}{n / raw:>15,.0f}{n / app:>13,.0f}{app / raw:>8.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
