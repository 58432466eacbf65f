"""The CI recipe (examples/ci/): `validate --format github` annotations, and the workflow's own
shell steps run as GitHub would run them, against a git repository of example sprints."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from examples_support import EXAMPLES, IGNORE

from sprintkit.errors import Problem
from sprintkit.ops.validate import github_annotation

WORKFLOW = EXAMPLES / "ci" / "sprintkit.yml"
ANNOTATION = re.compile(
    r"^::error file=(?P<file>[^,]+)(,line=(?P<line>\d+),col=(?P<col>\d+))?,"
    r"title=sprintkit validate::(?P<message>.+)$")


def test_annotation_escapes_what_github_would_misread():
    from sprintkit import i18n

    i18n.choose("en")
    problem = Problem("a,b:c%.yaml", 3, 7, "team[0].rol", "50% wrong,\nsee: here",
                      "did you mean 'role'?")
    line = github_annotation(problem)
    assert line == ("::error file=a%2Cb%3Ac%25.yaml,line=3,col=7,title=sprintkit validate::"
                    "team[0].rol: 50%25 wrong,%0Asee: here%0Ahint: did you mean 'role'?")
    assert "\n" not in line


def test_annotation_without_a_location_names_only_the_file():
    line = github_annotation(Problem("missing/sprint.yaml", 0, 0, "", "the path does not exist"))
    assert line == ("::error file=missing/sprint.yaml,title=sprintkit validate::"
                    "the path does not exist")


def _broken(tmp_path: Path) -> Path:
    folder = tmp_path / "jeugd-2026"
    folder.mkdir()
    (folder / "sprint.yaml").write_text(
        "schema_version: 1\nid: jeugd-2026\ntitle: T\nmethod: experiment-sprint\n"
        "team:\n  - name: A\n    role: facilitator\n  - name: B\n    rol: gezinsmanager\n"
        "phases:\n  desing:\n    status: todo\n", encoding="utf-8")
    return folder


def test_validate_github_format_annotates_file_line_and_column(cli, tmp_path):
    _broken(tmp_path)
    res = cli("validate", "--format", "github", "jeugd-2026", cwd=tmp_path)
    assert res.exit_code == 1
    found = [ANNOTATION.match(line) for line in res.stdout.splitlines()]
    assert found and all(found), res.stdout
    rol = next(m for m in found if "onbekende sleutel 'rol'" in m["message"])
    assert (rol["file"], rol["line"], rol["col"]) == ("jeugd-2026/sprint.yaml", "9", "5")
    assert "%0Atip: bedoel je 'role'?" in rol["message"]  # the hint's label in the language too
    assert "1 van 1 bestand ongeldig" in res.stderr


def test_validate_github_format_reports_problems_against_the_method(cli, tmp_path):
    folder = _broken(tmp_path)
    text = (folder / "sprint.yaml").read_text(encoding="utf-8").replace("    rol:", "    role:")
    (folder / "sprint.yaml").write_text(text, encoding="utf-8")
    res = cli("validate", "--format", "github", folder / "sprint.yaml", cwd=tmp_path)
    assert res.exit_code == 1
    match = ANNOTATION.match(res.stdout.strip())
    assert match and match["line"] == "11" and "geen fase 'desing'" in match["message"]


def test_validate_github_format_prints_no_annotation_for_valid_files(cli):
    res = cli("validate", "--format", "github", EXAMPLES / "nji-trial-implementation")
    assert res.exit_code == 0 and res.stdout == ""
    assert "geldig sprintbestand" in res.stderr


def test_validate_rejects_an_unknown_format(cli):
    res = cli("validate", "--format", "gitlab", EXAMPLES / "nji-trial-implementation")
    assert res.exit_code == 2


# --- the workflow --------------------------------------------------------------------------


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _step(job: str, name: str) -> str:
    steps = _workflow()["jobs"][job]["steps"]
    return next(s["run"] for s in steps if s.get("name") == name)


def test_workflow_validates_then_publishes_the_reports():
    flow = _workflow()
    assert flow["defaults"]["run"]["shell"] == "bash"
    assert flow["jobs"]["reports"]["needs"] == "validate"
    validate = _step("validate", "Validate every sprint and programme")
    assert "sprintkit validate --format github" in validate
    upload = flow["jobs"]["reports"]["steps"][-1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"] == "sprint-reports/"
    for job in flow["jobs"].values():
        installs = [s for s in job["steps"] if s.get("name") == "Install sprintkit"]
        assert installs and '"$SPRINTKIT"' in installs[0]["run"]


def _repo(tmp_path: Path, names: list[str]) -> Path:
    repo = tmp_path / "repo"
    for name in names:
        shutil.copytree(EXAMPLES / name, repo / name, ignore=IGNORE)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    return repo


def _bash(script: str, repo: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a step as GitHub Actions does with `shell: bash`, with this sprintkit on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=repo, env={**os.environ, "PATH": path, **env}, text=True,
                          capture_output=True, check=False, stdin=subprocess.DEVNULL)


@pytest.mark.slow
def test_workflow_validate_step_fails_on_a_broken_sprint_with_annotations(tmp_path):
    repo = _repo(tmp_path, ["nji-trial-implementation", "intervence"])
    script = _step("validate", "Validate every sprint and programme")
    ok = _bash(script, repo)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "" and ok.stderr.count("geldig") == 8  # 7 sprints and the programme
    _broken(repo)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    bad = _bash(script, repo)
    assert bad.returncode == 1
    lines = bad.stdout.splitlines()
    assert lines and all(ANNOTATION.match(line) for line in lines)
    assert all("file=jeugd-2026/sprint.yaml" in line for line in lines)


def test_workflow_validate_step_warns_when_there_is_nothing_to_check(tmp_path):
    repo = _repo(tmp_path, [])
    res = _bash(_step("validate", "Validate every sprint and programme"), repo)
    assert res.returncode == 0 and res.stdout.startswith("::warning title=sprintkit::")


@pytest.mark.slow
def test_workflow_report_step_writes_reports_plans_and_the_intent(tmp_path):
    repo = _repo(tmp_path, ["nji-trial-implementation", "zuid-limburg-co-creation",
                            "intervence/strategie"])
    res = _bash(_step("reports", "Write the reports and plans"), repo, SPRINTKIT_PDF="false")
    assert res.returncode == 0, res.stderr
    written = sorted(str(p.relative_to(repo / "sprint-reports"))
                     for p in (repo / "sprint-reports").rglob("*") if p.is_file())
    assert written == [
        "intervence/strategie/strategie-eindpresentatie.docx",
        "nji-trial-implementation/nji-trial-implementation-eindpresentatie.docx",
        "nji-trial-implementation/nji-trial-implementation-implementatieplan.docx",
        "zuid-limburg-co-creation/zuid-limburg-co-creation-eindpresentatie.docx",
        "zuid-limburg-co-creation/zuid-limburg-co-creation-implementatieplan.docx",
        "zuid-limburg-co-creation/zuid-limburg-co-creation-intentieverklaring.docx",
    ]


@pytest.mark.slow
def test_workflow_report_step_writes_one_report_and_plan_per_programme(tmp_path):
    repo = _repo(tmp_path, ["intervence/strategie"])
    (repo / "intervence" / "programme.yaml").write_text(
        "schema_version: 1\nid: traject\ntitle: Traject\nsprints: [strategie]\n",
        encoding="utf-8")
    sprint = repo / "intervence" / "strategie" / "sprint.yaml"
    text = sprint.read_text(encoding="utf-8")
    sprint.write_text(text.replace("programme: intervence-traject", "programme: traject"),
                      encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    res = _bash(_step("reports", "Write the reports and plans"), repo, SPRINTKIT_PDF="false")
    assert res.returncode == 0, res.stderr
    written = sorted(str(p.relative_to(repo / "sprint-reports"))
                     for p in (repo / "sprint-reports").rglob("*") if p.is_file())
    assert written == [
        "intervence/strategie/strategie-eindpresentatie.docx",
        "intervence/traject-eindpresentatie.docx",
        "intervence/traject-implementatieplan.docx",
    ]


# --- the platforms -------------------------------------------------------------------------

PLATFORMS = ["ubuntu-latest", "windows-latest", "macos-latest"]
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]


def test_workflow_validates_on_every_platform_and_python():
    job = _workflow()["jobs"]["validate"]
    assert job["strategy"]["matrix"] == {"os": PLATFORMS, "python-version": PYTHONS}
    assert job["strategy"]["fail-fast"] is False
    assert job["runs-on"] == "${{ matrix.os }}"
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "${{ matrix.python-version }}"
    # macOS has bash 3.2, which has no mapfile
    assert "mapfile -t" not in _step("validate", "Validate every sprint and programme")


def test_the_test_workflow_runs_the_suite_on_every_platform_and_python():
    """sprintkit's own repository has no .github folder: its workflow is kept with the recipe
    (examples/ci/sprintkit-tests.yml) until the repository is published with one."""
    flow = yaml.safe_load((EXAMPLES / "ci" / "sprintkit-tests.yml").read_text(encoding="utf-8"))
    test = flow["jobs"]["test"]
    assert test["strategy"]["matrix"] == {"os": PLATFORMS, "python-version": PYTHONS}
    run = test["steps"][-1]["run"]
    assert 'python -m pytest -q -m "$marks"' in run and '"not slow and not pty"' in run
    assert [m for m in ("slow", "pty") if m not in _markers()] == []
    lint = flow["jobs"]["lint"]["steps"][-1]["run"]
    makefile = (EXAMPLES.parent / "Makefile").read_text(encoding="utf-8")
    for check in ("ruff check sprintkit tests benchmarks examples", "mypy sprintkit",
                  "lint-imports"):
        assert check in lint and check in makefile


def _markers() -> list[str]:
    """The markers pyproject.toml declares (``"name: what it means"``)."""
    text = (EXAMPLES.parent / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("markers = [", 1)[1].split("]", 1)[0]
    return re.findall(r'"(\w+):', block)
