"""A token's lemma: candidates from the pipeline, Alpino's forms, simplemma and the inflection
rules; the first one the dictionary knows with the token's part of speech wins."""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from assistant.errors import DataError
from assistant.lexicon.frequency import zipf
from assistant.lexicon.inflection import adjective_bases
from assistant.lexicon.verbs import verb_infinitive
from assistant.lexicon.wordclasses import UD_TO_DICTIONARY_POS, VERB_POS
from assistant.resources import resource_path


class Lexicon(Protocol):
    """What lemma choice asks the dictionary (assistant.lexicon.store.Dictionary is one)."""

    def knows_as(self, lemma: str, pos: str | None = None) -> bool: ...

    def lemmas_of(self, form: str) -> tuple[tuple[str, str], ...]: ...


# simplemma's Dutch table as `make setup` unpacks it (form TAB lemma lines, zlib): 0.15 s of CPU
# to load where simplemma's own front-coded file takes about 0.45 s.
SIMPLEMMA_TABLE = "simplemma-nl.tsv.z"
_simplemma_lock = threading.Lock()


def write_simplemma_table(output: Path) -> None:
    """Write simplemma's Dutch table to `output` in the fast format `dutch_lemmatizer` reads."""
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    table = _load_dictionary_from_disk("nl")
    if any(b"\t" in item or b"\n" in item for pair in table.items() for item in pair):
        raise DataError("simplemma's Dutch table has a tab or line break in a form.")
    partial = output.with_name(output.name + ".partial")
    partial.write_bytes(zlib.compress(b"\n".join(k + b"\t" + v for k, v in table.items()), 6))
    partial.replace(output)


def _read_simplemma_table(path: Path) -> dict[bytes, bytes]:
    fields = zlib.decompress(path.read_bytes()).replace(b"\n", b"\t").split(b"\t")
    return dict(zip(fields[::2], fields[1::2], strict=True))


@lru_cache(maxsize=1)
def dutch_lemmatizer() -> Any:
    """simplemma's lemmatizer, its Dutch table read from SIMPLEMMA_TABLE when `make setup`
    wrote it (else simplemma's own); None without simplemma."""
    try:
        import simplemma
    except ImportError:
        return None
    try:  # simplemma's internals (2.x): a release without them still lemmatises, only slower
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DefaultDictionaryFactory,
            MappingStrToByteString,
        )
    except ImportError:
        return simplemma
    table = resource_path(SIMPLEMMA_TABLE)

    class Tables(DefaultDictionaryFactory):
        def _get_dictionary_uncached(self, lang: str) -> Any:
            if lang == "nl" and table.is_file():
                return MappingStrToByteString(_read_simplemma_table(table))
            return super()._get_dictionary_uncached(lang)

    return simplemma.Lemmatizer(
        lemmatization_strategy=DefaultStrategy(dictionary_factory=Tables()))


@lru_cache(maxsize=100_000)
def simplemma_lemma(form: str) -> str | None:
    """simplemma's Dutch lemma of `form` (its compounds' underscores removed), or None."""
    with _simplemma_lock:
        lemmatizer = dutch_lemmatizer()
        if lemmatizer is None:
            return None
        lemma = lemmatizer.lemmatize(form.lower(), lang="nl")
    return lemma.replace("_", "") if isinstance(lemma, str) and lemma else None


def rule_lemma(form: str, pos: str, morph: str, pipeline_lemma: str) -> str:
    """The lemma without a dictionary: the pipeline's, in lower case except for names, a
    verb's repaired by the inflection rules ("stemden" → stemmen)."""
    lemma = pipeline_lemma.strip() or form
    if pos == "PROPN":
        return lemma
    if pos in VERB_POS and not morph.startswith("VerbForm=Part"):
        return verb_infinitive(form, lemma, morph)
    return lemma.lower()


def used_as_adjective(pos: str, morph: str, dep: str) -> bool:
    """A participle the parser attaches to a noun as a modifier ("de uitgeputte renners")."""
    return pos in VERB_POS and "VerbForm=Part" in morph and dep == "amod"


def choose_lemma(
    form: str,
    pos: str,
    morph: str,
    pipeline_lemma: str,
    lexicon: Lexicon | None = None,
    adjectival: bool = False,
    lemmatise: Callable[[str], str | None] = simplemma_lemma,
    frequency: Callable[[str], float] = zipf,
) -> str:
    """The lemma the app uses for a token with UD tag `pos`.

    Candidates come from the pipeline, from the forms Alpino lists (with the token's part of
    speech), from simplemma and from the rules (rule_lemma). Those the dictionary has an entry
    for with the token's part of speech come first; among them the one most of the first three
    sources propose, then the most frequent ("las": lezen, not lassen). Failing that, the first
    Alpino lemma, then the rules' lemma. A participle used as an adjective (`adjectival`) takes the
    adjective when the dictionary has it (uitgeputte → uitgeput). Names keep the pipeline's
    lemma.
    """
    fallback = rule_lemma(form, pos, morph, pipeline_lemma)
    wanted = UD_TO_DICTIONARY_POS.get(pos)
    if lexicon is None or wanted is None or pos == "PROPN":
        return fallback
    lowered = form.lower()
    listed = lexicon.lemmas_of(lowered)
    if adjectival:
        for candidate in _unique([lowered, *(lemma for lemma, p in listed if p == "adj"),
                                  *adjective_bases(lowered)]):
            if lexicon.knows_as(candidate, "adj"):
                return candidate
    alpino = _unique([lemma for lemma, p in listed if p == wanted])
    votes: dict[str, int] = {}
    for proposed in (pipeline_lemma.strip().lower(), *alpino, lemmatise(lowered) or ""):
        if proposed:
            votes[proposed] = votes.get(proposed, 0) + 1
    votes.setdefault(fallback, 0)  # the rules repair the pipeline's lemma: no vote of its own
    known = [lemma for lemma in votes if lexicon.knows_as(lemma, wanted)]
    if known:
        return max(known, key=lambda lemma: (votes[lemma], frequency(lemma)))
    return alpino[0] if alpino else fallback


def _unique(items: list[str]) -> list[str]:
    return [item for item in dict.fromkeys(items) if item]
