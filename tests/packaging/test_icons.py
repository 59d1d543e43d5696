"""The icon renderer writes real PNG, ICO and ICNS files from the app's SVG."""

from __future__ import annotations

import struct
from pathlib import Path

import icons

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_ico_and_icns_containers_index_their_images() -> None:
    fake = {16: PNG_SIGNATURE + b"a" * 10, 256: PNG_SIGNATURE + b"b" * 20}
    ico = icons.ico_bytes(fake)
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 2)
    width, _, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", ico[6 + 16:6 + 32])
    assert width == 0 and ico[offset:offset + size] == fake[256]  # 0 stands for 256 px
    icns = icons.icns_bytes(fake)
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"icp4" in icns and b"ic08" in icns


def test_build_icons_renders_every_size(tmp_path: Path, qapp: object) -> None:
    # qapp: pytest-qt's QApplication, so the renderer does not create a bare QGuiApplication
    # that later widget tests would find instead.
    written = {path.name: path for path in icons.build_icons(tmp_path)}
    for size in icons.PNG_SIZES:
        data = written[f"leeswijzer-{size}.png"].read_bytes()
        assert data.startswith(PNG_SIGNATURE)
        assert struct.unpack(">II", data[16:24]) == (size, size)
    ico = written["leeswijzer.ico"].read_bytes()
    assert struct.unpack("<HHH", ico[:6])[2] == len(icons.ICO_SIZES)
    assert written["leeswijzer.icns"].read_bytes()[:4] == b"icns"
