"""The walkthrough as a state machine: which prompt comes next, given the method and what the
sprint already holds.

A *step* is one output of one phase. The steps of the phases in scope are taken in method
order; a step whose ``when`` condition does not hold (for the answers so far, over all phases)
is passed over. Two modes:

* **resume** (``sprintkit run``): every phase of the method is in scope, but only steps that
  are neither answered, skipped nor left empty are visited, and phases that are done or
  skipped are passed over — so a new run starts exactly at the first unanswered prompt;
* **revisit** (``sprintkit run --phase ID``): only that phase, and every step of it, with the
  saved answers as defaults.

After the phases, ``run`` offers the *open* questions — skipped, or required and still
unanswered, in phases that are not done — and walks only those (:meth:`Walkthrough.take_up_open`).

Going back (``<``) moves to the previous step that applies, answered or not; going forward
again visits every step up to the furthest one already reached before it returns to the mode's
own rule, so nothing in between is silently passed over. Skipping (``-``) records the output in
the phase's ``skipped_outputs``; an optional question left empty (Enter) is saved as an empty
answer instead, so it is neither asked nor offered again. A phase is done when its exit
criteria hold (:func:`sprintkit.engine.progress.criteria_hold`); it is *closed* — its state
set — when the walk leaves it.

Pure logic over the models: no files, no terminal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sprintkit.engine.progress import (
    all_answers,
    answered,
    applies,
    criteria_hold,
    criterion_state,
    is_filled,
    without_evidence,
)

if TYPE_CHECKING:
    from sprintkit.model.method import Method, OutputSpec, Phase
    from sprintkit.model.sprint import PhaseState, Sprint

BACK = "<"
SKIP = "-"


@dataclass(frozen=True, order=True)
class Step:
    """One prompt: an output of a phase, ordered as the method lists them."""

    phase_index: int
    output_index: int
    phase: str = field(compare=False)
    output: str = field(compare=False)

    @property
    def key(self) -> str:
        """``phase.output``, as messages and ``--set`` name it."""
        return f"{self.phase}.{self.output}"


@dataclass
class Walkthrough:
    """Where a walkthrough is, and where it goes next. ``refresh`` it after every save (the
    file may have been edited by hand in between)."""

    method: Method
    sprint: Sprint
    phase: str | None = None
    """Revisit only this phase (``--phase``); ``None``: resume the whole method."""
    furthest: Step | None = None
    again: bool = False
    """Visit only the open questions (:meth:`is_open`): the round after the phases, when the
    facilitator takes up what was skipped or is still missing."""

    def __post_init__(self) -> None:
        if self.phase is not None:
            self.method.phase(self.phase)  # KeyError for an unknown phase

    @property
    def revisit(self) -> bool:
        return self.phase is not None

    @property
    def scope(self) -> list[str]:
        """The phases this walk may visit, in method order."""
        if self.phase is not None:
            return [self.phase]
        return [p.id for p in self.method.phases]

    def refresh(self, sprint: Sprint) -> None:
        self.sprint = sprint

    # --- what the sprint holds ------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        return all_answers(self.sprint)

    def state(self, phase_id: str) -> PhaseState | None:
        return self.sprint.phases.get(phase_id)

    def saved(self, step: Step) -> Any:
        """The answer saved for ``step`` (``None`` when there is none)."""
        state = self.state(step.phase)
        return state.outputs.get(step.output) if state is not None else None

    def spec(self, step: Step) -> OutputSpec:
        return self.method.phases[step.phase_index].outputs[step.output_index]

    def phase_of(self, step: Step) -> Phase:
        return self.method.phases[step.phase_index]

    def skipped(self, step: Step) -> bool:
        state = self.state(step.phase)
        return state is not None and step.output in state.skipped_outputs

    def left_empty(self, step: Step) -> bool:
        """Whether ``step`` is an optional question the facilitator left empty (Enter): its
        output is saved without an answer. Not skipped, so not offered again."""
        state = self.state(step.phase)
        return (state is not None and step.output in state.outputs
                and not is_filled(state.outputs[step.output]) and not self.spec(step).required)

    # --- the steps --------------------------------------------------------------------------

    def steps(self) -> list[Step]:
        """Every step in scope whose ``when`` holds now, in order."""
        answers = self.answers()
        scope = set(self.scope)
        result = []
        for pi, phase in enumerate(self.method.phases):
            if phase.id not in scope:
                continue
            for oi, spec in enumerate(phase.outputs):
                if applies(spec, answers):
                    result.append(Step(pi, oi, phase.id, spec.id))
        return result

    def visits(self, step: Step) -> bool:
        """Whether the walk stops at ``step`` when it passes it going forward."""
        if self.furthest is not None and step <= self.furthest:
            return True
        if self.revisit:
            return True
        if self.again:
            return self.is_open(step)
        state = self.state(step.phase)
        if state is not None and state.status in ("done", "skipped"):
            return False
        return not is_filled(self.saved(step)) and not self.skipped(step) \
            and not self.left_empty(step)

    def is_open(self, step: Step) -> bool:
        """Whether ``step`` is an open question: in a phase that is neither done nor skipped,
        unanswered (an evidence check answered *no* counts as unanswered), and skipped or
        required."""
        state = self.state(step.phase)
        if state is not None and state.status in ("done", "skipped"):
            return False
        if answered(self.spec(step), self.saved(step)):
            return False
        return self.skipped(step) or self.spec(step).required

    def open_steps(self) -> list[tuple[Step, bool]]:
        """The open questions in scope, in order, each with whether it was skipped."""
        return [(s, self.skipped(s)) for s in self.steps() if self.is_open(s)]

    def take_up_open(self) -> Step | None:
        """Start the round over the open questions; returns its first step."""
        self.again = True
        self.furthest = None
        return self.first()

    def first(self) -> Step | None:
        """Where the walk starts: the first step it visits."""
        return next((s for s in self.steps() if self.visits(s)), None)

    def after(self, step: Step) -> Step | None:
        """The next step to visit after ``step`` (``None``: the walk is over)."""
        return next((s for s in self.steps() if s > step and self.visits(s)), None)

    def before(self, step: Step) -> Step | None:
        """The step before ``step`` that applies (``None`` at the start of the scope)."""
        earlier = [s for s in self.steps() if s < step]
        return earlier[-1] if earlier else None

    def reach(self, step: Step) -> None:
        """Note that the walk showed ``step`` (going back and forth returns up to here)."""
        if self.furthest is None or step > self.furthest:
            self.furthest = step

    def position(self, step: Step) -> tuple[int, int]:
        """``(n, of)``: the step's number among the phase's steps that apply now."""
        mine = [s for s in self.steps() if s.phase == step.phase]
        return (mine.index(step) + 1 if step in mine else 0), len(mine)

    # --- phases -----------------------------------------------------------------------------

    def phases_before(self, step: Step | None) -> list[str]:
        """Phases in scope that the walk has left behind when it stands at ``step`` (all of
        them when ``step`` is ``None``, at the end)."""
        ids = self.scope
        if step is None:
            return ids
        return [pid for pid in ids if _index(self.method, pid) < step.phase_index]

    def done(self, phase_id: str) -> bool:
        """Whether the phase's exit criteria hold for the answers so far."""
        return criteria_hold(self.method.phase(phase_id), self.answers())

    def missing(self, phase_id: str) -> list[str]:
        """Required outputs of the phase that apply and have no answer."""
        answers = self.answers()
        state = self.state(phase_id)
        outputs = state.outputs if state is not None else {}
        return [o.id for o in self.method.phase(phase_id).outputs
                if o.required and applies(o, answers) and not answered(o, outputs.get(o.id))]

    def criteria(self, phase_id: str) -> list[str]:
        """How each exit criterion of the phase stands now (``met``, ``open`` or ``ask``)."""
        phase = self.method.phase(phase_id)
        answers = self.answers()
        missing = without_evidence(self.sprint)
        return [criterion_state(phase, c, answers, missing) for c in phase.exit_criteria]

    def closed_status(self, phase_id: str) -> str:
        """The state a phase gets when the walk leaves it."""
        return closed_status(self.method.phase(phase_id), self.state(phase_id), self.answers())


def _index(method: Method, phase_id: str) -> int:
    return [p.id for p in method.phases].index(phase_id)


def closed_status(phase: Phase, state: PhaseState | None, answers: dict[str, Any]) -> str:
    """``done`` when the exit criteria hold; ``in_progress`` when something was answered or
    skipped; otherwise the state stays as it was. A phase the facilitator set to ``done`` or
    ``skipped`` keeps that state."""
    current = state.status if state is not None else "todo"
    if current in ("done", "skipped"):
        return current
    if criteria_hold(phase, answers):
        return "done"
    touched = state is not None and (
        any(is_filled(v) for v in state.outputs.values()) or bool(state.skipped_outputs)
    )
    return "in_progress" if touched else current
