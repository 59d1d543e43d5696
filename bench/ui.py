"""Prints the desktop app's figures with its worker process, as main.py composes it: start-up,
the longest event-loop stall while articles stream in (the sample; a 1,000,000-character
article, read a part at a time: its first part, then the next), hover → card, relevel on the
large article's part, peak memory of every process, and what a 5,000,000-character article
costs. Beside each wall time, the UI
thread's own CPU time: on a shared, loaded machine (a bench under nice) the wall time is mostly
waiting for a core, the CPU time what the event cost; beside the longest stall, how much of it
the thread waited for a core (Linux's schedstat)."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "000_979833dae2dbd21b.txt"
UD = ROOT.parent / "shared" / "corpora" / "ud-dutch"
TICK_MS = 5
_SCRIPT_START = time.perf_counter()


def _seconds_since_process_start() -> float:
    """Seconds since the kernel started this process (includes interpreter start-up)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _SCRIPT_START


def unseen_text(chars: int) -> str:
    """Paragraphs of five sentences from the UD Dutch dev sets (unseen by the pipeline),
    repeated up to `chars` characters."""
    sentences = [line[len("# text = "):].strip()
                 for path in sorted(UD.glob("*-ud-dev.conllu"))
                 for line in path.read_text(encoding="utf-8").splitlines()
                 if line.startswith("# text = ")]
    paragraphs = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    out: list[str] = []
    size = 0
    while size < chars:
        for paragraph in paragraphs:
            out.append(paragraph)
            size += len(paragraph) + 2
            if size >= chars:
                break
    return "\n\n".join(out)[:chars]


def queued_seconds() -> float:
    """How long the calling thread has waited for a core so far (Linux's schedstat: time
    runnable but not running), in seconds; 0 where the kernel does not say."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as handle:
            return int(handle.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def vm_peak_mb(pid: int | None) -> float:
    """The highest resident memory of process `pid` so far (VmHWM), in MB."""
    if pid is None:
        return float("nan")
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--large", type=int, default=1_000_000, help="characters (0: skip)")
    parser.add_argument("--huge", type=int, default=5_000_000, help="characters (0: skip)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("LEESWIJZER_OFFLINE", "1")
    sys.path.insert(0, str(ROOT))
    offset = _seconds_since_process_start() - (time.perf_counter() - _SCRIPT_START)

    def since_start() -> float:
        return offset + time.perf_counter() - _SCRIPT_START

    from assistant.worker import WorkerConfig, start_worker

    config = WorkerConfig()
    started = start_worker(config)  # as main.run_gui does: before any widget is imported

    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from assistant.learner.known_words import KnownWords
    from assistant.models import Level
    from assistant.service import ReadingAssistant
    from ui.analyser import ProcessAnalyser, WorkerSideService
    from ui.app import create_application, open_window

    app = create_application()
    scratch = tempfile.TemporaryDirectory(prefix="leeswijzer-bench-")
    settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    learner = KnownWords(Path(scratch.name) / "learner.sqlite")
    analyser = ProcessAnalyser(config, started)
    service = WorkerSideService(ReadingAssistant(), analyser)
    service.warm_up()  # as ui.app.run does
    window = open_window(service, learner, settings, (1280, 820), analyser=analyser)
    session, reader = window.session, window.reader
    app.processEvents()
    window.repaint()
    shown = since_start()
    worker_pid = analyser.pid

    class Stalls:
        """The longest gap between ticks of a 5 ms timer: how long the event loop was held;
        of that gap, how long the thread waited for a core (a shared machine's share of the
        wall time: neither the app's CPU nor its threads' GIL)."""

        def __init__(self) -> None:
            self.timer = QTimer()
            self.timer.setInterval(TICK_MS)
            self.timer.timeout.connect(self._tick)
            self.last = self.last_cpu = self.last_queued = 0.0
            self.longest = self.longest_cpu = self.longest_queued = 0.0

        def _tick(self) -> None:
            now, cpu, queued = time.perf_counter(), time.thread_time(), queued_seconds()
            if now - self.last > self.longest:
                self.longest, self.longest_queued = now - self.last, queued - self.last_queued
            self.longest_cpu = max(self.longest_cpu, cpu - self.last_cpu)
            self.last, self.last_cpu, self.last_queued = now, cpu, queued

        def start(self) -> None:
            self.last, self.longest = time.perf_counter(), 0.0
            self.last_cpu, self.longest_cpu = time.thread_time(), 0.0
            self.last_queued, self.longest_queued = queued_seconds(), 0.0
            self.timer.start()

        def stop(self) -> tuple[float, float, float]:
            """(wall, UI-thread CPU, of the wall the time waiting for a core) of the longest
            gap between ticks, in ms."""
            self.timer.stop()
            return self.longest * 1000, self.longest_cpu * 1000, self.longest_queued * 1000

    stalls = Stalls()
    marks: dict[str, float] = {}

    def first_part(_reading: object) -> None:
        if "first" not in marks:
            app.processEvents()
            reader.viewport().repaint()
            if reader.drawn_ranges().get("hard"):
                marks["first"] = since_start()

    def settle(ms: int = 3000) -> None:
        """Run the event loop until the notes dock is built (at most a minute), then `ms` more:
        what follows an analysis (the notes dock built, coverage counted, a slice at a time) is
        part of the stalls measured, and none of it is left for the figures that follow."""
        until = time.perf_counter() + 60
        while window.notes.building and time.perf_counter() < until:
            loop = QEventLoop()
            QTimer.singleShot(100, loop.quit)
            loop.exec()
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_analysis(timeout_ms: int = 600_000) -> bool:
        loop = QEventLoop()
        done: list[object] = []

        def finish(reading: object) -> None:
            done.append(reading)
            loop.quit()

        session.analysis_finished.connect(finish)
        window.message_bar.shown.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        session.analysis_finished.disconnect(finish)
        window.message_bar.shown.disconnect(loop.quit)
        return bool(done)

    session.reading_progress.connect(first_part)
    session.pipeline_ready.connect(lambda _info: marks.setdefault("model", since_start()))
    stalls.start()
    session.start(str(args.article))
    if not wait_analysis():
        print(f"analysis failed: {window.message_bar.text()}")
        return 1
    reader.viewport().repaint()
    done = since_start()
    settle()
    sample_stall = stalls.stop()
    marks.setdefault("first", done)

    hard = reader.hard_tokens()
    latencies: list[float] = []
    latencies_cpu: list[float] = []
    for index in hard:
        reader.hide_card()
        app.processEvents()
        rect = reader.token_rect(index)
        if not reader.viewport().rect().contains(rect.center()):
            bar = reader.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - reader.viewport().height() // 3)
            app.processEvents()  # the scroll painted: its own event, not the hover's
            rect = reader.token_rect(index)
        began, began_cpu = time.perf_counter(), time.thread_time()
        reader.rest_at(rect.center(), Qt.KeyboardModifier.NoModifier)  # the rest timer's work
        app.processEvents()
        latencies.append((time.perf_counter() - began) * 1000)
        latencies_cpu.append((time.thread_time() - began_cpu) * 1000)
    latencies.sort()
    latencies_cpu.sort()
    # Level changes (Ctrl+[ / Ctrl+], the slider): marks judged and drawn again, then painted.
    reader.hide_card()
    app.processEvents()
    sample_relevels: list[float] = []
    sample_relevels_cpu: list[float] = []
    for steps in (1, 1, -1, -1, -1, -1, 1, 1) * 4:
        began, began_cpu = time.perf_counter(), time.thread_time()
        window.step_level(steps)
        app.processEvents()
        sample_relevels.append((time.perf_counter() - began) * 1000)
        sample_relevels_cpu.append((time.thread_time() - began_cpu) * 1000)

    def p99(values: list[float]) -> float:
        return values[min(len(values) - 1, round(0.99 * (len(values) - 1)))]

    info = analyser.pipeline_info
    print(f"pipeline: {info.name} {info.version}" if info else "pipeline: none")
    print(f"window shown:                {shown:6.2f} s after process start (goal ≤ 1.0 s)")
    print(f"  model loaded (worker):     {marks.get('model', float('nan')):6.2f} s")
    print(f"first screen highlighted:    {marks['first']:6.2f} s")
    print(f"whole sample done:           {done:6.2f} s")
    print(f"longest stall, sample:       {sample_stall[0]:6.1f} ms (waiting for a core "
          f"{sample_stall[2]:.1f} ms of it), UI-thread CPU {sample_stall[1]:.1f} ms "
          f"(goal ≤ 50 ms)")
    if latencies:
        print(f"hover → card ({len(latencies)} hard words of {args.article.name}): median "
              f"{statistics.median(latencies):.2f} ms, p99 {p99(latencies):.2f} ms, "
              f"max {latencies[-1]:.2f} ms; UI-thread CPU median "
              f"{statistics.median(latencies_cpu):.2f} ms, p99 {p99(latencies_cpu):.2f} ms, "
              f"max {latencies_cpu[-1]:.2f} ms (goal ≤ 16 ms)")
    print(f"relevel ({len(sample_relevels)} level changes, marks on screen redrawn and painted): "
          f"median {statistics.median(sample_relevels):.2f} ms, max {max(sample_relevels):.2f} ms"
          f"; UI-thread CPU median {statistics.median(sample_relevels_cpu):.2f} ms, max "
          f"{max(sample_relevels_cpu):.2f} ms (goal ≤ 100 ms)")

    def open_section(opening: Callable[[], object], what: str) -> bool:
        """Open a long text (or move to its next part) and print what the window shows when:
        the text, its first part highlighted, the whole section analysed, the longest stall."""
        stalls.start()
        began = time.perf_counter()
        shown_at: list[float] = []
        first_at: list[float] = []

        def shown(_article: object) -> None:
            if not shown_at:
                app.processEvents()
                reader.viewport().repaint()
                shown_at.append(time.perf_counter())

        def first(_reading: object) -> None:
            if not first_at:
                app.processEvents()
                reader.viewport().repaint()
                first_at.append(time.perf_counter())

        session.article_shown.connect(shown)
        session.reading_progress.connect(first)
        opening()
        ok = wait_analysis()
        whole = time.perf_counter() - began
        settle()
        stall = stalls.stop()
        session.article_shown.disconnect(shown)
        session.reading_progress.disconnect(first)
        if not ok:
            print(f"{what} failed: {window.message_bar.text()}")
            return False
        text_at = (shown_at[0] - began) if shown_at else float("nan")
        first_part = (first_at[0] - began) if first_at else float("nan")
        part = session.sections[session.section_index]
        print(f"{what}: part {session.section_index + 1} of {len(session.sections)} "
              f"({part.end - part.start:,} characters): text shown {text_at:.2f} s, first screen "
              f"highlighted {first_part:.2f} s, whole part {whole:.1f} s; longest stall "
              f"{stall[0]:.1f} ms (waiting for a core {stall[2]:.1f} ms of it), UI-thread CPU "
              f"{stall[1]:.1f} ms (goal ≤ 50 ms)")
        return True

    if args.large and open_section(lambda: session.open_text(unseen_text(args.large)),
                                   f"{args.large:,}-character article"):
        relevels: list[float] = []
        relevels_cpu: list[float] = []
        for level in (Level.A2, Level.C1, Level.B1, Level.B2, Level.A1, Level.B1):
            began, began_cpu = time.perf_counter(), time.thread_time()
            session.set_level(level)
            app.processEvents()
            relevels.append((time.perf_counter() - began) * 1000)
            relevels_cpu.append((time.thread_time() - began_cpu) * 1000)
        print(f"  relevel: median {statistics.median(relevels):.1f} ms, max "
              f"{max(relevels):.1f} ms; UI-thread CPU median "
              f"{statistics.median(relevels_cpu):.1f} ms, max {max(relevels_cpu):.1f} ms "
              f"over {len(relevels)} level changes (goal ≤ 16 ms)")
        reader.hide_card()
        cards: list[float] = []
        cards_cpu: list[float] = []
        for index in reader.hard_tokens()[:: max(1, len(reader.hard_tokens()) // 300)]:
            reader.hide_card()
            app.processEvents()
            rect = reader.token_rect(index)
            if not reader.viewport().rect().contains(rect.center()):
                bar = reader.verticalScrollBar()
                bar.setValue(bar.value() + rect.top() - reader.viewport().height() // 3)
                app.processEvents()
                rect = reader.token_rect(index)
            began, began_cpu = time.perf_counter(), time.thread_time()
            reader.rest_at(rect.center(), Qt.KeyboardModifier.NoModifier)
            app.processEvents()
            cards.append((time.perf_counter() - began) * 1000)
            cards_cpu.append((time.thread_time() - began_cpu) * 1000)
        cards.sort()
        cards_cpu.sort()
        if cards:
            print(f"  hover → card ({len(cards)} hard words): median "
                  f"{statistics.median(cards):.2f} ms, p99 {p99(cards):.2f} ms; UI-thread "
                  f"CPU median {statistics.median(cards_cpu):.2f} ms, p99 "
                  f"{p99(cards_cpu):.2f} ms")
        reader.hide_card()
        # The next part (Ctrl+PgDown) while the learner reads: shown at once, analysed alone.
        open_section(window.chapters.next, "  next part (Ctrl+PgDown)")
    ui_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_peak = vm_peak_mb(analyser.pid)
    print(f"peak memory: window process {ui_peak:.0f} MB + worker {worker_peak:.0f} MB = "
          f"{ui_peak + worker_peak:.0f} MB (sample{' and large article' if args.large else ''})")

    if args.huge:
        began = time.perf_counter()
        session.open_text(unseen_text(args.huge))
        ok = wait_analysis(1_800_000)
        ui_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_peak = vm_peak_mb(analyser.pid)
        if ok:
            took = time.perf_counter() - began
            print(f"{args.huge:,}-character article: part 1 of {len(session.sections)} "
                  f"analysed in {took:.1f} s;"
                  f" peak memory window {ui_peak:.0f} MB + worker {worker_peak:.0f} MB = "
                  f"{ui_peak + worker_peak:.0f} MB (goal ≤ 1,200 MB)")
        else:
            print(f"{args.huge:,}-character article: {window.message_bar.text()} "
                  f"(after {time.perf_counter() - began:.1f} s; peak window {ui_peak:.0f} MB + "
                  f"worker {worker_peak:.0f} MB)")
    began = time.perf_counter()
    window.close()
    QApplication.processEvents()
    gone = not Path(f"/proc/{worker_pid}").exists()
    print(f"quit: {(time.perf_counter() - began) * 1000:.0f} ms; worker process "
          f"{'ended' if gone else 'STILL RUNNING'}")
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
