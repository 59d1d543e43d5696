"""The bundle check runs executables in a clean environment and judges their exit honestly."""

from __future__ import annotations

import sys
from pathlib import Path

import check_bundle
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX shell scripts")


def fake_app(folder: Path, body: str) -> Path:
    path = folder / "leeswijzer"
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_clean_environment_carries_nothing_from_the_build(tmp_path: Path) -> None:
    env = check_bundle.clean_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    assert env == {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}


def test_self_test_passes_on_exit_zero_with_summary(tmp_path: Path) -> None:
    sample = tmp_path / "article.txt"
    sample.write_text("Dit is een test.", encoding="utf-8")
    app = fake_app(tmp_path, 'test -z "$PYTHONPATH" && echo "self-test OK: 4 tokens ($PWD)"')
    line = check_bundle.self_test(app, sample, tmp_path)
    assert line.startswith("self-test OK: 4 tokens")
    assert str(tmp_path) in line and str(check_bundle.ROOT) not in line


def test_self_test_failure_reports_the_programs_message(tmp_path: Path) -> None:
    sample = tmp_path / "article.txt"
    sample.write_text("x", encoding="utf-8")
    app = fake_app(tmp_path, 'echo "self-test FAILED: no pipeline" >&2; exit 1')
    with pytest.raises(check_bundle.CheckFailed, match="no pipeline"):
        check_bundle.self_test(app, sample, tmp_path)


def test_gui_that_exits_by_itself_fails(tmp_path: Path) -> None:
    app = fake_app(tmp_path, 'echo "cannot open display" >&2; exit 3')
    with pytest.raises(check_bundle.CheckFailed, match="exited by itself with code 3"):
        check_bundle.gui_quits_on_sigterm(app, tmp_path)


def test_gui_that_quits_on_sigterm_passes(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_bundle, "GUI_RUN_SECONDS", 0.5)
    app = fake_app(tmp_path, "trap 'exit 0' TERM\nwhile :; do sleep 0.05; done")
    check_bundle.gui_quits_on_sigterm(app, tmp_path)


def test_gui_killed_by_sigterm_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_bundle, "GUI_RUN_SECONDS", 0.5)
    app = fake_app(tmp_path, "exec sleep 60")
    with pytest.raises(check_bundle.CheckFailed, match="killed by signal 15"):
        check_bundle.gui_quits_on_sigterm(app, tmp_path)
