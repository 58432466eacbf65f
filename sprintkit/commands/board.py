"""`sprintkit board`: the actions in four columns — to do, doing, done, escalated."""

from __future__ import annotations

from typing import Annotated

import typer

from sprintkit.commands._common import (
    PANEL_PROGRAMME,
    AsOfOpt,
    Format,
    FormatOpt,
    LangOpt,
    ProgrammeOpt,
    ScopeSprintOpt,
)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""

    @app.command("board", rich_help_panel=PANEL_PROGRAMME)
    def board_cmd(
        sprint: ScopeSprintOpt = None,
        programme: ProgrammeOpt = None,
        all: Annotated[
            bool, typer.Option("--all", help="Show every done card (default: the latest five).")
        ] = False,
        as_of: AsOfOpt = None,
        format: FormatOpt = Format.text,
        lang: LangOpt = None,
    ) -> None:
        """Show the board: to do, doing, done and escalated, with overdue cards marked.

        With --programme: the programme's own actions and every sprint's, each naming its sprint.
        """
        from sprintkit.ops.board import board
        from sprintkit.ops.scope import parse_day, speak
        from sprintkit.ui import console

        speak(sprint, programme)  # a refused --as-of is told in the sprint's language
        b = board(sprint, programme=programme, lang=lang.value if lang else None,
                  today=parse_day(as_of, "--as-of"))
        if format is Format.json:
            console.emit_json(b.to_json())
            return
        from sprintkit.ui.board_view import board_view

        board_view(b, show_all=all)
