"""The plan and the indicators in the template context: the plan section with its labels and
the middle managers among its stakeholders, and every indicator measured against baseline and
target (:mod:`sprintkit.engine.indicators`) with the chart that shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sprintkit.render import fmt
from sprintkit.render.context_types import IndicatorContext, IndicatorPoint, Plain
from sprintkit.render.environment import label

if TYPE_CHECKING:
    from sprintkit.model.sprint import Indicator


def plan_context(plan: Any, fallback_scope: str | None, lang: str) -> Plain:
    """The plan section as the templates read it; ``fallback_scope`` when it names none."""
    data = plan.model_dump()
    data["scope"] = plan.scope or fallback_scope
    for risk in data["risks"]:
        risk["likelihood_label"] = label(risk["likelihood"], lang) if risk["likelihood"] else None
        risk["impact_label"] = label(risk["impact"], lang) if risk["impact"] else None
    from sprintkit.engine.deliverable import in_middle_management

    data["middle_management"] = [
        st for st, person in zip(data["stakeholders"], plan.stakeholders, strict=True)
        if in_middle_management(person)
    ]
    trial = plan.trial
    days = None
    if trial is not None and trial.start and trial.end:
        days = (trial.end - trial.start).days + 1
    if data["trial"] is not None:
        data["trial"]["days"] = days
        data["trial"]["period"] = fmt.format_date_range(trial.start, trial.end, lang)
    return data


def indicator_context(ind: Indicator, lang: str, charts: dict[str, Plain], prefix: str
                      ) -> IndicatorContext:
    """An indicator with every measurement against baseline and target, as far as they can be
    compared (:mod:`sprintkit.engine.indicators`): counts over periods of another length pro
    rata and said so, rates only from a numerator and denominator of one period, never a rate
    against a count. The chart draws what can be drawn against one baseline line."""
    from sprintkit.engine import indicators as engine

    tr = engine.trend(ind, lang)
    kind = tr.kind
    points = [_indicator_point(c, kind, lang) for c in tr.comparisons]
    latest = points[-1] if points else None
    chart_id = None
    drawn = tr.chart_points()
    if drawn:
        chart_id = f"{prefix}-indicator-{ind.id}"
        ref = tr.reference_months
        baseline_ok = "baseline" not in tr.problems
        charts[chart_id] = {
            "id": chart_id, "type": "indicator", "lang": lang, "name": ind.name,
            "unit": ind.unit, "percent": kind == "rate",
            "baseline": ind.baseline if baseline_ok else None,
            "target": tr.chart_target() if baseline_ok else None,
            "direction": ind.direction,
            "per": {12: "year", 6: "half-year", 3: "quarter", 1: "month"}.get(ref or 0),
            "points": [{"period": p["period"], "value": p["value"],
                        "pro_rata": p["pro_rata"]} for p in drawn],
        }
    notes = [_sentence(p) for key, p in tr.problems.items()]
    if latest is not None:
        notes += [n for n in latest["notes"] if n not in notes]
        if latest["problem"] and latest["problem"] not in notes:
            notes.append(latest["problem"])
    left_out = [p["period"] for p in points if p["problem"]]
    return {
        "id": ind.id,
        "name": ind.name,
        "unit": ind.unit,
        "kind": kind,
        "kind_label": engine.label(kind, lang) if kind else None,
        "direction": ind.direction,
        "direction_label": label(ind.direction, lang),
        "baseline": ind.baseline,
        "baseline_text": engine.shown(ind.baseline, kind, lang) if ind.baseline is not None
        else None,
        "baseline_period": ind.baseline_period,
        "target": ind.target,
        "target_text": engine.shown(ind.target, kind, lang) if ind.target is not None
        else None,
        "target_period": ind.target_period,
        "frequency": ind.frequency,
        "source": ind.source,
        "description": ind.description,
        "measurements": points,
        "latest": latest,
        "target_met": latest["target_met"] if latest is not None else None,
        "notes": notes,
        "left_out": left_out,
        "chart": chart_id,
    }


def _indicator_point(c: Any, kind: str | None, lang: str) -> IndicatorPoint:
    from sprintkit.engine import indicators as engine

    r = c.reading
    value_text = engine.shown(r.value, kind, lang) if r.value is not None else None
    if r.numerator is not None and r.denominator is not None:
        fraction = f"{engine.number(r.numerator, lang)}/{engine.number(r.denominator, lang)}"
        value_text = f"{value_text} ({fraction})" if value_text else fraction
    trend = engine.summary(c, lang) if not c.problem else None
    return {
        "period": r.period,
        "value": r.value,
        "value_text": value_text,
        "numerator": r.numerator,
        "denominator": r.denominator,
        "denominator_period": r.denominator_period,
        "source": r.source,
        "note": r.note,
        "baseline_used": c.baseline,
        "pro_rata": c.baseline_factor is not None,
        "change": c.change,
        "change_text": engine.change_text(c, lang) if c.change is not None else None,
        "progress": c.progress,
        "progress_text": fmt.format_percent(c.progress, lang) if c.progress is not None
        else None,
        "status": c.status,
        "status_label": engine.label(c.status, lang) if c.status else None,
        "target_met": c.target_met,
        "trend_text": trend or None,
        "notes": [_sentence(n) for n in c.notes],
        "problem": _sentence(c.problem) if c.problem else None,
    }


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."
