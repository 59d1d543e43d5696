"""Prints, for each hostile input of issue 13, the answer, its wall time and the peak memory.

Each case runs in a fresh process (`python bench/inputs.py CASE` runs one), so one case's memory
never counts for another. Inputs are made here: a FIFO, devices, a symlink loop, long names,
zip bombs, long paragraphs from the UD Dutch dev sets (unseen text), and loopback servers that
drip, lie and break HTTP. A paragraph case analyses the whole text in this process (as
`leeswijzer analyze` did before its worker processes); an analyze- case runs `main.py analyze`
in a child process and reports the peak memory of it and every process it starts, summed; a
window- case does what the window's worker does (the text loaded whole, its first part of at
most 50,000 characters analysed). The goal: every case answers (a one-line message or the
article) within 20 s and 1.5 GB.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def _paragraph(chars: int) -> str:
    from bench.ud import dev_sentences

    sentences = [s.text for treebank in dev_sentences().values() for s in treebank]
    text, index = [], 0
    length = 0
    while length < chars:
        sentence = sentences[index % len(sentences)]
        text.append(sentence)
        length += len(sentence) + 1
        index += 1
    return " ".join(text)[:chars]


def _analyse(path: str) -> str:
    from assistant.service import ReadingAssistant

    assistant = ReadingAssistant()
    assistant.load_pipeline()
    reading = assistant.read(assistant.load_article(path))
    return f"analysed: {len(reading.analysed.tokens):,} tokens"


def _analyse_in_app(path: str) -> str:
    """What the window's worker does with the file: load it whole, analyse its first part."""
    from assistant.learner.statuses import LearnerView
    from assistant.models import Level
    from assistant.reading.sections import split_sections
    from assistant.service import ReadingAssistant
    from assistant.worker import (
        ArticleLoaded,
        JobFailed,
        Open,
        PartReady,
        PipelineGate,
        Source,
        run_job,
    )

    assistant = ReadingAssistant()
    gate = PipelineGate(assistant.load_pipeline)
    gate.load()
    parts = tokens = 0
    for reply in run_job(assistant, Open(1, Source(path=path), Level.B1, LearnerView()), gate,
                         None):
        if isinstance(reply, ArticleLoaded):
            parts = len(split_sections(reply.article))
        elif isinstance(reply, PartReady):
            tokens += len(reply.part.tokens)
        elif isinstance(reply, JobFailed):
            return f"message: {reply.text}"
    return f"window: part 1 of {parts} analysed, {tokens:,} tokens"


def _tree_rss(root: int) -> int:
    """The resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * resource.getpagesize()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


def _analyze_command(path: str) -> str:
    """`main.py analyze PATH` in a child process, its output to a file: the answer, with the
    command's own time (until it exits, within 50 ms; the case's time also reads its JSON) and
    the peak memory of the child and every process it starts, summed (sampled every 50 ms)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "analyze", path],
                                 stdout=out, stderr=err)
        peak = 0
        while child.poll() is None:
            peak = max(peak, _tree_rss(child.pid))
            time.sleep(0.05)  # a bench's sampling interval, not a test's synchronisation
        command = time.perf_counter() - started  # the case's time less reading its answer
        if child.returncode != 0:
            err.seek(0)
            return f"exit {child.returncode}: {err.read().decode().strip()[-200:]}"
        out.seek(0)
        data = json.load(out)
    return (f"analyze: {len(data['tokens']):,} tokens in {command:.1f} s, all processes' peak "
            f"{peak / 2**20:.0f} MB")


def _load(path: str) -> str:
    from assistant.reading.loading import load_article

    article = load_article(path)
    return f"loaded: {len(article.text):,} characters, warnings {list(article.warnings)}"


def _served(answer: Callable[..., None]) -> Callable[[], str]:
    def fetch() -> str:
        from loopback import Loopback

        with Loopback(answer) as server:
            return _load(server.url("/artikel"))

    return fetch


def _case(name: str, folder: Path) -> Callable[[], str]:
    """Makes the case's input and returns what answers it (the part that is timed)."""
    from loopback import drip, raw

    if name == "fifo":
        os.mkfifo(folder / "pijp.txt")
        return lambda: _load(str(folder / "pijp.txt"))
    if name in ("dev-zero", "dev-urandom"):
        return lambda: _load("/dev/" + name.split("-")[1])
    if name == "symlink-loop":
        (folder / "a.txt").symlink_to(folder / "b.txt")
        (folder / "b.txt").symlink_to(folder / "a.txt")
        return lambda: _load(str(folder / "a.txt"))
    if name == "name-300-bytes":
        return lambda: _load(str(folder / ("a" * 300 + ".txt")))
    if name == "epub-1gib-bomb":
        path = folder / "bom.epub"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("mimetype", "application/epub+zip")
            with archive.open("OEBPS/bom.xhtml", "w", force_zip64=True) as member:
                block = b"<p>" + b"a" * (1 << 20) + b"</p>"
                for _ in range(1024):
                    member.write(block)
        return lambda: f"{path.stat().st_size / 1e6:.1f} MB file; " + _load(str(path))
    if name == "epub-600k-parts":
        path = folder / "veel.epub"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
            for number in range(600_000):
                archive.writestr(f"{number:x}", b"")
        return lambda: f"{path.stat().st_size / 1e6:.1f} MB file; " + _load(str(path))
    if name == "analyze-sample":
        return lambda: _analyze_command(str(ROOT / "resources" / "sample_article.txt"))
    if name.startswith("analyze-paragraph-"):
        chars = int(name.rsplit("-", 1)[1])
        path = folder / "lang.txt"
        path.write_text(_paragraph(chars), encoding="utf-8")
        return lambda: _analyze_command(str(path))
    if name.startswith(("paragraph-", "window-paragraph-")):
        chars = int(name.rsplit("-", 1)[1])
        path = folder / "lang.txt"
        path.write_text(_paragraph(chars), encoding="utf-8")
        analyse = _analyse_in_app if name.startswith("window-") else _analyse
        return lambda: analyse(str(path))
    if name == "text-50mb":
        path = folder / "groot.txt"
        path.write_text(("Een zin over de gemeente. " * 2_100_000)[:50 * 1024 * 1024 - 10])
        return lambda: _load(str(path))
    if name == "html-8mb":
        path = folder / "groot.html"
        paragraph = "<p>Het kabinet is gevallen na een lang debat in de Tweede Kamer.</p>\n"
        path.write_text("<html><body><article>" + paragraph * (8_000_000 // len(paragraph))
                        + "</article></body></html>", encoding="utf-8")
        return lambda: _load(str(path))
    if name == "url-drip":  # one byte every 2 s, as in the issue
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
        return _served(drip(head, every=2.0))
    if name == "url-short-body":
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
        return _served(raw(head + b"<html><p>kort</p>"))
    if name == "url-101-headers":
        return _served(raw(b"HTTP/1.1 200 OK\r\n" + b"A: b\r\n" * 101 + b"\r\n"))
    if name == "url-ftp-redirect":
        return _served(raw(b"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/\r\n\r\n"))
    raise SystemExit(f"unknown case {name}")


CASES = ("fifo", "dev-zero", "dev-urandom", "symlink-loop", "name-300-bytes", "epub-1gib-bomb",
         "epub-600k-parts", "text-50mb", "html-8mb", "url-drip", "url-short-body",
         "url-101-headers", "url-ftp-redirect", "paragraph-50000", "paragraph-100000",
         "paragraph-200000", "paragraph-990000", "paragraph-1200000",
         "window-paragraph-990000", "window-paragraph-1200000", "analyze-sample",
         "analyze-paragraph-990000", "analyze-paragraph-1200000")
CASE_TIMEOUT = 300


def run_one(name: str) -> None:
    from assistant.errors import AssistantError

    os.environ.setdefault("LEESWIJZER_OFFLINE", "1")
    with tempfile.TemporaryDirectory(prefix="lw-bench") as folder:
        answer = _case(name, Path(folder))
        started = time.perf_counter()
        try:
            outcome = answer()
        except AssistantError as error:
            outcome = f"message: {error.message}"
        seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # an analyze- case's processes
    cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
    print(json.dumps({"case": name, "seconds": seconds, "cpu": cpu,
                      "load": os.getloadavg()[0],
                      "peak_mb": usage.ru_maxrss / 1024, "outcome": outcome,
                      "threads": threading.active_count()}))


def main() -> None:
    if len(sys.argv) > 1:
        run_one(sys.argv[1])
        return
    print(f"{'case':<20} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'load':>5}  answer"
          "  (cpu: the whole process, input making included; peak: of that process)")
    for name in CASES:
        try:
            result = subprocess.run([sys.executable, __file__, name], capture_output=True,
                                    text=True, timeout=CASE_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            print(f"{name:<20} no answer within {CASE_TIMEOUT} s")
            continue
        if result.returncode != 0:
            print(f"{name:<20} FAILED: {result.stderr.strip().splitlines()[-1:]}")
            continue
        data = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"{name:<20} {data['seconds']:7.1f} {data['cpu']:7.1f} {data['peak_mb']:8.0f} "
              f"{data['load']:5.1f}  {data['outcome'][:100]}")


if __name__ == "__main__":
    main()
