"""Counting stored answers: the cube a summary, a dashboard or a report is made from, as
SQL ``GROUP BY`` scans of the compact ``facts`` table (see :mod:`sprintkit.files.storystore`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from sprintkit.engine.stories import MIXED, Cube
from sprintkit.files.storyrows import Slot


class Counter:
    """Counts of one open story database (``conn``) whose slots are ``slots``."""

    def __init__(self, conn: sqlite3.Connection, slots: dict[str, Slot]):
        self.conn = conn
        self._slots = slots

    def slots(self) -> dict[str, Slot]:
        return self._slots

    def cube(self, signifiers: Sequence[Any], *, period: str | None = None,
             perspective: str | None = None, cross: str | None = None) -> Cube:
        """All counts a summary needs.

        ``signifiers`` are the method's (with ``id``, ``type``, ``choices``, ``corners``).
        Without ``cross`` every signifier is one scan of its covering index. With ``cross`` (a
        signifier id) the cube's third key is that signifier's answer (``''`` when there is
        none; a multichoice cross counts a story once for every option it chose), and all
        signifiers are counted in one scan with conditional sums."""
        slots = self.slots()
        where, params = filters(period, perspective)
        used = [(sig, slots[sig.id]) for sig in signifiers if sig.id in slots]
        cube = Cube()
        cross_slot = slots.get(cross) if cross else None
        if cross_slot is None:
            for p, v, n in self.conn.execute(
                f"SELECT period, perspective, COUNT(*) FROM facts{where} GROUP BY 1, 2", params,
            ):
                cube.stories[(p, v, "")] = n
            for sig, slot in used:
                self._count(cube, sig, slot, where, params)
            return cube
        if cross_slot.type == "multichoice":
            col = f"v{cross_slot.slot}"
            sig = next((s for s in signifiers if s.id == cross), None)
            options = [c.id for c in sig.choices] if sig is not None else []
            for option in options:
                clause, args = and_where(where, params, [f"instr({col}, ?) > 0"], [f"|{option}|"])
                self._cross(cube, used, "?", [option], clause, args)
            clause, args = and_where(where, params, [f"{col} IS NULL"])
            self._cross(cube, used, "''", [], clause, args)
        else:
            self._cross(cube, used, f"COALESCE(v{cross_slot.slot}, '')", [], where, params,
                        by=cross)
        return cube

    def _values(self, sig: Any, slot: Slot) -> list[str]:
        """The answers to count: the method's, and any other stored value (old choices)."""
        k = slot.slot
        if slot.type == "multichoice":
            return [c.id for c in sig.choices]
        known = [c.id for c in getattr(sig, "choices", [])]
        if slot.type == "triad":
            known = [c.id for c in sig.corners] + [MIXED]
        stored = [r[0] for r in self.conn.execute(
            f"SELECT DISTINCT v{k} FROM facts WHERE v{k} IS NOT NULL")]
        return known + [v for v in stored if v not in known]

    def _count(self, cube: Cube, sig: Any, slot: Slot, where: str, params: list[Any]) -> None:
        """One signifier, by period and perspective: a scan of its covering index."""
        k = slot.slot
        clause, args = and_where(where, params, [f"v{k} IS NOT NULL"])
        if slot.type == "multichoice":
            options = self._values(sig, slot)
            sums = "".join(f", SUM(instr(v{k}, ?) > 0)" for _ in options)
            rows = self.conn.execute(
                f"SELECT period, perspective, COUNT(*){sums} FROM facts{clause} GROUP BY 1, 2",
                [f"|{o}|" for o in options] + args)
            for p, v, n, *chosen in rows:
                cube.answered[(p, v, "", sig.id)] = n
                for option, count in zip(options, chosen, strict=True):
                    if count:
                        cube.counts[(p, v, "", sig.id, option)] = count
            return
        extra = {"scale": f", SUM(n{k}), SUM(n{k} * n{k})",
                 "triad": f", SUM(la{k}), SUM(lb{k}), SUM(lc{k})"}.get(slot.type, "")
        rows = self.conn.execute(
            f"SELECT period, perspective, v{k}, COUNT(*){extra} FROM facts{clause} "
            "GROUP BY 1, 2, 3", args)
        for p, v, value, n, *stats in rows:
            _merge(cube, (p, v, ""), sig.id, slot.type, {value: n}, n, stats)

    def _cross(self, cube: Cube, used: list[tuple[Any, Slot]], head: str,
               head_args: list[Any], where: str, params: list[Any], by: str | None = None
               ) -> None:
        """All signifiers along the cross key in one scan, with a sum per answer.

        ``by`` names a single-answer cross signifier: its answer is the group key itself, so
        its counts come from the group sizes instead of a sum per answer."""
        parts: list[str] = []
        args: list[Any] = []
        layout = []
        for sig, slot in used:
            k = slot.slot
            values = [] if sig.id == by else self._values(sig, slot)
            if slot.type == "multichoice":
                parts += [f"SUM(instr(v{k}, ?) > 0)" for _ in values]
                args += [f"|{v}|" for v in values]
            else:
                parts += [f"SUM(v{k} = ?)" for _ in values]
                args += values
            parts.append(f"COUNT(v{k})")
            stats = {"scale": [f"SUM(n{k})", f"SUM(n{k} * n{k})"],
                     "triad": [f"SUM(la{k})", f"SUM(lb{k})", f"SUM(lc{k})"]}.get(slot.type, [])
            parts += stats
            layout.append((sig, slot, values, len(stats)))
        sql = (f"SELECT period, perspective, {head}, COUNT(*), {', '.join(parts)} "
               "FROM facts NOT INDEXED"
               f"{where} GROUP BY 1, 2, 3")
        for p, v, b, n, *sums in self.conn.execute(sql, head_args + args + params):
            cube.stories[(p, v, b)] = cube.stories.get((p, v, b), 0) + n
            at = 0
            for sig, slot, values, width in layout:
                counts = dict(zip(values, sums[at:at + len(values)], strict=True))
                at += len(values)
                answered = sums[at]
                stats = sums[at + 1:at + 1 + width]
                at += 1 + width
                if sig.id == by and b != "":
                    counts = {b: answered}  # every story of this group gave answer b
                if answered:
                    _merge(cube, (p, v, b), sig.id, slot.type, counts, answered, stats)



def _merge(cube: Cube, group: tuple[str, str, str], sid: str, kind: str,
           counts: dict[str, int], answered: int, stats: Sequence[float | None]) -> None:
    """Add one group's counts (and scale or triad sums) for one signifier to the cube."""
    key = (*group, sid)
    cube.answered[key] = cube.answered.get(key, 0) + answered
    for value, n in counts.items():
        if n:
            ckey = (*group, sid, value)
            cube.counts[ckey] = cube.counts.get(ckey, 0) + n
    if kind == "scale":
        old = cube.scale.get(key, (0, 0.0, 0.0))
        cube.scale[key] = (old[0] + answered, old[1] + (stats[0] or 0.0),
                           old[2] + (stats[1] or 0.0))
    elif kind == "triad":
        old3 = cube.triad.get(key, (0, 0.0, 0.0, 0.0))
        cube.triad[key] = (old3[0] + answered, old3[1] + (stats[0] or 0.0),
                           old3[2] + (stats[1] or 0.0), old3[3] + (stats[2] or 0.0))


def filters(period: str | None, perspective: str | None,
             alias: str = "") -> tuple[str, list[Any]]:
    prefix = f"{alias}." if alias else ""
    clauses = []
    params: list[Any] = []
    if period is not None:
        clauses.append(f"{prefix}period = ?")
        params.append(period)
    if perspective is not None:
        clauses.append(f"{prefix}perspective = ?")
        params.append(perspective)
    return and_where("", [], clauses, params)


def and_where(where: str, params: list[Any], clauses: list[str],
         clause_params: list[Any] | None = None) -> tuple[str, list[Any]]:
    """``where`` with more clauses ANDed to it, and the parameters in order."""
    if not clauses:
        return where, params + (clause_params or [])
    joined = " AND ".join(clauses)
    where = f"{where} AND {joined}" if where else f" WHERE {joined}"
    return where, params + (clause_params or [])
