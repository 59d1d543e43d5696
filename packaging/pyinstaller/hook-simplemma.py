"""PyInstaller hook: simplemma with only the lemma tables of the languages the app asks it for
(Dutch; English for foreign words), not the other 48 (19 MB). Add a language here when the
app starts to use it."""

from PyInstaller.utils.hooks import collect_data_files

LANGUAGES = ("nl", "en")
datas = collect_data_files(
    "simplemma",
    includes=[f"strategies/dictionaries/data/{language}.plzma" for language in LANGUAGES],
)
