"""What the facilitator captures becomes the client documents: bindings, client vs draft copy,
`check`, `--final`, hypothesis titles and figures explained in words."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
import yaml
from run_support import answers_for, make_sprint

METHODS = ("experiment-sprint", "innovation-sprint", "strategy-sprint", "acceleration",
           "story-cycle", "trial-implementation", "co-creation")

# What a client copy must never show: file names, YAML keys, command names, author notes.
LEAKS = re.compile(r"sprint\.yaml|programme\.yaml|sprintkit [a-z]+|\b[a-z]+_[a-z_]+\b|"
                   r"context\.|plan\.[a-z]|--[a-z]")


def _method(mid: str):
    from sprintkit.files.library import get_method

    return get_method(mid).model


def _replayed(tmp_path: Path, cli, method: str, lang: str = "nl") -> Path:
    folder = make_sprint(tmp_path / f"{method}-{lang}", method=method, lang=lang)
    answers = answers_for(_method(method))
    path = tmp_path / f"{method}-{lang}.answers.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    result = cli("run", "-s", folder, "--answers", path, "--no-input")
    assert result.exit_code == 0, result.output
    return folder


def _markdown(cli, folder: Path, command: str, *extra: str) -> str:
    out = folder / f"{command}.md"
    result = cli(*command.split(), "-s", folder, "-o", out, "--force", "--no-charts", *extra)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8").replace("\\", "")  # Markdown's escapes


# --- bindings -----------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_every_method_binds_what_its_documents_need(method: str) -> None:
    from sprintkit.engine.readiness import documents_for
    from sprintkit.model.sections import DOCUMENT_SECTIONS

    m = _method(method)
    fed = {o.feeds for p in m.phases for o in p.outputs if o.feeds}
    # every method asks for the facilitator's own conclusions and for next steps or actions
    assert "conclusions" in fed
    assert fed & {"actions", "next_steps"}
    assert fed & {"decision", "decision_rationale"}
    for doc in documents_for(m):
        assert set(DOCUMENT_SECTIONS[doc]) & fed, doc
    # a binding's section is known, and steering questions are marked
    assert all(o.feeds != "check" or o.type == "bool" for p in m.phases for o in p.outputs)


@pytest.mark.parametrize("method", METHODS)
def test_every_bound_answer_reaches_its_section(method: str) -> None:
    from sprintkit.engine.deliverable import gather
    from sprintkit.model.sprint import Sprint

    m = _method(method)
    answers = answers_for(m)
    phases = {pid: {"status": "done", "outputs": {k: v for k, v in outs.items()
                                                  if k != "hypotheses"}}
              for pid, outs in answers.items()}
    sprint = Sprint.model_validate({"id": "s", "title": "S", "method": method,
                                    "phases": phases})
    content = gather(sprint, m)
    for phase in m.phases:
        for o in phase.outputs:
            if o.feeds is None or o.id not in phases.get(phase.id, {}).get("outputs", {}):
                continue
            if o.feeds == "check":
                assert any(a.output == o.id for a in content.steering)
                continue
            flat = json.dumps(content.sections, default=str, ensure_ascii=False)
            value = phases[phase.id]["outputs"][o.id]
            if o.type == "choice":
                value = next(c.label.get("nl") for c in o.choices if c.id == value)
            probe = value[0] if isinstance(value, list) else value
            if isinstance(probe, dict) or o.type in ("multichoice", "dot_vote",
                                                     "impact_effort"):
                assert content.answers[o.feeds], (method, o.id)
                continue
            probe = str(probe).split(" — ")[0]
            assert probe in flat, (method, o.id, o.feeds)


def test_a_hand_written_field_wins_over_the_answers(tmp_path: Path, cli) -> None:
    folder = _replayed(tmp_path, cli, "experiment-sprint")
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as f:
        f.write("conclusions:\n  - Met de hand geschreven.\n")
    report = _markdown(cli, folder, "report")
    assert "Met de hand geschreven." in report
    assert "main_conclusions punt 1" not in report


# --- a sprint walked only with run ---------------------------------------------------------


def test_a_walked_experiment_sprint_fills_report_and_plan(tmp_path: Path, cli) -> None:
    folder = _replayed(tmp_path, cli, "experiment-sprint")
    report = _markdown(cli, folder, "report")
    plan = _markdown(cli, folder, "plan")
    for expected in ("main_conclusions punt 1", "Opnieuw testen",  # conclusions, decision
                     "Antwoord op decision_rationale", "Antwoord op support_notes"):
        assert expected in report, expected
    for expected in ("agreed_actions punt 1", "plan_stakeholders punt 1",
                     "plan_middle_management punt 1", "plan_risks punt 1",
                     "plan_communication punt 1", "Antwoord op support_notes"):
        assert expected in plan, expected
    # no question -> answer dump, no steering questions, no tool words
    assert "Is het bewijs voor elke hypothese vastgelegd" not in report
    for doc in (report, plan):
        body = doc.split("---", 2)[2]
        body = re.sub(r"\b[a-z_]+ punt \d|Antwoord op [a-z_]+", "", body)  # the fake answers
        assert not LEAKS.search(body), LEAKS.search(body)


def test_co_creation_declaration_has_parties_signatories_and_core_text(tmp_path: Path,
                                                                         cli) -> None:
    folder = _replayed(tmp_path, cli, "co-creation")
    intent = _markdown(cli, folder, "render intent")
    for expected in ("Antwoord op intent_text", "signatories punt 1", "party_names punt 1",
                     "collaboration_principles punt 1", "preconditions punt 1",
                     "action_plan punt 1", "Antwoord op next_phase",
                     "Antwoord op shared_vision"):
        assert expected in intent, expected
    assert "sprint.yaml" not in intent


# --- client copy and draft ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("command", ["report", "plan", "render intent"])
def test_empty_sprint_client_copy_has_no_notes_draft_has_them(tmp_path: Path, cli, lang: str,
                                                              command: str) -> None:
    folder = make_sprint(tmp_path / "s", method="co-creation", lang=lang)
    client = _markdown(cli, folder, command)
    assert "sprint.yaml" not in client and "sprintkit " not in client
    draft = _markdown(cli, folder, command, "--draft")
    assert "sprint.yaml" in draft  # the author is told where to fill it in
    status = "concept" if lang == "nl" else "draft"
    assert status in draft.split("---")[1]


def test_nl_and_en_documents_have_the_same_structure(tmp_path: Path, cli) -> None:
    shapes = []
    for lang in ("nl", "en"):
        folder = _replayed(tmp_path, cli, "experiment-sprint", lang)
        report = _markdown(cli, folder, "report")
        shapes.append([line.split(" ", 1)[0] for line in report.splitlines()
                       if line.startswith(("#", "|", "- ", "**"))])
    assert len(shapes[0]) == len(shapes[1])
    assert [s[:1] for s in shapes[0]] == [s[:1] for s in shapes[1]]


# --- check and --final ----------------------------------------------------------------------


def test_check_lists_what_is_missing_on_an_empty_sprint(tmp_path: Path, cli) -> None:
    folder = make_sprint(tmp_path / "s", method="experiment-sprint", lang="en")
    result = cli("check", "-s", folder, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ready"] is False and data["documents"] == ["report", "plan"]
    missing = {(p["document"], p["section"]) for p in data["points"] if p["level"] == "missing"}
    assert {("report", "conclusions"), ("report", "decision"), ("plan", "actions"),
            ("plan", "stakeholders")} <= missing
    where = next(p["where"] for p in data["points"] if p["section"] == "conclusions")
    assert where == ["sprintkit run --phase decide (What are the three main conclusions, in your "
                     "own …)",
                     "conclusions in sprint.yaml"]
    text = cli("check", "-s", folder)
    assert text.exit_code == 1 and "Not filled in yet: the main conclusions." in text.stdout


def test_check_passes_on_a_walked_sprint_and_names_doubts(tmp_path: Path, cli) -> None:
    folder = _replayed(tmp_path, cli, "experiment-sprint")
    result = cli("check", "-s", folder, "--format", "json", "-d", "report")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ready"] is True
    assert any(p["section"] == "evidence" for p in data["points"])  # H1 has no evidence yet


def test_check_refuses_an_unknown_document(tmp_path: Path, cli) -> None:
    folder = make_sprint(tmp_path / "s")
    assert cli("check", "-s", folder, "-d", "slides").exit_code == 2


def test_final_refuses_an_incomplete_report(tmp_path: Path, cli) -> None:
    folder = make_sprint(tmp_path / "s", method="experiment-sprint")
    out = tmp_path / "r.docx"
    result = cli("report", "-s", folder, "-o", out, "--final")
    assert result.exit_code == 1
    assert "Nog niet ingevuld: de belangrijkste conclusies." in result.output
    assert not out.exists()


def test_final_writes_a_complete_report_marked_final(tmp_path: Path, cli) -> None:
    folder = _replayed(tmp_path, cli, "experiment-sprint")
    report = _markdown(cli, folder, "report", "--final", "--doc-version", "2.1")
    assert "Versie 2.1 · definitief" in report


# --- words ------------------------------------------------------------------------------------


def test_hypothesis_titles_are_sentences_not_fragments() -> None:
    from sprintkit.render.deliverable_context import hypothesis_title

    assert hypothesis_title("ouders het veiligheidsplan beter begrijpen", None, "nl") == (
        "We geloven dat ouders het veiligheidsplan beter begrijpen")
    assert hypothesis_title("We geloven dat ouders het plan begrijpen.", None, "nl") == (
        "We geloven dat ouders het plan begrijpen")
    assert hypothesis_title("Gezinsmanagers kiezen het nieuwe format", None, "en") == (
        "Gezinsmanagers kiezen het nieuwe format")
    assert hypothesis_title("x " * 30, "Eigen titel", "nl") == "Eigen titel"
    long = hypothesis_title("ouders " + "heel " * 30 + "blij zijn", None, "nl")
    assert long.endswith(" …") and len(long.split()) == 3 + 20 + 1


def test_large_numbers_needed_are_explained_for_the_team() -> None:
    from sprintkit.render.deliverable_context import explain

    h = {"kind": "proportion", "confidence_text": "95%", "target_text": "minstens 70%",
         "result": {"final": "inconclusive", "verdict": "inconclusive", "estimate_text": "70%",
                    "interval_text": "x", "ci_low": 0.55, "ci_high": 0.82, "n": 40,
                    "still_needed": 3932}}
    text = explain(h, "nl", team_size=8)
    assert "tussen 55,0% en 82,0%" in text
    assert "3.932" in text and "team van 8 mensen" in text and "kwalitatief signaal" in text
    h["result"]["still_needed"] = 12
    assert "volgende meetronde" in explain(h, "nl", team_size=8)


def test_worked_example_9_of_12_reads_as_inconclusive(tmp_path: Path, cli) -> None:
    folder = make_sprint(tmp_path / "s", method="experiment-sprint")
    assert cli("hypothesis", "add", "-s", folder, "--statement", "gezinsmanagers het format "
               "kiezen", "--metric", "kiezen", "--target", ">=70%").exit_code == 0
    assert cli("evidence", "add", "H1", "-s", folder, "--successes", "9",
               "--trials", "12").exit_code == 0
    report = _markdown(cli, folder, "report")
    assert "### H1. We geloven dat gezinsmanagers het format kiezen" in report
    assert "tussen 46,8% en 91,1%" in report and "beslist nog niet" in report


def test_catalogue_has_every_key_in_every_language_with_the_same_placeholders() -> None:
    from sprintkit.i18n import catalogue

    nl, en = catalogue("nl"), catalogue("en")
    assert set(nl) == set(en)
    fields = string.Formatter()

    def names(text: str) -> set[str]:
        return {f[1] for f in fields.parse(text) if f[1]}

    assert {k for k in nl if names(nl[k]) != names(en[k])} == set()


def test_templates_use_only_known_catalogue_keys() -> None:
    from sprintkit.i18n import catalogue

    folder = Path(__file__).resolve().parent.parent / "sprintkit" / "templates"
    used = set()
    for template in folder.glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        used |= set(re.findall(r'(?<![\w.])t\("([a-z_.]+)"[,)]', text))
    assert used and used - set(catalogue("nl")) == set()


def test_validate_warns_when_a_user_method_feeds_no_section(tmp_path: Path, cli) -> None:
    method = tmp_path / "intake.yaml"
    method.write_text(
        "schema_version: 1\nid: intake\nkind: experiment\nname: Intake\nsummary: Kort.\n"
        "phases:\n  - id: one\n    title: Een\n    goal: Doel\n    timebox: 1h\n"
        "    outputs:\n      - id: goal\n        feeds: goal\n        prompt: Wat is het doel?\n",
        encoding="utf-8")
    result = cli("validate", "--format", "json", method)
    assert result.exit_code == 0  # a warning, not an error
    warnings = [w for w in json.loads(result.stdout) if w.get("level") == "warning"]
    assert len(warnings) == 1 and warnings[0]["line"] == 7
    assert "conclusions, decision, next_steps" in warnings[0]["message"]
    github = cli("validate", "--format", "github", method)
    assert "::warning file=" in github.stdout


@pytest.mark.parametrize("method", METHODS)
def test_built_in_methods_feed_every_required_section(method: str, cli) -> None:
    from sprintkit.files.library import get_method

    path = get_method(method).path
    result = cli("validate", "--format", "json", path)
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_readme_walkthrough_to_client_commands_work(tmp_path: Path, cli) -> None:
    import shlex

    from readme_support import blocks, console_steps, section

    folder = _replayed(tmp_path, cli, "experiment-sprint")
    folder.rename(tmp_path / "my-sprint")
    [block] = [b for b in blocks(section("Reports, plans and other documents"), "console")
               if any("sprintkit check" in line for line in b)]
    steps = console_steps(block)
    assert len(steps) == 4
    for command, _ in steps:
        args = shlex.split(command)[1:]
        result = cli(*args, cwd=tmp_path)
        assert result.exit_code == 0, (command, result.output)
    written = sorted(p.name for p in (tmp_path / "my-sprint" / "reports").iterdir())
    assert written == ["demo-eindpresentatie.docx"]


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_SPRINTS = sorted(p.parent for p in EXAMPLES.rglob("sprint.yaml"))


@pytest.mark.parametrize("folder", EXAMPLE_SPRINTS, ids=lambda p: p.name)
def test_example_client_documents_name_no_file_key_or_command(tmp_path: Path, cli,
                                                             folder: Path) -> None:
    import shutil

    copy = tmp_path / folder.name
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("reports", "stories.db*"))
    commands = ["report", "plan"] + (["render intent"] if "co-creation" in folder.name else [])
    for command in commands:
        text = _markdown(cli, copy, command).split("---", 2)[2]
        assert not LEAKS.search(text), (command, LEAKS.search(text))


def test_check_from_python(tmp_path: Path) -> None:
    from sprintkit import api

    folder = make_sprint(tmp_path / "s", method="experiment-sprint")
    result = api.check_documents(sprint=folder, documents=("report",))
    assert result.documents == ["report"] and result.missing >= 3
    assert {p.section for p in result.points} >= {"conclusions", "decision", "next_steps"}


def test_a_hypothesis_from_another_sprint_is_named_by_that_sprints_title(tmp_path: Path,
                                                                         cli) -> None:
    """In one sprint's own report a hypothesis derived from an earlier sprint of the programme
    names that sprint by its title, not by the reference in the file (``innovatie-regie:H1``);
    without the programme's file beside it, the report still works and keeps the reference."""
    import shutil

    from docx import Document

    root = Path(__file__).resolve().parent.parent / "examples" / "intervence"
    shutil.copytree(root, tmp_path / "intervence")
    sprint = tmp_path / "intervence" / "experiment-regieplan"
    out = tmp_path / "r.docx"
    assert cli("report", "-s", sprint, "-o", out).exit_code == 0
    text = "\n".join(c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells)
    assert "innovatie-regie:H1" not in text
    assert "H1 uit Innovatiesprint: de aangescherpte regierol" in text
    (tmp_path / "intervence" / "programme.yaml").unlink()
    alone = tmp_path / "alone.docx"
    assert cli("report", "-s", sprint, "-o", alone).exit_code == 0
    text = "\n".join(c.text for t in Document(str(alone)).tables for r in t.rows for c in r.cells)
    assert "innovatie-regie:H1" in text
