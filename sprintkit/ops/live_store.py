"""Saving what a live session collects (``sprintkit serve``) into the sprint, many people at once.

Every contribution becomes a change to the sprint model applied inside
:func:`sprintkit.files.sprintfile.update_sprint` (the folder's lock, a fresh read so hand edits
and a ``run`` in another terminal are kept, validation, a comment-preserving merge, an atomic
replace). Forty-five phones sending at once would queue forty-five transactions; instead the
changes waiting at a moment are applied together in one transaction (a group commit): the first
caller to find no transaction under way runs one for everything queued, the others wait for it.
Each caller learns whether *its* change was saved: a change that is refused (an item removed by
hand meanwhile) fails alone, a transaction that fails (the file broken by hand) fails them all,
and nothing of a failed change is counted."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import EditConflict

if TYPE_CHECKING:
    from sprintkit.model.sprint import Sprint

ATTEMPTS = 3
"""Transactions tried when the file keeps changing on disk (each already retries the change
three times on a fresh read)."""

Change = Callable[["Sprint"], Any]


@dataclass
class _Ticket:
    change: Change
    done: bool = False
    error: BaseException | None = None
    result: Any = None


@dataclass
class GroupCommit:
    """Applies queued changes to the sprint at ``path`` in as few transactions as possible."""

    path: Path
    transactions: int = 0
    changes: int = 0
    _cv: threading.Condition = field(default_factory=threading.Condition)
    _queue: list[_Ticket] = field(default_factory=list)
    _busy: bool = False

    def apply(self, change: Change) -> Any:
        """Apply ``change`` (a function of the sprint model) in a transaction; returns what it
        returned, or raises what it (or the transaction) raised."""
        ticket = _Ticket(change)
        with self._cv:
            self._queue.append(ticket)
            while not ticket.done and self._busy:
                self._cv.wait()
            if ticket.done:
                return _outcome(ticket)
            self._busy = True
            batch, self._queue = self._queue, []
        try:
            self._run(batch)
        finally:
            with self._cv:
                self._busy = False
                self._cv.notify_all()
        return _outcome(ticket)

    def _run(self, batch: list[_Ticket]) -> None:
        from sprintkit.files.sprintfile import update_sprint

        def change(model: Sprint) -> None:
            for ticket in batch:  # again from the start when the file changed meanwhile
                ticket.error = None
                try:
                    ticket.result = ticket.change(model)
                except Exception as exc:  # noqa: BLE001 - one refused change fails alone
                    ticket.error = exc

        for attempt in range(ATTEMPTS):
            try:
                update_sprint(self.path, change)
                self.transactions += 1
                self.changes += sum(t.error is None for t in batch)
                break
            except EditConflict as exc:  # saved by hand again and again: a moment later
                if attempt + 1 < ATTEMPTS:
                    time.sleep(0.1 * (attempt + 1))
                    continue
                _fail(batch, exc)
            except Exception as exc:  # noqa: BLE001 - the transaction failed: all with it
                _fail(batch, exc)
                break
        for ticket in batch:
            ticket.done = True


def _fail(batch: list[_Ticket], exc: BaseException) -> None:
    for ticket in batch:
        ticket.error = exc


def _outcome(ticket: _Ticket) -> Any:
    if ticket.error is not None:
        raise ticket.error
    return ticket.result
