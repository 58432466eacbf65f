"""One exception family for everything sprintkit refuses to do, each with its exit code.

The CLI's single error boundary (``sprintkit.cli``) prints these to stderr and exits with
``exit_code``. Documented exit codes:

* 0 — success
* 1 — the input is invalid or a check failed (:class:`SprintkitError` and most subclasses)
* 2 — wrong usage of the command line (:class:`UsageError`, and Click's own usage errors)
* 70 — an unexpected internal error (a bug; ``--debug`` shows the traceback)
* 130 — interrupted with Ctrl-C (:class:`Interrupted`); everything already given is saved

No third-party imports here: every layer may import this module.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One located problem in a user file. ``line`` and ``column`` are 1-based (0 = unknown)."""

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str | None = None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        if data["hint"] is None:
            del data["hint"]
        return data

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        text = f"{where}: {self.path + ': ' if self.path else ''}{self.message}"
        if self.hint:
            from sprintkit.i18n import msg

            text += f"\n  {msg('common.hint')} {self.hint}"
        return text


def _may_identify(text: str) -> bool:
    """Whether a value could hold an identifier or story text: an ``@``; six or more digits in
    a row, even with spaces, hyphens, dots or slashes between them (a phone number, BSN, IBAN —
    but not a date such as 2026-03-02); four digits and two letters (a postcode); or several
    words with letters (a name, a sentence)."""
    import re

    if "@" in text:
        return True
    if re.search(r"[1-9]\d{3}[\s\-]?[A-Za-z]{2}(?![A-Za-z])", text):
        return True
    for chain in re.findall(r"\d(?:[\s./\-\u2010-\u2015\u2212]*\d){5,}", text):
        if not re.fullmatch(r"\d{1,4}([-/.])\d{1,2}\1\d{1,4}", chain):
            return True
    words = text.split()
    return len(words) > 1 and any(c.isalpha() for c in text)


def shown(value: object, *, limit: int = 60, none: str | None = None) -> str:
    """A value as a message quotes it — never what could identify someone or tell a story.

    A mapping or list is named only by its kind. Text (or a number) that could hold an
    identifier or story text (see :func:`_may_identify`: e-mail addresses, digit runs, postcodes,
    several words), or is longer than ``limit`` characters, is described, not quoted: ``a value
    of 23 characters (not shown)``. Anything else is quoted. Used for every value a message
    repeats (located YAML problems, answer checks, CSV cells), so nothing typed that could
    identify someone ends up in a terminal or CI log. The words are in the language of the
    work at hand; ``none`` replaces the words for a missing value (null)."""
    from sprintkit.i18n import msg

    if isinstance(value, dict):
        return msg("files.shown_mapping")
    if isinstance(value, list):
        return msg("files.shown_list")
    if value is None:
        return none if none is not None else msg("files.shown_null")
    if isinstance(value, bool):
        return repr(value)
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit or _may_identify(text):
        size = len(text)
        return msg("files.shown_hidden_one" if size == 1 else "files.shown_hidden", size=size)
    return repr(value)


class SprintkitError(Exception):
    """Something the user can fix. ``message`` is shown as is; ``hint`` says how to fix it."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(SprintkitError):
    """The command line itself is wrong (conflicting or missing options)."""

    exit_code = EXIT_USAGE


class InvalidFile(SprintkitError):
    """A user file has one or more problems; all of them are listed, each with its location."""

    def __init__(self, problems: list[Problem], message: str | None = None) -> None:
        self.problems = list(problems)
        files = sorted({p.file for p in self.problems})
        if message is None:
            from sprintkit.i18n import msg

            count = len(self.problems)
            message = msg("files.problems_one" if count == 1 else "files.problems",
                          count=count, files=", ".join(files))
        summary = message
        super().__init__(summary)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class NotFound(SprintkitError):
    """A path, sprint, method, hypothesis or other named thing does not exist."""


class LockBusy(SprintkitError):
    """Another process is writing the same sprint."""


class EditConflict(SprintkitError):
    """The file changed on disk in a way sprintkit cannot merge with its own change."""


class MissingInput(SprintkitError):
    """Running without a terminal (or with ``--no-input``) and something required has no value."""

    def __init__(self, missing: list[str], how: str, head: str | None = None) -> None:
        self.missing = list(missing)
        from sprintkit.i18n import msg

        lines = "\n".join(f"  - {m}" for m in self.missing)
        if head:
            super().__init__(f"{head}\n{lines}", hint=how)
        else:
            super().__init__(msg("files.missing_input", lines=lines), hint=how)


class Interrupted(SprintkitError):
    """Ctrl-C. Answers already given are saved before this is raised."""

    exit_code = EXIT_INTERRUPTED
