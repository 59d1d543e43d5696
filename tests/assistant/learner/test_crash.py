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

WRITER = """
import sys
from pathlib import Path
from assistant.learner.memory import LearnerMemory
from assistant.learner.statuses import Status
memory = LearnerMemory(Path(sys.argv[1]))
number = int(sys.argv[2])
while True:
    memory.set_status(f"woord{number}", Status.KNOWN)
    print(number, flush=True)
    number += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_committed_row_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite"
    chooser = random.Random(14)
    committed: list[int] = []
    next_number = 0
    for _ in range(KILLS):
        with subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(next_number)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None
            # Kill it after a few commits (0: possibly while it opens, migrates or backs up).
            for _ in range(chooser.randrange(0, 25)):
                line = child.stdout.readline()
                if not line:
                    break
                committed.append(int(line))
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
            # What it printed before the kill but we did not read yet was committed too.
            committed.extend(int(line) for line in child.stdout.read().split())
        next_number = max(committed, default=-1) + 1
    assert len(committed) > KILLS
    memory = LearnerMemory(path)
    known = memory.view().known
    memory.close()
    assert {f"woord{n}" for n in committed} <= known
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list(tmp_path.glob("*.corrupt-*"))
