"""Where an indicator, team or action command acts: one sprint (``-s``) or a programme's own
lists (``--programme``). Both files hold ``team``, ``indicators`` and ``actions``; a sprint also
holds the hypotheses an action may come from.

Also the pieces those commands share: reading the programme's sprints, free text that is
pseudonymised as it enters, and numbers and dates typed on the command line."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sprintkit.errors import UsageError

if TYPE_CHECKING:
    from sprintkit.model.programme import Programme
    from sprintkit.model.sprint import Sprint
    from sprintkit.ops.programme import ChainEntry

T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    """A sprint folder or a programme folder (exactly one of the two)."""

    sprint: Path | None = None
    programme: Path | None = None

    @property
    def is_programme(self) -> bool:
        return self.programme is not None

    @property
    def what(self) -> str:
        return "programme" if self.is_programme else "sprint"

    def load(self) -> Sprint | Programme:
        from sprintkit.files.sprintfile import load_programme, load_sprint

        if self.programme is not None:
            return load_programme(self.programme).model
        return load_sprint(self.sprint).model

    def update(self, change: Callable[[Any], T]) -> T:
        """One locked, atomic, comment-preserving change of the sprint or programme file."""
        from sprintkit.files.sprintfile import update_programme, update_sprint

        if self.programme is not None:
            return update_programme(self.programme, change)
        return update_sprint(self.sprint, change)

    def folder(self) -> Path:
        from sprintkit.files.sprintfile import resolve_programme, resolve_sprint

        if self.programme is not None:
            return resolve_programme(self.programme).parent
        return resolve_sprint(self.sprint).parent


_PEEK_BYTES = 64 * 1024
_LANGUAGE_LINE = re.compile(r"^language:[ \t]*[\"']?(nl|en)\b", re.MULTILINE)


def speak(sprint: Path | None = None, programme: Path | None = None) -> None:
    """Take the language of the sprint (or programme) a command is about to change, before it
    is loaded, so that a refusal of the command line is worded in that language. A cheap look
    at the file's top-level ``language:`` (none: Dutch, the models' default); a file that
    cannot be found or read is left to the real load."""
    from sprintkit import i18n
    from sprintkit.errors import SprintkitError
    from sprintkit.files.sprintfile import resolve_programme, resolve_sprint

    try:
        path = resolve_programme(programme) if programme is not None else resolve_sprint(sprint)
        with path.open("rb") as handle:  # the top of the file: it may be huge (refused later)
            head = handle.read(_PEEK_BYTES).decode("utf-8", errors="replace")
        found = _LANGUAGE_LINE.search(head)
    except (SprintkitError, OSError):
        return
    # a file without `language:` is Dutch, as its model says once it is loaded
    i18n.found(found.group(1) if found else "nl")


def scope(sprint: Path | None = None, programme: Path | None = None) -> Scope:
    """The scope of a command: ``--programme`` or ``-s`` (default: the current folder)."""
    from sprintkit.i18n import msg

    if sprint is not None and programme is not None:
        raise UsageError(msg("indicator.scope_both"))
    if programme is not None:
        return Scope(programme=Path(programme))
    return Scope(sprint=Path(sprint) if sprint is not None else None)


def today_or(today: dt.date | None) -> dt.date:
    """``today`` when given (tests, scripts), else the clock's date."""
    return today if today is not None else dt.date.today()


def next_id(existing: Sequence[str], prefix: str) -> str:
    """The next free ``A1``, ``A2``…: one past the highest number in use."""
    numbers = [int(m.group(1)) for i in existing if (m := re.fullmatch(rf"{prefix}(\d+)", i))]
    return f"{prefix}{max(numbers, default=0) + 1}"


def id_number(ident: str) -> tuple[int, str]:
    """Sort key for ids such as A2 < A10."""
    m = re.fullmatch(r"([A-Za-z]*)(\d+)", ident)
    return (int(m.group(2)), ident) if m else (10**9, ident)


_NUMBER = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*(%?)\s*$")


def parse_number(text: str | float | int | None, option: str) -> tuple[float | None, bool]:
    """``'250'``, ``'32,5'``, ``'26%'`` -> (number, written with %); a usage error otherwise."""
    if text is None:
        return None, False
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        number = float(text)
        if not math.isfinite(number):
            from sprintkit.i18n import msg

            raise UsageError(msg("common.not_finite", option=option))
        return number, False
    match = _NUMBER.match(str(text))
    if not match:
        from sprintkit.errors import shown
        from sprintkit.i18n import msg

        raise UsageError(msg("common.not_a_number", option=option, value=shown(text, limit=24)))
    return float(match.group(1).replace(",", ".")), bool(match.group(2))


def parse_day(text: str | dt.date | None, option: str) -> dt.date | None:
    """A day typed on the command line (``2026-03-01``, ``1-3-2026``, ``01-03-2026``); ``None``
    stays ``None``; anything else is a usage error that names ``option``."""
    from sprintkit.i18n.dates import DateError, parse_date

    if text is None:
        return None
    try:
        return parse_date(text, option)
    except DateError as exc:
        raise UsageError(str(exc)) from None


def check_text(value: str | None, option: str) -> None:
    if value is not None and not value.strip():
        from sprintkit.i18n import msg

        raise UsageError(msg("evidence.option_empty", option=option))


def cleaner(model: Any, folder: Path) -> Callable[[str], Any]:
    """Pseudonymise free text as it enters (as evidence notes are): names from the sprint's key
    file when it has one, and e-mail addresses, phone numbers, postcodes, IBANs and BSNs
    always (:func:`sprintkit.ops.keyfile.sprint_cleaner`)."""
    from sprintkit.ops.keyfile import sprint_cleaner

    return sprint_cleaner(model, folder)


# --- a programme's sprints -----------------------------------------------------------------


def programme_sprints(programme_dir: Path) -> list[ChainEntry]:
    """The programme's sprints in order (:func:`sprintkit.ops.programme.load_chain`); one that
    cannot be read carries its problem instead, so the other sprints are still shown."""
    from sprintkit.ops.programme import load_chain

    return load_chain(programme_dir, methods=False)[1]
