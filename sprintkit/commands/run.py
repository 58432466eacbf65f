"""`sprintkit run`: the guided walkthrough of a sprint, resumable and unattended-capable."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_RUN, NoInputOpt, SprintOpt


def run(
    sprint: SprintOpt = Path("."),
    phase: Annotated[
        str | None,
        typer.Option(
            "--phase",
            metavar="ID",
            help="Go through this phase again, every question, with the saved answers as "
            "defaults.",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="YAML mapping: phase id → output id → answer. Wins over --set, saved answers "
            "and the method's defaults.",
            show_default=False,
        ),
    ] = None,
    set_values: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="PHASE.OUTPUT=VALUE",
            help="One answer, e.g. --set design.participants=12; lists as \\[a, b]; repeatable. "
            "Wins over saved answers and defaults.",
            show_default=False,
        ),
    ] = None,
    no_input: NoInputOpt = False,
) -> None:
    """Walk through the sprint's method: each phase's goal, timebox and work forms, then its
    questions, each answer saved at once.

    At a prompt: < goes back, - skips for now, Enter keeps the answer shown. Ctrl-C stops
    (exit 130); the next run resumes at the first open question. Without a terminal, or with
    --no-input, nothing is asked: answers come from --answers, --set, the saved file and the
    method's defaults (in that order), and anything required that is still missing is listed
    (exit 1).
    """
    from sprintkit.errors import Interrupted
    from sprintkit.ops.run import Session, run_walkthrough
    from sprintkit.ui import console, timer_keys
    from sprintkit.ui.walkthrough_summary import interrupted_line, print_result
    from sprintkit.ui.walkthrough_view import TerminalWalk

    ui = TerminalWalk() if not no_input and console.is_interactive() else None
    if ui is not None:
        timer_keys.install(sprint)  # the shared timer at every prompt, and its `:` keys
    session = Session()
    try:
        result = run_walkthrough(
            sprint,
            phase=phase,
            answers=answers,
            set_values=set_values or (),
            no_input=no_input,
            ui=ui,
            session=session,
            on_note=console.info,
        )
    except KeyboardInterrupt:
        raise Interrupted(interrupted_line(session.lang, session.saved, session.path)) from None
    finally:
        timer_keys.uninstall()
    for note in result.notes:
        console.info(note)
    print_result(result)


def register(app: typer.Typer) -> None:
    """Add `run` to the root app."""
    app.command(rich_help_panel=PANEL_RUN)(run)
