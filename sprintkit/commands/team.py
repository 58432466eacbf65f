"""`sprintkit team add|list|edit|remove`: who takes part, in which role."""

from __future__ import annotations

from typing import Annotated

import typer

from sprintkit.commands._common import (
    PANEL_PROGRAMME,
    Format,
    FormatOpt,
    LangOpt,
    ProgrammeOpt,
    ScopeSprintOpt,
)

team_app = typer.Typer(
    help="The team: people with their roles (e.g. lead, policy adviser, team coach).",
    no_args_is_help=True,
)
NameArg = Annotated[str, typer.Argument(metavar="NAME", help="The person's name.")]


@team_app.command("add")
def add(
    name: NameArg,
    role: Annotated[
        str,
        typer.Option("--role", metavar="ROLE", help="Their role: free text, or one of the "
                     "method's roles by id or name (e.g. lead, team-coach, sponsor)."),
    ],
    org: Annotated[
        str | None, typer.Option("--org", metavar="ORG", help="Their organisation.")
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="e.g. '2 dagen per week'.")
    ] = None,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Add someone to the team, with their role."""
    from sprintkit.i18n import msg
    from sprintkit.ops.team import add_member
    from sprintkit.ui import console

    member = add_member(sprint, programme=programme, name=name, role=role, org=org, note=note)
    console.success(msg("team.added", name=member.name, details=_details(member)))


@team_app.command("list")
def list_(
    format: FormatOpt = Format.text,
    lang: LangOpt = None,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """List the team: roles, organisations and the open actions each person owns.

    Also names the method's roles nobody holds yet.
    """
    from sprintkit.ops.team import team_listing
    from sprintkit.ui import console

    listing = team_listing(sprint, programme=programme, lang=lang.value if lang else None)
    if format is Format.json:
        console.emit_json(listing.to_json())
        return
    from sprintkit.ui.board_view import team_table

    team_table(listing)


@team_app.command("edit")
def edit(
    name: NameArg,
    new_name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help="The right name (their "
                                 "actions move with it).")
    ] = None,
    role: Annotated[str | None, typer.Option("--role", metavar="ROLE", help="Their role.")] = None,
    organisation: Annotated[
        str | None, typer.Option("--organisation", metavar="ORG", help="Their organisation.")
    ] = None,
    format: FormatOpt = Format.text,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Correct a team member's name, role or organisation."""
    from sprintkit.i18n import msg
    from sprintkit.ops.team import edit_member
    from sprintkit.ui import console

    member = edit_member(sprint, name, programme=programme, new_name=new_name, role=role,
                         org=organisation)
    if format is Format.json:
        console.emit_json(member.model_dump(mode="json", exclude_none=True))
        return
    console.success(msg("team.edited", name=member.name, details=_details(member)))


@team_app.command("remove")
def remove(
    name: NameArg,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Take someone off the team (their actions keep their name as owner)."""
    from sprintkit.i18n import msg
    from sprintkit.ops.team import remove_member
    from sprintkit.ui import console

    removed = remove_member(sprint, name, programme=programme)
    console.success(msg("team.removed", name=removed.member.name))
    if removed.open_actions:
        console.warning(msg("team.still_owns", name=removed.member.name,
                            actions=", ".join(removed.open_actions)))


def _details(member: object) -> str:
    """``role, organisation`` of a team member, as written."""
    return ", ".join(x for x in (getattr(member, "role", None),
                                 getattr(member, "organisation", None)) if x)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(team_app, name="team", rich_help_panel=PANEL_PROGRAMME)
