"""A long text analysed a section at a time in worker processes gives, byte for byte, the
reading the same sections analysed in this process give; a failing worker gives one line."""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import worker_faults

from assistant import parallel
from assistant.learner.coverage import coverage
from assistant.learner.statuses import EMPTY_VIEW
from assistant.models import Article, Block, BlockKind, Level, Reading
from assistant.parallel import AnalysisError, Job, SectionAnalysis, read_sections
from assistant.reading.loading import article_from_text
from assistant.reading.sections import split_sections
from assistant.report import coverage_to_json, reading_to_json, write_json
from assistant.service import ReadingAssistant

# Three sections of 100 characters or fewer: 48 + 1 + 51 characters, twice, then the last.
FIRST = "Jan woont in Amsterdam. Hij werkt bij de gemeente."  # 50
SECOND = "Piet gaat morgen naar Utrecht. Hij neemt de trein."  # 50
THIRD = "Marie leest de krant van vandaag."  # 33
TEXT = f"{FIRST} {SECOND} {THIRD}"
LIMIT = 60


@pytest.fixture(scope="module")
def assistant() -> ReadingAssistant:
    assistant = ReadingAssistant()
    assistant.load_pipeline()
    return assistant


def _json(reading: Reading, assistant: ReadingAssistant) -> str:
    data = reading_to_json(reading, assistant)
    data["coverage"] = coverage_to_json(coverage(reading.analysed, EMPTY_VIEW))
    out = io.StringIO()
    write_json(data, out)
    return out.getvalue()


def _children() -> list[str]:
    """The command lines of this process's child processes, alive or not yet reaped (from
    /proc), but multiprocessing's resource tracker (one per process that spawns, for good)."""
    mine = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if fields[1] == mine and "resource_tracker" not in command:
                found.append(command)
    return found


def test_the_text_has_three_sections_at_its_sentence_ends() -> None:
    article = article_from_text(TEXT)
    sections = split_sections(article, LIMIT)
    assert [(s.start, s.end) for s in sections] == [(0, 50), (51, 101), (102, 135)]
    assert [article.text[s.start:s.end] for s in sections] == [FIRST, SECOND, THIRD]


def test_workers_give_what_this_process_gives_byte_for_byte(
        assistant: ReadingAssistant) -> None:
    article = article_from_text(TEXT)
    here = read_sections(assistant, article, Level.B1, EMPTY_VIEW, jobs=1, limit=LIMIT)
    pooled = read_sections(assistant, article, Level.B1, EMPTY_VIEW, jobs=2, limit=LIMIT)
    assert _json(pooled, assistant) == _json(here, assistant)
    assert multiprocessing.active_children() == []
    tokens = pooled.analysed.tokens
    # Offsets shifted once: each token's text is the article's text at its offsets, and the
    # sections' first words are where the sections start.
    assert all(article.text[t.start:t.end] == t.text for t in tokens)
    firsts = {t.text: (t.start, t.end) for t in tokens if t.text in ("Jan", "Piet", "Marie")}
    assert firsts == {"Jan": (0, 3), "Piet": (51, 55), "Marie": (102, 107)}
    assert [t.index for t in tokens] == list(range(len(tokens)))
    sentences = pooled.analysed.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert (sentences[-1].start, sentences[-1].end) == (102, 135)
    assert all(sentences[t.sentence].start <= t.start < sentences[t.sentence].end
               for t in tokens)
    places = {(e.text, e.start, e.end) for e in pooled.analysed.entities}
    assert {("Amsterdam", 13, 22), ("Utrecht", 73, 80)} <= places
    for entity in pooled.analysed.entities:
        assert tokens[entity.first_token].start == entity.start
        assert tokens[entity.last_token].end == entity.end


def test_one_section_is_read_here_without_workers(
        assistant: ReadingAssistant, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "_in_workers", no_pool)
    whole = read_sections(assistant, article_from_text(TEXT), Level.B1, EMPTY_VIEW, jobs=2)
    assert [t.text for t in whole.analysed.tokens][:3] == ["Jan", "woont", "in"]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (worker_faults.raises, "A worker process failed while analysing the text: "
                               "RuntimeError: broken section of 50 characters"),
        (worker_faults.dies, "A worker process analysing the text ended unexpectedly; "
                             "try again with --jobs 1."),
    ],
)
def test_a_failing_worker_gives_one_line_and_leaves_no_process(
        assistant: ReadingAssistant, task: Callable[[Job], SectionAnalysis],
        expected: str) -> None:
    article = article_from_text(TEXT)
    with pytest.raises(AnalysisError) as raised:
        read_sections(assistant, article, Level.B1, EMPTY_VIEW, jobs=2, task=task,
                      limit=LIMIT)
    assert raised.value.message == expected
    assert "\n" not in raised.value.message
    assert multiprocessing.active_children() == []
    assert _children() == []


@pytest.mark.parametrize("c_encoder", [True, False])
def test_write_json_writes_what_json_writes(c_encoder: bool,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from assistant import report

    if not c_encoder:  # a Python without json's C accelerator
        monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    report._flat_encoder.cache_clear()

    values: list[object] = [
        {}, [], "", {"a": {}, "b": [], "c": [{}]}, [1, -2, 3.25, 1e-07, 1e22, True, False, None],
        {"tekst": "één “quote” \\ \" \n\t\u2028 \U0001f600", "zipf": 4.0, "nul": 0.0},
        {"tokens": [{"start": 0, "gloss": None}, {"start": 1, "gloss": {"senses": ["x"]}}]},
        (1, (2, 3)), [float("nan"), float("inf"), float("-inf")],
        {1: "a", 2.5: [1], False: {"x": None}, None: [{}]},
    ]
    for value in values:
        out = io.StringIO()
        write_json(value, out)
        assert out.getvalue() == json.dumps(value, ensure_ascii=False, indent=1)
    report._flat_encoder.cache_clear()


@pytest.mark.parametrize("value", [{(1,): "a"}, {"a": {1, 2}}, [object()], {"a": [b"x"]}])
def test_write_json_refuses_what_json_refuses(value: object) -> None:
    with pytest.raises(TypeError):
        write_json(value, io.StringIO())


def test_blocks_of_a_longer_text_keep_their_offsets(assistant: ReadingAssistant) -> None:
    text = f"{FIRST}\n\n{SECOND}\n\n{THIRD}"
    blocks = (Block(BlockKind.PARAGRAPH, 0, 50), Block(BlockKind.PARAGRAPH, 52, 102),
              Block(BlockKind.HEADING, 104, 137))
    article = Article(text=text, blocks=blocks)
    pooled = read_sections(assistant, article, Level.B1, EMPTY_VIEW, jobs=2, limit=LIMIT)
    here = read_sections(assistant, article, Level.B1, EMPTY_VIEW, jobs=1, limit=LIMIT)
    assert _json(pooled, assistant) == _json(here, assistant)
    starts = {t.text: t.start for t in pooled.analysed.tokens}
    assert (starts["Jan"], starts["Piet"], starts["Marie"]) == (0, 52, 104)
    assert pooled.analysed.article is article
