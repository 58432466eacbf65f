"""``sprintkit status``: where a sprint stands — method, phases with their state, the next step,
counts of outputs, hypotheses by verdict and open actions. The JSON keys are stable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.engine.progress import (
    PhaseProgress,
    action_counts,
    next_phase,
    output_names,
    phase_progress,
    share_done,
    verdict_counts,
)
from sprintkit.files.textfile import display

if TYPE_CHECKING:
    from sprintkit.model.sprint import Sprint

STATUS_KEYS = (
    "sprint", "method", "phases", "next", "outputs", "hypotheses", "actions", "open_actions",
    "pending_answers", "live_sessions",
)
"""Top-level keys of ``status --format json``, in this order."""


@dataclass
class Status:
    """Everything ``status`` shows."""

    sprint: Sprint
    path: Path
    lang: str
    method_id: str
    method_name: str
    phases: list[PhaseProgress]
    skipped: dict[str, list[str]]
    next_phase: str | None
    next_output: str | None
    hypotheses: dict[str, int]
    actions: dict[str, int]
    open_actions: list[dict[str, Any]] = field(default_factory=list)
    pending: int = 0
    revisit: bool = False
    """The walk has nothing open, but the next phase is not done (skipped questions)."""
    still_open: list[tuple[str, bool]] = field(default_factory=list)
    """Open questions the walk passes over (``phase.output``, skipped or not): skipped ones,
    and an evidence question answered *no*, in phases that are not done. ``run`` offers them
    after the phases; ``run --phase ID`` asks them at once."""
    names: dict[str, str] = field(default_factory=dict)
    """How a person sees each output named (by id and by ``phase.output``)."""

    @property
    def live_sessions(self) -> list[dict[str, Any]]:
        """The live sessions held (``sprintkit serve``): when, who, how much."""
        from sprintkit.i18n.dates import format_date

        return [{"date": format_date(r.started.date(), self.lang),
                 "started": r.started.isoformat(), "ended": r.ended.isoformat(),
                 "from": r.started.strftime("%H:%M"), "to": r.ended.strftime("%H:%M"),
                 "participants": r.participants, "notes": r.notes, "dots": r.dots,
                 "scores": r.scores, "stories": r.stories}
                for r in self.sprint.live_sessions]

    def open_command(self, phase_id: str) -> str:
        """The command that asks a phase's open questions."""
        folder = display(self.path.parent)
        s = f" -s {folder}" if folder != "." else ""
        return f"sprintkit run{s} --phase {phase_id}"

    @property
    def command(self) -> str:
        """The command that takes the next step."""
        folder = display(self.path.parent)
        s = f" -s {folder}" if folder != "." else ""
        if self.next_phase is None:
            return f"sprintkit report{s}"
        if self.revisit:
            return f"sprintkit run{s} --phase {self.next_phase}"
        return f"sprintkit run{s}"

    @property
    def outputs(self) -> dict[str, int]:
        return {
            "answered": sum(p.answered for p in self.phases),
            "asked": sum(p.asked for p in self.phases),
            "missing": sum(len(p.missing) for p in self.phases),
            "skipped": sum(len(v) for v in self.skipped.values()),
        }

    def to_json(self) -> dict[str, Any]:
        done = sum(p.status == "done" for p in self.phases)
        data = {
            "sprint": {
                "id": self.sprint.id, "title": self.sprint.title,
                "language": self.sprint.language, "file": display(self.path),
            },
            "method": {"id": self.method_id, "name": self.method_name},
            "phases": [
                {**p.to_json(), "skipped": list(self.skipped.get(p.id, []))} for p in self.phases
            ],
            "next": {
                "phase": self.next_phase, "output": self.next_output, "command": self.command,
                "phases_done": done, "phases_total": len(self.phases),
                "share_done": round(share_done(self.phases), 4),
            },
            "outputs": self.outputs,
            "hypotheses": {"total": len(self.sprint.hypotheses), **self.hypotheses},
            "actions": self.actions,
            "open_actions": self.open_actions,
            "pending_answers": self.pending,
            "live_sessions": [{k: v for k, v in r.items() if k not in ("date", "from", "to")}
                              for r in self.live_sessions],
        }
        return {key: data[key] for key in STATUS_KEYS}


def sprint_status(
    sprint: Path | None = None, *, lang: str | None = None, today: dt.date | None = None
) -> Status:
    """The status of the sprint at ``sprint`` (folder or sprint.yaml)."""
    from sprintkit.engine.walkthrough import Walkthrough
    from sprintkit.files.journal import read_journal
    from sprintkit.files.library import get_method
    from sprintkit.files.sprintfile import load_sprint

    loaded = load_sprint(sprint)
    model = loaded.model
    language = lang or model.language
    method = get_method(model.method, loaded.path).model
    progress = phase_progress(method, model, language)
    upcoming = next_phase(progress)
    walk = Walkthrough(method, model)
    first = walk.first()
    passed = [(step, skipped) for step, skipped in walk.open_steps() if not walk.visits(step)]
    revisit = first is None and upcoming is not None
    if revisit and passed:
        first = passed[0][0]
    day = today or dt.date.today()
    open_actions = [
        {"id": a.id, "text": a.text, "owner": a.owner,
         "due": a.due.isoformat() if a.due else None, "status": a.status,
         "overdue": bool(a.due and a.due < day)}
        for a in model.actions if a.status != "done"
    ]
    return Status(
        sprint=model, path=loaded.path, lang=language, method_id=method.id,
        method_name=method.name.get(language), phases=progress,
        skipped={pid: list(state.skipped_outputs) for pid, state in model.phases.items()
                 if state.skipped_outputs},
        next_phase=first.phase if first is not None else upcoming,
        next_output=first.output if first is not None else None,
        hypotheses=verdict_counts(model), actions=action_counts(model.actions, day),
        open_actions=open_actions, pending=len(read_journal(loaded.path)),
        revisit=revisit, still_open=[(step.key, skipped) for step, skipped in passed],
        names=output_names(method, language),
    )
