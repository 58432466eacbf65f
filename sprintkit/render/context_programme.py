"""A programme in the template context: the lineages of hypotheses across its sprints, its
chain, team, indicators, actions, decisions, what was adopted and what not, and its plans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sprintkit.i18n import t
from sprintkit.render import fmt
from sprintkit.render.context_indicators import indicator_context, plan_context
from sprintkit.render.context_sprint import action_context
from sprintkit.render.context_types import (
    HypothesisContext,
    LineageContext,
    LineageStep,
    Plain,
    ProgrammeContext,
    SprintContext,
    SprintRef,
)

if TYPE_CHECKING:
    from sprintkit.model.programme import Programme
    from sprintkit.model.sprint import Sprint


def lineages(index: Any, sprint_ctx: list[SprintContext], lang: str) -> list[LineageContext]:
    """Mark every hypothesis with where it came from and where it went; the lineages (two
    steps or more) as lists of steps that refer to the hypotheses' own context."""
    by_ref: dict[str, HypothesisContext] = {}
    sprint_of: dict[str, SprintContext] = {}
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
        marked = by_ref.get(str(ref))
        if marked is None:
            continue
        h = marked
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
    result: list[LineageContext] = []
    for number, lineage in enumerate(index.lineages):
        steps: list[LineageStep] = []
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
                       "sprints": sorted({at for st in steps
                                          if (at := st["sprint"]["position"]) is not None})})
    return result


def programme_context(p: Programme, lang: str, charts: dict[str, Plain], sprints: Sequence[Sprint],
                      sprint_ctx: list[SprintContext], lineages: list[LineageContext]
                      ) -> ProgrammeContext:
    """The programme ``p`` over its sprints' contexts (in chain order) and lineages."""
    from sprintkit.engine.deliverable import SET_ASIDE
    from sprintkit.engine.programme import (
        chain_groups,
        chain_text,
        merged_plan,
        programme_members,
        span,
        union,
    )

    refs: list[SprintRef] = [{"id": s["id"], "position": s["position"], "title": s["title"],
             "method": s["method"]} for s in sprint_ctx]
    names = [_method_word(s) for s in sprint_ctx]
    indicators = [indicator_context(i, lang, charts, p.id) for i in p.indicators]
    actions = [action_context(a, lang) for a in p.actions]
    for a in actions:
        a["sprint"] = None
    for ind in indicators:
        ind["sprint"] = None
    all_actions = list(actions)
    all_indicators = list(indicators)
    decisions: list[Plain] = []
    adopted: list[Plain] = []
    not_adopted: list[Plain] = []
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
            if lr["decision"] not in SET_ASIDE:
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
        "facilitators": union([list(p.facilitators)] + [list(s.facilitators) for s in sprints]),
        "team": [m.model_dump() | {"role_label": m.role} for m in programme_members(p, sprints)],
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
        "plan": plan_context(p.plan, None, lang),
        "combined_plan": plan_context(merged_plan(p, sprints), p.goal, lang),
        "conclusions": list(p.conclusions),
        "next_steps": list(p.next_steps),
    }


def _method_word(s: SprintContext) -> str:
    name = s["method"]["name"] if s["method"] else s["method_id"]
    return name[:1].lower() + name[1:] if name else s["method_id"]


def _trail(h: HypothesisContext, lineages: list[LineageContext]) -> list[LineageStep]:
    """The steps from the original hypothesis to ``h`` (empty when it stands alone)."""
    if h["lineage"] is None:
        return []
    steps = lineages[h["lineage"]]["steps"]
    by_ref = {st["ref"]: st for st in steps}
    path: list[LineageStep] = []
    current: LineageStep | None = by_ref.get(h["ref"])
    while current is not None:
        path.append(current)
        current = by_ref.get(current["parent"]) if current["parent"] else None
    return list(reversed(path))
