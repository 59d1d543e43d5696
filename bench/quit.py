"""Quit during an analysis, again and again, several apps at once (the load): each app is the
real one (main.py, offscreen) on a long article; at its first streamed part it gets SIGTERM, or
at a deadline after its start when no part came by then (the model still loading: quitting then
must be as clean). Prints how long quitting took (signal to exit) for each kind, and every run
that exited badly, printed a fatal error or left its worker process behind."""

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
# A run not ended by then hangs: its threads' stacks are dumped, then it is killed.
HANG_SECONDS = 300
# What SIGTERM was sent at: the first streamed part, or the deadline with no part yet.
KINDS = ("part", "deadline")

PROBE = """
import os, signal, sys, time

def watch(app, deadline, started):
    from PySide6.QtCore import QTimer

    opened = app.open_window

    def watched(*args, **kwargs):
        window = opened(*args, **kwargs)
        session = window.session
        said = []

        def term(kind):
            if said:
                return
            said.append(kind)
            print("worker", session.analyser.pid, "term", time.time(), kind, flush=True)
            os.kill(os.getpid(), signal.SIGTERM)

        session.reading_progress.connect(lambda _reading: term("part"))
        # A timer of the event loop: it fires once app.exec runs, after the signal handlers.
        left = max(0.0, deadline - (time.time() - started))
        QTimer.singleShot(round(left * 1000), window, lambda: term("deadline"))
        return window

    app.open_window = watched

# Only in the app's process, as bench/startup.py: the worker process imports this file again
# (spawned), and the watch is installed once main.py has started the worker: importing the
# widgets (ui.app) before that, or in the worker, delayed the worker and the model's load.
if __name__ == "__main__":
    started = time.time()
    sys.path.insert(0, sys.argv[1])
    import assistant.worker
    import main

    starting = assistant.worker.start_worker

    def start_then_watch(config):
        worker = starting(config)
        import ui.app

        watch(ui.app, float(sys.argv[2]), started)
        return worker

    assistant.worker.start_worker = start_then_watch
    main.exit_at_once(main.main(sys.argv[3:]))
"""


def one_run(probe: Path, article: Path, scratch: Path, deadline: float) -> tuple[float, str, str]:
    """(seconds from SIGTERM to exit, what it was sent at: a KINDS or '', '' or what went
    wrong). Each run has folders of its own, removed after it: two apps on one learner file or
    settings file would wait for each other's locks."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEESWIJZER_OFFLINE": "1",
           "XDG_CONFIG_HOME": str(scratch / "config"), "XDG_CACHE_HOME": str(scratch / "cache"),
           "XDG_DATA_HOME": str(scratch / "data")}
    try:
        return _run([sys.executable, str(probe), str(ROOT), str(deadline), str(article),
                     "--data-dir", str(scratch / "learner")], env)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _said(out: str) -> list[str] | None:
    """The probe's line: 'worker PID term TIME KIND' split, or None before SIGTERM."""
    lines = [line.split() for line in out.splitlines() if line.startswith("worker ")]
    return lines[0] if lines else None


def _run(command: list[str], env: dict[str, str]) -> tuple[float, str, str]:
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        out, err = process.communicate(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        stacks = _stacks(process.pid)
        process.kill()
        out, err = process.communicate()
        said = _said(out)
        when = f"after SIGTERM at its {said[4]}" if said else "before SIGTERM"
        return float("nan"), said[4] if said else "", f"hung {when}: {err[-300:]}\n{stacks}"
    ended = time.time()
    said = _said(out)
    if said is None:
        return float("nan"), "", f"no SIGTERM before exit {process.returncode}: {err[-300:]}"
    worker, termed, kind = int(said[1]), float(said[3]), said[4]
    problems = []
    if process.returncode != 0:
        problems.append(f"exit code {process.returncode}")
    problems += [f"stderr says {word!r}" for word in BAD if word in err]
    if Path(f"/proc/{worker}").exists():
        problems.append(f"worker {worker} still running")
    return ended - termed, kind, "; ".join(problems) + (f": {err[-500:]}" if problems else "")


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


def _figures(quits: list[float]) -> str:
    if not quits:
        return ""
    quits = sorted(quits)
    return (f"; SIGTERM → exit median {statistics.median(quits) * 1000:.0f} ms, p99 "
            f"{quits[round(0.99 * (len(quits) - 1))] * 1000:.0f} ms, max "
            f"{quits[-1] * 1000:.0f} ms (goal ≤ 1,000 ms); over 1 s: "
            f"{sum(q > 1.0 for q in quits)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=4, help="apps at once")
    parser.add_argument("--deadline", type=float, default=20.0,
                        help="seconds after its start an app with no part yet gets SIGTERM")
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
                lambda n: one_run(probe, article, scratch / f"run{n}", args.deadline),
                range(args.runs)))
    bad = [problem for _seconds, _kind, problem in results if problem]
    print(f"{args.runs} runs, {args.jobs} at once, {time.perf_counter() - began:.0f} s in all")
    for kind, label in zip(KINDS, ("at the first part", f"at {args.deadline:g} s, no part yet"),
                           strict=True):
        quits = [seconds for seconds, sent, _problem in results
                 if sent == kind and seconds == seconds]
        print(f"SIGTERM {label}: {sum(sent == kind for _s, sent, _p in results)} runs"
              + _figures(quits))
    print(f"bad runs: {len(bad)} (hung: {sum(problem.startswith('hung') for problem in bad)})")
    for problem in bad[:10]:
        print(f"  {problem}")
    if bad and args.log:
        Path(args.log).write_text("\n\n".join(bad), encoding="utf-8")
        print(f"every bad run in full: {args.log}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
