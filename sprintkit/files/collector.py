"""When Python's cyclic garbage collector runs.

Two moments make many objects and no garbage: a command's start (the imports, and pydantic
building the model classes) and the building of a big file's data or a document. The collector
would scan the growing heap again and again in both. :func:`gc_paused` pauses it around the
second; :func:`hold_while_starting` holds it off from the first moment of a command until the
command has used a second of processor time (a command a facilitator types in a session is done
long before; a live session, a walkthrough or a big import then runs with the collector as
usual). Memory is the same: nothing in either moment is garbage held in a cycle."""

from __future__ import annotations

import atexit
import gc
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_state = {"held": False, "paused": 0}


def _wanted() -> bool:
    return not _state["held"] and not _state["paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the collector while a file's data or a document is built: reading a big sprint
    makes a hundred thousand objects that hold no cycles, and the collector would scan the
    growing heap again and again (half the reading time of a 1.6 MB sprint, a third of the time
    of a report with 8,000 hypotheses). It runs again afterwards, also when the work fails."""
    enabled = gc.isenabled() or _state["held"]
    gc.disable()
    _state["paused"] += 1
    try:
        yield
    finally:
        _state["paused"] -= 1
        if enabled and _wanted():
            gc.enable()


def hold_while_starting(cpu_seconds: float = 1.0) -> bool:
    """Hold the collector off until this process has used ``cpu_seconds`` of processor time,
    then let it run again (where the platform has such a timer and nothing else uses it).
    Returns whether it is held."""
    setitimer = getattr(signal, "setitimer", None)
    if setitimer is None or not gc.isenabled():
        return False
    if signal.getsignal(signal.SIGPROF) not in (signal.SIG_DFL, None):
        return False  # a profiler's: leave it alone
    try:
        signal.signal(signal.SIGPROF, _let_go)
    except ValueError:  # not the main thread
        return False
    _state["held"] = True
    gc.disable()
    setitimer(signal.ITIMER_PROF, cpu_seconds)
    atexit.register(_disarm)
    return True


def _disarm() -> None:
    """At exit, before Python gives every signal back its default action: a timer still armed
    then would end the process with "Profiling timer expired" as it finishes."""
    signal.setitimer(signal.ITIMER_PROF, 0)


def _let_go(signum: int, frame: Any) -> None:
    """The command has run for its second: the collector runs as usual from now on (at once when
    no pause is on)."""
    _state["held"] = False
    signal.signal(signal.SIGPROF, signal.SIG_DFL)
    if _wanted():
        gc.enable()
