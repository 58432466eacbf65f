"""Hypothesis lineage: how a hypothesis was carried from sprint to sprint in a programme.

A hypothesis may be ``derived_from`` an earlier one: ``H1`` in the same sprint, or
``other-sprint-id:H1`` in another sprint of the programme. Following those links gives a tree
per original hypothesis (one parent each, any number of follow-ups): each step with its sprint,
statement, verdict and decision, and how it relates to the step before — *retested* (same test
card again) or *adapted* (statement, metric, target, criterion or kind changed).

Pure logic over the models: no files, no terminal. References that point nowhere, to the
hypothesis itself, to a later sprint, or around in a cycle are reported as
:class:`LineageProblem`\\ s (with the sprint and hypothesis index, so callers can locate them in
the file) rather than raised."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sprintkit.engine.evidence import VerdictResult
    from sprintkit.model.sprint import Hypothesis, Sprint

COMPARED = ("statement", "kind", "metric", "target", "criterion")
"""Fields whose change makes a follow-up *adapted* rather than *retested*."""


@dataclass(frozen=True, order=True)
class Ref:
    """A hypothesis in a programme: sprint id and hypothesis id."""

    sprint: str
    hypothesis: str

    def __str__(self) -> str:
        return f"{self.sprint}:{self.hypothesis}"


def parse_ref(text: str, here: str) -> Ref:
    """``'H1'`` (in sprint ``here``) or ``'sprint-id:H1'`` → :class:`Ref`."""
    text = text.strip()
    if ":" in text:
        sprint, _, hid = text.partition(":")
        return Ref(sprint.strip() or here, hid.strip())
    return Ref(here, text)


@dataclass(frozen=True)
class LineageProblem:
    """A ``derived_from`` that cannot be followed. ``sprint_index``/``hypothesis_index`` locate
    it in the list of sprints given and that sprint's hypotheses."""

    kind: str  # unknown_sprint | unknown_hypothesis | self | cycle | later_sprint
    ref: Ref
    target: str
    sprint_index: int
    hypothesis_index: int
    message: str
    hint: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "hypothesis": str(self.ref), "derived_from": self.target,
                "message": self.message, "hint": self.hint}


@dataclass(frozen=True)
class Change:
    """A test-card field that differs from the step before."""

    field: str
    old: str | None
    new: str | None

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new}


@dataclass
class Step:
    """One hypothesis in a lineage."""

    ref: Ref
    position: int  # the sprint's place in the chain, 1-based
    sprint_title: str
    method: str
    hypothesis: Hypothesis
    lang: str
    decision: str | None
    learned: str | None
    action: str | None
    parent: Ref | None = None
    children: list[Ref] = field(default_factory=list)
    relation: str = "origin"  # origin | retest | adapt
    changes: list[Change] = field(default_factory=list)
    depth: int = 0

    @cached_property
    def result(self) -> VerdictResult:
        """The verdict, computed when first asked for (checking references needs none)."""
        from sprintkit.engine.evidence import evaluate

        return evaluate(self.hypothesis, self.lang)

    @property
    def statement(self) -> str:
        return self.hypothesis.statement

    @property
    def superseded(self) -> bool:
        """Whether a later hypothesis carries this one on."""
        return bool(self.children)

    def to_json(self) -> dict[str, Any]:
        h = self.hypothesis
        r = self.result
        return {
            "ref": str(self.ref),
            "sprint": self.ref.sprint,
            "hypothesis": self.ref.hypothesis,
            "position": self.position,
            "sprint_title": self.sprint_title,
            "method": self.method,
            "depth": self.depth,
            "parent": str(self.parent) if self.parent else None,
            "children": [str(c) for c in self.children],
            "relation": self.relation,
            "changes": [c.to_json() for c in self.changes],
            "statement": h.statement,
            "kind": h.kind,
            "target": str(h.target) if h.target is not None else None,
            "n": r.n,
            "successes": r.successes,
            "estimate": r.estimate,
            "verdict": r.verdict,
            "final": r.final,
            "decision": self.decision,
        }


@dataclass
class Lineage:
    """A tree of hypotheses from one original, steps depth-first in chain order."""

    root: Ref
    steps: list[Step]

    @property
    def leaves(self) -> list[Step]:
        """The latest hypotheses of each branch: where the lineage stands now."""
        return [s for s in self.steps if not s.children]

    @property
    def sprints(self) -> list[str]:
        seen: list[str] = []
        for s in sorted(self.steps, key=lambda s: s.position):
            if s.ref.sprint not in seen:
                seen.append(s.ref.sprint)
        return seen

    def history(self, ref: Ref) -> list[Step]:
        """The steps from the root to ``ref``."""
        by = {s.ref: s for s in self.steps}
        path: list[Step] = []
        current: Ref | None = ref
        while current is not None and current in by:
            path.append(by[current])
            current = by[current].parent
        return list(reversed(path))

    def to_json(self) -> dict[str, Any]:
        return {
            "root": str(self.root),
            "length": len(self.steps),
            "sprints": self.sprints,
            "steps": [s.to_json() for s in self.steps],
            "outcome": [{"ref": str(s.ref), "final": s.result.final, "decision": s.decision}
                        for s in self.leaves],
        }


@dataclass
class LineageIndex:
    """Every hypothesis of the sprints as a step, the lineages (two steps or more), and the
    references that could not be followed."""

    steps: dict[Ref, Step]
    lineages: list[Lineage]
    problems: list[LineageProblem]
    sprint_ids: list[str]

    def lineage_of(self, ref: Ref) -> Lineage:
        """The lineage ``ref`` belongs to (a one-step lineage for a lone hypothesis)."""
        for lineage in self.lineages:
            if any(s.ref == ref for s in lineage.steps):
                return lineage
        return Lineage(ref, [self.steps[ref]])

    def descendants(self, ref: Ref) -> list[Step]:
        """Every later step carried on from ``ref`` (depth-first)."""
        found: list[Step] = []
        seen: set[Ref] = set()
        stack = list(reversed(self.steps[ref].children))
        while stack:
            step = self.steps[stack.pop()]
            if step.ref in seen:
                continue
            seen.add(step.ref)
            found.append(step)
            stack.extend(reversed(step.children))
        return found

    def decided_later(self, ref: Ref) -> bool:
        """Whether a later step carried on from ``ref`` has a decision of its own, which then
        counts instead of this one (in a programme's implementation plan)."""
        return any(s.decision for s in self.descendants(ref))

    def find(self, text: str) -> list[Ref]:
        """Hypotheses matching ``sprint-id:H1``, or ``H1`` in any sprint."""
        text = text.strip()
        if ":" in text:
            ref = parse_ref(text, "")
            return [ref] if ref in self.steps else []
        return [r for r in self.steps if r.hypothesis == text]


def build(sprints: Sequence[Sprint], *, lang: str = "en", programme: bool = True
          ) -> LineageIndex:
    """The lineage index over ``sprints`` in chain order.

    With ``programme=False`` (one sprint on its own) references to other sprints are not
    followed and not reported: they can only be checked against a programme."""
    from sprintkit.engine.evidence import latest_decision
    from sprintkit.i18n import t

    steps: dict[Ref, Step] = {}
    position: dict[str, int] = {}
    where: dict[Ref, tuple[int, int]] = {}
    for index, sprint in enumerate(sprints):
        if sprint.id in position:
            continue  # a duplicate sprint id: the first one counts (validation reports it)
        position[sprint.id] = index + 1
        for h_index, h in enumerate(sprint.hypotheses):
            ref = Ref(sprint.id, h.id)
            card = _latest_card(sprint, h.id)
            steps[ref] = Step(
                ref=ref, position=index + 1, sprint_title=sprint.title, method=sprint.method,
                hypothesis=h, lang=lang,
                decision=latest_decision(sprint.learnings, h.id),
                learned=card.learned if card else None, action=card.action if card else None,
            )
            where[ref] = (index, h_index)

    problems: list[LineageProblem] = []
    parents: dict[Ref, Ref] = {}
    for ref, step in steps.items():
        text = step.hypothesis.derived_from
        if not text:
            continue
        target = parse_ref(text, ref.sprint)
        s_index, h_index = where[ref]

        def problem(kind: str, message: str, hint: str | None = None, *,
                    _ref: Ref = ref, _text: str = text, _s: int = s_index, _h: int = h_index
                    ) -> None:
            problems.append(LineageProblem(kind, _ref, _text, _s, _h, message, hint))

        if target.sprint not in position:
            if programme:
                known = ", ".join(position) or t("evidence.none_yet", lang)
                problem("unknown_sprint",
                        t("evidence.lineage.unknown_sprint", lang, ref=repr(text),
                          sprint=repr(target.sprint)),
                        t("evidence.lineage.unknown_sprint_hint", lang, known=known))
            continue
        if target not in steps:
            ids = [r.hypothesis for r in steps if r.sprint == target.sprint]
            where_text = (t("evidence.lineage.this_sprint", lang) if target.sprint == ref.sprint
                          else t("evidence.lineage.other_sprint", lang,
                                 sprint=repr(target.sprint)))
            problem("unknown_hypothesis",
                    t("evidence.lineage.unknown_hypothesis", lang, ref=repr(text),
                      where=where_text, hid=repr(target.hypothesis)),
                    t("evidence.lineage.unknown_hypothesis_hint", lang,
                      ids=", ".join(ids) or t("evidence.none_yet", lang)))
            continue
        if target == ref:
            problem("self", t("evidence.lineage.self", lang, ref=repr(text)))
            continue
        if position[target.sprint] > position[ref.sprint]:
            problem("later_sprint",
                    t("evidence.lineage.later_sprint", lang, ref=repr(text),
                      sprint=repr(target.sprint), own=repr(ref.sprint)),
                    t("evidence.lineage.later_sprint_hint", lang))
        parents[ref] = target

    for cycle in _cycles(parents):
        first = min(cycle, key=lambda r: (steps[r].position, where[r]))
        shown = " → ".join(str(r) for r in _rotate(cycle, first)) + f" → {first}"
        s_index, h_index = where[first]
        problems.append(LineageProblem(
            "cycle", first, steps[first].hypothesis.derived_from or "", s_index, h_index,
            t("evidence.lineage.cycle", lang, ref=repr(steps[first].hypothesis.derived_from),
              shown=shown),
            t("evidence.lineage.cycle_hint", lang)))
        del parents[first]

    for child, parent in parents.items():
        steps[child].parent = parent
    order = list(steps)
    for ref in order:  # children in chain order (the order steps were created)
        up = steps[ref].parent
        if up is not None:
            steps[up].children.append(ref)
            steps[ref].relation, steps[ref].changes = _relation(steps[up].hypothesis,
                                                                steps[ref].hypothesis)
    lineages = []
    for ref in order:
        step = steps[ref]
        if step.parent is None and step.children:
            lineages.append(Lineage(ref, _walk(steps, ref)))
    problems.sort(key=lambda p: (p.sprint_index, p.hypothesis_index))
    return LineageIndex(steps, lineages, problems, list(position))


def _latest_card(sprint: Sprint, hid: str) -> Any:
    cards = [ln for ln in sprint.learnings if ln.hypothesis == hid]
    with_decision = [ln for ln in cards if ln.decision]
    chosen = with_decision or cards
    return chosen[-1] if chosen else None


def _relation(old: Hypothesis, new: Hypothesis) -> tuple[str, list[Change]]:
    changes = []
    for name in COMPARED:
        before, after = getattr(old, name), getattr(new, name)
        before = None if before is None else str(before)
        after = None if after is None else str(after)
        if (before or "").strip() != (after or "").strip():
            changes.append(Change(name, before, after))
    return ("adapt" if changes else "retest"), changes


def _walk(steps: dict[Ref, Step], root: Ref) -> list[Step]:
    result: list[Step] = []
    stack: list[tuple[Ref, int]] = [(root, 0)]
    seen: set[Ref] = set()
    while stack:
        ref, depth = stack.pop()
        if ref in seen:
            continue
        seen.add(ref)
        step = steps[ref]
        step.depth = depth
        result.append(step)
        stack.extend((c, depth + 1) for c in reversed(step.children))
    return result


def _cycles(parents: dict[Ref, Ref]) -> list[list[Ref]]:
    """Each cycle in the parent links once, in link order."""
    state: dict[Ref, int] = {}  # 1 = on the current path, 2 = finished
    found: list[list[Ref]] = []
    for start in parents:
        path: list[Ref] = []
        node: Ref | None = start
        while node is not None and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parents.get(node)
        if node is not None and state.get(node) == 1:
            found.append(path[path.index(node):])
        for done in path:
            state[done] = 2
    return found


def _rotate(cycle: list[Ref], first: Ref) -> list[Ref]:
    at = cycle.index(first)
    return cycle[at:] + cycle[:at]
