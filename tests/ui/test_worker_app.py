"""The app over its worker process: the window's process never imports spaCy, a worker killed
during an analysis is said in the message bar and the article analysed again, and quitting
during an analysis returns within a second with every thread and process ended."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from worker_cores import FIRST_WORKER_MARK

from assistant.learner.known_words import KnownWords
from assistant.service import ReadingAssistant
from assistant.worker import WorkerConfig
from ui.analyser import LOST, ProcessAnalyser, WorkerSideService
from ui.main_window import MainWindow
from ui.session import ReadingSession

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_MS = 120_000

STARTUP_PROBE = """
import os
import sys
sys.path.insert(0, sys.argv[1])
import main
import ui.app as app
from PySide6.QtCore import QTimer

opened = app.open_window

def watched(*args, **kwargs):
    window = opened(*args, **kwargs)
    session = window.session
    said = []
    session.reading_progress.connect(lambda _r: said.append("part"))
    def finished(_reading):
        said.append("done")
        print("ui", os.getpid(), "worker", session.analyser.pid, "said", ",".join(said),
              "spacy here", "spacy" in sys.modules, flush=True)
        QTimer.singleShot(0, window.close)
    session.analysis_finished.connect(finished)
    session.notice.connect(lambda notice: print("notice", notice.text, flush=True))
    return window

app.open_window = watched
if __name__ == "__main__":
    code = main.main(sys.argv[2:])
    print("exit", code, "spacy here", "spacy" in sys.modules, flush=True)
"""


def test_the_app_analyses_in_its_worker_and_never_imports_spacy(
    tmp_path: Path, shared_sample: Path
) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(STARTUP_PROBE, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEESWIJZER_OFFLINE": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, str(probe), str(ROOT), str(shared_sample), "--data-dir",
         str(tmp_path / "learner")], capture_output=True, text=True, env=env, timeout=180,
        check=False)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    said = next(line for line in lines if line.startswith("ui "))
    ui_pid, worker_pid = said.split()[1], said.split()[3]
    assert worker_pid.isdigit() and worker_pid != ui_pid and "said part" in said
    assert said.endswith("done spacy here False")
    assert lines[-1] == "exit 0 spacy here False"
    assert not [line for line in lines if line.startswith("notice")]
    assert "Fatal" not in result.stderr and "Traceback" not in result.stderr


def test_analyze_on_the_command_line_runs_without_qt(tmp_path: Path) -> None:
    article = tmp_path / "kort.txt"
    article.write_text("Het kabinet presenteerde gisteren in Den Haag de begroting.",
                       encoding="utf-8")
    code = ("import sys\nsys.modules['PySide6'] = None  # any import of Qt fails\n"
            f"sys.path.insert(0, {str(ROOT)!r})\nimport main\n"
            f"sys.exit(main.main(['analyze', '--format', 'summary', {str(article)!r}]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=180, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert " tokens, " in result.stdout and "entities" in result.stdout


@pytest.fixture
def worker_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """A window over a worker process, as ui.app.run builds it. The first worker works on its
    article without end and loads no model (a model load, only to be killed, cost 5 s of CPU);
    the one started again after it is the real one and analyses the article."""
    monkeypatch.setenv(FIRST_WORKER_MARK, str(tmp_path / "first-worker"))
    analyser = ProcessAnalyser(WorkerConfig(core_factory="worker_cores:busy_then_real_core"))
    service = WorkerSideService(ReadingAssistant(), analyser)
    session = ReadingSession(service, KnownWords(tmp_path / "learner.sqlite"), analyser=analyser)
    window = MainWindow(session, service, QSettings(str(tmp_path / "s.ini"),
                                                   QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    session.load_pipeline()
    window.show()
    yield window
    window.close()


def test_a_killed_worker_is_said_and_the_article_analysed_again(
    qtbot: QtBot, worker_window: MainWindow, shared_sample: Path
) -> None:
    session = worker_window.session
    analyser = session.analyser
    assert isinstance(analyser, ProcessAnalyser)
    text = "\n\n".join([shared_sample.read_text(encoding="utf-8")] * 3)
    with qtbot.waitSignal(session.reading_progress, timeout=TIMEOUT_MS):
        session.open_text(text)
    first = analyser.pid
    assert first is not None and session.busy
    with qtbot.waitSignal(session.analysis_finished, timeout=TIMEOUT_MS) as finished:
        os.kill(first, signal.SIGKILL)
    shown = worker_window.message_bar.text()
    assert LOST.format(how=" (signal 9)", then=" and opening the article again") in shown
    assert "\n" not in shown
    assert analyser.pid not in (None, first)
    reading = finished.args[0]
    assert reading.analysed.article.text == session.article.text  # type: ignore[union-attr]
    assert len(reading.analysed.tokens) > 500 and worker_window.reader.hard_tokens()


@pytest.mark.parametrize("run", range(20))
def test_quitting_during_an_analysis_returns_within_a_second(
    qtbot: QtBot, tmp_path: Path, run: int
) -> None:
    analyser = ProcessAnalyser(WorkerConfig(core_factory="worker_cores:busy_core"))
    session = ReadingSession(ReadingAssistant(), KnownWords(tmp_path / "learner.sqlite"),
                             analyser=analyser)
    session.load_pipeline()
    with qtbot.waitSignal(session.reading_progress, timeout=TIMEOUT_MS):
        session.open_text("Een artikel.\n\nNog een alinea.")
    process, receiver = analyser.process, analyser.receiver
    assert process is not None and receiver is not None and process.is_alive()
    began = time.perf_counter()
    session.shut_down()
    assert time.perf_counter() - began < 1.0
    assert not receiver.is_alive() and analyser.pid is None
    with pytest.raises(ValueError):
        process.is_alive()  # closed: ended, reaped and released
    assert not [t.name for t in threading.enumerate() if t.name.startswith("leeswijzer-receiver")]
