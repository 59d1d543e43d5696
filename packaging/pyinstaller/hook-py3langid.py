"""PyInstaller hook: py3langid's own model (142 languages, 4.6 MB) only when the cut-down
resources/languages.npz that `make setup` writes is missing (the app loads that one)."""

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files

CUT_DOWN = Path(__file__).resolve().parents[2] / "resources" / "languages.npz"
datas = [] if CUT_DOWN.is_file() else collect_data_files("py3langid")
