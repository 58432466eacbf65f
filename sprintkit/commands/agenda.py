"""`sprintkit agenda`: the day plan with clock times, from the method's timeboxes."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_RUN, LangOpt, ScopeSprintOpt


class AgendaFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


def agenda(
    sprint: ScopeSprintOpt = None,
    method: Annotated[
        str | None,
        typer.Option(
            "--method",
            "-m",
            help="Plan a method instead of a sprint, e.g. strategy-sprint.",
            show_default=False,
        ),
    ] = None,
    start: Annotated[str, typer.Option("--start", help="Start time of each day, HH:MM.")] = "09:00",
    days: Annotated[
        int | None,
        typer.Option(
            "--days",
            min=1,
            help="Spread the phases over this many days (default: the method's days).",
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    format: Annotated[
        AgendaFormat,
        typer.Option("--format", help="text for people, md to paste, json for scripts."),
    ] = AgendaFormat.text,
) -> None:
    """Print the day plan: clock times per phase and work form, with breaks and lunch.

    Phases outside the sessions (asynchronous assignments, work in practice) have no times.
    For a sprint, skipped phases are left out and day 1 carries the start date.
    """
    from sprintkit.ops.agenda import agenda as build
    from sprintkit.ops.agenda import agenda_markdown
    from sprintkit.ui import console

    plan = build(
        sprint=sprint,
        method=method,
        start=start,
        days=days,
        lang=lang.value if lang is not None else None,
    )
    if format is AgendaFormat.json:
        console.emit_json(plan.to_json())
    elif format is AgendaFormat.md:
        console.emit_text(agenda_markdown(plan))
    else:
        from sprintkit.ui.method_view import print_agenda

        print_agenda(plan)
    for warning in plan.warnings:
        console.warning(warning)


def register(app: typer.Typer) -> None:
    """Add `agenda` to the root app."""
    app.command(rich_help_panel=PANEL_RUN)(agenda)
