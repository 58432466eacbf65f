"""`sprintkit timer DURATION`: a countdown for a timeboxed work form."""

from __future__ import annotations

from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_RUN, LangOpt


def timer(
    duration: Annotated[
        str,
        typer.Argument(
            metavar="DURATION",
            help="How long: e.g. 8m, 90s, 1h15m (a plain number is minutes).",
        ),
    ],
    label: Annotated[
        str | None,
        typer.Option("--label", metavar="TEXT", help="What the time is for, shown by the bar."),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Count down with a progress bar and ring the bell when the time is up.

    Ctrl-C stops the timer (exit 130).
    """
    from sprintkit.errors import Interrupted, UsageError
    from sprintkit.model.common import parse_duration
    from sprintkit.ui.timer_view import clock_text, run_timer, texts

    try:
        seconds = parse_duration(duration)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if seconds <= 0:
        raise UsageError("a timer needs a duration of at least 1 second, e.g. 90s or 8m")
    if seconds > 24 * 3600:
        raise UsageError("a timer runs for at most 24 hours")
    language = lang.value if lang else _sprint_language()
    try:
        run_timer(seconds, label, language)
    except KeyboardInterrupt:
        raise Interrupted(
            "\n" + texts(language)["stopped"].format(left=clock_text(_left(seconds)))
        ) from None


def _left(seconds: int) -> float:
    from sprintkit.ui import timer_view

    return timer_view.last_left if timer_view.last_left is not None else seconds


def _sprint_language() -> str:
    """The language of the sprint in the current folder, else English."""
    from pathlib import Path

    if not Path("sprint.yaml").is_file():
        return "en"
    from sprintkit.errors import SprintkitError
    from sprintkit.files.sprintfile import load_sprint

    try:
        return load_sprint(Path(".")).model.language
    except SprintkitError:
        return "en"


def register(app: typer.Typer) -> None:
    """Add `timer` to the root app."""
    app.command(rich_help_panel=PANEL_RUN)(timer)
