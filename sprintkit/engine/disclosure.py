"""Statistical disclosure control for linked tables: primary and secondary suppression, and the
linear-programming audit that decides whether an output may be released.

Pure logic, independent of stories. A *linked set* is every count one output publishes
(``cells``: key → value, ``None`` when hidden) plus the linear relations a reader knows between
them (``Constraint``: ``lo <= sum(coef * cell) <= hi``): a margin is the sum of its cells, a
column's answers add up to its n, a scale's mean times n is the sum of its values. A relation
may name cells that are not published at all (the cross-tab behind two sets of margins); those
are unknowns too. Every unknown is a nonnegative number.

The audit (:func:`audit`) computes, for each hidden cell, the smallest and the largest value
consistent with everything published, by linear programming (scipy's HiGHS; integrality is
relaxed, so the interval can only be wider than the integer one, never narrower than what a
reader can prove by linear arithmetic). The release rule (:func:`passes`): every hidden cell's
interval spans at least ``min_cell`` (``max - min >= min_cell``). As the minimum is at least 0,
this means the maximum is at least ``min_cell``: the published numbers never prove that a
hidden cell is small, and never pin it within fewer than ``min_cell + 1`` values. The one
exception is a cell proven to be exactly 0 (a zero inside a small group, hidden with its group,
whose margin is 0 as well): zero is not sensitive.

Suppression (:func:`protect`): primary cells are the sensitive ones (chosen by the caller,
e.g. 1..min_cell-1). Then, until the
audit passes: for every hidden cell whose interval is too narrow, a relation containing it is
opened up by hiding the cheapest further published cell in it (a withheld mean first, then a
count large enough to cover the shortfall, margins last), and the audit runs again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Key = Any
"""Any hashable name of a cell."""
INF = math.inf
LAST = 100
"""A ``rank`` of at least this marks a cell hidden only as a last resort (a grand total)."""


@dataclass
class Constraint:
    """``lo <= sum(coef * cell) <= hi``; ``tag`` names a published figure (a mean) that can be
    withheld to drop the relation."""

    coefs: dict[Key, float]
    lo: float
    hi: float
    tag: Key | None = None


@dataclass
class Protection:
    """The outcome of :func:`protect`: what to hide and withhold, and the final audit."""

    hidden: set[Key] = field(default_factory=set)
    primary: set[Key] = field(default_factory=set)
    withheld: set[Key] = field(default_factory=set)
    intervals: dict[Key, tuple[float, float]] = field(default_factory=dict)
    rounds: int = 0


def passes(interval: tuple[float, float], min_cell: int) -> bool:
    """The release rule for one hidden cell (a small tolerance for floating point): its
    interval spans at least ``min_cell``, or it is proven to be zero (zero is not sensitive:
    then nobody in the group gave that answer, which the margins already say for everyone)."""
    lo, hi = interval
    return hi - lo >= min_cell - 1e-6 or hi <= 1e-6


# --- the audit -----------------------------------------------------------------------------


class _Components:
    """Union-find over unknown cells joined by relations."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, x: Key) -> Key:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _reduced(constraints: Iterable[Constraint], known: Callable[[Key], int | None],
             withheld: set[Key]) -> list[tuple[dict[Key, float], float, float, Constraint]]:
    """Relations with published values substituted; those without unknowns left out."""
    out = []
    for c in constraints:
        if c.tag is not None and c.tag in withheld:
            continue
        shift = 0.0
        unknown: dict[Key, float] = {}
        for k, coef in c.coefs.items():
            value = known(k)
            if value is None:
                unknown[k] = unknown.get(k, 0.0) + coef
            else:
                shift += coef * value
        unknown = {k: v for k, v in unknown.items() if v != 0}
        if unknown:
            out.append((unknown, c.lo - shift, c.hi - shift, c))
    return out


def audit(cells: dict[Key, int | None], constraints: list[Constraint], *,
          withheld: Iterable[Key] = (), targets: Iterable[Key] | None = None,
          cache: dict | None = None, truth: dict[Key, int] | None = None,
          min_cell: int = 0) -> dict[Key, tuple[float, float]]:
    """The feasible interval ``(min, max)`` of every hidden cell (or of ``targets``).

    ``cells`` are the published cells (``None``: hidden); any other cell a relation names is an
    unpublished unknown. ``math.inf`` as maximum: nothing published bounds it.

    With ``truth`` (the true values, when suppressing) and ``min_cell``, a minimum that cannot
    change the verdict is not computed: the interval then starts at the true value."""
    withheld = set(withheld)

    def known(k: Key) -> int | None:
        return cells.get(k)

    rows = _reduced(constraints, known, withheld)
    wanted = [k for k, v in cells.items() if v is None] if targets is None else list(targets)
    comps = _Components()
    for unknown, _lo, _hi, _c in rows:
        first = next(iter(unknown))
        for k in unknown:
            comps.union(first, k)
    by_root: dict[Key, list[int]] = {}
    for i, (unknown, *_rest) in enumerate(rows):
        by_root.setdefault(comps.find(next(iter(unknown))), []).append(i)
    result: dict[Key, tuple[float, float]] = {}
    groups: dict[Key, list[Key]] = {}
    for k in wanted:
        if k not in comps.parent:
            result[k] = (0.0, INF)  # in no relation: anything goes
        else:
            groups.setdefault(comps.find(k), []).append(k)
    cache = cache if cache is not None else {}
    for root, members in groups.items():
        comp_rows = [rows[i] for i in by_root.get(root, [])]
        signature = tuple(sorted(((tuple(sorted(map(repr, u.items()))), round(lo, 9),
                                   round(hi, 9)) for u, lo, hi, _c in comp_rows)))
        todo = [k for k in members if (signature, repr(k)) not in cache]
        if todo:
            for k, interval in _solve(comp_rows, todo, truth or {}, min_cell).items():
                cache[(signature, repr(k))] = interval
        for k in members:
            result[k] = cache[(signature, repr(k))]
    return result


def _solve(rows: list[tuple[dict[Key, float], float, float, Constraint]],
           targets: list[Key], truth: dict[Key, int],
           min_cell: int) -> dict[Key, tuple[float, float]]:
    """Min and max of each target over one connected group of relations (HiGHS)."""
    quick = _one_sum(rows, targets)
    if quick is not None:
        return quick
    import numpy as np
    from scipy.optimize import linprog
    from scipy.sparse import csr_matrix

    index: dict[Key, int] = {}
    for unknown, *_rest in rows:
        for k in unknown:
            index.setdefault(k, len(index))
    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    bounds_ub: list[float] = []
    eq_data: list[float] = []
    eq_cols: list[int] = []
    eq_ptr = [0]
    bounds_eq: list[float] = []
    for unknown, lo, hi, _c in rows:
        if lo == hi:
            eq_cols.extend(index[k] for k in unknown)
            eq_data.extend(unknown.values())
            eq_ptr.append(len(eq_cols))
            bounds_eq.append(lo)
            continue
        if hi < INF:
            cols.extend(index[k] for k in unknown)
            data.extend(unknown.values())
            ptr.append(len(cols))
            bounds_ub.append(hi)
        if lo > -INF:
            cols.extend(index[k] for k in unknown)
            data.extend(-v for v in unknown.values())
            ptr.append(len(cols))
            bounds_ub.append(-lo)
    n = len(index)
    a_ub = csr_matrix((data, cols, ptr), shape=(len(bounds_ub), n)) if bounds_ub else None
    a_eq = csr_matrix((eq_data, eq_cols, eq_ptr), shape=(len(bounds_eq), n)) if bounds_eq \
        else None
    b_ub = np.array(bounds_ub) if bounds_ub else None
    b_eq = np.array(bounds_eq) if bounds_eq else None
    out: dict[Key, tuple[float, float]] = {}
    for k in targets:
        ends: list[float] = []
        for sign in (-1.0, 1.0):  # the maximum first
            if sign > 0 and k in truth and min_cell and (
                    ends[0] < min_cell - 1e-6 or ends[0] >= truth[k] + min_cell - 1e-6):
                ends.append(min(truth[k], ends[0]) if ends[0] >= min_cell - 1e-6 else 0.0)
                break
            objective = np.zeros(n)
            objective[index[k]] = sign
            res = linprog(objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq,
                          bounds=(0, None), method="highs")
            if res.status == 3:  # unbounded
                ends.append(INF if sign < 0 else 0.0)
            elif res.status == 0:
                ends.append(sign * float(res.fun))
            else:  # infeasible (inconsistent figures): claim nothing is protected
                ends.append(0.0)
        hi, lo = ends
        out[k] = (max(0.0, lo), max(0.0, hi))
    return out


def _one_sum(rows: list[tuple[dict[Key, float], float, float, Constraint]],
             targets: list[Key]) -> dict[Key, tuple[float, float]] | None:
    """The exact answer without an LP when the relations are bounds on single cells plus at
    most one sum with positive coefficients (a column whose n is shown); else ``None``."""
    lower: dict[Key, float] = {}
    upper: dict[Key, float] = {}
    sums = []
    for unknown, lo, hi, _c in rows:
        if len(unknown) == 1:
            (k, a), = unknown.items()
            if a <= 0:
                return None
            lower[k] = max(lower.get(k, 0.0), lo / a)
            upper[k] = min(upper.get(k, INF), hi / a)
        elif all(a > 0 for a in unknown.values()):
            sums.append((unknown, lo, hi))
        else:
            return None
    if len(sums) > 1:
        return None
    keys = set(lower) | {k for u, _lo, _hi in sums for k in u}
    lb = {k: max(0.0, lower.get(k, 0.0)) for k in keys}
    ub = {k: upper.get(k, INF) for k in keys}
    if any(lb[k] > ub[k] + 1e-9 for k in keys):
        return None  # inconsistent: let the LP say so
    out: dict[Key, tuple[float, float]] = {}
    for k in targets:
        lo_k, hi_k = lb[k], ub[k]
        if sums:
            unknown, lo, hi = sums[0]
            if k in unknown:
                a = unknown[k]
                rest_hi = sum(unknown[j] * ub[j] for j in unknown if j != k)
                rest_lo = sum(unknown[j] * lb[j] for j in unknown if j != k)
                if lo > -INF:
                    lo_k = max(lo_k, (lo - rest_hi) / a) if rest_hi < INF else lo_k
                if hi < INF:
                    hi_k = min(hi_k, (hi - rest_lo) / a)
        out[k] = (max(0.0, lo_k), max(0.0, hi_k))
    return out


# --- suppression ---------------------------------------------------------------------------


Chooser = Callable[[Key, set[Key]], set[Key]]
"""Given a failing hidden cell and the hidden set: further cells to hide (a hypercube)."""


def protect(values: dict[Key, int], constraints: list[Constraint], min_cell: int, *,
            primary: set[Key], rank: Callable[[Key], int] = lambda k: 0,
            choose: Chooser | None = None, max_rounds: int = 400) -> Protection:
    """Hide ``primary`` and as few further published cells (or withheld figures) as needed for
    every hidden cell to pass the release rule. ``choose`` proposes the cells that open up a
    failing cell (e.g. the corners of the cheapest hypercube around it); without it, or when
    it has nothing, the cheapest cell in a relation around it is hidden (``rank`` orders kinds
    of cells, lower first). ``values`` are the true published values."""
    result = Protection(primary=set(primary), hidden=set(primary))
    if not primary:
        return result
    member: dict[Key, list[int]] = {}
    for i, c in enumerate(constraints):
        for k in c.coefs:
            member.setdefault(k, []).append(i)
    cache: dict = {}
    for round_no in range(1, max_rounds + 1):
        result.rounds = round_no
        shown = {k: (None if k in result.hidden else v) for k, v in values.items()}
        intervals = audit(shown, constraints, withheld=result.withheld, cache=cache,
                          truth=values, min_cell=min_cell)
        result.intervals = intervals
        failing = sorted((k for k, iv in intervals.items() if not passes(iv, min_cell)),
                         key=repr)
        if not failing:
            return result
        touched: set[int] = set()
        covered: set[Key] = set()
        for k in failing:
            if k in covered or (choose is None and touched.intersection(member.get(k, ()))):
                continue
            step = _withhold(k, constraints, member, result)
            if step is None and choose is not None:
                corners = {c for c in choose(k, result.hidden) if c in values}
                extra = corners - result.hidden
                if extra:
                    covered |= corners
                    result.hidden |= extra
                    step = {i for c in extra for i in member.get(c, ())}
            if step is None:
                step = _open_up(k, intervals[k], values, constraints, member, result, min_cell,
                                rank)
            if step is not None:
                touched.update(step)
        if not touched:
            break
    raise RuntimeError("disclosure control did not converge")  # never release a failing set


def _withhold(k: Key, constraints: list[Constraint], member: dict[Key, list[int]],
              result: Protection) -> set[int] | None:
    """Withhold a published figure (a mean) whose relation pins ``k``."""
    for i in member.get(k, ()):
        tag = constraints[i].tag
        if tag is not None and tag not in result.withheld:
            result.withheld.add(tag)
            return {j for j, c in enumerate(constraints) if c.tag == tag}
    return None


def _open_up(k: Key, interval: tuple[float, float], values: dict[Key, int],
             constraints: list[Constraint], member: dict[Key, list[int]], result: Protection,
             min_cell: int, rank: Callable[[Key], int]) -> set[int] | None:
    """Hide one more cell (or withhold one figure) in a relation around ``k``; the relations
    touched, or ``None`` when nothing is left to hide."""
    deficit = min_cell - (interval[1] - interval[0])
    seen = {k}
    frontier = [k]
    while frontier:
        candidates: dict[Key, set[int]] = {}
        reached: list[Key] = []
        for cell in frontier:
            for i in member.get(cell, ()):
                c = constraints[i]
                if c.tag is not None and c.tag in result.withheld:
                    continue
                for other in c.coefs:
                    if other in seen:
                        continue
                    if other in values and other not in result.hidden:
                        candidates.setdefault(other, set()).add(i)
                    else:
                        seen.add(other)
                        reached.append(other)
        if candidates:
            def cost(cell: Key) -> tuple[bool, int, int, float, str]:
                value = values[cell]
                enough = value >= deficit and value > 0
                order = rank(cell)
                return (order >= LAST, 0 if enough else 1, order, value if enough else -value,
                        repr(cell))

            best = min(candidates, key=cost)
            result.hidden.add(best)
            return candidates[best]
        frontier = reached
    return None
