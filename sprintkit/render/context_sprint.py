"""One sprint in the template context: its method, team, phases with their outputs,
hypotheses, learnings, decisions, actions, indicators and plan (the client documents' own part
is added by :mod:`sprintkit.render.deliverable_context`)."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from sprintkit.engine.choices import impact_effort_matrix, output_kind, vote_ranking
from sprintkit.render import fmt
from sprintkit.render.context_hypotheses import hypothesis_charts, hypothesis_context
from sprintkit.render.context_indicators import indicator_context, plan_context
from sprintkit.render.context_types import (
    Adopted,
    HypothesisContext,
    LearningContext,
    MethodRef,
    OutputContext,
    PhaseContext,
    Plain,
    SprintContext,
)
from sprintkit.render.environment import label

if TYPE_CHECKING:
    from sprintkit.model.method import Method, OutputSpec
    from sprintkit.model.sprint import Sprint


def sprint_context(s: Sprint, method: Method | None, lang: str, charts: dict[str, Plain]
                   ) -> SprintContext:
    """The sprint ``s`` as the templates read it; its charts' specifications go into ``charts``."""
    from sprintkit.engine.evidence import evaluate
    from sprintkit.engine.team import is_decider

    results = {h.id: evaluate(h, lang) for h in s.hypotheses}
    learnings_by_h: dict[str, list[str]] = {}
    for learning in s.learnings:
        if learning.hypothesis:
            learnings_by_h.setdefault(learning.hypothesis, []).append(learning.id)
    decisions_by_h = {
        lr.hypothesis: lr.decision for lr in s.learnings if lr.hypothesis and lr.decision
    }
    hypotheses = [
        hypothesis_context(h, results[h.id], lang, learnings_by_h.get(h.id, []),
                           decisions_by_h.get(h.id))
        for h in s.hypotheses
    ]
    by_id: dict[str, HypothesisContext] = {h["id"]: h for h in hypotheses}
    overview = hypothesis_charts(s.id, hypotheses, lang, charts)
    learnings = [_learning(lr, by_id, lang) for lr in s.learnings]
    indicators = [indicator_context(ind, lang, charts, s.id) for ind in s.indicators]
    plan = plan_context(s.plan, s.context.scope, lang)
    counts = Counter(h["result"]["final"] for h in hypotheses)
    method_ctx: MethodRef | None = None
    if method is not None:
        method_ctx = {
            "id": method.id,
            "kind": method.kind,
            "name": method.name.get(lang),
            "summary": method.summary.get(lang),
        }
    ctx: SprintContext = {
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
        "deciders": [m.name for m in s.team if is_decider(m.role)],
        "phases": _phases(s, method, lang),
        "hypotheses": hypotheses,
        "verdict_counts": {v: counts.get(v, 0) for v in
                           ("supported", "refuted", "inconclusive", "insufficient_data")},
        "learnings": learnings,
        "decisions": [_decision(d) for d in s.decisions],
        "actions": [action_context(a, lang) for a in s.actions],
        "open_actions": [action_context(a, lang) for a in s.actions if a.status != "done"],
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


def _team(team: list[Any], method: Method | None, lang: str) -> list[Plain]:
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


def _phases(s: Sprint, method: Method | None, lang: str) -> list[PhaseContext]:
    order: list[str] = []
    if method is not None:
        order = [p.id for p in method.phases]
    order += [pid for pid in s.phases if pid not in order]
    phases: list[PhaseContext] = []
    for pid in order:
        state = s.phases.get(pid)
        spec = None
        if method is not None:
            spec = next((p for p in method.phases if p.id == pid), None)
        if state is None and spec is None:
            continue
        outputs: list[OutputContext] = []
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
            ) -> OutputContext:
    """One captured output, shaped for its type: ``text``, ``list``, ``ranking``, ``matrix``."""
    kind = spec.type if spec is not None else output_kind(value)
    out: OutputContext = {
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


def _learning(lr: Any, hypotheses: dict[str, HypothesisContext], lang: str) -> LearningContext:
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


def _decision(d: Any) -> Plain:
    return d.model_dump()


def action_context(a: Any, lang: str) -> Plain:
    """An action as the sprint file has it, with its status in words."""
    data = a.model_dump()
    data["status_label"] = label(a.status, lang)
    return data


def _adopted(learnings: list[LearningContext], hypotheses: dict[str, HypothesisContext]
             ) -> list[Adopted]:
    """What the implementation plan carries forward: adopt/adapt decisions with their evidence."""
    from sprintkit.engine.deliverable import CARRIED_FORWARD

    adopted: list[Adopted] = []
    for lr in learnings:
        if lr["decision"] in CARRIED_FORWARD:
            adopted.append({
                "decision": lr["decision"],
                "decision_label": lr["decision_label"],
                "learning": lr,
                "hypothesis": hypotheses.get(lr["hypothesis"]) if lr["hypothesis"] else None,
            })
    return adopted
