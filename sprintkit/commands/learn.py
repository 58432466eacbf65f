"""`sprintkit learn ID`: a learning card (observed → learned → therefore we will …), a decision."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_EVIDENCE, SprintOpt


class DecisionChoice(str, Enum):
    adopt = "adopt"
    adapt = "adapt"
    drop = "drop"
    retest = "retest"


def learn(
    id: Annotated[str, typer.Argument(metavar="ID", help="Id of the hypothesis, e.g. H1.")],
    observed: Annotated[str, typer.Option("--observed", help="We observed …")],
    learned: Annotated[str, typer.Option("--learned", help="From that we learned …")],
    action: Annotated[str, typer.Option("--action", help="Therefore we will …")],
    decision: Annotated[
        DecisionChoice,
        typer.Option(
            "--decision",
            help="adopt, adapt, drop or retest (doorvoeren, bijsturen, "
            "stoppen, opnieuw testen); feeds the implementation plan.",
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
    from sprintkit.ops.hypotheses import add_learning
    from sprintkit.ui import console

    done = add_learning(
        sprint,
        id,
        observed=observed,
        learned=learned,
        action=action,
        decision=decision.value,
        reason=reason,
    )
    console.success(f"{id}: learning card {done.learning.id} written (decision: {decision.value})")
    if done.against_verdict:
        console.warning(
            f"the decision to {decision.value} {id} goes against its verdict "
            f"({done.result.final}); reports show it as such, with your reason"
        )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command(rich_help_panel=PANEL_EVIDENCE)(learn)
