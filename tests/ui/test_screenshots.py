"""The screenshot script's colour reduction: at most 256 colours, the frequent ones exact, the
rare ones mapped to their nearest kept colour."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QColor, QImage
from script_modules import script

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"


def _script() -> ModuleType:
    return script("screenshots")


def test_quantised_keeps_frequent_colours_exact_and_maps_rare_ones_near() -> None:
    quantised = _script().quantised
    image = QImage(400, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#cfe0fa"))  # a frequent background colour
    for x in range(300):  # 300 rare colours, one pixel each
        image.setPixelColor(x, 0, QColor(x % 256, 10, 200 - x // 2))
    out = quantised(image)
    assert out.format() == QImage.Format.Format_Indexed8
    assert len(out.colorTable()) <= 256
    assert out.pixelColor(350, 20) == QColor("#cfe0fa")
    for x in (0, 150, 299):
        was, now = image.pixelColor(x, 0), out.pixelColor(x, 0)
        gap = max(abs(was.red() - now.red()), abs(was.green() - now.green()),
                  abs(was.blue() - now.blue()))
        assert gap <= 40


def test_few_colours_are_kept_as_they_are() -> None:
    quantised = _script().quantised
    image = QImage(5, 2, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.setPixelColor(2, 1, QColor("#123456"))
    out = quantised(image)
    assert out.pixelColor(2, 1) == QColor("#123456") and out.pixelColor(0, 0) == QColor("white")
    assert len(out.colorTable()) == 2
