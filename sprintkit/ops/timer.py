"""The shared timer of a sprint: one small file, ``.sprintkit/timer.json`` in the sprint folder,
so that the walkthrough, ``sprintkit timer`` in another terminal and ``timer --follow`` on the
projector all see (and change) the same timer.

Every change re-reads the file under the sprint folder's lock and writes it atomically; the
logic itself is :mod:`sprintkit.engine.timebox`. ``clock`` is a module attribute so tests can
run a timer on a fake clock."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sprintkit.engine import timebox
from sprintkit.engine.timebox import Timebox, TimeboxError
from sprintkit.errors import SprintkitError, UsageError

TIMER_FILE = Path(".sprintkit") / "timer.json"
MAX_BYTES = 16 * 1024

clock: Callable[[], float] = time.time


def folder_of(sprint: Path | None) -> Path:
    """The sprint folder of ``--sprint`` (a folder or its sprint.yaml, which must exist).
    Loads the sprint when it reads, so messages speak its language; a sprint file that does
    not validate does not stop the timer."""
    from sprintkit.files.sprintfile import load_sprint, resolve_sprint

    path = resolve_sprint(sprint)
    try:
        load_sprint(path)
    except SprintkitError:
        pass
    return path.parent


def path_of(folder: Path) -> Path:
    return folder / TIMER_FILE


def _shown(folder: Path) -> str:
    return TIMER_FILE.as_posix()


def _damaged(folder: Path) -> SprintkitError:
    from sprintkit.i18n import msg

    return SprintkitError(msg("timer.damaged", file=_shown(folder)),
                          hint=msg("timer.damaged_hint"))


def read(folder: Path) -> Timebox | None:
    """The timer, or ``None`` when none is running. A damaged, oversized, hostile or unreadable
    file is a clear :class:`SprintkitError` (its content is never shown)."""
    path = path_of(folder)
    if path.is_symlink():
        raise _damaged(folder)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError:
        raise _damaged(folder) from None
    if len(raw) > MAX_BYTES:
        raise _damaged(folder)
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
        return timebox.from_data(data)
    except (ValueError, RecursionError, TimeboxError):
        raise _damaged(folder) from None


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _write(folder: Path, box: Timebox) -> None:
    from sprintkit.files.atomic import write_atomic

    text = json.dumps(timebox.to_data(box), ensure_ascii=False, indent=1) + "\n"
    write_atomic(path_of(folder), text, inside=folder)


def _change(folder: Path, how: Callable[[Timebox | None, float], Timebox]) -> Timebox:
    from sprintkit.files.lock import locked

    with locked(folder):
        current = read(folder)
        try:
            box = how(current, clock())
        except TimeboxError as exc:
            raise _refused(exc) from None
        _write(folder, box)
        return box


def _refused(exc: TimeboxError) -> SprintkitError:
    from sprintkit.i18n import msg

    usage = exc.key in ("timer.too_short", "timer.too_long")
    hint = _HINTS.get(exc.key)
    return (UsageError if usage else SprintkitError)(msg(exc.key),
                                                     hint=msg(hint) if hint else None)


_HINTS = {"timer.is_up": "timer.is_up_hint", "timer.none": "timer.none_hint"}


def _needs(current: Timebox | None) -> Timebox:
    if current is None:
        raise TimeboxError("timer.none")
    return current


def seconds_of(text: str) -> int:
    """A duration as typed (``8m``, ``90s``, ``1h15m``, a number of minutes) -> seconds, within
    a timer's bounds; :class:`UsageError` otherwise."""
    from sprintkit.i18n import msg
    from sprintkit.model.common import parse_duration

    try:
        seconds = parse_duration(text.strip().lstrip("+"))
        timebox.check_seconds(seconds)
    except TimeboxError as exc:
        raise UsageError(msg(exc.key)) from None
    except ValueError:
        raise UsageError(msg("timer.bad_duration")) from None
    return seconds


def start(folder: Path, seconds: int, label: str | None = None) -> Timebox:
    """A new timer; it replaces the one running, if any (also a damaged timer file)."""
    from sprintkit.files.lock import locked

    try:
        box = timebox.start(seconds, label, clock())
    except TimeboxError as exc:
        raise _refused(exc) from None
    with locked(folder):
        _write(folder, box)
    return box


def add(folder: Path, seconds: int) -> Timebox:
    return _change(folder, lambda current, now: timebox.extend(_needs(current), seconds, now))


def pause(folder: Path) -> Timebox:
    return _change(folder, lambda current, now: timebox.pause(_needs(current), now))


def resume(folder: Path) -> Timebox:
    return _change(folder, lambda current, now: timebox.resume(_needs(current), now))


def stop(folder: Path) -> bool:
    """Remove the timer (also a damaged timer file); ``False`` when there was none."""
    from sprintkit.files.lock import locked

    path = path_of(folder)
    with locked(folder):
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        except OSError:
            raise _damaged(folder) from None
    return True


def none_error() -> SprintkitError:
    return _refused(TimeboxError("timer.none"))


def as_json(box: Timebox | None, now: float) -> dict[str, Any]:
    """The timer for ``--format json`` (English keys, whole seconds)."""
    import datetime as dt
    import math

    if box is None:
        return {"state": "none"}
    return {
        "state": timebox.state(box, now),
        "label": box.label,
        "left": math.ceil(timebox.left(box, now)),
        "duration": box.duration,
        "added": box.added,
        "total": timebox.total(box),
        "started": dt.datetime.fromtimestamp(box.started, dt.timezone.utc)
        .isoformat(timespec="seconds"),
    }
