"""What the message bar says: a core error's own message, or an unexpected error with details."""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from enum import Enum

from assistant.errors import AssistantError

log = logging.getLogger(__name__)


class NoticeKind(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Notice:
    """One sentence for the learner (plain text), with optional details (a traceback)."""

    text: str
    kind: NoticeKind = NoticeKind.ERROR
    details: str = ""
    for_article: bool = False  # about the open article: it goes when another one opens


def notice_for_error(error: BaseException, doing: str = "") -> Notice:
    """A core error's message as it is; anything else is logged and shown with its traceback."""
    if isinstance(error, AssistantError):
        return Notice(error.message)
    log.error("unexpected error %s", doing, exc_info=error)
    what = f" while {doing}" if doing else ""
    return Notice(
        f"Something went wrong{what}: {type(error).__name__}: {error}. "
        "The app keeps running; see the details.",
        NoticeKind.ERROR,
        "".join(traceback.format_exception(error)),
    )
