"""The core's root exception type (messages meant for the learner) and the cancel check."""

from __future__ import annotations

import re
from typing import Protocol


class AssistantError(Exception):
    """A known problem the user can act on; `message` is one clear sentence or two."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ArticleError(AssistantError):
    """An article could not be read (missing, empty, binary, too large, unsupported)."""


class PipelineMissingError(AssistantError):
    """No usable Dutch spaCy pipeline is installed."""


class DataError(AssistantError):
    """A bundled data file (dictionary, notes, idioms) is missing or broken."""


class Cancelled(AssistantError):
    """The user cancelled a load (a file, a download or an analysis) before it finished."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)


class CancelCheck(Protocol):
    """What the loaders poll to stop early: `threading.Event` and `multiprocessing.Event` fit."""

    def is_set(self) -> bool: ...


def raise_if_cancelled(cancel: CancelCheck | None) -> None:
    """Raise `Cancelled` when `cancel` is set (None never cancels)."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()


# Characters that must not reach a one-line message: controls and line breaks (they would break
# the line or the log), bidi embeddings, overrides, isolates and marks (they reorder what follows).
_UNSAFE_IN_MESSAGES = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)

_SURROGATES = re.compile("[\ud800-\udfff]")  # undecodable bytes in a POSIX file name


def message_text(value: str, limit: int = 120) -> str:
    """Untrusted text (a file name, URL or server phrase) made safe for a one-line message:
    controls and bidi controls become spaces, undecodable bytes U+FFFD, and a long value keeps
    its start and end around an ellipsis."""
    value = _SURROGATES.sub("\ufffd", value)
    value = " ".join(_UNSAFE_IN_MESSAGES.sub(" ", value).split())
    if len(value) > limit:
        keep = max(limit - 1, 2)
        value = value[: keep - keep // 3] + "…" + value[len(value) - keep // 3:]
    return value
