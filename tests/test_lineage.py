"""Hypothesis lineage across sprints: retested and adapted steps, and every kind of broken link."""

from __future__ import annotations

from typing import Any

import pytest

from sprintkit.engine.lineage import Ref, build, parse_ref
from sprintkit.model.sprint import Sprint


def sprint(sid: str, *hyps: dict[str, Any], learnings: list[dict[str, Any]] | None = None
           ) -> Sprint:
    return Sprint.model_validate({
        "id": sid, "title": sid.title(), "method": "experiment-sprint",
        "hypotheses": [{"metric": "m", "target": ">=70%", **h} for h in hyps],
        "learnings": learnings or [],
    })


def card(hid: str, decision: str) -> dict[str, Any]:
    return {"id": f"L-{hid}", "hypothesis": hid, "observed": "o", "learned": "l",
            "action": "a", "decision": decision}


def test_parse_ref():
    assert parse_ref("H1", "exp") == Ref("exp", "H1")
    assert parse_ref(" innov-1 : H2 ", "exp") == Ref("innov-1", "H2")
    assert str(Ref("a", "H1")) == "a:H1"


def test_chain_of_adapted_and_retested_steps_with_decisions():
    innov = sprint("innov", {"id": "H1", "statement": "long format", "target": ">=60%",
                             "evidence": [{"successes": 5, "trials": 8}]},
                   learnings=[card("H1", "adapt")])
    exp1 = sprint("exp1", {"id": "H1", "statement": "short format",
                           "derived_from": "innov:H1",
                           "evidence": [{"successes": 9, "trials": 12}]},
                  learnings=[card("H1", "retest")])
    exp2 = sprint("exp2", {"id": "H1", "statement": "short format",
                           "derived_from": "exp1:H1",
                           "evidence": [{"successes": 30, "trials": 32}]},
                  learnings=[card("H1", "adopt")])
    index = build([innov, exp1, exp2])
    assert index.problems == []
    [lineage] = index.lineages
    assert lineage.root == Ref("innov", "H1")
    assert [str(s.ref) for s in lineage.steps] == ["innov:H1", "exp1:H1", "exp2:H1"]
    first, second, third = lineage.steps
    assert first.relation == "origin" and first.decision == "adapt"
    assert second.relation == "adapt"
    assert {(c.field, c.old, c.new) for c in second.changes} == {
        ("statement", "long format", "short format"), ("target", ">=60%", ">=70%")}
    assert third.relation == "retest" and third.changes == []
    assert [s.depth for s in lineage.steps] == [0, 1, 2]
    assert third.result.final == "supported" and second.result.final == "inconclusive"
    assert [s.ref for s in lineage.leaves] == [Ref("exp2", "H1")]
    assert [s.ref for s in lineage.history(Ref("exp2", "H1"))] == [
        Ref("innov", "H1"), Ref("exp1", "H1"), Ref("exp2", "H1")]
    assert index.decided_later(Ref("innov", "H1")) and not index.decided_later(Ref("exp2", "H1"))
    data = lineage.to_json()
    assert data["length"] == 3 and data["sprints"] == ["innov", "exp1", "exp2"]
    assert data["outcome"] == [{"ref": "exp2:H1", "final": "supported", "decision": "adopt"}]


def test_branches_and_same_sprint_links():
    a = sprint("a", {"id": "H1", "statement": "x"},
               {"id": "H2", "statement": "y", "derived_from": "H1"})
    b = sprint("b", {"id": "H1", "statement": "x", "derived_from": "a:H1"})
    index = build([a, b])
    [lineage] = index.lineages
    assert [str(s.ref) for s in lineage.steps] == ["a:H1", "a:H2", "b:H1"]
    assert index.steps[Ref("a", "H1")].children == [Ref("a", "H2"), Ref("b", "H1")]
    assert {str(s.ref) for s in lineage.leaves} == {"a:H2", "b:H1"}
    # a hypothesis without follow-ups is a lineage of its own when asked for
    lone = build([sprint("c", {"id": "H9", "statement": "z"})])
    assert lone.lineages == [] and [s.ref for s in lone.lineage_of(Ref("c", "H9")).steps] == [
        Ref("c", "H9")]
    assert index.find("H1") == [Ref("a", "H1"), Ref("b", "H1")]
    assert index.find("b:H1") == [Ref("b", "H1")] and index.find("b:H7") == []


@pytest.mark.parametrize(("derived", "kind", "words"), [
    ("nowhere:H1", "unknown_sprint", "no sprint 'nowhere' in the programme"),
    ("a:H7", "unknown_hypothesis", "sprint 'a' has no hypothesis 'H7'"),
    ("H7", "unknown_hypothesis", "this sprint has no hypothesis 'H7'"),
    ("H1", "self", "names the hypothesis itself"),
    ("c:H1", "later_sprint", "sprint 'c' comes after 'b'"),
])
def test_broken_links_are_reported_not_raised(derived, kind, words):
    a = sprint("a", {"id": "H1", "statement": "x"})
    b = sprint("b", {"id": "H1", "statement": "x", "derived_from": derived})
    c = sprint("c", {"id": "H1", "statement": "x"})
    index = build([a, b, c])
    [problem] = index.problems
    assert problem.kind == kind and words in problem.message
    assert (problem.sprint_index, problem.hypothesis_index) == (1, 0)
    assert problem.ref == Ref("b", "H1")
    if kind in ("unknown_sprint", "unknown_hypothesis"):
        assert problem.hint


def test_cycles_are_found_once_and_broken():
    a = sprint("a", {"id": "H1", "statement": "x", "derived_from": "H3"},
               {"id": "H2", "statement": "y", "derived_from": "H1"},
               {"id": "H3", "statement": "z", "derived_from": "H2"})
    index = build([a])
    [problem] = index.problems
    assert problem.kind == "cycle" and problem.ref == Ref("a", "H1")
    assert "a:H1 → a:H3 → a:H2 → a:H1" in problem.message
    [lineage] = index.lineages  # the closing link is dropped, the rest still reads
    assert [str(s.ref) for s in lineage.steps] == ["a:H1", "a:H2", "a:H3"]


def test_one_sprint_alone_leaves_other_sprints_unchecked():
    b = sprint("b", {"id": "H1", "statement": "x", "derived_from": "elsewhere:H1"},
               {"id": "H2", "statement": "y", "derived_from": "H9"})
    problems = build([b], programme=False).problems
    assert [p.kind for p in problems] == ["unknown_hypothesis"]


def test_chain_text_and_order():
    import datetime as dt

    from sprintkit.engine.programme import chain_text, out_of_order, span

    names = ["strategy", "innovation", "innovation", "experiment", "experiment", "experiment"]
    assert chain_text(names) == "strategy → innovation ×2 → experiment ×3"
    assert chain_text([]) == ""
    d = dt.date
    dates = [(d(2026, 1, 5), d(2026, 1, 9)), (None, None), (d(2025, 12, 1), None),
             (d(2026, 3, 2), d(2026, 3, 20))]
    assert span(dates) == (d(2025, 12, 1), d(2026, 3, 20))
    assert out_of_order(dates) == [2]
