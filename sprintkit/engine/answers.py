"""One typed answer, checked and normalised: the single validation path for every output type.

An answer reaches sprintkit in four ways — typed at a prompt, from ``--answers FILE``, from
``--set PHASE.OUTPUT=VALUE``, or already saved in ``sprint.yaml`` — and all four go through
:func:`coerce_answer`. The lenient form (prompt, answers file, ``--set``) turns text into the
stored type (``"12"`` → 12, ``ja`` → true, a choice's label → its id, ``3-2-2026`` → a date);
the strict form (``strict=True``, used for what is saved) accepts only what a well-formed file
holds, so ``sprintkit validate`` reports exactly what the walkthrough would refuse.

Stored shapes (see :data:`sprintkit.model.method.OutputType`): text/multiline a string; list a
list of distinct strings; choice a choice id; multichoice a list of choice ids; number/integer a
number; date a date; bool true/false; dot_vote ``{item: votes}`` ranked (most votes first);
impact_effort ``{item: {impact: n, effort: n}}``; hypotheses a list of hypothesis ids (test
cards given as mappings are created by the caller and replaced by their ids).

The error, the context and the messages every check shares are in
:mod:`sprintkit.engine.answer_base`; test cards in :mod:`sprintkit.engine.answer_cards` (both
importable from here as before).

Pure logic: no files, no terminal."""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sprintkit.engine.answer_base import (
    CARD_FIELDS,
    SCALE,
    AnswerContext,
    AnswerError,
    failure,
    hint_text,
    shown,
)
from sprintkit.engine.answer_cards import check_card, check_hypotheses, target_problem

if TYPE_CHECKING:
    from sprintkit.model.method import OutputSpec

_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "wel"}
_NO = {"nee", "n", "no", "false", "onwaar", "0", "niet"}


def coerce_answer(
    spec: OutputSpec,
    value: Any,
    ctx: AnswerContext | None = None,
    *,
    strict: bool = False,
    typed: bool = False,
) -> Any:
    """``value`` as the output stores it, or :class:`AnswerError`.

    ``strict``: only what a well-formed sprint file holds (for saved answers). ``typed``: the
    value was typed at a prompt, so choice numbers (``2``) and item numbers count too."""
    ctx = ctx or AnswerContext()
    if value is None:
        raise failure(ctx, "empty")
    check = _CHECKS[spec.type]
    return check(spec, value, ctx, strict, typed)


def answer_problem(
    spec: OutputSpec, value: Any, ctx: AnswerContext | None = None
) -> AnswerError | None:
    """The problem of an answer saved in a sprint file (strict), or ``None`` when it fits."""
    if value is None:
        return None
    try:
        coerce_answer(spec, value, ctx, strict=True)
    except AnswerError as exc:
        return exc
    return None


# --- scalars ---------------------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _text(spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool) -> str:
    if _is_number(value):
        value = str(value)
    if not isinstance(value, str):
        raise failure(ctx, "text", got=shown(value))
    text = value.strip() if spec.type == "text" else value.strip("\n").rstrip()
    if spec.type == "text" and "\n" in text and not strict:
        text = " ".join(part.strip() for part in text.splitlines() if part.strip())
    if not text.strip():
        raise failure(ctx, "empty")
    return text


def _list(spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool) -> list[str]:
    if isinstance(value, str) and not strict:
        value = [line for line in value.splitlines()]
    if not isinstance(value, list):
        raise failure(ctx, "list", got=shown(value))
    items: list[str] = []
    earlier = None if strict else items_of(spec, ctx)
    for n, raw in enumerate(value, start=1):
        if _is_number(raw):
            raw = str(raw)
        if not isinstance(raw, str):
            raise failure(ctx, "item", n=n, got=shown(raw))
        item = raw.strip()
        if not item:
            if strict:
                raise failure(ctx, "item_empty", n=n)
            continue
        for one in _picked(spec, item, earlier, ctx):
            if one in items:
                raise failure(ctx, "twice", item=shown(one))
            items.append(one)
    if not items:
        raise failure(ctx, "empty")
    return items


_PICK = r"\d+(?:\s*-\s*\d+)?"
_NUMBERS = re.compile(rf"^{_PICK}(?:(?:\s*[,;]\s*|\s+){_PICK})*$")


def picked_items(text: str, items: list[str] | None) -> list[int] | None:
    """The item numbers in a line that holds only numbers and ranges (``1``, ``1,5``, ``1 5``,
    ``1-4``, ``2-3,5``, ``1 - 4``) when there are ``items`` to pick from; ``None`` for any
    other line (it is an item as typed). A range runs both ways (``4-2`` is 4, 3, 2); one
    with an end beyond the items gives just its ends, for the caller to refuse."""
    line = text.strip()
    if not items or not _NUMBERS.match(line):
        return None
    numbers: list[int] = []
    for a, b in re.findall(r"(\d+)(?:\s*-\s*(\d+))?", line):
        first, last = int(a), int(b or a)
        if not (1 <= first <= len(items) and 1 <= last <= len(items)):
            numbers += dict.fromkeys((first, last))
            continue
        step = 1 if last >= first else -1
        numbers += range(first, last + step, step)
    return numbers


def _picked(spec: OutputSpec, item: str, earlier: list[str] | None,
            ctx: AnswerContext) -> list[str]:
    """A list item as stored: for a list that picks from an earlier one (``items_from``), a
    line of numbers stands for those items' text; any other line is kept as given."""
    numbers = picked_items(item, earlier)
    if numbers is None or earlier is None:
        return [item]
    for number in numbers:
        if not 1 <= number <= len(earlier):
            raise failure(ctx, "pick", ref=number, source=spec.items_from, n=len(earlier))
    return [earlier[number - 1] for number in numbers]


def _resolve_choice(spec: OutputSpec, raw: Any, strict: bool, typed: bool) -> str | None:
    ids = [c.id for c in spec.choices]
    if isinstance(raw, str) and raw in ids:
        return raw
    if strict:
        return None
    from sprintkit import vocabulary

    text = str(raw).strip()
    folded = vocabulary.normal(text)
    for choice in spec.choices:
        names = [choice.id, choice.label.nl or "", choice.label.en or ""]
        if folded and folded in (vocabulary.normal(n) for n in names if n):
            return choice.id
    kind = vocabulary.list_of(ids)
    found = vocabulary.find(kind, text) if kind else None
    if found is not None:
        return found
    if typed and text.isdigit() and 1 <= int(text) <= len(ids):
        return ids[int(text) - 1]
    return None


def _allowed(spec: OutputSpec, ctx: AnswerContext, strict: bool) -> str:
    """The choices a message lists: ids for a saved answer; else each choice's name in the
    language at hand, with the id after it where they differ (``Stoppen (drop)``)."""
    from sprintkit.vocabulary import normal

    if strict:
        return ", ".join(c.id for c in spec.choices)
    shown = []
    for c in spec.choices:
        name = c.label.get(ctx.lang) or c.id
        shown.append(c.id if normal(name) == normal(c.id) else f"{name} ({c.id})")
    return ", ".join(shown)


def _choice(spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool) -> str:
    allowed = _allowed(spec, ctx, strict)
    if isinstance(value, (dict, list)) or isinstance(value, bool):
        raise failure(ctx, "choice", hint_text(ctx, "allowed", allowed=allowed), value=shown(value))
    found = _resolve_choice(spec, value, strict, typed)
    if found is None:
        raise failure(ctx, "choice", hint_text(ctx, "allowed", allowed=allowed), value=shown(value))
    return found


def _multichoice(
    spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool
) -> list[str]:
    allowed = _allowed(spec, ctx, strict)
    if isinstance(value, str) and not strict:
        value = [part for part in re.split(r"[,;]", value) if part.strip()]
    if not isinstance(value, list):
        raise failure(ctx, "choices", hint_text(ctx, "allowed", allowed=allowed),
                      values=shown(value))
    chosen: list[str] = []
    wrong: list[Any] = []
    for raw in value:
        found = None if isinstance(raw, (dict, list, bool)) else _resolve_choice(
            spec, raw, strict, typed
        )
        if found is None:
            wrong.append(raw)
        elif found not in chosen:
            chosen.append(found)
    if wrong:
        raise failure(ctx, "choices", hint_text(ctx, "allowed", allowed=allowed),
                    values=", ".join(shown(v) for v in wrong))
    if not chosen:
        raise failure(ctx, "empty")
    return chosen


def _parse_number(value: Any, ctx: AnswerContext, strict: bool, which: str) -> float | int:
    if _is_number(value):
        if isinstance(value, float) and not math.isfinite(value):
            raise failure(ctx, which, got=shown(value))
        return value
    if isinstance(value, str) and not strict:
        text = value.strip().replace(" ", "")
        if re.fullmatch(r"[-+]?\d+", text):
            return int(text)
        if re.fullmatch(r"[-+]?(\d+[.,]\d*|[.,]\d+)", text):
            return float(text.replace(",", "."))
    raise failure(ctx, which, got=shown(value))


def _in_range(spec: OutputSpec, number: float | int, ctx: AnswerContext) -> None:
    if spec.min is not None and number < spec.min:
        raise failure(ctx, "low", value=number, limit=_plain_number(spec.min))
    if spec.max is not None and number > spec.max:
        raise failure(ctx, "high", value=number, limit=_plain_number(spec.max))


def _plain_number(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _number(spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool) -> Any:
    number = _parse_number(value, ctx, strict, "number")
    _in_range(spec, number, ctx)
    return number


def _integer(spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool) -> int:
    number = _parse_number(value, ctx, strict, "integer")
    if isinstance(number, float):
        if strict or not number.is_integer():
            raise failure(ctx, "integer", got=shown(value))
        number = int(number)
    _in_range(spec, number, ctx)
    return number


def _date(spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        if strict:
            raise failure(ctx, "date", hint_text(ctx, "date"), got=shown(value.isoformat()))
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        from sprintkit.i18n.dates import DateError, parse_date

        text = value.strip()
        # typed answers (strict) take the ISO form only; typed-in ones also day-month-year
        if not strict or re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return parse_date(text)
            except DateError:
                pass
    raise failure(ctx, "date", hint_text(ctx, "date"), got=shown(value))


def _bool(spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool) -> bool:
    if isinstance(value, bool):
        return value
    if not strict:
        text = str(value).strip().casefold() if isinstance(value, (str, int)) else ""
        if text in _YES:
            return True
        if text in _NO:
            return False
    raise failure(ctx, "bool", hint_text(ctx, "bool"), got=shown(value))


# --- scoring items of an earlier list ------------------------------------------------------


def items_of(spec: OutputSpec, ctx: AnswerContext) -> list[str] | None:
    """The items of the earlier list an output draws on (``items_from``): those a dot_vote or
    impact_effort output scores, or those a list output picks from (``None`` when not
    answered)."""
    if not spec.items_from:
        return None
    items = ctx.answers.get(spec.items_from)
    if not isinstance(items, list) or not items:
        return None
    return [str(i) for i in items]


def votes_on(spec: OutputSpec, outputs: list[OutputSpec], answers: Mapping[str, Any]
             ) -> dict[str, int] | None:
    """For a list output that picks from an earlier list (``items_from``): the dot votes that
    list received, when another output voted on it (``None`` otherwise)."""
    if not spec.items_from or spec.type != "list":
        return None
    for other in outputs:
        if other.type == "dot_vote" and other.items_from == spec.items_from:
            votes = answers.get(other.id)
            if isinstance(votes, dict) and votes:
                return {str(k): int(v) for k, v in votes.items() if _is_number(v)}
    return None


def _resolve_item(ref: Any, items: list[str] | None, strict: bool, typed: bool) -> str | None:
    text = str(ref).strip() if not isinstance(ref, (dict, list, bool)) else None
    if text is None:
        return None
    if items is None:
        return text if strict else None
    if text in items:
        return text
    if strict:
        return None
    folded = text.casefold()
    for item in items:
        if item.casefold() == folded:
            return item
    if text.isdigit() and 1 <= int(text) <= len(items):
        return items[int(text) - 1]  # an item's number, as the prompt shows it
    return None


def _not_item(
    spec: OutputSpec, ref: Any, items: list[str] | None, ctx: AnswerContext
) -> AnswerError:
    source = spec.items_from or ""
    if items is None:
        return failure(ctx, "no_items", hint_text(ctx, "answer_first", source=source),
                       source=source)
    close = difflib.get_close_matches(str(ref), items, n=1, cutoff=0.6)
    hint = hint_text(ctx, "did_you_mean", name=repr(close[0])) if close \
        else hint_text(ctx, "items", items="; ".join(_numbered(items)))
    return failure(ctx, "not_item", hint, ref=shown(ref), source=source)


def _numbered(items: list[str]) -> list[str]:
    return [f"{n}. {item}" for n, item in enumerate(items, start=1)]


def _votes(item: str, raw: Any, ctx: AnswerContext, strict: bool) -> int:
    if isinstance(raw, str) and not strict and raw.strip().isdigit():
        return int(raw.strip())
    if isinstance(raw, float) and not strict and raw.is_integer() and raw >= 0:
        return int(raw)
    if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
        raise failure(ctx, "votes", item=item, got=shown(raw))
    return raw


def _dot_vote(
    spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool
) -> dict[str, int]:
    items = items_of(spec, ctx)
    if items is None and not strict:
        raise _not_item(spec, "", None, ctx)
    totals: dict[str, int] = {}
    if isinstance(value, dict):
        for ref, raw in value.items():
            item = _resolve_item(ref, items, strict, typed)
            if item is None:
                raise _not_item(spec, ref, items, ctx)
            totals[item] = totals.get(item, 0) + _votes(item, raw, ctx, strict)
    elif isinstance(value, list) and not strict:
        for n, picks in enumerate(value, start=1):
            if isinstance(picks, str):
                picks = [p for p in re.split(r"[,;\s]+", picks) if p] if typed else [picks]
            if not isinstance(picks, list):
                picks = [picks]
            limit = spec.votes_per_person
            if limit is not None and len(picks) > limit:
                raise failure(ctx, "dots", n=n, count=len(picks), limit=limit)
            for ref in picks:
                item = _resolve_item(ref, items, strict, typed)
                if item is None:
                    raise _not_item(spec, ref, items, ctx)
                totals[item] = totals.get(item, 0) + 1
    else:
        raise failure(ctx, "vote_shape", got=shown(value))
    if strict:
        return totals
    if not any(totals.values()):
        raise failure(ctx, "no_votes")
    return ranked(totals, items or list(totals))


def ranked(totals: Mapping[str, int], items: list[str]) -> dict[str, int]:
    """Votes for every item, most votes first (ties keep the items' order)."""
    order = {item: n for n, item in enumerate(items)}
    full = {item: int(totals.get(item, 0)) for item in items}
    for item, votes in totals.items():
        full.setdefault(item, int(votes))
    return dict(sorted(full.items(), key=lambda iv: (-iv[1], order.get(iv[0], len(order)))))


def scale_of(spec: OutputSpec) -> tuple[int, int]:
    """The impact/effort scale of an output: its min/max, else 1..5."""
    lo = int(spec.min) if spec.min is not None else SCALE[0]
    hi = int(spec.max) if spec.max is not None else SCALE[1]
    return lo, hi


def _score(item: str, what: str, raw: Any, spec: OutputSpec, ctx: AnswerContext,
           strict: bool) -> int | float:
    lo, hi = scale_of(spec)
    number: Any = raw
    if isinstance(raw, str) and not strict and _SCORE_TEXT.fullmatch(raw.strip()):
        number = float(raw.strip().replace(",", "."))
        number = int(number) if number.is_integer() else number
    # a group's score is an average (3.7): a number on the scale, whole or not
    if not _is_number(number) or not lo <= number <= hi:
        raise failure(ctx, "score", item=item, what=what, lo=lo, hi=hi, got=shown(raw))
    return number


_SCORE_TEXT = re.compile(r"\d+(?:[.,]\d+)?")
"""A typed score: whole, or a group's average with a decimal point or comma (3.8, 3,8)."""


def _pair(item: str, raw: Any, spec: OutputSpec, ctx: AnswerContext, strict: bool) -> Any:
    if isinstance(raw, str) and not strict:
        # "4 2", "4;2", "4/2", and averages "3,8 2,5"; "4,2" alone is two whole scores
        parts = [p for p in re.split(r"[\s;/]+", raw.strip()) if p]
        if len(parts) == 1:
            parts = [p for p in parts[0].split(",") if p]
        raw = parts
    if isinstance(raw, list) and not strict and len(raw) == 2:
        raw = {"impact": raw[0], "effort": raw[1]}
    if not isinstance(raw, dict) or set(raw) != {"impact", "effort"}:
        raise failure(ctx, "score_keys", item=item)
    return {
        "impact": _score(item, "impact", raw["impact"], spec, ctx, strict),
        "effort": _score(item, "effort", raw["effort"], spec, ctx, strict),
    }


def _impact_effort(
    spec: OutputSpec, value: Any, ctx: AnswerContext, strict: bool, typed: bool
) -> dict[str, dict[str, int | float]]:
    items = items_of(spec, ctx)
    if items is None and not strict:
        raise _not_item(spec, "", None, ctx)
    if not isinstance(value, dict):
        raise failure(ctx, "score_shape", got=shown(value))
    scores: dict[str, dict[str, int | float]] = {}
    for ref, raw in value.items():
        item = _resolve_item(ref, items, strict, typed)
        if item is None:
            raise _not_item(spec, ref, items, ctx)
        scores[item] = _pair(item, raw, spec, ctx, strict)
    if not scores:
        raise failure(ctx, "empty")
    if items is not None and not strict:
        order = {item: n for n, item in enumerate(items)}
        scores = dict(sorted(scores.items(), key=lambda kv: order[kv[0]]))
    return scores

_CHECKS: dict[str, Any] = {
    "text": _text,
    "multiline": _text,
    "list": _list,
    "choice": _choice,
    "multichoice": _multichoice,
    "number": _number,
    "integer": _integer,
    "date": _date,
    "bool": _bool,
    "dot_vote": _dot_vote,
    "impact_effort": _impact_effort,
    "hypotheses": check_hypotheses,
}


# --- examples, for "how to supply it" -------------------------------------------------------


def example_answer(spec: OutputSpec, ctx: AnswerContext | None = None) -> Any:
    """A value of the right shape for an answers-file snippet (real items where known)."""
    ctx = ctx or AnswerContext()
    items = items_of(spec, ctx) or ["…"]
    lo, hi = scale_of(spec)
    examples: dict[str, Any] = {
        "text": "…",
        "multiline": "…",
        "list": ["…"],
        "choice": spec.choices[0].id if spec.choices else "…",
        "multichoice": [spec.choices[0].id] if spec.choices else ["…"],
        "number": spec.default if _is_number(spec.default) else (spec.min or 0),
        "integer": spec.default if isinstance(spec.default, int) else int(spec.min or 1),
        "date": dt.date(2026, 3, 2),
        "bool": True,
        "dot_vote": {item: 0 if n else 1 for n, item in enumerate(items)},
        "impact_effort": {item: {"impact": hi, "effort": lo} for item in items},
        "hypotheses": [{"statement": "…", "risk": "desirability", "metric": "…",
                        "target": ">=70%", "criterion": "…"}],
    }
    return examples[spec.type]


def same_answer(a: Any, b: Any) -> bool:
    """Whether two answers are the same once dates and numbers are written alike."""
    return _plain(a) == _plain(b)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


__all__ = ["CARD_FIELDS", "SCALE", "AnswerContext", "AnswerError", "answer_problem",
           "check_card", "coerce_answer", "example_answer", "items_of", "picked_items",
           "ranked", "same_answer", "scale_of", "shown", "target_problem", "votes_on"]
