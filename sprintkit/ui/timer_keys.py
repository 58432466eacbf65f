"""The shared timer inside the walkthrough: every prompt shows the time left in a status line
above it, and a line typed as ``:timer 10m``, ``:+5m``, ``:pauze``/``:pause``,
``:hervat``/``:resume`` or ``:stop`` changes the timer and asks the same prompt again.

It hooks into :func:`sprintkit.ui.prompts.line` (every prompt of the walkthrough reads through
it), so nothing writes into the line being typed: the status is printed only *before* a prompt.
It is shown when something changed (started, paused, extended, time up) or at least
:data:`EVERY` seconds after it was last shown. When the time has run out, the next prompt
rings the bell once and shows "⏱ tijd is om". A line that merely starts with ``:`` (``:-)``)
is an answer like any other."""

from __future__ import annotations

import re
import time
from pathlib import Path

from sprintkit.ui.console import out

EVERY = 15.0
"""Seconds after which the status line is shown again at a prompt, even if nothing changed."""

_ADD = re.compile(r"^:(?:timer\s+)?\+\s*(\S+)$")
_START = re.compile(r"^:timer(?:\s+(\S+))?$")
_WORDS = {":pauze": "pause", ":pause": "pause", ":hervat": "resume", ":resume": "resume",
          ":stop": "stop"}


def command_of(text: str) -> tuple[str, str | None] | None:
    """What a typed line asks of the timer: ``("start", "10m")``, ``("add", "5m")``,
    ``("status", None)``, ``("pause"|"resume"|"stop", None)``; ``None`` for an answer."""
    typed = " ".join(text.split()).casefold()
    if not typed.startswith(":"):
        return None
    if typed in _WORDS:
        return _WORDS[typed], None
    match = _ADD.match(typed)
    if match:
        return "add", match.group(1)
    match = _START.match(typed)
    if match:
        return ("start", match.group(1)) if match.group(1) else ("status", None)
    return None


class TimerKeys:
    """The hook of :func:`sprintkit.ui.prompts.line` for the sprint in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.rung: tuple[float, int] | None = None
        self.last: tuple[object, ...] | None = None
        self.last_at = 0.0
        self.warned = False

    def before(self) -> None:
        """Print the status line above the coming prompt (when there is a timer)."""
        from sprintkit.engine import timebox
        from sprintkit.errors import SprintkitError
        from sprintkit.ops import timer as shared
        from sprintkit.ui.timer_view import bell, status_text

        try:
            box = shared.read(self.folder)
        except SprintkitError as exc:
            if not self.warned:
                self.warned = True
                self._say(exc.message, exc.hint, bad=True)
            return
        if box is None:
            self.last = None
            return
        now = shared.clock()
        state = timebox.state(box, now)
        key = (state, box.started, timebox.total(box), box.label)
        moment = time.monotonic()
        if state == "up" and self.rung != key[1:3]:
            self.rung = (box.started, timebox.total(box))
            bell()
        elif key == self.last and moment - self.last_at < EVERY:
            return
        self.last, self.last_at = key, moment
        style = "bold" if state == "up" else "dim"
        out().print(f"[{style}]{_esc(status_text(box, now))}[/{style}]")

    def handle(self, text: str) -> bool:
        """Carry out a timer command; ``True`` when ``text`` was one (ask the prompt again)."""
        from sprintkit.errors import SprintkitError

        command = command_of(text)
        if command is None:
            return False
        try:
            self._do(*command)
        except SprintkitError as exc:
            self._say(exc.message, exc.hint, bad=True)
        self.last = None  # show the new state at the prompt asked again
        return True

    def _do(self, action: str, value: str | None) -> None:
        from sprintkit.i18n import msg
        from sprintkit.model.common import format_duration
        from sprintkit.ops import timer as shared
        from sprintkit.ui.timer_view import clock_text

        if action == "status":
            if shared.read(self.folder) is None:
                self._say(msg("timer.no_timer"))
            return
        if action == "stop":
            shared.stop(self.folder)
            self._say(msg("timer.stopped"))
            return
        if action in ("start", "add"):
            seconds = shared.seconds_of(value or "")
            if action == "start":
                self.start(seconds, None)
                return
            box = shared.add(self.folder, seconds)
            left = clock_text(box.left_at)
            self._say(msg("timer.added", duration=format_duration(seconds), left=left))
            return
        box = shared.pause(self.folder) if action == "pause" else shared.resume(self.folder)
        self._say(msg(f"timer.{action}d", left=clock_text(box.left_at)))

    def start(self, seconds: int, label: str | None) -> None:
        from sprintkit.i18n import msg
        from sprintkit.model.common import format_duration
        from sprintkit.ops import timer as shared

        box = shared.start(self.folder, seconds, label)
        shown = msg("timer.label_sep", label=box.label) if box.label else ""
        self._say(msg("timer.started", duration=format_duration(seconds), label=shown))
        self._say(msg("timer.keys"), dim=True)

    def _say(self, text: str, hint: str | None = None, *, bad: bool = False,
             dim: bool = False) -> None:
        line = f"[red]✗[/red] {_esc(text)}" if bad else _esc(text)
        if hint:
            line += f" [dim]({_esc(hint)})[/dim]"
        out().print(f"[dim]{line}[/dim]" if dim else line)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


_active: list[TimerKeys] = []


def install(sprint: Path | None) -> TimerKeys | None:
    """Make every prompt show the timer of ``sprint`` and take timer commands."""
    from sprintkit.errors import SprintkitError
    from sprintkit.files.sprintfile import resolve_sprint
    from sprintkit.ui import prompts

    try:
        folder = resolve_sprint(sprint).parent
    except SprintkitError:
        return None  # the walkthrough says what is wrong with --sprint
    keys = TimerKeys(folder)
    _active[:] = [keys]
    prompts.hook = keys
    return keys


def uninstall() -> None:
    from sprintkit.ui import prompts

    _active.clear()
    prompts.hook = None


def start_offered(name: str, seconds: int) -> bool:
    """Start the shared timer for a work form the walkthrough offered; ``False`` when no
    walkthrough is listening (then the caller counts down in the foreground)."""
    from sprintkit.errors import SprintkitError

    if not _active:
        return False
    try:
        _active[0].start(seconds, name)
    except SprintkitError as exc:
        _active[0]._say(exc.message, exc.hint, bad=True)
    return True
