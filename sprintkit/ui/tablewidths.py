"""Column widths of a long rich table, measured on the few rows that decide them.

rich measures every cell of a table before it draws one, and measuring costs as much as
drawing: a verdict table of 5,000 hypotheses spent seconds on it. A column's width follows from
two numbers only — its widest cell and its longest word (rich's measurement of text) — so the
widths are computed on a copy of the table holding just the rows with those cells and handed
to the table, which rich then draws without measuring again. The output is the same
(tests/test_tablewidths.py compares it with rich's own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text

SMALL = 60
"""Tables with at most this many rows are left to rich (measuring them costs nothing)."""


def _plain(cell: Any) -> str | None:
    if isinstance(cell, str):
        return cell
    if isinstance(cell, Text):
        return cell.plain
    return None


def _extent(text: str) -> tuple[int, int]:
    """rich's measurement of text: (longest word, longest line)."""
    lines = text.splitlines()
    widest = max((cell_len(line) for line in lines), default=0)
    words = text.split()
    return max((cell_len(word) for word in words), default=widest), widest


def pinned(make: Callable[[], Any], rows: Sequence[Sequence[Any]], console: Any,
           options: Any) -> Any:
    """A table from ``make()`` (columns only) holding ``rows``, its column widths fixed to what
    rich would measure on all rows with ``options`` (the print options: width, markup)."""
    table = make()
    if len(rows) > SMALL and all(_plain(c) is not None for row in rows for c in row):
        chosen: set[int] = set()
        for col in range(len(table.columns)):
            extents = [_extent(_plain(row[col]) or "") for row in rows]
            chosen.add(max(range(len(rows)), key=lambda i: extents[i][0]))
            chosen.add(max(range(len(rows)), key=lambda i: extents[i][1]))
        sample = make()
        for i in sorted(chosen):
            sample.add_row(*rows[i])
        # as Table.__rich_console__ does: the borders come off the width first
        room = options.max_width - sample._extra_width
        widths = sample._calculate_column_widths(console, options.update_width(room))
        measure = table._calculate_column_widths

        def calculated(console: Any, options: Any) -> list[int]:
            return list(widths) if options.max_width == room else measure(console, options)

        setattr(table, "_calculate_column_widths", calculated)  # noqa: B010 (a method)
    for row in rows:
        table.add_row(*row)
    return table
