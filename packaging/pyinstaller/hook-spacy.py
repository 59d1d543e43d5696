"""PyInstaller hook: spaCy's data files and submodules, without its test suite."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy", excludes=["tests", "tests/**"])
hiddenimports = collect_submodules("spacy", filter=lambda name: ".tests" not in name)
