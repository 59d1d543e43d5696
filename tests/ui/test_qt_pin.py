"""The Qt pin: PySide6 6.12.0 on CPython < 3.12 drops a reference to None on every void call."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

VOID_CALLS = 3000


def test_void_qt_calls_keep_the_reference_count_of_none_level(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm-up")  # the first call may allocate caches
    before = sys.getrefcount(None)
    for number in range(VOID_CALLS):
        label.setText("x" if number % 2 else "y")
    after = sys.getrefcount(None)
    # Immortal None (3.12+) reports a constant; 6.12.0 on 3.11 would be VOID_CALLS lower.
    assert abs(after - before) < VOID_CALLS // 10, (before, after)
