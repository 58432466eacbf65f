"""Is a document ready to hand over? The open points ``sprintkit check`` lists per document.

A point is ``missing`` (a section the document needs has no content: the client copy would
leave it out) or ``doubtful`` (content that a careful reader would question: a hypothesis with
no evidence, a decision against the evidence without a reason, a steering question answered
"no"). ``report --final`` refuses while any point is ``missing``. Each point says where to
fill it in: the walkthrough phase and output that feed the section, and the field in
``sprint.yaml`` — words for the facilitator, never for the client copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sprintkit.engine.deliverable import Content
from sprintkit.i18n import t
from sprintkit.model.sections import DOCUMENT_SECTIONS, TOP_LEVEL

if TYPE_CHECKING:
    from sprintkit.model.method import Method
    from sprintkit.model.sprint import Sprint

DOCUMENTS: tuple[str, ...] = ("report", "plan", "intent")

OPTIONAL: dict[str, frozenset[str]] = {
    "report": frozenset({"background", "support_notes", "question", "decision_rationale"}),
    "plan": frozenset({"communication", "risks", "evaluation", "adopted"}),
    "intent": frozenset({"principles", "preconditions", "next_phase", "background"}),
}
"""Sections a document reads well without: their absence is ``doubtful``, not ``missing``."""

ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "question": ("goal", "vision"),
    "goal": ("question", "vision"),
    "next_steps": ("actions",),
    "actions": ("next_steps",),
    "intent_text": ("vision",),
    "vision": ("intent_text",),
    "parties": ("signatories",),
    "decision": ("decisions",),
    "decision_rationale": ("decisions",),
}
"""A section counts as present when one of these has content."""


@dataclass
class Point:
    """One open point before delivery."""

    document: str
    level: str  # missing | doubtful
    section: str
    message: str
    where: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "level": self.level, "section": self.section,
                "message": self.message, "where": list(self.where)}


PLAN_SECTIONS = frozenset({"adopted", "stakeholders", "middle_management", "communication",
                           "risks", "trial", "monitoring"})
INTENT_SECTIONS = frozenset({"intent_text", "signatories"})


def documents_for(method: Method | None) -> tuple[str, ...]:
    """The documents a sprint of ``method`` delivers: always the report; the plan when the
    method captures what a plan needs; the declaration of intent when it captures one."""
    if method is None:
        return ("report", "plan")
    fed = {o.feeds for p in method.phases for o in p.outputs}
    return ("report",) + (("plan",) if fed & PLAN_SECTIONS else ()) + (
        ("intent",) if fed & INTENT_SECTIONS else ())


def check(sprint: Sprint, method: Method | None, content: Content,
          documents: tuple[str, ...] | None = None) -> list[Point]:
    """Every open point of ``documents`` (default: the ones the method delivers)."""
    lang = sprint.language
    points: list[Point] = []
    for doc in documents or documents_for(method):
        for section in DOCUMENT_SECTIONS[doc]:
            if _present(content, section):
                continue
            if section == "decision" and not _decides(method):
                continue
            level = "doubtful" if section in OPTIONAL[doc] else "missing"
            points.append(Point(doc, level, section,
                                t("check.empty", lang, section=t(f"section.{section}", lang)),
                                where(section, method, lang)))
        if doc == "plan" and content.has("stakeholders") and not content.has(
                "middle_management"):
            points.append(Point(doc, "missing", "middle_management",
                                t("check.no_middle_management", lang),
                                where("middle_management", method, lang)))
    if "report" in (documents or documents_for(method)):
        points += _evidence_points(sprint, content, lang)
    return points


def _present(content: Content, section: str) -> bool:
    return any(content.has(s) for s in (section, *ALTERNATIVES.get(section, ())))


def _decides(method: Method | None) -> bool:
    return method is None or any(o.feeds in ("decision", "decision_rationale")
                                 for p in method.phases for o in p.outputs)


def where(section: str, method: Method | None, lang: str) -> list[str]:
    """Where a facilitator fills ``section``: the walkthrough questions, then sprint.yaml."""
    from sprintkit.engine.progress import output_name

    places = []
    if method is not None:
        for phase in method.phases:
            for o in phase.outputs:
                if o.feeds == section:
                    places.append(t("check.where_run", lang, phase=phase.id,
                                    output=output_name(o, lang)))
    if section in TOP_LEVEL:
        places.append(t("check.where_yaml", lang, field=TOP_LEVEL[section]))
    return places


def _evidence_points(sprint: Sprint, content: Content, lang: str) -> list[Point]:
    from sprintkit.engine.evidence import evaluate

    points = []
    supported = 0
    for h in sprint.hypotheses:
        r = evaluate(h, lang)
        if r.final == "supported":
            supported += 1
        if not h.evidence and h.override is None:
            points.append(Point("report", "doubtful", "evidence",
                                t("check.no_evidence", lang, id=h.id),
                                [t("check.where_evidence", lang, id=h.id)]))
    for a in content.steering:
        if a.value is False:
            points.append(Point("report", "doubtful", "check",
                                t("check.steering_no", lang, label=a.label or a.output),
                                [t("check.where_run", lang, phase=a.phase,
                                   output=a.label or a.output)]))
    decisions = content.sections.get("decisions") or []
    if sprint.hypotheses and supported == 0 and decisions and not any(
            d.get("rationale") for d in decisions):
        points.append(Point("report", "doubtful", "decision_rationale",
                            t("check.decision_without_evidence", lang),
                            where("decision_rationale", None, lang)))
    return points


def missing(points: list[Point]) -> list[Point]:
    return [p for p in points if p.level == "missing"]


def programme_points(programme: Any, sprints: list[Any], document: str, lang: str
                     ) -> list[Point]:
    """What a programme-wide ``document`` (report or plan) still lacks. The programme's own
    fields count, and so does what its sprints hold (their conclusions, next steps, actions
    and stakeholders), as the programme templates show them."""
    from sprintkit.engine.deliverable import is_middle_management

    def field_of(name: str) -> str:
        return t("check.where_yaml", lang, field=name).replace("sprint.yaml", "programme.yaml")

    stakeholders = list(programme.plan.stakeholders) + [
        st for s in sprints for st in s.plan.stakeholders]
    present = {
        "goal": bool(programme.goal),
        "conclusions": bool(programme.conclusions) or any(s.conclusions for s in sprints),
        "next_steps": bool(programme.next_steps or programme.actions)
        or any(s.next_steps or s.actions for s in sprints),
        "actions": bool(programme.actions) or any(s.actions for s in sprints),
        "stakeholders": bool(stakeholders),
        "middle_management": any(is_middle_management(
            " ".join(str(v or "") for v in (st.name, st.role, st.interest, st.involvement)))
            for st in stakeholders),
    }
    needed = {"report": ("goal", "conclusions", "next_steps"),
              "plan": ("goal", "actions", "stakeholders", "middle_management")}[document]
    places = {"goal": "goal", "conclusions": "conclusions", "next_steps": "next_steps",
              "actions": "actions", "stakeholders": "plan.stakeholders",
              "middle_management": "plan.stakeholders"}
    return [Point(document, "missing", section,
                  t("check.empty", lang, section=t(f"section.{section}", lang)),
                  [field_of(places[section])])
            for section in needed if not present[section]]
