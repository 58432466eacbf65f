"""`sprintkit learn ID`: a learning card (observed → learned → therefore we will …), a decision;
`sprintkit learn edit|remove LID` to correct one. ``learn ID …`` is short for ``learn add ID …``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from sprintkit.commands._common import (
    PANEL_EVIDENCE,
    Format,
    FormatOpt,
    SprintOpt,
    value_of,
)
from sprintkit.vocabulary import completer

SUBCOMMANDS = ("add", "edit", "remove")


class _AddByDefault(TyperGroup):
    """``sprintkit learn H1 --observed …`` (the way learning cards were always written) means
    ``sprintkit learn add H1 --observed …``; ``edit`` and ``remove`` are subcommands."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in SUBCOMMANDS and args[0] not in ("--help", "-h"):
            args = ["add", *args]
        return super().parse_args(ctx, args)


learn_app = typer.Typer(
    cls=_AddByDefault,
    help="Learning cards (observed → learned → therefore we will …) with a decision: "
    "`sprintkit learn H1 --observed … --learned … --action … --decision …` writes one; "
    "edit and remove correct one.",
    no_args_is_help=True,
)


@learn_app.command("add")
def learn(
    id: Annotated[str, typer.Argument(metavar="ID", help="Id of the hypothesis, e.g. H1.")],
    observed: Annotated[str, typer.Option("--observed", help="We observed …")],
    learned: Annotated[str, typer.Option("--learned", help="From that we learned …")],
    action: Annotated[str, typer.Option("--action", help="Therefore we will …")],
    decision: Annotated[
        str,
        typer.Option(
            "--decision",
            metavar="DECISION",
            help="adopt, adapt, drop or retest (doorvoeren, bijsturen, "
            "stoppen, opnieuw testen); feeds the implementation plan.",
            autocompletion=completer("decision"),
        ),
    ],
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason",
            help="Why; required when the decision goes against the verdict "
            "(adopting a refuted hypothesis, dropping a supported one).",
        ),
    ] = None,
    sprint: SprintOpt = Path("."),
) -> None:
    """Write a learning card (observed → learned → therefore we will …) with a decision.

    A decision against the verdict needs --reason, is warned about and is shown in reports.
    """
    from sprintkit.engine.evidence import decision_label, verdict_label
    from sprintkit.i18n import language, msg
    from sprintkit.ops.learnings import add_learning
    from sprintkit.ui import console

    decided = value_of("decision", decision, sprint, option="--decision")

    done = add_learning(
        sprint,
        id,
        observed=observed,
        learned=learned,
        action=action,
        decision=decided,
        reason=reason,
    )
    lang = language()
    chosen = decision_label(decided, lang)
    console.success(msg("evidence.learn.written", hid=id, lid=done.learning.id, decision=chosen))
    if done.against_verdict:
        console.warning(msg("evidence.learn.against", decision=chosen, hid=id,
                            verdict=verdict_label(done.result.final, lang)))


LidArg = Annotated[str, typer.Argument(metavar="LID", help="Id of the learning card, e.g. L2.")]


@learn_app.command("edit")
def edit(
    lid: LidArg,
    observed: Annotated[str | None, typer.Option("--observed", help="We observed …")] = None,
    learned: Annotated[str | None, typer.Option("--learned", help="From that we learned …")] = None,
    action: Annotated[str | None, typer.Option("--action", help="Therefore we will …")] = None,
    decision: Annotated[
        str | None,
        typer.Option("--decision", metavar="DECISION", help="adopt, adapt, drop or retest "
                     "(doorvoeren, bijsturen, stoppen, opnieuw testen).", show_default=False,
                     autocompletion=completer("decision")),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option("--reason", help="Why; required when the decision goes against the "
                     "verdict (unless the card has a reason already)."),
    ] = None,
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """Correct a learning card; a decision against the verdict still needs a reason."""
    from sprintkit.engine.evidence import decision_label, verdict_label
    from sprintkit.i18n import language, msg
    from sprintkit.ops.corrections import edit_learning
    from sprintkit.ui import console

    decided = value_of("decision", decision, sprint, option="--decision")
    done = edit_learning(sprint, lid, observed=observed, learned=learned, action=action,
                         decision=decided, reason=reason)
    card = done.learning
    if format is Format.json:
        console.emit_json({"learning": card.model_dump(mode="json", exclude_none=True),
                           "changed": done.changed})
        return
    if not done.changed:
        console.info(msg("evidence.same_values", id=card.id))
        return
    console.success(msg("evidence.changed_fields", id=card.id,
                        fields=", ".join(f"--{f}" for f in done.changed)))
    if card.against_verdict and done.result is not None:
        lang = language()
        console.warning(msg("evidence.learn.against_edited", hid=card.hypothesis,
                            decision=decision_label(card.decision or "", lang),
                            verdict=verdict_label(done.result.final, lang)))


@learn_app.command("remove")
def remove(
    lid: LidArg,
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """Remove a learning card; its id is never handed out again."""
    from sprintkit.i18n import msg
    from sprintkit.ops.corrections import remove_learning
    from sprintkit.ui import console

    card = remove_learning(sprint, lid)
    if format is Format.json:
        console.emit_json({"removed": card.id, "hypothesis": card.hypothesis})
        return
    console.success(msg("evidence.learn.removed", lid=card.id))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(learn_app, name="learn", rich_help_panel=PANEL_EVIDENCE)
