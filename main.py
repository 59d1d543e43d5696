"""Leeswijzer's composition root: parses the command line and wires the core to the UI."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from assistant.learner.memory import LearnerMemory
    from assistant.models import AnalysedArticle, Article, Level, Reading
    from assistant.reading.difficulty import Learner
    from assistant.report import TokenObjects
    from assistant.service import ReadingAssistant


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leeswijzer",
                                     description="A reading assistant for Dutch.")
    parser.add_argument("path", nargs="?", help="article to open (.txt, .html, .epub or a URL; "
                                                "default: the last article read)")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG, exit")
    parser.add_argument("--self-test", action="store_true",
                        help="load everything, analyse the sample (or PATH) headless, exit")
    parser.add_argument("--pipeline", help="spaCy pipeline to use (default: best Dutch one)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the learner's data folder (default: the user's data folder); "
                             "also before analyze, known, vocab and history")
    return parser


def build_analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leeswijzer analyze",
                                     description="Analyse an article and print JSON.")
    parser.add_argument("path", help="article to analyse")
    parser.add_argument("--level", default="B1", choices=["A1", "A2", "B1", "B2", "C1", "C2"])
    parser.add_argument("--format", default="json", choices=["json", "summary"])
    parser.add_argument("--pipeline", help="spaCy pipeline to use (default: best Dutch one)")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="worker processes for a text of several parts (default: one per "
                             "core; 1: in this process); the output is the same")
    return parser


def run_analyze(argv: list[str], data_dir: Path | None = None) -> int:
    from assistant.errors import AssistantError
    from assistant.learner.coverage import coverage
    from assistant.learner.memory import LearnerMemory
    from assistant.learner.statuses import EMPTY_VIEW
    from assistant.models import Level
    from assistant.report import (
        TokenObjects,
        coverage_to_json,
        reading_to_json,
        summary_line,
        write_json,
    )
    from assistant.service import ReadingAssistant

    args = build_analyze_parser().parse_args(argv)
    assistant = ReadingAssistant(pipeline_name=args.pipeline)
    view = EMPTY_VIEW
    try:
        if data_dir is not None:  # that learner's words: known lemmas are never hard
            memory = LearnerMemory(data_dir / LEARNER_FILE)
            try:
                view = memory.view()
                if memory.message:
                    print(f"leeswijzer: {memory.message}", file=sys.stderr)
            finally:
                memory.close()
        article = assistant.load_article(args.path)
        # A long text's token objects are encoded as its sections come in (beside the workers).
        tokens = TokenObjects(assistant.gloss) if args.format == "json" else None
        reading = read_for_analyze(assistant, article, Level(args.level), view, args.jobs,
                                   tokens)
    except AssistantError as error:
        print(f"leeswijzer: {error.message}", file=sys.stderr)
        return 2
    if args.format == "summary":
        print(summary_line(reading, assistant))
    else:
        encoded = tokens.finish(reading) if tokens is not None and tokens.started else None
        data = reading_to_json(reading, assistant, encoded)
        data["coverage"] = coverage_to_json(coverage(reading.analysed, view))
        write_json(data, sys.stdout)
        print()
    return 0


def read_for_analyze(assistant: ReadingAssistant, article: Article, level: Level,
                     learner: Learner, jobs: int, tokens: TokenObjects | None = None) -> Reading:
    """A short text in one analysis, in this process (no worker's start-up to wait for); a
    longer one a part at a time, as the window reads it, in `jobs` worker processes (0: one
    per core), its `tokens` encoded as its parts come in."""
    from assistant.parallel import default_jobs, read_sections
    from assistant.reading.sections import SECTION_CHARS

    if len(article.text) <= SECTION_CHARS:
        return assistant.read(article, level, learner)

    def merged(analysed: AnalysedArticle, first: int) -> None:
        if tokens is not None:
            tokens.add(analysed, first)
        # What the sections leave lasts to the end: full collections would walk it again and
        # again (1.2 s of the 990,000-character paragraph's 20).
        gc.freeze()

    return read_sections(assistant, article, level, learner, jobs or default_jobs(),
                         on_section=merged)


def run_self_test(path: str | None, pipeline: str | None) -> int:
    from assistant.service import ReadingAssistant
    from ui.self_test import run_self_test as self_test

    return self_test(ReadingAssistant(pipeline_name=pipeline), path)


LEARNER_FILE = "learner.sqlite"
LEARNER_COMMANDS = ("known", "vocab", "history")


def take_data_dir(argv: list[str]) -> tuple[Path | None, list[str]]:
    """`--data-dir DIR` (or `--data-dir=DIR`) wherever it stands, and the other arguments."""
    rest: list[str] = []
    folder: Path | None = None
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--data-dir":
            value = next(arguments, None)
            if value is None:
                raise SystemExit("leeswijzer: --data-dir needs a folder")
            folder = Path(value)
        elif argument.startswith("--data-dir="):
            folder = Path(argument.split("=", 1)[1])
        else:
            rest.append(argument)
    return folder, rest


def learner_path(data_dir: Path | None) -> Path:
    """The learner database in `data_dir`, or in the user's data folder."""
    if data_dir is not None:
        return data_dir / LEARNER_FILE
    from ui.settings import data_folder, set_application_identity

    set_application_identity()
    return data_folder() / LEARNER_FILE


def build_learner_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leeswijzer",
                                     description="The learner's words (see README).")
    commands = parser.add_subparsers(dest="command", required=True)
    known = commands.add_parser("known", help="known words").add_subparsers(dest="action",
                                                                             required=True)
    imported = known.add_parser("import", help="mark the words of a list, CSV or Anki file known")
    imported.add_argument("file")
    imported.add_argument("--dry-run", action="store_true", help="only say what would change")
    listed = known.add_parser("list", help="print the known lemmas, one a line")
    listed.add_argument("--all", action="store_true", help="every lemma with its status")
    vocab = commands.add_parser("vocab", help="saved words").add_subparsers(dest="action",
                                                                           required=True)
    exported = vocab.add_parser("export", help="write saved words to OUT.csv or OUT.apkg")
    exported.add_argument("out")
    sent = vocab.add_parser("send", help="send saved words to a running Anki (AnkiConnect)")
    sent.add_argument("--url", default=None, help="AnkiConnect's address")
    vocab.add_parser("list", help="print the saved words")
    commands.add_parser("history", help="articles read, with their coverage")
    return parser


def run_learner(argv: list[str], data_dir: Path | None) -> int:
    """`known import|list`, `vocab export|send|list` and `history`."""
    from assistant.errors import AssistantError
    from assistant.learner.memory import LearnerMemory

    args = build_learner_parser().parse_args(argv)
    memory = LearnerMemory(learner_path(data_dir))
    try:
        memory.open()
        if memory.message:
            print(f"leeswijzer: {memory.message}", file=sys.stderr)
        return _learner_command(args, memory)
    except AssistantError as error:
        print(f"leeswijzer: {error.message}", file=sys.stderr)
        return 2
    finally:
        memory.close()


def _learner_command(args: argparse.Namespace, memory: LearnerMemory) -> int:
    from assistant.learner.exporting import AnkiConnect, ExportError, export_apkg, export_csv

    if args.command == "known" and args.action == "import":
        preview = memory.preview_import(Path(args.file), _headwords())
        for row in preview.skipped[:20]:
            print(f"{args.file}:{row.line}: skipped ({row.reason}): {row.text}", file=sys.stderr)
        if args.dry_run:
            print(f"{preview.describe()}; nothing written (--dry-run)")
            return 0
        new = memory.apply_import(preview)
        print(f"{new} new lemmas marked known ({preview.already_known} already known, "
              f"{preview.kept} kept with their status, {len(preview.skipped)} rows skipped)")
    elif args.command == "known":
        view = memory.view()
        if args.all:
            statuses = {**{lemma: "known" for lemma in view.known},
                        **{lemma: "ignored" for lemma in view.ignored},
                        **{lemma: f"learning-{step}" for lemma, step in view.learning.items()}}
            for lemma in sorted(statuses):
                print(f"{lemma}\t{statuses[lemma]}")
        else:
            for lemma in memory.known_lemmas():
                print(lemma)
    elif args.command == "vocab" and args.action == "export":
        out = Path(args.out)
        words = memory.saved_words()
        if out.suffix.lower() == ".csv":
            count = export_csv(words, out)
        elif out.suffix.lower() == ".apkg":
            count = export_apkg(words, out)
        else:
            raise ExportError(f"Cannot export to {out.name}: give a .csv or .apkg file name.")
        print(f"{count} saved words written to {out}")
    elif args.command == "vocab" and args.action == "send":
        client = AnkiConnect(args.url) if args.url else AnkiConnect()
        result = client.send(memory.saved_words())
        print(f"{result.added} notes added to Anki, {result.updated} updated")
    elif args.command == "vocab":
        for word in memory.saved_words():
            print(f"{word.headword}\t{word.gloss}\t{word.sentence}")
    else:
        for entry in memory.history():
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.read_at))
            print(f"{when}\t{round(entry.share * 100)} %\t{entry.level}\t"
                  f"{entry.title or entry.source}")
    return 0


def _headwords() -> Callable[[str], bool] | None:
    """The bundled dictionary's headwords (kept as written when importing), if it is there."""
    from assistant.service import ReadingAssistant

    assistant = ReadingAssistant()
    return assistant.is_headword if assistant.dictionary() is not None else None


def run_gui(path: str | None, screenshot: str | None, pipeline: str | None = None,
            data_dir: Path | None = None) -> int:
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed for a PNG
    from assistant.learner.memory import LearnerMemory
    from assistant.service import ReadingAssistant
    from ui.settings import cache_folder, data_folder, load_preferences, set_application_identity

    set_application_identity()
    preferences = load_preferences()
    name = pipeline or preferences.pipeline
    if screenshot is not None:
        from assistant.knowledge.enrichment import Enricher
        from ui.app import take_screenshot

        # In this process; fresh settings and an empty learner store, never the user's.
        service = ReadingAssistant(pipeline_name=name,
                                   enricher=Enricher(cache_folder() / NOTES_CACHE, enabled=False))
        service.preload()  # the language model loads while the widgets are imported and built
        with tempfile.TemporaryDirectory(prefix="leeswijzer-shot-") as scratch:
            folder = Path(scratch)
            return take_screenshot(path, Path(screenshot), service,
                                   LearnerMemory(folder / LEARNER_FILE), folder)
    from assistant.worker import WorkerConfig, start_worker

    # The worker process owns the language model and the analysis: it starts loading now,
    # beside the window, and this process never imports spaCy.
    config = WorkerConfig(pipeline_name=name, notes_cache=cache_folder() / NOTES_CACHE,
                          online=preferences.online)
    worker = start_worker(config)
    from ui.app import run

    folder = data_dir if data_dir is not None else data_folder()
    return run(path, ReadingAssistant(pipeline_name=name), LearnerMemory(folder / LEARNER_FILE),
               folder, worker=(config, worker))


NOTES_CACHE = "notes-cache.sqlite"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    data_dir, argv = take_data_dir(argv)
    if argv[:1] in (["analyze"], ["analyse"]):
        return run_analyze(argv[1:], data_dir)
    if argv[:1] and argv[0] in LEARNER_COMMANDS:
        return run_learner(argv, data_dir)
    args = build_parser().parse_args(argv)
    if args.self_test:
        return run_self_test(args.path, args.pipeline)
    return run_gui(args.path, args.screenshot, args.pipeline, data_dir)


def exit_at_once(code: int) -> NoReturn:
    """End the process with `code` once everything is saved and every thread and process has
    ended: the interpreter's own teardown (Qt's exit handler destroying the window's objects,
    then every module) took over a second after a long article, and quitting must take under
    one. Nothing is left to save: the session closed the learner's store, the window synced its
    settings, the worker process has ended; the log is flushed here."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    # A frozen app starts its worker process by running itself again: this hands that run to
    # multiprocessing (a no-op elsewhere).
    multiprocessing.freeze_support()
    exit_at_once(main())
