"""`sprintkit evidence add|edit|remove`: record observations against a hypothesis, and correct
them (with a reason, kept in the history)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sprintkit.commands._common import PANEL_EVIDENCE, Format, FormatOpt, SprintOpt, value_of
from sprintkit.vocabulary import completer

evidence_app = typer.Typer(
    help="Evidence: counts, numbers and quotes recorded against a hypothesis.",
    no_args_is_help=True,
)


TYPES = "interview, survey, observation, behaviour or document (or its Dutch name)"


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
        str | None,
        typer.Option(
            "--type",
            metavar="TYPE",
            help=f"{TYPES}. What people do (behaviour, observation) weighs more than "
            "what they say (interview, survey).",
            show_default=False,
            autocompletion=completer("evidence_type"),
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
    from sprintkit.i18n import language, msg
    from sprintkit.ops.evidence import add_evidence
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
        type=value_of("evidence_type", type, sprint, option="--type"),
        date=date,
        note=note,
    )
    r = added.result
    lang = language()
    what = ""
    if added.column is not None:
        what = msg("evidence.values_from_column", count=added.values_read,
                   column=repr(added.column))
    console.success(msg("evidence.added", hid=id, eid=added.evidence.id, what=what))
    for note_text in added.notes:
        console.info(f"  {note_text}")
    if added.replaced:
        console.info("  " + msg("evidence.quote_pseudonymised", count=added.replaced))
    console.info("  " + msg("evidence.now", hid=id, result=result_cell(r, lang),
                            verdict=verdict_label(r.verdict, lang)))
    _warn_cards(id, added.cards_against)
    if r.override and r.override != r.verdict:
        console.warning(msg("evidence.override_differs", hid=id,
                            override=verdict_label(r.override, lang),
                            computed=verdict_label(r.verdict, lang)))


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
        str | None, typer.Option("--type", metavar="TYPE", help=f"What kind of observation: "
                                 f"{TYPES}.", show_default=False,
                                 autocompletion=completer("evidence_type"))
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

    kind = value_of("evidence_type", type, sprint, option="--type")
    done = edit_evidence(sprint, hid, eid, reason=reason, successes=successes, trials=trials,
                         values=value, quote=quote, source=source, type=kind, date=date,
                         note=note)
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
    from sprintkit.i18n import language, msg
    from sprintkit.ops.hypotheses import option_of
    from sprintkit.ui import console
    from sprintkit.ui.evidence_view import result_cell

    r = done.result
    lang = language()
    if format is Format.json:
        console.emit_json({"hypothesis": done.hypothesis, "evidence": done.evidence_id,
                           "changed": done.changed, "before": done.before,
                           "after": done.after, "result": r.to_json(),
                           "cards_against": done.cards_against})
        return
    hid, eid = done.hypothesis, done.evidence_id
    if not done.changed:
        console.info(msg("evidence.nothing_changed", hid=hid, eid=eid))
        return
    if done.after is None:
        console.success(msg("evidence.removed", hid=hid, eid=eid))
    else:
        console.success(msg("evidence.changed", hid=hid, eid=eid,  # the options as typed
                            fields=", ".join(option_of(f) for f in done.changed)))
    if done.after is not None and not done.quote:  # a quote is story text: never echoed
        console.info("  " + msg("evidence.was_now", before=done.before, after=done.after))
    if done.pseudonymised:
        console.info("  " + msg("evidence.pseudonymised", count=done.pseudonymised))
    console.info("  " + msg("evidence.now", hid=hid, result=result_cell(r, lang),
                            verdict=verdict_label(r.verdict, lang)))
    _warn_cards(hid, done.cards_against)


def _warn_cards(hid: str, cards: list[str]) -> None:
    """Warn about learning cards whose decision now goes against the verdict, with no reason."""
    if not cards:
        return
    from sprintkit.i18n import msg
    from sprintkit.ui import console

    console.warning(msg("rejudge.against", hid=hid, cards=", ".join(cards)))
    console.info(f"  {msg('rejudge.hint', card=cards[0])}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(evidence_app, name="evidence", rich_help_panel=PANEL_EVIDENCE)
