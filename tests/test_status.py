"""`sprintkit status`: phases with their state, the next step, counts, verdicts and actions,
for people (80 columns) and as JSON with stable keys."""

from __future__ import annotations

import json

import yaml
from run_support import answers_for, make_sprint

from sprintkit.files.library import get_method
from sprintkit.ops.status import STATUS_KEYS


def _half_done(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    answers = answers_for(get_method("experiment-sprint").model)
    part = {"frame": answers["frame"], "design": dict(answers["design"])}
    part["design"].pop("sample_plan")
    (folder / "a.yaml").write_text(yaml.safe_dump(part, allow_unicode=True), encoding="utf-8")
    res = cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input")
    assert res.exit_code == 1  # later phases are still open
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    text += ("actions:\n  - id: A1\n    text: Format drukken\n    owner: Sanne\n"
             "    due: 2026-01-02\n  - id: A2\n    text: Klaar\n    status: done\n")
    (folder / "sprint.yaml").write_text(text, encoding="utf-8")
    return folder


def test_status_json_has_stable_keys(cli, tmp_path):
    folder = _half_done(cli, tmp_path)
    res = cli("status", "-s", folder, "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert tuple(data) == STATUS_KEYS
    assert data["method"] == {"id": "experiment-sprint", "name": "Experimentsprint"}
    assert [p["status"] for p in data["phases"]] == ["done", "in_progress", "todo", "todo",
                                                     "todo", "todo"]
    design = data["phases"][1]
    assert design["missing"] == ["sample_plan"] and design["criteria_met"] is False
    assert set(design) == {"id", "title", "status", "answered", "asked", "missing",
                           "criteria_met", "skipped"}
    assert data["next"]["phase"] == "design" and data["next"]["output"] == "sample_plan"
    assert data["next"]["command"] == "sprintkit run -s s" or "sprintkit run -s" in \
        data["next"]["command"]
    assert data["next"]["phases_done"] == 1 and data["next"]["phases_total"] == 6
    assert data["outputs"]["answered"] == 9 and data["outputs"]["skipped"] == 0
    assert data["hypotheses"] == {"total": 1, "supported": 0, "refuted": 0, "inconclusive": 0,
                                  "insufficient_data": 1}
    assert data["actions"]["open"] == 1 and data["actions"]["overdue"] == 1
    assert data["open_actions"] == [{"id": "A1", "text": "Format drukken", "owner": "Sanne",
                                     "due": "2026-01-02", "status": "todo", "overdue": True}]
    assert data["pending_answers"] == 0


def test_status_text_at_80_columns(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    folder = _half_done(cli, tmp_path)
    res = cli("status", "-s", folder)
    assert res.exit_code == 0
    out = res.stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "Methode: Experimentsprint (experiment-sprint) · 1 van 6 fasen klaar" in out
    assert "Aannames in kaart brengen (frame)" in out and "klaar" in out
    assert "ontbreekt: Wat is het steekproefplan" in out and "sample_plan" not in out
    assert "Volgende stap: Wat is het steekproefplan — sprintkit run -s" \
        in " ".join(out.split())
    assert "Hypothesen: 1 — onvoldoende gegevens 1" in out
    assert "Acties: 1 open (1 te laat)" in out and "A1 Format drukken (Sanne, 2026-01-02)" in out
    en = cli("status", "-s", folder, "--lang", "en")
    flat = " ".join(en.stdout.split())
    assert "Next step: What is the sample plan — sprintkit run" in flat
    assert "Actions: 1 open (1 overdue)" in en.stdout


def test_status_of_a_finished_sprint_points_to_the_report(cli, tmp_path):
    folder = make_sprint(tmp_path / "s", lang="en")
    answers = answers_for(get_method("experiment-sprint").model)
    (folder / "a.yaml").write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    assert cli("run", "-s", folder, "--answers", folder / "a.yaml", "--no-input").exit_code == 0
    res = cli("status", "-s", folder)
    assert "Next step: all phases are done — sprintkit report -s" in res.stdout
    data = json.loads(cli("status", "-s", folder, "--format", "json").stdout)
    assert data["next"]["phase"] is None and data["next"]["share_done"] == 1.0


def test_skipped_questions_point_to_a_revisit(cli, tmp_path):
    folder = make_sprint(tmp_path / "s", lang="en")
    text = (folder / "sprint.yaml").read_text(encoding="utf-8").replace(
        "phases: {}", "phases:\n  frame:\n    status: in_progress\n    outputs:\n"
        "      experiment_goal: a\n      solution_tested: b\n      assumptions: [x]\n"
        "    skipped_outputs: [critical_assumptions]\n  design:\n    status: skipped\n"
        "  prepare:\n    status: skipped\n  run:\n    status: skipped\n  learn:\n"
        "    status: skipped\n  decide:\n    status: skipped\n")
    (folder / "sprint.yaml").write_text(text, encoding="utf-8")
    data = json.loads(cli("status", "-s", folder, "--format", "json").stdout)
    assert data["next"]["phase"] == "frame"
    assert data["next"]["output"] == "critical_assumptions"     # the skipped question, named
    assert data["next"]["command"].endswith("--phase frame")
    assert data["phases"][0]["skipped"] == ["critical_assumptions"]
    text = cli("status", "-s", folder, cwd=tmp_path).stdout
    assert "skipped: Critical, unproven assumptions" in text and "critical_assumptions" not in text
    assert "Still open: Critical, unproven assumptions (skipped) — answer with " \
           "`sprintkit run -s s --phase frame`" in " ".join(text.split())


def test_status_errors(cli, tmp_path):
    res = cli("status", "-s", tmp_path / "nowhere")
    assert res.exit_code == 1 and "deze sprintmap" in res.stderr
    res = cli("status", "-s", tmp_path, "--format", "xml")
    assert res.exit_code == 2
    assert "Show the method" in cli("status", "--help").stdout


def test_an_evidence_question_answered_no_is_named_as_open(cli, tmp_path):
    folder = make_sprint(tmp_path / "s", lang="en")
    text = (folder / "sprint.yaml").read_text(encoding="utf-8").replace(
        "phases: {}", "phases:\n  frame:\n    status: skipped\n  design:\n    status: skipped\n"
        "  prepare:\n    status: skipped\n  run:\n    status: in_progress\n    outputs:\n"
        "      check_in_notes: [x]\n      deviations: false\n      evidence_complete: false\n"
        "  learn:\n    status: skipped\n  decide:\n    status: skipped\n")
    (folder / "sprint.yaml").write_text(text, encoding="utf-8")
    out = cli("status", "-s", folder, cwd=tmp_path).stdout
    assert "Still open: The evidence per hypothesis is recorded (missing) — answer with " \
           "`sprintkit run -s s --phase run`" in " ".join(out.split())
    assert "all phases are done" not in out


def test_long_lines_wrap_whole_at_80_columns(cli, tmp_path, monkeypatch):
    """Verdict counts wrap as whole items under the first one (never a lone "1"), and a long
    action wraps under its own text, not under its id."""
    import shutil
    from pathlib import Path

    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / "s"
    folder.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "report_sprint" / "sprint.yaml", folder)
    res = cli("status", "-s", folder)
    assert res.exit_code == 0, res.output
    lines = [line.rstrip() for line in res.stdout.splitlines()]
    assert all(len(line) <= 80 for line in lines)
    at = next(i for i, line in enumerate(lines) if line.startswith("Hypothesen: 6 — "))
    head = "Hypothesen: 6 — "
    assert lines[at] == head + "ondersteund 3 · weerlegd 1 · onbeslist 1 ·"
    assert lines[at + 1] == " " * len(head) + "onvoldoende gegevens 1"
    first = next(i for i, line in enumerate(lines) if line.startswith("  A1 Korte variant"))
    assert lines[first + 1] == "     Amrani, 2026-06-05)"
    assert all(line.startswith("  A") or line.startswith("     ")
               for line in lines[first:first + 6])
