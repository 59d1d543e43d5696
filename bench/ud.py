"""A CoNLL-U reader for the UD Dutch dev sets, with each gold token's character offsets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ud-dutch"
TREEBANKS = {
    "alpino": "nl_alpino-ud-dev.conllu",
    "lassysmall": "nl_lassysmall-ud-dev.conllu",
}
CONTENT_UPOS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


@dataclass(frozen=True, slots=True)
class UdToken:
    """One syntactic word; `index` and `head` are the file's 1-based ids (head 0: root).
    `start`/`end` are offsets into the sentence text (-1 when the form is not found in it)."""

    index: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class UdSentence:
    treebank: str
    sent_id: str
    text: str
    tokens: tuple[UdToken, ...]

    @property
    def document(self) -> str:
        """The article or Wikipedia page the sentence comes from (its id up to '.p.')."""
        return self.sent_id.split(".p.")[0]

    @property
    def item_prefix(self) -> str:
        """The id prefix the gold lists use: 'treebank:sent_id'."""
        return f"{self.treebank}:{self.sent_id}"

    def token(self, index: int) -> UdToken:
        return self.tokens[index - 1]

    def dependents(self, index: int, deprel: str | None = None) -> list[UdToken]:
        return [t for t in self.tokens
                if t.head == index and (deprel is None or t.deprel == deprel)]


def read_conllu(path: Path, treebank: str) -> Iterator[UdSentence]:
    """The sentences of a CoNLL-U file (multiword-token ranges and empty nodes skipped)."""
    sent_id, text = "", ""
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line.removeprefix("# sent_id = ").strip()
        elif line.startswith("# text = "):
            text = line.removeprefix("# text = ").strip()
        elif not line.strip():
            if rows:
                yield _sentence(treebank, sent_id, text, rows)
            sent_id, text, rows = "", "", []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
    if rows:
        yield _sentence(treebank, sent_id, text, rows)


def _sentence(treebank: str, sent_id: str, text: str, rows: list[list[str]]) -> UdSentence:
    tokens: list[UdToken] = []
    position = 0
    for cols in rows:
        form = cols[1]
        start = text.find(form, position)
        end = start + len(form) if start >= 0 else -1
        if start >= 0:
            position = end
        tokens.append(UdToken(int(cols[0]), form, cols[2], cols[3], cols[4], cols[5],
                              int(cols[6]) if cols[6].isdigit() else 0, cols[7], start, end))
    return UdSentence(treebank, sent_id, text, tuple(tokens))


def dev_sentences(corpora: Path = CORPORA) -> dict[str, list[UdSentence]]:
    """Both dev sets by treebank name; raises FileNotFoundError when they are missing."""
    return {name: list(read_conllu(corpora / file, name)) for name, file in TREEBANKS.items()}


def joined_lemma(sentence: UdSentence, token: UdToken) -> str:
    """The gold lemma as one word, as the app writes it: separable verbs joined (binnen_halen
    → binnenhalen), compounds with their linking letters taken back from the form (vrouw_wijding
    → vrouwenwijding)."""
    parts = token.lemma.split("_")
    if len(parts) == 1 or token.upos in ("VERB", "AUX"):
        return "".join(parts)
    head, form = parts[-1], token.form.lower()
    for length in range(len(head), 1, -1):
        found = form.rfind(head[:length].lower())
        if found > 0:
            prefix = form[:found]
            if token.lemma[:1].isupper():
                prefix = prefix[:1].upper() + prefix[1:]
            return prefix + head
    return "".join(parts)


def particle_of(sentence: UdSentence, verb: UdToken) -> UdToken | None:
    """The verb's separable particle: a `compound:prt` dependent of letters that carries no
    `fixed` phrase of its own (those are idioms: "te werk gaan")."""
    for particle in sentence.dependents(verb.index, "compound:prt"):
        if not particle.form.isalpha() or sentence.dependents(particle.index, "fixed"):
            continue
        return particle
    return None
