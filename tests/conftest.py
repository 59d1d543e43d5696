"""Shared fixtures: the shared sample article, the loaded Dutch pipeline, offline mode."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("LEESWIJZER_OFFLINE", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LEESWIJZER_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "000_979833dae2dbd21b.txt"
# Tests that need the real Dutch pipeline, the shared sample or the full dictionary: the
# end-to-end layer. `make mutate` leaves them out (too slow per mutant; the rules must be
# caught by the tests on hand-built parse data).
END_TO_END_FIXTURES = frozenset({"pipeline", "sample_analysis", "sample_path", "real_dictionary"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if END_TO_END_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.end_to_end)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    if not SAMPLE.exists():
        pytest.fail(f"the shared sample article is missing: {SAMPLE}")
    return SAMPLE


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from assistant.reading.nlp import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def sample_analysis(sample_path, pipeline):  # type: ignore[no-untyped-def]
    from assistant.models import Level
    from assistant.reading.analysis import analyse
    from assistant.reading.loading import load_article

    return analyse(load_article(sample_path), Level.B1, pipeline=pipeline)
