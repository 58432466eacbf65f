"""The sections of the client documents that a method's outputs can feed (``feeds:``).

A method declares, next to an output, the section of the deliverables its answer belongs in;
what ``run`` (or an answers file) captured then appears in the report, the plan and the
declaration of intent without editing YAML. A hand-written top-level field in ``sprint.yaml``
wins where both exist (``TOP_LEVEL`` names it). ``check`` feeds no document: it marks questions
that only steer the facilitator (``sprintkit check`` reads them, the client copy never shows
them)."""

from typing import Literal

Section = Literal[
    # why the sprint exists
    "question", "goal", "background", "scope",
    # what came out
    "conclusions", "findings", "choices",
    # what was decided
    "decision", "decision_rationale", "support_level", "support_notes",
    # what happens next
    "next_steps", "actions", "adopted", "adjustments", "stakeholders", "middle_management",
    "communication", "risks", "trial", "monitoring", "evaluation",
    # co-creation: the declaration of intent
    "vision", "intent_text", "parties", "signatories", "not_signing", "signing_date",
    "principles", "preconditions", "next_phase",
    # steering questions: never in a client document
    "check",
]

SECTIONS: tuple[str, ...] = Section.__args__  # type: ignore[attr-defined]

LIST_SECTIONS = frozenset({
    "conclusions", "findings", "choices", "next_steps", "actions", "adopted", "adjustments",
    "stakeholders", "middle_management", "communication", "risks", "evaluation", "parties",
    "signatories", "principles", "preconditions",
})
"""Sections that collect items (answers of several outputs add up); the others hold one text."""

TOP_LEVEL: dict[str, str] = {
    "question": "context.challenge",
    "goal": "context.goal",
    "background": "context.background",
    "scope": "context.scope",
    "conclusions": "conclusions",
    "decision": "decisions",
    "decision_rationale": "decisions",
    "support_notes": "plan.support",
    "next_steps": "next_steps",
    "actions": "actions",
    "stakeholders": "plan.stakeholders",
    "middle_management": "plan.stakeholders",
    "communication": "plan.communication",
    "risks": "plan.risks",
    "trial": "plan.trial",
    "evaluation": "plan.evaluation",
    "parties": "parties",
    "signatories": "parties",
}
"""Where a facilitator may write a section by hand in sprint.yaml; that field wins."""

DOCUMENT_SECTIONS: dict[str, tuple[str, ...]] = {
    "report": ("question", "goal", "background", "conclusions", "decision",
               "decision_rationale", "support_notes", "next_steps"),
    "plan": ("goal", "adopted", "actions", "stakeholders", "middle_management",
             "communication", "risks", "support_notes", "evaluation"),
    "intent": ("background", "vision", "intent_text", "parties", "signatories",
               "principles", "preconditions", "actions", "next_phase"),
}
"""The sections each document needs; ``check`` names every one without content."""
