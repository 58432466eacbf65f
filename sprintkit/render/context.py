"""The template context: everything a report template may use, as plain data.

One function, :func:`build_context`, turns sprints (and optionally their programme) into nested
dicts and lists of text, numbers and dates. Templates see the same shape for a single sprint and
for a programme-wide report: ``sprints`` is always the list, ``sprint`` is set when there is
exactly one, ``programme`` when a programme is given. Computed verdicts come from
:func:`sprintkit.engine.evidence.evaluate`; labels and formatted numbers are in the document's
language. Chart specifications are collected in ``charts`` (by id) and referenced from the
things they show (``h.chart``, ``ind.chart``, ``s.charts.hypotheses``).

The keys avoid the names of dict methods (``items``, ``values``, ``keys``…), so ``x.key`` in a
template always means the data. ``sprintkit templates context`` prints the context as JSON.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.choices import impact_effort_matrix, vote_ranking
from sprintkit.i18n import t
from sprintkit.render import fmt
from sprintkit.render.environment import label
from sprintkit.render.fmt import digits_for

if TYPE_CHECKING:
    from sprintkit.model.method import Method, OutputSpec
    from sprintkit.model.programme import Programme
    from sprintkit.model.sprint import Hypothesis, Indicator, Sprint

FOREST_ROWS = 25
"""Hypotheses per overview chart."""
SINGLE_MEANS = 6
"""Up to this many mean hypotheses get a chart each, in their own unit; more are drawn
together, relative to their targets."""



def source_date() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC datetime, when set and valid; a value that is not a
    whole number of seconds, or out of the calendar's range, is ignored (the command line
    warns about it)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None


def document_date(sprints: Sequence[Sprint]) -> dt.datetime:
    """The date stamped in the document's properties: ``SOURCE_DATE_EPOCH``, else the latest
    sprint date, else 1 January 2000 — never the clock, so the same input gives the same bytes."""
    stamp = source_date()
    if stamp is not None:
        return stamp
    days = [d for s in sprints for d in (s.end, s.start) if d is not None]
    if days:
        return dt.datetime.combine(max(days), dt.time(), tzinfo=dt.timezone.utc)
    return dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def build_context(
    sprints: Sequence[Sprint],
    *,
    programme: Programme | None = None,
    lang: str | None = None,
    sprint_dirs: Sequence[Path | None] | None = None,
    methods: Sequence[Method | None] | None = None,
    draft: bool = False,
    final: bool = False,
    version: str | None = None,
) -> dict[str, Any]:
    """The context for a template over ``sprints`` (one, or a programme's chain).

    ``draft`` makes the templates write their notes to the author (review comments in Word);
    ``final`` marks the document definitive on its title page (the caller has checked that
    nothing required is missing); ``version`` is printed on the title page (default 1.0).

    ``lang`` defaults to the programme's or first sprint's language. ``methods`` gives each
    sprint's method (for phase titles and output prompts); when omitted it is looked up with
    :func:`sprintkit.files.library.load_method`, and missing methods are tolerated."""
    sprints = list(sprints)
    if lang is None:
        lang = programme.language if programme is not None else (
            sprints[0].language if sprints else "nl")
    dirs = list(sprint_dirs) if sprint_dirs is not None else [None] * len(sprints)
    if methods is None:
        methods = [load_method(s.method, d) for s, d in zip(sprints, dirs, strict=True)]
    charts: dict[str, dict[str, Any]] = {}
    sprint_ctx = [
        _sprint(s, m, lang, charts) for s, m in zip(sprints, methods, strict=True)
    ]
    from sprintkit.engine.lineage import build

    index = build(sprints, lang=lang, programme=programme is not None)
    lineages = _lineages(index, sprint_ctx, lang)
    generated = source_date()
    context: dict[str, Any] = {
        "lang": lang,
        "generated": generated.date() if generated else None,
        "programme": _programme(programme, lang, charts, sprints, sprint_ctx, lineages)
        if programme is not None else None,
        "sprints": sprint_ctx,
        "sprint": sprint_ctx[0] if len(sprint_ctx) == 1 else None,
        "charts": charts,
        "totals": _totals(sprint_ctx),
        "draft": draft,
        "meta": _meta(sprints, lang, draft=draft, final=final, version=version),
    }
    return context


def _meta(sprints: Sequence[Sprint], lang: str, *, draft: bool, final: bool,
          version: str | None) -> dict[str, Any]:
    """What the title page says about the document itself: date, version and status."""
    status = "final" if final and not draft else "draft"
    return {
        "date": fmt.format_date(document_date(sprints).date(), lang),
        "version": version or "1.0",
        "status": status,
        "status_label": t(f"doc.status_{status}", lang),
    }


def load_method(method_id: str, sprint_dir: Path | None) -> Method | None:
    """The sprint's method from the method library, or ``None`` when it cannot be loaded (the
    report then uses the phase ids from the sprint file)."""
    from sprintkit.errors import SprintkitError

    try:
        from sprintkit.files import library
    except ImportError:
        return None
    getter = getattr(library, "get_method", None) or getattr(library, "load_method", None)
    if getter is None:
        return None
    try:
        found = getter(method_id, sprint_dir)
    except (SprintkitError, OSError, ValueError):
        return None
    return getattr(found, "model", found)


# --- sprint --------------------------------------------------------------------------------


def _sprint(s: Sprint, method: Method | None, lang: str, charts: dict[str, Any]) -> dict[str, Any]:
    from sprintkit.engine.evidence import evaluate

    results = {h.id: evaluate(h, lang) for h in s.hypotheses}
    learnings_by_h: dict[str, list[str]] = {}
    for learning in s.learnings:
        if learning.hypothesis:
            learnings_by_h.setdefault(learning.hypothesis, []).append(learning.id)
    decisions_by_h = {
        lr.hypothesis: lr.decision for lr in s.learnings if lr.hypothesis and lr.decision
    }
    hypotheses = [
        _hypothesis(h, results[h.id], lang, learnings_by_h.get(h.id, []),
                    decisions_by_h.get(h.id))
        for h in s.hypotheses
    ]
    by_id = {h["id"]: h for h in hypotheses}
    overview = _hypothesis_charts(s.id, hypotheses, lang, charts)
    learnings = [_learning(lr, by_id, lang) for lr in s.learnings]
    indicators = [_indicator(ind, lang, charts, s.id) for ind in s.indicators]
    plan = _plan(s.plan, s.context.scope, lang)
    counts = Counter(h["result"]["final"] for h in hypotheses)
    method_ctx = None
    if method is not None:
        method_ctx = {
            "id": method.id,
            "kind": method.kind,
            "name": method.name.get(lang),
            "summary": method.summary.get(lang),
        }
    ctx = {
        "id": s.id,
        "position": None,
        "title": s.title,
        "method": method_ctx,
        "method_id": s.method,
        "language": s.language,
        "organisation": s.organisation,
        "programme_id": s.programme,
        "start": s.start,
        "end": s.end,
        "period": fmt.format_date_range(s.start, s.end, lang),
        "facilitators": list(s.facilitators),
        "context": s.context.model_dump(),
        "team": _team(s.team, method, lang),
        "deciders": [m.name for m in s.team if _is_role(m.role, "decider", "beslisser")],
        "phases": _phases(s, method, lang),
        "hypotheses": hypotheses,
        "verdict_counts": {v: counts.get(v, 0) for v in
                           ("supported", "refuted", "inconclusive", "insufficient_data")},
        "learnings": learnings,
        "decisions": [_decision(d) for d in s.decisions],
        "actions": [_action(a, lang) for a in s.actions],
        "open_actions": [_action(a, lang) for a in s.actions if a.status != "done"],
        "indicators": indicators,
        "parties": [p.model_dump() for p in s.parties],
        "signatories": [p.model_dump() for p in s.parties if p.signs_intent],
        "plan": plan,
        "adopted": _adopted(learnings, by_id),
        "conclusions": list(s.conclusions),
        "next_steps": list(s.next_steps),
        "removed": [{**r.model_dump(), "date": fmt.format_date(r.date, lang)}
                    for r in s.removed_hypotheses if r.evidence],
        "charts": {"hypotheses": overview,
                   "indicators": [i["chart"] for i in indicators if i["chart"]]},
    }
    from sprintkit.render.deliverable_context import add_deliverable

    add_deliverable(ctx, s, method, lang, charts)
    return ctx


def _team(team: list[Any], method: Method | None, lang: str) -> list[dict[str, Any]]:
    """The team, each with ``role_label``: the method's name for the role when the role names
    one of the method's roles (by id or name), else the role as written."""
    from sprintkit.engine.team import role_label

    roles = list(method.roles) if method is not None else []
    members = []
    for m in team:
        data = m.model_dump()
        data["role_label"] = role_label(m.role, roles, lang)[1]
        members.append(data)
    return members


def _is_role(role: str | None, *words: str) -> bool:
    text = (role or "").lower()
    return any(w in text for w in words)


# --- phases and their outputs --------------------------------------------------------------


def _phases(s: Sprint, method: Method | None, lang: str) -> list[dict[str, Any]]:
    order: list[str] = []
    if method is not None:
        order = [p.id for p in method.phases]
    order += [pid for pid in s.phases if pid not in order]
    phases = []
    for pid in order:
        state = s.phases.get(pid)
        spec = None
        if method is not None:
            spec = next((p for p in method.phases if p.id == pid), None)
        if state is None and spec is None:
            continue
        outputs = []
        if state is not None:
            specs = {o.id: o for o in spec.outputs} if spec is not None else {}
            spec_order = [o.id for o in spec.outputs] if spec is not None else []
            keys = [k for k in spec_order if k in state.outputs]
            keys += [k for k in state.outputs if k not in keys]
            for key in keys:
                outputs.append(_output(key, state.outputs[key], specs.get(key), lang, s))
        phases.append({
            "id": pid,
            "title": spec.title.get(lang) if spec is not None else _humanise(pid),
            "goal": spec.goal.get(lang) if spec is not None else None,
            "status": state.status if state is not None else "todo",
            "status_label": label(state.status if state is not None else "todo", lang),
            "started": state.started if state is not None else None,
            "completed": state.completed if state is not None else None,
            "held": state is not None and (state.status in ("done", "in_progress")
                                           or bool(state.outputs)),
            "when": _when(state, lang),
            "notes": state.notes if state is not None else None,
            "outputs": outputs,
        })
    return phases


def _when(state: Any, lang: str) -> str | None:
    """The dates a phase was held, as a range (``2 – 4 maart 2026``)."""
    if state is None or (state.started is None and state.completed is None):
        return None
    start = state.started.date() if state.started else None
    end = state.completed.date() if state.completed else None
    return fmt.format_date_range(start or end, end if start else None, lang)


def _humanise(key: str) -> str:
    text = re.sub(r"[_-]+", " ", key).strip()
    return text[:1].upper() + text[1:] if text else key


def _output(key: str, value: Any, spec: OutputSpec | None, lang: str, s: Sprint
            ) -> dict[str, Any]:
    """One captured output, shaped for its type: ``text``, ``list``, ``ranking``, ``matrix``."""
    kind = spec.type if spec is not None else _guess_type(value)
    out: dict[str, Any] = {
        "id": key,
        "label": spec.prompt.get(lang) if spec is not None else _humanise(key),
        "type": kind,
        "shape": "text",
        "text": None,
        "entries": [],
        "ranking": [],
        "matrix": [],
    }
    choices = {c.id: c.label.get(lang) for c in spec.choices} if spec is not None else {}
    if kind in ("list", "multichoice", "hypotheses") and isinstance(value, list):
        out["shape"] = "list"
        out["entries"] = [choices.get(str(v), v) if not isinstance(v, dict) else _flat(v)
                          for v in value]
        if kind == "hypotheses":
            known = {h.id: h.statement for h in s.hypotheses}
            out["entries"] = [f"{v}: {known[v]}" if v in known else v for v in value]
    elif kind == "dot_vote" and isinstance(value, dict):
        out["shape"] = "ranking"
        out["ranking"] = vote_ranking(value)
    elif kind == "impact_effort" and isinstance(value, dict):
        out["shape"] = "matrix"
        out["matrix"] = impact_effort_matrix(value, lang)
    elif kind == "choice":
        out["text"] = choices.get(str(value), value)
    elif kind == "bool" and isinstance(value, bool):
        out["text"] = label(value, lang)
    elif kind == "date":
        out["text"] = fmt.format_date(value, lang)
    elif kind in ("number", "integer") and isinstance(value, (int, float)):
        out["text"] = fmt.format_number(value, lang)
    elif isinstance(value, list):
        out["shape"] = "list"
        out["entries"] = [v if not isinstance(v, dict) else _flat(v) for v in value]
    elif isinstance(value, dict):
        out["shape"] = "list"
        out["entries"] = [f"{k}: {_flat(v) if isinstance(v, dict) else v}"
                          for k, v in value.items()]
    else:
        out["text"] = "" if value is None else value
    return out


def _flat(value: dict[str, Any]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in value.items())


def _guess_type(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        if value and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                         for v in value.values()):
            return "dot_vote"
        if value and all(isinstance(v, dict) and {"impact", "effort"} <= set(v)
                         for v in value.values()):
            return "impact_effort"
        return "dict"
    if isinstance(value, bool):
        return "bool"
    return "text"


# --- hypotheses ----------------------------------------------------------------------------


def _hypothesis(h: Hypothesis, result: Any, lang: str, learning_ids: list[str],
                decision: str | None) -> dict[str, Any]:
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


def _evidence(e: Any, lang: str) -> dict[str, Any]:
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


def _hypothesis_charts(sprint_id: str, hypotheses: list[dict[str, Any]], lang: str,
                       charts: dict[str, Any]) -> list[str]:
    """Overview charts: proportions in groups of :data:`FOREST_ROWS`, each mean on its own."""
    ids: list[str] = []
    proportions = [h for h in hypotheses
                   if h["kind"] == "proportion" and h["result"]["estimate"] is not None]
    means = [h for h in hypotheses
             if h["kind"] == "mean" and h["result"]["estimate"] is not None]
    grouped_means = len(means) > SINGLE_MEANS and all(
        _target_value(h) not in (None, 0.0) for h in means)
    groups: list[tuple[str, list[dict[str, Any]], dict[str, Any]]] = []
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


def _target_value(h: dict[str, Any]) -> float | None:
    from sprintkit.model.common import Target

    return Target.parse(h["target"]).value if h["target"] else None


def _forest_row(h: dict[str, Any]) -> dict[str, Any]:
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


# --- learnings, decisions, actions ---------------------------------------------------------


def _learning(lr: Any, hypotheses: dict[str, dict[str, Any]], lang: str) -> dict[str, Any]:
    h = hypotheses.get(lr.hypothesis) if lr.hypothesis else None
    return {
        "id": lr.id,
        "hypothesis": lr.hypothesis,
        "statement": h["statement"] if h else None,
        "observed": lr.observed,
        "learned": lr.learned,
        "action": lr.action,
        "decision": lr.decision,
        "decision_label": label(lr.decision, lang) if lr.decision else None,
        "reason": lr.reason,
        "against_verdict": lr.against_verdict,
        "date": lr.date,
    }


def _decision(d: Any) -> dict[str, Any]:
    return d.model_dump()


def _action(a: Any, lang: str) -> dict[str, Any]:
    data = a.model_dump()
    data["status_label"] = label(a.status, lang)
    return data


def _adopted(learnings: list[dict[str, Any]], hypotheses: dict[str, dict[str, Any]]
             ) -> list[dict[str, Any]]:
    """What the implementation plan carries forward: adopt/adapt decisions with their evidence."""
    adopted = []
    for lr in learnings:
        if lr["decision"] in ("adopt", "adapt"):
            adopted.append({
                "decision": lr["decision"],
                "decision_label": lr["decision_label"],
                "learning": lr,
                "hypothesis": hypotheses.get(lr["hypothesis"]) if lr["hypothesis"] else None,
            })
    return adopted


# --- plan and indicators -------------------------------------------------------------------


def _plan(plan: Any, fallback_scope: str | None, lang: str) -> dict[str, Any]:
    data = plan.model_dump()
    data["scope"] = plan.scope or fallback_scope
    for risk in data["risks"]:
        risk["likelihood_label"] = label(risk["likelihood"], lang) if risk["likelihood"] else None
        risk["impact_label"] = label(risk["impact"], lang) if risk["impact"] else None
    from sprintkit.engine.deliverable import is_middle_management

    data["middle_management"] = [
        st for st in data["stakeholders"]
        if is_middle_management(" ".join(str(st.get(k) or "") for k in
                                         ("name", "role", "interest", "involvement")))
    ]
    trial = plan.trial
    days = None
    if trial is not None and trial.start and trial.end:
        days = (trial.end - trial.start).days + 1
    if data["trial"] is not None:
        data["trial"]["days"] = days
        data["trial"]["period"] = fmt.format_date_range(trial.start, trial.end, lang)
    return data


def _indicator(ind: Indicator, lang: str, charts: dict[str, Any], prefix: str) -> dict[str, Any]:
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


def _indicator_point(c: Any, kind: str | None, lang: str) -> dict[str, Any]:
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


# --- programme and totals ------------------------------------------------------------------


def _lineages(index: Any, sprint_ctx: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Mark every hypothesis with where it came from and where it went; the lineages (two
    steps or more) as lists of steps that refer to the hypotheses' own context."""
    by_ref: dict[str, dict[str, Any]] = {}
    sprint_of: dict[str, dict[str, Any]] = {}
    for position, s in enumerate(sprint_ctx, start=1):
        s["position"] = position
        for h in s["hypotheses"]:
            key = f"{s['id']}:{h['id']}"
            by_ref.setdefault(key, h)
            sprint_of.setdefault(key, s)
            h["ref"] = key if len(sprint_ctx) > 1 else h["id"]
    def describe(ref: Any, here: str) -> str:
        """``H2`` in the same sprint, ``H1 in sprint 2 (title)`` in another."""
        if ref.sprint == here or len(sprint_ctx) == 1:
            return str(ref.hypothesis)
        s = sprint_of[str(ref)]
        return f"{ref.hypothesis} in sprint {s['position']} ({s['title']})"

    for ref, step in index.steps.items():
        h = by_ref.get(str(ref))
        if h is None:
            continue
        h["followed_by"] = [describe(c, ref.sprint) for c in step.children if str(c) in by_ref]
        h["superseded"] = step.superseded
        h["decided_later"] = index.decided_later(ref)
        h["relation"] = step.relation if step.parent else None
        h["relation_label"] = t(f"render.relation.{step.relation}", lang) if step.parent else None
        h["lineage_changes"] = [
            {"field": c.field, "field_label": t(f"render.field.{c.field}", lang), "old": c.old,
             "new": c.new}
            for c in step.changes]
        if step.parent is not None and str(step.parent) in by_ref:
            h["derived_from_text"] = describe(step.parent, ref.sprint)
    result = []
    for number, lineage in enumerate(index.lineages):
        steps = []
        for step in lineage.steps:
            h = by_ref[str(step.ref)]
            h["lineage"] = number
            s = sprint_of[str(step.ref)]
            steps.append({
                "ref": h["ref"], "depth": step.depth, "hypothesis": h,
                "parent": by_ref[str(step.parent)]["ref"] if step.parent else None,
                "sprint": {"id": s["id"], "position": s["position"], "title": s["title"],
                           "method": s["method"]},
                "relation": step.relation if step.parent else "origin",
                "relation_label": t("render.relation."
                                    + (step.relation if step.parent else "origin"), lang),
                "changes": h["lineage_changes"],
                "superseded": step.superseded,
            })
        leaves = [st for st in steps if not st["superseded"]]
        result.append({"root": steps[0]["ref"], "statement": steps[0]["hypothesis"]["statement"],
                       "steps": steps, "latest": leaves,
                       "sprints": sorted({st["sprint"]["position"] for st in steps})})
    return result


def _programme(p: Programme, lang: str, charts: dict[str, Any], sprints: Sequence[Sprint],
               sprint_ctx: list[dict[str, Any]], lineages: list[dict[str, Any]]
               ) -> dict[str, Any]:
    from sprintkit.engine.programme import chain_groups, chain_text, span

    refs = [{"id": s["id"], "position": s["position"], "title": s["title"],
             "method": s["method"]} for s in sprint_ctx]
    names = [_method_word(s) for s in sprint_ctx]
    indicators = [_indicator(i, lang, charts, p.id) for i in p.indicators]
    actions = [_action(a, lang) for a in p.actions]
    for a in actions:
        a["sprint"] = None
    for ind in indicators:
        ind["sprint"] = None
    all_actions = list(actions)
    all_indicators = list(indicators)
    decisions: list[dict[str, Any]] = []
    adopted: list[dict[str, Any]] = []
    not_adopted: list[dict[str, Any]] = []
    for s, ref in zip(sprint_ctx, refs, strict=True):
        for a in s["actions"]:
            all_actions.append({**a, "sprint": ref})
        for ind in s["indicators"]:
            ind["sprint"] = ref
            all_indicators.append(ind)
        decisions += [{**d, "sprint": ref} for d in s["decisions"]]
        for item in s["adopted"]:
            h = item["hypothesis"]
            if h is not None and h["decided_later"]:
                continue  # carried on, and decided again later: that decision counts
            adopted.append({**item, "sprint": ref,
                            "trail": _trail(h, lineages) if h is not None else []})
        for lr in s["learnings"]:
            if lr["decision"] not in ("drop", "retest"):
                continue
            h = next((x for x in s["hypotheses"] if x["id"] == lr["hypothesis"]), None)
            if h is not None and h["decided_later"]:
                continue
            not_adopted.append({**lr, "sprint": ref, "ref": h["ref"] if h else None})
    counts = {"lineages": len(lineages),
              "derived": sum(len(ln["steps"]) - 1 for ln in lineages)}
    first, last = span([(s.start, s.end) for s in sprints])
    start, end = p.start or first, p.end or last
    return {
        "id": p.id,
        "title": p.title,
        "organisation": p.organisation,
        "language": p.language,
        "goal": p.goal,
        "description": p.description,
        "start": start,
        "end": end,
        "period": fmt.format_date_range(start, end, lang),
        "facilitators": _union([list(p.facilitators)] + [list(s.facilitators) for s in sprints]),
        "team": _programme_team(p, sprints),
        "chain": refs,
        "chain_groups": [{"name": n, "count": c} for n, c in chain_groups(names)],
        "chain_text": chain_text(names),
        "lineages": lineages,
        "lineage_counts": counts,
        "indicators": indicators,
        "all_indicators": all_indicators,
        "actions": actions,
        "all_actions": all_actions,
        "open_actions": [a for a in all_actions if a["status"] != "done"],
        "decisions": decisions,
        "adopted": adopted,
        "not_adopted": not_adopted,
        "plan": _plan(p.plan, None, lang),
        "combined_plan": _plan(_merged_plan(p, sprints), p.goal, lang),
        "conclusions": list(p.conclusions),
        "next_steps": list(p.next_steps),
    }


def _method_word(s: dict[str, Any]) -> str:
    name = s["method"]["name"] if s["method"] else s["method_id"]
    return name[:1].lower() + name[1:] if name else s["method_id"]


def _trail(h: dict[str, Any], lineages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The steps from the original hypothesis to ``h`` (empty when it stands alone)."""
    if h["lineage"] is None:
        return []
    steps = lineages[h["lineage"]]["steps"]
    by_ref = {st["ref"]: st for st in steps}
    path: list[dict[str, Any]] = []
    current: dict[str, Any] | None = by_ref.get(h["ref"])
    while current is not None:
        path.append(current)
        current = by_ref.get(current["parent"]) if current["parent"] else None
    return list(reversed(path))


def _union(lists: list[list[str]]) -> list[str]:
    seen: list[str] = []
    for names in lists:
        seen += [n for n in names if n not in seen]
    return seen


def _programme_team(p: Programme, sprints: Sequence[Sprint]) -> list[dict[str, Any]]:
    """The programme's own team, else everyone in the sprints' teams once (the first role given
    counts); roles are shown as written (``role_label``, as for a sprint's team)."""
    team: dict[str, dict[str, Any]] = {}
    for members in [p.team] if p.team else [s.team for s in sprints]:
        for m in members:
            team.setdefault(m.name.casefold(), m.model_dump() | {"role_label": m.role})
    return list(team.values())


def _merged_plan(p: Programme, sprints: Sequence[Sprint]) -> Any:
    """The programme's plan section, completed with what the sprints' plans hold."""
    from sprintkit.model.sprint import PlanSection

    plans = [p.plan] + [s.plan for s in sprints]

    def merged(name: str, key: Any) -> list[Any]:
        seen: dict[Any, Any] = {}
        for plan in plans:
            for item in getattr(plan, name):
                seen.setdefault(key(item), item)
        return list(seen.values())

    evaluation = merged("evaluation", lambda e: (e.date, e.what.casefold()))
    evaluation.sort(key=lambda e: (e.date is None, e.date or dt.date.min))
    trials = [plan.trial for plan in plans if plan.trial is not None]
    supports = [plan.support for plan in plans if plan.support]
    return PlanSection(
        scope=p.plan.scope,
        stakeholders=merged("stakeholders", lambda st: st.name.casefold()),
        communication=merged("communication",
                             lambda c: (c.audience.casefold(), (c.message or "").casefold())),
        trial=p.plan.trial or (trials[-1] if trials else None),
        evaluation=evaluation,
        risks=merged("risks", lambda r: r.risk.casefold()),
        support=p.plan.support or (" ".join(supports) if supports else None),
    )


def _totals(sprints: list[dict[str, Any]]) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    for s in sprints:
        counts.update(s["verdict_counts"])
    return {
        "sprints": len(sprints),
        "hypotheses": sum(len(s["hypotheses"]) for s in sprints),
        "learnings": sum(len(s["learnings"]) for s in sprints),
        "actions": sum(len(s["actions"]) for s in sprints),
        "verdict_counts": {v: counts.get(v, 0) for v in
                           ("supported", "refuted", "inconclusive", "insufficient_data")},
    }
