"""`sprintkit team add|list|remove`: the Flevoland acceleration team with the method's roles."""

from __future__ import annotations

import pytest
from board_support import as_json, data, fails, make_programme, make_sprint, ok, widest

TEAM = [
    ("Femke Veldhuis", "lead", "Jeugdzorgregio Flevoland", None),
    ("Sanne Bakker", "Regionale beleidsadviseur", "Regio Flevoland", None),
    ("Youssef Amrani", "professional", "Jeugdbescherming", "2 dagen per week"),
    ("Els de Graaf", "professional", "Veilig Thuis", None),
    ("Mirjam Kok", "team-coach", None, None),
]


@pytest.fixture
def sprint(tmp_path, cli, monkeypatch):
    folder = make_sprint(tmp_path / "flevoland")
    monkeypatch.chdir(folder)
    for name, role, org, note in TEAM:
        args = ["team", "add", name, "--role", role]
        if org:
            args += ["--org", org]
        if note:
            args += ["--note", note]
        ok(cli(*args))
    return folder


def test_add_writes_members_in_order(sprint):
    team = data(sprint)["team"]
    assert [m["name"] for m in team] == [m[0] for m in TEAM]
    assert team[2] == {"name": "Youssef Amrani", "role": "professional",
                       "organisation": "Jeugdbescherming", "note": "2 dagen per week"}
    assert "# title comment" in (sprint / "sprint.yaml").read_text(encoding="utf-8")


def test_list_shows_role_names_and_roles_nobody_holds(cli, sprint, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    res = cli("team list")
    ok(res)
    assert widest(res.stdout) <= 80
    flat = " ".join(res.stdout.split())
    assert "Onafhankelijk aanvoerder" in flat  # lead, by id
    assert "Regionale beleidsadviseur" in flat  # by its Dutch name
    assert "Rollen die nog niemand heeft: Bestuurlijk aanjager, Escalatieteam" in flat
    english = cli("team list --lang en")
    assert "Independent team lead" in english.stdout
    assert "Roles nobody holds yet: Executive sponsor, Escalation team" in " ".join(
        english.stdout.split())


def test_list_json(cli, sprint):
    ok(cli("action add 'Rondetafel organiseren' --owner 'Els de Graaf'"))
    listing = as_json(cli("team list --format json"))
    first = listing["members"][0]
    assert first == {"name": "Femke Veldhuis", "role": "lead", "role_id": "lead",
                     "role_label": "Onafhankelijk aanvoerder",
                     "organisation": "Jeugdzorgregio Flevoland", "note": None,
                     "open_actions": 0}
    assert listing["members"][3]["open_actions"] == 1
    assert listing["roles_unfilled"] == [{"id": "sponsor", "name": "Bestuurlijk aanjager"},
                                         {"id": "escalation-team", "name": "Escalatieteam"}]


def test_a_free_role_is_kept_as_written(cli, sprint):
    ok(cli("team add 'Kees Vos' --role 'bestuurder gemeente Almere'"))
    listing = as_json(cli("team list --format json"))
    assert listing["members"][-1]["role_label"] == "bestuurder gemeente Almere"
    assert listing["members"][-1]["role_id"] is None


def test_a_role_with_a_detail_in_brackets_is_the_methods_role(cli, sprint):
    ok(cli("team add 'Iris Dam' --role 'Jeugdhulpprofessional (wijkteam)'"))
    member = as_json(cli("team list --format json"))["members"][-1]
    assert member["role_id"] == "professional"
    assert member["role"] == "Jeugdhulpprofessional (wijkteam)"
    assert member["role_label"] == "Jeugdhulpprofessional (wijkteam)"
    ok(cli("team add 'Bas Wit' --role 'professional (gezinsvoogd)'"))
    assert as_json(cli("team list --format json"))["members"][-1]["role_label"] == (
        "Jeugdhulpprofessional (gezinsvoogd)")


def test_names_are_unique(cli, sprint):
    before = (sprint / "sprint.yaml").read_bytes()
    fails(cli("team add 'sanne bakker' --role x"), 1,
          "'Sanne Bakker' zit al in het team", "sprintkit team remove \"Sanne Bakker\"")
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_add_needs_a_role_and_a_name(cli, sprint):
    fails(cli("team add 'Piet'"), 2, "--role")
    fails(cli("team add ' ' --role lead"), 2, "NAME mag niet leeg zijn")


def test_remove(cli, sprint):
    ok(cli("action add 'Casus bespreken' --owner 'Mirjam Kok'"))
    res = cli("team remove 'mirjam kok'")
    ok(res)
    assert "Mirjam Kok uit het team gehaald" in res.stderr
    assert "Mirjam Kok heeft nog open acties: A1" in res.stderr
    assert "Mirjam Kok" not in [m["name"] for m in data(sprint)["team"]]
    fails(cli("team remove Niemand"), 1, "'Niemand' zit niet in het team", "Sanne Bakker")


def test_empty_team(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(make_sprint(tmp_path / "s"))
    res = cli("team list")
    ok(res)
    assert "nog geen team" in res.stdout
    assert as_json(cli("team list --format json"))["members"] == []


def test_programme_team(cli, tmp_path, monkeypatch):
    programme = make_programme(tmp_path / "prog", [])
    monkeypatch.chdir(tmp_path)
    ok(cli("team add 'Anna de Vries' --role 'bestuurlijk opdrachtgever' --programme prog"))
    assert data(programme, "programme.yaml")["team"] == [
        {"name": "Anna de Vries", "role": "bestuurlijk opdrachtgever"}]
    listing = as_json(cli("team list --programme prog --format json"))
    assert listing["roles_unfilled"] == [] and listing["members"][0]["name"] == "Anna de Vries"
