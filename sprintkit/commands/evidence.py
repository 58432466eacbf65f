"""`sprintkit evidence add|edit|remove`: record observations against a hypothesis, and correct
them (with a reason, kept in the history)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from sprintkit.commands._common import PANEL_EVIDENCE, Format, FormatOpt, SprintOpt

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
            metavar="DATE",
            help="When it was observed: 2-3-2026 or 2026-03-02 (default: today).",
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
    from sprintkit.i18n import language
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
    console.info(f"  {id} now: {result_cell(r, language())} → {verdict_label(r.verdict, 'en')}")
    if r.override and r.override != r.verdict:
        console.warning(
            f"{id} has a facilitator's verdict ({r.override}); the computed verdict is now "
            f"{r.verdict}. Review it with `sprintkit verdict {id}`."
        )


ReasonOpt = Annotated[
    str, typer.Option("--reason", help="Why (required); kept in the hypothesis's history and "
                      "shown with its verdict.")]
HidArg = Annotated[str, typer.Argument(metavar="HID", help="Id of the hypothesis, e.g. H1.")]
EidArg = Annotated[str, typer.Argument(metavar="EID", help="Id of the evidence, e.g. E2.")]


@evidence_app.command("edit")
def edit(
    hid: HidArg,
    eid: EidArg,
    reason: ReasonOpt,
    successes: Annotated[
        int | None, typer.Option("--successes", metavar="K", min=0, help="The right K.")
    ] = None,
    trials: Annotated[
        int | None, typer.Option("--trials", metavar="N", min=1, help="The right N.")
    ] = None,
    value: Annotated[
        list[float] | None,
        typer.Option("--value", metavar="X", help="The right values (repeat; replaces all)."),
    ] = None,
    quote: Annotated[
        str | None, typer.Option("--quote", metavar="TEXT", help="The right quote "
                                 "(pseudonymised on entry).")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Where it came from.")] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DATE",
                                 help="When it was observed: 2-3-2026 or 2026-03-02.")
    ] = None,
    type: Annotated[
        EvidenceType | None, typer.Option("--type", help="What kind of observation.",
                                          show_default=False)
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note for the record.")] = None,
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """Correct an evidence record (a wrong count, value, quote, date or source).

    Needs --reason; the old and new record are kept in the history and the verdict names the
    change.
    """
    from sprintkit.ops.corrections import edit_evidence

    done = edit_evidence(sprint, hid, eid, reason=reason, successes=successes, trials=trials,
                         values=value, quote=quote, source=source,
                         type=type.value if type else None, date=date, note=note)
    _changed(done, format)


@evidence_app.command("remove")
def remove(
    hid: HidArg,
    eid: EidArg,
    reason: ReasonOpt,
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """Remove an evidence record; it stays in the history with the reason, its id unused."""
    from sprintkit.ops.corrections import remove_evidence

    _changed(remove_evidence(sprint, hid, eid, reason=reason), format)


def _changed(done: Any, format: Format) -> None:
    from sprintkit.engine.evidence import verdict_label
    from sprintkit.i18n import language
    from sprintkit.ui import console
    from sprintkit.ui.evidence_view import result_cell

    r = done.result
    if format is Format.json:
        console.emit_json({"hypothesis": done.hypothesis, "evidence": done.evidence_id,
                           "changed": done.changed, "before": done.before,
                           "after": done.after, "result": r.to_json()})
        return
    if not done.changed:
        console.info(f"{done.hypothesis} {done.evidence_id}: nothing changed")
        return
    what = "removed" if done.after is None else f"changed ({', '.join(done.changed)})"
    console.success(f"{done.hypothesis}: evidence {done.evidence_id} {what}; kept in its history")
    if done.after is not None and not done.before.startswith("quote:"):  # no story text
        console.info(f"  was {done.before}; now {done.after}")
    if done.pseudonymised:
        console.info(f"  {done.pseudonymised} identifier(s) pseudonymised")
    console.info(f"  {done.hypothesis} now: {result_cell(r, language())} → "
                 f"{verdict_label(r.verdict, 'en')}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(evidence_app, name="evidence", rich_help_panel=PANEL_EVIDENCE)
