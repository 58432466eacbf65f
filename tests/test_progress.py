"""Phase progress, exit criteria, `when` conditions and the counts `status` and programmes show."""

from __future__ import annotations

import datetime as dt

from sprintkit.engine.progress import (
    action_counts,
    all_answers,
    criteria_hold,
    is_filled,
    next_phase,
    phase_progress,
    share_done,
    verdict_counts,
)
from sprintkit.files.library import get_method
from sprintkit.model.sprint import Action, Sprint


def _sprint(**phases) -> Sprint:
    return Sprint.model_validate(
        {"id": "s", "title": "T", "method": "experiment-sprint", "phases": phases}
    )


def test_is_filled():
    assert not is_filled(None) and not is_filled("  ") and not is_filled([]) and not is_filled({})
    assert is_filled(False) and is_filled(0) and is_filled("x") and is_filled(["a"])


def test_exit_criteria_need_every_required_output():
    method = get_method("experiment-sprint").model
    frame = method.phases[0]
    half = {"experiment_goal": "besluit", "solution_tested": "format"}
    assert not criteria_hold(frame, half)
    full = half | {"assumptions": ["a"], "critical_assumptions": ["a"]}
    assert criteria_hold(frame, full)


def test_when_condition_decides_whether_an_output_is_asked():
    method = get_method("experiment-sprint").model
    design = method.phase("design")
    sprint = _sprint(design={"outputs": {"family_data": False}})
    row = next(p for p in phase_progress(method, sprint) if p.id == "design")
    assert "privacy_plan" not in row.missing
    sprint = _sprint(design={"outputs": {"family_data": True}})
    row = next(p for p in phase_progress(method, sprint) if p.id == "design")
    assert "privacy_plan" in row.missing
    assert not criteria_hold(design, all_answers(sprint))


def test_progress_states_and_next_phase():
    method = get_method("experiment-sprint").model
    sprint = _sprint(
        frame={"status": "done", "outputs": {"experiment_goal": "b"}},
        design={"outputs": {"participants": 12}},
    )
    rows = phase_progress(method, sprint, "nl")
    assert rows[0].status == "done"
    assert rows[1].status == "in_progress" and rows[1].answered == 1
    assert rows[2].status == "todo"
    assert next_phase(rows) == "design"
    assert 0 < share_done(rows) < 1
    assert rows[1].to_json()["missing"][0] == "hypotheses"


def test_verdict_and_action_counts():
    sprint = Sprint.model_validate({
        "id": "s", "title": "T", "method": "experiment-sprint",
        "hypotheses": [
            {"id": "H1", "statement": "a", "target": ">=70%",
             "evidence": [{"successes": 12, "trials": 12}]},
            {"id": "H2", "statement": "b", "target": ">=70%",
             "evidence": [{"successes": 9, "trials": 12}]},
            {"id": "H3", "statement": "c", "target": ">=70%"},
        ],
    })
    assert verdict_counts(sprint) == {
        "supported": 1, "refuted": 0, "inconclusive": 1, "insufficient_data": 1,
    }
    day = dt.date(2026, 6, 1)
    actions = [
        Action(id="A1", text="x", status="todo", due=dt.date(2026, 5, 1)),
        Action(id="A2", text="y", status="done", due=dt.date(2026, 5, 1)),
        Action(id="A3", text="z", status="escalated"),
    ]
    assert action_counts(actions, day) == {
        "todo": 1, "doing": 0, "done": 1, "escalated": 1, "open": 2, "overdue": 1,
    }
