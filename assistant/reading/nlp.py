"""The one module that owns spaCy: finds and loads a Dutch pipeline, turns text into parse data."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from assistant.errors import CancelCheck, PipelineMissingError, raise_if_cancelled
from assistant.models import PipelineInfo

log = logging.getLogger(__name__)

PIPELINE_ENV = "LEESWIJZER_PIPELINE"
PREFERRED_PIPELINES = ("nl_core_news_sm", "nl_core_news_md", "nl_core_news_lg")
INSTALL_COMMAND = "python -m spacy download nl_core_news_sm"
# Longer paragraphs are parsed in pieces (spaCy refuses texts over 1,000,000 characters, and
# one long doc costs far more memory than the same text in pieces); batches are capped in
# characters too.
MAX_PIECE_CHARS = 10_000
MAX_BATCH_CHARS = 100_000
# A sentence end: final punctuation, closing quotes or brackets, then white space (group 1 is
# where the piece ends, the match's end where the next one starts).
_SENTENCE_END = re.compile(r"[.!?…][\"'’”»)\]]*()\s+")
# Components whose output the parse data never reads: the tagger's fine-grained tags (the
# morphologizer gives the UD part of speech and morphology). Not run unless something after it
# reads tags (`unread_components`).
UNREAD_COMPONENTS = ("tagger",)
OFFICIAL_WHEEL = (
    "https://github.com/explosion/spacy-models/releases/download/"
    "nl_core_news_sm-3.8.0/nl_core_news_sm-3.8.0-py3-none-any.whl"
)


@dataclass(frozen=True, slots=True)
class ParsedToken:
    """One non-space token; `head` and indices are positions in ParsedText.tokens."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    morph: str
    dep: str
    head: int
    sentence: int
    like_num: bool
    like_url: bool


@dataclass(frozen=True, slots=True)
class ParsedSpan:
    """A sentence or entity: inclusive token range and character offsets."""

    first: int
    last: int
    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class ParsedText:
    tokens: tuple[ParsedToken, ...]
    sentences: tuple[ParsedSpan, ...]
    entities: tuple[ParsedSpan, ...]


def pipeline_pieces(
    text: str, start: int, end: int, limit: int = MAX_PIECE_CHARS
) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of at most `limit` characters: after the last sentence end in
    each window, else at its last space, else (one very long "word") at the limit. Pieces keep
    their offsets into `text`; the spaces between them are dropped."""
    pieces: list[tuple[int, int]] = []
    while end - start > limit:
        window = text[start:start + limit]
        cut = None
        for match in _SENTENCE_END.finditer(window, 1):
            cut = match
        if cut is not None:
            piece_end, next_start = start + cut.start(1), start + cut.end()
        elif (space := window.rfind(" ")) > 0:
            piece_end, next_start = start + space, start + space + 1
        else:
            piece_end = next_start = start + limit
        pieces.append((start, piece_end))
        start = next_start
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _batches(
    pieces: Sequence[tuple[int, int]], max_chars: int, max_docs: int = 64
) -> list[list[tuple[int, int]]]:
    batches: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    size = 0
    for piece in pieces:
        length = piece[1] - piece[0]
        if current and (size + length > max_chars or len(current) >= max_docs):
            batches.append(current)
            current, size = [], 0
        current.append(piece)
        size += length
    if current:
        batches.append(current)
    return batches


def _package_meta(name: str) -> dict[str, Any] | None:
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        return None
    meta_file = Path(spec.origin).parent / "meta.json"
    try:
        meta: dict[str, Any] = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta


def installed_dutch_pipelines() -> list[str]:
    """Names of installed spaCy pipeline packages whose language is Dutch, best first."""
    candidates = {entry.name for entry in metadata.entry_points(group="spacy_models")}
    candidates.update(
        name for dist in metadata.distributions()
        if (name := (dist.metadata["Name"] or "").replace("-", "_").lower()).startswith("nl_")
    )
    names = {
        name for name in candidates
        if (meta := _package_meta(name)) is not None and meta.get("lang") == "nl"
    }
    preferred = [name for name in PREFERRED_PIPELINES if name in names]
    return preferred + sorted(names - set(preferred))


def choose_pipeline(requested: str | None = None) -> str:
    """The pipeline to use: the requested one (argument or environment), else the best installed."""
    requested = requested or os.environ.get(PIPELINE_ENV) or None
    installed = installed_dutch_pipelines()
    if requested:
        if requested in installed or _package_meta(requested) is not None:
            return requested
        log.warning("requested pipeline %s is not installed; looking for another", requested)
    if installed:
        return installed[0]
    raise PipelineMissingError(missing_pipeline_message(frozen=getattr(sys, "frozen", False)))


def broken_pipeline_message(name: str, error: Exception, *, frozen: bool) -> str:
    """The pipeline is there but does not load: in an installed app, reinstall the app."""
    if frozen:
        return (
            f"Leeswijzer's Dutch language model could not be loaded ({error}). Reinstall "
            "Leeswijzer with its installer from the Leeswijzer download page."
        )
    return (
        f"The Dutch language model “{name}” could not be loaded ({error}). "
        f"Reinstall it, or install the official one with:  {INSTALL_COMMAND}"
    )


def missing_pipeline_message(*, frozen: bool) -> str:
    """What to do without a Dutch pipeline: an installed app's learner reinstalls it (the
    installers carry the model); a source checkout gets the developer's command."""
    if frozen:
        return (
            "Leeswijzer's Dutch language model is missing from this installation, so it cannot "
            "analyse articles. Reinstall Leeswijzer with its installer from the Leeswijzer "
            "download page: the installer includes the model and needs no internet afterwards."
        )
    return (
        "No Dutch language model for spaCy is installed, so Leeswijzer cannot analyse articles. "
        f"Install the official one with:  {INSTALL_COMMAND}  "
        f"(offline: pip install a downloaded wheel such as {OFFICIAL_WHEEL.rsplit('/', 1)[-1]})."
    )


def unread_components(nlp: Any) -> list[str]:
    """The UNREAD_COMPONENTS of a spaCy pipeline it can do without: those of a pipeline with a
    morphologizer (which then gives the parts of speech) in which no component requires the
    fine-grained tag and no attribute ruler matches on it."""
    if not nlp.has_pipe("morphologizer"):
        return []
    for name in nlp.pipe_names:
        if "token.tag" in nlp.get_pipe_meta(name).requires:
            return []
        if nlp.get_pipe_meta(name).factory == "attribute_ruler" and any(
            key.upper() == "TAG"
            for entry in nlp.get_pipe(name).patterns
            for pattern in entry["patterns"]
            for token in pattern
            for key in token
        ):
            return []
    return [name for name in UNREAD_COMPONENTS if nlp.has_pipe(name)]


# The name under which the tokenizer that starts empty is registered with spaCy.
EMPTY_TOKENIZER = "leeswijzer.empty_tokenizer.v1"


def load_spacy(name: str) -> Any:
    """spacy.load(name), without building the language's default tokenizer first: spaCy makes
    one from its rules and exceptions (a fifth of the load), then replaces all of it with the
    pipeline's own saved tokenizer. The saved one is read into an empty tokenizer instead; a
    pipeline whose saved tokenizer has no exceptions or prefixes is loaded the usual way."""
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    if EMPTY_TOKENIZER not in registry.tokenizers:
        def empty_tokenizer() -> Any:
            return lambda nlp: Tokenizer(nlp.vocab)

        registry.tokenizers.register(EMPTY_TOKENIZER, func=empty_tokenizer)
    nlp = spacy.load(name, config={"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}})
    tokenizer: Any = nlp.tokenizer
    if tokenizer.rules and tokenizer.prefix_search is not None:
        return nlp
    log.info("%s saves no full tokenizer; loading its default one", name)
    return spacy.load(name)


class Pipeline:
    """A loaded Dutch spaCy pipeline; thread-safe to call from one worker at a time."""

    def __init__(self, name: str) -> None:
        self._nlp = load_spacy(name)
        for unread in unread_components(self._nlp):
            self._nlp.disable_pipe(unread)
        meta = self._nlp.meta
        self.info = PipelineInfo(name=f"{meta.get('lang', 'nl')}_{meta.get('name', name)}",
                                 version=str(meta.get("version", "?")))
        ner = self._nlp.get_pipe("ner") if self._nlp.has_pipe("ner") else None
        self.labels: tuple[str, ...] = tuple(getattr(ner, "labels", ()))
        self._lock = threading.Lock()

    def raw_pipe(self, texts: Sequence[str]) -> int:
        """Run spaCy alone on the texts (for benchmarks); returns the token count."""
        with self._lock:
            return sum(len(doc) for doc in self._nlp.pipe(texts, batch_size=64))

    def parse(
        self, text: str, spans: Sequence[tuple[int, int]], cancel: CancelCheck | None = None
    ) -> ParsedText:
        """Parse each [start, end) span of `text` separately; offsets refer to `text`.

        Spans longer than MAX_PIECE_CHARS are parsed in pieces cut at sentence ends (so spaCy's
        length limit never applies), in batches of at most MAX_BATCH_CHARS (so memory stays
        bounded); `cancel` is looked at between batches."""
        tokens: list[ParsedToken] = []
        sentences: list[ParsedSpan] = []
        entities: list[ParsedSpan] = []
        pieces = [piece for start, end in spans
                  for piece in pipeline_pieces(text, start, end, MAX_PIECE_CHARS)]
        with self._lock:
            for batch in _batches(pieces, MAX_BATCH_CHARS):
                raise_if_cancelled(cancel)
                docs = self._nlp.pipe((text[s:e] for s, e in batch), batch_size=len(batch))
                for (offset, _), doc in zip(batch, docs, strict=True):
                    self._collect(doc, offset, tokens, sentences, entities)
        return ParsedText(tuple(tokens), tuple(sentences), tuple(entities))

    @staticmethod
    def _collect(
        doc: Any,
        offset: int,
        tokens: list[ParsedToken],
        sentences: list[ParsedSpan],
        entities: list[ParsedSpan],
    ) -> None:
        # The token attributes as arrays of ids, looked up in the string store: a Token object
        # and its properties per attribute cost twice as much on a long text.
        from spacy import attrs

        strings = doc.vocab.strings
        rows = doc.to_array([attrs.IDX, attrs.ORTH, attrs.LEMMA, attrs.POS, attrs.MORPH,
                             attrs.DEP, attrs.IS_SPACE, attrs.LIKE_NUM, attrs.LIKE_URL]).tolist()
        heads = doc.to_array(attrs.HEAD).astype("int64").tolist()  # relative, so signed
        position: dict[int, int] = {}
        base = len(tokens)
        for i, row in enumerate(rows):
            if not row[6]:
                position[i] = base + len(position)
        for sent in doc.sents:
            members = [position[i] for i in range(sent.start, sent.end) if i in position]
            if not members:
                continue
            sentence_index = len(sentences)
            for i in range(sent.start, sent.end):
                if i not in position:
                    continue
                idx, orth, lemma, pos, morph, dep, _, like_num, like_url = rows[i]
                text = strings[orth]
                features = strings[morph] if morph else ""
                start = offset + idx
                tokens.append(ParsedToken(
                    start=start,
                    end=start + len(text),
                    text=text,
                    lemma=strings[lemma] or text,
                    pos=strings[pos] if pos else "",
                    morph="" if features == "_" else features,  # "_": no features
                    dep=strings[dep] if dep else "",
                    head=position.get(i + heads[i], position[i]),
                    sentence=sentence_index,
                    like_num=bool(like_num),
                    like_url=bool(like_url),
                ))
            sentences.append(ParsedSpan(
                members[0], members[-1], tokens[members[0]].start, tokens[members[-1]].end
            ))
        for ent in doc.ents:
            members = [position[i] for i in range(ent.start, ent.end) if i in position]
            if members:
                entities.append(ParsedSpan(
                    members[0], members[-1], offset + ent.start_char, offset + ent.end_char,
                    ent.label_,
                ))


_pipelines: dict[str, Pipeline] = {}
_load_lock = threading.Lock()


def get_pipeline(name: str | None = None) -> Pipeline:
    """Load the chosen pipeline once (slow the first time, ~1–2 s); later calls reuse it."""
    chosen = choose_pipeline(name)
    with _load_lock:
        pipeline = _pipelines.get(chosen)
        if pipeline is None:
            try:
                pipeline = Pipeline(chosen)
            except (OSError, ImportError) as error:
                raise PipelineMissingError(
                    broken_pipeline_message(chosen, error, frozen=getattr(sys, "frozen", False))
                ) from error
            _pipelines[chosen] = pipeline
        return pipeline
