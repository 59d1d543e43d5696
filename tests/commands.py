"""The command line run in the test process: `main.main` with its output and exit code taken."""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Ran:
    """What a `main.py` process would have given: its exit code, stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


def run_here(*args: str) -> Ran:
    """`main.py ARGS` without a new interpreter: a fresh one loads spaCy, the pipeline, the
    dictionary and the knowledge base again (about 5 s of CPU each), which the test process
    already has. A few tests still run `main.py` as a process (test_cli, test_worker_app)."""
    import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main.main(list(args))
        except SystemExit as leaving:  # argparse's usage errors, or a message: as Python exits
            if isinstance(leaving.code, int) or leaving.code is None:
                code = leaving.code or 0
            else:
                print(leaving.code, file=err)
                code = 1
    return Ran(code, out.getvalue(), err.getvalue())
