"""The story outputs as one linked set of cells: reading the counts out of a summary, a shifts
report, a report section or a dashboard, and writing the suppression back into them.

Every count has a key ``(kind, period, perspective, by, signifier, answer)``: kind ``s`` (stories
in a group), ``n`` (storytellers who answered a signifier) or ``c`` (who gave an answer); a
dimension a figure is not broken down by is ``*``. The same figure published twice (a view of
the dashboard and a shifts report) has one key, so hiding it hides every copy. The relations a
reader knows follow from the keys (see :func:`relations`): a ``*`` is the sum over the values of
that dimension, a column's answers add up to its n (at most n each, for multichoice), n is at
most the stories, and a published mean says ``sum((level - mean) * count) = 0``.

The same reading serves both directions: :func:`protect_output` takes an output built with
the true counts, decides what to hide (:func:`sprintkit.engine.disclosure.protect`) and writes it
in; :func:`audit_output` reads a published output back (hidden = ``None``) and audits it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sprintkit.engine.disclosure import LAST, Constraint, Protection, audit, passes, protect
from sprintkit.engine.storykeys import ALL, Key, ckey, kind_of, nkey, skey, summary_dims

TOLERANCE = 1e-6


@dataclass
class Cells:
    """What one output publishes, read as a linked set."""

    values: dict[Key, int | None] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    answers: dict[str, list[str]] = field(default_factory=dict)
    means: dict[tuple[str, str, str, str], float] = field(default_factory=dict)
    extra: list[Constraint] = field(default_factory=list)
    b_partition: bool = True
    conflicts: int = 0

    def put(self, key: Key, value: Any) -> None:
        value = value if isinstance(value, int) and not isinstance(value, bool) else None
        if key in self.values and self.values[key] != value:
            if self.values[key] is None:
                self.values[key] = value  # a copy shows what the other hides
            elif value is not None:
                self.conflicts += 1
            return
        self.values[key] = value

    def signifier(self, sig: dict[str, Any]) -> None:
        self.types[sig["id"]] = sig["type"]
        ids = self.answers.setdefault(sig["id"], [])
        for a in sig.get("answers", []):
            if a["id"] not in ids:
                ids.append(a["id"])


# --- reading outputs -----------------------------------------------------------------------


def _read_column(cells: Cells, dims: tuple[str, str, str], sig: str, col: dict[str, Any],
                 audit_mode: bool) -> None:
    p, v, b = dims
    cells.put(nkey(p, v, b, sig), col.get("n"))
    for a, count in (col.get("counts") or {}).items():
        cells.put(ckey(p, v, b, sig, a), count)
        if a not in cells.answers.setdefault(sig, []):
            cells.answers[sig].append(a)
    if col.get("mean") is not None:
        cells.means[(p, v, b, sig)] = float(col["mean"])
    if audit_mode:
        n = col.get("n")
        for a, share in (col.get("shares") or {}).items():
            count = (col.get("counts") or {}).get(a)
            if share is not None and (count is None or n is None):
                cells.extra.append(Constraint({ckey(p, v, b, sig, a): 1.0,
                                               nkey(p, v, b, sig): -float(share)},
                                              -TOLERANCE, TOLERANCE))


def read_summary(cells: Cells, result: dict[str, Any], audit_mode: bool) -> None:
    if result.get("by_signifier") and not result.get("by_exclusive", False):
        cells.b_partition = False
    for i, group in enumerate(result.get("groups") or []):
        dims = summary_dims(result, "" if i == 0 else group["key"])
        cells.put(skey(*dims), group.get("stories"))
    for sig in result.get("signifiers") or []:
        cells.signifier(sig)
        for i, g in enumerate([""] + [x["key"] for x in (result.get("groups") or [])[1:]]):
            col = (sig.get("columns") or {}).get(g)
            if col is not None:
                _read_column(cells, summary_dims(result, "" if i == 0 else g), sig["id"], col,
                             audit_mode)
    if result.get("hard_data"):
        filters = result.get("filters") or {}
        read_hard_data(cells, result["hard_data"], filters.get("perspective"))


def read_hard_data(cells: Cells, hard: dict[str, Any], perspective: str | None) -> None:
    for p, n in (hard.get("stories") or {}).items():
        cells.put(skey(p, perspective or ALL, ALL), n)


def read_shifts(cells: Cells, result: dict[str, Any], audit_mode: bool) -> None:
    v = result.get("perspective") or ALL
    periods = (result["from"], result["to"])
    for p in periods:
        cells.put(skey(p, v, ALL), (result.get("stories") or {}).get(p))
    for sig in result.get("signifiers") or []:
        sid = sig["id"]
        cells.types[sid] = sig["type"]
        ids = cells.answers.setdefault(sid, [])
        ns = (sig.get("n_from"), sig.get("n_to"))
        for p, n in zip(periods, ns, strict=True):
            cells.put(nkey(p, v, ALL, sid), n)
        for a in sig.get("answers") or []:
            if a["id"] not in ids:
                ids.append(a["id"])
            for p, side, n in zip(periods, ("from", "to"), ns, strict=True):
                cell = a.get(side) or {}
                cells.put(ckey(p, v, ALL, sid, a["id"]), cell.get("count"))
                if audit_mode and cell.get("share") is not None and (
                        cell.get("count") is None or n is None):
                    cells.extra.append(Constraint({ckey(p, v, ALL, sid, a["id"]): 1.0,
                                                   nkey(p, v, ALL, sid): -float(cell["share"])},
                                                  -TOLERANCE, TOLERANCE))
            hidden = any((a.get(side) or {}).get("count") is None for side in ("from", "to"))
            if audit_mode and a.get("difference") is not None and hidden and None not in ns:
                n1, n2 = ns
                if n1 and n2:
                    cells.extra.append(Constraint(
                        {ckey(periods[1], v, ALL, sid, a["id"]): 1.0 / n2,
                         ckey(periods[0], v, ALL, sid, a["id"]): -1.0 / n1},
                        a["difference"] - TOLERANCE, a["difference"] + TOLERANCE))
        mean = sig.get("mean") or {}
        m1, m2, d = mean.get("from"), mean.get("to"), mean.get("difference")
        if m1 is None and m2 is not None and d is not None:
            m1 = m2 - d
        if m2 is None and m1 is not None and d is not None:
            m2 = m1 + d
        for p, m in zip(periods, (m1, m2), strict=True):
            if m is not None:
                cells.means[(p, v, ALL, sid)] = float(m)


def read_story_counts(cells: Cells, counts: dict[str, dict[str, str]]) -> None:
    for v, row in counts.items():
        for p, shown in row.items():
            cells.put(skey(p or ALL, v or ALL, ALL), int(shown) if shown.isdigit() else None)


def read_dashboard(cells: Cells, data: dict[str, Any], audit_mode: bool) -> None:
    for sig in data.get("signifiers") or []:
        cells.signifier(sig)
    order = [s["id"] for s in data.get("signifiers") or []]
    for key, view in (data.get("views") or {}).items():
        p, _, v = key.partition("|")
        dims = (p or ALL, v or ALL, ALL)
        cells.put(skey(*dims), view.get("total"))
        for i, col in enumerate(view.get("signifiers") or []):
            _read_column(cells, dims, col.get("id") or order[i], col, audit_mode)
    for result in (data.get("shifts") or {}).values():
        read_shifts(cells, result, audit_mode)
    groups: dict[str, Any] = {"by": ["period", "perspective"], "filters": {},
              "groups": data.get("groups") or [], "signifiers": []}
    read_summary(cells, groups, audit_mode)
    if data.get("hard_data"):
        read_hard_data(cells, data["hard_data"], None)
    if data.get("story_counts"):
        read_story_counts(cells, data["story_counts"])


def read_output(output: dict[str, Any], audit_mode: bool) -> Cells:
    cells = Cells()
    kind = kind_of(output)
    if kind == "dashboard":
        read_dashboard(cells, output, audit_mode)
    elif kind == "section":
        read_summary(cells, output["summary"], audit_mode)
        read_summary(cells, output["by_perspective"], audit_mode)
        if output.get("hard_data"):
            read_hard_data(cells, output["hard_data"], None)
        if output.get("shifts"):
            read_shifts(cells, output["shifts"], audit_mode)
    elif kind == "shifts":
        read_shifts(cells, output, audit_mode)
    else:
        read_summary(cells, output, audit_mode)
    return cells


# --- the relations a reader knows ------------------------------------------------------------


def relations(cells: Cells) -> list[Constraint]:
    """Margins over period, perspective (and the cross signifier when its answers partition the
    stories), answers within a column, n within the stories, and the published means."""
    values, triples, margins = closure(cells)
    out: list[Constraint] = []

    def kinds(t: tuple[str, str, str]) -> Iterator[Key]:
        yield skey(*t)
        for sig, ids in cells.answers.items():
            yield nkey(*t, sig)
            for a in ids:
                yield ckey(*t, sig, a)

    for t, d in margins:
        parts = [_with(t, d, x) for x in values[d]]
        for key in kinds(t):
            coefs = {key: -1.0}
            for part in parts:
                coefs[(key[0], part[0], part[1], part[2], key[4], key[5])] = 1.0
            out.append(Constraint(coefs, 0.0, 0.0))
    return out + _within(cells, triples)


def closure(cells: Cells) -> tuple[list[list[str]], set[tuple[str, str, str]],
                                   list[tuple[tuple[str, str, str], int]]]:
    """The breakdown values per dimension, every group (published, or an unpublished part of a
    published sum) and the margins ``(group, dimension)``: the group is the sum over that
    dimension's values."""
    values = dimension_values(cells)
    published = {(k[1], k[2], k[3]) for k in cells.values}
    triples = set(published)
    todo = list(triples)
    margins: list[tuple[tuple[str, str, str], int]] = []
    while todo:
        t = todo.pop()
        for d in range(3):
            # a sum over unpublished groups only says nothing: they can be anything that adds up
            if t[d] == ALL and any(_with(t, d, x) in published for x in values[d]):
                margins.append((t, d))
                for x in values[d]:
                    part = _with(t, d, x)
                    if part not in triples:
                        triples.add(part)
                        todo.append(part)
    return values, triples, margins


def _with(t: tuple[str, str, str], d: int, x: str) -> tuple[str, str, str]:
    out = list(t)
    out[d] = x
    return out[0], out[1], out[2]


def _within(cells: Cells, triples: set[tuple[str, str, str]]) -> list[Constraint]:
    out: list[Constraint] = []
    for t in sorted(triples):
        for sig, ids in cells.answers.items():
            n = nkey(*t, sig)
            out.append(Constraint({n: 1.0, skey(*t): -1.0}, -float("inf"), 0.0))
            if not ids:
                continue
            if cells.types.get(sig) == "multichoice":
                for a in ids:
                    out.append(Constraint({ckey(*t, sig, a): 1.0, n: -1.0}, -float("inf"), 0.0))
                coefs = {ckey(*t, sig, a): 1.0 for a in ids}
                coefs[n] = -1.0
                out.append(Constraint(coefs, 0.0, float("inf")))
            else:
                coefs = {ckey(*t, sig, a): 1.0 for a in ids}
                coefs[n] = -1.0
                out.append(Constraint(coefs, 0.0, 0.0))
    return out + _means(cells)


def _means(cells: Cells) -> list[Constraint]:
    out: list[Constraint] = []
    for (p, v, b, sig), mean in cells.means.items():
        levels = {}
        for a in cells.answers.get(sig, []):
            try:
                levels[ckey(p, v, b, sig, a)] = float(a) - mean
            except ValueError:
                levels = {}
                break
        if levels:
            out.append(Constraint(levels, -TOLERANCE, TOLERANCE, tag=("mean", p, v, b, sig)))
    return out + cells.extra


def primary_cells(cells: Cells, min_cell: int) -> set[Key]:
    """Counts of 1..min_cell-1; for multichoice also an option that all but 1..min_cell-1 of the
    column's storytellers chose. A zero is not sensitive (nobody in a group gave that answer
    says nothing about a person), except inside a small group: when a group's stories or a
    column's n is small, its whole column is hidden, zeros too (there a zero would tell what
    everybody in the group did *not* answer)."""
    out: set[Key] = set()
    small_groups: set[tuple[str, ...]] = set()
    for k, value in cells.values.items():
        if value is not None and 0 < value < min_cell and k[0] in ("s", "n"):
            small_groups.add(k[1:4] if k[0] == "s" else k[1:5])
    for k, value in cells.values.items():
        if value is None:
            continue
        if 0 < value < min_cell or k[1:4] in small_groups or (
                k[0] == "c" and k[1:5] in small_groups):
            out.add(k)
        elif k[0] == "c" and cells.types.get(k[4]) == "multichoice":
            n = cells.values.get(nkey(k[1], k[2], k[3], k[4]))
            if n is not None and 0 < n - value < min_cell:
                out.add(k)
    return out


def dimension_values(cells: Cells) -> list[list[str]]:
    """The values of period, perspective and cross signifier the output breaks down by (a
    dimension without any, or a cross that does not partition the stories: none)."""
    values: list[set[str]] = [set(), set(), set()]
    for k in cells.values:
        for d in range(3):
            if k[d + 1] != ALL:
                values[d].add(k[d + 1])
    if not cells.b_partition:
        values[2] = set()
    return [sorted(v) for v in values]


class Hypercubes:
    """Secondary suppression by the hypercube method: a failing cell is opened up by hiding
    the corners of the cheapest box around it, one partner value per dimension (period,
    perspective, cross signifier, answer — where ``n`` is the answers' total). Moving the cell
    by t moves every corner by ±t and keeps every margin, so the cell can move as far as the
    corners allow; a box whose corners allow at least ``min_cell`` is preferred, then the one
    hiding the least (grand totals last)."""

    MAX_BOXES = 4000

    def __init__(self, cells: Cells, truth: dict[Key, int], min_cell: int):
        self.cells = cells
        self.truth = truth
        self.min_cell = min_cell
        self.values, _triples, margins = closure(cells)
        self.margins = set(margins)

    def _dims(self, key: Key) -> list[tuple[int, list[str]]]:
        dims = []
        for d in range(3):
            group = (key[1], key[2], key[3])
            if (group[:d] + (ALL,) + group[d + 1:], d) in self.margins:
                dims.append((d + 1, [x for x in [*self.values[d], ALL] if x != key[d + 1]]))
        sig = key[4]
        ids = self.cells.answers.get(sig, [])
        if key[0] in ("c", "n") and ids and self.cells.types.get(sig) != "multichoice":
            dims.append((5, [x for x in [*ids, ALL] if x != (key[5] or ALL)]))
        return dims

    @staticmethod
    def _corner(key: Key, changes: dict[int, str]) -> Key:
        out = list(key)
        for i, x in changes.items():
            out[i] = x
        if out[0] in ("c", "n"):
            out[0], out[5] = ("n", "") if out[5] in (ALL, "") else ("c", out[5])
        return tuple(out)  # type: ignore[return-value]

    def __call__(self, key: Key, hidden: set[Key]) -> set[Key]:
        from itertools import product

        dims = self._dims(key)
        if not dims:
            return set()
        here = self.truth.get(key, 0)
        best: tuple[tuple[bool, float, float, float], set[Key]] | None = None
        boxes = 0
        for partners in product(*(opts for _i, opts in dims)):
            boxes += 1
            if boxes > self.MAX_BOXES:
                break
            corners: set[Key] = set()
            same: list[int] = [here]
            other: list[int] = []
            cost = 0.0
            fresh = False
            for mask in product((0, 1), repeat=len(dims)):
                if not any(mask):
                    continue
                changes = {dims[j][0]: partners[j] for j in range(len(dims)) if mask[j]}
                corner = self._corner(key, changes)
                flips = sum(1 for j in range(len(dims)) if mask[j] and partners[j] != ALL
                            and (key[dims[j][0]] or ALL) != ALL)
                value = self.truth.get(corner)
                corners.add(corner)
                if value is not None:
                    (other if flips % 2 else same).append(value)
                    if corner not in hidden:
                        fresh = True
                        cost += value + 1 + _penalty(corner)
            if not fresh:  # already hidden, and not enough
                continue
            width = min(same) + (min(other) if other else INFINITY)
            last = cost >= 10.0 ** 6
            score = (last, 0.0, 0.0, cost) if width >= self.min_cell else (
                last, 1.0, -min(width, self.min_cell), cost)
            if best is None or score < best[0]:
                best = (score, corners)
        return best[1] if best else set()


INFINITY = float("inf")


def _penalty(key: Key) -> float:
    """Overall figures are hidden last: the total of stories and each signifier's n above all."""
    if all(x == ALL for x in key[1:4]):
        return 10.0 ** 6 if key[0] in ("s", "n") else 10.0 ** 3
    return 0.0


def _rank(key: Key) -> int:
    if all(x == ALL for x in key[1:4]) and key[0] in ("s", "n"):
        return LAST
    return {"c": 0, "n": 1, "s": 2}[key[0]] + 3 * sum(1 for x in key[1:4] if x == ALL)


# --- protect and audit ---------------------------------------------------------------------


def protect_output(output: dict[str, Any], min_cell: int) -> Protection:
    """Suppress in place: ``output`` was built with every true count; afterwards it publishes
    only what passes the audit (see :mod:`sprintkit.engine.disclosure`)."""
    cells = read_output(output, audit_mode=False)
    truth = {k: v for k, v in cells.values.items() if v is not None}
    primary = primary_cells(cells, min_cell)
    if primary:
        result = protect(truth, relations(cells), min_cell, primary=primary, rank=_rank,
                         choose=Hypercubes(cells, truth, min_cell))
    else:
        result = Protection()
    from sprintkit.engine.storyapply import apply

    apply(output, result.hidden, result.withheld, min_cell)
    output["disclosure"] = summary_of(result, min_cell)
    return result


def summary_of(result: Protection, min_cell: int) -> dict[str, Any]:
    return {"min_cell": min_cell, "rule": f"every hidden count's interval spans at least "
            f"{min_cell}", "hidden": len(result.hidden), "primary": len(result.primary),
            "withheld": len(result.withheld), "audit": "passed"}


def audit_output(output: dict[str, Any], min_cell: int) -> list[dict[str, Any]]:
    """Per hidden count its feasible interval and whether it passes the rule."""
    cells = read_output(output, audit_mode=True)
    if not any(v is None for v in cells.values.values()):
        return []
    intervals = audit(cells.values, relations(cells))
    rows = []
    for key in sorted(intervals, key=repr):
        lo, hi = intervals[key]
        rows.append({"cell": describe(key), "key": list(key), "min": round(lo, 6),
                     "max": None if hi == float("inf") else round(hi, 6),
                     "passes": passes((lo, hi), min_cell)})
    return rows


def describe(key: Key) -> str:
    kind, p, v, b, sig, a = key
    where = " · ".join(x for x in (p, v, b) if x != ALL) or "all"
    if kind == "s":
        return f"stories [{where}]"
    if kind == "n":
        return f"{sig} n [{where}]"
    return f"{sig}={a} [{where}]"
