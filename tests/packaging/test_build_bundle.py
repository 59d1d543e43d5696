"""Stripping spares the executable and wheel-vendored libraries; sizes are reported by part."""

from __future__ import annotations

from pathlib import Path

import build_bundle


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
