"""A work form's timebox as one small value: how much time is left, paused or not, extended by
how much. Pure: no clock, no file, no terminal — every function takes ``now`` (seconds since
1970, as every process on the machine sees them) and returns a new :class:`Timebox`.

The time left is kept as *the seconds left at the last change* (``left_at``) plus *when that
change was* (``anchor``). Running, the time left is ``left_at - (now - anchor)``; paused, it is
``left_at``. A clock that goes backwards (a corrected system clock) therefore never adds time:
until the clock passes the anchor again, the timer simply stands still."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

MAX_SECONDS = 24 * 3600
"""A timer runs for at most a day, extensions included."""
MAX_LABEL = 120
SCHEMA_VERSION = 1

State = Literal["running", "paused", "up"]


class TimeboxError(ValueError):
    """A change that cannot be made; ``key`` names the message in the catalogue (``timer.*``)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class Timebox:
    label: str
    duration: int
    """Seconds asked for at the start."""
    added: int
    """Seconds added by extensions since."""
    started: float
    anchor: float
    left_at: float
    paused: bool


def clean_label(text: str | None) -> str:
    """A label fit for one line of a terminal: control characters become spaces, at most
    :data:`MAX_LABEL` characters."""
    if not text:
        return ""
    shown = "".join(ch if ch.isprintable() else " " for ch in text)
    shown = " ".join(shown.split())
    return shown if len(shown) <= MAX_LABEL else shown[: MAX_LABEL - 1] + "…"


def check_seconds(seconds: int) -> None:
    if seconds <= 0:
        raise TimeboxError("timer.too_short")
    if seconds > MAX_SECONDS:
        raise TimeboxError("timer.too_long")


def start(seconds: int, label: str | None, now: float) -> Timebox:
    check_seconds(seconds)
    return Timebox(clean_label(label), int(seconds), 0, now, now, float(seconds), False)


def left(box: Timebox, now: float) -> float:
    """Seconds left (never below 0, never more than at the last change)."""
    if box.paused:
        return max(0.0, box.left_at)
    return max(0.0, box.left_at - max(0.0, now - box.anchor))


def state(box: Timebox, now: float) -> State:
    if left(box, now) <= 0:
        return "up"
    return "paused" if box.paused else "running"


def total(box: Timebox) -> int:
    return box.duration + box.added


def pause(box: Timebox, now: float) -> Timebox:
    if box.paused:
        raise TimeboxError("timer.already_paused")
    remaining = left(box, now)
    if remaining <= 0:
        raise TimeboxError("timer.is_up")
    return replace(box, anchor=now, left_at=remaining, paused=True)


def resume(box: Timebox, now: float) -> Timebox:
    if not box.paused:
        raise TimeboxError("timer.not_paused")
    return replace(box, anchor=now, paused=False)


def extend(box: Timebox, seconds: int, now: float) -> Timebox:
    """``seconds`` more; a timer whose time is up runs again for ``seconds`` from ``now``."""
    check_seconds(seconds)
    remaining = left(box, now) + seconds
    if remaining > MAX_SECONDS or total(box) + seconds > 2 * MAX_SECONDS:
        raise TimeboxError("timer.too_long")
    return replace(box, added=box.added + int(seconds), anchor=now, left_at=remaining)


def to_data(box: Timebox) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, **asdict(box)}


def from_data(data: Any) -> Timebox:
    """A :class:`Timebox` from what a timer file holds; ``TimeboxError("timer.damaged")`` for
    anything that is not exactly that shape (wrong types, not finite, out of range)."""
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        raise TimeboxError("timer.damaged")
    fields = {k: v for k, v in data.items() if k != "schema_version"}
    if set(fields) != set(Timebox.__dataclass_fields__):
        raise TimeboxError("timer.damaged")
    label = fields["label"]
    numbers = [fields[k] for k in ("duration", "added", "started", "anchor", "left_at")]
    if (not isinstance(label, str) or len(label) > 4 * MAX_LABEL
            or not isinstance(fields["paused"], bool)
            or any(isinstance(n, bool) or not isinstance(n, int | float) or not math.isfinite(n)
                   for n in numbers)
            or not isinstance(fields["duration"], int) or not isinstance(fields["added"], int)):
        raise TimeboxError("timer.damaged")
    if not (0 < fields["duration"] <= MAX_SECONDS and 0 <= fields["added"] <= 2 * MAX_SECONDS
            and 0 <= fields["left_at"] <= MAX_SECONDS
            and 0 <= fields["started"] < 1e11 and 0 <= fields["anchor"] < 1e11):
        raise TimeboxError("timer.damaged")
    return Timebox(clean_label(label), fields["duration"], fields["added"],
                   float(fields["started"]), float(fields["anchor"]), float(fields["left_at"]),
                   fields["paused"])
