"""`sprintkit votes import FILE.csv`: a big group's dot votes or impact/effort scores from a
CSV export, saved as the answer of the method's vote."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sprintkit.commands._common import PANEL_RUN, Format, FormatOpt, LangOpt, SprintOpt

if TYPE_CHECKING:
    from sprintkit.ops.votes import VotesImported

votes_app = typer.Typer(
    help="Votes of big groups: dot votes and impact/effort scores from a CSV export.",
    no_args_is_help=True,
)


@votes_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(metavar="FILE.csv", help="The CSV export: one row per "
                                         "participant (a column per item) or per vote (an "
                                         "item column).", show_default=False)],
    phase: Annotated[
        str | None,
        typer.Option("--phase", metavar="ID", help="The phase of the vote.", show_default=False),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", metavar="ID", help="The vote (a dot_vote or impact_effort "
                     "output); needed when the method has more than one.", show_default=False),
    ] = None,
    participants: Annotated[
        int | None,
        typer.Option("--participants", min=1, metavar="N", help="How many took part (for the "
                     "dots limit of a file with totals; default: the sprint's 'participants' "
                     "answer).", show_default=False),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the result without writing.")
    ] = False,
    format: FormatOpt = Format.text,
    lang: LangOpt = None,
    sprint: SprintOpt = Path("."),
) -> None:
    """Import dot votes or impact/effort scores from a CSV file (Mentimeter, Slido, Forms, Excel).

    Separators , ; or tab; UTF-8 with or without BOM, or Windows-1252; a decimal comma is fine.
    Dots are added up, impact and effort averaged per item. Bad cells are refused with their
    line and column and nothing is written; dots over the limit are flagged.
    """
    from sprintkit.ops.votes import import_votes
    from sprintkit.ui import console

    done = import_votes(sprint, file, phase=phase, output=output, participants=participants,
                        dry_run=dry_run)
    if format is Format.json:
        console.emit_json(done.to_json())
        return
    _show(done)


def _show(done: VotesImported) -> None:
    from rich.table import Table

    from sprintkit.engine.tally import bar, tally
    from sprintkit.i18n import language, msg
    from sprintkit.i18n.numbers import number
    from sprintkit.ui import console
    from sprintkit.ui.prompts import esc

    lang = language()
    people = (msg("votes.participants", n=done.participants) if done.participants
              else msg("votes.participants_unknown"))
    shape = msg(f"votes.shape_{done.shape}")
    console.info(msg("votes.read", rows=done.rows, file=done.file, shape=shape,
                     participants=people))
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    if done.type == "dot_vote":
        rows = tally(done.result, done.items)
        most = max((v for _, _, v in rows), default=0)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("", ratio=1)
        table.add_column(msg("votes.col_total"), justify="right", no_wrap=True)
        table.add_column("", no_wrap=True)
        for rank, item, value in rows:
            table.add_row(str(rank), esc(item), f"{value:g}", bar(value, most))
    else:
        table.title = msg("votes.matrix")
        table.title_justify = "left"
        table.add_column("", ratio=1)
        table.add_column(msg("votes.col_impact"), justify="right", no_wrap=True)
        table.add_column(msg("votes.col_effort"), justify="right", no_wrap=True)
        for item, score in done.result.items():  # averages: 4,3 in a Dutch sprint
            table.add_row(esc(item), number(score["impact"], lang), number(score["effort"], lang))
    console.out().print(table)
    if done.type == "dot_vote":
        total = sum(done.result.values())
        per = done.votes_per_person
        key, bound = ("votes.tally_total", None)
        if per is not None and done.participants:
            key, bound = "votes.tally_total_bound", per * done.participants
        console.out().print(msg(key, total=total, bound=bound))
    for w in done.warnings:
        text = msg(w["key"], **{k: v for k, v in w.items() if k not in ("key",)})
        console.warning(msg("votes.line", line=w["line"], text=text) if w["line"] else text)
    if done.written:
        console.success(msg("votes.saved", output=done.names[0], phase=done.names[1]))
    else:
        console.info(msg("votes.dry_run"))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(votes_app, name="votes", rich_help_panel=PANEL_RUN)
