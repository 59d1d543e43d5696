"""PyInstaller hook: wordfreq with only its Dutch and English word lists."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("wordfreq", includes=["data/*_nl.msgpack.gz", "data/*_en.msgpack.gz"])
