"""Draws the candidate rows for tests/data/sense_gold.tsv and notes_gold.tsv from the UD Dutch
dev sets (seeded, reproducible); the judging columns are left empty for a person to fill in."""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ud import CONTENT_UPOS, UdSentence, UdToken, dev_sentences, joined_lemma

SEED = 20260511
HARD_BELOW_ZIPF = 4.0
NAME_RELATIONS = frozenset({"flat", "flat:name", "compound"})
SENSE_SHARE = {"alpino": 2, "lassysmall": 1}  # two Alpino items for each LassySmall one

# Drawn candidates that the judge turned down, with the reason; the draw skips them and takes
# the next sentence (drawing as if they were kept, so no other row changes), and rerunning the
# script gives exactly the judged rows.
REJECTED_SENSE_ITEMS: dict[str, str] = {
    "lassysmall:wiki-1820.p.2.s.5:18": "inside a name (the title of a law)",
    # The unseen list's (drawn after the gold's rows, so the gold is unchanged):
    "alpino:WR-P-P-H-0000000020\\WR-P-P-H-0000000020.p.14.s.1:1": "a surname (Romp, a coach)",
    "lassysmall:wiki-9843.p.20.s.1:2": "a name (Bruegel, the painter)",
}
REJECTED_NOTE_SENTENCES: dict[str, str] = {}


def item_id(sentence: UdSentence, token: UdToken) -> str:
    return f"{sentence.treebank}:{sentence.sent_id}:{token.index}"


def in_name(sentence: UdSentence, token: UdToken) -> bool:
    """True for a token that is part of a multi-word name (a flat structure or a PROPN head)."""
    if token.deprel.split(":")[0] == "flat":
        return True
    if any(t.head == token.index and t.deprel.split(":")[0] == "flat" for t in sentence.tokens):
        return True
    return token.head > 0 and token.deprel == "compound" and (
        sentence.tokens[token.head - 1].upos == "PROPN")


def separable_particle(sentence: UdSentence, token: UdToken) -> str | None:
    """The particle to join with the verb: its `compound:prt` dependent when that is a
    preposition-like particle (ADP) or the gold lemma already holds it (bezig_houden, deel_nemen).
    Returns "" for an idiom UD marks the same way with a `fixed` phrase ("te werk gaan", "in
    verband brengen"), None when the verb stands alone ("naam maken", "over me heen komen")."""
    for particle in sentence.tokens:
        if particle.head != token.index or particle.deprel != "compound:prt":
            continue
        if any(t.head == particle.index and t.deprel == "fixed" for t in sentence.tokens):
            return ""
        if not particle.form.isalpha():
            return ""
        form = particle.form.lower()
        if particle.upos == "ADP" or token.lemma.lower().startswith(form + "_"):
            return form
    return None


def sense_item(sentence: UdSentence, token: UdToken) -> tuple[str, str] | None:
    """The (form, lemma) of a hard content word, a separable verb joined with its particle."""
    if token.upos not in CONTENT_UPOS or not token.form.isalpha() or in_name(sentence, token):
        return None
    lemma = joined_lemma(sentence, token)
    freq_form = token.form.lower()
    if token.upos == "VERB":
        particle = separable_particle(sentence, token)
        if particle == "":
            return None
        if particle:
            if not lemma.startswith(particle):
                lemma = particle + lemma
            # The split form ("viel ... uit") is not a word: its hardness is the joined one's.
            if not freq_form.startswith(particle):
                freq_form = particle + freq_form
    if not lemma.isalpha():
        return None
    if zipf_frequency(lemma.lower(), "nl") >= HARD_BELOW_ZIPF:
        return None
    if zipf_frequency(freq_form, "nl") >= HARD_BELOW_ZIPF:
        return None
    return token.form, lemma


def draw_sense_rows(corpora: dict[str, list[UdSentence]], count: int,
                    after: int = 0) -> list[dict[str, str]]:
    """At most one hard token per sentence, two Alpino rows for each LassySmall row; with
    `after`, the rows that come after the first `after` of the draw (sentences no earlier
    row came from: the unseen list's rows, drawn after the judged gold's)."""
    rng = random.Random(SEED)
    queues: dict[str, list[dict[str, str]]] = {}
    for treebank, sentences in corpora.items():
        order = list(sentences)
        rng.shuffle(order)
        rows = []
        for sentence in order:
            candidates = []
            for token in sentence.tokens:
                item = sense_item(sentence, token)
                if item:
                    candidates.append((token, item))
            if not candidates:
                continue
            token, (form, lemma) = rng.choice(candidates)
            if item_id(sentence, token) in REJECTED_SENSE_ITEMS:
                continue
            rows.append({"id": item_id(sentence, token), "form": form, "lemma": lemma,
                         "upos": token.upos, "sentence": sentence.text, "senses": "",
                         "note": ""})
        queues[treebank] = rows
    total_share = sum(SENSE_SHARE.values())
    drawn: list[dict[str, str]] = []
    for treebank, share in SENSE_SHARE.items():
        skipped = -(-after * share // total_share) if after else 0
        wanted = -(-count * share // total_share)
        drawn.extend(queues[treebank][skipped:skipped + wanted])
    return drawn


def mentions(sentence: UdSentence) -> Iterator[list[UdToken]]:
    """Maximal runs of adjacent PROPN tokens held together by flat/compound relations."""
    run: list[UdToken] = []
    for token in sentence.tokens:
        if token.upos == "PROPN" and run and joined(run, token):
            run.append(token)
            continue
        if run:
            yield run
        run = [token] if token.upos == "PROPN" else []
    if run:
        yield run


def joined(run: list[UdToken], token: UdToken) -> bool:
    indices = {t.index for t in run}
    if token.head in indices and token.deprel in NAME_RELATIONS:
        return True
    return any(t.head == token.index and t.deprel in NAME_RELATIONS for t in run)


def draw_note_rows(corpora: dict[str, list[UdSentence]], count: int) -> list[dict[str, str]]:
    """Every mention of randomly drawn sentences with a PROPN, two thirds from Alpino."""
    rng = random.Random(SEED + 1)
    total_share = sum(SENSE_SHARE.values())
    drawn: list[dict[str, str]] = []
    for treebank, share in SENSE_SHARE.items():
        wanted = -(-count * share // total_share)
        order = [s for s in corpora[treebank]
                 if any(t.upos == "PROPN" for t in s.tokens)
                 and s.sent_id not in REJECTED_NOTE_SENTENCES]
        rng.shuffle(order)
        rows: list[dict[str, str]] = []
        for sentence in order:
            if len(rows) >= wanted:
                break
            for run in mentions(sentence):
                rows.append({"id": item_id(sentence, run[0]),
                             "mention": " ".join(t.form for t in run),
                             "sentence": sentence.text, "kind": "", "refers_to": "",
                             "note": ""})
        drawn.extend(rows)
    return drawn


def write_tsv(path: Path, rows: list[dict[str, str]]) -> None:
    """Plain tab-separated UTF-8 (no quoting): fields never hold tabs or line breaks."""
    lines = ["\t".join(rows[0])]
    for row in rows:
        fields = list(row.values())
        if any("\t" in field or "\n" in field for field in fields):
            raise ValueError(f"tab or line break inside a field of {row['id']}")
        lines.append("\t".join(fields))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_against(gold: Path, drawn: list[dict[str, str]], judged: tuple[str, ...]) -> list[str]:
    """Differences between a judged gold file and a fresh draw (the judged columns aside)."""
    lines = gold.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    problems = []
    if len(rows) != len(drawn):
        problems.append(f"{gold.name}: {len(rows)} rows, the draw gives {len(drawn)}")
    for row, fresh in zip(rows, drawn, strict=False):
        for column, value in fresh.items():
            if column not in judged and row.get(column) != value:
                problems.append(f"{gold.name}: {fresh['id']} {column}: {row.get(column)!r}")
                break
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, required=True,
                        help="folder with the UD Dutch dev .conllu files")
    parser.add_argument("--out-dir", type=Path,
                        help="write sense_candidates.tsv and notes_candidates.tsv here")
    parser.add_argument("--check", type=Path,
                        help="folder with the judged sense_gold.tsv and notes_gold.tsv: "
                             "verify that they are exactly this draw")
    parser.add_argument("--senses", type=int, default=340)
    parser.add_argument("--mentions", type=int, default=440)
    parser.add_argument("--unseen", type=int, default=108,
                        help="rows of the unseen sense list, drawn after the gold's --senses")
    args = parser.parse_args()
    if not args.out_dir and not args.check:
        parser.error("give --out-dir or --check")
    corpora = dev_sentences(args.corpora)
    sense_rows = draw_sense_rows(corpora, args.senses)
    note_rows = draw_note_rows(corpora, args.mentions)
    unseen_rows = draw_sense_rows(corpora, args.unseen, after=args.senses)
    if args.out_dir:
        args.out_dir.mkdir(parents=True, exist_ok=True)
        write_tsv(args.out_dir / "sense_candidates.tsv", sense_rows)
        write_tsv(args.out_dir / "notes_candidates.tsv", note_rows)
        write_tsv(args.out_dir / "sense_unseen_candidates.tsv", unseen_rows)
        print(f"{len(sense_rows)} sense candidates, {len(note_rows)} mention candidates "
              f"→ {args.out_dir}")
    if args.check:
        problems = check_against(args.check / "sense_gold.tsv", sense_rows, ("senses", "note"))
        problems += check_against(args.check / "notes_gold.tsv", note_rows,
                                  ("kind", "refers_to", "note"))
        unseen = args.check / "sense_gold_unseen.tsv"
        if unseen.exists():
            problems += check_against(unseen, unseen_rows, ("senses", "note"))
        for problem in problems:
            print(problem)
        print("gold files match the draw" if not problems else f"{len(problems)} differences")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
