"""Stripping spares the executable and wheel-vendored libraries; sizes are reported by part."""

from __future__ import annotations

from pathlib import Path

import appinfo
import build_bundle
import pytest


def elf(path: Path, size: int = 16) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x7fELF" + b"\0" * (size - 4))
    return path


def test_strip_candidates_skip_executable_and_vendored_libraries(tmp_path: Path) -> None:
    elf(tmp_path / build_bundle.EXE_NAME)
    elf(tmp_path / "_internal/numpy.libs/libscipy_openblas64_-abc.so")
    elf(tmp_path / "_internal/numpy.libs/libgfortran-1.so.5")
    elf(tmp_path / "_internal/libgfortran-1.so.5")  # the top-level copy of a vendored library
    (tmp_path / "_internal/libQt6Core.so.6").symlink_to("PySide6/libQt6Core.so.6")
    wanted = elf(tmp_path / "_internal/PySide6/libQt6Core.so.6")
    extension = elf(tmp_path / "_internal/spacy/vocab.cpython-311-x86_64-linux-gnu.so")
    (tmp_path / "_internal/resources").mkdir()
    (tmp_path / "_internal/resources/notes.json").write_text("{}", encoding="utf-8")
    assert sorted(build_bundle.strip_candidates(tmp_path)) == sorted([wanted, extension])


def test_largest_parts_sorts_top_level_parts_by_size(tmp_path: Path) -> None:
    elf(tmp_path / "_internal/big/a.so", 3000)
    elf(tmp_path / "_internal/big/b.so", 3000)
    elf(tmp_path / "_internal/small.so", 100)
    (tmp_path / "_internal/link.so").symlink_to("small.so")
    parts = build_bundle.largest_parts(tmp_path, count=2)
    assert parts == [("_internal/big", 6000), ("_internal/small.so", 100)]


def test_the_build_refuses_the_qt_that_pyproject_excludes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_bundle.sys, "version_info", (3, 11, 7))
    with pytest.raises(SystemExit, match=r"6\.12\.0"):
        build_bundle.check_qt_version("6.12.0")
    build_bundle.check_qt_version("6.11.3")
    pin = (appinfo.ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert all(f"!={version}" in pin for version in build_bundle.AFFECTED_QT)


def test_stand_in_builds_carry_the_suffix() -> None:
    assert appinfo.build_name("nl_core_news_sm") == "leeswijzer"
    assert appinfo.build_name("nl_standin_sm") == "leeswijzer-standin"
    assert appinfo.build_name(None) == "leeswijzer-standin"


def test_size_parts_sort_files_into_named_parts(tmp_path: Path) -> None:
    elf(tmp_path / "leeswijzer", 100)
    elf(tmp_path / "_internal/PySide6/Qt/lib/libicudata.so.73", 5000)
    elf(tmp_path / "_internal/PySide6/Qt/lib/libQt6Core.so.6", 3000)
    elf(tmp_path / "_internal/blis/cy.so", 2000)
    (tmp_path / "_internal/resources").mkdir()
    (tmp_path / "_internal/resources/dictionary.sqlite").write_bytes(b"x" * 1500)
    elf(tmp_path / "_internal/libssl.so.3", 700)
    parts = dict(build_bundle.part_sizes(tmp_path))
    assert parts == {"Qt: ICU data": 5000, "Qt: libraries": 3000,
                     "blis (spaCy's maths kernels)": 2000, "dictionary": 1500,
                     "system libraries (libssl, libstdc++, X11, ...)": 700,
                     "executable and its module archive": 100}
