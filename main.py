"""Leeswijzer's composition root: parses the command line and wires the core to the UI."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leeswijzer",
                                     description="A reading assistant for Dutch.")
    parser.add_argument("path", nargs="?", help="article to open (.txt, .html, .epub or a URL)")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG, exit")
    parser.add_argument("--self-test", action="store_true",
                        help="load everything, analyse the sample (or PATH) headless, exit")
    parser.add_argument("--pipeline", help="spaCy pipeline to use (default: best Dutch one)")
    return parser


def build_analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leeswijzer analyze",
                                     description="Analyse an article and print JSON.")
    parser.add_argument("path", help="article to analyse")
    parser.add_argument("--level", default="B1", choices=["A1", "A2", "B1", "B2", "C1", "C2"])
    parser.add_argument("--format", default="json", choices=["json", "summary"])
    parser.add_argument("--pipeline", help="spaCy pipeline to use (default: best Dutch one)")
    return parser


def run_analyze(argv: list[str]) -> int:
    from assistant.errors import AssistantError
    from assistant.models import Level
    from assistant.report import reading_to_json, summary_line
    from assistant.service import ReadingAssistant

    args = build_analyze_parser().parse_args(argv)
    assistant = ReadingAssistant(pipeline_name=args.pipeline)
    try:
        reading = assistant.read(assistant.load_article(args.path), Level(args.level))
    except AssistantError as error:
        print(f"leeswijzer: {error.message}", file=sys.stderr)
        return 2
    if args.format == "summary":
        print(summary_line(reading, assistant))
    else:
        json.dump(reading_to_json(reading, assistant), sys.stdout, ensure_ascii=False, indent=1)
        print()
    return 0


def run_self_test(path: str | None, pipeline: str | None) -> int:
    from assistant.errors import AssistantError
    from assistant.report import summary_line
    from assistant.resources import resource_path
    from assistant.service import ReadingAssistant

    assistant = ReadingAssistant(pipeline_name=pipeline)
    try:
        assistant.load_pipeline()
        if assistant.dictionary() is None:
            error = assistant.dictionary_error
            raise error if error is not None else RuntimeError("dictionary missing")
        article = assistant.load_article(path or resource_path("sample_article.txt"))
        reading = assistant.read(article)
    except AssistantError as error:
        print(f"self-test FAILED: {error.message}", file=sys.stderr)
        return 1
    print(f"self-test OK: {summary_line(reading, assistant)}")
    return 0


LEARNER_FILE = "learner.sqlite"


def run_gui(path: str | None, screenshot: str | None, pipeline: str | None = None) -> int:
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed for a PNG
    from assistant.knowledge.enrichment import Enricher
    from assistant.learner.known_words import KnownWords
    from assistant.service import ReadingAssistant
    from ui.settings import cache_folder, data_folder, load_preferences, set_application_identity

    set_application_identity()
    preferences = load_preferences()
    enricher = Enricher(cache_folder() / "notes-cache.sqlite",
                        enabled=preferences.online and screenshot is None)
    service = ReadingAssistant(pipeline_name=pipeline or preferences.pipeline, enricher=enricher)
    service.preload()  # the language model loads while the widgets are imported and built
    if screenshot is not None:
        from ui.app import take_screenshot

        # A screenshot uses fresh settings and an empty learner store, never the user's.
        with tempfile.TemporaryDirectory(prefix="leeswijzer-shot-") as scratch:
            folder = Path(scratch)
            return take_screenshot(path, Path(screenshot), service,
                                   KnownWords(folder / LEARNER_FILE), folder)
    from ui.app import run

    folder = data_folder()
    return run(path, service, KnownWords(folder / LEARNER_FILE), folder)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["analyze"], ["analyse"]):
        return run_analyze(argv[1:])
    args = build_parser().parse_args(argv)
    if args.self_test:
        return run_self_test(args.path, args.pipeline)
    return run_gui(args.path, args.screenshot, args.pipeline)


if __name__ == "__main__":
    sys.exit(main())
