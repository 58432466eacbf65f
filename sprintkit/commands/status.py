"""`sprintkit status`: where a sprint stands."""

from __future__ import annotations

from pathlib import Path

import typer

from sprintkit.commands._common import PANEL_RUN, Format, FormatOpt, LangOpt, SprintOpt


def status(
    sprint: SprintOpt = Path("."),
    format: FormatOpt = Format.text,
    lang: LangOpt = None,
) -> None:
    """Show the method, each phase's state, the next step, how many outputs are captured,
    hypotheses by verdict, open actions and the live sessions held (`sprintkit serve`).

    The JSON keys (--format json) are stable: sprint, method, phases, next, outputs,
    hypotheses, actions, open_actions, pending_answers, live_sessions.
    """
    from sprintkit.ops.status import sprint_status
    from sprintkit.ui import console

    result = sprint_status(sprint, lang=lang.value if lang else None)
    if format is Format.json:
        console.emit_json(result.to_json())
        return
    from sprintkit.ui.walkthrough_summary import print_status

    print_status(result)


def register(app: typer.Typer) -> None:
    """Add `status` to the root app."""
    app.command(rich_help_panel=PANEL_RUN)(status)
