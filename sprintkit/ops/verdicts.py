"""Verdicts: the computed verdict of every hypothesis (the rule is
:mod:`sprintkit.engine.evidence`), and a facilitator's own verdict with its reason (``sprintkit
verdict --override``, ``--clear-override``), kept in the hypothesis's history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.evidence import VerdictResult, evaluate
from sprintkit.errors import SprintkitError, UsageError
from sprintkit.i18n import msg
from sprintkit.ops.hypotheses import (
    build_model,
    change_sprint,
    find,
    load,
    now_local,
    sprint_folder,
    today,
)
from sprintkit.ops.keyfile import sprint_cleaner
from sprintkit.ops.rejudge import rejudge_learnings
from sprintkit.ops.scope import speak
from sprintkit.vocabulary import parse

if TYPE_CHECKING:
    from sprintkit.model.sprint import Sprint


def verdicts(
    sprint: Path | None = None, id: str | None = None, lang: str | None = None
) -> list[VerdictResult]:
    """The verdict of every hypothesis (or of ``id``); caveats in ``lang`` (default: the
    sprint's language)."""
    model = load(sprint)
    chosen = [find(model, id)] if id else model.hypotheses
    return [evaluate(h, lang or model.language) for h in chosen]


def override_verdict(
    sprint: Path | None = None,
    id: str = "",
    *,
    override: str,
    reason: str | None,
    by: str | None = None,
) -> VerdictResult:
    """Record a facilitator's verdict. Refused without a reason (a usage error, exit 2). The
    computed verdict at that moment is kept beside it; a replaced override goes to history."""
    from sprintkit.model.sprint import HistoryEntry, Override

    speak(sprint)
    override = parse("override", override, "--override")
    if not reason or not reason.strip():
        raise UsageError(msg("evidence.verdict.needs_reason"),
                         hint=msg("evidence.verdict.needs_reason_hint"))

    folder = sprint_folder(sprint)

    def change(model: Sprint) -> VerdictResult:
        h = find(model, id)
        computed = evaluate(h).verdict
        why = sprint_cleaner(model, folder)(reason).text
        if h.override is not None:
            h.history.append(HistoryEntry(
                date=now_local(), field="override", old=h.override.verdict, new=override,
                reason=why,
            ))
        data: dict[str, Any] = {
            "verdict": override, "reason": why, "computed": computed, "date": today(),
        }
        if by:
            data["by"] = by
        h.override = build_model(Override, data)
        result = evaluate(h, model.language)
        rejudge_learnings(model, h, result)
        return result

    return change_sprint(sprint, change)


def clear_override(
    sprint: Path | None = None, id: str = "", *, reason: str | None
) -> VerdictResult:
    """Withdraw a facilitator's verdict (with a reason, kept in the history)."""
    from sprintkit.model.sprint import HistoryEntry

    speak(sprint)
    if not reason or not reason.strip():
        raise UsageError(msg("evidence.verdict.withdraw_needs_reason"),
                         hint=msg("evidence.add_reason_hint"))

    folder = sprint_folder(sprint)

    def change(model: Sprint) -> VerdictResult:
        h = find(model, id)
        if h.override is None:
            raise SprintkitError(msg("evidence.verdict.nothing_to_withdraw", hid=h.id))
        why = sprint_cleaner(model, folder)(reason).text
        h.history.append(HistoryEntry(
            date=now_local(), field="override", old=h.override.verdict, new=None, reason=why,
        ))
        h.override = None
        h.__pydantic_fields_set__.discard("override")  # drop the key instead of writing null
        result = evaluate(h, model.language)
        rejudge_learnings(model, h, result)
        return result

    return change_sprint(sprint, change)


__all__ = ["clear_override", "override_verdict", "verdicts"]
