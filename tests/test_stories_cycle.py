"""A half-year story cycle for a region, end to end on the built-in story-cycle method: import,
summary, shifts, export, dashboard, report numbers — and no identifying data in any output."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sprintkit.engine.storygen import fictional_rows
from sprintkit.files.library import get_method
from sprintkit.files.sprintfile import load_sprint
from sprintkit.ops.storyviews import story_section

SPRINT = """\
schema_version: 1
id: regio-verhalen
title: Verhalencyclus regio (fictief)
method: story-cycle
language: nl
indicators:
  - id: escalaties
    name: Aantal escalaties
    direction: decrease
    measurements:
      - {period: 2025-H1, value: 12}
      - {period: 2025-H2, value: 9}
"""
PLANTED = {
    "name": "Sanne de Boer",
    "first": "Sanne",
    "email": "s.deboer@voorbeeld.nl",
    "phone": "+31 6 2345 6789",
    "postcode": "3901 AB",
    "bsn": "123456782",
}


@pytest.fixture
def cycle(tmp_path, cli):
    sprint = tmp_path / "regio"
    sprint.mkdir()
    (sprint / "sprint.yaml").write_text(SPRINT, encoding="utf-8")
    method = get_method("story-cycle").model
    rows = list(fictional_rows(method, 600, seed=11, start_year=2025, periods=2))
    for i in range(0, 600, 40):  # plant identifiers in some stories (with and without consent)
        rows[i]["text"] += (f" {PLANTED['name']} belde vanaf {PLANTED['phone']}, mail "
                            f"{PLANTED['email']}, woont in {PLANTED['postcode']}, "
                            f"BSN {PLANTED['bsn']}. {PLANTED['first']} was blij.")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    source = tmp_path / "verhalen.csv"
    source.write_bytes(buffer.getvalue().encode("cp1252"))
    key = cli("stories", "key-file", "-s", sprint).stdout.strip()
    with open(key, "a", encoding="utf-8") as handle:
        handle.write(f"{PLANTED['name']} | {PLANTED['first']}\n")
    res = cli("stories", "import", source, "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["imported"] == 600 and data["periods"] == {"2025-H1": 300, "2025-H2": 300}
    assert data["replaced"] == {"name": 30, "email": 15, "phone": 15, "postcode": 15, "bsn": 15}
    return sprint


def test_cycle_outputs_carry_no_identifiers(cli, cycle, tmp_path):
    outputs = {
        "summary": cli("stories", "summary", "-s", cycle, "--by", "perspective").stdout,
        "summary.json": cli("stories", "summary", "-s", cycle, "--by", "theme",
                            "--format", "json").stdout,
        "shifts": cli("stories", "shifts", "-s", cycle, "--from", "2025-H1", "--to",
                      "2025-H2").stdout,
        "shifts.json": cli("stories", "shifts", "-s", cycle, "--from", "2025-H1", "--to",
                           "2025-H2", "--format", "json").stdout,
        "export": cli("stories", "export", "-s", cycle).stdout,
        "section": json.dumps(story_section(load_sprint(cycle), "nl"), ensure_ascii=False),
    }
    html = tmp_path / "dashboard.html"
    assert cli("stories", "dashboard", "-s", cycle, "--out", html).exit_code == 0
    outputs["dashboard"] = html.read_text(encoding="utf-8")
    report = tmp_path / "report.md"
    if cli("report", "-s", cycle, "--out", report, "--format", "md").exit_code == 0:
        outputs["report"] = report.read_text(encoding="utf-8")
    raw = b"".join(p.read_bytes() for p in cycle.rglob("*") if p.is_file())
    for where, text in outputs.items():
        assert text.strip(), where
        for kind, value in PLANTED.items():
            assert value not in text, f"{kind} leaked into {where}"
    for kind, value in PLANTED.items():
        assert value.encode() not in raw, f"{kind} left in the sprint folder"
    assert "[NAAM-" in outputs["export"] and "[BSN]" in outputs["export"]


def test_cycle_numbers_agree_everywhere(cli, cycle, tmp_path):
    summary = json.loads(cli("stories", "summary", "-s", cycle, "--format", "json").stdout)
    section = story_section(load_sprint(cycle), "nl")
    assert section["available"] and section["total_stories"] == summary["total_stories"] == 600
    assert section["summary"]["signifiers"] == summary["signifiers"]
    assert section["hard_data"]["indicators"][0]["values"] == {"2025-H1": 12, "2025-H2": 9}
    shifts = json.loads(cli("stories", "shifts", "-s", cycle, "--from", "2025-H1", "--to",
                            "2025-H2", "--format", "json").stdout)
    assert section["shifts"]["signifiers"] == shifts["signifiers"]
    ids = [s["id"] for s in shifts["signifiers"]]
    assert ids == ["emotion", "theme", "heard", "frequency", "what-mattered"]
    heard = shifts["signifiers"][2]
    assert heard["test"]["name"] == "mann-whitney" and heard["mean"]["from"] is not None
    triad = shifts["signifiers"][4]
    assert len(triad["composition"]["from"]) == 3
    assert all(q["text"] for q in section["quotes"])
    html = tmp_path / "d.html"
    cli("stories", "dashboard", "-s", cycle, "--out", html)
    page = html.read_text(encoding="utf-8")
    data = json.loads(page.split('id="data">', 1)[1].split("</script>", 1)[0])
    overall = data["views"]["|"]["signifiers"]
    assert [c["counts"] for c in overall] == [
        summary["signifiers"][i]["columns"][""]["counts"] for i in range(5)]
