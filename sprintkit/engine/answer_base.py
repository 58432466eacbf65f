"""What every answer check shares: the error an answer that does not fit raises, what a check
may need to know besides the answer, and the messages in the work's language.

Pure logic: no files, no terminal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sprintkit.errors import shown as quoted

CARD_FIELDS = (
    "id", "statement", "risk", "kind", "test", "metric", "target", "criterion", "confidence",
    "min_n", "owner", "derived_from", "title", "importance",
)
"""Keys a test card may have where an answer gives one as a mapping."""

SCALE = (1, 5)
"""Impact and effort are scored on 1..5 unless the output sets ``min``/``max``."""


class AnswerError(ValueError):
    """An answer that does not fit its output; ``hint`` says what would."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class AnswerContext:
    """What checking an answer may need besides the answer itself."""

    answers: Mapping[str, Any] = field(default_factory=dict)
    """Every answer so far, by output id (for the items of dot voting and impact/effort)."""
    hypotheses: frozenset[str] | None = None
    """Ids of the sprint's hypotheses (``None``: not known, ids are not checked)."""
    lang: str = "en"


def answer_text(ctx: AnswerContext, which: str, **values: Any) -> str:
    from sprintkit.i18n import t

    return t(f"walkthrough.answer.{which}", ctx.lang, **values)


def hint_text(ctx: AnswerContext, which: str, **values: Any) -> str:
    from sprintkit.i18n import t

    return t(f"walkthrough.answer_hint.{which}", ctx.lang, **values)


def failure(ctx: AnswerContext, which: str, hint: str | None = None, **values: Any) -> AnswerError:
    return AnswerError(answer_text(ctx, which, **values), hint)


def shown(value: Any) -> str:
    """A value as a message shows it (short, no story text beyond 40 characters)."""
    return quoted(value, limit=40, none="nothing")
