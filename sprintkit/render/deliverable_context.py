"""The client documents' own part of the template context: ``s.doc``, ``s.points``, titles and
plain-language explanations of the numbers.

:func:`add_deliverable` completes a sprint's context with the content of every section
(:mod:`sprintkit.engine.deliverable`: hand-written fields first, then the captured answers),
the open points of ``sprintkit check`` (shown only in a draft, as review comments), a short
title for every hypothesis and a sentence that explains its figures to a board member.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sprintkit.i18n import t
from sprintkit.render import fmt
from sprintkit.render.environment import label

if TYPE_CHECKING:
    from sprintkit.model.method import Method
    from sprintkit.model.sprint import Sprint
    from sprintkit.render.context_types import HypothesisContext, SprintContext

TITLE_WORDS = 20
"""A hypothesis title built from its statement stops after this many words."""


def add_deliverable(ctx: SprintContext, s: Sprint, method: Method | None, lang: str,
                    charts: dict[str, Any]) -> None:
    from sprintkit.engine.deliverable import gather
    from sprintkit.engine.readiness import DOCUMENTS, check

    content = gather(s, method)
    sections = dict(content.sections)
    doc: dict[str, Any] = {k: sections.get(k) for k in (
        "question", "goal", "background", "scope", "trial", "monitoring", "vision",
        "intent_text", "not_signing", "next_phase", "decision_rationale")}
    for key in ("conclusions", "next_steps", "adopted", "adjustments", "principles",
                "preconditions"):
        doc[key] = list(sections.get(key) or [])
    doc["support_level"] = _text(sections.get("support_level"))
    doc["support_notes"] = sections.get("support_notes")
    doc["signing_date"] = sections.get("signing_date")
    doc["decisions"] = [_decision(d, lang) for d in sections.get("decisions") or []]
    doc["actions"] = [_action(a, lang) for a in sections.get("actions") or []]
    doc["open_actions"] = [a for a in doc["actions"] if a["status"] != "done"]
    doc["stakeholders"] = list(sections.get("stakeholders") or [])
    doc["middle_management"] = list(sections.get("middle_management") or [])
    if not doc["middle_management"]:
        doc["middle_management"] = [p for p in doc["stakeholders"]
                                    if p.get("middle_management")]
    doc["communication"] = list(sections.get("communication") or [])
    doc["risks"] = [_risk(r, lang) for r in sections.get("risks") or []]
    doc["evaluation"] = list(sections.get("evaluation") or [])
    doc["parties"] = list(sections.get("parties") or [])
    doc["signatories"] = list(sections.get("signatories") or [])
    doc["findings"] = [_group(g, s, lang, charts, ctx["id"]) for g in
                       sections.get("findings") or []]
    doc["choices"] = [_group(g, s, lang, charts, ctx["id"]) for g in
                      sections.get("choices") or []]
    doc["against_evidence"] = _against_evidence(doc["decisions"], ctx["hypotheses"])
    ctx["doc"] = doc
    ctx["points"] = [p.to_json() for p in check(s, method, content, DOCUMENTS)]
    team_size = len(s.team) or None
    for h in ctx["hypotheses"]:
        h["title"] = hypothesis_title(h["statement"], h.get("title_given"), lang)
        h["result"]["explanation"] = explain(h, lang, team_size)
    ctx["evidence_sentence"] = evidence_sentence(ctx["verdict_counts"], lang)
    ctx["charts"]["assumptions"] = _assumption_map(ctx, s, lang, charts)


EVIDENCE_WEIGHT = {"none": 0.05, "weak": 0.35, "moderate": 0.65, "strong": 0.95}
"""Where a hypothesis's evidence strength puts it on the assumption map (0 none … 1 strong)."""


def _assumption_map(ctx: SprintContext, s: Sprint, lang: str,
                    charts: dict[str, Any]) -> str | None:
    """The assumption map (importance × evidence) when two or more hypotheses say how
    critical they are."""
    importance = {h.id: h.importance for h in s.hypotheses if h.importance is not None}
    if len(importance) < 2:
        return None
    chart_id = f"{ctx['id']}-assumptions"
    charts[chart_id] = {
        "id": chart_id, "type": "assumptions", "lang": lang,
        "rows": [{"label": h["id"], "title": h["title"], "importance": importance[h["id"]],
                  "evidence": EVIDENCE_WEIGHT.get(h["result"]["strength"], 0.05),
                  "verdict": h["result"]["final"] if h["result"]["n"] else None}
                 for h in ctx["hypotheses"] if h["id"] in importance],
    }
    return chart_id


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _decision(d: dict[str, Any], lang: str) -> dict[str, Any]:
    title = d.get("title") or d.get("label") or t("doc.decision", lang)
    return {**d, "title": title}


def _action(a: dict[str, Any], lang: str) -> dict[str, Any]:
    status = a.get("status") or "todo"
    return {**a, "status": status, "status_label": label(status, lang)}


def _risk(r: dict[str, Any], lang: str) -> dict[str, Any]:
    return {**r,
            "likelihood_label": label(r["likelihood"], lang) if r.get("likelihood") else None,
            "impact_label": label(r["impact"], lang) if r.get("impact") else None}


def _group(g: dict[str, Any], s: Sprint, lang: str, charts: dict[str, Any],
           prefix: str) -> dict[str, Any]:
    """A findings or choices answer as the report shows it, with a chart for votes and
    impact/effort scores."""
    from sprintkit.engine.choices import impact_effort_matrix, vote_ranking

    raw = s.phases[g["phase"]].outputs.get(g["output"])  # votes and scores as captured
    shaped: dict[str, Any] = {"id": g["output"], "type": g["type"], "shape": "text",
                              "text": None, "entries": [], "ranking": [], "matrix": []}
    if g["type"] == "dot_vote" and isinstance(raw, dict):
        shaped["shape"], shaped["ranking"] = "ranking", vote_ranking(raw)
    elif g["type"] == "impact_effort" and isinstance(raw, dict):
        shaped["shape"], shaped["matrix"] = "matrix", impact_effort_matrix(raw, lang)
    elif isinstance(g["value"], list):
        shaped["shape"], shaped["entries"] = "list", list(g["value"])
    else:
        shaped["text"] = g["value"]
    shaped["label"] = g["label"]
    shaped["chart"] = None
    if shaped["shape"] == "ranking" and len(shaped["ranking"]) > 1:
        chart_id = f"{prefix}-votes-{g['output']}"
        charts[chart_id] = {"id": chart_id, "type": "votes", "lang": lang, "max_rows": 15,
                            "rows": [{"item": r["item"], "votes": r["votes"], "rank": r["rank"]}
                                     for r in shaped["ranking"]]}
        shaped["chart"] = chart_id
    elif shaped["shape"] == "matrix" and len(shaped["matrix"]) > 1:
        chart_id = f"{prefix}-matrix-{g['output']}"
        charts[chart_id] = {"id": chart_id, "type": "matrix", "lang": lang,
                            "scale": {"min": 1, "max": 5},
                            "rows": [{"item": r["item"], "impact": r["impact"],
                                      "effort": r["effort"], "quadrant": r["quadrant"]}
                                     for r in shaped["matrix"]]}
        shaped["chart"] = chart_id
    return shaped


def _against_evidence(decisions: list[dict[str, Any]], hypotheses: list[HypothesisContext]
                      ) -> bool:
    """Whether the sprint decided to go ahead while no hypothesis was supported."""
    if not decisions or not hypotheses:
        return False
    ahead = re.compile(r"doorvoer|invoer|adopt|bijstur|adapt", re.IGNORECASE)
    going = any(ahead.search(str(d.get("choice") or "")) for d in decisions)
    supported = any(h["result"]["final"] == "supported" for h in hypotheses)
    return going and not supported


_BELIEF = re.compile(r"^\s*(we\s+geloven\s+dat|wij\s+geloven\s+dat|we\s+believe\s+that)\s+",
                     re.IGNORECASE)


def hypothesis_title(statement: str, given: str | None, lang: str) -> str:
    """The title a hypothesis has in headings: the one given, else a readable sentence from
    "We believe that …" cut at :data:`TITLE_WORDS` words."""
    if given:
        return given.strip()
    text = statement.strip()
    believe = _BELIEF.match(text) is not None
    body = _BELIEF.sub("", text).rstrip(" .")
    words = body.split()
    short = " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
    if not believe and short[:1].isupper():
        return short  # already a sentence of its own
    return t("doc.we_believe", lang, statement=short)


def explain(h: HypothesisContext, lang: str, team_size: int | None) -> str | None:
    """What the figures of ``h`` mean, in words a board member reads."""
    r = h["result"]
    if h["kind"] == "qualitative" or r["estimate_text"] is None or r["interval_text"] is None:
        if r["final"] == "insufficient_data":
            return t("explain.insufficient", lang)
        return None
    what = t("explain.share" if h["kind"] == "proportion" else "explain.mean", lang)
    percent = h["kind"] == "proportion"
    from sprintkit.render.fmt import digits_for

    digits = digits_for(r["ci_low"])  # as the interval in the hypothesis's table
    low, high = (fmt.format_percent(x, lang, 1) if percent else fmt.format_number(x, lang, digits)
                 for x in (r["ci_low"], r["ci_high"]))
    text = t(f"explain.{r['verdict']}", lang, what=what, confidence=h["confidence_text"],
             low=low, high=high, target=h["target_text"] or "")
    needed = r.get("still_needed")
    if r["verdict"] == "inconclusive" and needed:
        n = r["n"] or 0
        shown = fmt.format_number(needed, lang, 0)
        if needed <= max(30, 2 * n):
            text += " " + t("explain.needed_feasible", lang, needed=shown)
        else:
            text += " " + t("explain.needed_far", lang, needed=shown)
            if team_size:
                text += " " + t("explain.team", lang, team=team_size)
            text += " " + t("explain.instead", lang)
    return text


def evidence_sentence(counts: dict[str, int], lang: str) -> str | None:
    """One sentence on how firm the evidence is, for the summary."""
    total = sum(counts.values())
    if not total:
        return None
    parts = [t(f"summary.count_{v}", lang, n=counts[v]) for v in
             ("supported", "refuted", "inconclusive", "insufficient_data") if counts[v]]
    return t("summary.evidence", lang, n=total,
             hypotheses=t("doc.hypothesis" if total == 1 else "doc.hypotheses", lang),
             parts=fmt.join_words(parts, lang))
