"""Test cards as answers: a hypotheses output holds hypothesis ids, and a card given as a
mapping (in an answers file, or typed at the prompt) is checked here before the caller makes
the hypothesis.

Pure logic: no files, no terminal."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sprintkit.engine.answer_base import (
    CARD_FIELDS,
    AnswerContext,
    AnswerError,
    failure,
    hint_text,
    shown,
)

if TYPE_CHECKING:
    from sprintkit.model.method import OutputSpec


def check_hypotheses(
    spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool
) -> list[Any]:
    if isinstance(value, (str, dict)) and not strict:
        value = [p.strip() for p in value.split(",")] if isinstance(value, str) else [value]
    if not isinstance(value, list):
        raise failure(ctx, "hyp_shape", got=shown(value))
    result: list[Any] = []
    for raw in value:
        if isinstance(raw, dict) and not strict:
            result.append(check_card(raw, ctx))
            continue
        if not isinstance(raw, str) or not raw.strip():
            raise failure(ctx, "hyp_shape", got=shown(raw))
        hid = raw.strip()
        if ctx.hypotheses is not None and hid not in ctx.hypotheses:
            known = ", ".join(sorted(ctx.hypotheses)) or "-"
            raise failure(ctx, "hyp_unknown", hint_text(ctx, "hyp_add", known=known), hid=hid)
        if hid not in result:
            result.append(hid)
    if not result:
        raise failure(ctx, "empty")
    return result


def check_card(card: Mapping[str, Any], ctx: AnswerContext | None = None) -> dict[str, Any]:
    """The fields of a test card given as a mapping: known keys, a statement. The card's own
    rules (target form, kind) are checked where hypotheses are made."""
    ctx = ctx or AnswerContext()
    for key in card:
        if key not in CARD_FIELDS:
            close = difflib.get_close_matches(str(key), CARD_FIELDS, n=1, cutoff=0.6)
            hint = (hint_text(ctx, "did_you_mean", name=repr(close[0])) if close
                    else ", ".join(CARD_FIELDS))
            raise failure(ctx, "card_key", hint, key=key)
    statement = card.get("statement")
    if not isinstance(statement, str) or not statement.strip():
        raise failure(ctx, "card_statement")
    target = card.get("target")
    if isinstance(target, (str, int, float)) and not isinstance(target, bool):
        wrong = target_problem(str(target), ctx.lang)
        if wrong is not None:
            raise AnswerError(wrong)
    return {k: v for k, v in card.items() if v is not None}


def target_problem(text: str, lang: str = "en") -> str | None:
    """Why ``text`` is not a target such as ``>=70%`` or ``<=14`` (``None`` when it is)."""
    from sprintkit.model.common import Target

    try:
        Target.parse(text)
    except ValueError:
        from sprintkit.i18n import t

        return t("walkthrough.answer.target", lang, text=repr(text))
    return None
