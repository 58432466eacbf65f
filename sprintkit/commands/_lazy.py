"""Commands and command groups that are built only when they are used.

Typer turns every command function into a Click command before it runs anything, reading each
function's signature and type hints. For ``sprintkit --help`` or ``sprintkit validate`` that work
for all the other commands is wasted start-up time. :func:`make_lazy` puts a stand-in in front of
every command and group of an app: it has the name, help text, panel and flags at once (all that
a listing needs) and builds the real parameters and callback the first time anything asks for
them (running the command, completing it, or showing its own help). Nothing changes for the
user; ``tests/test_robust_lazy.py`` checks the help and behaviour are the same."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup


class _LazyCommands(MutableMapping[str, Any]):
    """A group's ``commands`` mapping, built on first use."""

    def __init__(self, build: Callable[[], dict[str, Any]]) -> None:
        self._build: Callable[[], dict[str, Any]] | None = build
        self._data: dict[str, Any] = {}

    def _commands(self) -> dict[str, Any]:
        if self._build is not None:
            build, self._build = self._build, None
            self._data = {**build(), **self._data}
        return self._data

    def __getitem__(self, name: str) -> Any:
        return self._commands()[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._commands()[name] = command

    def __delitem__(self, name: str) -> None:
        del self._commands()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._commands())

    def __len__(self) -> int:
        return len(self._commands())


class LazyGroup(TyperGroup):
    """A Typer group whose commands come from ``source`` (a Typer app) when first needed."""

    source: typer.Typer

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        ready = dict(self.commands)
        self.commands = _LazyCommands(lambda: {**self._build(), **ready})

    def _build(self) -> dict[str, Any]:
        from typer.main import TyperInfo, get_group_from_info

        make_lazy(self.source)
        built = get_group_from_info(
            TyperInfo(self.source),
            pretty_exceptions_short=self.source.pretty_exceptions_short,
            rich_markup_mode=self.rich_markup_mode,
            suggest_commands=self.suggest_commands,
        )
        return dict(built.commands)


class _BuiltOnUse:
    """An attribute of a :class:`LazyCommand` that comes with the real command: reading it
    builds that command first; values set before then (the stand-in's own) are ignored."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = "_" + name

    def __get__(self, command: Any, owner: type | None = None) -> Any:
        if command is None:
            return self
        command._load()
        return command.__dict__[self.key]

    def __set__(self, command: Any, value: Any) -> None:
        if command.__dict__.get("_loaded"):
            command.__dict__[self.key] = value


class LazyCommand(TyperCommand):
    """A Typer command whose parameters and callback are built from ``source`` (the real
    ``CommandInfo``) when first used; name, help and flags are there from the start."""

    source: Any
    pretty_exceptions_short: bool = True

    def _load(self) -> None:
        state = self.__dict__
        if state.get("_loaded"):
            return
        state["_loaded"] = True
        from typer.main import get_command_from_info

        real = get_command_from_info(self.source,
                                     pretty_exceptions_short=self.pretty_exceptions_short,
                                     rich_markup_mode=self.rich_markup_mode)
        state["_params"], state["_callback"] = real.params, real.callback

    params = _BuiltOnUse()
    callback = _BuiltOnUse()


def _no_parameters() -> None:
    """Stands in for a command's function until the command is used."""


def _lazy_command(info: Any, pretty_exceptions_short: bool) -> Any:
    from typer.main import get_command_name

    base = info.cls or TyperCommand
    if not (isinstance(base, type) and issubclass(base, TyperCommand)):
        return info  # a custom command class: leave it as it is
    stand_in = copy.copy(info)
    stand_in.name = info.name or get_command_name(info.callback.__name__)
    if info.help is None:
        stand_in.help = inspect.getdoc(info.callback)
    stand_in.callback = _no_parameters
    stand_in.cls = type(f"Lazy{base.__name__}", (LazyCommand, base),
                        {"source": info, "pretty_exceptions_short": pretty_exceptions_short})
    return stand_in


def _lazy_group(source: typer.Typer) -> typer.Typer:
    """An empty Typer app that looks like ``source`` and builds its commands lazily."""
    base = source.info.cls or TyperGroup
    group = type(f"Lazy{base.__name__}", (LazyGroup, base), {"source": source})
    stand_in = typer.Typer()
    stand_in.info = copy.copy(source.info)
    stand_in.info.cls = group
    stand_in.registered_callback = source.registered_callback
    stand_in.rich_markup_mode = source.rich_markup_mode
    stand_in.pretty_exceptions_short = source.pretty_exceptions_short
    return stand_in


def make_lazy(app: typer.Typer) -> None:
    """Let every command and command group registered on ``app`` be built only when used
    (idempotent)."""
    if getattr(app, "_sprintkit_lazy", False):
        return
    app._sprintkit_lazy = True  # type: ignore[attr-defined]
    app.registered_commands = [
        info if info.callback is _no_parameters or info.callback is None
        else _lazy_command(info, app.pretty_exceptions_short)
        for info in app.registered_commands
    ]
    for info in app.registered_groups:
        source = info.typer_instance
        if source is None:
            continue
        if not (info.name or source.info.name):
            make_lazy(source)  # a nameless group's commands join the parent's: lazy one by one
            continue
        if isinstance(source.info.cls, type) and issubclass(source.info.cls, LazyGroup):
            continue
        info.typer_instance = _lazy_group(source)
