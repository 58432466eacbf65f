"""`sprintkit decision add|edit|remove|list`: the decisions made in the sprint."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sprintkit.commands._common import PANEL_EVIDENCE, Format, FormatOpt, SprintOpt

decision_app = typer.Typer(
    help="Decisions: strategic choices and other decisions made in the sprint (D1, D2, …).",
    no_args_is_help=True,
)
IdArg = Annotated[str, typer.Argument(metavar="ID", help="Id of the decision, e.g. D1.")]
ChoiceOpt = Annotated[str | None, typer.Option("--choice", metavar="TEXT", help="What was "
                                                "chosen.")]
RationaleOpt = Annotated[str | None, typer.Option("--rationale", metavar="TEXT", help="Why.")]
ByOpt = Annotated[str | None, typer.Option("--decided-by", metavar="WHO", help="Who decided.")]
DateOpt = Annotated[str | None, typer.Option("--date", metavar="DATE",
                                             help="When: 2-3-2026 or 2026-03-02 "
                                                  "(default for add: today).")]


def _emit(decision: Any, format: Format, verb: str) -> None:
    from sprintkit.i18n import msg
    from sprintkit.ui import console

    if format is Format.json:
        console.emit_json(decision.model_dump(mode="json", exclude_none=True))
        return
    console.success(msg(f"evidence.decision.{verb}", id=decision.id, title=decision.title))


@decision_app.command("add")
def add(
    title: Annotated[str, typer.Argument(metavar="TITLE", help="What was decided, in short.")],
    choice: ChoiceOpt = None,
    rationale: RationaleOpt = None,
    decided_by: ByOpt = None,
    date: DateOpt = None,
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """Record a decision; ids run D1, D2, … (text is pseudonymised on entry)."""
    from sprintkit.ops.decisions import add_decision

    _emit(add_decision(sprint, title=title, choice=choice, rationale=rationale,
                       decided_by=decided_by, date=date), format, "recorded")


@decision_app.command("edit")
def edit(
    id: IdArg,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="The title.")] = None,
    choice: ChoiceOpt = None,
    rationale: RationaleOpt = None,
    decided_by: ByOpt = None,
    date: DateOpt = None,
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """Correct a decision."""
    from sprintkit.ops.decisions import edit_decision

    _emit(edit_decision(sprint, id, title=title, choice=choice, rationale=rationale,
                        decided_by=decided_by, date=date), format, "changed")


@decision_app.command("remove")
def remove(
    id: IdArg,
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """Remove a decision; its id is never handed out again."""
    from sprintkit.ops.decisions import remove_decision

    _emit(remove_decision(sprint, id), format, "removed")


@decision_app.command("list")
def list_(
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """List the sprint's decisions."""
    from sprintkit.i18n import msg
    from sprintkit.ops.decisions import list_decisions
    from sprintkit.ui import console

    decisions = list_decisions(sprint)
    if format is Format.json:
        console.emit_json([d.model_dump(mode="json", exclude_none=True) for d in decisions])
        return
    if not decisions:
        console.info(msg("evidence.decision.none"))
        return
    for d in decisions:
        parts = [d.choice, msg("evidence.decision.by", who=d.decided_by) if d.decided_by else None,
                 d.date.isoformat() if d.date else None]
        extra = "; ".join(p for p in parts if p)
        console.out().print(f"{d.id}  {d.title}" + (f" — {extra}" if extra else ""),
                            markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(decision_app, name="decision", rich_help_panel=PANEL_EVIDENCE)
