"""The views across a programme: ``sprintkit programme status`` (each sprint's method, dates,
phases, verdicts and actions, with totals and lineage problems) and ``sprintkit programme
lineage`` (how hypotheses were carried from sprint to sprint). The chain itself is loaded by
:func:`sprintkit.ops.programme.load_chain`; sprints that are missing or invalid are shown with
their problem, never make a view crash."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import NotFound, UsageError
from sprintkit.i18n import msg
from sprintkit.ops.programme import ChainEntry, load_chain

if TYPE_CHECKING:
    from sprintkit.engine.lineage import Lineage, LineageIndex, Ref
    from sprintkit.engine.progress import PhaseProgress
    from sprintkit.model.programme import Programme


@dataclass
class SprintStatus:
    """One sprint in ``programme status``."""

    entry: ChainEntry
    method_name: str | None = None
    kind: str | None = None
    phases: list[PhaseProgress] = field(default_factory=list)
    share: float | None = None
    next_phase: str | None = None
    next_title: str | None = None
    verdicts: dict[str, int] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)
    derived_in: int = 0
    derived_out: int = 0

    def to_json(self) -> dict[str, Any]:
        e = self.entry
        s = e.sprint
        done = sum(p.status in ("done", "skipped") for p in self.phases)
        return {
            "position": e.position,
            "path": e.path,
            "id": e.id,
            "state": e.state,
            "problem": e.problem,
            "title": s.title if s else None,
            "method": s.method if s else None,
            "method_name": self.method_name,
            "kind": self.kind,
            "start": s.start if s else None,
            "end": s.end if s else None,
            "phases": {
                "done": done, "total": len(self.phases), "share": self.share,
                "next": self.next_phase, "list": [p.to_json() for p in self.phases],
            } if s else None,
            "method_problem": e.method_problem,
            "hypotheses": {"total": sum(self.verdicts.values()), "by_verdict": self.verdicts}
            if s else None,
            "actions": self.actions if s else None,
            "derived": {"from_earlier": self.derived_in, "carried_on": self.derived_out},
        }


@dataclass
class ProgrammeStatus:
    """The chain in order with each sprint's progress, totals, lineages and problems."""

    programme: Programme
    path: Path
    lang: str
    sprints: list[SprintStatus]
    chain: list[tuple[str, int]]
    chain_text: str
    start: dt.date | None
    end: dt.date | None
    lineages: int
    problems: list[dict[str, Any]]
    out_of_order: list[str]

    @property
    def ok(self) -> bool:
        return all(s.entry.ok for s in self.sprints)

    def totals(self) -> dict[str, Any]:
        verdicts: dict[str, int] = {}
        actions: dict[str, int] = {}
        for s in self.sprints:
            for key, n in s.verdicts.items():
                verdicts[key] = verdicts.get(key, 0) + n
            for key, n in s.actions.items():
                actions[key] = actions.get(key, 0) + n
        return {
            "sprints": len(self.sprints),
            "readable": sum(1 for s in self.sprints if s.entry.ok),
            "hypotheses": sum(verdicts.values()),
            "by_verdict": verdicts,
            "actions": actions,
        }

    def to_json(self) -> dict[str, Any]:
        p = self.programme
        return {
            "programme": {"id": p.id, "title": p.title, "organisation": p.organisation,
                          "language": p.language, "goal": p.goal, "path": str(self.path),
                          "start": self.start, "end": self.end},
            "chain": [{"name": n, "count": c} for n, c in self.chain],
            "chain_text": self.chain_text,
            "sprints": [s.to_json() for s in self.sprints],
            "totals": self.totals(),
            "lineages": self.lineages,
            "out_of_order": self.out_of_order,
            "problems": self.problems,
            "ok": self.ok,
        }


def method_label(entry: ChainEntry, lang: str) -> str:
    """The method's name in ``lang`` (lower case), or its id when the method is unknown."""
    if entry.method is not None:
        name = entry.method.name.get(lang)
        return name[:1].lower() + name[1:] if name else entry.method.id
    return entry.sprint.method if entry.sprint is not None else "?"


def programme_status(programme: Path | None = None, *, lang: str | None = None,
                     today: dt.date | None = None) -> ProgrammeStatus:
    """Where the programme stands: each sprint's method, dates, phases, verdicts, actions."""
    from sprintkit.engine import lineage, progress
    from sprintkit.engine.programme import chain_text, out_of_order, span

    loaded, entries = load_chain(programme)
    prog = loaded.model
    language = lang or prog.language
    sprints = [e.sprint for e in entries if e.sprint is not None]
    index = lineage.build(sprints, lang=language)
    rows = []
    for entry in entries:
        row = SprintStatus(entry)
        s = entry.sprint
        if s is not None:
            row.kind = entry.method.kind if entry.method is not None else None
            row.method_name = method_label(entry, language)
            if entry.method is not None:
                row.phases = progress.phase_progress(entry.method, s, language)
                row.share = progress.share_done(row.phases)
                row.next_phase = progress.next_phase(row.phases)
                row.next_title = next((p.title for p in row.phases if p.id == row.next_phase),
                                      None)
            row.verdicts = progress.verdict_counts(s)
            row.actions = progress.action_counts(s.actions, today)
            own = [st for ref, st in index.steps.items() if ref.sprint == s.id]
            row.derived_in = sum(1 for st in own if st.parent is not None)
            row.derived_out = sum(1 for st in own if any(c.sprint != s.id for c in st.children))
        rows.append(row)
    labels = [r.method_name or "?" for r in rows if r.entry.ok]
    dates = [(e.sprint.start, e.sprint.end) for e in entries if e.sprint is not None]
    first, last = span(dates)
    ok_entries = [e for e in entries if e.sprint is not None]
    late = [ok_entries[i].id for i in out_of_order(dates)]
    from sprintkit.engine.programme import chain_groups

    return ProgrammeStatus(
        programme=prog, path=loaded.path, lang=language, sprints=rows,
        chain=chain_groups(labels), chain_text=chain_text(labels),
        start=prog.start or first, end=prog.end or last, lineages=len(index.lineages),
        problems=[p.to_json() for p in index.problems], out_of_order=late,
    )


# --- lineage -------------------------------------------------------------------------------


@dataclass
class LineageView:
    """Lineages to show: all of them, or the one a hypothesis belongs to."""

    programme: Programme
    lang: str
    index: LineageIndex
    lineages: list[Lineage]
    selected: Ref | None
    entries: list[ChainEntry]

    def to_json(self) -> dict[str, Any]:
        return {
            "programme": self.programme.id,
            "selected": str(self.selected) if self.selected else None,
            "lineages": [ln.to_json() for ln in self.lineages],
            "problems": [p.to_json() for p in self.index.problems],
            "unreadable": [{"position": e.position, "id": e.id, "problem": e.problem}
                           for e in self.entries if not e.ok],
        }


def programme_lineage(ref: str | None = None, *, programme: Path | None = None,
                      lang: str | None = None) -> LineageView:
    """Every lineage of the programme, or (with ``ref``: ``H1`` or ``SPRINT-ID:H1``) the one
    that hypothesis belongs to, with its whole history."""
    from sprintkit.engine import lineage

    loaded, entries = load_chain(programme, methods=False)
    language = lang or loaded.model.language
    index = lineage.build([e.sprint for e in entries if e.sprint is not None], lang=language)
    if ref is None:
        return LineageView(loaded.model, language, index, index.lineages, None, entries)
    found = index.find(ref)
    if not found:
        derived = [str(s.ref) for ln in index.lineages for s in ln.steps]
        raise NotFound(msg("cli.programme.no_hypothesis", ref=repr(ref)),
                       hint=msg("cli.programme.in_lineages",
                                known=", ".join(derived[:12])
                                + (" …" if len(derived) > 12 else "")) if derived
                       else msg("cli.programme.no_lineages_hint"))
    if len(found) > 1:
        raise UsageError(msg("cli.programme.ambiguous", ref=repr(ref),
                             found=", ".join(str(r) for r in found)),
                         hint=msg("cli.programme.ambiguous_hint"))
    return LineageView(loaded.model, language, index, [index.lineage_of(found[0])], found[0],
                       entries)


__all__ = ["LineageView", "ProgrammeStatus", "SprintStatus", "method_label", "programme_lineage",
           "programme_status"]
