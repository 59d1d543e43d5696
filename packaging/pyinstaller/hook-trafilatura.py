"""PyInstaller hook: trafilatura reads settings.cfg and its data folder at run time."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("trafilatura")
