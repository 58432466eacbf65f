"""`sprintkit votes import`: CSV exports of dot votes and impact/effort scores, validated,
shown and written the way `sprintkit run` writes (comments kept, nothing half-written)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "zuid-limburg-co-creation"
PAIN = ["Lange wachtlijsten voor specialistische jeugdhulp",
        "Gezinnen moeten hun verhaal steeds opnieuw vertellen",
        "Verschillen in aanpak per gemeente",
        "Geen snelle toeleiding naar de juiste zorg op de juiste plek",
        "Scholen weten niet bij wie ze terechtkunnen",
        "Concurrentie tussen aanbieders in plaats van samenwerking",
        "Te weinig ondersteuning in de eerste lijn",
        "Administratieve lasten door verschillende contracten",
        "Jongeren worden niet betrokken bij beslissingen over hun zorg"]


@pytest.fixture
def sprint(tmp_path: Path) -> Path:
    """A copy of the co-creation example without its votes and scores."""
    folder = tmp_path / "z"
    shutil.copytree(EXAMPLE, folder)
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    skipping = False
    for line in lines:
        if line.startswith(("      pain_point_votes:", "      solution_scores:")):
            skipping = True
            continue
        if skipping and line.startswith("        "):
            continue
        skipping = False
        kept.append(line)
    (folder / "sprint.yaml").write_text("".join(kept), encoding="utf-8")
    return folder


def load(path: Path) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def outputs(folder: Path, phase: str) -> dict:
    return dict(load(folder / "sprint.yaml")["phases"][phase]["outputs"])


def test_the_examples_45_participants_give_the_ranking_and_scores_in_the_sprint(cli, sprint):
    assert "pain_point_votes" not in outputs(sprint, "prioritise")
    res = cli("votes", "import", sprint / "stippen.csv", "-s", sprint)
    assert res.exit_code == 0, res.stderr
    assert "45 rijen gelezen" in res.stderr and "42 deelnemers" in res.stderr
    assert "126 van hoogstens 126 stippen" in res.stdout
    assert "█" * 20 in res.stdout
    votes = outputs(sprint, "prioritise")["pain_point_votes"]
    assert list(votes) == PAIN                       # ranked, most dots first
    assert list(votes.values()) == [28, 22, 18, 17, 12, 11, 9, 6, 3]
    res = cli("votes", "import", sprint / "impact-inspanning.csv", "-s", sprint)
    assert res.exit_code == 0, res.stderr
    assert "38 deelnemers" in res.stderr
    scores = outputs(sprint, "solutions")["solution_scores"]
    original = load(EXAMPLE / "sprint.yaml")
    assert scores == original["phases"]["solutions"]["outputs"]["solution_scores"]
    text = (sprint / "sprint.yaml").read_text(encoding="utf-8")
    assert "# Fictief voorbeeld: alle organisaties" in text     # comments kept
    assert "  # 3. Knelpunten prioriteren (1h30m, dag 2)" in text
    assert cli("validate", sprint).exit_code == 0


def test_long_shape_semicolons_and_cp1252(cli, sprint):
    rows = ["Deelnemer;Knelpunt;Stippen"]
    rows += [f"D{n};{PAIN[8]};2" for n in range(1, 4)]        # 6 dots for the last item
    rows += ["D4;Scholen weten niet bij wie ze terechtkunnen;1", "D4;2;1"]
    path = sprint / "export.csv"
    path.write_bytes("\r\n".join(rows).encode("cp1252") + "\r\nD5;Eén;0\r\n".encode("cp1252"))
    res = cli("votes", "import", path, "-s", sprint, "--format", "json")
    assert res.exit_code == 1                                 # "Eén" is no item
    assert "export.csv:7:2" in res.stderr
    assert "pain_point_votes" not in outputs(sprint, "prioritise")
    path.write_bytes("\r\n".join(rows).encode("cp1252"))
    res = cli("votes", "import", path, "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["encoding"] == "utf-8" and data["delimiter"] == ";"
    assert data["shape"] == "long" and data["participants"] == 4
    assert data["ranking"][0] == {"item": PAIN[8], "dots": 6}
    assert data["total"] == 8
    assert data["written"] is True
    assert outputs(sprint, "prioritise")["pain_point_votes"][PAIN[8]] == 6


def test_cp1252_bytes_are_read(cli, sprint):
    path = sprint / "oud.csv"
    path.write_bytes("Oplossing;Impact;Inspanning\r\n"
                     "Eén gezinsplan dat alle betrokken organisaties gebruiken;4,5;2\r\n"
                     .encode("cp1252"))
    res = cli("votes", "import", path, "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["encoding"] == "cp1252"
    assert data["type"] == "impact_effort"                    # chosen by the columns
    assert data["scores"] == [{"item": "Eén gezinsplan dat alle betrokken organisaties "
                               "gebruiken", "impact": 4.5, "effort": 2}]
    assert cli("validate", sprint).exit_code == 0             # an average is a valid score


def test_bom_and_commas_wide_shape(cli, sprint):
    path = sprint / "forms.csv"
    header = ",".join(["Tijdstempel", "E-mail", *[f'"{p}"' for p in PAIN[:3]]])
    path.write_bytes(b"\xef\xbb\xbf" + (header + "\n2023-02-07 13:10,a@x.nl,1,1,1\n"
                                       "2023-02-07 13:11,b@x.nl,,3,\n").encode("utf-8"))
    res = cli("votes", "import", path, "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["encoding"] == "utf-8-sig" and data["shape"] == "wide"
    assert data["ranking"][0] == {"item": PAIN[1], "dots": 4}
    assert data["warnings"] == []
    assert "a@x.nl" not in res.stdout + res.stderr


def test_bad_cells_are_refused_with_line_and_column_and_nothing_is_written(cli, sprint):
    before = (sprint / "sprint.yaml").read_bytes()
    path = sprint / "fout.csv"
    path.write_text(f"Deelnemer;{PAIN[0]};{PAIN[1]}\nD1;1;-2\nD2;veel;1\nD3;1,5;\n",
                    encoding="utf-8")
    res = cli("votes", "import", path, "-s", sprint)
    assert res.exit_code == 1
    assert "fout.csv:2:3" in res.stderr and "negatief" in res.stderr
    assert "fout.csv:3:2" in res.stderr and "geen aantal stippen" in res.stderr
    assert "fout.csv:4:2" in res.stderr
    assert "Traceback" not in res.stderr
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_unknown_items_are_listed_by_place_without_echoing_their_text(cli, sprint):
    before = (sprint / "sprint.yaml").read_bytes()
    path = sprint / "onbekend.csv"
    path.write_text(f"Deelnemer;{PAIN[0]};Meer geld voor de jeugdhulp;Extra\nD1;1;1;1\n",
                    encoding="utf-8")
    res = cli("votes", "import", path, "-s", sprint)
    assert res.exit_code == 1
    assert "onbekend.csv:1:3" in res.stderr and "onbekend.csv:1:4" in res.stderr
    assert "onbekend.csv:1:3: deze cel noemt geen punt van pain_points" in res.stderr
    assert "Meer geld" not in res.stderr                      # several words: not echoed
    assert "1 tot 9" in res.stderr
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_over_the_dots_limit_is_flagged_and_kept(cli, sprint):
    path = sprint / "veel.csv"
    path.write_text(f"Deelnemer;{PAIN[0]};{PAIN[1]}\nD1;3;2\nD2;1;1\n", encoding="utf-8")
    res = cli("votes", "import", path, "-s", sprint)
    assert res.exit_code == 0, res.stderr
    assert "regel 2: deze deelnemer gaf 5 stippen, meer dan de 3 per persoon" in res.stderr
    assert outputs(sprint, "prioritise")["pain_point_votes"][PAIN[0]] == 4
    res = cli("votes", "import", path, "-s", sprint, "--format", "json", "--dry-run")
    kinds = [w["kind"] for w in json.loads(res.stdout)["warnings"]]
    assert kinds == ["voter_over", "group_over"]              # 7 dots > 3 each × 2 people


def test_totals_over_the_groups_bound_are_flagged(cli, sprint):
    path = sprint / "totalen.csv"
    path.write_text("Punt;Stemmen\n1;100\n2;50\n", encoding="utf-8")
    res = cli("votes", "import", path, "-s", sprint, "--dry-run", "--format", "json")
    data = json.loads(res.stdout)
    assert data["participants"] == 45                          # the sprint's answer
    assert data["warnings"] == [{"line": 0, "kind": "group_over", "total": 150,
                                 "bound": 135, "per": 3, "people": 45}]
    res = cli("votes", "import", path, "-s", sprint, "--dry-run", "--participants", "60")
    assert "let op" not in res.stderr
    assert "150 van hoogstens 180 stippen" in res.stdout


def test_dry_run_shows_the_result_and_writes_nothing(cli, sprint):
    before = (sprint / "sprint.yaml").read_bytes()
    res = cli("votes", "import", sprint / "stippen.csv", "-s", sprint, "--dry-run")
    assert res.exit_code == 0
    assert "proefdraaien: er is niets geschreven" in res.stderr
    assert PAIN[0] in res.stdout
    data = json.loads(cli("votes", "import", sprint / "stippen.csv", "-s", sprint, "--dry-run",
                          "--format", "json").stdout)
    assert data["written"] is False and list(d["item"] for d in data["ranking"]) == PAIN
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_choosing_the_vote(cli, sprint):
    res = cli("votes", "import", sprint / "stippen.csv", "-s", sprint, "--phase", "review")
    assert res.exit_code == 1 and "geen stemming" in res.stderr
    res = cli("votes", "import", sprint / "stippen.csv", "-s", sprint, "--output", "nope")
    assert res.exit_code == 1 and "prioritise.pain_point_votes" in res.stderr
    res = cli("votes", "import", sprint / "stippen.csv", "-s", sprint, "--phase", "prioritise",
              "--output", "pain_point_votes", "--dry-run")
    assert res.exit_code == 0


def test_an_english_sprint_gets_english(cli, sprint):
    path = sprint / "sprint.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("language: nl", "language: en"),
                    encoding="utf-8")
    res = cli("votes", "import", sprint / "stippen.csv", "-s", sprint, "--dry-run")
    assert res.exit_code == 0, res.stderr
    assert "45 rows read" in res.stderr and "126 of at most 126 dots" in res.stdout


def test_the_report_ranks_and_places_the_imported_votes(cli, sprint):
    path = sprint / "nieuw.csv"
    path.write_text(f"Deelnemer;Knelpunt\nD1;{PAIN[8]}\nD2;9\nD3;1\n", encoding="utf-8")
    assert cli("votes", "import", path, "-s", sprint).exit_code == 0
    scores = sprint / "scores.csv"
    scores.write_text("Oplossing;Impact;Inspanning\n"
                      "Regionale kaart 'wie doet wat' voor scholen;5;1\n"
                      "Regionale kaart 'wie doet wat' voor scholen;4;2\n"
                      "Eén set afspraken en KPI's voor alle gemeenten;1;5\n", encoding="utf-8")
    assert cli("votes", "import", scores, "-s", sprint).exit_code == 0
    out = sprint / "r.md"
    res = cli("report", "-s", sprint, "-f", "md", "-o", out, "--no-charts")
    assert res.exit_code == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    assert f"| 1 | {PAIN[8]} | 2 |" in text
    assert f"| 2 | {PAIN[0]} | 1 |" in text
    assert "| Regionale kaart 'wie doet wat' voor scholen | 4,5 | 1,5 | snelle winst |" in text


def test_averages_and_names_are_shown_in_the_sprints_language(cli, sprint):
    (sprint / "scores.csv").write_text(
        "oplossing;impact;inspanning\n1;4;2\n1;5;3\n1;4;3\n2;3;1\n", encoding="utf-8")
    res = cli("votes", "import", sprint / "scores.csv", "-s", sprint)
    assert res.exit_code == 0, res.stderr
    assert "4,3" in res.stdout and "2,7" in res.stdout and "4.3" not in res.stdout
    said = " ".join(res.stderr.split())
    assert "✓ Impact en inspanning per oplossing bewaard in fase Oplossingen bedenken" in said
    assert "solution_scores" not in said
    path = sprint / "sprint.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("language: nl", "language: en"),
                    encoding="utf-8")
    res = cli("votes", "import", sprint / "scores.csv", "-s", sprint)
    assert res.exit_code == 0, res.stderr
    assert "4.3" in res.stdout and "in phase Finding and choosing solutions" in res.stderr
