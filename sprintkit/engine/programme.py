"""The chain of a programme (*traject*): which methods follow each other, and its dates.

Pure logic over plain values, shared by ``programme status`` and the programme reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sprintkit.model.programme import Programme
    from sprintkit.model.sprint import PlanSection, Sprint, TeamMember


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


def union(lists: Sequence[Sequence[str]]) -> list[str]:
    """Every name once, in the order first met."""
    seen: list[str] = []
    for names in lists:
        seen += [n for n in names if n not in seen]
    return seen


def programme_members(programme: Programme, sprints: Sequence[Sprint]) -> list[TeamMember]:
    """The programme's own team, else everyone in the sprints' teams once (by name, case
    ignored; the first role given counts)."""
    team: dict[str, TeamMember] = {}
    for members in [programme.team] if programme.team else [s.team for s in sprints]:
        for m in members:
            team.setdefault(m.name.casefold(), m)
    return list(team.values())


def merged_plan(programme: Programme, sprints: Sequence[Sprint]) -> PlanSection:
    """The programme's plan section, completed with what the sprints' plans hold: every
    stakeholder, message, evaluation moment and risk once (the programme's first), the
    programme's trial or else the last sprint's, and the sprints' support notes together."""
    from sprintkit.model.sprint import PlanSection

    plans = [programme.plan] + [s.plan for s in sprints]

    def merged(name: str, key: Callable[[Any], Any]) -> list[Any]:
        seen: dict[Any, Any] = {}
        for plan in plans:
            for item in getattr(plan, name):
                seen.setdefault(key(item), item)
        return list(seen.values())

    evaluation = merged("evaluation", lambda e: (e.date, e.what.casefold()))
    evaluation.sort(key=lambda e: (e.date is None, e.date or dt.date.min))
    trials = [plan.trial for plan in plans if plan.trial is not None]
    supports = [plan.support for plan in plans if plan.support]
    return PlanSection(
        scope=programme.plan.scope,
        stakeholders=merged("stakeholders", lambda st: st.name.casefold()),
        communication=merged("communication",
                             lambda c: (c.audience.casefold(), (c.message or "").casefold())),
        trial=programme.plan.trial or (trials[-1] if trials else None),
        evaluation=evaluation,
        risks=merged("risks", lambda r: r.risk.casefold()),
        support=programme.plan.support or (" ".join(supports) if supports else None),
    )
