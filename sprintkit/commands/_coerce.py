"""Command-line values turned into Python values without building a pydantic adapter for each.

Typer checks every parameter of the command that runs with a pydantic ``TypeAdapter`` built on
the spot: about 20 ms for a command of eight options, on every run, before the command does
anything (and the import of Typer's adapter module). sprintkit's parameters are all simple —
text, paths, whole numbers with bounds, decimals, flags, choices from an enum, lists of these —
and a value as typed is turned into its Python value here directly, the way Typer's adapter
would. Anything else (a value the plain rules do not read, a parser, a type sprintkit does not
use) goes to Typer's own adapter, built then: so every refusal, with its message, is exactly
Typer's. ``tests/test_robust_coerce.py`` compares the two on every kind of parameter.

One rule is sprintkit's own: a decimal may be typed the Dutch way, with a comma (``12,5``),
as the answers in a Dutch sprint are shown. It reads as ``12.5`` typed, in both paths."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import typer.core
from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path

Leaf = Callable[[Any, Any, Any], Any]
"""``(value, param, ctx) -> Python value``; raises when Typer's adapter has to decide."""

_WHOLE = re.compile(r"-?[0-9]{1,18}")
_DECIMAL = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?")
_DECIMAL_COMMA = re.compile(r"-?[0-9]{1,15},[0-9]{1,15}")


class _Undecided(Exception):
    """The plain rules do not read this value: Typer's adapter decides (and words a refusal),
    given ``value`` when set (a decimal comma read as a point) or else the value as typed."""

    def __init__(self, value: Any = None) -> None:
        super().__init__()
        self.value = value


def _text(value: Any, param: Any, ctx: Any) -> Any:
    if type(value) is str:
        return value
    raise _Undecided


def _flag(value: Any, param: Any, ctx: Any) -> Any:
    if type(value) is bool:
        return value
    raise _Undecided


def _bounded(number: Any, info: Any) -> Any:
    if (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
        raise _Undecided
    return number


def _whole(info: Any) -> Leaf:
    def whole(value: Any, param: Any, ctx: Any) -> Any:
        if type(value) is int:
            return _bounded(value, info)
        if type(value) is str and _WHOLE.fullmatch(value):
            return _bounded(int(value), info)
        raise _Undecided
    return whole


def _decimal(info: Any) -> Leaf:
    def decimal(value: Any, param: Any, ctx: Any) -> Any:
        if type(value) in (int, float):
            return _bounded(float(value), info)
        if type(value) is str and _DECIMAL_COMMA.fullmatch(value):
            value = value.replace(",", ".")
            try:
                return _bounded(float(value), info)
            except _Undecided:
                raise _Undecided(value) from None
        if type(value) is str and _DECIMAL.fullmatch(value):
            return _bounded(float(value), info)
        raise _Undecided
    return decimal


def _choice(choices: list[Any], info: Any) -> Leaf:
    def choice(value: Any, param: Any, ctx: Any) -> Any:
        try:
            return coerce_cli_choice(value, choices=choices, case_sensitive=info.case_sensitive,
                                     ctx=ctx)
        except ValueError:
            raise _Undecided from None
    return choice


def _path(info: Any) -> Leaf:
    def path(value: Any, param: Any, ctx: Any) -> Any:
        if type(value) is str and "\x00" not in value:
            value = Path(value)
        if not isinstance(value, Path):
            raise _Undecided
        try:
            return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)
        except BadParameter:  # worded with the value as typed: Typer's adapter says it
            raise _Undecided from None
    return path


def _many(item: Leaf) -> Leaf:
    def many(value: Any, param: Any, ctx: Any) -> Any:
        values = value if isinstance(value, (list, tuple)) else [value]
        out, as_read, undecided = [], [], False
        for v in values:
            try:
                out.append(item(v, param, ctx))
                as_read.append(v)
            except _Undecided as exc:
                undecided = True
                as_read.append(v if exc.value is None else exc.value)
        if undecided:
            if as_read == list(values):
                raise _Undecided
            if isinstance(value, (list, tuple)):
                raise _Undecided(type(value)(as_read))
            raise _Undecided(as_read[0])
        return out
    return many


def _leaf(annotation: Any, info: Any) -> Leaf | None:
    """The plain rule for ``annotation``, or ``None`` when Typer's adapter is needed."""
    if info.parser is not None or info.clamp:
        return None
    if get_origin(annotation) is list:
        [item_type] = get_args(annotation)
        item = _leaf(item_type, info)
        return None if item is None else _many(item)
    if annotation is str:
        return _text
    if annotation is bool:
        return _flag
    if annotation is int:
        return _whole(info)
    if annotation is float:
        return _decimal(info)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(list(annotation), info)
    if annotation is Path and info.path_type in (None, Path) and routes_to_path(annotation, info):
        return _path(info)
    return None


class PlainRuntimeParam(RuntimeParam):
    """Typer's runtime parameter, with the plain rule first and Typer's adapter behind it.

    (Not a dataclass of its own: making one costs a millisecond at every start.)"""

    leaf: Leaf
    descriptor: TypeDescriptor
    adapted: list[RuntimeParam]

    def __init__(self, descriptor: TypeDescriptor, leaf: Leaf) -> None:
        super().__init__(parameter_info=descriptor.parameter_info,
                         annotation=descriptor.annotation)
        object.__setattr__(self, "leaf", leaf)
        object.__setattr__(self, "descriptor", descriptor)
        object.__setattr__(self, "adapted", [])

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return self.leaf(value, param, ctx)
        except _Undecided as undecided:
            if undecided.value is not None:
                value = undecided.value
        if not self.adapted:
            self.adapted.append(build_runtime_param(self.descriptor))
        return self.adapted[0]._coerce_value(value, param=param, ctx=ctx)


def plain_runtime_param(descriptor: TypeDescriptor) -> RuntimeParam:
    """Typer's ``build_runtime_param``, with plain rules for the parameters sprintkit has."""
    leaf = None
    if descriptor.file_annotation is None:
        leaf = _leaf(descriptor.annotation, descriptor.parameter_info)
    if leaf is None:
        return build_runtime_param(descriptor)
    return PlainRuntimeParam(descriptor, leaf)


def use_plain_coercion() -> None:
    """Let Typer's parameters use :func:`plain_runtime_param` (idempotent)."""
    typer.core.build_runtime_param = plain_runtime_param
