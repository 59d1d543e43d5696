"""Quit during an analysis, again and again, several apps at once (the load): each app is the
real one (main.py, offscreen) on a long article; at its first streamed part it gets SIGTERM.
Prints how long quitting took (signal to exit), and every run that exited badly, printed a fatal
error or left its worker process behind."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "000_979833dae2dbd21b.txt"
BAD = ("Fatal", "FATAL", "Traceback", "Segmentation", "Abort", "core dumped")

PROBE = """
import os, signal, sys, time
sys.path.insert(0, sys.argv[1])
import main
import ui.app as app

opened = app.open_window

def watched(*args, **kwargs):
    window = opened(*args, **kwargs)
    session = window.session

    def part(_reading):
        session.reading_progress.disconnect(part)
        print("worker", session.analyser.pid, "term", time.time(), flush=True)
        os.kill(os.getpid(), signal.SIGTERM)

    session.reading_progress.connect(part)
    return window

app.open_window = watched
if __name__ == "__main__":
    main.exit_at_once(main.main(sys.argv[2:]))
"""


def one_run(probe: Path, article: Path, scratch: Path) -> tuple[float, str]:
    """(seconds from SIGTERM to exit, '' or what went wrong)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEESWIJZER_OFFLINE": "1",
           "XDG_CONFIG_HOME": str(scratch / "config"), "XDG_CACHE_HOME": str(scratch / "cache"),
           "XDG_DATA_HOME": str(scratch / "data")}
    process = subprocess.Popen([sys.executable, str(probe), str(ROOT), str(article),
                                "--data-dir", str(scratch / "learner")], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        stacks = _stacks(process.pid)
        process.kill()
        out, err = process.communicate()
        termed = any(line.startswith("worker ") for line in out.splitlines())
        return float("nan"), (f"hung {'after SIGTERM' if termed else 'before its first part'}"
                              f": {err[-300:]}\n{stacks}")
    ended = time.time()
    said = [line.split() for line in out.splitlines() if line.startswith("worker ")]
    if not said:
        return float("nan"), f"no part before exit {process.returncode}: {err[-300:]}"
    worker, termed = int(said[0][1]), float(said[0][3])
    problems = []
    if process.returncode != 0:
        problems.append(f"exit code {process.returncode}")
    problems += [f"stderr says {word!r}" for word in BAD if word in err]
    if Path(f"/proc/{worker}").exists():
        problems.append(f"worker {worker} still running")
    return ended - termed, "; ".join(problems) + (f": {err[-500:]}" if problems else "")


def _stacks(pid: int) -> str:
    """Where a hung app and its worker are stuck: py-spy's dump of every thread, if installed."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        return "(install py-spy to see where it hung)"
    try:
        dumped = subprocess.run([spy, "dump", "--subprocesses", "--pid", str(pid)],
                                capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"(py-spy failed: {error})"
    return dumped.stdout[-6000:] + dumped.stderr[-500:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=4, help="apps at once")
    parser.add_argument("--log", help="write every bad run, with the stacks of hung ones, here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="leeswijzer-quit-") as folder:
        scratch = Path(folder)
        probe = scratch / "probe.py"
        probe.write_text(PROBE, encoding="utf-8")
        article = scratch / "lang.txt"
        article.write_text("\n\n".join([SAMPLE.read_text(encoding="utf-8")] * 40),
                           encoding="utf-8")
        began = time.perf_counter()
        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(
                lambda n: one_run(probe, article, scratch / f"run{n % args.jobs}"),
                range(args.runs)))
    quits = sorted(seconds for seconds, _problem in results if seconds == seconds)
    bad = [problem for _seconds, problem in results if problem]
    print(f"{args.runs} runs, {args.jobs} at once, {time.perf_counter() - began:.0f} s in all")
    if quits:
        print(f"SIGTERM → exit: median {statistics.median(quits) * 1000:.0f} ms, p99 "
              f"{quits[round(0.99 * (len(quits) - 1))] * 1000:.0f} ms, max "
              f"{quits[-1] * 1000:.0f} ms (goal ≤ 1,000 ms); over 1 s: "
              f"{sum(q > 1.0 for q in quits)}")
    print(f"bad runs: {len(bad)}")
    for problem in bad[:10]:
        print(f"  {problem}")
    if bad and args.log:
        Path(args.log).write_text("\n\n".join(bad), encoding="utf-8")
        print(f"every bad run in full: {args.log}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
