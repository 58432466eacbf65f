"""`sprintkit indicator add|record|list|show`: outcomes against a baseline and a target."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import (
    PANEL_PROGRAMME,
    Format,
    FormatOpt,
    LangOpt,
    ProgrammeOpt,
    ScopeSprintOpt,
    value_of,
)
from sprintkit.vocabulary import completer

indicator_app = typer.Typer(
    help="Indicators: outcomes monitored against a baseline and a target, period by period.",
    no_args_is_help=True,
)


IdArg = Annotated[str, typer.Argument(metavar="ID", help="Id of the indicator, e.g. uhp or I1.")]
PERIOD_FORMS = "2026 (a year), 2026-H1 (a half-year), 2026-Q3 (a quarter) or 2026-05 (a month)"


@indicator_app.command("add")
def add(
    id: IdArg,
    name: Annotated[str, typer.Option("--name", help="What is measured, in words.")],
    direction: Annotated[
        str, typer.Option("--direction", metavar="DIRECTION", help="Which way is better: "
                          "increase or decrease (or the Dutch name: hoger is beter, lager is "
                          "beter).", show_default=False, autocompletion=completer("direction"))
    ],
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="e.g. 'kinderen per jaar', 'dagen', '%'.", show_default=False),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            autocompletion=completer("indicator_kind"),
            help="count: adds up over time (placements a year; compared pro rata over periods "
            "of another length); value: an average or level (compared as is); rate: a numerator "
            "out of a denominator, in percent. Default: rate for a unit such as %, else not "
            "said (then only periods as long as the baseline's are compared). The Dutch names "
            "(aantal, waarde, percentage) are accepted too.",
            show_default=False,
        ),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", metavar="X", help="The value before the change, e.g. 250 "
                     "or 20%.", show_default=False),
    ] = None,
    baseline_period: Annotated[
        str | None,
        typer.Option("--baseline-period", metavar="P",
                     help=f"The period the baseline covers: {PERIOD_FORMS}.",
                     show_default=False),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option("--target", metavar="X", help="The value to reach.", show_default=False),
    ] = None,
    target_period: Annotated[
        str | None,
        typer.Option("--target-period", metavar="P", help="The period the target is for.",
                     show_default=False),
    ] = None,
    frequency: Annotated[
        str | None, typer.Option("--frequency", help="How often it is measured.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Where the numbers come from.")
    ] = None,
    description: Annotated[
        str | None, typer.Option("--description", help="What exactly is counted, and how.")
    ] = None,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Add an indicator with its baseline and target.

    A baseline needs the period it covers; a rate's baseline and target are percentages.
    """
    from sprintkit.engine.indicators import kind_of, label, shown
    from sprintkit.i18n import language, msg
    from sprintkit.ops.indicators import add_indicator
    from sprintkit.ui import console

    better = value_of("direction", direction, sprint, programme, option="--direction")
    kind = value_of("indicator_kind", kind, sprint, programme, option="--kind")
    ind = add_indicator(
        sprint, programme=programme, id=id, name=name, direction=better, unit=unit,
        kind=kind, baseline=baseline, baseline_period=baseline_period,
        target=target, target_period=target_period, frequency=frequency, source=source,
        description=description,
    )
    resolved, _ = kind_of(ind)
    lang = language()
    parts = [label(resolved, lang) if resolved else msg("indicator.kind_not_given"),
             msg(f"indicator.view.{ind.direction}")]
    if ind.baseline is not None:
        parts.append(msg("indicator.baseline_in", value=shown(ind.baseline, resolved, lang),
                         period=ind.baseline_period))
    if ind.target is not None:
        goal = shown(ind.target, resolved, lang)
        parts.append(msg("indicator.target_in", value=goal, period=ind.target_period)
                     if ind.target_period else msg("indicator.target_is", value=goal))
    console.success(msg("indicator.added", id=ind.id, parts="; ".join(parts)))
    if resolved is None:
        console.info("  " + msg("indicator.kind_hint"))


@indicator_app.command("record")
def record(
    id: IdArg,
    period: Annotated[
        str, typer.Option("--period", metavar="P", help=f"The period measured: {PERIOD_FORMS}.")
    ],
    value: Annotated[
        str | None,
        typer.Option("--value", metavar="X", help="The value over the period (a rate may be "
                     "given as 32.5%).", show_default=False),
    ] = None,
    numerator: Annotated[
        float | None,
        typer.Option("--numerator", metavar="K", help="A rate's numerator: how many of the "
                     "denominator, e.g. 65 children kept at home.", show_default=False),
    ] = None,
    denominator: Annotated[
        float | None,
        typer.Option("--denominator", metavar="N", help="A rate's denominator, counted over the "
                     "same period, e.g. 200 children considered.", show_default=False),
    ] = None,
    denominator_period: Annotated[
        str | None,
        typer.Option("--denominator-period", metavar="P", help="When the denominator was "
                     "counted over another period: then no rate is computed.",
                     show_default=False),
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Where it comes from.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A remark (pseudonymised).")] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Correct the measurement of a period already "
                           "recorded.")
    ] = False,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Record a measurement: a value, or a numerator out of a denominator of the same period.

    Refused, with nothing written: a rate across periods, and a rate on a count indicator.
    """
    from sprintkit.i18n import language, msg
    from sprintkit.ops.indicators import record_measurement
    from sprintkit.ui import console
    from sprintkit.ui.indicator_view import recorded_lines

    rec = record_measurement(
        sprint, id, programme=programme, period=period, value=value, numerator=numerator,
        denominator=denominator, denominator_period=denominator_period, source=source,
        note=note, replace=replace,
    )
    head, notes = recorded_lines(rec, language())
    console.success(head)
    for line in notes:
        console.info(f"  {line}")
    if rec.pseudonymised:
        console.info("  " + msg("indicator.note_pseudonymised", count=rec.pseudonymised))


@indicator_app.command("list")
def list_(
    format: FormatOpt = Format.text,
    lang: LangOpt = None,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """List the indicators: baseline, target, latest measurement and how it compares.

    With --programme: the programme's own indicators, then each sprint's.
    """
    _show(None, format, lang.value if lang else None, sprint, programme)


@indicator_app.command("show")
def show(
    id: Annotated[
        str | None, typer.Argument(metavar="ID", help="Id of the indicator (default: all).")
    ] = None,
    format: FormatOpt = Format.text,
    lang: LangOpt = None,
    sprint: ScopeSprintOpt = None,
    programme: ProgrammeOpt = None,
) -> None:
    """Show an indicator in full: every measurement against baseline and target, with notes."""
    _show(id, format, lang.value if lang else None, sprint, programme, full=True)


def _show(id: str | None, format: Format, lang: str | None, sprint: Path | None,
          programme: Path | None, full: bool = False) -> None:
    from sprintkit.ops.indicators import indicator_listing
    from sprintkit.ui import console

    listing = indicator_listing(sprint, programme=programme, id=id, lang=lang)
    if format is Format.json:
        records = listing.to_json()
        console.emit_json(records[0] if id else records)
        return
    from sprintkit.i18n import t
    from sprintkit.ui.indicator_view import indicator_card, indicator_list

    if not full:
        indicator_list(listing)
        return
    trends = [tr for group in listing.groups for tr in group.trends]
    for tr in trends:
        indicator_card(tr, listing.lang)
    if not trends:
        console.info(t("indicator.view.no_indicators", listing.lang))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(indicator_app, name="indicator", rich_help_panel=PANEL_PROGRAMME)
