"""Writes that never leave a half-written file: temporary file in the same folder, flush,
fsync, atomic replace, then fsync of the folder."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from sprintkit.errors import SprintkitError
from sprintkit.i18n import msg


def write_atomic(path: Path, data: str | bytes | Iterable[str], *, mode: int | None = None,
                 inside: Path | None = None) -> None:
    """Replace ``path`` with ``data`` in one step. Keeps the existing file's permissions.

    ``data`` may be a stream of text pieces (an export): they are written as they come, and
    when the stream fails the temporary file is removed and ``path`` is left as it was.

    Never writes through a symbolic link: ``path`` must not be one, nor (when it lies inside the
    folder ``inside``, such as the sprint folder) any folder on the way to it. The temporary file
    is created exclusively and without following links."""
    from sprintkit.files.safepath import check_write

    path = Path(path)
    folder = path.parent
    check_write(path, inside)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SprintkitError(msg("files.cannot_create_folder", folder=folder,
                                 reason=exc.strerror)) from None
    pieces: Iterable[str | bytes] = (data,) if isinstance(data, (str, bytes)) else data
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise SprintkitError(msg("files.cannot_write_in", folder=folder,
                                 reason=exc.strerror)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        check_write(path, inside)  # a link made while we wrote
        _replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise SprintkitError(msg("files.cannot_write", path=path,
                                     reason=exc.strerror)) from None
        raise
    _fsync_dir(folder)


def _replace(tmp: str, path: Path) -> None:
    """``os.replace``; on Windows a file that another program has open for a moment (a virus
    scanner, a sync client, an editor reading it) refuses it, so try again for a second."""
    attempts = 20 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05)


def _fsync_dir(folder: Path) -> None:
    """Make the replace itself durable (POSIX). Windows cannot open a folder as a file; its
    file system journals the rename itself."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_leftovers(path: Path) -> int:
    """Delete temporary files that an earlier, killed :func:`write_atomic` of ``path`` left in
    its folder; returns how many. Only call this while holding the lock that every writer of
    ``path`` takes (then no temporary file of ``path`` can belong to a live writer)."""
    removed = 0
    try:
        candidates = list(path.parent.glob(f".{path.name}.*.tmp"))
    except OSError:
        return 0
    for leftover in candidates:
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed

