"""Times token → GlossCard over the sample article (cold, warm) and prints the coverage."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.lexicon.glossing import gloss_card  # noqa: E402
from assistant.lexicon.store import Dictionary, default_path  # noqa: E402
from assistant.models import GlossCard, Level  # noqa: E402
from assistant.reading.analysis import analyse  # noqa: E402
from assistant.reading.loading import load_article  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "samples" / "000_979833dae2dbd21b.txt"


def _has_english(card: GlossCard | None) -> bool:
    if card is None:
        return False
    return bool(card.senses) or bool(card.parts and card.parts[-1].senses)


def _times(dictionary: Dictionary, analysed: object, indices: range) -> list[float]:
    out = []
    for index in indices:
        started = time.perf_counter()
        gloss_card(dictionary, analysed, index)  # type: ignore[arg-type]
        out.append((time.perf_counter() - started) * 1000)
    return out


def _describe(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"{name}: median {statistics.median(times):.3f} ms, p99 {p99:.3f} ms, "
            f"max {ordered[-1]:.3f} ms over {len(times)} tokens")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--dictionary", type=Path, default=default_path())
    parser.add_argument("--level", default="B1")
    args = parser.parse_args()

    analysed = analyse(load_article(args.article), Level(args.level))
    started = time.perf_counter()
    dictionary = Dictionary.open(args.dictionary)
    print(f"open: {(time.perf_counter() - started) * 1000:.1f} ms ({args.dictionary})")
    indices = range(len(analysed.tokens))
    print(_describe("cold", _times(dictionary, analysed, indices)))
    warm = [t for _ in range(5) for t in _times(dictionary, analysed, indices)]
    print(_describe("warm", warm))

    hard = [t for t in analysed.tokens if t.hard and t.is_word]
    kinds: Counter[str] = Counter()
    supplement = 0
    missing = []
    for token in hard:
        card = gloss_card(dictionary, analysed, token.index)
        if _has_english(card):
            assert card is not None
            kinds[card.kind.value] += 1
            supplement += card.source.startswith("leeswijzer")
        else:
            missing.append(token.text)
    share = len(hard) - len(missing)
    print(f"coverage at {args.level}: {share}/{len(hard)} hard non-name tokens glossed "
          f"({100 * share / max(1, len(hard)):.1f}%) by step: {dict(kinds)}")
    print(f"hard-token cards led by the Leeswijzer supplement: {supplement}")
    print(f"not glossed: {', '.join(missing) or '-'}")
    all_words = [t for t in analysed.tokens if t.is_word]
    glossed_words = sum(_has_english(gloss_card(dictionary, analysed, t.index)) for t in all_words)
    print(f"all word tokens glossed: {glossed_words}/{len(all_words)}")
    dictionary.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
