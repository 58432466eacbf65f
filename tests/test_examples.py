"""The worked examples (examples/): every file validates, is consistent with its method and with
the source cases, renders its documents, and the READMEs' commands run as written."""

from __future__ import annotations

import glob
import importlib.util
import json
import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from examples_support import (
    ANSWERS,
    EXAMPLES,
    PROGRAMMES,
    SPRINT_DIRS,
    copy_examples,
    rel,
    type_problems,
)
from readme_support import section

from sprintkit.engine.evidence import decision_against_verdict, evaluate
from sprintkit.engine.progress import all_answers, applies, criteria_hold
from sprintkit.files.library import get_method
from sprintkit.files.sprintfile import load_programme, load_sprint
from sprintkit.files.yamlio import load_yaml
from sprintkit.model.sprint import Hypothesis

EXPECTED = {"intervence", "flevoland-acceleration", "foodvalley-stories",
            "nji-trial-implementation", "zuid-limburg-co-creation"}


def _sprint(folder: Path):
    model = load_sprint(folder).model
    return model, get_method(model.method).model


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_all_five_examples_are_there():
    # ci holds the workflow recipe; __pycache__ appears once the demo test imports run_demo.py
    folders = {p.name for p in EXAMPLES.iterdir() if p.is_dir()} - {"ci", "__pycache__"}
    assert folders == EXPECTED
    assert len(SPRINT_DIRS) == 10
    assert [p.parent.name for p in PROGRAMMES] == ["intervence"]
    for name in EXPECTED:
        readme = (EXAMPLES / name / "README.md").read_text(encoding="utf-8")
        assert readme.startswith("# ") and "\n*" in readme, f"{name}: title and Dutch summary"
        assert "```console" in readme, f"{name}: README says which commands to run"


# --- validation and consistency with the method -------------------------------------------


@pytest.mark.parametrize("path", [*SPRINT_DIRS, *PROGRAMMES], ids=rel)
def test_every_example_file_validates(cli, path):
    res = cli("validate", path)
    assert res.exit_code == 0, res.output
    assert "geldig" in res.stderr


@pytest.mark.parametrize("folder", SPRINT_DIRS, ids=rel)
def test_sprint_is_marked_fictional_and_carries_the_schema_line(folder):
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=.sprintkit/sprint.schema.json\n")
    assert "Fictief voorbeeld" in text
    model, _ = _sprint(folder)
    assert model.id == folder.name
    assert "(fictief voorbeeld)" in (model.organisation or "")


@pytest.mark.parametrize("folder", SPRINT_DIRS, ids=rel)
def test_captured_outputs_fit_the_method(folder):
    sprint, method = _sprint(folder)
    answers = all_answers(sprint)
    problems: list[str] = []
    assert list(sprint.phases) == [p.id for p in method.phases]
    for phase in method.phases:
        state = sprint.phases[phase.id]
        assert state.status in ("done", "in_progress"), (phase.id, state.status)
        if state.status == "done":
            assert criteria_hold(phase, answers), f"{phase.id}: exit criteria do not hold"
            assert state.started and state.completed and state.started <= state.completed
        for spec in phase.outputs:
            if spec.id not in state.outputs:
                if spec.required and applies(spec, answers):
                    problems.append(f"{phase.id}.{spec.id}: required, not answered")
                continue
            written_by_hand = spec.feeds is not None and f"@{spec.feeds}" in answers
            if not applies(spec, answers) and not written_by_hand:
                problems.append(f"{phase.id}.{spec.id}: answered, but its condition fails")
            value = state.outputs[spec.id]
            problems += [f"{phase.id}.{p}" for p in type_problems(spec, value, answers)]
            if spec.type == "hypotheses":
                assert value == [h.id for h in sprint.hypotheses]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("folder", SPRINT_DIRS, ids=rel)
def test_evidence_learnings_and_overrides_are_consistent(folder):
    sprint, _ = _sprint(folder)
    ids = {h.id for h in sprint.hypotheses}
    for h in sprint.hypotheses:
        assert h.evidence, f"{h.id} has no evidence"
        assert h.phase in sprint.phases
        result = evaluate(h, sprint.language)
        if h.override is not None:
            assert h.override.computed == result.verdict, "override.computed is out of date"
            assert h.override.verdict != result.verdict and len(h.override.reason) > 80
    for learning in sprint.learnings:
        if learning.hypothesis is None:
            continue
        assert learning.hypothesis in ids
        final = evaluate(sprint.hypothesis(learning.hypothesis), sprint.language).final
        assert decision_against_verdict(learning.decision, final) == learning.against_verdict
    for action in sprint.actions:
        assert (action.status == "escalated") == (action.escalation is not None)
        assert (action.status == "done") == (action.done is not None) or action.done is None
    for indicator in sprint.indicators:
        for m in indicator.measurements:
            assert m.denominator_period is None, "rates keep numerator and denominator together"


# --- the source cases ------------------------------------------------------------------------


def test_intervence_programme_chains_one_strategy_two_innovation_three_experiment_sprints():
    programme = load_programme(EXAMPLES / "intervence").model
    chain = [_sprint(EXAMPLES / "intervence" / entry.path)[0] for entry in programme.sprints]
    assert [s.method for s in chain] == ["strategy-sprint", *["innovation-sprint"] * 2,
                                         *["experiment-sprint"] * 3]
    assert [e.id for e in programme.sprints] == [s.id for s in chain]
    assert {s.programme for s in chain} == {programme.id}
    # lineage: derived_from points back to an earlier sprint's hypothesis
    position = {s.id: i for i, s in enumerate(chain)}
    links = 0
    for index, sprint in enumerate(chain):
        for h in sprint.hypotheses:
            if h.derived_from:
                source_id, _, hid = h.derived_from.partition(":")
                assert position[source_id] < index, h.derived_from
                assert hid in {x.id for x in chain[position[source_id]].hypotheses}
                links += 1
    assert links >= 8
    experiments = chain[3:]
    finals = Counter(evaluate(h, "nl").final for s in experiments for h in s.hypotheses)
    assert finals["supported"] and finals["refuted"] and finals["inconclusive"] >= 2
    overrides = [h for s in chain for h in s.hypotheses if h.override]
    assert len(overrides) == 1 and overrides[0].override.computed == "inconclusive"
    decisions = {lr.decision for s in experiments for lr in s.learnings}
    assert {"adopt", "adapt", "retest"} <= decisions
    families = [e for s in experiments for h in s.hypotheses for e in h.evidence
                if "ouders" in (e.source or "") or "gezin" in (e.source or "")]
    assert families, "hypotheses are tested with families too"
    plan = programme.plan
    assert any("middenmanagement" in (st.role or "") for st in plan.stakeholders)
    assert plan.communication and plan.trial and plan.trial.start and plan.trial.end
    assert len(plan.evaluation) >= 2 and plan.risks and plan.support


def test_flevoland_team_board_and_outcomes_follow_the_case():
    sprint, method = _sprint(EXAMPLES / "flevoland-acceleration")
    roles = Counter(m.role.split(" (")[0] for m in sprint.team)
    assert roles == {"onafhankelijk aanvoerder": 1, "regionale beleidsadviseur": 1,
                     "jeugdhulpprofessional": 4, "teamcoach": 1, "bestuurlijk aanjager": 1}
    assert {a.status for a in sprint.actions} == {"todo", "doing", "done", "escalated"}
    escalated = [a for a in sprint.actions if a.status == "escalated"]
    assert escalated[0].escalation.to.startswith("escalatieteam")
    by_id = {i.id: i for i in sprint.indicators}
    assert by_id["uithuisplaatsingen"].baseline == 250
    assert by_id["uithuisplaatsingen"].baseline_period == "2021"
    rate = by_id["thuis-of-terug"].measurements
    considered = by_id["meegedacht"].measurements
    assert [m.period for m in rate] == [m.period for m in considered]
    assert [m.denominator for m in rate] == [m.value for m in considered]
    assert sum(m.numerator for m in rate) == 65 and sum(m.denominator for m in rate) == 206
    outputs = sprint.phases["team"].outputs
    assert outputs["days_per_week"] == 2 and len(outputs["team_composition"]) == 8
    assert len(sprint.phases["mandate"].outputs["escalation_members"]) == 4


def test_zuid_limburg_parties_votes_and_intent_follow_the_case():
    sprint, _ = _sprint(EXAMPLES / "zuid-limburg-co-creation")
    outputs = {k: v for state in sprint.phases.values() for k, v in state.outputs.items()}
    assert 25 <= len(sprint.parties) <= 30 and outputs["parties"] == len(sprint.parties)
    assert outputs["participants"] == 45
    assert len({p.name for p in sprint.parties}) == len(sprint.parties)
    signing = [p for p in sprint.parties if p.signs_intent]
    assert 0 < len(signing) < len(sprint.parties) and outputs["all_sign"] is False
    assert sum(outputs["pain_point_votes"].values()) == 126  # 42 present, three dots each
    ranked = sorted(outputs["pain_point_votes"], key=outputs["pain_point_votes"].get,
                    reverse=True)
    assert outputs["top_pain_points"] == ranked[:4]
    assert set(outputs["chosen_solutions"]) <= set(outputs["solutions"])
    assert all(a.owner and a.due for a in sprint.actions)


def test_nji_trial_lasts_about_three_months_with_start_and_end_measurements():
    sprint, _ = _sprint(EXAMPLES / "nji-trial-implementation")
    trial = sprint.plan.trial
    assert 80 <= (trial.end - trial.start).days <= 100
    prepare = sprint.phases["prepare"].outputs
    assert (prepare["trial_start"], prepare["trial_end"]) == (str(trial.start), str(trial.end))
    discussions = [e for e in sprint.plan.evaluation if "Resultaatbespreking" in e.what]
    assert len(discussions) == len(prepare["pilot_teams"]) == 3
    assert sprint.phases["results"].outputs["end_measurement_done"] is True
    mean = next(h for h in sprint.hypotheses if h.kind == "mean")
    assert evaluate(mean, "nl").final == "supported"


# --- answers files for unattended walkthroughs -----------------------------------------------


def test_answers_files_exist_for_the_experiment_and_acceleration_sprints():
    folders = {a.parent.name for a in ANSWERS}
    assert folders >= {"experiment-regieplan", "experiment-veiligheid", "experiment-werkwijze",
                       "flevoland-acceleration"}


@pytest.mark.parametrize("path", ANSWERS, ids=rel)
def test_answers_file_is_typed_and_replays_the_sprint(path):
    data = load_yaml(path).data
    sprint, method = _sprint(path.parent)
    flat = {k: v for outputs in data.values() for k, v in outputs.items()}
    problems = []
    for phase_id, outputs in data.items():
        phase = method.phase(phase_id)
        specs = {o.id: o for o in phase.outputs}
        for output_id, value in outputs.items():
            spec = specs[output_id]
            if spec.type == "hypotheses":
                cards = [Hypothesis.model_validate(card) for card in value]
                expected = [h.model_dump(exclude={"evidence", "override", "history", "phase",
                                                  "created"}) for h in sprint.hypotheses]
                assert [c.model_dump(exclude={"evidence", "override", "history", "phase",
                                              "created"}) for c in cards] == expected
                continue
            problems += type_problems(spec, value, flat)
            assert value == sprint.phases[phase_id].outputs[output_id], (phase_id, output_id)
    assert not problems, problems
    captured = {(p, o) for p, state in sprint.phases.items() for o in state.outputs}
    assert captured == {(p, o) for p, outputs in data.items() for o in outputs}


# --- documents ---------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", SPRINT_DIRS, ids=rel)
def test_every_sprint_renders_its_report(cli, tmp_path, folder):
    sprint, _ = _sprint(folder)
    res = cli("report", "-s", folder, "-o", tmp_path / "report.docx")
    assert res.exit_code == 0, res.output
    text = _docx_text(tmp_path / "report.docx")
    assert sprint.title in text and "fictief voorbeeld" in text
    for h in sprint.hypotheses:  # the statement, or its title when they differ by a full stop
        assert h.statement.rstrip(".") in text
    for decision in sprint.decisions:
        assert decision.title in text


@pytest.mark.parametrize(("folder", "command"), [
    ("flevoland-acceleration", ["plan"]),
    ("nji-trial-implementation", ["plan"]),
    ("zuid-limburg-co-creation", ["plan"]),
    ("zuid-limburg-co-creation", ["render", "intent"]),
])
def test_plans_and_the_declaration_of_intent_render(cli, tmp_path, folder, command):
    sprint, _ = _sprint(EXAMPLES / folder)
    out = tmp_path / "doc.docx"
    res = cli(*command, "-s", EXAMPLES / folder, "-o", out)
    assert res.exit_code == 0, res.output
    text = _docx_text(out)
    if command == ["plan"]:
        assert "Open punt: middenmanagement" not in text  # every plan names middle management
        for stakeholder in sprint.plan.stakeholders:
            assert stakeholder.name in text
        assert "Er is nog niets om in te voeren" not in text
    else:
        for party in sprint.parties:
            assert party.name in text
        assert text.count("Marieke Lemmens") >= 2  # in the parties and the signatures table


# --- Foodvalley stories ----------------------------------------------------------------------


def _generator():
    path = EXAMPLES / "foodvalley-stories" / "generate_stories.py"
    spec = importlib.util.spec_from_file_location("generate_stories", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_story_generator_reproduces_the_committed_csv(tmp_path):
    out = tmp_path / "verhalen.csv"
    assert _generator().write(out) == 360
    assert out.read_bytes() == (EXAMPLES / "foodvalley-stories" / "verhalen.csv").read_bytes()
    other = tmp_path / "other.csv"
    _generator().write(other, seed=7)
    assert other.read_bytes() != out.read_bytes()


def test_generated_stories_name_nobody():
    text = (EXAMPLES / "foodvalley-stories" / "verhalen.csv").read_text(encoding="utf-8")
    assert not re.search(r"\b\d{4} ?[A-Z]{2}\b|@|\b06[- ]?\d{8}\b|\b\d{9}\b", text)
    gen = _generator()
    assert set(gen.COLUMNS[3:-1]) == {s.id for s in get_method("story-cycle").model.signifiers}


def test_foodvalley_import_summary_shifts_and_dashboard(cli, tmp_path):
    sprint = copy_examples(tmp_path) / "foodvalley-stories"
    res = cli("stories", "import", sprint / "verhalen.csv", "-s", sprint)
    assert res.exit_code == 0, res.output
    assert "2025-H1: 170, 2025-H2: 190" in res.output
    summary = json.loads(cli("stories", "summary", "-s", sprint, "--format", "json").stdout)
    hard = summary["hard_data"]
    assert hard["stories"] == {"2025-H1": 170, "2025-H2": 190}
    assert {i["id"] for i in hard["indicators"]} == {"hulpvragen", "wachttijd",
                                                      "begeleidingsduur", "escalaties"}
    assert all(set(i["values"]) == {"2025-H1", "2025-H2"} for i in hard["indicators"])
    res = cli("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to", "2025-H2",
              "--format", "json")
    assert res.exit_code == 0, res.output
    shifts = json.loads(res.stdout)
    assert [s["id"] for s in shifts["signifiers"]] == ["emotion", "theme", "heard", "frequency",
                                                       "what-mattered"]
    dashboard = tmp_path / "dashboard.html"
    res = cli("stories", "dashboard", "-s", sprint, "--out", dashboard)
    assert res.exit_code == 0, res.output
    assert "Verhalencyclus Regionaal Veiligheidsteam Foodvalley" in dashboard.read_text("utf-8")


def test_foodvalley_sprint_states_the_shifts_the_data_carry(cli, tmp_path):
    """The insight phase names as 'gedragen' exactly the signifiers the shifts test flags."""
    sprint_dir = copy_examples(tmp_path) / "foodvalley-stories"
    cli("stories", "import", sprint_dir / "verhalen.csv", "-s", sprint_dir)
    shifts = json.loads(cli("stories", "shifts", "-s", sprint_dir, "--from", "2025-H1",
                            "--to", "2025-H2", "--format", "json").stdout)
    flagged = {s["id"] for s in shifts["signifiers"] if s["shifted"]}
    assert flagged == {"heard", "what-mattered"}
    sprint, _ = _sprint(sprint_dir)
    lines = sprint.phases["insight"].outputs["shifts"]
    carried = [line for line in lines if "Een gedragen verschuiving" in line]
    assert len(carried) == len(flagged)


# --- the READMEs' commands run as written ---------------------------------------------------

READMES = {name: (EXAMPLES / name / "README.md").read_text(encoding="utf-8")
           for name in sorted(EXPECTED)}
READMES["readme"] = section("Worked examples")


def _console_commands(text: str) -> list[str]:
    commands: list[str] = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        pending = ""
        for line in block.splitlines():
            if line.startswith("$ ") or pending:
                part = line[2:] if line.startswith("$ ") and not pending else line
                pending += " " + part.strip().rstrip("\\").strip()
                if not line.rstrip().endswith("\\"):
                    commands.append(pending.strip())
                    pending = ""
    return commands


@pytest.mark.parametrize("readme", sorted(READMES))
def test_readme_commands_run_as_written(cli, tmp_path, monkeypatch, readme):
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    commands = _console_commands(READMES[readme])
    assert commands
    for command in commands:
        argv = shlex.split(command)
        argv = [m for a in argv for m in (sorted(glob.glob(a)) if "*" in a else [a])]
        if argv[0] == "python":
            proc = subprocess.run([sys.executable, *argv[1:]], capture_output=True, text=True,
                                  check=False)
            assert proc.returncode == 0, (command, proc.stderr)
            continue
        assert argv[0] == "sprintkit", command
        res = cli(*argv[1:])
        assert res.exit_code == 0, (command, res.output)
