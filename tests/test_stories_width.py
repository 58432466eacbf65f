"""`sprintkit stories summary` in an 80-column terminal: every column and every full indicator
name is shown (text wraps within its cell, a table too wide is drawn in parts), nothing is cut."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sprintkit.ui.storytables import Extent, Part, extent, parts

FOODVALLEY = Path(__file__).resolve().parent.parent / "examples" / "foodvalley-stories"
LONG = "Waiting time until the first conversation with the safety team"


@pytest.fixture
def narrow(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def foodvalley(cli, tmp_path):
    folder = tmp_path / "foodvalley"
    shutil.copytree(FOODVALLEY, folder, ignore=shutil.ignore_patterns("stories.db", "reports"))
    res = cli("stories", "import", folder / "verhalen.csv", "-s", folder)
    assert res.exit_code == 0, res.stderr
    return folder


@pytest.fixture
def region(cli, tmp_path):
    """An English story cycle with its practice stories and one indicator with a long name."""
    folder = tmp_path / "region"
    for line in (f"new story-cycle {folder} --title Stories --org Region --lang en --no-input",
                 f"stories sample -s {folder} --count 400 --out {tmp_path / 'practice.csv'}",
                 f"stories import {tmp_path / 'practice.csv'} -s {folder}",
                 f"indicator add wait -s {folder} --name '{LONG}' --unit days --kind value "
                 "--direction decrease --baseline 18 --baseline-period 2024-H2",
                 f"indicator record wait -s {folder} --period 2025-H1 --value 17"):
        res = cli(line)
        assert res.exit_code == 0, (line, res.stderr)
    return folder


def headers(output: str) -> list[list[str]]:
    """Each table's column headers, the lines of a wrapped header joined with spaces."""
    lines = output.splitlines()
    found = []
    for i, line in enumerate(lines):
        if "╇" in line:  # the rule under a table's header
            top = i
            while top > 0 and "┃" in lines[top - 1]:
                top -= 1
            rows = [row.split("┃") for row in lines[top:i]]
            found.append([" ".join(c.strip() for c in column if c.strip())
                          for column in zip(*rows, strict=True)])
    return found


def shown_whole(output: str) -> None:
    assert max(len(line.rstrip()) for line in output.splitlines()) <= 80, output
    assert "…" not in output, output


def summary_json(cli, *args) -> dict:
    res = cli("stories", "summary", *map(str, args), "--format", "json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_by_perspective_shows_every_column_at_80(cli, foodvalley, narrow):
    res = cli("stories", "summary", "-s", foodvalley, "--by", "perspective")
    assert res.exit_code == 0, res.stderr
    shown_whole(res.stdout)
    data = summary_json(cli, "-s", foodvalley, "--by", "perspective")
    tables = headers(res.stdout)
    assert len(tables) >= len(data["signifiers"])
    for sig, columns in zip(data["signifiers"], tables, strict=False):
        assert columns[0] == "antwoord"
        assert columns[1:] == [f"{g['label']} (n={sig['columns'][g['key']]['n_shown']})"
                               for g in data["groups"]]
        assert sig["question"] in res.stdout
    # every answer's share in the last column (Medewerkers sociaal team) is there in full
    assert "Machteloos           │    32   9% │" in res.stdout


def test_summary_shows_full_indicator_names_at_80(cli, foodvalley, narrow):
    res = cli("stories", "summary", "-s", foodvalley)
    assert res.exit_code == 0, res.stderr
    shown_whole(res.stdout)
    hard = summary_json(cli, "-s", foodvalley)["hard_data"]
    assert len(hard["indicators"]) == 4
    shown = [h for table in headers(res.stdout) for h in table]
    for ind in hard["indicators"]:
        assert f"{ind['name']} {ind['unit']}" in shown, shown
    assert "veiligheid…" not in res.stdout
    # the periods and what the values are measured against, beside every indicator
    assert res.stdout.count("streefwaarde │") == res.stdout.count("periode      ┃") >= 2


def test_cross_table_in_parts_shows_every_group_at_80(cli, foodvalley, narrow):
    res = cli("stories", "summary", "-s", foodvalley, "--by", "perspective", "--by", "theme")
    assert res.exit_code == 0, res.stderr
    shown_whole(res.stdout)
    data = summary_json(cli, "-s", foodvalley, "--by", "perspective", "--by", "theme")
    emotion = data["signifiers"][0]
    heads = [h for table in headers(res.stdout.split(data["signifiers"][1]["question"])[0])
             for h in table[1:]]
    assert heads == [f"{g['label']} (n={emotion['columns'][g['key']]['n_shown']})"
                     for g in data["groups"]]


def test_english_summary_at_80(cli, region, narrow):
    res = cli("stories", "summary", "-s", region, "--by", "perspective")
    assert res.exit_code == 0, res.stderr
    shown_whole(res.stdout)
    tables = headers(res.stdout)
    assert tables[0][0] == "answer"
    assert [h.split(" (n=")[0] for h in tables[0][1:]] == [
        "all", "Parents, family and young people", "Team members", "Social-team staff"]
    assert f"{LONG} days" in [h for table in tables for h in table]


def test_wide_enough_one_table_per_question(cli, foodvalley, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    res = cli("stories", "summary", "-s", foodvalley)
    tables = headers(res.stdout)
    assert len(tables) == len(summary_json(cli, "-s", foodvalley)["signifiers"]) + 1
    assert tables[0] == ["antwoord", "alle (n=353)", "2025-H1 (n=165)", "2025-H2 (n=188)"]


def test_parts_keep_the_first_column_and_never_go_below_a_words_width():
    kept = [extent(["antwoord", "Gefrustreerd of boos"], least=20, most=30)]
    rest = [extent(["Ouders, familie en jongeren\n(n=144)"], ["   12   8%"]) for _ in range(7)]
    assert rest[0] == Extent(10, 27)
    split = parts(kept, rest, 80)
    assert [p.columns for p in split] == [[0, 1, 2, 3], [4, 5, 6]]
    for part in split:
        assert part.widths is not None
        assert part.widths[0] >= 20 and all(w >= 10 for w in part.widths[1:])
        assert sum(part.widths) + 3 * (len(part.widths) - 1) <= 80
    assert parts(kept, rest[:2], 80) == [Part([0, 1], None, 1)]
    assert parts(kept, rest[:2], 80)[0].column_widths() == [None, None, None]
