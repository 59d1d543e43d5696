"""Prints the app's start-up as a learner sees it, each in a fresh process: window shown, first
screen highlighted and the whole sample done, against the language model's load alone."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "000_979833dae2dbd21b.txt"

# Seconds since the kernel started this process (interpreter start-up included).
SINCE_START = """
import os, time
def since_start():
    with open("/proc/self/stat", encoding="ascii") as handle:
        start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime", encoding="ascii") as handle:
        uptime = float(handle.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
"""

PIPELINE_ALONE = SINCE_START + """
import sys
sys.path.insert(0, sys.argv[1])
from assistant.reading.nlp import get_pipeline
get_pipeline()
print(f"{since_start():.3f}")
"""

# The app as main.py starts it (worker process first, then the widgets), watched from inside.
APP = SINCE_START + """
import sys


def watch(app, said):
    # Wraps app.open_window so that `said` gets the times since process start.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    opened = app.open_window

    def watched(*args, **kwargs):
        window = opened(*args, **kwargs)
        session = window.session
        QApplication.processEvents()
        window.repaint()
        said["shown"] = since_start()

        def part(_reading):
            if "first" not in said:
                QApplication.processEvents()  # the reader draws the marks it was given
                window.reader.viewport().repaint()
                if window.reader.drawn_ranges().get("hard"):
                    said["first"] = since_start()

        def finished(_reading):
            window.reader.viewport().repaint()
            said["done"] = since_start()
            said.setdefault("first", said["done"])
            QTimer.singleShot(0, window.close)

        session.reading_progress.connect(part)
        session.analysis_finished.connect(finished)
        session.notice.connect(lambda notice: print("notice:", notice.text, flush=True))
        return window

    app.open_window = watched


# Only here, not at import: the worker process imports this module again (as multiprocessing
# does with a main module), and main.py's own imports at its top are light.
if __name__ == "__main__":
    sys.path.insert(0, sys.argv[1])
    import assistant.worker
    import main

    # The watch is installed once main.py has started the worker: importing ui.app (the
    # widgets) before that would delay the worker, and the model's load, by its import time.
    said = {}
    starting = assistant.worker.start_worker

    def start_then_watch(config):
        started = starting(config)
        import ui.app

        watch(ui.app, said)
        return started

    assistant.worker.start_worker = start_then_watch
    code = main.main(sys.argv[2:])
    keys = ("shown", "first", "done")
    print(" ".join(f"{key}={said.get(key, float('nan')):.3f}" for key in keys))
    sys.exit(code)
"""


def _environment(scratch: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "LEESWIJZER_OFFLINE": "1", "XDG_CONFIG_HOME": str(scratch / "config"),
            "XDG_CACHE_HOME": str(scratch / "cache"), "XDG_DATA_HOME": str(scratch / "data")}


def pipeline_alone(scratch: Path) -> float:
    result = subprocess.run([sys.executable, "-c", PIPELINE_ALONE, str(ROOT)], check=True,
                            capture_output=True, text=True, env=_environment(scratch))
    return float(result.stdout.split()[-1])


def app_start(scratch: Path, article: Path) -> dict[str, float]:
    probe = scratch / "probe.py"
    probe.write_text(APP, encoding="utf-8")
    result = subprocess.run([sys.executable, str(probe), str(ROOT), str(article), "--data-dir",
                             str(scratch / "learner")], capture_output=True, text=True,
                            env=_environment(scratch), timeout=300, check=False)
    if result.returncode != 0:
        raise SystemExit(f"the app failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    last = result.stdout.splitlines()[-1]
    return {key: float(value) for key, value in (field.split("=") for field in last.split())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    loads: list[float] = []
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="leeswijzer-startup-") as folder:
        scratch = Path(folder)
        for _ in range(args.runs):  # interleaved, so both see the same load on the machine
            loads.append(pipeline_alone(scratch))
            runs.append(app_start(scratch, args.article))

    def spread(values: list[float]) -> str:
        return f"{min(values):.2f}–{max(values):.2f} s (median {statistics.median(values):.2f})"

    ratios = [run["first"] / load for run, load in zip(runs, loads, strict=True)]
    print(f"{args.runs} runs each, times since process start, {args.article.name}")
    print(f"pipeline load alone, fresh process: {spread(loads)}")
    print(f"window shown:                      {spread([r['shown'] for r in runs])} (goal ≤ 1.0 s)")
    print(f"first screen highlighted:          {spread([r['first'] for r in runs])}")
    print(f"whole sample done:                 {spread([r['done'] for r in runs])}")
    print(f"ratio first screen ÷ model load:   {min(ratios):.2f}–{max(ratios):.2f} "
          f"(median {statistics.median(ratios):.2f}; goal ≤ 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
