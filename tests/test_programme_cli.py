"""`sprintkit programme new|add|remove|move|status|lineage` and `validate` on a programme."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent / "data" / "report_programme"


def copy_programme(tmp_path: Path) -> Path:
    target = tmp_path / "traject"
    shutil.copytree(DATA, target)
    return target


def ok(res):
    assert res.exit_code == 0, res.output
    return res


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- new -----------------------------------------------------------------------------------


def test_new_writes_a_commented_valid_file_with_schema(cli, tmp_path):
    folder = tmp_path / "Intervence 2018"
    res = ok(cli("programme", "new", folder, "--title", "Van strategie naar implementatie",
                 "--org", "Intervence", "--goal", "Een gedragen implementatieplan",
                 "--no-input"))
    assert "aangemaakt" in res.stderr and "programme add SPRINTMAP" in res.stderr
    text = (folder / "programme.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=.sprintkit/programme.schema.json\n")
    assert "# Een sprint toevoegen:" in text and "sprints: []" in text
    data = read(folder / "programme.yaml")
    assert data["id"] == "intervence-2018" and data["organisation"] == "Intervence"
    assert data["language"] == "nl" and data["goal"] == "Een gedragen implementatieplan"
    schema = json.loads((folder / ".sprintkit" / "programme.schema.json").read_text())
    assert "sprints" in schema["properties"]
    ok(cli("validate", folder))
    again = cli("programme", "new", folder, "--title", "Ander", "--no-input")
    assert again.exit_code == 1 and "bestaat al" in again.stderr
    assert read(folder / "programme.yaml")["title"] == "Van strategie naar implementatie"


def test_new_in_english_with_an_id(cli, tmp_path):
    ok(cli("programme", "new", tmp_path / "p", "--title", "Chain", "--lang", "en",
           "--id", "chain-1", "--no-input"))
    text = (tmp_path / "p" / "programme.yaml").read_text(encoding="utf-8")
    assert "# Add a sprint:" in text and read(tmp_path / "p" / "programme.yaml")["id"] == "chain-1"


@pytest.mark.parametrize(("args", "code", "words"), [
    ([], 1, "ontbrekende invoer"),
    (["--title", "T", "--id", "Not An Id"], 1, "geen geldig traject"),
    (["--title", "T", "--lang", "de"], 2, "de"),
])
def test_new_refuses_bad_input(cli, tmp_path, args, code, words):
    res = cli("programme", "new", tmp_path / "p", "--no-input", *args)
    assert res.exit_code == code and words in res.output, res.output
    assert not (tmp_path / "p" / "programme.yaml").exists()


# --- add, remove, move ---------------------------------------------------------------------


def new_sprint(cli, folder: Path, method: str, title: str) -> None:
    ok(cli("new", method, folder, "--title", title, "--no-input"))


def test_add_in_order_and_after_records_the_programme(cli, tmp_path):
    ok(cli("programme", "new", tmp_path, "--title", "Keten", "--id", "keten", "--no-input"))
    new_sprint(cli, tmp_path / "strategie", "strategy-sprint", "Koers")
    new_sprint(cli, tmp_path / "sprints" / "exp-1", "experiment-sprint", "Proef")
    new_sprint(cli, tmp_path / "innovatie", "innovation-sprint", "Prototype")
    ok(cli("programme", "add", "strategie", cwd=tmp_path))
    res = ok(cli("programme", "add", "sprints/exp-1"))
    assert "sprint 2 van 2" in res.stderr
    res = ok(cli("programme", "add", tmp_path / "innovatie", "--after", "strategie",
                 "-p", tmp_path / "programme.yaml"))
    assert "sprint 2 van 3" in res.stderr
    data = read(tmp_path / "programme.yaml")
    assert data["sprints"] == [{"path": "strategie", "id": "strategie"},
                               {"path": "innovatie", "id": "innovatie"},
                               {"path": "sprints/exp-1", "id": "exp-1"}]
    assert read(tmp_path / "sprints" / "exp-1" / "sprint.yaml")["programme"] == "keten"
    text = (tmp_path / "programme.yaml").read_text(encoding="utf-8")
    assert "# De sprints in volgorde" in text  # comments survive the write
    # refusals: a duplicate (by path or id), an unknown --after, a sprint that does not validate
    dup = cli("programme", "add", "strategie")
    assert dup.exit_code == 1 and "zit al in het traject" in dup.stderr
    new_sprint(cli, tmp_path / "x", "experiment-sprint", "X")
    unknown = cli("programme", "add", "x", "--after", "nope")
    assert unknown.exit_code == 1 and "nope" in unknown.stderr and "strategie" in unknown.stderr
    assert "programme" not in read(tmp_path / "x" / "sprint.yaml")  # nothing half-written
    bad = tmp_path / "broken"
    bad.mkdir()
    (bad / "sprint.yaml").write_text("id: broken\ntitle: B\nmethod: experiment-sprint\n"
                                     "hypotheses: 3\n", encoding="utf-8")
    res = cli("programme", "add", "broken")
    assert res.exit_code == 1 and "sprint.yaml:4" in res.output
    assert len(read(tmp_path / "programme.yaml")["sprints"]) == 3


def test_add_refuses_a_sprint_of_another_programme_and_warns_on_language(cli, tmp_path):
    ok(cli("programme", "new", tmp_path, "--title", "Keten", "--id", "keten", "--no-input"))
    ok(cli("new", "experiment-sprint", tmp_path / "en", "--title", "E", "--lang", "en",
           "--no-input"))
    res = ok(cli("programme", "add", "en", cwd=tmp_path))
    assert "trajectrapporten gebruiken de taal van het traject" in " ".join(res.stderr.split())
    other = tmp_path / "other"
    new_sprint(cli, other, "experiment-sprint", "O")
    text = (other / "sprint.yaml").read_text(encoding="utf-8")
    (other / "sprint.yaml").write_text(text.replace("language: nl", "language: nl\nprogramme: "
                                                                    "elders"), encoding="utf-8")
    res = cli("programme", "add", "other")
    assert res.exit_code == 1 and "hoort al bij traject 'elders'" in res.stderr


def test_remove_and_move(cli, tmp_path):
    prog = copy_programme(tmp_path)
    res = ok(cli("programme", "move", "kust-strategie", "--after", "kust-experiment-1",
                 "-p", prog))
    assert "sprint 3 van 4" in res.stderr
    ids = [s["id"] for s in read(prog / "programme.yaml")["sprints"]]
    assert ids == ["kust-innovatie", "kust-experiment-1", "kust-strategie", "kust-experiment-2b"]
    ok(cli("programme", "move", "kust-strategie", "--first", "-p", prog))
    assert read(prog / "programme.yaml")["sprints"][0]["id"] == "kust-strategie"
    assert cli("programme", "move", "kust-strategie", "-p", prog).exit_code == 2
    assert cli("programme", "move", "nope", "--first", "-p", prog).exit_code == 1
    res = ok(cli("programme", "remove", "kust-innovatie", "-p", prog))
    assert "kust-experiment-1:H1 is afgeleid van kust-innovatie:H1" in res.stderr
    assert "kust-innovatie" not in [s["id"] for s in read(prog / "programme.yaml")["sprints"]]
    assert "programme" not in read(prog / "innovatie" / "sprint.yaml")
    assert (prog / "innovatie" / "sprint.yaml").is_file()  # the folder is left alone
    assert cli("programme", "remove", "kust-innovatie", "-p", prog).exit_code == 1


# --- status --------------------------------------------------------------------------------


def test_status_shows_the_chain_in_order(cli, tmp_path, monkeypatch):
    prog = copy_programme(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    res = ok(cli("programme", "status", prog))
    lines = [line.rstrip() for line in res.stdout.splitlines()]
    assert max(len(line) for line in lines) <= 80
    assert lines[0] == "Regie bij het gezin  (kust-traject)"
    assert "Keten: strategiesprint → innovatiesprint → experimentsprint ×2" in lines
    text = "\n".join(lines)
    positions = [text.index(f"{n}. kust-") for n in (1, 2, 3, 4)]
    assert positions == sorted(positions)
    assert "██████████ 6/6 klaar" in text
    assert "3: 2 ondersteund, 1 onbeslist" in text
    assert "2 uit een eerdere sprint" in text
    assert "Lijnen van afgeleide hypothesen: 2" in text
    en = ok(cli("programme", "status", prog, "--lang", "en"))
    assert "Chain: strategy sprint → innovation sprint → experiment sprint ×2" in en.stdout


def test_status_json_is_stable(cli, tmp_path):
    prog = copy_programme(tmp_path)
    data = json.loads(ok(cli("programme", "status", prog, "--format", "json")).stdout)
    assert list(data) == ["programme", "chain", "chain_text", "sprints", "totals", "lineages",
                          "out_of_order", "problems", "ok"]
    assert data["chain"] == [{"name": "strategiesprint", "count": 1},
                             {"name": "innovatiesprint", "count": 1},
                             {"name": "experimentsprint", "count": 2}]
    s4 = data["sprints"][3]
    assert s4["id"] == "kust-experiment-2b" and s4["state"] == "ok"
    assert s4["phases"]["done"] == 4 and s4["phases"]["next"] == "learn"
    assert s4["hypotheses"] == {"total": 3, "by_verdict": {
        "supported": 2, "refuted": 0, "inconclusive": 1, "insufficient_data": 0}}
    assert s4["derived"] == {"from_earlier": 2, "carried_on": 0}
    assert data["totals"]["hypotheses"] == 6 and data["lineages"] == 2 and data["ok"] is True
    assert data["programme"]["start"] == "2025-09-08"
    same = json.loads(ok(cli("programme", "status", "-p", prog, "--format", "json")).stdout)
    assert same == data
    assert cli("programme", "status", prog, "-p", prog).exit_code == 0  # the same folder twice
    assert cli("programme", "status", prog, "-p", prog.parent).exit_code == 2


def test_status_shows_a_missing_or_broken_sprint_and_exits_1(cli, tmp_path):
    prog = copy_programme(tmp_path)
    shutil.rmtree(prog / "experiment-1")
    (prog / "strategie" / "sprint.yaml").write_text("id: [broken\n", encoding="utf-8")
    res = cli("programme", "status", prog)
    assert res.exit_code == 1
    assert "✗ ontbreekt: de map" in res.stdout and "experiment-1" in res.stdout
    assert "✗ ongeldig:" in res.stdout
    assert "2 van de 4 sprints zijn niet te lezen" in res.stderr
    assert "kust-experiment-2b" in res.stdout  # the rest is still shown
    data = json.loads(cli("programme", "status", prog, "--format", "json").stdout)
    assert [s["state"] for s in data["sprints"]] == ["invalid", "ok", "missing", "ok"]
    # the broken link from experiment 2 to the missing sprint is named
    assert any("kust-experiment-1" in p["message"] for p in data["problems"])


def test_status_of_an_empty_programme_and_of_no_programme(cli, tmp_path):
    ok(cli("programme", "new", tmp_path / "p", "--title", "Leeg", "--no-input"))
    res = ok(cli("programme", "status", tmp_path / "p"))
    assert "Nog geen sprints" in res.stdout
    res = cli("programme", "status", tmp_path / "nowhere")
    assert res.exit_code == 1 and "programme new" in res.stderr


# --- lineage -------------------------------------------------------------------------------


def test_lineage_tree_shows_each_step(cli, tmp_path, monkeypatch):
    prog = copy_programme(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    res = ok(cli("programme", "lineage", "-p", prog))
    text = res.stdout
    assert "Lijn 1: kust-innovatie:H1 · 3 stappen" in text
    assert "kust-experiment-1:H1  3. Het korte format in Middelburg" in text
    assert "↳ bijgesteld: uitspraak gewijzigd; meting gewijzigd; criterium >=60% → >=70%" in text
    assert "soort kwalitatief → aandeel" in text
    assert "↳ opnieuw getoetst, ongewijzigd" in text
    assert ">=70% · 30/32 (93,8%) · ondersteund · besluit: doorvoeren" in text
    assert "Stand nu: kust-experiment-2b:H1 ondersteund, doorvoeren" in text
    assert max(len(line) for line in text.splitlines()) <= 80
    one = ok(cli("programme", "lineage", "kust-experiment-2b:H3", "-p", prog, "--lang", "en"))
    assert "Lineage: kust-innovatie:H2 · 2 steps" in one.stdout and "Lijn 1" not in one.stdout


def test_lineage_json_and_bad_references(cli, tmp_path):
    prog = copy_programme(tmp_path)
    data = json.loads(ok(cli("programme", "lineage", "-p", prog, "--format", "json")).stdout)
    first = data["lineages"][0]
    assert [s["ref"] for s in first["steps"]] == [
        "kust-innovatie:H1", "kust-experiment-1:H1", "kust-experiment-2b:H1"]
    assert [s["relation"] for s in first["steps"]] == ["origin", "adapt", "retest"]
    assert [s["decision"] for s in first["steps"]] == ["adapt", "retest", "adopt"]
    assert first["outcome"] == [{"ref": "kust-experiment-2b:H1", "final": "supported",
                                 "decision": "adopt"}]
    amb = cli("programme", "lineage", "H1", "-p", prog)
    assert amb.exit_code == 2 and "zit in meer sprints" in amb.stderr
    missing = cli("programme", "lineage", "kust-innovatie:H9", "-p", prog)
    assert missing.exit_code == 1 and "kust-innovatie:H1" in missing.stderr


# --- validate ------------------------------------------------------------------------------


def test_validate_programme_reports_paths_and_references_with_locations(cli, tmp_path):
    prog = copy_programme(tmp_path)
    ok(cli("validate", prog))
    exp1 = prog / "experiment-1" / "sprint.yaml"
    exp1.write_text(exp1.read_text(encoding="utf-8").replace(
        "derived_from: kust-innovatie:H1", "derived_from: kust-innovatie:H7"), encoding="utf-8")
    exp2 = prog / "experiment-2" / "sprint.yaml"
    exp2.write_text(exp2.read_text(encoding="utf-8").replace(
        "derived_from: kust-innovatie:H2", "derived_from: elders:H2"), encoding="utf-8")
    text = (prog / "programme.yaml").read_text(encoding="utf-8")
    text = text.replace("- path: strategie\n  id: kust-strategie",
                        "- path: strategie\n  id: kust-strategie\n- path: weg")
    text = text.replace("id: kust-experiment-2b", "id: kust-exp-2")
    (prog / "programme.yaml").write_text(text, encoding="utf-8")
    res = cli("validate", prog / "programme.yaml", "--format", "json")
    assert res.exit_code == 1
    problems = {(p["file"].split("traject/")[-1], p["path"]): p for p in json.loads(res.stdout)}
    weg = problems[("programme.yaml", "sprints[1].path")]
    assert "bestaat niet" in weg["message"] and weg["line"] == 17
    assert "kust-exp-2" in problems[("programme.yaml", "sprints[4].id")]["message"]
    h7 = problems[("experiment-1/sprint.yaml", "hypotheses[0].derived_from")]
    assert "has no hypothesis 'H7'" in h7["message"] and h7["line"] > 1 and h7["column"] > 1
    assert "elders" in problems[("experiment-2/sprint.yaml", "hypotheses[2].derived_from")][
        "message"]
    text_res = cli("validate", prog)
    assert "experiment-1/sprint.yaml:" in text_res.stdout


def test_validate_a_sprint_checks_its_own_references(cli, tmp_path):
    prog = copy_programme(tmp_path)
    exp2 = prog / "experiment-2" / "sprint.yaml"
    ok(cli("validate", exp2))  # references to other sprints need the programme
    exp2.write_text(exp2.read_text(encoding="utf-8").replace(
        "derived_from: kust-innovatie:H2", "derived_from: H3"), encoding="utf-8")
    res = cli("validate", exp2)
    assert res.exit_code == 1 and "names the hypothesis itself" in res.stdout


def test_help_texts(cli):
    res = ok(cli("programme", "--help"))
    for name in ("new", "add", "remove", "move", "status", "lineage", "report", "plan"):
        assert name in res.stdout
    assert "--after" in ok(cli("programme", "add", "--help")).stdout
