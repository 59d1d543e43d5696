"""Choosing and loading the Dutch pipeline; parse data with offsets into the whole text."""

from __future__ import annotations

import pytest

from assistant.errors import PipelineMissingError
from assistant.reading import nlp


def test_installed_pipelines_are_dutch_and_preferred_first() -> None:
    installed = nlp.installed_dutch_pipelines()
    assert installed, "the test environment must have a Dutch pipeline"
    preferred = [name for name in installed if name in nlp.PREFERRED_PIPELINES]
    assert installed[: len(preferred)] == preferred


def test_choice_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "installed_dutch_pipelines",
                        lambda: ["nl_core_news_sm", "nl_other_sm"])
    monkeypatch.setattr(nlp, "_package_meta", lambda name: None)
    monkeypatch.delenv(nlp.PIPELINE_ENV, raising=False)
    assert nlp.choose_pipeline() == "nl_core_news_sm"
    assert nlp.choose_pipeline("nl_other_sm") == "nl_other_sm"
    monkeypatch.setenv(nlp.PIPELINE_ENV, "nl_other_sm")
    assert nlp.choose_pipeline() == "nl_other_sm"
    # a requested pipeline that is not installed falls back to the best installed one
    assert nlp.choose_pipeline("nl_missing_lg") == "nl_core_news_sm"


def test_no_pipeline_says_how_to_install_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "installed_dutch_pipelines", lambda: [])
    monkeypatch.setattr(nlp, "_package_meta", lambda name: None)
    monkeypatch.delenv(nlp.PIPELINE_ENV, raising=False)
    with pytest.raises(PipelineMissingError) as caught:
        nlp.choose_pipeline()
    assert "python -m spacy download nl_core_news_sm" in caught.value.message


def test_parse_offsets_refer_to_the_whole_text(pipeline: nlp.Pipeline) -> None:
    text = "Kop zonder punt\n\nDe minister sprak in Den Haag. Daarna ging zij naar huis."
    parsed = pipeline.parse(text, [(0, 15), (17, len(text))])
    assert all(text[t.start:t.end] == t.text for t in parsed.tokens)
    assert len(parsed.sentences) >= 3
    assert parsed.sentences[0].end <= 15
    assert all(0 <= t.head < len(parsed.tokens) for t in parsed.tokens)
    assert pipeline.info.name.startswith("nl_")


def test_loading_is_lazy_and_once(pipeline: nlp.Pipeline) -> None:
    assert nlp.get_pipeline() is nlp.get_pipeline()
