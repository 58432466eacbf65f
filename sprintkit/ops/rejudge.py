"""Learning cards weighed again when a hypothesis's verdict changes.

A learning card records a decision (adopt, adapt, drop, retest) and whether it went against the
verdict at the time (``against_verdict``). When evidence is added, corrected or removed, or the
facilitator's verdict changes, the verdict can move: a card that adopted an inconclusive
hypothesis may now adopt a refuted one. :func:`rejudge_learnings` sets the flag from the verdict
as it is now, inside the same transaction as the change, so reports never show a stale judgement;
the cards that now go against the verdict without a reason are returned, for a warning."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sprintkit.engine.evidence import VerdictResult, decision_against_verdict

if TYPE_CHECKING:
    from sprintkit.model.sprint import Hypothesis, Sprint


def rejudge_learnings(model: Sprint, h: Hypothesis, result: VerdictResult) -> list[str]:
    """Update ``against_verdict`` of every learning card about ``h`` to ``result``'s final
    verdict; the ids of cards that now go against it and give no reason."""
    needs_reason: list[str] = []
    for card in model.learnings:
        if card.hypothesis != h.id or not card.decision:
            continue
        against = decision_against_verdict(card.decision, result.final)
        if against != card.against_verdict:
            card.against_verdict = against
            if against and not (card.reason or "").strip():
                needs_reason.append(card.id)
    return needs_reason
