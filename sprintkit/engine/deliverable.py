"""What goes into the client documents: one flow from the facilitator's work to each section.

Three sources feed a section (``../model/sections.py`` lists the sections):

1. a hand-written top-level field in ``sprint.yaml`` (``context.goal``, ``conclusions``,
   ``decisions``, ``plan.stakeholders`` …) — it wins where both exist;
2. the answers captured by ``run`` (or an answers file) for every method output that declares
   ``feeds: SECTION``, in the method's order;
3. nothing: the section is left out of the client copy, and ``check`` names it.

:func:`gather` returns the content of every section as plain data (strings, lists of strings,
small dicts), with the origin of each section, so that the report, the plan, the declaration
of intent and ``check`` all read the same thing. Pure logic: no files, no terminal, no
rendering; dates and numbers stay values for the renderer to write in the document's language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sprintkit.model.sections import LIST_SECTIONS

if TYPE_CHECKING:
    from sprintkit.model.method import Method, OutputSpec
    from sprintkit.model.sprint import Sprint


@dataclass
class Answer:
    """One captured answer that feeds a section."""

    phase: str
    output: str
    label: str | None
    type: str
    value: Any


@dataclass
class Content:
    """Every section's content and where it came from (``sprint.yaml`` field or answers)."""

    sections: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    answers: dict[str, list[Answer]] = field(default_factory=dict)
    steering: list[Answer] = field(default_factory=list)

    def has(self, section: str) -> bool:
        value = self.sections.get(section)
        return bool(value) if not isinstance(value, (int, float)) else True


def bound_answers(sprint: Sprint, method: Method | None) -> dict[str, list[Answer]]:
    """The captured answers of every output with ``feeds``, by section, in method order."""
    found: dict[str, list[Answer]] = {}
    if method is None:
        return found
    lang = sprint.language
    for phase in method.phases:
        state = sprint.phases.get(phase.id)
        if state is None:
            continue
        for spec in phase.outputs:
            if spec.feeds is None or spec.id not in state.outputs:
                continue
            value = _value(spec, state.outputs[spec.id], lang)
            if _empty(value):
                continue
            found.setdefault(spec.feeds, []).append(Answer(
                phase=phase.id, output=spec.id,
                label=spec.label.get(lang) if spec.label is not None else None,
                type=spec.type, value=value))
    return found


def gather(sprint: Sprint, method: Method | None) -> Content:
    """The content of every section for ``sprint`` (hand-written fields first)."""
    answers = bound_answers(sprint, method)
    content = Content(answers=answers, steering=answers.pop("check", []))
    written = written_sections(sprint)
    sections = set(written) | set(answers)
    for section in sections:
        if written.get(section):
            content.sections[section] = written[section]
            content.origins[section] = "sprint.yaml"
        elif section in answers:
            content.sections[section] = _from_answers(section, answers[section])
            content.origins[section] = "answers"
    _decisions(content, sprint, answers)
    return content


# --- the hand-written fields ----------------------------------------------------------------


def written_sections(s: Sprint) -> dict[str, Any]:
    """Each section as the facilitator wrote it by hand in sprint.yaml (empty when not)."""
    plan = s.plan
    middle = [st.model_dump() for st in plan.stakeholders if in_middle_management(st)]
    return {
        "question": s.context.challenge,
        "goal": s.context.goal,
        "background": s.context.background,
        "scope": plan.scope or s.context.scope,
        "conclusions": list(s.conclusions),
        "next_steps": list(s.next_steps),
        "actions": [_action_dict(a) for a in s.actions],
        "stakeholders": [st.model_dump() for st in plan.stakeholders],
        "middle_management": middle,
        "communication": [c.model_dump() for c in plan.communication],
        "risks": [r.model_dump() for r in plan.risks],
        "trial": plan.trial.description if plan.trial is not None else None,
        "evaluation": [e.model_dump() for e in plan.evaluation],
        "support_notes": plan.support,
        "parties": [p.model_dump() for p in s.parties],
        "signatories": [p.model_dump() for p in s.parties if p.signs_intent],
        "decision": [d.choice or d.title for d in s.decisions],
        "decision_rationale": [d.rationale for d in s.decisions if d.rationale],
    }


def _action_dict(a: Any) -> dict[str, Any]:
    return {"text": a.text, "owner": a.owner, "due": a.due, "status": a.status,
            "escalation": a.escalation.model_dump() if a.escalation else None}


# --- answers into sections ------------------------------------------------------------------


def _value(spec: OutputSpec, value: Any, lang: str) -> Any:
    """An answer as text (choices by their label), a list of texts, or a plain value."""
    labels = {c.id: c.label.get(lang) for c in spec.choices}
    if spec.type == "choice":
        return labels.get(str(value), value)
    if spec.type == "multichoice" and isinstance(value, list):
        return [labels.get(str(v), v) for v in value]
    if spec.type == "dot_vote" and isinstance(value, dict):
        ranked = sorted(value.items(), key=lambda kv: -_number(kv[1]))
        return [str(k) for k, v in ranked if _number(v) > 0]
    if spec.type == "impact_effort" and isinstance(value, dict):
        return [str(k) for k in value]
    if isinstance(value, str):
        return value.strip()
    return value


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def _items(values: list[Answer]) -> list[Any]:
    items: list[Any] = []
    for a in values:
        if isinstance(a.value, list):
            items += [v for v in a.value if not _empty(v)]
        elif isinstance(a.value, str):
            items.append(a.value)
        elif not isinstance(a.value, bool):
            items.append(a.value)
    return items


def _from_answers(section: str, values: list[Answer]) -> Any:
    if section in ("findings", "choices"):
        return [{"label": a.label, "phase": a.phase, "output": a.output, "type": a.type,
                 "value": a.value} for a in values]
    if section == "actions":
        return [parse_action(str(v)) for v in _items(values)]
    if section in ("stakeholders", "middle_management"):
        people = [parse_person(str(v)) for v in _items(values)]
        if section == "middle_management":
            for p in people:
                p["middle_management"] = True
        return people
    if section == "communication":
        lines = []
        for v in _items(values):
            parts = [p.strip() for p in _SEPARATORS.split(str(v), maxsplit=1) if p.strip()]
            lines.append({"audience": parts[0] if parts else str(v),
                          "message": parts[1] if len(parts) > 1 else None,
                          "channel": None, "when": None, "owner": None})
        return lines
    if section == "risks":
        return [parse_risk(str(v)) for v in _items(values)]
    if section == "evaluation":
        return [{"date": None, "what": str(v)} for v in _items(values)]
    if section in ("parties", "signatories"):
        parties = []
        for v in _items(values):
            person = parse_person(str(v))
            parties.append({"name": person["name"], "representative": person["role"],
                            "role": None, "signs_intent": section == "signatories"})
        return parties
    if section in LIST_SECTIONS:
        return [str(v) for v in _items(values)]
    texts = [("; ".join(str(x) for x in v) if isinstance(v, list) else v)
             for v in (a.value for a in values) if not _empty(v)]
    if len(texts) == 1:
        return texts[0]
    return "\n\n".join(str(v) for v in texts)


def _decisions(content: Content, sprint: Sprint, answers: dict[str, list[Answer]]) -> None:
    """``decisions``: the hand-written ones, else one made of the decision answers."""
    if sprint.decisions:
        content.sections["decisions"] = [
            {"title": d.title, "choice": d.choice, "rationale": d.rationale,
             "decided_by": d.decided_by, "date": d.date, "label": None}
            for d in sprint.decisions]
        content.origins["decisions"] = "sprint.yaml"
        return
    chosen = answers.get("decision", [])
    reasons = answers.get("decision_rationale", [])
    made = []
    for i, a in enumerate(chosen):
        choice = "; ".join(str(v) for v in a.value) if isinstance(a.value, list) else a.value
        made.append({"title": None, "label": a.label, "choice": choice,
                     "rationale": reasons[i].value if i < len(reasons) else None,
                     "decided_by": None, "date": None})
    if not made and reasons:
        made.append({"title": None, "label": reasons[0].label, "choice": None,
                     "rationale": reasons[0].value, "decided_by": None, "date": None})
    if made:
        content.sections["decisions"] = made
        content.origins["decisions"] = "answers"


# --- reading a line the way a facilitator types it -------------------------------------------

_SEPARATORS = re.compile(r"\s+[—–|]\s+|\s+-\s+|\s*;\s*")


def parse_date(text: str) -> dt.date | None:
    """``2026-04-01`` or ``1-4-2026``; ``None`` for anything else."""
    from sprintkit.i18n.dates import DateError
    from sprintkit.i18n.dates import parse_date as read_day

    try:
        return read_day(text)
    except DateError:
        return None


def parse_action(line: str) -> dict[str, Any]:
    """``Werkinstructie aanpassen — Karin Smit — 1-4-2026``: what, who and when (the last two
    optional, in either order)."""
    parts = [p.strip() for p in _SEPARATORS.split(line.strip()) if p.strip()]
    action: dict[str, Any] = {"text": line.strip(), "owner": None, "due": None,
                              "status": "todo", "escalation": None}
    if len(parts) < 2:
        return action
    rest = parts[1:3]
    text = parts[0] if len(parts) <= 3 else " ".join(parts[:-2])
    if len(parts) > 3:
        rest = parts[-2:]
    for part in rest:
        when = parse_date(part)
        if when is not None and action["due"] is None:
            action["due"] = when
        elif action["owner"] is None and len(part) <= 60:
            action["owner"] = part
        else:
            return {**action, "owner": None, "due": None}
    action["text"] = text
    return action


def parse_person(line: str) -> dict[str, Any]:
    """``Teamleiders jeugdbescherming (sturen de gezinsmanagers aan)`` or ``Name — role``."""
    text = line.strip()
    name, role = text, None
    m = re.match(r"^(.*?)\s*\((.+)\)\s*$", text)
    if m and m.group(1):
        name, role = m.group(1), m.group(2)
    else:
        parts = [p.strip() for p in _SEPARATORS.split(text, maxsplit=1) if p.strip()]
        if len(parts) == 2:
            name, role = parts
    return {"name": name, "role": role, "interest": None, "involvement": None,
            "middle_management": is_middle_management(text)}


def parse_risk(line: str) -> dict[str, Any]:
    """``Te weinig tijd bij teams — maatregel: uren vrijmaken`` (the measure optional)."""
    text = line.strip()
    risk, mitigation = text, None
    parts = [p.strip() for p in _SEPARATORS.split(text, maxsplit=1) if p.strip()]
    if len(parts) == 2:
        risk, mitigation = parts
        mitigation = re.sub(r"^(maatregel|mitigation|measure)\s*:\s*", "", mitigation,
                            flags=re.IGNORECASE)
    return {"risk": risk, "likelihood": None, "impact": None, "mitigation": mitigation}


MIDDLE_MANAGEMENT = re.compile(
    r"midden[- ]?manag|middle[- ]?manag|team\s*leid|teamleider|team\s*lead|team\s*manager|"
    r"leidinggevend|afdelingshoofd|line\s*manag|unit\s*manag|manager\s+(team|uitvoering)",
    re.IGNORECASE,
)
"""Words that mark a stakeholder as middle management (easy to forget: seed 001)."""


def is_middle_management(text: str) -> bool:
    return bool(MIDDLE_MANAGEMENT.search(text))


def in_middle_management(stakeholder: Any) -> bool:
    """Whether a plan's stakeholder is middle management, by what is written about them
    (name, role, interest, involvement)."""
    return is_middle_management(" ".join(
        str(getattr(stakeholder, key, None) or "")
        for key in ("name", "role", "interest", "involvement")))


CARRIED_FORWARD = ("adopt", "adapt")
"""Decisions on a learning that the implementation plan carries forward."""
SET_ASIDE = ("drop", "retest")
"""Decisions on a learning that a programme reports as not adopted."""
