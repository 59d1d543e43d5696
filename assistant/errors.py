"""The core's one root exception type: errors with a message meant for the learner."""

from __future__ import annotations


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
