"""A long text analysed a section at a time, here or in worker processes, and put together."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from assistant.errors import AssistantError, message_text
from assistant.models import (
    AnalysedArticle,
    Article,
    Entity,
    Level,
    Phrase,
    PipelineInfo,
    Reading,
    ReadingPart,
    Sentence,
    Token,
    TokenRow,
    token_row,
)
from assistant.reading.difficulty import Learner
from assistant.reading.sections import (
    SECTION_CHARS,
    Section,
    section_article,
    split_sections,
)
from assistant.service import ReadingAssistant
from assistant.streaming import Counts, finished, placed, reading_end
from assistant.timex.expressions import RuleMatches


class AnalysisError(AssistantError):
    """A worker process failed or ended while it analysed a section."""


@dataclass(frozen=True, slots=True)
class SectionAnalysis:
    """One section's analysis, its offsets and indices its own (0 at the section's start)."""

    model: PipelineInfo
    tokens: tuple[TokenRow, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    phrases: tuple[Phrase, ...]


# What a job asks of a worker: a section as an article of its own, the level and the learner.
Job = tuple[Article, Level, Learner]
Task = Callable[[Job], SectionAnalysis]


def analyse_section(assistant: ReadingAssistant, article: Article, level: Level,
                    learner: Learner) -> SectionAnalysis:
    """The section's tokens, sentences, entities and phrases, as the window's worker analyses
    a part (its first reply): the notes and time expressions wait for the whole text."""
    # Its first item only, not the end: the notes need every section.
    part = next(assistant.stream(article, level, learner, parts=[(0, len(article.blocks))]))
    assert isinstance(part, ReadingPart)
    info = assistant.pipeline_info
    assert info is not None
    return SectionAnalysis(info, tuple(map(token_row, part.tokens)), part.sentences,
                           part.entities, part.phrases)


class Merge:
    """Sections' analyses put together, in order, as the article's: each section's offsets
    moved by its start, its indices by the tokens, sentences, entities and phrases of the
    sections before it (streaming.placed)."""

    def __init__(self, article: Article, level: Level,
                 on_section: SectionListener | None = None) -> None:
        self._article = article
        self._level = level
        self._on_section = on_section
        self._tokens: list[Token] = []
        self._sentences: list[Sentence] = []
        self._entities: list[Entity] = []
        self._phrases: list[Phrase] = []
        self._counts = Counts()
        self._model: PipelineInfo | None = None

    def add(self, section: Section, part: SectionAnalysis) -> None:
        """Append the next section's analysis."""
        moved = placed(part.tokens, part.sentences, part.entities, part.phrases, self._counts,
                       section.start)
        self._counts = moved.counts_after(self._counts)
        self._tokens += moved.tokens
        self._sentences += moved.sentences
        self._entities += moved.entities
        self._phrases += moved.phrases
        self._model = self._model or part.model
        if self._on_section is not None:
            self._on_section(self.analysed(), len(self._tokens) - len(moved.tokens))

    def analysed(self) -> AnalysedArticle:
        """The article's analysis so far (as ReadingAssembly gives it, the language left as
        read's)."""
        if self._model is None:
            raise ValueError("no section analysed")
        return AnalysedArticle(article=self._article, model=self._model, level=self._level,
                               tokens=tuple(self._tokens), sentences=tuple(self._sentences),
                               entities=tuple(self._entities), phrases=tuple(self._phrases))


def default_jobs() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# Told of each section as it is merged: the text analysed so far, and its first new token.
SectionListener = Callable[[AnalysedArticle, int], None]


def read_sections(assistant: ReadingAssistant, article: Article, level: Level = Level.B1,
                  learner: Learner = frozenset(), jobs: int = 1,
                  task: Task | None = None, limit: int = SECTION_CHARS,
                  on_section: SectionListener | None = None) -> Reading:
    """The reading of an article analysed a section at a time (split_sections, as the window
    reads it), then its notes and time expressions over the whole: with `jobs` > 1 (and more
    than one section) the sections are analysed in that many worker processes, each with its
    own pipeline, with the same result. A worker that fails or ends raises AnalysisError (one
    line); no worker outlives the call. `task` replaces the workers' analysis and `limit` the
    sections' size (for tests). `on_section` is called after each section is merged (in
    this process, while the workers go on with the next ones)."""
    sections = split_sections(article, limit)
    count = len(sections)
    jobs_list = [(section_article(article, section, count), level, learner)
                 for section in sections]
    matches = RuleMatches(article.text, article.date)
    merge = Merge(article, level, _both(matches.add, on_section))
    if jobs <= 1 or count == 1:
        work = task or (lambda job: analyse_section(assistant, *job))
        for section, job in zip(sections, jobs_list, strict=True):
            merge.add(section, work(job))
    else:
        _in_workers(sections, jobs_list, min(jobs, count), assistant, task or _analyse_job,
                    merge)
    whole = merge.analysed()
    return finished(whole, reading_end(whole, learner, assistant.knowledge, matches))


def _both(first: SectionListener, then: SectionListener | None) -> SectionListener:
    """A listener that tells `first`, then `then` (when there is one)."""
    if then is None:
        return first

    def listener(analysed: AnalysedArticle, token: int) -> None:
        first(analysed, token)
        then(analysed, token)
    return listener


# The worker process's own core, made by its initializer.
_worker_assistant: ReadingAssistant | None = None


def _start_worker(pipeline_name: str | None) -> None:
    global _worker_assistant
    _worker_assistant = ReadingAssistant(pipeline_name=pipeline_name)


def _analyse_job(job: Job) -> SectionAnalysis:
    """A worker's analysis of one section (its pipeline loads with the first)."""
    assert _worker_assistant is not None
    analysis = analyse_section(_worker_assistant, *job)
    # What the worker keeps (its pipeline, tables and caches) left out of later full
    # collections, which walked it again for every section (1 s of each worker's 14 here).
    gc.freeze()
    return analysis


def _in_workers(sections: Sequence[Section], jobs: Sequence[Job], workers: int,
                assistant: ReadingAssistant, task: Task, merge: Merge) -> None:
    """Each job analysed in a pool of `workers` fresh processes (spawned: a fork would copy
    this process's threads and open files) and merged in order as it comes in; this process
    loads the dictionary and knowledge base meanwhile."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_start_worker, initargs=(assistant.pipeline_name,))
    try:
        futures: list[Future[SectionAnalysis]] = [pool.submit(task, job) for job in jobs]
        assistant.dictionary()  # for the notes and gloss cards, beside the workers
        assistant.knowledge()
        for section, future in zip(sections, futures, strict=True):
            merge.add(section, _section_result(future))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _section_result(future: Future[SectionAnalysis]) -> SectionAnalysis:
    """A worker's analysis of a section; its failure as AnalysisError (one line)."""
    try:
        return future.result()
    except AssistantError:
        raise
    except BrokenProcessPool as error:
        raise AnalysisError("A worker process analysing the text ended unexpectedly; "
                            "try again with --jobs 1.") from error
    except Exception as error:
        raise AnalysisError("A worker process failed while analysing the text: "
                            f"{message_text(f'{type(error).__name__}: {error}')}") from error
