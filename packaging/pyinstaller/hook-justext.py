"""PyInstaller hook: jusText (trafilatura's fallback extractor) with only its Dutch and English
stop lists of the 100 it ships; it lists the folder at run time, so the rest are not missed."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("justext", includes=["stoplists/Dutch.txt", "stoplists/English.txt"])
