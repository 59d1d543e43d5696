"""PyInstaller hook: simplemma with only the lemma tables of the languages the app asks it for
(Dutch; English for foreign words), not the other 48 (19 MB), and not the Dutch one when
`make setup` has written the unpacked copy the app reads (resources/simplemma-nl.tsv.z). Add a
language here when the app starts to use it."""

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files

UNPACKED_DUTCH = Path(__file__).resolve().parents[2] / "resources" / "simplemma-nl.tsv.z"
LANGUAGES = ("en",) if UNPACKED_DUTCH.is_file() else ("nl", "en")
datas = collect_data_files(
    "simplemma",
    includes=[f"strategies/dictionaries/data/{language}.plzma" for language in LANGUAGES],
)
