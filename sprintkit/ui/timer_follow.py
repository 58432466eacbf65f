"""``sprintkit timer --follow``: the shared timer as a live countdown, for a second terminal or
the projector. It re-reads the timer file every tick, so a pause, an extension or a new timer
made elsewhere (the walkthrough, ``sprintkit timer +5m``) shows at once. When the time runs out
it rings the bell once and shows "Tijd is om" on its own line; it ends when the timer is
stopped (exit 0) or on Ctrl-C (the command turns that into exit 130).

``sleep`` is a module attribute, the clock is :data:`sprintkit.ops.timer.clock`: tests follow a
timer on a fake clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sprintkit.ui.console import out

sleep: Callable[[float], None] = time.sleep
TICK = 0.25


def follow(folder: Path, lang: str, *, tick: float = TICK) -> None:
    """Follow the timer of the sprint in ``folder`` until it is stopped."""
    from sprintkit.engine import timebox
    from sprintkit.i18n import t
    from sprintkit.ops import timer as shared
    from sprintkit.ui.timer_view import status_text

    stream = out().file
    live = stream.isatty()
    box = shared.read(folder)
    if box is None:
        raise shared.none_error()
    rung: tuple[float, int] | None = None
    shown = ""
    coarse: tuple[object, ...] | None = None
    try:
        while box is not None:
            now = shared.clock()
            state = timebox.state(box, now)
            if state == "up" and rung != (box.started, timebox.total(box)):
                rung = (box.started, timebox.total(box))
                label = t("timer.label_sep", lang, label=box.label) if box.label else ""
                if live and shown:  # the message takes the countdown's place, no 0:01 left over
                    stream.write("\r" + " " * len(shown) + "\r")
                shown = ""
                stream.write("\a" + t("timer.times_up", lang, label=label) + "\n")
            text = status_text(box, now, lang)
            if live:
                stream.write("\r" + text + " " * max(0, len(shown) - len(text)))
                shown = text
            else:
                key = (state, box.started, timebox.total(box), box.label)
                if key != coarse:
                    stream.write(text + "\n")
                    coarse = key
            stream.flush()
            sleep(tick)
            box = shared.read(folder)
    finally:
        _end_line(stream, live, shown)
        stream.flush()
    out().print(t("timer.stopped", lang))


def _end_line(stream: object, live: bool, shown: str) -> None:
    if live and shown:
        stream.write("\n")  # type: ignore[attr-defined]
