"""`sprintkit note`: a facilitator's dated note to a phase, pseudonymised as it enters, shown
to the author in a draft report and never in a client copy."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from evidence_support import as_json, data, ok
from evidence_support import make_sprint as make_plain_sprint

PHASES = """\
phases:
  frame: {status: done}   # kaders
  design: {status: in_progress}
"""


def make_sprint(folder: Path) -> Path:
    """A sprint of the built-in experiment sprint method (phases frame, design, … decide)."""
    make_plain_sprint(folder)
    path = folder / "sprint.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "method: experiment\n", "method: experiment-sprint\n"), encoding="utf-8")
    return folder


@pytest.fixture
def sprint(tmp_path):
    folder = make_sprint(tmp_path / "s")
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        handle.write(PHASES)
    return folder


def _notes(folder: Path, phase: str) -> str:
    return data(folder)["phases"][phase]["notes"]


def test_a_note_goes_to_the_phase_in_progress_with_its_date(cli, sprint):
    res = cli("note", "De teamleider twijfelt", "-s", sprint)
    ok(res)
    assert "notitie toegevoegd aan fase Experimenten ontwerpen" in res.stderr
    today = dt.date.today().isoformat()
    assert _notes(sprint, "design") == f"{today}: De teamleider twijfelt"
    ok(cli("note", "Tweede   notitie", "-s", sprint))
    assert _notes(sprint, "design").splitlines() == [
        f"{today}: De teamleider twijfelt", f"{today}: Tweede notitie"]
    text = (sprint / "sprint.yaml").read_text(encoding="utf-8")
    assert "# kaders" in text and "# title comment" in text


def test_phase_option_and_json(cli, sprint):
    out = as_json(cli("note", "Terugblik", "--phase", "frame", "-s", sprint, "--format",
                      "json"))
    assert out == {"phase": "frame", "note": f"{dt.date.today().isoformat()}: Terugblik",
                   "pseudonymised": 0}
    assert _notes(sprint, "frame").endswith(": Terugblik")
    ok(cli("note", "Vooruit", "--phase", "decide", "-s", sprint))  # a phase not begun yet
    assert data(sprint)["phases"]["decide"]["notes"].endswith(": Vooruit")


def test_without_a_phase_in_progress_the_last_one_done(cli, tmp_path):
    folder = make_sprint(tmp_path / "d")
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        handle.write("phases:\n  frame: {status: done}\n  design: {status: done}\n")
    ok(cli("note", "Klaar", "-s", folder))
    assert data(folder)["phases"]["design"]["notes"].endswith(": Klaar")
    fresh = make_sprint(tmp_path / "f")
    ok(cli("note", "Voor de start", "-s", fresh))
    assert data(fresh)["phases"]["frame"]["notes"].endswith(": Voor de start")


@pytest.mark.parametrize("args, code", [
    (["Tekst", "--phase", "nergens"], 1),
    (["  "], 2),
    ([], 2),
])
def test_refusals_leave_the_file_alone(cli, sprint, args, code):
    before = (sprint / "sprint.yaml").read_text(encoding="utf-8")
    res = cli("note", *args, "-s", sprint)
    assert res.exit_code == code, res.output
    assert (sprint / "sprint.yaml").read_text(encoding="utf-8") == before


def test_names_from_the_key_file_are_pseudonymised(cli, sprint):
    res = cli("key-file", "-s", sprint, "--create", "--format", "json")
    ok(res)
    with Path(json.loads(res.stdout)["path"]).open("a", encoding="utf-8") as handle:
        handle.write("Jan de Vries | Jan\n")
    res = cli("note", "Jan de Vries (jan@example.nl) belt terug", "-s", sprint)
    ok(res)
    note = _notes(sprint, "design")
    assert note.split(": ", 1)[1].startswith("[NAAM-")
    assert "jan@example.nl" not in note and note.endswith("belt terug")
    raw = (sprint / "sprint.yaml").read_text(encoding="utf-8")
    assert "Vries" not in raw and "jan@example.nl" not in raw
    assert "Vries" not in res.output
    assert "2 herkenbare gegeven(s) gepseudonimiseerd" in res.stderr


def test_the_draft_report_shows_notes_a_client_copy_never(cli, sprint):
    ok(cli("note", "Alleen voor de auteur", "-s", sprint))
    draft, client = sprint / "draft.md", sprint / "client.md"
    ok(cli("report", "-s", sprint, "--format", "md", "--draft", "--no-charts", "-o", draft))
    ok(cli("report", "-s", sprint, "--format", "md", "--no-charts", "-o", client))
    shown = draft.read_text(encoding="utf-8")
    [line] = [x for x in shown.splitlines() if "Alleen voor de auteur" in x]
    assert "Experimenten ontwerpen: " in line  # the phase's title first
    approach, results = shown.index("# Aanpak"), shown.index("# Resultaten")
    assert approach < shown.index("Alleen voor de auteur") < results
    assert "Alleen voor de auteur" not in client.read_text(encoding="utf-8")
