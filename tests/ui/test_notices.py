"""How errors are worded for the message bar: the core's own message, or a traceback in details."""

from __future__ import annotations

import pytest

from assistant.errors import ArticleError, AssistantError, PipelineMissingError
from ui.notices import Notice, NoticeKind, notice_for_error


@pytest.mark.parametrize(
    "error",
    [ArticleError("Cannot open a.txt: it is empty."), PipelineMissingError("No model."),
     AssistantError("Plain core error.")],
)
def test_core_errors_say_their_own_message(error: AssistantError) -> None:
    assert notice_for_error(error, "opening a.txt") == Notice(error.message, NoticeKind.ERROR)


@pytest.mark.parametrize(
    ("doing", "start"),
    [
        ("analysing the article",
         "Something went wrong while analysing the article: KeyError: 'lemma'."),
        ("", "Something went wrong: KeyError: 'lemma'."),
    ],
)
def test_unexpected_errors_name_the_action_and_keep_the_traceback(
    doing: str, start: str, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        {}["lemma"]
    except KeyError as error:
        notice = notice_for_error(error, doing)
    assert notice.kind is NoticeKind.ERROR
    assert notice.text.startswith(start)
    assert notice.text.endswith("The app keeps running; see the details.")
    assert notice.details.startswith("Traceback (most recent call last):")
    assert "KeyError: 'lemma'" in notice.details
    assert any(record.levelname == "ERROR" for record in caplog.records)  # and it is logged
