"""Errors an installed app shows speak of the app, not of the developer's tools."""

from __future__ import annotations

import sys

import pytest

from assistant.errors import PipelineMissingError
from assistant.reading import nlp


def test_installed_app_tells_the_learner_to_reinstall() -> None:
    message = nlp.missing_pipeline_message(frozen=True)
    assert "Reinstall Leeswijzer" in message and "installer" in message
    assert not any(word in message for word in ("pip", "python", "spacy download", ".whl"))


def test_a_broken_model_in_an_installed_app_is_also_the_apps_to_fix() -> None:
    error = ImportError("No module named 'jinja2.tests'")
    message = nlp.broken_pipeline_message("nl_core_news_sm", error, frozen=True)
    assert "Reinstall Leeswijzer" in message and "jinja2.tests" in message
    assert not any(word in message for word in ("pip", "python", "spacy download"))
    source = nlp.broken_pipeline_message("nl_core_news_sm", error, frozen=False)
    assert nlp.INSTALL_COMMAND in source


def test_source_checkout_keeps_the_developer_command() -> None:
    message = nlp.missing_pipeline_message(frozen=False)
    assert nlp.INSTALL_COMMAND in message and "Reinstall" not in message


def test_a_frozen_app_without_a_pipeline_raises_the_learner_message(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "installed_dutch_pipelines", lambda: [])
    monkeypatch.setattr(nlp, "_package_meta", lambda name: None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(PipelineMissingError, match="Reinstall Leeswijzer"):
        nlp.choose_pipeline("nl_core_news_sm")
