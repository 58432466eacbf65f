"""English names of the fixed value lists (decision, evidence type, risk, verdict, status…):
``value.<list>.<id>``; the lists themselves are in :mod:`sprintkit.vocabulary`."""

WORDS: dict[str, str] = {
    # decisions (learning cards)
    "value.decision.adopt": "adopt",
    "value.decision.adapt": "adapt",
    "value.decision.drop": "drop",
    "value.decision.retest": "retest",
    # evidence types
    "value.evidence_type.interview": "interview",
    "value.evidence_type.survey": "survey",
    "value.evidence_type.observation": "observation",
    "value.evidence_type.behaviour": "behaviour",
    "value.evidence_type.document": "document",
    # risk types
    "value.risk.desirability": "desirability",
    "value.risk.feasibility": "feasibility",
    "value.risk.viability": "viability",
    # verdicts (the override list shares these)
    "value.verdict.supported": "supported",
    "value.verdict.refuted": "refuted",
    "value.verdict.inconclusive": "inconclusive",
    "value.verdict.insufficient_data": "insufficient data",
    # evidence strength
    "value.strength.none": "none",
    "value.strength.weak": "weak",
    "value.strength.moderate": "moderate",
    "value.strength.strong": "strong",
    # action status (the board's columns)
    "value.action_status.todo": "to do",
    "value.action_status.doing": "doing",
    "value.action_status.done": "done",
    "value.action_status.escalated": "escalated",
    "value.action_filter.open": "open",
    "value.action_filter.overdue": "overdue",
    # phase status
    "value.phase_status.todo": "to do",
    "value.phase_status.in_progress": "in progress",
    "value.phase_status.done": "done",
    "value.phase_status.skipped": "skipped",
    # support
    "value.support.broad": "broadly supported",
    "value.support.mixed": "mixed",
    "value.support.limited": "limited",
    # likelihood and impact of a risk
    "value.level.low": "low",
    "value.level.medium": "medium",
    "value.level.high": "high",
    # indicators
    "value.indicator_kind.count": "count",
    "value.indicator_kind.value": "value",
    "value.indicator_kind.rate": "rate",
    "value.direction.increase": "higher is better",
    "value.direction.decrease": "lower is better",
    # periods
    "value.period_kind.half-year": "half-year",
    "value.period_kind.quarter": "quarter",
    "value.period_kind.year": "year",
    "value.period_kind.month": "month",
    # hypothesis kinds
    "value.hypothesis_kind.proportion": "proportion",
    "value.hypothesis_kind.mean": "mean",
    "value.hypothesis_kind.qualitative": "qualitative",
    # the names of the lists, as an error message names them
    "value.list.decision": "decision",
    "value.list.evidence_type": "evidence type",
    "value.list.risk": "risk",
    "value.list.verdict": "verdict",
    "value.list.override": "facilitator's verdict",
    "value.list.strength": "evidence strength",
    "value.list.action_status": "action status",
    "value.list.action_filter": "action status or filter",
    "value.list.phase_status": "phase status",
    "value.list.support": "support level",
    "value.list.level": "level",
    "value.list.indicator_kind": "indicator kind",
    "value.list.direction": "direction",
    "value.list.period_kind": "period kind",
    "value.list.hypothesis_kind": "hypothesis kind",
    "value.unknown": "{value} is not a valid {what}; choose from: {accepted}",
    "value.unknown_hint": "case does not matter; the Dutch name or the id is accepted too",
    "value.nothing": "nothing given",
}
