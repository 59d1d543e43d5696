"""Shared fixtures: the shared sample article, the loaded Dutch pipeline, offline mode."""

from __future__ import annotations

import gc
import os
from collections.abc import Generator
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


# Fixtures built once per module (a worker process, a command's JSON, a built dictionary): under
# `make test`'s `-n 2 --dist loadgroup` a module that uses one runs on one worker, so it is built
# once; the other tests are spread one by one.
_PER_MODULE_SCOPES = frozenset({"module", "class", "package"})


@pytest.hookimpl(tryfirst=True)  # before xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if END_TO_END_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.end_to_end)
        info = getattr(item, "_fixtureinfo", None)
        definitions = info.name2fixturedefs.values() if info is not None else ()
        if any(d.scope in _PER_MODULE_SCOPES for defs in definitions for d in defs):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


# The cyclic garbage collector's full passes walked every object of the loaded model, dictionary
# and knowledge base again and again: what is there after collection and what a session-scoped
# fixture built lives to the end, so it is frozen out of the passes (it is still freed when its
# last reference goes; cyclic garbage is collected first). A plugin, not conftest hooks: those
# are not called for the session's fixtures, which are set up outside tests/.
class _FreezeWhatLasts:
    def pytest_collection_finish(self) -> None:
        gc.collect()
        gc.freeze()

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(
        self, fixturedef: pytest.FixtureDef[object]
    ) -> Generator[None, object, object]:
        value = yield
        if fixturedef.scope == "session":
            gc.collect()
            gc.freeze()
        return value


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_FreezeWhatLasts(), "leeswijzer-gc-freeze")


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
