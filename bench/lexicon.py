"""Prints how far the glosses can be trusted: first-sense accuracy, coverage, lemma accuracy.

Measured on text nobody tuned to: tests/data/sense_gold.tsv (hard words from the UD Dutch dev
sets, judged by hand), the UD dev sets themselves and the shared sample article; plus the
dictionary's size and build time. Figures only (no pass/fail): `make bench` runs it.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import re
import sqlite3
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ud import CONTENT_UPOS, UdSentence, dev_sentences, joined_lemma  # noqa: E402

from assistant.datafiles import read_tsv  # noqa: E402
from assistant.lexicon.glossing import gloss_card  # noqa: E402
from assistant.lexicon.store import Dictionary, default_path  # noqa: E402
from assistant.models import (  # noqa: E402
    AnalysedArticle,
    Article,
    Block,
    BlockKind,
    GlossCard,
    Level,
)
from assistant.reading.analysis import analyse, build_analysis, joined_verbs  # noqa: E402
from assistant.reading.language import passages as language_passages  # noqa: E402
from assistant.reading.loading import load_article  # noqa: E402
from assistant.reading.nlp import ParsedText, Pipeline, get_pipeline  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "samples" / "000_979833dae2dbd21b.txt"
SENSE_GOLD = ROOT / "tests" / "data" / "sense_gold.tsv"
# Judged after the work on sense_gold.tsv, from sentences none of its rows came from, before
# any card was looked at: the figure that says whether that work generalises.
UNSEEN_GOLD = ROOT / "tests" / "data" / "sense_gold_unseen.tsv"
GOLD_COLUMNS = ("id", "form", "lemma", "upos", "sentence", "senses", "note")
_ARTICLES = re.compile(r"^(?:to|a|an|the)\s+")


def loose(sense: str) -> str:
    """A sense as the accuracy figure compares it: lower case, no 'to ' or article in front,
    no trailing punctuation."""
    text = " ".join(sense.lower().replace("’", "'").split()).strip(" .;:!")
    return _ARTICLES.sub("", text)


def first_sense_matches(card: GlossCard | None, acceptable: Sequence[str]) -> bool:
    """Whether one comma item of the card's first sense is one of the acceptable senses."""
    if card is None or not card.senses:
        return False
    wanted = {loose(sense) for sense in acceptable}
    return any(loose(item) in wanted for item in card.senses[0].split(","))


def has_english(card: GlossCard | None) -> bool:
    if card is None:
        return False
    return bool(card.senses) or bool(card.parts and card.parts[-1].senses)


def held_out(item_id: str) -> bool:
    """Half of the gold rows, fixed by a hash of their id, that rule changes are never judged
    on while iterating: only the other half's failures are looked at."""
    return hashlib.sha1(item_id.encode("utf-8")).digest()[0] % 2 == 1


@dataclass(slots=True)
class Document:
    analysed: AnalysedArticle
    parsed: ParsedText
    at: dict[int, int]  # character offset → token index


@dataclass(slots=True)
class Corpus:
    """One treebank's dev sentences, each source document analysed as one article with one
    paragraph per sentence (names used in a document count for all its sentences)."""

    sentences: list[UdSentence]
    documents: list[Document]
    where: list[tuple[int, int]]  # sentence → (document, offset of its text)

    def token_at(self, sentence: int, start: int) -> tuple[Document, int] | None:
        number, offset = self.where[sentence]
        document = self.documents[number]
        index = document.at.get(offset + start)
        return None if index is None else (document, index)


def analyse_corpus(sentences: list[UdSentence], pipeline: Pipeline, level: Level,
                   lexicon: Dictionary | None = None) -> Corpus:
    groups: dict[str, list[int]] = {}
    for number, sentence in enumerate(sentences):
        groups.setdefault(sentence.document, []).append(number)
    documents: list[Document] = []
    where: list[tuple[int, int]] = [(0, 0)] * len(sentences)
    for members in groups.values():
        parts: list[str] = []
        blocks: list[Block] = []
        position = 0
        for number in members:
            text = sentences[number].text
            where[number] = (len(documents), position)
            blocks.append(Block(BlockKind.PARAGRAPH, position, position + len(text)))
            parts.append(text)
            position += len(text) + 2
        article = Article("\n\n".join(parts), tuple(blocks), source="UD dev")
        parsed = pipeline.parse(article.text, [(b.start, b.end) for b in blocks])
        analysed = build_analysis(article, parsed, pipeline.info, level, lexicon=lexicon)
        documents.append(Document(analysed, parsed,
                                  {token.start: token.index for token in analysed.tokens}))
    return Corpus(sentences, documents, where)


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / max(1, whole):.1f} %)"


def measure_senses(dictionary: Dictionary, corpora: dict[str, Corpus], show: int,
                   gold: Path = SENSE_GOLD) -> None:
    rows = read_tsv(gold, GOLD_COLUMNS)
    index = {f"{name}:{s.sent_id}": (name, n) for name, corpus in corpora.items()
             for n, s in enumerate(corpus.sentences)}
    right = {False: 0, True: 0}
    total = {False: 0, True: 0}
    glossed = 0
    by_pos: Counter[tuple[str, bool]] = Counter()
    pos_total: Counter[str] = Counter()
    by_kind: Counter[tuple[str, bool]] = Counter()
    kind_total: Counter[str] = Counter()
    compounds: Counter[tuple[bool, bool]] = Counter()  # (held out, right)
    misses: list[str] = []
    plain = {False: 0, True: 0}  # listed senses, more than one source for the first
    single = {False: 0, True: 0}  # listed, one source for the first (the card says so)
    guessed = {False: 0, True: 0}  # composed, look-alike and other guesses (the card says so)
    for row in rows:
        prefix, _, token_id = row.get("id").rpartition(":")
        name, number = index[prefix]
        corpus = corpora[name]
        gold_token = corpus.sentences[number].token(int(token_id))
        found = corpus.token_at(number, gold_token.start)
        card = gloss_card(dictionary, found[0].analysed, found[1]) if found else None
        acceptable = [s.strip() for s in row.get("senses").split("|") if s.strip()]
        ok = first_sense_matches(card, acceptable)
        hidden = held_out(row.get("id"))
        total[hidden] += 1
        right[hidden] += ok
        glossed += has_english(card)
        pos_total[row.get("upos")] += 1
        by_pos[(row.get("upos"), ok)] += 1
        if card is not None and not card.senses:
            pass  # a compound's parts alone: the card says no dictionary has the whole word
        elif card is not None and card.uncertain is None:
            plain[ok] += 1
        elif card is not None and card.single_source:
            single[ok] += 1
        elif card is not None:
            guessed[ok] += 1
        kind = card.kind.value if card is not None else "no card"
        kind_total[kind] += 1
        by_kind[(kind, ok)] += 1
        if kind == "compound":
            compounds[(hidden, ok)] += 1
        if not ok and not hidden:
            shown = " | ".join(card.senses) if card and card.senses else "-"
            misses.append(f"  [{kind}] {row.get('form')} ({row.get('lemma')}, {row.get('upos')}): "
                          f"{shown}   want {row.get('senses')}")
    every = total[False] + total[True]
    print(f"sense gold ({gold.name}, {every} hard words from the UD dev sets):")
    print(f"  first sense right: {_percent(right[False] + right[True], every)}   goal >= 90 %")
    print(f"    development half: {_percent(right[False], total[False])}; "
          f"held-out half: {_percent(right[True], total[True])}")
    print("    by gold POS: " + ", ".join(
        f"{pos} {100 * by_pos[(pos, True)] / n:.0f} %" for pos, n in pos_total.most_common()))
    print("    by card kind: " + ", ".join(
        f"{kind} {by_kind[(kind, True)]}/{n}" for kind, n in kind_total.most_common()))
    print("    first sense right on unmarked cards (no guess, not one source's: how far a card "
          f"that says nothing can be trusted): {_percent(plain[True], sum(plain.values()))}; "
          "marked 'only one dictionary': "
          f"{_percent(single[True], sum(single.values()))}; marked as a guess: "
          f"{_percent(guessed[True], sum(guessed.values()))}")
    halves = [_percent(compounds[(held, True)], compounds[(held, True)] + compounds[(held, False)])
              for held in (False, True)]
    print(f"    compound cards: development half {halves[0]}; held-out half {halves[1]}")
    print(f"  glossed: {_percent(glossed, every)}   goal >= 95 %")
    if show and misses:
        print(f"  first {min(show, len(misses))} of {len(misses)} misses (development half):")
        print("\n".join(misses[:show]))


def measure_coverage(dictionary: Dictionary, articles: Sequence[AnalysedArticle], label: str,
                     show: int) -> None:
    hard = [(a, t) for a in articles for t in a.tokens if t.hard and t.is_word]
    missing = [t.text for a, t in hard if not has_english(gloss_card(dictionary, a, t.index))]
    print(f"  {label}: hard non-name tokens glossed at {articles[0].level.value}: "
          f"{_percent(len(hard) - len(missing), len(hard))}   goal >= 95 %")
    if show and missing:
        common = Counter(word.lower() for word in missing).most_common(show)
        print("    not glossed: " + ", ".join(f"{w} ×{n}" if n > 1 else w for w, n in common))


def measure_lemmas(corpora: dict[str, Corpus], show: int) -> None:
    app = raw = total = 0
    by_pos: Counter[tuple[str, bool]] = Counter()
    pos_total: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for corpus in corpora.values():
        for number, sentence in enumerate(corpus.sentences):
            for gold in sentence.tokens:
                # A particle's gold lemma is the particle; the app gives it the joined verb's.
                if (gold.upos not in CONTENT_UPOS or gold.start < 0 or not gold.form.isalpha()
                        or gold.deprel == "compound:prt"):
                    continue
                found = corpus.token_at(number, gold.start)
                if found is None:
                    continue
                document, position = found
                token = document.analysed.tokens[position]
                if token.end - token.start != gold.end - gold.start:
                    continue
                want = joined_lemma(sentence, gold).lower()
                total += 1
                pos_total[gold.upos] += 1
                ok = token.lemma.lower() == want
                app += ok
                by_pos[(gold.upos, ok)] += 1
                raw += document.parsed.tokens[position].lemma.lower() == want
                if not ok:
                    errors[f"{gold.form.lower()} → {token.lemma.lower()} (gold {want})"] += 1
    print(f"content-word lemmas against the UD gold (NOUN, VERB, ADJ, ADV; {total} tokens):")
    print(f"  Leeswijzer: {_percent(app, total)}; the pipeline's own lemma: {_percent(raw, total)}")
    print("    by gold POS: " + ", ".join(
        f"{pos} {100 * by_pos[(pos, True)] / n:.1f} %" for pos, n in pos_total.most_common()))
    if show and errors:
        print("    most frequent misses: " + "; ".join(
            f"{error} ×{n}" for error, n in errors.most_common(show)))


def _index_at(corpus: Corpus, sentence: int, start: int) -> int | None:
    found = corpus.token_at(sentence, start) if start >= 0 else None
    return found[1] if found is not None else None


def measure_separable(dictionary: Dictionary, corpora: dict[str, Corpus], show: int) -> None:
    """Separable-verb joins against the gold compound:prt relations (morphology's figure).

    A join is right when the gold has its particle as compound:prt of its verb. Recall counts
    the gold particles of letters without a fixed phrase of their own (as bench/ud.py's
    particle_of: "te werk gaan", "tot stand komen" are idioms); a gold token the pipeline
    tokenises otherwise is a miss. Rows are split into halves by held_out(sentence id)."""
    right: Counter[tuple[str, bool]] = Counter()
    made: Counter[tuple[str, bool]] = Counter()
    found: Counter[tuple[str, bool]] = Counter()
    gold_total: Counter[tuple[str, bool]] = Counter()
    wrong: list[str] = []
    missed: list[str] = []
    for name, corpus in corpora.items():
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        for number_of_document, document in enumerate(corpus.documents):
            members = sorted((offset, number) for number, (doc, offset)
                             in enumerate(corpus.where) if doc == number_of_document)
            starts = [offset for offset, _ in members]
            tokens = document.analysed.tokens
            for join in joined_verbs(document.parsed, dictionary, dictionary):
                place = bisect.bisect_right(starts, tokens[join.verb].start) - 1
                by_sentence.setdefault(members[place][1], []).append((join.verb, join.particle))
        for number, sentence in enumerate(corpus.sentences):
            half = (name, held_out(sentence.item_prefix))
            tokens = corpus.documents[corpus.where[number][0]].analysed.tokens
            edges: set[tuple[int | None, int | None]] = set()
            wanted: set[tuple[int | None, int | None]] = set()
            for gold in sentence.tokens:
                if gold.deprel != "compound:prt":
                    continue
                verb = sentence.token(gold.head)
                pair = (_index_at(corpus, number, verb.start),
                        _index_at(corpus, number, gold.start))
                edges.add(pair)
                if gold.form.isalpha() and not sentence.dependents(gold.index, "fixed"):
                    wanted.add(pair)
                    if not half[1] and pair not in by_sentence.get(number, []):
                        missed.append(f"{gold.form} … {verb.form}: {sentence.text[:90]}")
            mine = set(by_sentence.get(number, []))
            made[half] += len(mine)
            right[half] += len(mine & edges)
            gold_total[half] += len(wanted)
            found[half] += len(mine & wanted)
            if not half[1]:
                wrong.extend(f"{tokens[p].text} … {tokens[v].text}: {sentence.text[:90]}"
                             for v, p in sorted(mine - edges))
    print("separable verbs against the UD gold compound:prt (goal: precision >= 95 %, "
          "recall >= 80 %):")
    for held in (False, True):
        keys = [(name, held) for name in corpora]
        print(f"  {'held-out half' if held else 'development half'}: precision "
              f"{_percent(sum(right[k] for k in keys), sum(made[k] for k in keys))}, recall "
              f"{_percent(sum(found[k] for k in keys), sum(gold_total[k] for k in keys))}"
              + "".join(f"; {name} P {_percent(right[(name, held)], made[(name, held)])}"
                        f" R {_percent(found[(name, held)], gold_total[(name, held)])}"
                        for name in corpora))
    total = (sum(right.values()), sum(made.values()), sum(found.values()),
             sum(gold_total.values()))
    print(f"  both halves: precision {_percent(total[0], total[1])}, "
          f"recall {_percent(total[2], total[3])}")
    if show:
        print("    wrong joins (development half): " + " | ".join(wrong[:show]))
        print("    missed (development half): " + " | ".join(missed[:show]))


def measure_foreign(corpora: dict[str, Corpus], show: int) -> None:
    """Foreign words against the UD gold Foreign=Yes (morphology's figure): tokens of letters
    analysed as foreign that the gold marks foreign (precision), and gold foreign tokens
    analysed as foreign (recall), all of them and those outside names (titles of works count
    as names; one or two foreign words inside a Dutch sentence stay Dutch by design).
    Sentences with a foreign passage are listed with --show (development half only)."""
    marked = right = gold_total = gold_outside = found_outside = foreign_passages = 0
    judged = 0
    shown: list[str] = []
    for corpus in corpora.values():
        for document in corpus.documents:
            starts = [block.start for block in document.analysed.article.blocks]
            units = language_passages(document.parsed.tokens, starts)
            judged += len(units)
            foreign_passages += sum(document.analysed.tokens[unit[0]].language != "nl"
                                    for unit in units)
        for number, sentence in enumerate(corpus.sentences):
            tokens = corpus.documents[corpus.where[number][0]].analysed.tokens
            foreign_here = False
            for gold in sentence.tokens:
                index = _index_at(corpus, number, gold.start)
                if index is None or not any(char.isalpha() for char in gold.form):
                    continue
                ours = tokens[index].language != "nl"
                gold_foreign = "Foreign=Yes" in gold.feats
                outside = gold_foreign and tokens[index].entity is None
                marked += ours
                right += ours and gold_foreign
                gold_total += gold_foreign
                gold_outside += outside
                found_outside += ours and outside
                foreign_here = foreign_here or ours
            if foreign_here and not held_out(sentence.item_prefix):
                shown.append(sentence.text[:90])
    print(f"foreign text against the UD gold Foreign=Yes: {foreign_passages} of {judged} "
          "passages judged foreign;")
    print(f"  words: precision {_percent(right, marked)}, recall {_percent(right, gold_total)}"
          f" (outside names {_percent(found_outside, gold_outside)})")
    if show:
        print("    sentences with a foreign passage (development half): "
              + " | ".join(shown[:show]))


def dictionary_figures(path: Path) -> None:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    print(f"dictionary {path.name}: {path.stat().st_size / 1e6:.1f} MB (goal <= 40 MB), "
          f"built in {meta.get('build_seconds', '?')} s (goal <= 90 s), "
          f"{meta.get('entries', '?')} entries, schema {meta.get('schema', '?')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionary", type=Path, default=default_path())
    parser.add_argument("--level", default="B1")
    parser.add_argument("--show", type=int, default=0,
                        help="list this many misses (development half only)")
    args = parser.parse_args()
    level = Level(args.level)

    dictionary_figures(args.dictionary)
    dictionary = Dictionary.open(args.dictionary)
    pipeline = get_pipeline()
    print(f"pipeline: {pipeline.info.name} {pipeline.info.version}")
    corpora = {name: analyse_corpus(sentences, pipeline, level, dictionary)
               for name, sentences in dev_sentences().items()}
    measure_senses(dictionary, corpora, args.show)
    measure_senses(dictionary, corpora, 0, UNSEEN_GOLD)  # its misses are never listed
    print("gloss coverage:")
    if SAMPLE.exists():
        sample = analyse(load_article(SAMPLE), level, pipeline=pipeline, lexicon=dictionary)
        measure_coverage(dictionary, [sample], "sample article", args.show)
    for name, corpus in corpora.items():
        measure_coverage(dictionary, [d.analysed for d in corpus.documents], f"UD {name} dev",
                         args.show)
    measure_lemmas(corpora, args.show)
    measure_separable(dictionary, corpora, args.show)
    measure_foreign(corpora, args.show)
    dictionary.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
