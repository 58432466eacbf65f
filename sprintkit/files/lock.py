"""One writer per sprint at a time: an advisory lock on ``.sprintkit.lock`` in the sprint folder.

The operating system releases the lock when the holder dies (even with ``kill -9``), so a stale
lock file never blocks anyone; the file only records who holds it, for the message."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sprintkit.errors import LockBusy, SprintkitError
from sprintkit.i18n import msg

LOCK_NAME = ".sprintkit.lock"


def _timeout() -> float:
    try:
        return float(os.environ.get("SPRINTKIT_LOCK_TIMEOUT", "10"))
    except ValueError:
        return 10.0


@contextlib.contextmanager
def locked(folder: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the sprint folder's write lock; wait up to ``timeout`` seconds, then fail clearly."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: atomic replace still protects the file
        yield
        return
    path = folder / LOCK_NAME
    wait = _timeout() if timeout is None else timeout
    fd = _open_lock(path)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockBusy(_busy_message(path),
                                   hint=msg("files.lock_busy_hint", path=path)) from None
                time.sleep(0.05)
        holder = {
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
            "host": socket.gethostname(),
            "command": " ".join(
                os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv[:3])
            ),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _open_lock(path: Path) -> int:
    """Open (or create) the lock file without following a link: a cloned or unpacked folder can
    carry a ``.sprintkit.lock`` that is a link to another file, which must never be emptied."""
    import stat

    from sprintkit.files.safepath import refuse_link

    hint = msg("files.lock_link_hint")
    refuse_link(path, "lock file", hint)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        refuse_link(path, "lock file", hint)  # made a link in the meantime: ELOOP
        raise SprintkitError(msg("files.lock_open", path=path, reason=exc.strerror)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        os.close(fd)
        raise SprintkitError(msg("files.lock_not_plain", path=path),
                             hint=msg("files.lock_not_plain_hint"))
    return fd


def _busy_message(path: Path) -> str:
    try:
        holder = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        holder = {}
    who = msg("files.lock_process", pid=holder.get("pid", "?"))
    if holder.get("command"):
        who += f" ({holder['command']})"
    since = " " + msg("files.lock_since", since=holder["since"]) if holder.get("since") else ""
    return msg("files.lock_busy", folder=path.parent, who=who, since=since)
