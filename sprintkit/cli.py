"""The ``sprintkit`` command: the root Typer app, the command groups, and one error boundary.

Every command module registers itself through ``register(app)``. Errors from the library
(:mod:`sprintkit.errors`) are printed here, to stderr, with their exit code; a traceback is
shown only with ``--debug`` (or ``SPRINTKIT_DEBUG=1``)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Annotated, Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperGroup

from sprintkit import __version__
from sprintkit.commands._coerce import use_plain_coercion
from sprintkit.commands._help import unwrap_app
from sprintkit.commands._lazy import make_lazy
from sprintkit.commands._standin import defer_rich_help_imports, skip_pydantic_plugin_search
from sprintkit.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, Interrupted, SprintkitError

_debug = {"on": False}
_argv: list[str] = []  # the words of this run, for the language of a usage error


class _Boundary(TyperGroup):
    """Turns library errors into a message and an exit code, for real runs and test runs alike."""

    def invoke(self, ctx: Any) -> Any:
        _ignore_bad_source_date()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from sprintkit.i18n import msg

            raise Interrupted(msg("common.interrupted")) from None
        except UsageError:
            _usage_in_language()
            raise

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except UsageError:
            _usage_in_language()
            raise

    def main(self, *args: Any, **kwargs: Any) -> Any:
        from sprintkit import i18n

        i18n.reset()
        given = kwargs.get("args", args[0] if args else None)
        _argv[:] = [str(a) for a in (sys.argv[1:] if given is None else given)]
        try:
            return super().main(*args, **kwargs)
        except SprintkitError as exc:
            _report(exc)
            sys.exit(exc.exit_code)
        except (SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: say so plainly, keep the traceback for --debug
            if _debugging():
                raise
            from sprintkit.i18n import msg
            from sprintkit.ui import console

            console.error(msg("common.internal_error", kind=type(exc).__name__),
                          hint=msg("common.internal_hint"))
            sys.exit(EXIT_INTERNAL)


def _usage_in_language() -> None:
    """Usage errors (unknown option, missing argument, …) follow the language rule too."""
    from sprintkit.usage_language import install

    install(_argv)


def _ignore_bad_source_date() -> None:
    """A ``SOURCE_DATE_EPOCH`` that is no whole number of seconds a date can have is ignored,
    with a warning (libraries read it too, and some fail on it)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or not raw.strip():
        return
    import datetime as dt

    try:
        dt.datetime.fromtimestamp(int(raw.strip()), tz=dt.timezone.utc)
        return
    except (ValueError, OverflowError, OSError):
        del os.environ["SOURCE_DATE_EPOCH"]
    from sprintkit.errors import shown
    from sprintkit.i18n import msg
    from sprintkit.ui import console

    console.warning(msg("common.bad_source_date", value=shown(raw, limit=24)))


def _debugging() -> bool:
    return _debug["on"] or os.environ.get("SPRINTKIT_DEBUG", "") not in ("", "0")


def _report(exc: SprintkitError) -> None:
    from sprintkit.errors import InvalidFile
    from sprintkit.ui import console

    if _debugging():
        import traceback

        traceback.print_exception(exc)
    if isinstance(exc, Interrupted):
        console.err().print(exc.message, markup=False)
        return
    if isinstance(exc, InvalidFile):
        for problem in exc.problems:
            console.err().print(str(problem), markup=False, highlight=False, soft_wrap=True)
        console.error(exc.message, exc.hint)
        return
    console.error(exc.message, exc.hint)


MODULES: tuple[str, ...] = (
    "validate", "schema", "methods", "agenda", "new", "run", "status", "timer", "serve", "note",
    "votes",
    "hypothesis", "evidence", "verdict", "learn", "decision", "report", "programme",
    "indicator", "team", "action", "board", "stories", "keyfile", "slides",
)
"""The command modules (``sprintkit.commands.*``), each adding its commands with
``register(app)``, in the order of the help."""

HOMES: dict[str, str] = {
    **{name: name for name in MODULES if name != "keyfile"},
    "workforms": "methods", "plan": "report", "render": "report", "check": "report",
    "templates": "report", "key-file": "keyfile",
}
"""Each top-level command and the module that registers it (a test checks it)."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sprintkit {__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Show a traceback when something fails (for bug reports)."),
    ] = False,
) -> None:
    """sprintkit — sprints, evidence and reports."""
    _debug["on"] = debug


def build_app(modules: Sequence[str] = MODULES) -> typer.Typer:
    """The ``sprintkit`` command with the commands of ``modules`` (default: all of them)."""
    built = typer.Typer(
        cls=_Boundary,
        name="sprintkit",
        help=(
            "Run strategy, innovation and experiment sprints from the terminal: methods and "
            "walkthroughs, hypotheses with honest evidence verdicts, Word reports and plans.\n\n"
            "Exit codes: 0 success, 1 invalid input or a failed check, 2 wrong usage, "
            "130 interrupted (answers are saved)."
        ),
        no_args_is_help=True,
        rich_markup_mode="rich",
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(_root)
    for name in modules:
        import_module(f"sprintkit.commands.{name}").register(built)
    unwrap_app(built)  # help never breaks a sentence where the docstring's source line ended
    make_lazy(built)  # each group's commands are built only when that group is used
    defer_rich_help_imports()  # typer's help imports rich.markdown and rich.traceback at its top
    use_plain_coercion()  # values as typed become Python values without a pydantic adapter each
    return built


def command_home(args: Sequence[str]) -> str | None:
    """The module of the command ``args`` run (``status`` for ``sprintkit --debug status …``),
    or ``None`` when they name none (no command, ``--help``, a typo: the whole app answers)."""
    for arg in args:
        if arg in ("--", "-h", "--help"):
            return None  # the root's help lists every command
        if not arg.startswith("-"):
            return HOMES.get(arg)
    return None


_apps: dict[str, typer.Typer] = {}


def __getattr__(name: str) -> Any:
    """``app``: the whole ``sprintkit`` command (built on first use)."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if "all" not in _apps:
        _apps["all"] = build_app()
    return _apps["all"]


def main() -> None:
    """Console-script entry point.

    A command line that names a command builds only that command's module: the others are
    not imported (every other line, and shell completion, gets the whole app)."""
    # The imports and pydantic's model classes make many objects and no garbage: the collector
    # waits until the command has used a second of processor time.
    from sprintkit.files.collector import hold_while_starting

    hold_while_starting()
    # No pydantic plugin instruments sprintkit's models; looking for plugins reads the metadata
    # of every installed package at every start. A value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    skip_pydantic_plugin_search()
    _utf8_streams()
    home = None if "_SPRINTKIT_COMPLETE" in os.environ else command_home(sys.argv[1:])
    chosen = build_app((home,)) if home is not None else __getattr__("app")
    chosen(prog_name="sprintkit")


def _utf8_streams() -> None:
    """On Windows, output redirected to a file or a pipe is written in the ANSI code page, which
    cannot hold '✓', '→' or most names: write UTF-8 there, as on Linux and macOS (the console
    itself already takes Unicode)."""
    if os.name != "nt":
        return
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):
                pass


__all__ = ["EXIT_INTERRUPTED", "app", "main"]  # noqa: F822 (app: module __getattr__)
