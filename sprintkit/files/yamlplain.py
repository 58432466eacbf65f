"""Block YAML for new entries of plain data, written without the round-trip library.

Most writes during a session add one entry at the end of a list: a piece of evidence, an
action, a team member, a measurement. :mod:`yamlsplice` then keeps the old lines as they are and
needs only the new entry's lines. Loading ruamel.yaml and sending the run through its round trip
cost about a tenth of such a command, so :func:`block_items` writes those lines itself, but only
for data it can write exactly as ruamel.yaml's dump would: plain keys; one-line text, plain or
in single quotes; whole numbers, simple decimals, dates, true and false; nested mappings and
lists of these. For anything else it answers ``None`` and the caller takes the round trip. A
test compares both writers on generated data."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# characters that make a scalar an indicator when they open it, and those that do when a space
# or the end follows them
_OPENERS = frozenset("#,[]{}&*!|>'\"%@`")
_OPENERS_BEFORE_SPACE = frozenset("-?:")
_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")
_WIDEST = 4000  # ruamel.yaml is configured with width 4096; stay well inside it


def _one_line(text: str) -> bool:
    """Text the dump writes on one line, plain or in single quotes (no line breaks, tabs,
    control or other non-printable characters, which it escapes or breaks)."""
    return bool(text) and text.isprintable() and "\ufeff" not in text and len(text) <= _WIDEST


def _needs_quotes(text: str) -> bool:
    """Whether the dump quotes this one-line text, by the rules of its scalar analysis: an
    indicator at the start, ``: `` or `` #`` inside, a colon at the end, spaces around, a
    document marker. (Text that would read back as another type is quoted too; the caller
    finds that by reading the written line back.)"""
    first = text[0]
    return (
        first in _OPENERS
        or (first in _OPENERS_BEFORE_SPACE and (len(text) == 1 or text[1] == " "))
        or ": " in text
        or " #" in text
        or text.endswith(":")
        or text != text.strip()
        or text.startswith(("---", "..."))
    )


def scalar(value: Any) -> str | None:
    """``value`` as the dump writes it, or ``None`` when only the round trip may write it."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        shown = repr(value)
        return shown if _DECIMAL.fullmatch(shown) else None
    if type(value) is dt.date:
        return value.isoformat()
    if isinstance(value, str) and _one_line(value):
        if not _needs_quotes(value):
            return value
        if "'" not in value:  # (with one, the dump may choose double quotes)
            return f"'{value}'"
    return None


class _Decline(Exception):
    """Something in the data that only the round trip writes."""


def block_items(items: list[Any], dash: int, mapping: int, offset: int) -> list[str] | None:
    """Lines for ``items`` as entries of a block list whose ``-`` stands in column ``dash``;
    nested mappings indent by ``mapping``, nested lists put their ``-`` ``offset`` columns in
    (the file's own indentation, :func:`yamlwrite.indentation_of`)."""
    out: list[str] = []
    try:
        for item in items:
            _item(item, dash, mapping, offset, out)
    except _Decline:
        return None
    return out


def _item(value: Any, dash: int, mapping: int, offset: int, out: list[str]) -> None:
    lead = " " * dash + "- "
    if isinstance(value, dict):
        if not value:
            raise _Decline
        first = len(out)
        _mapping(value, dash + 2, mapping, offset, out)
        out[first] = lead + out[first][dash + 2:]
    elif isinstance(value, list):
        raise _Decline  # a list in a list
    else:
        out.append(lead + _scalar(value))


def _mapping(value: dict[Any, Any], column: int, mapping: int, offset: int,
             out: list[str]) -> None:
    pad = " " * column
    for key, inner in value.items():
        if not isinstance(key, str) or scalar(key) != key:
            raise _Decline
        if isinstance(inner, dict):
            if not inner:
                raise _Decline
            out.append(f"{pad}{key}:")
            _mapping(inner, column + mapping, mapping, offset, out)
        elif isinstance(inner, list):
            if not inner:
                raise _Decline
            out.append(f"{pad}{key}:")
            for entry in inner:
                _item(entry, column + offset, mapping, offset, out)
        else:
            out.append(f"{pad}{key}: {_scalar(inner)}")


def _scalar(value: Any) -> str:
    shown = scalar(value)
    if shown is None:
        raise _Decline
    return shown
