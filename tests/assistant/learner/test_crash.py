"""A writer killed with SIGKILL at any moment loses no committed word and no integrity."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.learner.memory import LearnerMemory

ROOT = Path(__file__).resolve().parents[3]
KILLS = 50

# One process imports the store once and forks a writer per kill (a Python start per writer
# cost more than the test's writing); each writer prints its pid, then a number per commit. A
# writer never returns: if it fails, it says so (the test fails on that line) and exits.
WRITERS = """
import os
import sys
from pathlib import Path
from assistant.learner.memory import LearnerMemory
from assistant.learner.statuses import Status

def say(line):
    # One write(2) per line: a kill between print's text and its newline left "501" to run
    # into the next line ("501reaped").
    os.write(1, (line + "\\n").encode())

def write(path, number):
    say(f"pid {os.getpid()}")
    memory = LearnerMemory(Path(path))
    while True:
        memory.set_status(f"woord{number}", Status.KNOWN)
        say(str(number))
        number += 1

for line in sys.stdin:
    command, argument, *rest = line.split()
    if command == "write":
        if os.fork() == 0:
            try:
                write(argument, int(rest[0]))
            finally:
                try:
                    say("writer failed")
                finally:
                    os._exit(1)
    else:  # reap PID: all the killed writer printed is in the pipe before this line
        os.waitpid(int(argument), 0)
        print("reaped", flush=True)
"""


def _said(writers: subprocess.Popen[str], command: str) -> None:
    assert writers.stdin is not None
    writers.stdin.write(command + "\n")
    writers.stdin.flush()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not hasattr(os, "fork"),
                    reason="needs SIGKILL and fork")
def test_every_committed_row_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    chooser = random.Random(14)
    committed: list[int] = []
    next_number = 0
    with subprocess.Popen([sys.executable, "-c", WRITERS], cwd=ROOT, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as writers:
        assert writers.stdout is not None
        for _ in range(KILLS):
            _said(writers, f"write {path} {next_number}")
            said, pid = writers.stdout.readline().split()
            assert said == "pid"
            # Kill it after a few commits (0: possibly while it opens, migrates or backs up).
            committed.extend(int(writers.stdout.readline())
                             for _ in range(chooser.randrange(0, 25)))
            os.kill(int(pid), signal.SIGKILL)
            _said(writers, f"reap {pid}")
            # What it printed before the kill but we did not read yet was committed too.
            committed.extend(int(line) for line in iter(writers.stdout.readline, "reaped\n"))
            next_number = max(committed, default=-1) + 1
        assert writers.stdin is not None
        writers.stdin.close()
        assert writers.wait(timeout=30) == 0
    assert len(committed) > KILLS
    memory = LearnerMemory(path)
    known = memory.view().known
    memory.close()
    assert {f"woord{n}" for n in committed} <= known
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list(tmp_path.glob("*.corrupt-*"))
