"""Prints the learner figures: importing 10,000 lemmas, and coverage of a 50,000-word text."""

from __future__ import annotations

import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.learner.coverage import coverage
from assistant.learner.memory import LearnerMemory
from assistant.learner.statuses import Status
from assistant.models import Level
from assistant.reading.analysis import analyse, relevel
from assistant.reading.loading import article_from_text
from assistant.reading.nlp import get_pipeline
from assistant.resources import resource_path

UD = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ud-dutch"
IMPORT_LEMMAS = 10_000
LONG_WORDS = 50_000


def word_list(count: int) -> list[str]:
    """The most frequent Dutch words (wordfreq), letters only: a realistic known-words list."""
    from wordfreq import top_n_list

    words = [w for w in top_n_list("nl", count * 2) if w.isalpha()]
    return words[:count]


def bench_import() -> None:
    import simplemma

    from assistant.lexicon.store import Dictionary

    start = time.perf_counter()
    simplemma.lemmatize("liep", lang="nl")
    table_load = time.perf_counter() - start
    dictionary = Dictionary.open(resource_path("dictionary.sqlite"))
    headwords = lambda word: dictionary.lookup(word) is not None  # noqa: E731 (as main.py)
    words = word_list(IMPORT_LEMMAS)
    for label, is_headword in (("simplemma only", None), ("with dictionary headwords",
                                                          headwords)):
        times = []
        for _ in range(3):
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "known.txt"
                path.write_text("\n".join(words), encoding="utf-8")
                memory = LearnerMemory(Path(folder) / "learner.sqlite")
                memory.open()
                start = time.perf_counter()
                preview = memory.preview_import(path, is_headword)
                new = memory.apply_import(preview)
                times.append(time.perf_counter() - start)
                memory.close()
        print(f"import {len(words):,} words → {new:,} lemmas ({label}): "
              f"median {statistics.median(times):.2f} s (goal < 1 s; simplemma's Dutch table "
              f"loads once before, {table_load:.2f} s)")


def ud_text(words: int) -> str:
    """Sentences of the UD Dutch dev sets (unseen by the pipeline), from the start again when
    both are used up, until `words`; paragraphs of ten sentences, as an article has."""
    sentences = [line[len("# text = "):]
                 for name in ("nl_alpino-ud-dev.conllu", "nl_lassysmall-ud-dev.conllu")
                 for line in (UD / name).read_text(encoding="utf-8").splitlines()
                 if line.startswith("# text = ")]
    chosen: list[str] = []
    count = 0
    while count < words:
        sentence = sentences[len(chosen) % len(sentences)]
        chosen.append(sentence)
        count += len(sentence.split())
    return "\n\n".join(" ".join(chosen[i:i + 10]) for i in range(0, len(chosen), 10))


def bench_coverage() -> None:
    text = ud_text(LONG_WORDS)
    article = article_from_text(text)
    pipeline = get_pipeline()
    start = time.perf_counter()
    analysed = analyse(article, Level.B1, pipeline=pipeline)
    analysis_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        memory = LearnerMemory(Path(folder) / "learner.sqlite")
        hard = sorted({t.lemma for t in analysed.tokens if t.hard})
        # A learner who knows a third of these words and learns another third.
        memory.set_statuses({lemma: Status.KNOWN for lemma in hard[::3]})
        memory.set_statuses({lemma: Status.LEARNING_2 for lemma in hard[1::3]})
        view = memory.view()
        analysed = relevel(analysed, Level.B1, view)
        times = []
        for _ in range(7):
            start = time.perf_counter()
            covered = coverage(analysed, view)
            times.append(time.perf_counter() - start)
        relevels = []
        for _ in range(3):
            start = time.perf_counter()
            relevel(dataclasses.replace(analysed), Level.B2, view)
            relevels.append(time.perf_counter() - start)
        memory.close()
    words = len(text.split())
    print(f"coverage of a {words:,}-word text (UD Dutch dev sets, analysed in "
          f"{analysis_seconds:.1f} s): median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms (goal < 100 ms); {covered.describe()} "
          f"({covered.running_words:,} running words, {len(covered.hard_words):,} hard lemmas)")
    print(f"re-marking it for another level with the learner's statuses: median "
          f"{statistics.median(relevels) * 1000:.0f} ms")


def main() -> None:
    bench_import()
    bench_coverage()


if __name__ == "__main__":
    main()
