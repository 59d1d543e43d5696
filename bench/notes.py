"""Prints how often names get notes and background, wrong-subject notes against the gold list,
and how long notes take to build, on the sample and the UD Dutch dev sets."""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.knowledge.base import KnowledgeBase  # noqa: E402
from assistant.knowledge.subjects import build_notes  # noqa: E402
from assistant.models import Article, Note  # noqa: E402
from assistant.reading.analysis import analyse  # noqa: E402
from assistant.reading.loading import article_from_text, load_article  # noqa: E402
from assistant.reading.nlp import get_pipeline  # noqa: E402

SHARED = Path(os.environ.get("LEESWIJZER_SHARED", ROOT.parent / "shared"))
SAMPLE = SHARED / "samples" / "000_979833dae2dbd21b.txt"
UD = SHARED / "corpora" / "ud-dutch"
TREEBANKS = {"alpino": "nl_alpino-ud-dev.conllu", "lassysmall": "nl_lassysmall-ud-dev.conllu"}
GOLD = ROOT / "tests" / "data" / "notes_gold.tsv"
NAME_RELATIONS = frozenset({"flat", "flat:name", "compound"})


@dataclass
class Sentence:
    sent_id: str
    text: str
    start: int = 0  # offset in the document's text
    token_spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # id → sentence offsets
    names: list[tuple[int, int, int]] = field(default_factory=list)  # (first id, start, end)


@dataclass
class Document:
    treebank: str
    doc_id: str
    sentences: list[Sentence]
    text: str = ""


def _order_key(sent_id: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\.[ps]\.(\d+)", sent_id))


def read_conllu(treebank: str, path: Path) -> list[Document]:
    """Documents of a dev set, sentences in paragraph order, with PROPN name runs."""
    docs: dict[str, list[Sentence]] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        found = (re.match(r"# (\S+) = (.*)", x) for x in lines)
        meta = {m.group(1): m.group(2) for m in found if m}
        if "sent_id" not in meta:
            continue
        sentence = Sentence(meta["sent_id"], meta["text"])
        rows = [x.split("\t") for x in lines if x and not x.startswith("#")]
        rows = [r for r in rows if r[0].isdigit()]
        offset = 0
        for row in rows:
            found = sentence.text.find(row[1], offset)
            if found < 0:
                continue
            sentence.token_spans[int(row[0])] = (found, found + len(row[1]))
            offset = found + len(row[1])
        sentence.names = _name_runs(rows, sentence.token_spans)
        doc_id = meta["sent_id"].split("\\")[0] if "\\" in meta["sent_id"] else (
            meta["sent_id"].split(".p.")[0])
        docs.setdefault(doc_id, []).append(sentence)
    result = []
    for doc_id, sentences in docs.items():
        sentences.sort(key=lambda s: _order_key(s.sent_id))
        result.append(Document(treebank, doc_id, sentences))
    return result


def _name_runs(
    rows: list[list[str]], spans: dict[int, tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """Maximal runs of adjacent PROPN tokens held together by flat/compound relations."""
    propn = {int(r[0]): r for r in rows if r[3] == "PROPN"}
    runs: list[list[int]] = []
    for token_id in sorted(propn):
        previous = runs[-1][-1] if runs else None
        if previous == token_id - 1 and _joined(propn[previous], propn[token_id]):
            runs[-1].append(token_id)
        else:
            runs.append([token_id])
    return [(run[0], spans[run[0]][0], spans[run[-1]][1]) for run in runs
            if run[0] in spans and run[-1] in spans]


def _joined(left: list[str], right: list[str]) -> bool:
    return (
        (right[6] == left[0] and right[7] in NAME_RELATIONS)
        or (left[6] == right[0] and left[7] in NAME_RELATIONS)
        or (left[6] == right[6] and left[7] in NAME_RELATIONS and right[7] in NAME_RELATIONS)
    )


def document_article(doc: Document) -> Article:
    """The document as an article: one paragraph per treebank paragraph, no date."""
    paragraphs: list[list[Sentence]] = []
    last = None
    for sentence in doc.sentences:
        paragraph = re.search(r"\.p\.(\d+)", sentence.sent_id)
        key = paragraph.group(1) if paragraph else None
        if key != last or not paragraphs:
            paragraphs.append([])
            last = key
        paragraphs[-1].append(sentence)
    text = "\n\n".join(" ".join(s.text for s in p) for p in paragraphs)
    article = article_from_text(text, source=doc.doc_id)
    position = 0
    for sentence in doc.sentences:
        found = article.text.find(sentence.text, position)
        sentence.start = found if found >= 0 else -1
        if found >= 0:
            position = found + len(sentence.text)
    doc.text = article.text
    return article


@dataclass(frozen=True)
class GoldRow:
    key: str  # treebank:sent_id:first_token_id
    mention: str
    kind: str
    refers_to: str


def read_gold(path: Path) -> dict[str, GoldRow]:
    rows: dict[str, GoldRow] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        parts = line.split("\t")
        rows[parts[0]] = GoldRow(parts[0], parts[1], parts[3], parts[4])
    return rows


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\s*\(.*?\)", "", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def note_names(note: Note, kb: KnowledgeBase) -> set[str]:
    """What a note says its subject is: names, international name, Wikipedia page titles."""
    names = {_fold(note.name)}
    if note.international_name:
        names.add(_fold(note.international_name))
    entry = kb.get(note.key)
    if entry is not None:
        names.update(_fold(n) for n in entry.names)
        for source in _sources(entry):
            if "wikipedia.org/wiki/" in source:
                title = urllib.parse.unquote(source.rsplit("/wiki/", 1)[1]).replace("_", " ")
                names.add(_fold(title))
    names.discard("")
    return names


def _sources(entry: object) -> tuple[str, ...]:
    sources = getattr(entry, "sources", None)
    if sources:
        return tuple(sources)
    source = getattr(entry, "source", "")
    return (source,) if source else ()


def refers_loosely(refers_to: str, names: set[str]) -> bool:
    """The gold subject and one of the note's names are the same, one contains the other, or
    they are spelling variants or reorderings (Hanover, Hannover; The Championships,
    Wimbledon and Wimbledon Championships; Nashville, Tennessee and Nashville)."""
    from rapidfuzz import fuzz

    gold = _fold(refers_to)
    for name in names:
        if gold == name or f" {name} " in f" {gold} " or f" {gold} " in f" {name} ":
            return True
        if fuzz.ratio(gold, name) >= 90 or fuzz.token_set_ratio(gold, name) >= 90:
            return True
    return False


def has_background(note: Note) -> bool:
    return bool(note.description)


@dataclass
class Figures:
    mentions: int = 0
    with_note: int = 0
    with_background: int = 0
    judged: int = 0
    judged_with_background: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    not_a_name: list[str] = field(default_factory=list)
    unverifiable: int = 0

    def print(self, title: str) -> None:
        def share(n: int, d: int) -> str:
            return f"{n} ({100 * n / d:.1f} %)" if d else "0"

        print(f"{title}: named mentions {self.mentions}, with a note "
              f"{share(self.with_note, self.mentions)}, with background "
              f"{share(self.with_background, self.mentions)}")
        if self.judged:
            print(f"  judged mentions {self.judged}: background on "
                  f"{self.judged_with_background}, right subject {self.right}, "
                  f"wrong subject {len(self.wrong)}, on a non-name {len(self.not_a_name)}, "
                  f"unverifiable ('?' gold) {self.unverifiable}")


def notes_at(notes: tuple[Note, ...], start: int, end: int) -> list[Note]:
    return [n for n in notes if any(m.start < end and start < m.end for m in n.mentions)]


def measure_ud(
    kb: KnowledgeBase, gold: dict[str, GoldRow], verbose: bool, rows: Path | None = None
) -> None:
    pipeline = get_pipeline()
    outcomes: list[str] = []
    for treebank, filename in TREEBANKS.items():
        figures = Figures()
        for doc in read_conllu(treebank, UD / filename):
            article = document_article(doc)
            notes = build_notes(analyse(article, pipeline=pipeline), kb)
            for sentence in doc.sentences:
                if sentence.start < 0:
                    continue
                for first_id, start, end in sentence.names:
                    a, b = sentence.start + start, sentence.start + end
                    found = notes_at(notes, a, b)
                    figures.mentions += 1
                    figures.with_note += bool(found)
                    background = [n for n in found if has_background(n)]
                    figures.with_background += bool(background)
                    row = gold.get(f"{treebank}:{sentence.sent_id}:{first_id}")
                    if row is None:
                        continue
                    figures.judged += 1
                    outcomes.append("\t".join((row.key, row.mention, row.refers_to, "; ".join(
                        n.international_name or n.key for n in background))))
                    if not background:
                        continue
                    figures.judged_with_background += 1
                    said = "; ".join(f"{n.name} → {n.international_name or n.key}"
                                     for n in background)
                    case = f"{row.mention!r} ({row.refers_to}) got {said}"
                    if row.kind == "not-a-name":
                        figures.not_a_name.append(case)
                    elif row.refers_to == "?":
                        figures.unverifiable += 1
                    elif all(refers_loosely(row.refers_to, note_names(n, kb))
                             for n in background):
                        figures.right += 1
                    else:
                        figures.wrong.append(case)
        figures.print(f"UD {treebank} dev")
        if verbose:
            for case in figures.wrong:
                print("    wrong:", case)
            for case in figures.not_a_name:
                print("    not a name:", case)
    if rows is not None:
        rows.write_text("\n".join(outcomes) + "\n", encoding="utf-8")


def measure_sample(kb: KnowledgeBase, path: Path) -> None:
    analysed = analyse(load_article(path))
    started = time.perf_counter()
    notes = build_notes(analysed, kb)
    first_s = time.perf_counter() - started
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        build_notes(analysed, kb)
        runs.append(time.perf_counter() - started)
    figures = Figures()
    for entity in analysed.entities:
        if entity.category.value == "date":
            continue
        found = notes_at(notes, entity.start, entity.end)
        figures.mentions += 1
        figures.with_note += bool(found)
        figures.with_background += any(has_background(n) for n in found)
    known = sum(1 for n in notes if has_background(n))
    print(f"article: {path.name}, {len(analysed.tokens)} tokens, "
          f"{len(analysed.entities)} entities")
    figures.print("sample (named mentions = entities)")
    print(f"  notes: {len(notes)} ({known} with background, {len(notes) - known} without)")
    print(f"  first build_notes (builds the name matcher): {first_s * 1000:.1f} ms")
    print(f"  build_notes after the first: median {statistics.median(runs) * 1000:.2f} ms, "
          f"max {max(runs) * 1000:.2f} ms (goal < 50 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--no-ud", action="store_true", help="only the sample article")
    parser.add_argument("--verbose", action="store_true", help="list wrong-subject cases")
    parser.add_argument("--rows", type=Path, help="write each judged mention's notes here")
    args = parser.parse_args()
    os.environ.setdefault("LEESWIJZER_OFFLINE", "1")
    started = time.perf_counter()
    kb = KnowledgeBase.load()
    print(f"knowledge base load (curated + places): "
          f"{(time.perf_counter() - started) * 1000:.0f} ms, {len(kb)} entries")
    measure_sample(kb, args.article)
    if not args.no_ud:
        measure_ud(kb, read_gold(GOLD), args.verbose, args.rows)


if __name__ == "__main__":
    main()
