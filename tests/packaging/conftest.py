"""Makes the packaging scripts (packaging/, packaging/linux/) importable by their tests."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
for folder in (ROOT / "packaging", ROOT / "packaging" / "linux"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
