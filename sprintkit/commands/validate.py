"""`sprintkit validate PATH...`: check sprint, method, programme and work-form files."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_FILES


class ValidateFormat(str, Enum):
    """Output of `validate`: the shared text and json, plus annotations for GitHub Actions."""

    text = "text"
    json = "json"
    github = "github"


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Sprint folders, sprint.yaml, method, programme or work-form files "
            "(default: the current folder).",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            help="text for people, json for scripts, github for annotations in GitHub Actions "
            "(::error file=…,line=…,col=…::message).",
        ),
    ] = ValidateFormat.text,
) -> None:
    """Check files and report every problem as file:line:column. Exit 1 when any is invalid."""
    from sprintkit.errors import SprintkitError
    from sprintkit.i18n import msg
    from sprintkit.ops.validate import github_annotation, validate_paths
    from sprintkit.ui import console

    reports = validate_paths(list(paths or [Path(".")]))
    problems = [p for r in reports for p in r.problems]
    warnings = [w for r in reports for w in r.warnings]
    if format is ValidateFormat.json:
        console.emit_json([p.to_json() for p in problems]
                          + [{**w.to_json(), "level": "warning"} for w in warnings])
    elif format is ValidateFormat.github:
        for report in reports:
            if report.ok:
                console.success(msg("validate.valid", file=report.file,
                                    kind=msg(f"validate.kind.{report.kind}")))
        for problem in problems:
            console.emit_text(github_annotation(problem))
        for warning in warnings:
            console.emit_text(github_annotation(warning, "warning"))
    else:
        for report in reports:
            if report.ok:
                console.success(msg("validate.valid", file=report.file,
                                    kind=msg(f"validate.kind.{report.kind}")))
            for problem in report.problems:
                console.out().print(str(problem), markup=False, highlight=False, soft_wrap=True)
            for warning in report.warnings:
                console.warning(str(warning))
    if problems:
        bad = sum(1 for r in reports if not r.ok)
        files = msg("validate.files_one" if len(reports) == 1 else "validate.files_many",
                    n=len(reports))
        raise SprintkitError(msg("validate.invalid", bad=bad, files=files,
                                 problems=msg("validate.problems_one" if len(problems) == 1
                                              else "validate.problems_many", n=len(problems))))


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel=PANEL_FILES)(validate)
