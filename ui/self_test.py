"""`leeswijzer --self-test`: proves that what a learner needs works, bundled or from source."""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # main.py builds the assistant; this module only uses it
    from assistant import service
    from assistant.models import Reading

# Floors well below what the shipped data has, so that a broken or emptied part fails while
# normal growth and either Dutch pipeline pass.
DICTIONARY_FLOOR = 30_000
KNOWN_GLOSS = ("fiets", "bicycle")
KNOWLEDGE_FLOOR = 600
KNOWLEDGE_FLOOR_SCHEMA_2 = 1_500
KNOWN_NOTE = "Europese Unie"
PLACES_FLOOR = 150
FIXTURES = ("artikel.html", "artikel.epub")


@dataclass(frozen=True, slots=True)
class Floors:
    """Minimum counts for one analysed article."""

    tokens: int
    hard: int
    entities: int
    notes: int
    glossed_share: float = 0.8  # of the hard words


FIXTURE_FLOORS = Floors(tokens=250, hard=10, entities=4, notes=3)
ANY_ARTICLE_FLOORS = Floors(tokens=1, hard=0, entities=0, notes=0, glossed_share=0.5)


class SelfTestFailed(Exception):
    """A check failed; the message says what a learner would miss."""


@dataclass(frozen=True, slots=True)
class Counts:
    tokens: int
    hard: int
    glossed: int
    entities: int
    notes: int

    def check(self, floors: Floors, name: str) -> None:
        problems = [
            f"{value} {what} (at least {floor})"
            for value, floor, what in (
                (self.tokens, floors.tokens, "tokens"), (self.hard, floors.hard, "hard words"),
                (self.entities, floors.entities, "entities"), (self.notes, floors.notes, "notes"))
            if value < floor
        ]
        if self.hard and self.glossed < floors.glossed_share * self.hard:
            problems.append(f"only {self.glossed} of {self.hard} hard words glossed")
        if problems:
            raise SelfTestFailed(f"{name}: " + ", ".join(problems))


def platform_plugins_folder() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def check_platform_plugins(required: set[str]) -> str:
    """Every required platform plugin (e.g. xcb) is present and loads; returns the ones found."""
    from PySide6.QtCore import QPluginLoader

    folder = platform_plugins_folder()
    found = {}
    for path in sorted(folder.glob("*q*")) if folder.is_dir() else []:
        if path.suffix not in (".so", ".dll", ".dylib"):
            continue
        name = path.name.split(".")[0].removeprefix("lib").removeprefix("q")
        found[name] = path
    missing = sorted(required - found.keys())
    if missing:
        raise SelfTestFailed(f"Qt platform plugin {', '.join(missing)} is missing from {folder}")
    for name in sorted(required):
        loader = QPluginLoader(str(found[name]))
        if not loader.load():
            raise SelfTestFailed(f"Qt platform plugin {name} does not load: {loader.errorString()}")
    return ", ".join(sorted(found))


def required_platforms(platform: str) -> set[str]:
    required = {platform}
    if sys.platform.startswith("linux") and getattr(sys, "frozen", False):
        required.add("xcb")  # the bundle must start on every X11 session and on XWayland
    return required


def check_qt() -> str:
    """Create the QApplication on the environment's platform and draw a widget with text."""
    if sys.platform.startswith("linux") and not any(
            os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen at all: test without one
    wanted = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] or None
    default = {"win32": "windows", "darwin": "cocoa"}.get(sys.platform, "xcb")
    if wanted is None and os.environ.get("WAYLAND_DISPLAY"):
        wanted = "wayland"
    plugins = check_platform_plugins(required_platforms(wanted or default))
    from PySide6.QtCore import QCollator, QLocale
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(["leeswijzer"])
    label = QLabel("Leeswijzer: één ijsje")
    label.resize(240, 40)
    image = QImage(label.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    label.render(image)
    inked = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                if image.pixelColor(x, y).lightness() < 128)
    if inked < 10:
        raise SelfTestFailed("Qt draws no text (fonts or the widget style are missing)")
    # Dutch collation comes from ICU's data: "appel" sorts before "Banaan" only with it.
    collator = QCollator(QLocale("nl_NL"))
    if collator.compare("appel", "Banaan") >= 0:
        raise SelfTestFailed("Qt's collation data (ICU) is missing: Dutch words sort wrongly")
    name = QApplication.platformName() if isinstance(app, QApplication) else "?"
    return f"Qt {name} (plugins {plugins})"


def check_dictionary(assistant: service.ReadingAssistant) -> str:
    dictionary = assistant.dictionary()
    if dictionary is None:
        error = assistant.dictionary_error
        raise SelfTestFailed(error.message if error is not None else "no dictionary")
    uri = f"{dictionary.path.resolve().as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as connection:
        (count,) = connection.execute("SELECT count(*) FROM entries").fetchone()
    if count < DICTIONARY_FLOOR:
        raise SelfTestFailed(f"the dictionary has {count} entries (at least {DICTIONARY_FLOOR})")
    word, gloss = KNOWN_GLOSS
    entry = dictionary.lookup(word)
    if entry is None or not any(gloss in sense for sense in entry.senses):
        raise SelfTestFailed(f"the dictionary does not gloss {word!r} as {gloss!r}")
    return f"dictionary {count} entries"


def knowledge_floor(folder: Path) -> int:
    """1,500 once the base is the new one (schema 2), else the old base's floor."""
    for path in folder.glob("*.json"):
        with path.open(encoding="utf-8") as handle:
            if json.load(handle).get("schema") == 2:
                return KNOWLEDGE_FLOOR_SCHEMA_2
    return KNOWLEDGE_FLOOR


def check_knowledge(assistant: service.ReadingAssistant) -> str:
    from assistant.resources import resource_path

    knowledge = assistant.knowledge()
    entries = knowledge.entries()
    places = sum(1 for e in entries if e.id.startswith(("country-", "city-")))
    curated = len(entries) - places
    floor = knowledge_floor(resource_path("knowledge"))
    if curated < floor:
        raise SelfTestFailed(f"the knowledge base has {curated} notes (at least {floor})")
    if places < PLACES_FLOOR:
        raise SelfTestFailed(f"the knowledge base has {places} places (at least {PLACES_FLOOR})")
    entry = knowledge.find(KNOWN_NOTE)
    if entry is None or not entry.description:
        raise SelfTestFailed(f"the knowledge base has no note on {KNOWN_NOTE}")
    return f"knowledge {curated} notes, {places} places"


def analyse(assistant: service.ReadingAssistant, path: str | Path) -> tuple[Reading, Counts]:
    reading = assistant.read(assistant.load_article(path))
    hard = [t for t in reading.analysed.tokens if t.hard]
    return reading, Counts(
        tokens=len(reading.analysed.tokens),
        hard=len(hard),
        glossed=sum(1 for t in hard if assistant.gloss(reading, t.index) is not None),
        entities=len(reading.analysed.entities),
        notes=len(reading.notes),
    )


def check_fixtures(assistant: service.ReadingAssistant) -> str:
    from assistant.resources import resource_path

    read = []
    for name in FIXTURES:
        _, counts = analyse(assistant, resource_path("self-test") / name)
        counts.check(FIXTURE_FLOORS, name)
        read.append(f"{name.rsplit('.', 1)[1]} {counts.tokens} tokens")
    return ", ".join(read)


def _simplemma() -> None:
    from assistant.lexicon.lemmas import simplemma_lemma

    if simplemma_lemma("huizen") != "huis":  # with the table the app reads
        raise SelfTestFailed("simplemma does not lemmatise Dutch ('huizen')")


def _py3langid() -> None:
    from assistant.reading.language import get_detector

    detector = get_detector()  # with the model the app loads (resources/languages.npz)
    said = [detector.passage_language(sentence.split()) for sentence in (
        "De gemeente legt volgend voorjaar daktuinen aan", "How dare you say that to us")]
    if said != ["nl", "en"]:
        raise SelfTestFailed(f"py3langid takes a Dutch and an English sentence for {said}")


def _genanki() -> None:
    import genanki  # type: ignore[import-untyped, import-not-found, unused-ignore]

    deck = genanki.Deck(2059400110, "Leeswijzer self-test")
    model = genanki.Model(1607392319, "Leeswijzer", fields=[{"name": "Dutch"},
                                                            {"name": "English"}],
                          templates=[{"name": "Card", "qfmt": "{{Dutch}}",
                                      "afmt": "{{FrontSide}}<hr>{{English}}"}])
    deck.add_note(genanki.Note(model=model, fields=["de fiets", "the bicycle"]))
    with tempfile.TemporaryDirectory(prefix="leeswijzer-self-test-") as folder:
        target = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(target))
        if target.stat().st_size < 100:
            raise SelfTestFailed("genanki wrote an empty Anki deck")


def _feedparser() -> None:
    import feedparser  # type: ignore[import-untyped, import-not-found, unused-ignore]

    feed = feedparser.parse(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Nieuws</title>"
        "<item><title>Groene daken</title><link>http://127.0.0.1/a</link></item>"
        "</channel></rss>")
    if [entry.get("title") for entry in feed.entries] != ["Groene daken"]:
        raise SelfTestFailed("feedparser does not read a news feed")


def _texttospeech() -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech  # type: ignore[import-untyped, import-not-found, unused-ignore]

    QTextToSpeech.availableEngines()  # loads the plugin folder; no engine is required


OPTIONAL: dict[str, tuple[str, Callable[[], None]]] = {
    "simplemma": ("simplemma", _simplemma),
    "py3langid": ("py3langid", _py3langid),
    "genanki": ("genanki", _genanki),
    "feedparser": ("feedparser", _feedparser),
    "read-aloud": ("PySide6.QtTextToSpeech", _texttospeech),
}


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


def check_optional() -> str:
    """Exercise the libraries that newer features use, where this build has them."""
    present = [name for name, (module, _) in OPTIONAL.items() if _installed(module)]
    for name in present:
        try:
            OPTIONAL[name][1]()
        except (ImportError, OSError) as error:  # a library of the module is missing
            raise SelfTestFailed(f"{name} does not load: {error}") from error
    return "extras " + (", ".join(present) if present else "none")


def run_self_test(assistant: service.ReadingAssistant, path: str | None) -> int:
    """Every check in turn; prints one line, `self-test OK: …` or `self-test FAILED: …`."""
    from assistant.errors import AssistantError
    from assistant.report import summary_line
    from assistant.resources import resource_path

    try:
        qt = check_qt()
        assistant.load_pipeline()
        dictionary = check_dictionary(assistant)
        knowledge = check_knowledge(assistant)
        article = path or str(resource_path("sample_article.txt"))
        reading, counts = analyse(assistant, article)
        counts.check(
            ANY_ARTICLE_FLOORS if path else FIXTURE_FLOORS, Path(article).name)
        fixtures = check_fixtures(assistant)
        extras = check_optional()
    except AssistantError as error:
        print(f"self-test FAILED: {error.message}", file=sys.stderr)
        return 1
    except SelfTestFailed as error:
        print(f"self-test FAILED: {error}", file=sys.stderr)
        return 1
    print(f"self-test OK: {summary_line(reading, assistant)}; {fixtures}; {dictionary}; "
          f"{knowledge}; {qt}; {extras}")
    return 0
