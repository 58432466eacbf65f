"""`sprintkit note TEXT`: a facilitator's note to a phase (for the author, never the client)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_RUN, Format, FormatOpt, SprintOpt


def note(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The note (pseudonymised on "
                                        "entry).")],
    phase: Annotated[
        str | None,
        typer.Option("--phase", metavar="ID", help="The phase (default: the phase in progress, "
                     "else the last one done).", show_default=False),
    ] = None,
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """Add a facilitator's note to a phase, dated; draft reports show it to the author.

    Client copies never show notes.
    """
    from sprintkit.i18n import msg
    from sprintkit.ops.notes import add_note
    from sprintkit.ui import console

    done = add_note(sprint, text, phase=phase)
    if format is Format.json:
        console.emit_json({"phase": done.phase, "note": done.line,
                           "pseudonymised": done.pseudonymised})
        return
    console.success(msg("setup.note_added", phase=done.title or done.phase))
    if done.pseudonymised:
        console.info(msg("setup.pseudonymised", n=done.pseudonymised))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command(rich_help_panel=PANEL_RUN)(note)
