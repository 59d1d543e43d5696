"""PyInstaller hook: QtGui as upstream, minus the plugins the app does not use.

Filtering here, before PyInstaller resolves the plugins' library dependencies, keeps those
dependencies (e.g. GTK's for the gtk3 theme) out of the bundle.
"""

import sys
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from qt_filter import keep_qt_file

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if keep_qt_file(entry[1] + "/" + Path(entry[0]).name)]
