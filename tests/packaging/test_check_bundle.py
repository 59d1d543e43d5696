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


def test_article_counts_come_from_the_first_article_of_the_line() -> None:
    line = ("self-test OK: 611 tokens, 80 hard words, 77 glossed, 66 entities, 20 notes, "
            "8 time expressions (model nl_standin_sm 0.1.0); html 341 tokens, epub 359 tokens")
    assert check_bundle.article_counts(line) == {
        "tokens": 611, "hard words": 80, "glossed": 77, "entities": 66, "notes": 20}
    check_bundle.check_counts(line, "the sample")


@pytest.mark.parametrize("line", [
    "self-test OK: 12 tokens, 1 hard words, 1 glossed, 0 entities, 0 notes; html 341 tokens",
    "self-test OK: 611 tokens, 80 hard words, 2 glossed, 66 entities, 20 notes",
    "self-test OK (exit code 0)",
])
def test_an_article_read_badly_fails(line: str) -> None:
    with pytest.raises(check_bundle.CheckFailed, match="read badly"):
        check_bundle.check_counts(line, "the page")


def test_loopback_server_serves_the_folder(tmp_path: Path) -> None:
    import urllib.request

    (tmp_path / "groene daken.html").write_text("<p>Hallo</p>", encoding="utf-8")
    with check_bundle.serve_folder(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{url}/groene%20daken.html", timeout=10) as response:
            assert response.read() == b"<p>Hallo</p>"


def test_lintian_errors_keep_only_what_an_opt_bundle_cannot_avoid() -> None:
    output = (
        "E: leeswijzer: dir-or-file-in-opt [opt/leeswijzer/]\n"
        "E: leeswijzer: embedded-library libz [opt/leeswijzer/_internal/libz.so.1]\n"
        "E: leeswijzer: no-copyright-file\n"
        "W: leeswijzer: description-synopsis-starts-with-article\n"
        "E: leeswijzer: debian-changelog-file-missing\n"
    )
    assert check_bundle.lintian_errors(output) == [
        "E: leeswijzer: no-copyright-file", "E: leeswijzer: debian-changelog-file-missing"]


def test_a_linked_copy_is_broken_without_touching_the_original(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    plugin = bundle / "_internal" / "libqxcb.so"
    plugin.write_bytes(b"\x7fELF real plugin")
    copy = check_bundle.linked_copy(bundle, tmp_path / "copy")
    check_bundle._replace(copy / "_internal" / "libqxcb.so", b"")
    assert plugin.read_bytes() == b"\x7fELF real plugin"
    assert (copy / "_internal" / "libqxcb.so").read_bytes() == b""


def test_every_sabotage_names_what_it_breaks() -> None:
    names = [what for what, _, _ in check_bundle.SABOTAGE]
    for part in ("platform plugins", "X11 platform plugin", "QtWidgets", "dictionary",
                 "knowledge base"):
        assert any(part in name for name in names), part


def test_highlighted_pixels_counts_entity_and_underline_colours(tmp_path: Path,
                                                                qapp: object) -> None:
    from PySide6.QtGui import QColor, QImage

    entity, underline = check_bundle.highlight_colours(dark=False)
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for x in range(50):
        for y in range(20):
            image.setPixelColor(x, y, QColor(*entity[0]))
    for x in range(30):
        image.setPixelColor(x, 60, QColor(*underline))
    path = tmp_path / "shot.png"
    assert image.save(str(path), "PNG")
    counts = check_bundle.highlighted_pixels(path)
    assert counts == {"entity": 1000, "underline": 30}
    image.fill(QColor("white"))
    assert image.save(str(path), "PNG")
    assert check_bundle.highlighted_pixels(path) == {"entity": 0, "underline": 0}
