"""`sprintkit timer`: the sprint's shared timer (start, status, extend, pause, resume, stop,
follow), and the foreground countdown `sprintkit timer DURATION`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_RUN, Format, FormatOpt, LangOpt, SprintOpt

ACTIONS = ("start", "status", "add", "pause", "resume", "stop")


def timer(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ACTION] [DURATION]",
            help="start DURATION, status, add DURATION (or +DURATION), pause, resume, stop; "
            "or only DURATION (8m, 90s, 1h15m; a plain number is minutes) for a countdown "
            "in this terminal.",
            show_default=False,
        ),
    ] = None,
    label: Annotated[
        str | None,
        typer.Option("--label", metavar="TEXT", help="What the time is for."),
    ] = None,
    follow: Annotated[
        bool,
        typer.Option("--follow", help="Show the shared timer as a live countdown until it is "
                     "stopped (Ctrl-C ends it)."),
    ] = False,
    sprint: SprintOpt = Path("."),
    fmt: FormatOpt = Format.text,
    lang: LangOpt = None,
) -> None:
    """The sprint's shared timer, kept in .sprintkit/timer.json so every terminal sees it.

    `timer start 10m` starts it and returns at once; `timer` (or `timer status`) shows the
    time left; `timer +5m` (or `timer add 5m`) extends it; `timer pause`, `timer resume`,
    `timer stop`. `timer --follow` shows a live countdown that follows changes made elsewhere
    and rings the bell once when the time is up. `timer 8m` alone counts down in this terminal
    (Ctrl-C stops it, exit 130).
    """
    from sprintkit.errors import UsageError
    from sprintkit.i18n import msg

    words = list(words or [])
    action = words.pop(0) if words and words[0] in ACTIONS else None
    if action is None and words and words[0].startswith("+"):
        action = "add"
    elif action is None and words:
        if len(words) > 1 or follow:
            raise UsageError(msg("timer.bad_words"))
        _foreground(words[0], label, lang.value if lang else None, sprint)
        return
    action = action or "status"
    if len(words) != (1 if action in ("start", "add") else 0):
        raise UsageError(msg("timer.bad_words"))
    _shared(action, words[0] if words else None, label, follow, sprint, fmt, lang)


def _shared(action: str, value: str | None, label: str | None, follow: bool, sprint: Path,
            fmt: Format, lang: object) -> None:
    from sprintkit.errors import UsageError
    from sprintkit.i18n import language, msg
    from sprintkit.ops import timer as shared

    if follow and fmt is Format.json:
        raise UsageError(msg("timer.follow_json"))
    seconds = shared.seconds_of(value) if value is not None else 0
    folder = shared.folder_of(sprint)
    box = None
    if action == "start":
        box = shared.start(folder, seconds, label)
    elif action == "add":
        box = shared.add(folder, seconds)
    elif action in ("pause", "resume"):
        box = getattr(shared, action)(folder)
    elif action == "stop":
        stopped = shared.stop(folder)
        if fmt is Format.json:
            from sprintkit.ui.console import emit_json

            emit_json({"state": "none", "stopped": stopped})
        else:
            _say(msg("timer.stopped") if stopped else msg("timer.no_timer"))
        return
    if follow:
        from sprintkit.ui.timer_follow import follow as follow_timer

        follow_timer(folder, language())  # Ctrl-C: exit 130, by the CLI's boundary
        return
    _show(action, box, seconds, folder, fmt)


def _show(action: str, box: object, seconds: int, folder: Path, fmt: Format) -> None:
    from sprintkit.engine import timebox
    from sprintkit.i18n import msg
    from sprintkit.model.common import format_duration
    from sprintkit.ops import timer as shared
    from sprintkit.ui.timer_view import clock_text, status_text

    now = shared.clock()
    if action == "status":
        box = shared.read(folder)
    if fmt is Format.json:
        from sprintkit.ui.console import emit_json

        emit_json(shared.as_json(box, now))  # type: ignore[arg-type]
        return
    if not isinstance(box, timebox.Timebox):
        _say(msg("timer.no_timer"))
        return
    left = clock_text(timebox.left(box, now))
    label = msg("timer.label_sep", label=box.label) if box.label else ""
    text = {
        "start": msg("timer.started", duration=format_duration(seconds), label=label),
        "add": msg("timer.added", duration=format_duration(seconds), left=left),
        "pause": msg("timer.paused", left=left),
        "resume": msg("timer.resumed", left=left),
    }.get(action) or status_text(box, now)
    _say(text)


def _say(text: str) -> None:
    from sprintkit.ui.console import emit_text

    emit_text(text)


def _foreground(duration: str, label: str | None, lang: str | None, sprint: Path) -> None:
    """Today's `sprintkit timer 8m`: a countdown that holds this terminal."""
    from sprintkit.errors import Interrupted
    from sprintkit.ops.timer import seconds_of
    from sprintkit.ui.timer_view import clock_text, run_timer, texts

    language = lang or _sprint_language(sprint)
    seconds = seconds_of(duration)
    try:
        run_timer(seconds, label, language)
    except KeyboardInterrupt:
        raise Interrupted(
            "\n" + texts(language)["stopped_left"].format(left=clock_text(_left(seconds)))
        ) from None


def _left(seconds: int) -> float:
    from sprintkit.ui import timer_view

    return timer_view.last_left if timer_view.last_left is not None else seconds


def _sprint_language(sprint: Path) -> str:
    """The language of the sprint of ``--sprint`` (default: the current folder) if there is
    one, else that of the environment."""
    from sprintkit.i18n import language
    from sprintkit.ops.scope import speak

    speak(sprint)
    return language()


def register(app: typer.Typer) -> None:
    """Add `timer` to the root app."""
    app.command(rich_help_panel=PANEL_RUN)(timer)
