"""Learning cards: ``sprintkit learn add`` — observed → learned → therefore we will …, with a
decision weighed against the hypothesis's verdict. Editing and removing a card is in
:mod:`sprintkit.ops.corrections`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.evidence import (
    VerdictResult,
    decision_against_verdict,
    decision_label,
    evaluate,
    verdict_label,
)
from sprintkit.errors import UsageError
from sprintkit.i18n import language, msg
from sprintkit.ops.hypotheses import (
    build_model,
    change_sprint,
    check_text,
    find,
    sprint_folder,
    today,
)
from sprintkit.ops.keyfile import clean_fields, sprint_cleaner
from sprintkit.ops.scope import next_id, speak
from sprintkit.vocabulary import parse

if TYPE_CHECKING:
    from sprintkit.model.sprint import Learning, Sprint


@dataclass(frozen=True)
class Learned:
    """The new learning card and the verdict it was weighed against."""

    learning: Learning
    result: VerdictResult

    @property
    def against_verdict(self) -> bool:
        return self.learning.against_verdict


def add_learning(
    sprint: Path | None = None,
    id: str = "",
    *,
    observed: str,
    learned: str,
    action: str,
    decision: str,
    reason: str | None = None,
) -> Learned:
    """Write a learning card (ids L1, L2, …) for hypothesis ``id``. A decision against the
    final verdict — adopting a refuted hypothesis, dropping a supported one — is allowed but
    needs ``reason`` and is marked ``against_verdict``."""
    from sprintkit.model.sprint import Learning

    speak(sprint)
    for value, option in ((observed, "--observed"), (learned, "--learned"), (action, "--action")):
        check_text(value, option)
    decision = parse("decision", decision, "--decision")
    if reason is not None and not reason.strip():
        raise UsageError(msg("evidence.reason_empty"))
    folder = sprint_folder(sprint)

    def change(model: Sprint) -> Learned:
        h = find(model, id)
        result = evaluate(h, model.language)
        against = decision_against_verdict(decision, result.final)
        if against and not reason:
            raise UsageError(
                msg("evidence.learn.against_needs_reason", hid=h.id,
                    decision=decision_label(decision, language()),
                    verdict=verdict_label(result.final, language())),
                hint=msg("evidence.learn.against_hint"),
            )
        data: dict[str, Any] = {
            "id": next_id([*(ln.id for ln in model.learnings), *model.retired_ids], "L"),
            "hypothesis": h.id,
            "observed": observed, "learned": learned, "action": action, "decision": decision,
            "date": today(),
        }
        if reason:
            data["reason"] = reason
        clean_fields(sprint_cleaner(model, folder), data,
                     ("observed", "learned", "action", "reason"))
        if against:
            data["against_verdict"] = True
        learning = build_model(Learning, data)
        model.learnings.append(learning)
        return Learned(learning, result)

    return change_sprint(sprint, change)


__all__ = ["Learned", "add_learning"]
