"""`sprintkit board`: four columns, overdue marked, counts from the progress engine; a
programme's board gathers its own actions and every sprint's."""

from __future__ import annotations

import datetime as dt

import pytest
from board_support import as_json, fails, make_programme, make_sprint, ok, widest

from sprintkit.ops.actions import add_action, escalate_action, move_action
from sprintkit.ops.board import board

DAY = dt.date(2023, 3, 15)


def flevoland(folder, day=DAY):
    """The board of an acceleration team (as in March 2023), with an injected today."""
    make_sprint(folder)

    def due(days):
        return day + dt.timedelta(days=days)

    add_action(folder, text="Leergang leidinggeven aan transformatie", owner="Sanne Bakker",
               due=due(-14), today=day)                                   # A1 overdue
    add_action(folder, text="Rondetafel gezin Lelystad", owner="Els de Graaf",
               due=due(17), today=day)                                    # A2 todo
    add_action(folder, text="Website en nieuwsbrief", today=day)          # A3 todo, no due
    add_action(folder, text="Team AnderS in de markt zetten", due=due(-42),
               today=day)                                                 # A4 escalated
    escalate_action(folder, "A4", to="Escalatieteam", reason="aanbesteding", today=day)
    add_action(folder, text="Casus Almere bespreken", owner="Els de Graaf", today=day)
    move_action(folder, "A5", "doing", today=day)                         # A5 doing
    for n in range(6, 13):                                                # A6..A12 done
        add_action(folder, text=f"Afgerond {n}", today=day)
        move_action(folder, f"A{n}", "done", today=day - dt.timedelta(days=20 - n))
    return folder


def test_columns_order_and_counts(tmp_path):
    b = board(flevoland(tmp_path / "s"), today=DAY)
    ids = {col: [c.action.id for c in cards] for col, cards in b.columns.items()}
    assert ids == {"todo": ["A1", "A2", "A3"], "doing": ["A5"],
                   "done": ["A12", "A11", "A10", "A9", "A8", "A7", "A6"], "escalated": ["A4"]}
    assert b.counts == {"todo": 3, "doing": 1, "done": 7, "escalated": 1, "open": 5,
                        "overdue": 2}
    late = {c.action.id: c.days_overdue for cards in b.columns.values() for c in cards
            if c.overdue}
    assert late == {"A1": 14, "A4": 42}


def test_board_at_80_columns_in_dutch(cli, tmp_path, monkeypatch):
    folder = flevoland(tmp_path / "s", dt.date.today())
    monkeypatch.setenv("COLUMNS", "80")
    res = cli("board", "-s", folder)
    ok(res)
    text = res.stdout
    assert widest(text) <= 80
    header = next(line for line in text.splitlines() if "Te doen" in line)
    for column in ("Te doen (3)", "Bezig (1)", "Klaar (7)", "Geëscaleerd (1)"):
        assert column in header
    assert "! A1" in text and "! A4" in text and "! A2" not in text
    assert "dagen te laat" in text
    assert "→ Escalatieteam" in text
    assert "+ 2 eerder" in text  # the latest five done cards
    assert "Afgerond 6" not in text
    assert "5 open · 2 te laat · 1 geëscaleerd · 7 klaar" in text
    everything = cli("board", "-s", folder, "--all")
    assert "Afgerond 6" in everything.stdout and "+ 2 eerder" not in everything.stdout


def test_board_in_an_english_sprint(cli, tmp_path, monkeypatch):
    folder = make_sprint(tmp_path / "s", language="en")
    monkeypatch.setenv("COLUMNS", "80")
    ok(cli("action", "add", "Draft the plan", "--owner", "Ann", "-s", folder))
    res = cli("board", "-s", folder)
    ok(res)
    assert widest(res.stdout) <= 80
    for column in ("To do (1)", "Doing (0)", "Done (0)", "Escalated (0)"):
        assert column in res.stdout
    assert "1 open · 0 done" in res.stdout


def test_board_json(cli, tmp_path):
    folder = flevoland(tmp_path / "s", dt.date.today())
    data = as_json(cli("board", "-s", folder, "--format", "json"))
    assert list(data) == ["scope", "id", "title", "today", "counts", "sprints", "columns",
                          "warnings"]
    assert data["scope"] == "sprint" and data["id"] == "flevoland"
    assert list(data["columns"]) == ["todo", "doing", "done", "escalated"]
    assert len(data["columns"]["done"]) == 7  # json has every card
    assert data["columns"]["escalated"][0]["escalation"]["to"] == "Escalatieteam"
    assert data["today"] == dt.date.today().isoformat()


def test_board_and_actions_as_of_a_date(cli, tmp_path):
    folder = flevoland(tmp_path / "s", DAY)
    late = as_json(cli("board", "-s", folder, "--format", "json"))["counts"]["overdue"]
    data = as_json(cli("board", "-s", folder, "--format", "json", "--as-of", DAY.isoformat()))
    assert data["today"] == DAY.isoformat()
    assert data["counts"]["overdue"] == 2 < late  # A1 and the escalated A4; A2 is due later
    listing = as_json(cli("action", "list", "-s", folder, "--status", "overdue",
                          "--as-of", DAY.isoformat(), "--format", "json"))
    assert [a["id"] for a in listing] == ["A1", "A4"]
    res = cli("board", "-s", folder, "--as-of", "2023-13-01")
    assert res.exit_code == 2 and "--as-of: die datum bestaat niet" in res.stderr


def test_empty_board(cli, tmp_path):
    folder = make_sprint(tmp_path / "s")
    res = cli("board", "-s", folder)
    ok(res)
    assert "nog geen acties" in res.stdout


def test_programme_board_gathers_every_sprint(cli, tmp_path, monkeypatch):
    for sid in ("exp1", "exp2"):
        make_sprint(tmp_path / "prog" / sid, id=sid, title=sid.upper())
        add_action(tmp_path / "prog" / sid, text=f"Actie in {sid}", today=DAY)
    make_programme(tmp_path / "prog", ["exp1", "exp2", "gone"])
    monkeypatch.chdir(tmp_path)
    ok(cli("action add 'Implementatieplan' --programme prog"))
    b = board(programme=tmp_path / "prog", today=DAY)
    todo = [(c.sprint, c.action.id) for c in b.columns["todo"]]
    assert todo == [(None, "A1"), ("exp1", "A1"), ("exp2", "A1")]
    assert b.sprints == ["exp1", "exp2"]
    assert b.warnings and "gone" in b.warnings[0]
    monkeypatch.setenv("COLUMNS", "80")
    res = cli("board --programme prog")
    ok(res)
    assert widest(res.stdout) <= 80
    assert "A1 · exp1" in res.stdout and "A1 · exp2" in res.stdout
    assert "(traject)" in res.stdout
    assert "niet op het bord" in res.stderr
    data = as_json(cli("board --programme prog --format json"))
    assert [c["sprint"] for c in data["columns"]["todo"]] == [None, "exp1", "exp2"]


def test_board_usage_errors(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fails(cli("board"), 1, "geen sprint.yaml")
    fails(cli("board --programme nowhere"), 1, "deze programmamap")
    fails(cli(f"board -s {tmp_path} --programme {tmp_path}"), 2, "niet allebei")


@pytest.mark.parametrize("columns", ["60", "80", "120"])
def test_board_never_wider_than_the_terminal(cli, tmp_path, monkeypatch, columns):
    folder = flevoland(tmp_path / "s", dt.date.today())
    monkeypatch.setenv("COLUMNS", columns)
    res = cli("board", "-s", folder)
    ok(res)
    assert widest(res.stdout) <= int(columns)
