"""`sprintkit new METHOD DIR`: start a sprint folder with a commented, valid sprint.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sprintkit.commands._common import PANEL_SETUP, Lang, NoInputOpt, choose_language


def new(
    method: Annotated[
        str,
        typer.Argument(
            metavar="METHOD",
            help="Method id, e.g. experiment-sprint (see `sprintkit methods list`).",
        ),
    ],
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help="Folder for the new sprint; created when missing.")
    ],
    title: Annotated[
        str | None, typer.Option("--title", metavar="TEXT", help="Title of the sprint.")
    ] = None,
    org: Annotated[
        str | None, typer.Option("--org", metavar="NAME", help="The client organisation.")
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help="Language of the sprint's prompts and reports (default: nl).",
                     callback=choose_language),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="DATE", help="First day: 2-3-2026 or 2026-03-02.",
                     show_default=False),
    ] = None,
    facilitator: Annotated[
        list[str] | None,
        typer.Option(
            "--facilitator",
            metavar="NAME",
            help="A facilitator's name; repeat for more.",
            show_default=False,
        ),
    ] = None,
    set_values: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="KEY=VALUE",
            help="Any sprint value by dotted key, e.g. --set context.challenge='…'; repeatable. "
            "Lists as \\[a, b].",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="YAML mapping of the same keys (nested or dotted). Options and --set win over it.",
            show_default=False,
        ),
    ] = None,
    no_input: NoInputOpt = False,
) -> None:
    """Create DIR/sprint.yaml for METHOD, with comments and a schema line for your editor.

    At a terminal you are asked for what is missing.
    With --no-input (or without a terminal) a missing title is an error that says how to pass it.
    An existing sprint.yaml is never overwritten.
    """
    from sprintkit.ops.new import new_sprint
    from sprintkit.ui import console

    ask = None
    if not no_input and console.is_interactive():
        ask = _ask
    result = new_sprint(
        method,
        folder,
        title=title,
        org=org,
        lang=lang.value if lang is not None else None,
        start=start,
        facilitators=facilitator or (),
        set_values=set_values or (),
        answers=answers,
        no_input=no_input,
        ask=ask,
    )
    from sprintkit.files.textfile import display
    from sprintkit.i18n import t

    language = result.sprint.language
    console.success(t("setup.created", language, file=display(result.path),
                      method=result.method.name.get(language)))
    # one command per line, so a narrow terminal never breaks a command in two
    console.info(t("setup.next", language,
                   commands=f"\n  sprintkit methods show {result.method.id}"
                   f"\n  sprintkit agenda -s {display(result.path.parent)}"))


def _ask(question: Any) -> Any:
    """Ask one question on the terminal (stderr), checked by kind; Enter skips optional ones."""
    from rich.prompt import Prompt

    from sprintkit.i18n import msg
    from sprintkit.i18n.dates import DateError, parse_date
    from sprintkit.ui import console

    while True:
        if question.kind == "choice":

            class Choice(Prompt):
                illegal_choice_message = "[prompt.invalid.choice]" + msg("setup.pick_choice")

            return Choice.ask(
                question.prompt,
                choices=list(question.choices),
                default=question.default,
                console=console.err(),
            )
        answer = Prompt.ask(
            question.prompt,
            default=question.default or "",
            show_default=False,
            console=console.err(),
        ).strip()
        if not answer:
            if question.required:
                console.warning(msg("setup.needed_title" if question.key == "title"
                                    else "setup.needed"))
                continue
            return None
        if question.kind == "date":
            try:
                answer = parse_date(answer).isoformat()
            except DateError as exc:
                console.warning(str(exc))
                continue
        if question.kind == "list":
            return [part.strip() for part in answer.split(",") if part.strip()]
        return answer


def register(app: typer.Typer) -> None:
    """Add `new` to the root app."""
    app.command(rich_help_panel=PANEL_SETUP)(new)
