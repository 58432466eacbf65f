"""Usage errors (an unknown option, a missing argument, a value of the wrong kind) in the language
of the work at hand.

Click and Typer build these messages in English, at raise time, without a translation hook.
When one reaches the error boundary (:class:`sprintkit.cli._Boundary`), :func:`install` puts
:func:`show` in the place of Typer's ``rich_format_error``: it prints the same usage line, help
hint and error panel, with every known English message read back into its parts and written
out again from the catalogue (``usage.*``). A message this module does not know (such as a
sprintkit message already in the right language) is shown unchanged. Exit codes stay Click's
(2). Only this error path imports rich; a normal run pays nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sprintkit.i18n import msg

_NAME = r"(?P<name>'[^']*'(?: / '[^']*')*)"

#: Whole messages: pattern → catalogue key. Named groups fill the placeholders; ``reason``,
#: ``possible`` and ``suggest`` are translated further below.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"No such option: (?P<name>\S+)(?: \(Possible options: (?P<possible>.+)\))?",
         "usage.no_such_option"),
        (rf"Missing argument {_NAME}\.(?: (?P<rest>.+))?", "usage.missing_argument"),
        (rf"Missing option {_NAME}\.(?: (?P<rest>.+))?", "usage.missing_option"),
        (rf"Missing parameter {_NAME}\.(?: (?P<rest>.+))?", "usage.missing_parameter"),
        (rf"Invalid value for {_NAME}: (?P<reason>.+)", "usage.invalid_value_for"),
        (r"Invalid value: (?P<reason>.+)", "usage.invalid_value"),
        (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)", "usage.extra_arguments"),
        (r"No such command (?P<name>'.*?')\.(?: Did you mean (?P<suggest>.+)\?)?",
         "usage.no_such_command"),
        (r"Missing command\.", "usage.missing_command"),
        (r"Option (?P<name>'[^']*') requires an argument\.", "usage.requires_argument"),
        (r"Option (?P<name>'[^']*') requires (?P<count>\d+) arguments\.",
         "usage.requires_arguments"),
        (r"Option (?P<name>'[^']*') does not take a value\.", "usage.takes_no_value"),
        (r"Argument (?P<name>'[^']*') takes (?P<count>\d+) values\.", "usage.argument_takes"),
    )
)

#: Why a value was refused (the part after "Invalid value for '--x': ").
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"(?:Value error, )?(?P<value>.+?) is not one of (?P<choices>.+)\.", "usage.not_one_of"),
        (r"Input should be a valid integer.*", "usage.not_integer"),
        (r"Input should be a valid number.*", "usage.not_number"),
        (r"Input should be a valid boolean.*", "usage.not_boolean"),
        (r"Input should be greater than or equal to (?P<limit>\S+)", "usage.at_least"),
        (r"Input should be less than or equal to (?P<limit>\S+)", "usage.at_most"),
    )
)


_Table = tuple[tuple[re.Pattern[str], str], ...]


def _match(text: str, table: _Table) -> tuple[str, dict[str, str]] | None:
    for pattern, key in table:
        found = pattern.fullmatch(text)
        if found:
            return key, {k: v for k, v in found.groupdict().items() if v is not None}
    return None


def _reason(text: str) -> str:
    found = _match(text, _REASONS)
    if found is None:
        return text
    key, values = found
    return msg(key, **values)


def translate(text: str) -> str:
    """``text`` (a usage error as Click or Typer wrote it) in the current language."""
    found = _match(text.strip(), _MESSAGES)
    if found is None:
        return text
    key, values = found
    possible = values.pop("possible", None)
    suggest = values.pop("suggest", None)
    rest = values.pop("rest", None)
    if "reason" in values:
        values["reason"] = _reason(values["reason"])
    out = msg(key, **values)
    if possible:
        out += " " + msg("usage.possible_options", options=possible)
    if suggest:
        out += " " + msg("usage.did_you_mean", options=suggest)
    if rest:
        out += " " + rest
    return out


def usage_line(usage: str) -> str:
    """Click's usage line (``Usage: sprintkit …``) with the prefix in the current language."""
    english = "Usage: "
    if usage.startswith(english):
        return msg("usage.usage_prefix") + usage[len(english):]
    return usage


def show(exc: Any) -> None:
    """Print a usage error the way Typer does, in the current language."""
    from rich.markup import escape
    from rich.panel import Panel
    from typer import rich_utils as ru

    if exc.__class__.__name__ == "NoArgsIsHelpError":
        return
    console = ru._get_rich_console(stderr=True)
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        console.print(ru.highlighter(usage_line(ctx.get_usage())), style=ru.STYLE_USAGE_COMMAND)
    if ctx is not None and ctx.command.get_help_option(ctx) is not None:
        console.print(
            msg("usage.try_help", command_path=escape(ctx.command_path),
                help_option=ctx.help_option_names[0]),
            style=ru.STYLE_ERRORS_SUGGESTION,
        )
    console.print(
        Panel(
            ru.highlighter(translate(exc.format_message())),
            border_style=ru.STYLE_ERRORS_PANEL_BORDER,
            title=msg("usage.error_title"),
            title_align=ru.ALIGN_ERRORS_PANEL,
        )
    )


def install(argv: Sequence[str] = ()) -> None:
    """Let Typer print usage errors through :func:`show` (only on the error path: imports rich).

    The command's own ``--lang`` never ran when the command line was wrong, so a ``--lang``
    among ``argv`` (before ``--``) is taken as chosen here."""
    from typer import rich_utils

    from sprintkit import i18n

    wanted = _value_in(argv, "--lang")
    if wanted in i18n.LANGUAGES:
        i18n.choose(wanted)
    else:
        _speak_the_work(argv)

    rich_utils.rich_format_error = show  # type: ignore[assignment]


def _speak_the_work(argv: Sequence[str]) -> None:
    """Without ``--lang``, a usage error speaks the language of the sprint or programme the
    command was meant for (``-s``/``--sprint``, ``-p``/``--programme``, else the current folder),
    as the command itself would have; no such file leaves the rule to the environment."""
    from sprintkit.ops.scope import speak

    sprint = _value_in(argv, "--sprint", "-s")
    programme = _value_in(argv, "--programme", "-p")
    if sprint is None and programme is None and argv[:1] == ["programme"]:
        programme = next((word for word in argv[2:] if not word.startswith("-")
                          and (Path(word) / "programme.yaml").is_file()), None)  # DIR
    speak(Path(sprint) if sprint else None, Path(programme) if programme else None)


def _value_in(argv: Sequence[str], long: str, short: str | None = None) -> str | None:
    """The value given to an option (``long=VALUE``, ``long VALUE`` or ``short VALUE``) before
    ``--``; ``None`` when it is not there."""
    words = list(argv)
    for i, word in enumerate(words):
        if word == "--":
            break
        if word.startswith(f"{long}="):
            return word.split("=", 1)[1]
        if word in (short, long) and i + 1 < len(words):
            return words[i + 1]
    return None
