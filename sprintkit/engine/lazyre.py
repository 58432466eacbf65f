"""Regular expressions compiled the first time they are used.

Compiling a long pattern costs up to a few milliseconds, and every command starts anew: a module
that defines patterns for rare input (an IBAN in a note, a postcode in a story) made every write
pay for them, although most text is turned away before any of them runs."""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """A stand-in for ``re.compile(source, flags)`` that compiles on first use and then answers
    every method and attribute of the compiled pattern (``finditer``, ``search``, ``pattern``)."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not yet compiled"
        return f"LazyPattern({self._source!r}, {self._flags}, {state})"
