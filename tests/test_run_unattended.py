"""`sprintkit run` without a terminal: answers file, --set, saved state and defaults in that
order; never a prompt; located errors; missing answers listed with a snippet; every built-in
method replayed end to end in both languages."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from run_support import answers_for, make_sprint

from sprintkit.files.library import all_methods, get_method
from sprintkit.files.sprintfile import load_sprint


def _write(path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _outputs(folder, phase):
    return load_sprint(folder).model.phases[phase].outputs


def test_missing_answers_are_listed_with_a_snippet(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    res = cli("run", "-s", folder, "--no-input")
    assert res.exit_code == 1
    err = res.stderr
    flat = " ".join(err.split())
    assert "er ontbreken antwoorden, en er is geen terminal om ernaar te vragen" in flat
    assert "Welk besluit moet dit experiment mogelijk maken? (frame.experiment_goal)" in flat
    assert "decide.support_notes" in err
    assert "privacy_plan" not in err  # its `when` does not hold
    assert "--answers answers.yaml --no-input" in res.unwrapped and "--set FASE.VRAAG=WAARDE" in err
    assert "  participants: 1 # integer" in err
    assert "  decision: adopt  # choice: adopt, adapt, drop, retest" in err
    # the method's default was saved all the same; nothing was asked
    assert _outputs(folder, "design") == {"run_weeks": 3}


def test_without_a_terminal_nothing_is_asked_even_without_no_input(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    res = cli("run", "-s", folder, input="iets\n")
    assert res.exit_code == 1 and "er ontbreken antwoorden" in res.stderr
    assert "experiment_goal" not in str(load_sprint(folder).model.phases.get("frame"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_built_in_method_replays_end_to_end(cli, tmp_path, lang):
    methods, problems = all_methods()
    assert not problems and len(methods) >= 7
    for found in methods:
        method = found.model
        folder = make_sprint(tmp_path / f"{method.id}-{lang}", method.id, lang)
        answers = answers_for(method)
        _write(folder / "answers.yaml", answers)
        res = cli("run", "-s", folder, "--answers", folder / "answers.yaml", "--no-input")
        assert res.exit_code == 0, (method.id, res.output)
        sprint = load_sprint(folder).model
        assert all(sprint.phases[p.id].status == "done" for p in method.phases), method.id
        assert cli("validate", folder).exit_code == 0
        status = cli("status", "-s", folder, "--format", "json")
        data = __import__("json").loads(status.stdout)
        assert data["next"]["phase"] is None and data["outputs"]["missing"] == 0
        before = (folder / "sprint.yaml").read_bytes()
        again = cli("run", "-s", folder, "--answers", folder / "answers.yaml", "--no-input")
        assert again.exit_code == 0
        assert (folder / "sprint.yaml").read_bytes() == before, "a replay changes nothing"
        cards = [o for p in method.phases for o in p.outputs if o.type == "hypotheses"]
        assert len(sprint.hypotheses) == len(cards)


def test_answers_are_coerced_and_stored_typed(cli, tmp_path):
    folder = make_sprint(tmp_path / "s", "co-creation")
    method = get_method("co-creation").model
    answers = answers_for(method)
    _write(folder / "a.yaml", answers)
    assert cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input").exit_code == 0
    model = load_sprint(folder).model
    votes = model.phases["prioritise"].outputs["pain_point_votes"]
    assert list(votes.values()) == sorted(votes.values(), reverse=True)
    scores = model.phases["solutions"].outputs["solution_scores"]
    assert all(set(v) == {"impact", "effort"} for v in scores.values())


def test_precedence_answers_file_then_set_then_saved_then_default(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    text = (folder / "sprint.yaml").read_text(encoding="utf-8").replace(
        "phases: {}", "phases:\n  design:\n    outputs:\n      participants: 4\n"
                      "      sample_plan: bewaard plan\n")
    (folder / "sprint.yaml").write_text(text, encoding="utf-8")
    (folder / "a.yaml").write_text("design:\n  participants: 9\n", encoding="utf-8")
    res = cli("run", "-s", folder, "--phase", "design", "--answers", folder / "a.yaml",
              "--set", "design.participants=7", "--set", "design.family_data=nee", "--no-input")
    outputs = _outputs(folder, "design")
    assert outputs["participants"] == 9            # the answers file wins over --set
    assert outputs["family_data"] is False         # --set, coerced from 'nee'
    assert outputs["sample_plan"] == "bewaard plan"  # the saved answer stays
    assert outputs["run_weeks"] == 3               # the method's default fills the gap
    assert res.exit_code == 1  # what is given is saved, and what is missing is listed
    assert "design.hypotheses" in res.stderr and "design.participants" not in res.stderr
    res = cli("run", "-s", folder, "--set", "design.hypotheses=[]", "--no-input")
    assert res.exit_code == 1 and "een antwoord mag niet leeg zijn" in res.stderr


def test_unknown_phase_and_output_are_located_with_did_you_mean(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    (folder / "a.yaml").write_text(textwrap.dedent("""\
        # answers
        framing:
          experiment_goal: x
        design:
          participant: 3
          assumptions: [a]
        """), encoding="utf-8")
    before = (folder / "sprint.yaml").read_bytes()
    res = cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input")
    assert res.exit_code == 1
    err = res.stderr
    assert "a.yaml:2:1: framing: de methode 'experiment-sprint' heeft geen fase 'framing'" in err
    assert "tip: bedoel je 'frame'?" in err
    assert "a.yaml:5:3: design.participant: fase 'design' heeft geen opbrengst 'participant'" in err
    assert "bedoel je 'participants'?" in err
    assert "a.yaml:6:3: design.assumptions" in err and "hoort bij fase 'frame'" in err
    assert (folder / "sprint.yaml").read_bytes() == before


def test_wrong_answers_are_located_and_nothing_is_written(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    (folder / "a.yaml").write_text(textwrap.dedent("""\
        design:
          participants: veel
          run_weeks: 20
          hypotheses:
            - statement: Ouders begrijpen het
              target: 70
        decide:
          decision: misschien
        """), encoding="utf-8")
    before = (folder / "sprint.yaml").read_bytes()
    res = cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input")
    assert res.exit_code == 1
    err = res.stderr
    assert "a.yaml:2:17: design.participants: verwacht een geheel getal, kreeg 'veel'" in err
    assert "a.yaml:3:14: design.run_weeks: 20 is groter dan toegestaan (12)" in err
    assert "a.yaml:5:5: design.hypotheses" in err and "is geen streefwaarde" in err
    assert "a.yaml:8:13: decide.decision: 'misschien' is geen van de keuzes" in err
    assert "er is niets geschreven" in err
    assert (folder / "sprint.yaml").read_bytes() == before


def test_set_errors_name_the_option(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    res = cli("run", "-s", folder, "--set", "participants=3", "--no-input")
    assert res.exit_code == 2 and "schrijf --set design.participants=" in res.stderr
    res = cli("run", "-s", folder, "--set", "design.participnts=3", "--no-input")
    assert res.exit_code == 2 and "bedoel je 'design.participants'?" in res.stderr
    res = cli("run", "-s", folder, "--set", "design", "--no-input")
    assert res.exit_code == 2 and "SLEUTEL=WAARDE" in res.stderr
    res = cli("run", "-s", folder, "--set", "design.participants=nul", "--no-input")
    assert res.exit_code == 1 and "--set design.participants: design.participants: " \
           "verwacht een geheel getal" in res.stderr


def test_bad_options(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    res = cli("run", "-s", folder, "--phase", "desing", "--no-input")
    assert res.exit_code == 1 and "bedoel je 'design'?" in res.stderr
    res = cli("run", "-s", tmp_path / "nowhere", "--no-input")
    assert res.exit_code == 1 and "deze sprintmap" in res.stderr
    res = cli("run", "-s", folder, "--answers", tmp_path / "none.yaml", "--no-input")
    assert res.exit_code == 1 and "none.yaml" in res.stderr
    (folder / "list.yaml").write_text("- a\n", encoding="utf-8")
    res = cli("run", "-s", folder, "--answers", folder / "list.yaml", "--no-input")
    assert res.exit_code == 1 and "een antwoordbestand koppelt fase-id" in res.stderr
    assert "Walk through the sprint's method" in cli("run", "--help").stdout


def test_the_users_comments_quoting_and_order_survive(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    before = (folder / "sprint.yaml").read_text(encoding="utf-8")
    (folder / "a.yaml").write_text("frame:\n  experiment_goal: Besluiten\n", encoding="utf-8")
    cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input")
    after = (folder / "sprint.yaml").read_text(encoding="utf-8")
    head = before.split("phases:")[0]
    assert after.startswith(head), "everything above phases: is byte for byte the same"
    assert "title: 'Veiligheidsformat'   # enkele aanhalingstekens blijven staan" in after
    assert "  # de rest volgt later" in after
    assert "experiment_goal: Besluiten" in after


def test_a_held_lock_is_reported_with_pid_and_since(cli, tmp_path, monkeypatch):
    import fcntl
    import json
    import os

    folder = make_sprint(tmp_path / "s")
    monkeypatch.setenv("SPRINTKIT_LOCK_TIMEOUT", "0.2")
    lock = folder / ".sprintkit.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, json.dumps({"pid": 4242, "since": "2026-03-02T10:15:00",
                                 "command": "sprintkit evidence"}).encode())
        (folder / "a.yaml").write_text("frame:\n  experiment_goal: x\n", encoding="utf-8")
        res = cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input")
    finally:
        os.close(fd)
    assert res.exit_code == 1
    err = " ".join(res.stderr.split())
    assert "wordt geschreven door proces 4242 (sprintkit evidence) sinds 2026-03-02T10:15:00" \
        in err
    assert "vanzelf" in err and "verwijder" in err and ".sprintkit.lock" in err
    assert "experiment_goal" not in (folder / "sprint.yaml").read_text(encoding="utf-8")
    # the lock is gone with its holder: the same command now works
    assert cli("run", "-s", folder, "--answers", folder / "a.yaml", "--phase", "frame",
               "--no-input").exit_code == 1  # other frame outputs are still missing
    assert _outputs(folder, "frame") == {"experiment_goal": "x"}


def test_an_answers_file_picks_from_an_earlier_list_by_number(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    (tmp_path / "a.yaml").write_text(
        "frame:\n  experiment_goal: a\n  solution_tested: b\n"
        "  assumptions: [Sneller, Ouders begrijpen het plan, Geen extra tijd]\n"
        "  critical_assumptions: [2, Geen extra tijd, '1,3']\n", encoding="utf-8")
    res = cli("run", "-s", folder, "--answers", tmp_path / "a.yaml", "--phase", "frame",
              "--no-input")
    assert res.exit_code == 1 and "twee keer" in res.output  # 3 is 'Geen extra tijd'
    assert "Geen extra tijd" not in res.output                  # answers are not echoed
    (tmp_path / "a.yaml").write_text(
        "frame:\n  experiment_goal: a\n  solution_tested: b\n"
        "  assumptions: [Sneller, Ouders begrijpen het plan, Geen extra tijd]\n"
        "  critical_assumptions: [2, Nieuw]\n", encoding="utf-8")
    for _ in range(2):   # a replay changes nothing
        res = cli("run", "-s", folder, "--answers", tmp_path / "a.yaml", "--phase", "frame",
                  "--no-input")
        assert res.exit_code == 0, res.output
    assert "0 antwoorden" in res.output
    frame = load_sprint(folder).model.phases["frame"].outputs
    assert frame["critical_assumptions"] == ["Ouders begrijpen het plan", "Nieuw"]
