"""A facilitator's notes per phase (``phases.<id>.notes`` in sprint.yaml): one line per note,
each starting with its date. The draft report shows them to the author; a client copy never.

Library function behind ``sprintkit note``. The note is pseudonymised as it enters (as every
text typed into a sprint) and written through :func:`~sprintkit.files.sprintfile.update_sprint`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sprintkit.errors import NotFound, SprintkitError, UsageError
from sprintkit.i18n import msg
from sprintkit.ops.keyfile import sprint_cleaner
from sprintkit.ops.scope import check_text, today_or

if TYPE_CHECKING:
    from sprintkit.model.sprint import Sprint


@dataclass(frozen=True)
class Noted:
    phase: str
    line: str
    """The note as written: ``2026-03-04: …``."""
    pseudonymised: int = 0
    title: str = ""
    """The phase's title in the sprint's language (its id for a phase the method lacks)."""


def _phase_order(model: Sprint, sprint_file: Path) -> list[str]:
    """The method's phases in order (then any others the sprint has)."""
    return list(_phase_titles(model, sprint_file))


def _phase_titles(model: Sprint, sprint_file: Path) -> dict[str, str]:
    """The method's phases in order with their titles (then any others the sprint has)."""
    titles: dict[str, str] = {}
    try:
        from sprintkit.files.library import get_method

        titles = {p.id: p.title.get(model.language)
                  for p in get_method(model.method, sprint_file).model.phases}
    except SprintkitError:  # an unknown or broken method: the sprint's own phases still count
        titles = {}
    return titles | {pid: pid for pid in model.phases if pid not in titles}


def default_phase(model: Sprint, order: list[str]) -> str:
    """The phase in progress, else the last one held (done), else the first."""
    states = model.phases
    running = [p for p in order if p in states and states[p].status == "in_progress"]
    if running:
        return running[-1]
    done = [p for p in order if p in states and states[p].status == "done"]
    if done:
        return done[-1]
    if not order:
        raise UsageError(msg("setup.note_no_phases"), hint=msg("setup.note_no_phases_hint"))
    return order[0]


def add_note(
    sprint: Path | None = None,
    text: str = "",
    *,
    phase: str | None = None,
    today: dt.date | None = None,
) -> Noted:
    """Append a note to ``phase``'s notes (default: :func:`default_phase`), prefixed with the
    date (``today``, default the clock's)."""
    from sprintkit.files.sprintfile import resolve_sprint, update_sprint
    from sprintkit.model.sprint import PhaseState
    from sprintkit.ops.scope import speak

    speak(sprint)  # what is refused below is told in the sprint's language
    check_text(text, "TEXT")
    day = today_or(today)
    path = resolve_sprint(sprint)

    def change(model: Sprint) -> Noted:
        titles = _phase_titles(model, path)
        order = list(titles)
        pid = phase.strip() if phase else default_phase(model, order)
        if pid not in order:
            raise NotFound(msg("setup.note_no_phase", phase=repr(pid)),
                           hint=msg("setup.note_phases", phases=", ".join(order) or "—"))
        cleaned = sprint_cleaner(model, path.parent)(" ".join(text.split()))
        line = f"{day.isoformat()}: {cleaned.text}"
        state = model.phases.get(pid)
        if state is None:
            state = model.phases[pid] = PhaseState()
        state.notes = f"{state.notes.rstrip()}\n{line}" if state.notes else line
        return Noted(pid, line, cleaned.total, titles[pid])

    return update_sprint(sprint, change)


__all__ = ["Noted", "add_note", "default_phase"]
