"""The chain of a programme (*traject*): which methods follow each other, and its dates.

Pure logic over plain values, shared by ``programme status`` and the programme reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def chain_groups(names: Sequence[str]) -> list[tuple[str, int]]:
    """Consecutive equal names counted: ``[a, b, b, c]`` → ``[(a, 1), (b, 2), (c, 1)]``."""
    groups: list[tuple[str, int]] = []
    for name in names:
        if groups and groups[-1][0] == name:
            groups[-1] = (name, groups[-1][1] + 1)
        else:
            groups.append((name, 1))
    return groups


def chain_text(names: Sequence[str]) -> str:
    """``strategy sprint → innovation sprint ×2 → experiment sprint ×3``."""
    return " → ".join(name if count == 1 else f"{name} ×{count}"
                      for name, count in chain_groups(names))


def span(dates: Sequence[tuple[dt.date | None, dt.date | None]]
         ) -> tuple[dt.date | None, dt.date | None]:
    """The first start and the last end (or start) over the sprints' ``(start, end)``."""
    starts = [s for s, _ in dates if s is not None]
    ends = [d for d in (e or s for s, e in dates) if d is not None]
    return (min(starts) if starts else None, max(ends) if ends else None)


def out_of_order(dates: Sequence[tuple[dt.date | None, dt.date | None]]) -> list[int]:
    """Positions (0-based) of sprints that start before an earlier sprint in the chain."""
    late: list[int] = []
    latest: dt.date | None = None
    for index, (start, _) in enumerate(dates):
        if start is None:
            continue
        if latest is not None and start < latest:
            late.append(index)
        else:
            latest = start
    return late
