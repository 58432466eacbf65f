"""One writer per sprint at a time: a lock on ``.sprintkit.lock`` in the sprint folder.

The lock itself is the operating system's, the one the ``filelock`` library takes: ``flock`` on
the whole file on Linux and macOS, ``LockFileEx`` on the file's first byte on Windows. So it
contends with any filelock user of the same file (tested both ways). On Windows filelock takes
it (``lock_descriptor``); on Linux and macOS, where filelock's lock is this one ``flock`` call,
sprintkit makes the call itself: importing filelock (its logging, threading state and settings)
costs about a tenth of the start-up budget of every command that writes. The operating system
releases the lock when the holder dies (even with ``kill -9``), so a stale lock file never
blocks anyone; the file only records who holds it, for the message. sprintkit opens the file
itself, never through a link, and locks only the open descriptor."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sprintkit.errors import LockBusy, SprintkitError
from sprintkit.i18n import msg

LOCK_NAME = ".sprintkit.lock"
STORIES_LOCK_NAME = ".sprintkit-stories.lock"
"""The story database's writers' lock: an import holds it from before it creates the database
until after it has removed it again (a failed first import), so no other writer ever writes into
a database file that is being removed. The sprint file's lock stays free meanwhile."""
POLL = 0.05
HOLDER_AT = 1
"""Where the holder's details start: on Windows the first byte is the one locked, and no other
process can read it while the lock is held."""


def _host() -> str:
    """This machine's name, for the lock's note of who holds it (``os.uname`` where there is one:
    the socket module costs milliseconds at every command's start)."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    import socket

    return socket.gethostname()


def _timeout() -> float:
    try:
        return float(os.environ.get("SPRINTKIT_LOCK_TIMEOUT", "10"))
    except ValueError:
        return 10.0


@contextlib.contextmanager
def locked(folder: Path, timeout: float | None = None, name: str = LOCK_NAME) -> Iterator[None]:
    """Hold the sprint folder's write lock (or, by ``name``, another lock of that folder); wait
    up to ``timeout`` seconds (default: the ``SPRINTKIT_LOCK_TIMEOUT`` environment variable,
    else 10), then fail clearly."""
    lock_descriptor, unlock_descriptor = descriptor_lock()
    path = folder / name
    wait = _timeout() if timeout is None else timeout
    fd = _open_lock(path)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(lock_descriptor, fd, path):
            if time.monotonic() >= deadline:
                raise LockBusy(_busy_message(path), hint=msg("files.lock_busy_hint", path=path))
            time.sleep(POLL)
        _write_holder(fd)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, HOLDER_AT)
            unlock_descriptor(fd)
    finally:
        os.close(fd)


CONTENDED = frozenset({errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK})
"""What ``flock`` says when another holds the lock (some file systems say EACCES)."""


def descriptor_lock() -> tuple[Callable[..., bool], Callable[[int], None]]:
    """(lock, unlock) of an open descriptor, as filelock's ``lock_descriptor`` and
    ``unlock_descriptor``: ``lock(fd, blocking=False)`` is True when taken, False when another
    holds it, and raises OSError when the file system cannot lock."""
    try:
        import fcntl
    except ImportError:  # Windows
        from filelock import lock_descriptor, unlock_descriptor

        return lock_descriptor, unlock_descriptor

    def flock(fd: int, blocking: bool = False) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except OSError as exc:
            if exc.errno in CONTENDED:
                return False
            raise
        return True

    def unflock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    return flock, unflock


def _try_lock(lock_descriptor: Callable[..., bool], fd: int, path: Path) -> bool:
    """One attempt; a folder whose file system cannot lock (some network shares) is refused
    with the reason instead of being written without a lock."""
    try:
        return bool(lock_descriptor(fd, blocking=False))
    except OSError as exc:
        raise SprintkitError(msg("files.lock_open", path=path,
                                 reason=exc.strerror or str(exc))) from None


def _write_holder(fd: int) -> None:
    """Who holds the lock, after the first byte: process, start time, host, command."""
    holder = {
        "pid": os.getpid(),
        "since": datetime.now().isoformat(timespec="seconds"),
        "host": _host(),
        "command": " ".join(
            os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv[:3])
        ),
    }
    with contextlib.suppress(OSError):  # the details are for the message only
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, b"\n" + json.dumps(holder).encode())


def _open_lock(path: Path) -> int:
    """Open (or create) the lock file without following a link: a cloned or unpacked folder can
    carry a ``.sprintkit.lock`` that is a link to another file, which must never be emptied."""
    import stat

    from sprintkit.files.safepath import refuse_link

    hint = msg("files.lock_link_hint")
    refuse_link(path, "lock file", hint)
    flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
             | getattr(os, "O_BINARY", 0))
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
    holder = _read_holder(path)
    who = msg("files.lock_process", pid=holder.get("pid", "?"))
    if holder.get("command"):
        who += f" ({holder['command']})"
    since = " " + msg("files.lock_since", since=holder["since"]) if holder.get("since") else ""
    return msg("files.lock_busy", folder=path.parent, who=who, since=since)


def _read_holder(path: Path) -> dict[str, Any]:
    """The holder's details: the whole file, or (where the holder's lock keeps the first byte
    from being read, on Windows) from the second byte on; empty when unreadable."""
    for start in (0, HOLDER_AT):
        try:
            with path.open("rb") as handle:
                handle.seek(start)
                text = handle.read(4096).decode("utf-8", "replace").strip()
        except OSError:
            continue
        try:
            holder = json.loads(text or "{}")
        except ValueError:
            return {}
        return holder if isinstance(holder, dict) else {}
    return {}
