"""`sprintkit verdict [ID]`: honest verdicts from the evidence, and a facilitator's override."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import (
    PANEL_EVIDENCE,
    Format,
    FormatOpt,
    LangOpt,
    SprintOpt,
    value_of,
)
from sprintkit.vocabulary import completer


def verdict(
    id: Annotated[
        str | None, typer.Argument(metavar="ID", help="Id of a hypothesis (default: all).")
    ] = None,
    override: Annotated[
        str | None,
        typer.Option(
            "--override",
            metavar="VERDICT",
            help="Give the facilitator's verdict: supported, refuted or inconclusive (or the "
            "Dutch name: ondersteund, weerlegd, onbeslist); needs ID and --reason; the computed "
            "verdict is kept beside it.",
            show_default=False,
            autocompletion=completer("override"),
        ),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option("--reason", help="Why the facilitator's verdict is what it is (required)."),
    ] = None,
    clear_override: Annotated[
        bool,
        typer.Option(
            "--clear-override", help="Withdraw the facilitator's verdict (needs --reason)."
        ),
    ] = False,
    by: Annotated[
        str | None, typer.Option("--by", help="Who gives the facilitator's verdict.")
    ] = None,
    format: FormatOpt = Format.text,
    lang: LangOpt = None,
    sprint: SprintOpt = Path("."),
) -> None:
    """Compute verdicts: k/n or mean, interval, P(meets target), verdict, needed n, strength.

    Supported when the whole interval meets the target, refuted when none of it does.

    --override records a facilitator's verdict; without --reason it is refused (exit 2).

    JSON: one object when ID is given, else a list.
    """
    from sprintkit.engine.evidence import verdict_label
    from sprintkit.errors import UsageError
    from sprintkit.i18n import language as current
    from sprintkit.i18n import msg
    from sprintkit.ops import verdicts as ops
    from sprintkit.ops.scope import speak
    from sprintkit.ui import console

    language = lang.value if lang else None
    speak(sprint)
    override = value_of("override", override, sprint, option="--override")
    if override is not None or clear_override:
        if id is None:
            raise UsageError(msg("evidence.verdict.name_it"))
        if override is not None and clear_override:
            raise UsageError(msg("evidence.verdict.not_both"))
        if clear_override:
            ops.clear_override(sprint, id, reason=reason)
            console.success(msg("evidence.verdict.withdrawn", hid=id))
        else:
            assert override is not None
            r = ops.override_verdict(sprint, id, override=override, reason=reason, by=by)
            console.success(msg("evidence.verdict.recorded", hid=id,
                                final=verdict_label(r.final, current()),
                                computed=verdict_label(r.verdict, current())))
        results = ops.verdicts(sprint, id, language)
    else:
        if reason is not None or by is not None:
            raise UsageError(msg("evidence.verdict.reason_alone"))
        results = ops.verdicts(sprint, id, language)

    if format is Format.json:
        data = [r.to_json() for r in results]
        console.emit_json(data[0] if id else data)
        return
    from sprintkit.ui.evidence_view import no_hypotheses, verdict_table

    shown = language or current()  # the sprint's language: ops.verdicts has just read it
    if not results:
        no_hypotheses(shown)
        return
    verdict_table(results, shown)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command(rich_help_panel=PANEL_EVIDENCE)(verdict)
