"""`sprintkit action add|move|escalate|list` through the real app, and the ops functions with
an injected today."""

from __future__ import annotations

import datetime as dt

import pytest
from board_support import as_json, data, fails, make_programme, make_sprint, ok, widest

from sprintkit.ops.actions import action_listing, add_action, escalate_action, move_action

DAY = dt.date(2023, 3, 15)


@pytest.fixture
def sprint(tmp_path, cli, monkeypatch):
    folder = make_sprint(tmp_path / "flevoland")
    monkeypatch.chdir(folder)
    ok(cli("team add 'Femke Veldhuis' --role lead"))
    ok(cli("team add 'Sanne Bakker' --role policy-adviser"))
    return folder


def actions(folder):
    return data(folder)["actions"]


def test_add_gives_ids_and_keeps_comments(cli, sprint):
    res = cli("action add 'Leergang leidinggeven aan transformatie opzetten' "
              "--owner 'Sanne Bakker' --due 2099-05-01 --from-hypothesis H1")
    ok(res)
    assert "A1 toegevoegd (Sanne Bakker, uiterlijk 2099-05-01, uit H1)" in res.stderr
    ok(cli("action add 'Gezinsvoogden Lelystad spreken'"))
    first, second = actions(sprint)
    assert first["id"] == "A1" and second["id"] == "A2"
    assert first["status"] == "todo" and first["from_hypothesis"] == "H1"
    assert first["created"] == dt.date.today()
    assert "# title comment" in (sprint / "sprint.yaml").read_text(encoding="utf-8")


def test_add_warns_for_an_unknown_owner_and_a_past_due_date(cli, sprint):
    res = cli("action add 'Budget Team AnderS' --owner 'Piet' --due 2020-01-01")
    ok(res)
    assert "'Piet' zit niet in het team" in res.stderr
    assert "de datum 2020-01-01 ligt in het verleden" in res.stderr


@pytest.mark.parametrize(("args", "code", "words"), [
    ("'x' --from-hypothesis H9", 1, ["--from-hypothesis 'H9': deze hypothese zit niet", "H1"]),
    ("'x' --from-hypothesis other:H1", 2, ["noem in een sprint een van de eigen hypothesen"]),
    ("'x' --due 1-5-26", 2, ["--due: dat is geen datum", "2-3-2026 of 2026-03-02"]),
    ("' '", 2, ["TEXT mag niet leeg zijn"]),
])
def test_add_refuses_bad_input(cli, sprint, args, code, words):
    before = (sprint / "sprint.yaml").read_bytes()
    fails(cli(f"action add {args}"), code, *words)
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_text_is_pseudonymised(cli, sprint):
    res = cli("action add 'Bel moeder op 06-12345678 over de rondetafel'")
    ok(res)
    assert "12345678" not in actions(sprint)[0]["text"]
    assert "1 herkenbare gegeven(s) in de tekst gepseudonimiseerd" in res.stderr


def test_move_records_done_date_and_clears_it_again(cli, sprint):
    ok(cli("action add 'Casus bespreken'"))
    res = cli("action move A1 doing")
    ok(res)
    assert "A1: te doen → bezig" in res.stderr
    res = cli("action move a1 done")  # ids are case-insensitive
    ok(res)
    assert actions(sprint)[0]["done"] == dt.date.today()
    ok(cli("action move A1 doing"))
    assert "done" not in actions(sprint)[0]
    res = cli("action move A1 doing")
    ok(res)
    assert "A1 staat al op bezig; er is niets veranderd" in res.stderr


def test_move_refuses_escalated_and_unknown(cli, sprint):
    ok(cli("action add 'Casus bespreken'"))
    fails(cli("action move A1 escalated"), 2, "te doen, bezig of klaar", "action escalate")
    fails(cli("action move A1 later"), 2, "STATUS", "te doen (todo)", "klaar (done)")
    fails(cli("action move A9 done"), 1, "hier is geen actie 'A9'", "acties: A1")
    fails(cli("action move A1 done --resolution 'opgelost'"), 2, "A1 is niet geëscaleerd")


def test_escalate_and_resolve(cli, sprint):
    ok(cli("action add 'Ambulant team in de markt zetten' --owner 'Sanne Bakker'"))
    res = cli("action escalate A1 --to 'Escalatieteam' --reason 'Aanbesteding dreigt'")
    ok(res)
    assert "A1 geëscaleerd naar Escalatieteam" in res.stderr
    a = actions(sprint)[0]
    assert a["status"] == "escalated"
    assert a["escalation"] == {"to": "Escalatieteam", "reason": "Aanbesteding dreigt",
                               "date": dt.date.today()}
    fails(cli("action escalate A1 --to x --reason y"), 1, "A1 is al geëscaleerd",
          "naar Escalatieteam")
    res = cli("action move A1 doing --resolution 'Afgezien van aanbesteding'")
    ok(res)
    assert "escalatie naar Escalatieteam opgelost op" in res.stderr
    a = actions(sprint)[0]
    assert a["status"] == "doing"
    assert a["escalation"]["resolved"] == dt.date.today()
    assert a["escalation"]["resolution"] == "Afgezien van aanbesteding"
    # escalated again later: the resolved escalation is kept in the history
    ok(cli("action escalate A1 --to 'Directie' --reason 'Budget'"))
    a = actions(sprint)[0]
    assert a["escalation"]["to"] == "Directie"
    assert a["past_escalations"][0]["resolution"] == "Afgezien van aanbesteding"


def test_escalate_refuses_done_and_needs_to_and_reason(cli, sprint):
    ok(cli("action add 'Klaar'"))
    ok(cli("action move A1 done"))
    fails(cli("action escalate A1 --to x --reason y"), 1, "A1 is klaar; er valt niets te escaleren")
    fails(cli("action escalate A1 --to x"), 2, "--reason")


def test_list_text_and_filters(cli, sprint, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    ok(cli("action add 'Leergang middenmanagement' --owner 'Sanne Bakker' --due 2020-02-01"))
    ok(cli("action add 'Nieuwsbrief' --due 2099-01-01"))
    ok(cli("action add 'Rondetafel' --owner 'Femke Veldhuis'"))
    ok(cli("action escalate A3 --to Escalatieteam --reason 'Geen plek'"))
    res = cli("action list")
    ok(res)
    assert widest(res.stdout) <= 80
    assert "! 1 feb 2020" in res.stdout and "dagen te laat" in res.stdout
    assert "→ Escalatieteam" in res.stdout and "geëscaleerd" in res.stdout
    assert [c["id"] for c in as_json(cli("action list --status overdue --format json"))] == ["A1"]
    assert [c["id"] for c in as_json(cli("action list --status open --format json"))] == [
        "A1", "A2", "A3"]
    assert [c["id"] for c in as_json(cli("action list --status escalated --format json"))] == [
        "A3"]
    fails(cli("action list --status later"), 2, "--status")


def test_list_json_keys(cli, sprint):
    ok(cli("action add 'Nieuwsbrief' --owner 'Sanne Bakker' --due 2099-01-01"))
    (card,) = as_json(cli("action list --format json"))
    assert list(card) == ["id", "sprint", "text", "owner", "due", "status", "overdue",
                          "days_overdue", "from_hypothesis", "escalation", "past_escalations",
                          "created", "done"]
    assert card["due"] == "2099-01-01" and card["overdue"] is False


def test_empty_list(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(make_sprint(tmp_path / "s"))
    assert "nog geen acties" in cli("action list").output
    assert as_json(cli("action list --format json")) == []


# --- ops with an injected today --------------------------------------------------------------


def test_ops_dates_follow_the_given_today(tmp_path):
    folder = make_sprint(tmp_path / "s")
    added = add_action(folder, text="Casus", due="2023-03-01", today=DAY)
    assert added.action.created == DAY and added.warnings  # due before today
    escalate_action(folder, "A1", to="Escalatieteam", reason="vast", today=DAY)
    moved = move_action(folder, "A1", "done", today=DAY + dt.timedelta(days=2))
    assert moved.resolved and moved.previous == "escalated"
    assert moved.action.done == DAY + dt.timedelta(days=2)
    assert moved.action.escalation.date == DAY
    assert moved.action.escalation.resolved == DAY + dt.timedelta(days=2)
    open_card = action_listing(folder, today=DAY).cards[0]
    assert open_card.overdue is False  # done is never overdue


def test_overdue_days(tmp_path):
    folder = make_sprint(tmp_path / "s")
    add_action(folder, text="Casus", due="2023-03-01", today=DAY)
    (c,) = action_listing(folder, today=DAY).cards
    assert c.overdue and c.days_overdue == 14
    (c,) = action_listing(folder, today=dt.date(2023, 3, 1)).cards
    assert not c.overdue  # due today is not late


# --- programme ------------------------------------------------------------------------------


def test_programme_action_from_a_sprint_hypothesis(cli, tmp_path, monkeypatch):
    make_sprint(tmp_path / "prog" / "exp1", id="exp1", title="Experiment 1")
    programme = make_programme(tmp_path / "prog", ["exp1"])
    monkeypatch.chdir(tmp_path)
    ok(cli("action add 'Implementatieplan schrijven' --from-hypothesis exp1:H1 "
           "--programme prog"))
    assert data(programme, "programme.yaml")["actions"][0]["from_hypothesis"] == "exp1:H1"
    fails(cli("action add x --from-hypothesis H1 --programme prog"), 2,
          "noem in een traject ook de sprint: SPRINT-ID:H1", "sprints: exp1")
    fails(cli("action add x --from-hypothesis exp9:H1 --programme prog"), 1,
          "geen sprint 'exp9' in dit traject")
    fails(cli("action add x --from-hypothesis exp1:H7 --programme prog"), 1,
          "geen hypothese 'H7' in sprint 'exp1'")
    ok(cli("action move A1 doing --programme prog"))
    assert data(programme, "programme.yaml")["actions"][0]["status"] == "doing"


def test_a_removed_programme_action_id_is_never_reused(cli, tmp_path, monkeypatch):
    make_sprint(tmp_path / "prog" / "exp1", id="exp1", title="Experiment 1")
    programme = make_programme(tmp_path / "prog", ["exp1"])
    monkeypatch.chdir(tmp_path)
    ok(cli("action add een --programme prog"))
    ok(cli("action add twee --programme prog"))
    ok(cli("action remove A2 --programme prog"))
    assert data(programme, "programme.yaml")["retired_ids"] == ["A2"]
    ok(cli("action add drie --programme prog"))
    assert [a["id"] for a in data(programme, "programme.yaml")["actions"]] == ["A1", "A3"]
