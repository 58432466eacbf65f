"""The foreground countdown of ``sprintkit timer DURATION``: a rich progress bar, the time
left, and a bell when the time is up; and the one-line status of the shared timer (``⏱ 7:42
over``) that the walkthrough and ``timer --follow`` show.

The clock and the sleep are module attributes (and arguments), so tests run a 25-minute timer
in an instant."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sprintkit.ui.console import out

if TYPE_CHECKING:
    from sprintkit.engine.timebox import Timebox

clock: Callable[[], float] = time.monotonic
sleep: Callable[[float], None] = time.sleep
last_left: float | None = None
"""Seconds left when the last countdown ended (for the "stopped with … left" message)."""

def texts(lang: str) -> dict[str, str]:
    """The few words of the foreground countdown, in ``lang``."""
    from sprintkit.i18n import t

    return {key: t(f"timer.{key}", lang) for key in ("up", "stopped_left", "title")}


def clock_text(seconds: float) -> str:
    """``1:05:09``, ``8:00`` or ``0:42`` (rounded up, so 0:00 shows only at the end)."""
    whole = max(0, int(-(-seconds // 1)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass(frozen=True)
class TimerResult:
    """How a countdown ended: ``finished``, or stopped with ``left`` seconds to go."""

    finished: bool
    left: float


def run_timer(
    seconds: int,
    label: str | None = None,
    lang: str = "en",
    *,
    clock_fn: Callable[[], float] | None = None,
    sleep_fn: Callable[[float], None] | None = None,
    tick: float = 0.25,
    catch: bool = False,
) -> TimerResult:
    """Count down ``seconds`` with a progress bar; ring the bell at the end.

    Ctrl-C stops the countdown: with ``catch`` it returns how much was left, otherwise the
    :class:`KeyboardInterrupt` goes on (after the bar is closed cleanly)."""
    from rich.progress import BarColumn, Progress, TextColumn

    from sprintkit.model.common import format_duration

    global last_left
    now = clock_fn or clock
    wait = sleep_fn or sleep
    words = texts(lang)
    title = label or f"{words['title']} {format_duration(seconds)}"
    console = out()
    start = now()
    left: float = float(seconds)
    columns: list[Any] = [
        TextColumn("{task.description}", markup=False),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[left]}", justify="right"),
    ]
    progress = Progress(*columns, console=console, auto_refresh=False, get_time=now,
                        expand=True)
    try:
        with progress:
            task = progress.add_task(title, total=max(seconds, 1), left=clock_text(seconds))
            while True:
                left = max(0.0, seconds - (now() - start))
                last_left = left
                progress.update(task, completed=seconds - left, left=clock_text(left))
                progress.refresh()
                if left <= 0:
                    break
                wait(min(tick, left))
    except KeyboardInterrupt:
        left = max(0.0, seconds - (now() - start))
        last_left = left
        if not catch:
            raise
        console.print(words["stopped_left"].format(left=clock_text(left)))
        return TimerResult(False, left)
    bell()
    console.print(f"[bold]{words['up']}[/bold]: {_esc(title)}")
    return TimerResult(True, 0.0)


def status_text(box: Timebox, now: float, lang: str | None = None) -> str:
    """``⏱ 7:42 over · Aannamekaart``, ``… gepauzeerd …`` or ``⏱ tijd is om …``."""
    from sprintkit.engine import timebox
    from sprintkit.i18n import language, t

    lang = lang or language()
    label = t("timer.label_sep", lang, label=box.label) if box.label else ""
    state = timebox.state(box, now)
    return t(f"timer.status_{state}", lang, left=clock_text(timebox.left(box, now)), label=label)


def bell() -> None:
    """The terminal bell, written as is (rich leaves control codes out on dumb terminals)."""
    stream = out().file
    stream.write("\a")
    stream.flush()


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)
