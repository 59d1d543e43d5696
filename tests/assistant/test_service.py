"""The ReadingAssistant façade: a full reading, relevel without the pipeline, glosses, online."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant import service
from assistant.errors import ArticleError
from assistant.knowledge.enrichment import Enricher
from assistant.models import Category, Level, Reading
from assistant.reading import analysis
from assistant.reading.loading import article_from_text
from assistant.service import ReadingAssistant


@pytest.fixture(scope="module")
def assistant() -> ReadingAssistant:
    return ReadingAssistant()


@pytest.fixture(scope="module")
def reading(assistant: ReadingAssistant, sample_path: Path) -> Reading:
    return assistant.read(assistant.load_article(sample_path), Level.B1)


def test_read_gives_analysis_notes_and_times(reading: Reading) -> None:
    assert reading.analysed.model.name
    names = {note.name for note in reading.notes}
    assert {"Kim Jong-un", "Rusland", "Vladivostok"} <= names
    assert any(t.resolved == "2022-02" and t.text == "vorig jaar februari" for t in reading.times)


def test_entities_follow_what_the_notes_know(reading: Reading) -> None:
    text = reading.analysed.article.text
    places = {}
    for entity in reading.analysed.entities:
        assert text[entity.start:entity.end] == entity.text
        if entity.text in ("Vladivostok", "Pyongyang", "Teheran", "Moskou"):
            places[entity.text] = entity.category
    assert "Vladivostok" in places  # the notes know it, so it must be an entity
    assert set(places.values()) == {Category.PLACE}, places
    for token in reading.analysed.tokens:
        if token.entity is not None:
            entity = reading.analysed.entities[token.entity]
            assert entity.first_token <= token.index <= entity.last_token


def test_relevel_and_known_words(assistant: ReadingAssistant, reading: Reading) -> None:
    harder = assistant.relevel(reading, Level.A1)
    assert harder.notes is reading.notes
    hard_before = sum(t.hard for t in reading.analysed.tokens)
    assert sum(t.hard for t in harder.analysed.tokens) > hard_before
    known = assistant.relevel(reading, Level.B1, frozenset({"naarstig"}))
    assert not any(t.hard for t in known.analysed.tokens if t.text == "naarstig")


def test_gloss_of_a_hard_word_and_out_of_range(assistant: ReadingAssistant,
                                               reading: Reading) -> None:
    index = next(t.index for t in reading.analysed.tokens if t.text == "wapenstilstand")
    card = assistant.gloss(reading, index)
    assert card is not None and any("armistice" in s or "ceasefire" in s for s in card.senses)
    assert assistant.gloss(reading, -1) is None
    assert assistant.gloss(reading, 10**6) is None


def test_pasted_text_and_empty_paste(assistant: ReadingAssistant) -> None:
    article = assistant.article_from_text(" date 2024-06 Het kabinet viel gisteren.")
    assert article.date is not None and article.text == "Het kabinet viel gisteren."
    with pytest.raises(ArticleError, match="empty"):
        assistant.article_from_text("   \n ")


def test_missing_dictionary_is_reported_not_fatal(tmp_path: Path) -> None:
    assistant = ReadingAssistant(dictionary_path=tmp_path / "none.sqlite")
    assert assistant.dictionary() is None
    assert assistant.dictionary_error is not None
    assert "none.sqlite" in assistant.dictionary_error.message


def test_online_switch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEESWIJZER_OFFLINE", raising=False)
    assistant = ReadingAssistant(enricher=Enricher(tmp_path / "cache.sqlite", enabled=True))
    assert assistant.online
    assistant.set_online(False)
    assert not assistant.online
    assert ReadingAssistant().online is False
    assert "nl_" in " ".join(ReadingAssistant.installed_pipelines())


def test_preload_loads_in_the_background_and_failures_resurface(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from assistant.errors import PipelineMissingError
    from assistant.reading import nlp

    assistant = ReadingAssistant()
    assistant.preload()
    assert assistant.load_pipeline() == nlp.get_pipeline().info

    monkeypatch.setattr(nlp, "installed_dutch_pipelines", lambda: [])
    monkeypatch.setattr(nlp, "_package_meta", lambda name: None)
    monkeypatch.delenv(nlp.PIPELINE_ENV, raising=False)
    missing = ReadingAssistant(pipeline_name="nl_nothing_sm")
    missing.preload()
    for thread in threading.enumerate():
        if thread.name == "preload":
            thread.join(timeout=30)
    with pytest.raises(PipelineMissingError):
        missing.load_pipeline()


@pytest.mark.parametrize(("items", "calls_after"), [
    ([], None),  # nothing streamed: never called
    (["first"], 1),
    (["first", "second", "third"], 1),
])
def test_then_calls_once_after_the_consumer_has_the_first_item(
        items: list[str], calls_after: int | None) -> None:
    from assistant.service import _then

    calls: list[int] = []
    seen: list[str] = []
    for item in _then(iter(items), lambda: calls.append(len(seen))):
        seen.append(item)
    assert seen == items
    assert calls == ([] if calls_after is None else [calls_after])


@pytest.mark.parametrize(("limit", "chosen_again"), [(200_000, False), (0, True)])
def test_lemmas_chosen_for_one_text_serve_the_next(
        assistant: ReadingAssistant, monkeypatch: pytest.MonkeyPatch, limit: int,
        chosen_again: bool) -> None:
    # A worker reads a long text a section at a time: the sections share their words.
    calls: list[str] = []
    choose = analysis.choose_lemma

    def counted(text: str, *rest: Any) -> str:
        calls.append(text)
        return choose(text, *rest)

    monkeypatch.setattr(analysis, "choose_lemma", counted)
    monkeypatch.setattr(service, "MAX_LEMMA_CHOICES", limit)
    article = article_from_text("Zonnepanelen werden gisteren geplaatst.")
    first = assistant.read(article, Level.B1)
    seen = len(calls)
    again = assistant.read(article, Level.B1)
    assert [t.lemma for t in again.analysed.tokens] == [t.lemma for t in first.analysed.tokens]
    assert seen > 0  # "Zonnepanelen" at least was new
    assert len(calls) - seen == (seen if chosen_again else 0)
