"""PyInstaller hook: jusText (used by trafilatura) reads its stop lists at run time."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("justext")
