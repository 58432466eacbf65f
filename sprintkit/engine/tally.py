"""Counting the votes of a big group: totals typed per item, a pasted column of numbers, and
the bound, tally and bars shown while they are entered.

Pure logic: no terminal, no files. Problems are :class:`TallyError` with a catalogue key
(``votes.*``) and the values for its placeholders, so the caller words them in the language of
the work at hand and names the line and column when the numbers came from a file.

What one typed line at the totals prompt may be:

* ``12`` — the total of the item the prompt names (the next one without a total);
* ``1=12 2=7 5=3`` — totals by item number (``:`` also works; commas or semicolons may
  separate the pairs);
* ``Lange wachtlijsten =12`` — a total by the item's text (case does not matter; the start of
  the text is enough when only one item starts that way);
* ``12 7 0 3 …`` or a pasted column, one number per line — one total per item, in order; the
  count must match the number of items, else nothing of it is taken."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

PARTICIPANTS_OUTPUT = "participants"
"""The output whose answer is the number of participants (the co-creation method asks it at
the kick-off); it bounds the dots of a dot vote."""

BAR_WIDTH = 20
_NUMBER_COLON = re.compile(r"(^|[\s,;])(\d+)\s*:\s*(\d)")
_INTEGRAL = re.compile(r"^[+-]?\d+([.,]0+)?$")


class TallyError(ValueError):
    """A problem with entered or imported votes: a ``votes.*`` key and its values."""

    def __init__(self, key: str, /, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def participants_of(answers: Mapping[str, Any]) -> int | None:
    """The number of participants the sprint recorded (the ``participants`` answer)."""
    value = answers.get(PARTICIPANTS_OUTPUT)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return None


def dot_bound(votes_per_person: int | None, participants: int | None) -> int | None:
    """The most dots a group can have given: dots each × participants (``None``: unknown)."""
    if votes_per_person is None or participants is None:
        return None
    return votes_per_person * participants


def count_of(text: str) -> int:
    """A typed or imported count: a whole number, 0 or more (``12``, ``12,0``)."""
    raw = text.strip().replace("\u00a0", "")
    if not _INTEGRAL.match(raw):
        raise TallyError("votes.not_count", got=_short(raw))
    value = int(re.split(r"[.,]", raw)[0])
    if value < 0 or raw.startswith("-"):
        raise TallyError("votes.negative", got=_short(raw))
    return value


def _short(text: str) -> str:
    from sprintkit.errors import shown

    return shown(text, limit=24)


def find_item(ref: str, items: Sequence[str]) -> int:
    """The index of the item ``ref`` names: its number (1 = first), its text (case and spaces
    do not matter), or the start of its text when only one item starts that way."""
    text = " ".join(ref.split())
    if text.isdigit():
        n = int(text)
        if 1 <= n <= len(items):
            return n - 1
        raise TallyError("votes.no_number", n=n, of=len(items))
    folded = text.casefold().rstrip(" .:")
    if not folded:
        raise TallyError("votes.no_item")
    normal = [" ".join(i.split()).casefold().rstrip(" .:") for i in items]
    if folded in normal:
        return normal.index(folded)
    starts = [n for n, item in enumerate(normal) if item.startswith(folded)]
    if len(starts) == 1 and len(folded) >= 3:
        return starts[0]
    if len(starts) > 1:
        raise TallyError("votes.ambiguous", n=len(starts))
    raise TallyError("votes.unknown")


@dataclass(frozen=True)
class Entry:
    """One typed line, read: ``cursor`` (one total for the item the prompt names), ``pairs``
    (item index → total) or ``column`` (one total per item, in order)."""

    kind: str
    values: list[int] = field(default_factory=list)
    pairs: dict[int, int] = field(default_factory=dict)


def read_entry(text: str, items: Sequence[str]) -> Entry:
    """What one typed line at the totals prompt says (see the module's rules)."""
    stripped = text.strip()
    parts = stripped.split()
    if len(parts) == 1 and "=" not in stripped and ":" not in stripped:
        return Entry("cursor", [count_of(stripped)])
    if "=" not in stripped and ":" not in stripped and len(parts) > 1:
        if all(_looks_numeric(p) for p in parts):
            return Entry("column", [count_of(p) for p in parts])
        raise TallyError("votes.bad_entry")
    # 1:12 is 1=12 (a colon only between numbers: an item's text may hold one)
    return Entry("pairs", pairs=_pairs(_NUMBER_COLON.sub(r"\1\2=\3", stripped), items))


def _pairs(text: str, items: Sequence[str]) -> dict[int, int]:
    """``1=12 2=7``, ``Wachtlijsten =12 3=5``: each ``=`` has an item before it (a number or
    text) and a count right after it."""
    parts = text.split("=")
    ref = parts[0]
    pairs: dict[int, int] = {}
    for part in parts[1:]:
        tokens = part.strip().split(None, 1)
        if not tokens or not ref.strip(" ,;"):
            raise TallyError("votes.bad_entry")
        pairs[find_item(ref.strip(" ,;"), items)] = count_of(tokens[0].rstrip(",;"))
        ref = tokens[1] if len(tokens) > 1 else ""
    if ref.strip(" ,;"):
        raise TallyError("votes.bad_entry")
    return pairs


def _looks_numeric(text: str) -> bool:
    return bool(re.match(r"^[+-]?\d+([.,]\d+)?$", text.strip()))


def read_column(lines: Sequence[str], items: Sequence[str]) -> list[int]:
    """A pasted column, one number per line: one total per item, in order. An empty line is an
    empty cell (0), unless it is one too many at either end. A count that does not match the
    items is refused, so nothing of a wrong paste is taken."""
    cells = list(lines)
    while len(cells) > len(items) and not cells[-1].strip():
        cells.pop()
    while len(cells) > len(items) and not cells[0].strip():
        cells.pop(0)
    values: list[int] = []
    for n, cell in enumerate(cells, start=1):
        try:
            values.append(count_of(cell) if cell.strip() else 0)
        except TallyError as exc:
            raise TallyError("votes.column_cell", n=n, problem=exc.key, **exc.values) from None
    if len(values) != len(items):
        raise TallyError("votes.column_count", got=len(values), want=len(items))
    return values


@dataclass
class Totals:
    """Totals per item while they are typed: every change is checked whole before it is
    taken (the bound included), so a refused line changes nothing."""

    items: list[str]
    bound: int | None = None
    counts: dict[int, int] = field(default_factory=dict)
    cursor: int = 0

    def apply(self, entry: Entry) -> None:
        """Take one typed line (raises :class:`TallyError`, changing nothing)."""
        new = dict(self.counts)
        if entry.kind == "cursor":
            if self.cursor >= len(self.items):
                raise TallyError("votes.all_given", of=len(self.items))
            new[self.cursor] = entry.values[0]
        elif entry.kind == "column":
            if len(entry.values) != len(self.items):
                raise TallyError("votes.column_count", got=len(entry.values),
                                 want=len(self.items))
            new = dict(enumerate(entry.values))
        else:
            new.update(entry.pairs)
        total = sum(new.values())
        if self.bound is not None and total > self.bound:
            raise TallyError("votes.over_bound", total=total, bound=self.bound)
        self.counts = new
        self._advance(entry)

    def _advance(self, entry: Entry) -> None:
        start = self.cursor + 1 if entry.kind == "cursor" else 0
        if entry.kind == "pairs" and len(entry.pairs) == 1:
            start = next(iter(entry.pairs)) + 1
        for n in list(range(start, len(self.items))) + list(range(0, start)):
            if n not in self.counts:
                self.cursor = n
                return
        self.cursor = len(self.items)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def result(self) -> dict[str, int]:
        """Every item with its total (0 where none was given), in the items' order."""
        return {item: self.counts.get(n, 0) for n, item in enumerate(self.items)}


def tally(totals: Mapping[str, float], items: Sequence[str] | None = None
          ) -> list[tuple[int, str, float]]:
    """(rank, item, total), most first; equal totals share a rank and keep the items' order."""
    order = {item: n for n, item in enumerate(items or list(totals))}
    rows = sorted(totals.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order))))
    result: list[tuple[int, str, float]] = []
    previous: float | None = None
    rank = 0
    for position, (item, value) in enumerate(rows, start=1):
        if value != previous:
            rank, previous = position, value
        result.append((rank, item, value))
    return result


def bar(value: float, most: float, width: int = BAR_WIDTH) -> str:
    """A bar of ``width`` characters at most, as long relative to ``most`` (at least one
    character for anything above 0)."""
    if most <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(width * value / most))


def rounded(value: float) -> float | int:
    """An average as it is stored: one decimal, a whole number without one."""
    result = round(value, 1)
    return int(result) if float(result).is_integer() else result
