"""A scripted session that must not crash: 10,000 level changes and 20,000 gloss cards on the
sample (analysed by the worker process), with the time each took and the count of references
to None before and after (a Qt that drops them aborts the app: see the README's Qt pin)."""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "000_979833dae2dbd21b.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--levels", type=int, default=10_000)
    parser.add_argument("--cards", type=int, default=20_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("LEESWIJZER_OFFLINE", "1")
    sys.path.insert(0, str(ROOT))
    from assistant.worker import WorkerConfig, start_worker

    config = WorkerConfig()
    started = start_worker(config)

    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from assistant.learner.known_words import KnownWords
    from assistant.models import Level
    from assistant.service import ReadingAssistant
    from ui.analyser import ProcessAnalyser, WorkerSideService
    from ui.app import create_application, open_window

    app = create_application()
    scratch = tempfile.TemporaryDirectory(prefix="leeswijzer-stress-")
    settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    analyser = ProcessAnalyser(config, started)
    service = WorkerSideService(ReadingAssistant(), analyser)
    window = open_window(service, KnownWords(Path(scratch.name) / "learner.sqlite"), settings,
                         (1280, 820), analyser=analyser)
    session, reader = window.session, window.reader
    loop = QEventLoop()
    session.analysis_finished.connect(loop.quit)
    window.message_bar.shown.connect(loop.quit)
    QTimer.singleShot(300_000, loop.quit)
    session.start(str(args.article))
    loop.exec()
    if session.reading is None:
        print(f"analysis failed: {window.message_bar.text()}")
        return 1

    nones = sys.getrefcount(None)
    levels = itertools.cycle([Level.A1, Level.A2, Level.B1, Level.B2, Level.C1, Level.C2])
    times: list[float] = []
    for _ in range(args.levels):
        began = time.perf_counter()
        session.set_level(next(levels))
        app.processEvents()
        times.append((time.perf_counter() - began) * 1000)
    after_levels = sys.getrefcount(None)
    session.set_level(Level.A1)  # the most hard words to open cards on
    app.processEvents()
    on_screen = [index for index in reader.hard_tokens()
                 if reader.viewport().rect().contains(reader.token_rect(index).center())]
    cards: list[float] = []
    shown = 0
    for index in itertools.islice(itertools.cycle(on_screen), args.cards):
        began = time.perf_counter()
        reader.rest_at(reader.token_rect(index).center(), Qt.KeyboardModifier.NoModifier)
        app.processEvents()
        shown += reader.card.token_index == index
        reader.hide_card()
        cards.append((time.perf_counter() - began) * 1000)
    after_cards = sys.getrefcount(None)

    def p99(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[round(0.99 * (len(ordered) - 1))]

    print(f"{args.levels:,} level changes: median {statistics.median(times):.2f} ms, p99 "
          f"{p99(times):.2f} ms, max {max(times):.1f} ms")
    print(f"{args.cards:,} gloss cards over {len(on_screen)} hard words on screen "
          f"({shown:,} shown): median {statistics.median(cards):.2f} ms, p99 {p99(cards):.2f} ms, "
          f"max {max(cards):.1f} ms")
    print(f"references to None: {nones} before, {after_levels} after the levels, {after_cards} "
          f"after the cards (a drop of thousands would mean the broken Qt)")
    window.close()
    QApplication.processEvents()
    scratch.cleanup()
    print("no crash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
