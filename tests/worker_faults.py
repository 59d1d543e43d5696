"""Section analyses that fail in a worker process, for the pool's tests (importable there)."""

from __future__ import annotations

import os

from assistant.parallel import Job, SectionAnalysis


def raises(job: Job) -> SectionAnalysis:
    """A worker's analysis that raises, with a message of several lines."""
    raise RuntimeError(f"broken section\nof {len(job[0].text)} characters")


def dies(job: Job) -> SectionAnalysis:
    """A worker that ends at once, as one the kernel kills for its memory would."""
    os._exit(9)
