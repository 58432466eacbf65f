"""`sprintkit hypothesis add|list|show|edit|remove`: test cards with a criterion fixed before
evidence."""

from __future__ import annotations

from enum import Enum
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

hypothesis_app = typer.Typer(
    help="Hypotheses (test cards): what we believe, how we test it, and the criterion.",
    no_args_is_help=True,
)


class ListFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


ListFormatOpt = Annotated[
    ListFormat,
    typer.Option(
        "--format",
        help="text for people, json for scripts, csv for audits and spreadsheets "
        "(one row per evidence record).",
    ),
]
StatementOpt = Annotated[str, typer.Option("--statement", help="We believe that …")]
KindOpt = Annotated[
    str | None,
    typer.Option(
        "--kind",
        metavar="KIND",
        help="proportion (k of n), mean (numbers) or qualitative (quotes), or the Dutch name. "
        "Default: proportion for a percentage or a fraction between 0 and 1, else mean.",
        show_default=False,
        autocompletion=completer("hypothesis_kind"),
    ),
]
RiskOpt = Annotated[
    str | None,
    typer.Option("--risk", metavar="RISK", help="desirability, feasibility or viability (or "
                 "the Dutch name: wenselijkheid, haalbaarheid, levensvatbaarheid).",
                 show_default=False, autocompletion=completer("risk")),
]
TestOpt = Annotated[str | None, typer.Option("--test", help="To verify that, we will …")]
CriterionOpt = Annotated[
    str | None, typer.Option("--criterion", help="We are right if … (the criterion in words).")
]
ConfidenceOpt = Annotated[
    float | None,
    typer.Option(
        "--confidence", help="Confidence level of the interval (default 0.95).", show_default=False
    ),
]
MinNOpt = Annotated[
    int | None,
    typer.Option(
        "--min-n", help="Below this many observations the verdict is insufficient data.", min=1
    ),
]
OwnerOpt = Annotated[str | None, typer.Option("--owner", help="Who owns this hypothesis.")]
TitleOpt = Annotated[
    str | None,
    typer.Option("--title", help="A short title for the report's headings and contents "
                 "(default: the statement as a sentence)."),
]
ImportanceOpt = Annotated[
    int | None,
    typer.Option("--importance", min=1, max=5, help="How critical the assumption is, 1-5 "
                 "(5: the idea fails if it is wrong); places it on the assumption map."),
]
DerivedOpt = Annotated[
    str | None,
    typer.Option(
        "--derived-from", help="An earlier hypothesis: H1, or SPRINT-ID:H1 in another sprint."
    ),
]


@hypothesis_app.command("add")
def add(
    statement: StatementOpt,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            metavar="EXPR",
            help="The criterion's threshold: a comparison and a number, e.g. >=70%, >= 0.7, "
            "<=14, >3.5 (not needed for --kind qualitative).",
            show_default=False,
        ),
    ] = None,
    metric: Annotated[
        str | None, typer.Option("--metric", help="And measure … (what is counted).")
    ] = None,
    id: Annotated[
        str | None, typer.Option("--id", help="Id of the hypothesis (default: the next H1, H2, …).")
    ] = None,
    kind: KindOpt = None,
    risk: RiskOpt = None,
    test: TestOpt = None,
    criterion: CriterionOpt = None,
    confidence: ConfidenceOpt = None,
    min_n: MinNOpt = None,
    owner: OwnerOpt = None,
    derived_from: DerivedOpt = None,
    title: TitleOpt = None,
    importance: ImportanceOpt = None,
    sprint: SprintOpt = Path("."),
) -> None:
    """Add a hypothesis (test card) with its criterion, fixed before any evidence.

    Once evidence exists, changing the criterion needs a reason and is kept in its history.
    """
    from sprintkit.errors import UsageError
    from sprintkit.i18n import language, msg
    from sprintkit.ops.hypotheses import add_hypothesis
    from sprintkit.ops.scope import speak
    from sprintkit.ui import console

    kind = value_of("hypothesis_kind", kind, sprint, option="--kind")
    risk = value_of("risk", risk, sprint, option="--risk")
    if metric is None and kind != "qualitative":
        speak(sprint)
        raise UsageError(msg("hypothesis.metric_required"))
    h = add_hypothesis(
        sprint,
        statement=statement,
        metric=metric,
        target=target,
        id=id,
        kind=kind,
        risk=risk,
        test=test,
        criterion=criterion,
        confidence=confidence,
        min_n=min_n,
        owner=owner,
        derived_from=derived_from,
        title=title,
        importance=importance,
    )
    shown = f" {h.target.shown(language())}" if h.target is not None else ""
    console.success(msg("hypothesis.added", id=h.id, kind=msg(f"hypothesis.kind.{h.kind}"),
                        target=shown))


@hypothesis_app.command("edit")
def edit(
    id: Annotated[str, typer.Argument(metavar="ID", help="Id of the hypothesis, e.g. H1.")],
    statement: Annotated[str | None, typer.Option("--statement", help="We believe that …")] = None,
    metric: Annotated[str | None, typer.Option("--metric", help="And measure …")] = None,
    target: Annotated[
        str | None,
        typer.Option("--target", metavar="EXPR", help="New threshold, e.g. >=70% or <=14."),
    ] = None,
    kind: KindOpt = None,
    risk: RiskOpt = None,
    test: TestOpt = None,
    criterion: CriterionOpt = None,
    confidence: ConfidenceOpt = None,
    min_n: MinNOpt = None,
    owner: OwnerOpt = None,
    derived_from: DerivedOpt = None,
    title: TitleOpt = None,
    importance: ImportanceOpt = None,
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason",
            help="Why it changes. Required once evidence exists for target, metric, kind, "
            "criterion, confidence or min-n; kept in the history.",
        ),
    ] = None,
    sprint: SprintOpt = Path("."),
) -> None:
    """Change a hypothesis; after evidence exists, changes are kept in its history.

    Changing target, metric, kind, criterion, confidence or min-n after evidence needs --reason.
    """
    from sprintkit.i18n import msg
    from sprintkit.ops.hypotheses import edit_hypothesis
    from sprintkit.ui import console

    result = edit_hypothesis(
        sprint,
        id,
        reason=reason,
        statement=statement,
        metric=metric,
        target=target,
        kind=value_of("hypothesis_kind", kind, sprint, option="--kind"),
        risk=value_of("risk", risk, sprint, option="--risk"),
        test=test,
        criterion=criterion,
        confidence=confidence,
        min_n=min_n,
        owner=owner,
        derived_from=derived_from,
        title=title,
        importance=importance,
    )
    if not result.changed:
        console.info(msg("evidence.same_values", id=id))
        return
    fields = ", ".join("--" + f.replace("_", "-") for f in result.changed)
    key = "hypothesis.changed_kept" if result.recorded else "hypothesis.changed"
    console.success(msg(key, id=id, fields=fields))


@hypothesis_app.command("remove")
def remove(
    id: Annotated[str, typer.Argument(metavar="ID", help="Id of the hypothesis, e.g. H3.")],
    reason: Annotated[
        str | None,
        typer.Option("--reason", help="Why it goes; required when it has evidence."),
    ] = None,
    format: FormatOpt = Format.text,
    sprint: SprintOpt = Path("."),
) -> None:
    """Remove a hypothesis typed by mistake; its id is never handed out again.

    Refused when it has evidence (unless --reason is given), and when other hypotheses derive
    from it or learning cards are about it.
    """
    from sprintkit.i18n import msg
    from sprintkit.ops.corrections import remove_hypothesis
    from sprintkit.ui import console

    removed = remove_hypothesis(sprint, id, reason=reason)
    if format is Format.json:
        console.emit_json({"removed": removed.hypothesis.id,
                           "evidence": len(removed.hypothesis.evidence),
                           "actions": removed.actions})
        return
    console.success(msg("hypothesis.removed", id=removed.hypothesis.id))
    if removed.actions:
        console.warning(msg("hypothesis.actions_still_name", actions=", ".join(removed.actions),
                            id=removed.hypothesis.id))


@hypothesis_app.command("list")
def list_(
    format: ListFormatOpt = ListFormat.text,
    lang: LangOpt = None,
    sprint: SprintOpt = Path("."),
) -> None:
    """List the hypotheses with their evidence so far and their verdicts."""
    _show(sprint, None, format, lang.value if lang else None)


@hypothesis_app.command("show")
def show(
    id: Annotated[
        str | None, typer.Argument(metavar="ID", help="Id of the hypothesis (default: all).")
    ] = None,
    format: ListFormatOpt = ListFormat.text,
    lang: LangOpt = None,
    sprint: SprintOpt = Path("."),
) -> None:
    """Show a hypothesis in full: test card, evidence, verdict, history and learning cards."""
    _show(sprint, id, format, lang.value if lang else None, full=True)


def _show(
    sprint: Path, id: str | None, format: ListFormat, lang: str | None, full: bool = False
) -> None:
    from sprintkit.ui import console

    if format is ListFormat.csv:
        from sprintkit.ops.hypotheses import hypotheses_csv

        console.emit_text(hypotheses_csv(sprint, id))
        return
    if format is ListFormat.json:
        from sprintkit.ops.hypotheses import hypothesis_records

        records = hypothesis_records(sprint, id, lang)
        console.emit_json(records[0] if id else records)
        return
    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.ops.hypotheses import find
    from sprintkit.ui.evidence_view import hypothesis_card, hypothesis_table, no_hypotheses

    model = load_sprint(sprint).model
    language = lang or model.language
    if full:
        chosen = [find(model, id)] if id else model.hypotheses
        for h in chosen:
            hypothesis_card(model, h, language)
        if not chosen:
            no_hypotheses(language)
        return
    if not model.hypotheses:
        no_hypotheses(language)
        return
    hypothesis_table(model, language)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(hypothesis_app, name="hypothesis", rich_help_panel=PANEL_EVIDENCE)
