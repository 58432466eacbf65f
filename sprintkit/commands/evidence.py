"""`sprintkit evidence add`: record observations against a hypothesis."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_EVIDENCE, SprintOpt

evidence_app = typer.Typer(
    help="Evidence: counts, numbers and quotes recorded against a hypothesis.",
    no_args_is_help=True,
)


class EvidenceType(str, Enum):
    interview = "interview"
    survey = "survey"
    observation = "observation"
    behaviour = "behaviour"
    document = "document"


@evidence_app.command("add")
def add(
    id: Annotated[str, typer.Argument(metavar="ID", help="Id of the hypothesis, e.g. H1.")],
    successes: Annotated[
        int | None,
        typer.Option(
            "--successes",
            metavar="K",
            help="K: observations that meet the metric (with --trials).",
            min=0,
        ),
    ] = None,
    trials: Annotated[
        int | None,
        typer.Option(
            "--trials", metavar="N", help="N: observations in total (with --successes).", min=1
        ),
    ] = None,
    value: Annotated[
        list[float] | None,
        typer.Option(
            "--value",
            metavar="X",
            help="A measured value (repeat for several), for a mean hypothesis.",
        ),
    ] = None,
    values_file: Annotated[
        Path | None,
        typer.Option(
            "--values-file",
            metavar="FILE.csv",
            help="A CSV file with the values in a column (',' or ';', decimal comma allowed).",
            dir_okay=False,
        ),
    ] = None,
    column: Annotated[
        str | None,
        typer.Option(
            "--column",
            metavar="NAME",
            help="The column of --values-file to read: header name or number.",
        ),
    ] = None,
    quote: Annotated[
        str | None,
        typer.Option(
            "--quote", metavar="TEXT", help="A quote or short story (pseudonymised on entry)."
        ),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Where it came from (no client names).")
    ] = None,
    type: Annotated[
        EvidenceType | None,
        typer.Option(
            "--type",
            help="What people do (behaviour, observation) weighs more than "
            "what they say (interview, survey).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="When it was observed, YYYY-MM-DD (default: today).",
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note for the record.")] = None,
    sprint: SprintOpt = Path("."),
) -> None:
    """Record evidence against a hypothesis; several records accumulate.

    Give a count (--successes K --trials N), values (--value X … or --values-file FILE.csv),
    or a quote (--quote TEXT).
    """
    from sprintkit.engine.evidence import verdict_label
    from sprintkit.ops.hypotheses import add_evidence
    from sprintkit.ui import console
    from sprintkit.ui.evidence_view import result_cell

    added = add_evidence(
        sprint,
        id,
        successes=successes,
        trials=trials,
        values=value,
        values_file=values_file,
        column=column,
        quote=quote,
        source=source,
        type=type.value if type else None,
        date=date,
        note=note,
    )
    r = added.result
    what = ""
    if added.column is not None:
        what = f" ({added.values_read} values from column {added.column!r})"
    console.success(f"{id}: evidence {added.evidence.id} recorded{what}")
    for note_text in added.notes:
        console.info(f"  {note_text}")
    if added.replaced:
        console.info(f"  {added.replaced} identifier(s) in the quote were pseudonymised")
    console.info(f"  {id} now: {result_cell(r, 'en')} → {verdict_label(r.verdict, 'en')}")
    if r.override and r.override != r.verdict:
        console.warning(
            f"{id} has a facilitator's verdict ({r.override}); the computed verdict is now "
            f"{r.verdict}. Review it with `sprintkit verdict {id}`."
        )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(evidence_app, name="evidence", rich_help_panel=PANEL_EVIDENCE)
