"""The stories' tables in the width of the terminal: nothing cut off, no word broken.

A table that fits at its natural width is left to rich. One that does not gets column widths
of its own: the widest columns narrowed first, as rich does, but none below its longest word
(nor its cells that must stay on one line, such as ``  107  31%``); text wraps within its cell. When
even that is too wide, the table is drawn in parts, one below the other, each repeating the
first column(s) (the answers, the periods), so every column is shown whole.

The tables are drawn with ``show_edge=False, pad_edge=False`` and one space of padding on either
side of a column: ``k`` columns take their widths plus ``3 * (k - 1)`` (two spaces of padding and
one rule between each pair).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len


@dataclass(frozen=True)
class Extent:
    """How narrow a column may be (``need``) and how wide it would like to be (``most``)."""

    need: int
    most: int


def extent(wrapping: Iterable[str] = (), whole: Iterable[str] = (), *, least: int = 0,
           most: int | None = None) -> Extent:
    """The extent of a column holding ``wrapping`` texts (which may wrap between words) and
    ``whole`` texts (which stay on one line); ``least`` is its narrowest and ``most`` its widest
    (the column's ``min_width`` and ``max_width``)."""
    need, widest = least, least
    for text in wrapping:
        for line in text.splitlines() or [""]:
            widest = max(widest, cell_len(line))
            need = max(need, *(cell_len(word) for word in line.split()), 0)
    for text in whole:
        for line in text.splitlines() or [""]:
            need = max(need, cell_len(line))
            widest = max(widest, cell_len(line))
    if most is not None:
        widest = min(widest, max(most, need))
    return Extent(need, max(need, widest))


def _overhead(columns: int) -> int:
    return 3 * (columns - 1)


@dataclass(frozen=True)
class Part:
    """One table of a split: the indexes of the columns it shows after the kept ones, and the
    widths of all its columns (kept first), or None when rich may lay it out itself."""

    columns: list[int]
    widths: list[int] | None
    kept: int = 1

    def column_widths(self) -> list[int | None]:
        """The ``width`` of each of the part's columns (kept first): None lets rich decide."""
        return list(self.widths) if self.widths else [None] * (self.kept + len(self.columns))


def parts(kept: list[Extent], rest: list[Extent], room: int) -> list[Part]:
    """The tables to draw in ``room`` characters: the ``kept`` columns in every part, ``rest``
    spread over as few parts as fit (as evenly as fits)."""
    everything = kept + rest
    if not rest or sum(e.most for e in everything) + _overhead(len(everything)) <= room:
        return [Part(list(range(len(rest))), None, len(kept))]
    base = sum(e.need for e in kept)

    def fits(chunk: list[int]) -> bool:
        return (base + sum(rest[i].need for i in chunk)
                + _overhead(len(kept) + len(chunk))) <= room

    greedy: list[list[int]] = []
    for i in range(len(rest)):
        if greedy and fits([*greedy[-1], i]):
            greedy[-1].append(i)
        else:
            greedy.append([i])
    chunks = _even(len(rest), len(greedy))
    if not all(fits(chunk) for chunk in chunks):
        chunks = greedy
    return [Part(chunk, _widths([*kept, *(rest[i] for i in chunk)], room), len(kept))
            for chunk in chunks]


def _even(n: int, count: int) -> list[list[int]]:
    size, extra = divmod(n, count)
    chunks, start = [], 0
    for k in range(count):
        end = start + size + (1 if k < extra else 0)
        chunks.append(list(range(start, end)))
        start = end
    return chunks


def _widths(columns: list[Extent], room: int) -> list[int]:
    """The widest columns narrowed first, all to one level (as rich narrows a table), none
    below its need; what the level leaves over goes to the columns at the level, right first."""
    space = room - _overhead(len(columns))

    def at(level: int) -> list[int]:
        return [max(e.need, min(e.most, level)) for e in columns]

    level = max(e.most for e in columns)
    while level > 0 and sum(at(level)) > space:
        level -= 1
    widths = at(level)
    left = space - sum(widths)
    for i in reversed(range(len(columns))):
        if left > 0 and widths[i] == level < columns[i].most:
            widths[i] += 1
            left -= 1
    return widths
