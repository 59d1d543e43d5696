"""Fixtures for the learner tests: a fresh learner database, words to analyse."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from assistant.learner.memory import LearnerMemory


@pytest.fixture
def memory(tmp_path: Path):  # type: ignore[no-untyped-def]
    learner = LearnerMemory(tmp_path / "learner.sqlite", lock_timeout=0.2,
                            today=lambda: datetime.date(2024, 5, 3))
    yield learner
    learner.close()
