"""PyInstaller hook: py3langid loads its model file at run time."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("py3langid")
