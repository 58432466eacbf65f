"""A sprint checked against its method: unknown method, phases and outputs, wrong choices."""

from __future__ import annotations

import textwrap

from sprintkit.files import library
from sprintkit.files.sprintfile import load_sprint


def _sprint(tmp_path, body: str):
    folder = tmp_path / "s"
    folder.mkdir(exist_ok=True)
    path = folder / "sprint.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_sprint(folder)


HEAD = """\
id: s
title: Test
method: {method}
"""


def test_a_consistent_sprint_has_no_problems(tmp_path):
    loaded = _sprint(
        tmp_path,
        HEAD.format(method="innovation-sprint")
        + """\
phases:
  prototype:
    status: in_progress
    outputs:
      validation_form: prototype
      prototype_type: role-play
""",
    )
    assert library.validate_against_method(loaded.model, loaded.doc, loaded.path) == []


def test_unknown_method_with_did_you_mean(tmp_path):
    loaded = _sprint(tmp_path, HEAD.format(method="experimentsprint"))
    problems = library.validate_against_method(loaded.model, loaded.doc, loaded.path)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.line, problem.column, problem.path) == (3, 9, "method")
    assert "onbekende methode 'experimentsprint'" in problem.message
    assert problem.hint == "bedoel je 'experiment-sprint'?"


def test_phases_and_outputs_the_method_lacks(tmp_path):
    loaded = _sprint(
        tmp_path,
        HEAD.format(method="experiment-sprint")
        + """\
phases:
  framing:
    status: todo
  design:
    outputs:
      sample_plan: twintig gezinsmanagers
      assumptions: [a]
      sampel_size: 20
    skipped_outputs: [privacy]
  decide:
    outputs:
      decision: maybe
""",
    )
    problems = library.validate_against_method(loaded.model, loaded.doc, loaded.path)
    by_path = {p.path: p for p in problems}
    assert by_path["phases.framing"].line == 5
    assert "heeft geen fase 'framing'" in by_path["phases.framing"].message
    assert by_path["phases.framing"].hint == "bedoel je 'frame'?"
    wrong_phase = by_path["phases.design.outputs.assumptions"]
    assert wrong_phase.hint == "'assumptions' hoort bij fase 'frame'"
    assert (
        by_path["phases.design.outputs.sampel_size"].hint == "bedoel je 'sample_size'?"
        or "sample_plan" in by_path["phases.design.outputs.sampel_size"].hint
    )
    assert (wrong_phase.line, wrong_phase.column) == (10, 7)
    assert "phases.design.skipped_outputs[0]" in by_path
    choice = by_path["phases.decide.outputs.decision"]
    assert "'maybe' is geen van de keuzes" in choice.message
    assert choice.hint == "toegestaan: adopt, adapt, drop, retest"


def test_sprint_folder_method_is_found(tmp_path):
    from methods_support import SMALL_METHOD

    (tmp_path / "s" / "methods").mkdir(parents=True)
    (tmp_path / "s" / "methods" / "local.yaml").write_text(
        SMALL_METHOD.format(id="local", name_nl="L", name_en="L"), encoding="utf-8"
    )
    loaded = _sprint(tmp_path, HEAD.format(method="local") + "phases:\n  open: {}\n")
    assert library.validate_against_method(loaded.model, loaded.doc, loaded.path) == []


def test_validate_command_uses_the_method(cli, tmp_path):
    _sprint(tmp_path, HEAD.format(method="strategy-sprint") + "phases:\n  goals: {}\n")
    res = cli("validate", tmp_path / "s")
    assert res.exit_code == 1
    assert (
        "sprint.yaml:5:3: phases.goals: de methode 'strategy-sprint' heeft geen fase 'goals'"
        in res.stdout
    )
