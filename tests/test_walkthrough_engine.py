"""The walkthrough state machine: resume at the first open prompt, `when` conditions, going
back and forth, skipping, revisiting a phase, and when a phase is done."""

from __future__ import annotations

import pytest

from sprintkit.engine.walkthrough import Step, Walkthrough, closed_status
from sprintkit.files.library import get_method
from sprintkit.model.sprint import Sprint


def _sprint(**phases) -> Sprint:
    return Sprint.model_validate(
        {"id": "s", "title": "T", "method": "experiment-sprint", "phases": phases}
    )


@pytest.fixture(scope="module")
def method():
    return get_method("experiment-sprint").model


def test_a_new_sprint_starts_at_the_first_output(method):
    walk = Walkthrough(method, _sprint())
    first = walk.first()
    assert first.key == "frame.experiment_goal"
    assert walk.position(first) == (1, 4)
    assert walk.before(first) is None


def test_resume_passes_over_answered_skipped_and_done(method):
    sprint = _sprint(
        frame={"status": "done", "outputs": {"experiment_goal": "b"}},
        design={"outputs": {"hypotheses": ["H1"], "participants": 6},
                "skipped_outputs": ["run_weeks"]},
    )
    walk = Walkthrough(method, sprint)
    first = walk.first()
    assert first.key == "design.sample_plan"
    assert walk.phases_before(first) == ["frame"]


def test_when_conditions_add_and_remove_steps(method):
    walk = Walkthrough(method, _sprint(design={"outputs": {"family_data": False}}))
    keys = [s.key for s in walk.steps()]
    assert "design.privacy_plan" not in keys and "run.deviation_notes" not in keys
    walk.refresh(_sprint(design={"outputs": {"family_data": True}},
                         decide={"outputs": {"decision": "retest"}}))
    keys = [s.key for s in walk.steps()]
    assert "design.privacy_plan" in keys and "decide.retest_plan" in keys
    assert "decide.implementation_input" not in keys


def test_back_then_forward_revisits_up_to_the_furthest_step(method):
    sprint = _sprint(frame={"outputs": {"experiment_goal": "a", "solution_tested": "b"}})
    walk = Walkthrough(method, sprint)
    here = walk.first()
    assert here.key == "frame.assumptions"
    walk.reach(here)
    back = walk.before(here)
    assert back.key == "frame.solution_tested"
    back2 = walk.before(back)
    assert back2.key == "frame.experiment_goal"
    # going forward again stops at every step up to where we were, though they are answered
    assert walk.after(back2).key == "frame.solution_tested"
    assert walk.after(back).key == "frame.assumptions"


def test_back_crosses_into_an_earlier_phase(method):
    sprint = _sprint(frame={"status": "done", "outputs": {
        "experiment_goal": "a", "solution_tested": "b", "assumptions": ["x"],
        "critical_assumptions": ["x"]}})
    walk = Walkthrough(method, sprint)
    first = walk.first()
    assert first.key == "design.hypotheses"
    walk.reach(first)
    assert walk.before(first).key == "frame.critical_assumptions"
    assert walk.after(walk.before(first)).key == "design.hypotheses"


def test_revisit_visits_every_step_of_one_phase(method):
    sprint = _sprint(frame={"status": "done", "outputs": {"experiment_goal": "a"}})
    walk = Walkthrough(method, sprint, phase="frame")
    assert walk.revisit and walk.scope == ["frame"]
    first = walk.first()
    assert first.key == "frame.experiment_goal"
    last = walk.after(walk.after(walk.after(first)))
    assert last.key == "frame.critical_assumptions"
    assert walk.after(last) is None
    with pytest.raises(KeyError):
        Walkthrough(method, sprint, phase="nope")


def test_a_phase_is_done_when_its_exit_criteria_hold(method):
    frame = method.phase("frame")
    full = {"experiment_goal": "a", "solution_tested": "b", "assumptions": ["x"],
            "critical_assumptions": ["x"]}
    sprint = _sprint(frame={"status": "in_progress", "outputs": full})
    assert closed_status(frame, sprint.phases["frame"], full) == "done"
    half = _sprint(frame={"outputs": {"experiment_goal": "a"}})
    assert closed_status(frame, half.phases["frame"], {"experiment_goal": "a"}) == "in_progress"
    assert closed_status(frame, None, {}) == "todo"
    kept = _sprint(frame={"status": "skipped"})
    assert closed_status(frame, kept.phases["frame"], full) == "skipped"
    walk = Walkthrough(method, half)
    assert walk.missing("frame") == ["solution_tested", "assumptions", "critical_assumptions"]
    assert not walk.done("frame")


def test_steps_are_ordered_by_method_position():
    a = Step(0, 3, "a", "x")
    b = Step(1, 0, "b", "y")
    assert a < b and a.key == "a.x"


def test_open_questions_are_skipped_or_missing_in_phases_not_done(method):
    sprint = _sprint(
        frame={"status": "done", "outputs": {"experiment_goal": "b"},
               "skipped_outputs": ["solution_tested"]},      # a done phase: not open
        design={"status": "in_progress",
                "outputs": {"hypotheses": ["H1"], "participants": 6, "run_weeks": 3,
                            "family_data": False},
                "skipped_outputs": ["sample_plan"]},
        prepare={"status": "skipped"}, run={"status": "skipped"}, learn={"status": "skipped"},
        decide={"status": "skipped"},
    )
    walk = Walkthrough(method, sprint)
    assert walk.first() is None                      # the walk passes the skipped one over …
    assert [(s.key, skipped) for s, skipped in walk.open_steps()] == [
        ("design.sample_plan", True)]
    step = walk.take_up_open()                       # … until the round over open questions
    assert step.key == "design.sample_plan"
    assert walk.after(step) is None                  # answered questions are not asked again
    sprint.phases["design"].outputs["sample_plan"] = "Zes"
    sprint.phases["design"].skipped_outputs.clear()
    walk.refresh(sprint)
    assert walk.open_steps() == [] and walk.first() is None


def test_an_unanswered_required_question_is_open_an_optional_one_is_not(method):
    walk = Walkthrough(method, _sprint(design={"status": "in_progress"}))
    keys = [s.key for s, _ in walk.open_steps()]
    assert "design.sample_plan" in keys and "design.participants" in keys
    optional = [s.key for s in walk.steps() if not walk.spec(s).required]
    assert optional and not set(optional) & set(keys)


def test_exit_criteria_are_checked_not_assumed(method):
    from sprintkit.engine.progress import ASK, MET, OPEN, criteria_hold, criterion_state
    from sprintkit.model.method import ExitCriterion

    walk = Walkthrough(method, _sprint())
    assert walk.criteria("design") == [OPEN, OPEN]           # nothing done: nothing ticked
    sprint = _sprint(design={"outputs": {"hypotheses": ["H1"], "participants": 6,
                                         "run_weeks": 3}})
    walk.refresh(sprint)
    assert walk.criteria("design") == [MET, OPEN]            # the sample plan is missing
    run = method.phase("run")
    crit = run.exit_criteria[0]
    answers = {"check_in_notes": ["x"], "evidence_complete": True}
    assert criterion_state(run, crit, answers, []) == MET
    assert criterion_state(run, crit, answers, ["H1"]) == OPEN   # yes, but H1 has no evidence
    no = {"check_in_notes": ["x"], "evidence_complete": False}
    assert criterion_state(run, crit, no, []) == OPEN
    assert not criteria_hold(run, no) and criteria_hold(run, answers)
    free = ExitCriterion.model_validate({"text": "Iedereen is gehoord"})
    assert criterion_state(run, free, answers, []) == ASK        # cannot be checked: asked


def test_no_criterion_is_ticked_for_learning_cards_that_nobody_wrote(method):
    """The learning phase's criterion about learning cards is not implied by its answers: the
    key learnings tick their own criterion, the cards' criterion is left to the facilitator."""
    from sprintkit.engine.progress import ASK, MET, OPEN

    walk = Walkthrough(method, _sprint())
    assert walk.criteria("learn") == [OPEN, ASK]
    walk.refresh(_sprint(learn={"outputs": {"key_learnings": ["Samen schrijven werkt"]}}))
    assert walk.criteria("learn") == [MET, ASK]
    cards = [c.text.get("nl") for c in method.phase("learn").exit_criteria if not c.requires]
    assert cards == ["Voor elke hypothese is er een leerkaart met een voorgesteld besluit."]


def test_an_evidence_check_answered_no_stays_open(method):
    from sprintkit.engine.progress import is_evidence_check

    assert is_evidence_check(method.output("evidence_complete"))
    assert not is_evidence_check(method.output("deviations"))
    sprint = _sprint(run={"status": "in_progress",
                          "outputs": {"check_in_notes": ["x"], "deviations": False,
                                      "evidence_complete": False}})
    walk = Walkthrough(method, sprint)
    assert ("run.evidence_complete", False) in [(s.key, k) for s, k in walk.open_steps()]
    assert walk.missing("run") == ["evidence_complete"]
    assert closed_status(method.phase("run"), sprint.phases["run"], walk.answers()) == \
        "in_progress"
