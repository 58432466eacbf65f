"""`sprintkit action add|move|escalate|edit|remove|list`: who does what by when, on the board."""

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
    announce_edit,
    value_of,
)
from sprintkit.vocabulary import completer

action_app = typer.Typer(
    help="Actions: who does what by when; moved across the board, escalated when stuck.",
    no_args_is_help=True,
)
IdArg = Annotated[str, typer.Argument(metavar="ID", help="Id of the action, e.g. A3.")]
OwnerOpt = Annotated[str | None, typer.Option("--owner", metavar="NAME", help="Who does it.")]
DueOpt = Annotated[str | None, typer.Option("--due", metavar="DATE",
                                            help="By when: 2-3-2026 or 2026-03-02.")]


MOVES = "todo, doing or done (or the Dutch name: te doen, bezig, klaar)"


@action_app.command("add")
def add(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What is to be done.")],
    owner: OwnerOpt = None,
    due: DueOpt = None,
    from_hypothesis: Annotated[
        str | None,
        typer.Option("--from-hypothesis", metavar="ID", help="The hypothesis it comes from "
                     "(H1; in a programme SPRINT-ID:H1); it must exist."),
    ] = None,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Add an action; it starts in the to-do column. Ids run A1, A2, …"""
    from sprintkit.i18n import msg
    from sprintkit.ops.actions import add_action
    from sprintkit.ui import console

    added = add_action(sprint, programme=programme, text=text, owner=owner, due=due,
                       from_hypothesis=from_hypothesis)
    a = added.action
    details = [x for x in (a.owner, msg("action.detail_due", date=a.due) if a.due else None,
                           msg("action.detail_from", hypothesis=a.from_hypothesis)
                           if a.from_hypothesis else None) if x]
    console.success(msg("action.added_with", id=a.id, details=", ".join(details)) if details
                    else msg("action.added", id=a.id))
    for warning in added.warnings:
        console.warning(warning)
    if added.pseudonymised:
        console.info(msg("action.pseudonymised", n=added.pseudonymised))


@action_app.command("move")
def move(
    id: IdArg,
    status: Annotated[str, typer.Argument(metavar="STATUS", help=f"{MOVES}.",
                                          autocompletion=completer("action_status"))],
    resolution: Annotated[
        str | None,
        typer.Option("--resolution", metavar="TEXT", help="For an escalated action: what was "
                     "decided or done about it."),
    ] = None,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Move an action to another column: todo, doing or done.

    Done records the date. Moving an escalated action on records its resolution (--resolution).
    """
    from sprintkit.i18n import language, msg
    from sprintkit.ops.actions import move_action
    from sprintkit.ui import console
    from sprintkit.ui.board_view import status_label

    to = value_of("action_status", status, sprint, programme, option="STATUS")
    moved = move_action(sprint, id, to, programme=programme, resolution=resolution)
    a = moved.action
    lang = language()
    if moved.unchanged:
        console.info(msg("action.already", id=a.id, status=status_label(a.status, lang)))
        return
    console.success(msg("action.moved_done" if a.status == "done" and a.done else "action.moved",
                        id=a.id, previous=status_label(moved.previous, lang),
                        status=status_label(a.status, lang), date=a.done))
    if moved.resolved and a.escalation is not None:
        esc = a.escalation
        console.info(msg("action.resolved_how" if esc.resolution else "action.resolved",
                         to=esc.to, date=esc.resolved, how=esc.resolution))
        if not esc.resolution:
            console.info(msg("action.resolution_hint"))


@action_app.command("escalate")
def escalate(
    id: IdArg,
    to: Annotated[
        str, typer.Option("--to", metavar="TEXT", help="To whom, e.g. the escalation team.")
    ],
    reason: Annotated[
        str, typer.Option("--reason", metavar="TEXT", help="What is stuck, and what is needed.")
    ],
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Escalate a stuck action, with the reason; it moves to the escalated column."""
    from sprintkit.i18n import msg
    from sprintkit.ops.actions import escalate_action
    from sprintkit.ui import console

    a = escalate_action(sprint, id, programme=programme, to=to, reason=reason)
    console.success(msg("action.escalated", id=a.id,
                        to=a.escalation.to if a.escalation else to))


@action_app.command("edit")
def edit(
    id: IdArg,
    text: Annotated[
        str | None, typer.Option("--text", metavar="TEXT", help="What is to be done.")
    ] = None,
    owner: OwnerOpt = None,
    due: DueOpt = None,
    status: Annotated[
        str | None, typer.Option("--status", metavar="STATUS",
                                 help=f"{MOVES}, as `action move`.", show_default=False,
                                 autocompletion=completer("action_status"))
    ] = None,
    format: FormatOpt = Format.text,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Correct an action: its text, owner, due date or column."""
    from sprintkit.i18n import msg
    from sprintkit.ops.actions import edit_action
    from sprintkit.ui import console

    to = value_of("action_status", status, sprint, programme, option="--status")
    done = edit_action(sprint, id, programme=programme, text=text, owner=owner, due=due,
                       status=to)
    if format is Format.json:
        announce_edit("action", done.action, done.changed, format)
        return
    if not done.changed:
        console.info(msg("action.unchanged", id=done.action.id))
        return
    console.success(msg("action.changed", id=done.action.id,
                        fields=", ".join(msg(f"action.field.{f}") for f in done.changed)))
    if done.pseudonymised:
        console.info(msg("action.pseudonymised", n=done.pseudonymised))


@action_app.command("remove")
def remove(
    id: IdArg,
    format: FormatOpt = Format.text,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Remove an action typed by mistake; in a sprint its id is never handed out again."""
    from sprintkit.i18n import msg
    from sprintkit.ops.actions import remove_action
    from sprintkit.ui import console

    a = remove_action(sprint, id, programme=programme)
    if format is Format.json:
        console.emit_json({"removed": a.id})
        return
    console.success(msg("action.removed", id=a.id))


@action_app.command("list")
def list_(
    status: Annotated[
        str | None,
        typer.Option("--status", metavar="STATUS", help="Only actions with this status: todo, "
                     "doing, done, escalated, open (not done) or overdue (open and past due); "
                     "the Dutch names are accepted too.", show_default=False,
                     autocompletion=completer("action_filter")),
    ] = None,
    as_of: AsOfOpt = None,
    format: FormatOpt = Format.text,
    lang: LangOpt = None,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """List the actions in id order, with owner, due date (overdue marked) and status."""
    from sprintkit.ops.actions import action_listing
    from sprintkit.ops.scope import parse_day, speak
    from sprintkit.ui import console

    speak(sprint, programme)  # a refused --as-of is told in the sprint's language
    wanted = value_of("action_filter", status, sprint, programme, option="--status")
    listing = action_listing(sprint, programme=programme, status=wanted,
                             lang=lang.value if lang else None, today=parse_day(as_of, "--as-of"))
    if format is Format.json:
        console.emit_json(listing.to_json())
        return
    from sprintkit.ui.board_view import action_table

    action_table(listing)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(action_app, name="action", rich_help_panel=PANEL_PROGRAMME)
