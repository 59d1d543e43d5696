"""Screenshots for the README, made offscreen with the real analysis: the main window, a gloss
card, a name card, the notes panel, the library and the news feeds, light and dark."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
WINDOW_SIZE = (1180, 720)
TIMEOUT_MS = 120_000
# Made-up articles for the library (the sample is the article shown).
ARTICLES = {
    "fietsen.txt": ("Meer mensen fietsen naar hun werk\n\nSteeds meer Nederlanders nemen de "
                    "fiets naar kantoor. Gemeenten leggen daarom bredere fietspaden aan."),
    "markt.txt": ("De markt op zaterdag\n\nOp de markt verkopen boeren hun groente en kaas. "
                  "Veel bezoekers komen al vroeg in de ochtend."),
}
FEED_URL = "https://voorbeeld.nl/nieuws.rss"
FEED_ENTRIES = (
    ("Nieuwe brug over de rivier geopend", 0),
    ("Kabinet wil meer woningen bouwen", 1),
    ("Zomer was warmer dan ooit gemeten", 2),
    ("Schaatsers trainen al voor de winter", 3),
    ("Bibliotheek blijft langer open", 5),
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs")
    parser.add_argument("--pipeline", help="spaCy pipeline (default: the best installed)")
    parser.add_argument("--themes", default="light,dark", help="comma-separated: light, dark")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["LEESWIJZER_OFFLINE"] = "1"  # no online notes: the same pictures every time
    sys.path.insert(0, str(ROOT))
    from assistant.service import ReadingAssistant
    from ui.app import apply_theme, create_application
    from ui.settings import set_application_identity

    set_application_identity()
    app = create_application()
    service = ReadingAssistant(pipeline_name=args.pipeline)
    service.load_pipeline()
    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for theme in args.themes.split(","):
        os.environ["LEESWIJZER_THEME"] = theme.strip()
        apply_theme(app)
        with tempfile.TemporaryDirectory(prefix="leeswijzer-shots-") as scratch:
            written += _shots(service, Path(scratch), args.out, theme.strip())
    total = sum(path.stat().st_size for path in written)
    for path in written:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  "
              f"{path.stat().st_size / 1024:.0f} KB")
    print(f"{len(written)} screenshots, {total / 1024:.0f} KB")
    return 0


def _shots(service: object, scratch: Path, out: Path, theme: str) -> list[Path]:
    import time

    from PySide6.QtCore import QRect, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from assistant.feeds import FeedEntry, FeedStore, FetchedFeed
    from assistant.learner.memory import LearnerMemory
    from assistant.resources import resource_path
    from ui.app import focus_first_hard_word, open_window, settle, wait_until_shown
    from ui.feeds import FeedsWindow

    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    feeds = FeedStore(scratch / "feeds.json")
    feeds.subscribe(FEED_URL)
    now = time.time()
    feeds.merge(FetchedFeed(FEED_URL, "Nieuws uit Nederland (voorbeeld)", tuple(
        FeedEntry(FEED_URL, f"n{number}", title, f"https://voorbeeld.nl/artikel/{number}",
                  now - hours * 3600 - 600)
        for number, (title, hours) in enumerate(FEED_ENTRIES))), now)
    feeds.mark_seen(feeds.entries(FEED_URL)[3])
    window = open_window(service, LearnerMemory(scratch / "learner.sqlite"),  # type: ignore[arg-type]
                         settings, WINDOW_SIZE, feeds)

    def wait_for_analysis(open_it: Callable[[], object]) -> None:
        wait_until_shown(window, open_it, TIMEOUT_MS)

    for name, text in ARTICLES.items():
        path = scratch / name
        path.write_text(text, encoding="utf-8")
        wait_for_analysis(lambda p=path: window.session.open_path(p))  # type: ignore[misc]
    wait_for_analysis(lambda: window.session.open_path(resource_path("sample_article.txt")))

    def save(widget: QWidget, name: str, area: QRect | None = None) -> Path:
        settle(window)  # the notes panel's rows all built, every layout done
        pixmap = widget.grab(area) if area is not None else widget.grab()
        path = out / f"{name}-{theme}.png"
        quantised(pixmap.toImage()).save(str(path), quality=0)  # 0: the strongest compression
        return path

    written = [save(window, "main-window")]
    reader = window.reader
    if focus_first_hard_word(reader) is not None:
        card = reader.card.geometry()
        area = card.united(reader.token_line_rect(reader.focus_token or 0)).adjusted(
            -140, -40, 140, 30).intersected(reader.viewport().rect())
        written.append(save(reader.viewport(), "gloss-card", area))
        reader.hide_card()
    person = _name_token(window)
    if person is not None:
        reader.scroll_to_token(person)
        QApplication.processEvents()
        if reader.show_note_for_token(person):
            area = reader.card.geometry().united(reader.token_line_rect(person)).adjusted(
                -140, -40, 140, 30).intersected(reader.viewport().rect())
            written.append(save(reader.viewport(), "name-card", area))
        reader.hide_card()
    notes = window.notes
    if notes.isVisible():
        written.append(save(notes, "notes-panel"))
    library = window.show_library()
    library.resize(900, 190)
    written.append(save(library, "library"))
    library.close()
    feed_window = FeedsWindow(feeds, window.session.runner, window)
    feed_window.resize(900, 300)
    feed_window.show()
    written.append(save(feed_window, "news-feeds"))
    feed_window.close()
    window.close()
    return written


def _name_token(window: Any) -> int | None:
    """The first token of a person's name with a note (else of any name with one)."""
    from assistant.models import Category

    reader = window.reader
    reading = reader.reading
    if reading is None:
        return None
    named = [(token.index, mention[2]) for token in reading.analysed.tokens
             if (mention := reader.note_at(token.start)) is not None]
    people = [index for index, note in named if note.category is Category.PERSON]
    return people[0] if people else named[0][0] if named else None


def quantised(image: QImage, colours: int = 256) -> QImage:
    """The image with its `colours` most frequent colours, every other pixel mapped to the
    nearest of them: screenshots have few colours, so a third of the size and no visible loss
    (entity colours stay exact)."""
    import numpy as np
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = rgb.width(), rgb.height()
    raw = bytes(rgb.constBits())  # a copy: no array points into the image's memory
    pixels = np.frombuffer(raw, np.uint32).reshape(height, -1)[:, :width] & 0xFFFFFF
    values, inverse, counts = np.unique(pixels, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(height, width)
    if len(values) <= colours:
        palette, index = values, inverse
    else:
        palette = values[np.argsort(counts, kind="stable")[::-1][:colours]]
        ours, theirs = _channels(values), _channels(palette)
        nearest = np.empty(len(values), np.intp)
        for start in range(0, len(values), 2048):
            gap = ((ours[start:start + 2048, None, :] - theirs[None, :, :]) ** 2).sum(-1)
            nearest[start:start + 2048] = gap.argmin(1)
        index = nearest[inverse]
    line = (width + 3) // 4 * 4  # Qt's rows are 32-bit aligned
    rows = np.zeros((height, line), np.uint8)
    rows[:, :width] = index
    data = rows.tobytes()
    out = QImage(data, width, height, line, QImage.Format.Format_Indexed8).copy()  # owns its data
    out.setColorTable([int(value) | 0xFF000000 for value in palette])
    return out


def _channels(values: Any) -> Any:
    import numpy as np

    return np.stack([(values >> 16) & 255, (values >> 8) & 255, values & 255], -1).astype(
        np.int32)


if __name__ == "__main__":
    sys.exit(main())
