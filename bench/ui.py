"""Prints the desktop app's start-up times, hover-to-card and relevel latency and peak memory."""

from __future__ import annotations

import os
import sys
import time

_SCRIPT_START = time.perf_counter()


def _seconds_since_process_start() -> float:
    """Seconds since the kernel started this process (includes interpreter start-up)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat, counted after the ")" of comm
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _SCRIPT_START


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("LEESWIJZER_OFFLINE", "1")
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    offset = _seconds_since_process_start() - (time.perf_counter() - _SCRIPT_START)

    def since_start() -> float:
        return offset + time.perf_counter() - _SCRIPT_START

    from assistant.service import ReadingAssistant

    service = ReadingAssistant()
    service.preload()  # as main.run_gui does: the model loads while Qt starts

    import resource
    import statistics
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from assistant.learner.known_words import KnownWords
    from assistant.resources import resource_path
    from ui.app import create_application, open_window

    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else (
        Path(__file__).resolve().parents[2] / "shared" / "samples" / "000_979833dae2dbd21b.txt"
    )
    app = create_application()
    scratch = tempfile.TemporaryDirectory(prefix="leeswijzer-bench-")
    settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    learner = KnownWords(Path(scratch.name) / "learner.sqlite")
    window = open_window(service, learner, settings, (1280, 820))
    session = window.session
    app.processEvents()
    window.repaint()
    shown = since_start()

    def wait_analysis() -> None:
        loop = QEventLoop()
        session.analysis_finished.connect(loop.quit)
        window.message_bar.shown.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        session.analysis_finished.disconnect(loop.quit)
        window.message_bar.shown.disconnect(loop.quit)

    marks: dict[str, float] = {}
    # Connected after the request but before any delivery: results arrive via the event loop.
    session.pipeline_ready.connect(lambda _info: marks.setdefault("model", since_start()))
    session.article_shown.connect(lambda _article: marks.setdefault("text", since_start()))
    session.start(str(resource_path("sample_article.txt")))
    wait_analysis()
    if session.reading is None:
        print(f"analysis failed: {window.message_bar.text()}")
        return 1
    window.reader.viewport().repaint()
    painted = since_start()

    session.open_path(seed)
    wait_analysis()
    reader = window.reader
    hard = reader.hard_tokens()
    latencies: list[float] = []
    for index in hard:
        reader.hide_card()
        app.processEvents()
        start, end = reader.token_document_range(index)
        rect = reader.token_rect(index)
        if not reader.viewport().rect().contains(rect.center()):
            bar = reader.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - reader.viewport().height() // 3)
            rect = reader.token_rect(index)
        point = rect.center()
        began = time.perf_counter()
        # What the rest timer's timeout does, then the event loop paints what changed.
        reader.rest_at(point, Qt.KeyboardModifier.NoModifier)
        app.processEvents()
        latencies.append((time.perf_counter() - began) * 1000)
        if reader.card.token_index != index:
            print(f"warning: card not shown for token {index} ({start}-{end})")
    # Level changes (Ctrl+[ / Ctrl+], the slider): marks judged and drawn again, then painted.
    reader.hide_card()
    app.processEvents()
    relevels: list[float] = []
    for steps in (1, 1, -1, -1, -1, -1, 1, 1) * 4:
        began = time.perf_counter()
        window.step_level(steps)
        app.processEvents()
        relevels.append((time.perf_counter() - began) * 1000)
    window.close()
    QApplication.processEvents()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, round(0.99 * (len(latencies) - 1)))]
    info = service.pipeline_info
    print(f"pipeline: {info.name} {info.version}" if info else "pipeline: none")
    print(f"window shown:               {shown:6.2f} s after process start (goal ≤ 1.0 s)")
    print(f"  sample text shown:        {marks.get('text', float('nan')):6.2f} s")
    print(f"  model loaded:             {marks.get('model', float('nan')):6.2f} s")
    print(f"sample analysed and painted:{painted:6.2f} s after process start (goal ≤ 3.0 s)")
    print(
        f"hover → card ({len(latencies)} hard words of {seed.name}): "
        f"median {statistics.median(latencies):.2f} ms, p99 {p99:.2f} ms, "
        f"max {latencies[-1]:.2f} ms (goal ≤ 16 ms)"
    )
    print(f"relevel ({len(relevels)} level changes, marks on screen redrawn and painted): "
          f"median {statistics.median(relevels):.2f} ms, max {max(relevels):.2f} ms "
          "(goal ≤ 100 ms)")
    print(f"peak RSS:                   {peak_mb:6.0f} MB (goal < 400 MB)")
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
