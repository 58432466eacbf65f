"""Where a sprint stands: each phase's state against its method, the next step, and counts.

Pure logic over the models, shared by ``status``, the walkthrough, programme views and reports.
A phase is *done* when the facilitator finished it or when all its exit criteria hold; an output
*applies* when its ``when`` condition holds for the answers given so far (over all phases)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sprintkit.model.method import Method, OutputSpec, Phase
    from sprintkit.model.sprint import Sprint

PHASE_STATES = ("todo", "in_progress", "done", "skipped")
VERDICTS = ("supported", "refuted", "inconclusive", "insufficient_data")


def is_filled(value: Any) -> bool:
    """Whether an answer counts as given (empty text, lists and mappings do not)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return len(value) > 0
    return True


WRITTEN = "@"
"""Prefix of the keys under which :func:`all_answers` gives the sections written by hand."""


def all_answers(sprint: Sprint) -> dict[str, Any]:
    """Every captured output over all phases, by output id (ids are unique within a method),
    and, under ``@SECTION``, each document section the facilitator wrote by hand as a
    top-level field of sprint.yaml (``@conclusions``, ``@actions`` …)."""
    from sprintkit.engine.deliverable import written_sections

    answers: dict[str, Any] = {f"{WRITTEN}{k}": v for k, v in written_sections(sprint).items()
                               if is_filled(v)}
    for state in sprint.phases.values():
        answers.update(state.outputs)
    return answers


def applies(output: OutputSpec, answers: dict[str, Any]) -> bool:
    """Whether ``output`` is asked, given the answers so far. An output that feeds a document
    section already written by hand in sprint.yaml is not asked: the hand-written field wins
    in the documents anyway."""
    if output.feeds is not None and f"{WRITTEN}{output.feeds}" in answers:
        return False
    return output.when is None or output.when.holds(answers)


def is_evidence_check(spec: OutputSpec) -> bool:
    """Whether ``spec`` is a steering yes/no question about the evidence (the experiment
    sprint's ``evidence_complete``): a ``bool`` output with ``feeds: check`` whose id starts
    with ``evidence``. Sprintkit can check its answer against the hypotheses' evidence."""
    return spec.type == "bool" and spec.feeds == "check" and spec.id.startswith("evidence")


def output_name(spec: OutputSpec, lang: str) -> str:
    """How a person sees an output named: its label, else its prompt in a few words."""
    if spec.label is not None:
        return spec.label.get(lang)
    import re

    text = " ".join(spec.prompt.get(lang).split())
    text = re.split(r" \(|[?:;]|\. ", text, maxsplit=1)[0].rstrip(". ")
    if len(text) <= 50:
        return text
    return text[:50].rsplit(" ", 1)[0].rstrip(",;") + " …"


def output_names(method: Method, lang: str) -> dict[str, str]:
    """Every output's name (:func:`output_name`) by its id and by ``phase.output``."""
    names: dict[str, str] = {}
    for phase in method.phases:
        for spec in phase.outputs:
            names[spec.id] = names[f"{phase.id}.{spec.id}"] = output_name(spec, lang)
    return names


def without_evidence(sprint: Sprint) -> list[str]:
    """Ids of the sprint's hypotheses that have no evidence yet."""
    return [h.id for h in sprint.hypotheses if not h.evidence]


def answered(spec: OutputSpec | None, value: Any) -> bool:
    """Whether ``value`` answers ``spec`` as an exit criterion needs it: filled, and for an
    evidence check, *yes* (a *no* leaves the criterion open)."""
    if spec is not None and is_evidence_check(spec):
        return value is True
    return is_filled(value)


def criteria_hold(phase: Phase, answers: dict[str, Any]) -> bool:
    """Whether every exit criterion of ``phase`` holds: each output it requires is answered
    (an output whose ``when`` does not hold is not required; an evidence check needs *yes*).
    A phase without exit criteria that name outputs is held to its required outputs instead."""
    needed = {ref for crit in phase.exit_criteria for ref in crit.requires}
    if not needed:
        needed = {o.id for o in phase.outputs if o.required}
    by_id = {o.id: o for o in phase.outputs}
    for ref in needed:
        spec = by_id.get(ref)
        if spec is not None and not applies(spec, answers):
            continue
        if not answered(spec, answers.get(ref)):
            return False
    return True


MET, OPEN, ASK = "met", "open", "ask"
"""How an exit criterion stands: it holds (✓), it does not (✗), or sprintkit cannot tell (?)."""


def criterion_state(phase: Phase, criterion: Any, answers: dict[str, Any],
                    missing_evidence: list[str]) -> str:
    """Whether one exit criterion holds, checked rather than asked: each output it requires is
    answered (see :func:`answered`), and when it requires an evidence check, every hypothesis
    has evidence (``missing_evidence`` lists those that have none). A criterion that names no
    output cannot be checked: :data:`ASK`."""
    if not criterion.requires:
        return ASK
    by_id = {o.id: o for o in phase.outputs}
    for ref in criterion.requires:
        spec = by_id.get(ref)
        if spec is not None and not applies(spec, answers):
            continue
        if not answered(spec, answers.get(ref)):
            return OPEN
        if spec is not None and is_evidence_check(spec) and missing_evidence:
            return OPEN
    return MET


@dataclass(frozen=True)
class PhaseProgress:
    """One phase's state, as ``status`` and programme views show it."""

    id: str
    title: str
    status: str
    answered: int
    asked: int
    missing: list[str] = field(default_factory=list)
    criteria_met: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "answered": self.answered,
            "asked": self.asked,
            "missing": list(self.missing),
            "criteria_met": self.criteria_met,
        }


def phase_progress(method: Method, sprint: Sprint, lang: str = "en") -> list[PhaseProgress]:
    """Each phase of ``method`` with its state in ``sprint``, in method order."""
    answers = all_answers(sprint)
    result = []
    for phase in method.phases:
        state = sprint.phases.get(phase.id)
        outputs = state.outputs if state is not None else {}
        asked = [o for o in phase.outputs if applies(o, answers)]
        answered = [o for o in asked if is_filled(outputs.get(o.id))]
        missing = [o.id for o in asked if o.required and not is_filled(outputs.get(o.id))]
        met = criteria_hold(phase, answers)
        status = state.status if state is not None else "todo"
        if status == "todo" and answered:
            status = "in_progress"
        result.append(PhaseProgress(
            id=phase.id, title=phase.title.get(lang), status=status,
            answered=len(answered), asked=len(asked), missing=missing, criteria_met=met,
        ))
    return result


def next_phase(progress: list[PhaseProgress]) -> str | None:
    """The first phase that is neither done nor skipped (None when the sprint is finished)."""
    for p in progress:
        if p.status not in ("done", "skipped"):
            return p.id
    return None


def share_done(progress: list[PhaseProgress]) -> float:
    """The share of phases done or skipped, 0..1 (1 for a method without phases)."""
    if not progress:
        return 1.0
    return sum(p.status in ("done", "skipped") for p in progress) / len(progress)


def verdict_counts(sprint: Sprint) -> dict[str, int]:
    """Hypotheses by final verdict (a facilitator's override counts over the computed one)."""
    from sprintkit.engine.evidence import evaluate

    counts = Counter(evaluate(h, sprint.language).final for h in sprint.hypotheses)
    return {v: counts.get(v, 0) for v in VERDICTS}


BOARD_COLUMNS = ("todo", "doing", "done", "escalated")
"""The board's columns, in order."""


def is_overdue(action: Any, today: Any) -> bool:
    """Whether an action is open (not done) and its due date lies before ``today``."""
    return action.status != "done" and action.due is not None and action.due < today


def action_counts(actions: list[Any], today: Any = None) -> dict[str, int]:
    """Actions by board column, plus ``open`` (not done) and ``overdue`` (open, past due)."""
    import datetime as dt

    day = today or dt.date.today()
    counts = Counter(a.status for a in actions)
    result = {s: counts.get(s, 0) for s in BOARD_COLUMNS}
    result["open"] = sum(1 for a in actions if a.status != "done")
    result["overdue"] = sum(1 for a in actions if is_overdue(a, day))
    return result
