"""The hypotheses' part of the template context: each hypothesis with its computed result in
words and numbers, its evidence, and the overview charts that show them (forest plots)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sprintkit.i18n import t
from sprintkit.render import fmt
from sprintkit.render.context_types import EvidenceContext, HypothesisContext, Plain
from sprintkit.render.environment import label
from sprintkit.render.fmt import digits_for

if TYPE_CHECKING:
    from sprintkit.model.sprint import Hypothesis

FOREST_ROWS = 25
"""Hypotheses per overview chart."""
SINGLE_MEANS = 6
"""Up to this many mean hypotheses get a chart each, in their own unit; more are drawn
together, relative to their targets."""


def hypothesis_context(h: Hypothesis, result: Any, lang: str, learning_ids: list[str],
                       decision: str | None) -> HypothesisContext:
    """A hypothesis with its ``result`` (the computed verdict, in numbers and words)."""
    target = h.target
    percent = h.kind == "proportion"
    res = result.to_json()
    res.update(_result_texts(result, percent, lang))
    reason = result.override_reason
    # the override and its reason are shown on their own; keep the other caveats as notes
    res["notes"] = [c for c in result.caveats if not (reason and reason in c)]
    return {
        "id": h.id,
        "statement": h.statement,
        "title_given": h.title,
        "title": h.title or h.statement,
        "risk": h.risk,
        "risk_label": label(h.risk, lang) if h.risk else None,
        "kind": h.kind,
        "kind_label": label(h.kind, lang),
        "test": h.test,
        "metric": h.metric,
        "target": str(target) if target is not None else None,
        "target_text": fmt.format_target(target.op, target.value, target.percent or percent,
                                         lang) if target is not None else None,
        "criterion": h.criterion,
        "confidence": h.confidence,
        "confidence_text": fmt.format_percent(h.confidence, lang, 0 if (
            h.confidence * 100).is_integer() else 1),
        "min_n": h.min_n,
        "owner": h.owner,
        "derived_from": h.derived_from,
        "derived_from_text": h.derived_from,
        "ref": h.id,
        "followed_by": [],
        "superseded": False,
        "decided_later": False,
        "relation": None,
        "relation_label": None,
        "lineage_changes": [],
        "lineage": None,
        "phase": h.phase,
        "created": h.created,
        "evidence": [_evidence(e, lang) for e in h.evidence],
        "result": res,
        "override": h.override.model_dump() if h.override else None,
        "changes": [c.model_dump() for c in h.history],
        "learnings": learning_ids,
        "decision": decision,
        "decision_label": label(decision, lang) if decision else None,
        "chart": None,
    }


def _result_texts(r: Any, percent: bool, lang: str) -> dict[str, Any]:
    def number(x: float | None) -> str | None:
        if x is None:
            return None
        return fmt.format_percent(x, lang) if percent else fmt.format_number(x, lang, digits_for(x))

    return {
        "verdict_label": label(r.verdict, lang),
        "final_label": label(r.final, lang),
        "override_label": label(r.override, lang) if r.override else None,
        "strength_label": label(r.strength, lang),
        "still_needed": r.still_needed,
        "k_of_n": f"{r.successes}/{r.n}" if r.successes is not None else None,
        "estimate_text": number(r.estimate),
        "interval_text": (fmt.format_interval(r.ci_low, r.ci_high, lang, percent=percent,
                                              digits=1 if percent else digits_for(r.ci_low))
                          if r.ci_low is not None else None),
        "p_text": fmt.format_percent(r.p_meets_target, lang) if r.p_meets_target is not None
        else None,
        "overridden": r.override is not None and r.override != r.verdict,
    }


def _evidence(e: Any, lang: str) -> EvidenceContext:
    numbers = list(e.values) if e.values is not None else None
    summary = None
    if e.successes is not None and e.trials is not None:
        summary = f"{e.successes}/{e.trials}"
    elif numbers:
        mean = sum(numbers) / len(numbers)
        word = t("render.values_mean", lang)
        summary = f"{len(numbers)} {word} {fmt.format_number(mean, lang, digits_for(mean))}"
    return {
        "id": e.id,
        "date": e.date,
        "source": e.source,
        "type": e.type,
        "type_label": label(e.type, lang) if e.type else None,
        "successes": e.successes,
        "trials": e.trials,
        "numbers": numbers,
        "quote": e.quote,
        "note": e.note,
        "summary": summary,
    }


def hypothesis_charts(sprint_id: str, hypotheses: list[HypothesisContext], lang: str,
                      charts: dict[str, Plain]) -> list[str]:
    """Overview charts: proportions in groups of :data:`FOREST_ROWS`, each mean on its own."""
    ids: list[str] = []
    proportions = [h for h in hypotheses
                   if h["kind"] == "proportion" and h["result"]["estimate"] is not None]
    means = [h for h in hypotheses
             if h["kind"] == "mean" and h["result"]["estimate"] is not None]
    grouped_means = len(means) > SINGLE_MEANS and all(
        _target_value(h) not in (None, 0.0) for h in means)
    groups: list[tuple[str, list[HypothesisContext], dict[str, Any]]] = []
    for number, start in enumerate(range(0, len(proportions), FOREST_ROWS), start=1):
        groups.append((f"{sprint_id}-hypotheses-{number}", proportions[start:start + FOREST_ROWS],
                       {"percent": True}))
    if grouped_means:
        for number, start in enumerate(range(0, len(means), FOREST_ROWS), start=1):
            groups.append((f"{sprint_id}-means-{number}", means[start:start + FOREST_ROWS],
                           {"percent": False, "relative": True}))
    else:
        for h in means:
            groups.append((f"{sprint_id}-hypothesis-{h['id']}", [h],
                           {"percent": False, "unit": h["metric"]}))
    for chart_id, group, options in groups:
        charts[chart_id] = {"id": chart_id, "type": "forest", "lang": lang, **options,
                            "rows": [_forest_row(h) for h in group]}
        for h in group:
            h["chart"] = chart_id
        ids.append(chart_id)
    return ids


def _target_value(h: HypothesisContext) -> float | None:
    from sprintkit.model.common import Target

    return Target.parse(h["target"]).value if h["target"] else None


def _forest_row(h: HypothesisContext) -> dict[str, Any]:
    from sprintkit.model.common import Target

    r = h["result"]
    target = Target.parse(h["target"]) if h["target"] else None
    return {
        "label": h["id"],
        "estimate": r["estimate"],
        "low": r["ci_low"],
        "high": r["ci_high"],
        "target": target.value if target else None,
        "op": target.op if target else None,
        "verdict": r["final"],
    }
