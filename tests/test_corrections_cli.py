"""Correcting what was recorded: `hypothesis remove`, `evidence edit|remove`, `learn
edit|remove`, `action edit|remove`, `team edit` and `decision add|edit|remove|list` — with a
reason where the evidence changes, the history kept, ids never reused and comments kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from evidence_support import as_json, data, hyp, make_sprint, ok

HYPOTHESES = """\
hypotheses:
  - id: H1            # de eerste hypothese
    statement: Voorkeur
    metric: keuze
    target: '>=70%'
    evidence:
      - {id: E1, successes: 9, trials: 12, date: 2026-03-01}
      - {id: E2, successes: 3, trials: 4, date: 2026-03-02}
  - {id: H2, statement: Wachttijd, metric: dagen, kind: mean, target: '<=14'}
  - id: H3
    statement: Gehoord
    kind: qualitative
    evidence:
      - {id: E1, quote: 'het werkt', date: 2026-03-01}
"""


@pytest.fixture
def sprint(tmp_path):
    folder = make_sprint(tmp_path / "s")
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        handle.write(HYPOTHESES)
    return folder


def _text(folder: Path) -> str:
    return (folder / "sprint.yaml").read_text(encoding="utf-8")


def _key(cli, sprint: Path, line: str) -> None:
    res = cli("key-file", "-s", sprint, "--create", "--format", "json")
    ok(res)
    with Path(json.loads(res.stdout)["path"]).open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


# --- evidence -------------------------------------------------------------------------------


def test_evidence_edit_corrects_the_count_and_keeps_the_history(cli, sprint):
    res = cli("evidence", "edit", "H1", "E2", "-s", sprint, "--successes", "2",
              "--reason", "telfout")
    ok(res)
    assert "E2 gewijzigd (--successes)" in res.stderr
    record = hyp(sprint, "H1")["evidence"][1]
    assert (record["id"], record["successes"], record["trials"]) == ("E2", 2, 4)
    [entry] = hyp(sprint, "H1")["history"]
    assert entry["field"] == "evidence E2" and entry["reason"] == "telfout"
    assert entry["old"].startswith("3/4") and entry["new"].startswith("2/4")
    verdict = as_json(cli("verdict", "H1", "-s", sprint, "--format", "json"))
    assert verdict["n"] == 16 and verdict["successes"] == 11
    today = entry["date"].date().isoformat()
    assert f"Bewijs E2 is gewijzigd op {today}: telfout" in verdict["caveats"]
    english = as_json(cli("verdict", "H1", "-s", sprint, "--format", "json", "--lang", "en"))
    assert f"Evidence E2 was changed on {today}: telfout" in english["caveats"]


def test_evidence_edit_keeps_the_comments(cli, sprint):
    ok(cli("evidence", "edit", "H1", "E1", "-s", sprint, "--source", "team Noord",
           "--date", "2026-03-03", "--type", "behaviour", "--note", "herteld",
           "--reason", "bron vergeten"))
    text = _text(sprint)
    assert "# Experiment sprint — hand-written comment that must survive" in text
    assert "title: Nieuwe werkwijze   # title comment" in text
    assert "# de eerste hypothese" in text
    record = hyp(sprint, "H1")["evidence"][0]
    assert (record["source"], record["type"], record["note"]) == (
        "team Noord", "behaviour", "herteld")
    assert str(record["date"]) == "2026-03-03" and record["successes"] == 9


def test_evidence_edit_json(cli, sprint):
    out = as_json(cli("evidence", "edit", "H1", "E1", "-s", sprint, "--trials", "13",
                      "--reason", "één vergeten", "--format", "json"))
    assert out["hypothesis"] == "H1" and out["evidence"] == "E1"
    assert out["changed"] == ["trials"]
    assert out["before"].startswith("9/12") and out["after"].startswith("9/13")
    assert out["result"]["n"] == 17


@pytest.mark.parametrize("args, code", [
    (["H1", "E2", "--successes", "2"], 2),  # no reason
    (["H1", "E2", "--successes", "2", "--reason", "  "], 2),  # empty reason
    (["H1", "E9", "--successes", "2", "--reason", "x"], 1),  # unknown evidence
    (["H9", "E1", "--successes", "2", "--reason", "x"], 1),  # unknown hypothesis
    (["H1", "E2", "--successes", "5", "--reason", "x"], 2),  # more successes than trials
    (["H1", "E2", "--value", "3", "--reason", "x"], 2),  # another kind of evidence
    (["H1", "E2", "--reason", "x"], 2),  # nothing to change
    (["H1", "E2", "--date", "gisteren", "--reason", "x"], 2),
])
def test_evidence_edit_refusals_leave_the_file_alone(cli, sprint, args, code):
    before = _text(sprint)
    res = cli("evidence", "edit", *args, "-s", sprint)
    assert res.exit_code == code, res.output
    assert "Traceback" not in res.output
    assert _text(sprint) == before


def test_evidence_remove_keeps_it_in_the_history_and_never_reuses_the_id(cli, sprint):
    assert cli("evidence", "remove", "H1", "E2", "-s", sprint).exit_code == 2  # no reason
    ok(cli("evidence", "remove", "H1", "E2", "-s", sprint, "--reason", "dubbel"))
    h = hyp(sprint, "H1")
    assert [e["id"] for e in h["evidence"]] == ["E1"]
    [entry] = h["history"]
    assert entry["field"] == "evidence E2" and entry["new"] is None
    assert entry["old"].startswith("3/4") and entry["reason"] == "dubbel"
    verdict = as_json(cli("verdict", "H1", "-s", sprint, "--format", "json"))
    assert verdict["n"] == 12
    assert any(c.startswith("Bewijs E2 is verwijderd op ") and c.endswith(": dubbel")
               for c in verdict["caveats"])
    ok(cli("evidence", "add", "H1", "-s", sprint, "--successes", "1", "--trials", "1"))
    assert [e["id"] for e in hyp(sprint, "H1")["evidence"]] == ["E1", "E3"]


def test_evidence_edit_replaces_the_values(cli, sprint):
    ok(cli("evidence", "add", "H2", "-s", sprint, "--value", "12", "--value", "40"))
    ok(cli("evidence", "edit", "H2", "E1", "-s", sprint, "--value", "12", "--value", "14",
           "--reason", "40 was een tikfout voor 14"))
    assert hyp(sprint, "H2")["evidence"][0]["values"] == [12.0, 14.0]
    [entry] = hyp(sprint, "H2")["history"]
    # the history line is in the sprint's language (a Dutch sprint)
    assert entry["old"].startswith("waarden 12 40") and entry["new"].startswith("waarden 12 14")
    res = cli("evidence", "edit", "H2", "E1", "-s", sprint, "--successes", "1", "--trials", "2",
              "--reason", "x")
    assert res.exit_code == 2 and "soort 'gemiddelde'" in res.stderr


def test_evidence_edit_shows_the_record_before_and_after_in_the_sprints_language(cli, sprint):
    ok(cli("evidence", "add", "H2", "-s", sprint, "--value", "12.5", "--value", "40",
           "--type", "behaviour", "--source", "team Noord"))
    res = cli("evidence", "edit", "H2", "E1", "-s", sprint, "--value", "12.5", "--value", "14",
              "--reason", "tikfout")
    ok(res)
    shown = " ".join(res.stderr.split())
    assert "eerst waarden 12,5 40;" in shown and "nu waarden 12,5 14;" in shown
    assert "; gedrag; bron team Noord" in shown
    assert "gewijzigd (--value);" in shown  # the flag as typed, not the field's name
    assert "behaviour" not in shown and "values" not in shown and "source" not in shown
    [entry] = hyp(sprint, "H2")["history"]  # the history reads as the terminal showed it
    assert entry["old"] == "waarden 12,5 40; " + entry["old"].split("; ")[1] + \
        "; gedrag; bron team Noord"


def test_evidence_remove_json(cli, sprint):
    out = as_json(cli("evidence", "remove", "H3", "E1", "-s", sprint, "--reason", "verkeerd",
                      "--format", "json"))
    assert out["after"] is None and out["changed"] == ["removed"]
    assert hyp(sprint, "H3")["evidence"] == []


def test_evidence_edit_quote_is_pseudonymised(cli, sprint):
    _key(cli, sprint, "Jan de Vries | Jan")
    res = cli("evidence", "edit", "H3", "E1", "-s", sprint,
              "--quote", "Jan de Vries (06-12345678) zei dat het werkt",
              "--reason", "citaat van Jan de Vries aangevuld")
    ok(res)
    record = hyp(sprint, "H3")["evidence"][0]
    assert record["quote"].startswith("[NAAM-") and "[TELEFOON]" in record["quote"]
    [entry] = hyp(sprint, "H3")["history"]
    assert "Vries" not in entry["reason"] and "Vries" not in entry["new"]
    assert "Vries" not in _text(sprint) and "12345678" not in _text(sprint)
    assert "Vries" not in res.output


def test_evidence_edit_of_a_quote_never_echoes_the_quote(cli, sprint):
    """A quote is story text: the terminal says what changed, never the quote itself, in a
    Dutch sprint too (its record reads "citaat: …")."""
    res = cli("evidence", "edit", "H3", "E1", "-s", sprint, "--date", "2026-03-05",
              "--reason", "datum verbeterd")
    ok(res)
    assert "E1 gewijzigd (--date)" in res.stderr
    assert "het werkt" not in res.output
    assert hyp(sprint, "H3")["evidence"][0]["quote"] == "het werkt"


# --- hypotheses ---------------------------------------------------------------------------


def test_hypothesis_remove_retires_the_id(cli, sprint):
    out = as_json(cli("hypothesis", "remove", "H2", "-s", sprint, "--format", "json"))
    assert out == {"removed": "H2", "evidence": 0, "actions": []}
    assert [h["id"] for h in data(sprint)["hypotheses"]] == ["H1", "H3"]
    assert data(sprint)["retired_ids"] == ["H2"]
    res = cli("hypothesis", "add", "-s", sprint, "--statement", "Nieuw", "--metric", "m",
              "--target", ">=50%")
    ok(res)
    assert "H4 toegevoegd" in res.stderr
    res = cli("hypothesis", "add", "-s", sprint, "--statement", "Nieuw", "--metric", "m",
              "--target", ">=50%", "--id", "H2")
    assert res.exit_code == 1 and "nooit opnieuw gebruikt" in res.stderr
    assert "# de eerste hypothese" in _text(sprint)


def test_hypothesis_with_evidence_needs_a_reason(cli, sprint):
    res = cli("hypothesis", "remove", "H1", "-s", sprint)
    assert res.exit_code == 1 and "vraagt om een reden" in res.stderr
    assert any(h["id"] == "H1" for h in data(sprint)["hypotheses"])
    ok(cli("hypothesis", "remove", "H1", "-s", sprint, "--reason", "verkeerd ingevoerd"))
    assert all(h["id"] != "H1" for h in data(sprint)["hypotheses"])


def test_hypothesis_others_point_at_is_not_removed(cli, sprint):
    ok(cli("hypothesis", "edit", "H2", "-s", sprint, "--derived-from", "H1"))
    ok(cli("learn", "H1", "-s", sprint, "--observed", "o", "--learned", "l", "--action", "a",
           "--decision", "retest"))
    before = _text(sprint)
    res = cli("hypothesis", "remove", "H1", "-s", sprint, "--reason", "weg")
    assert res.exit_code == 1
    assert "hypothesen H2 zijn ervan afgeleid" in res.stderr
    assert "leerkaarten L1 gaan erover" in res.stderr
    assert _text(sprint) == before


def test_hypothesis_remove_unknown_id(cli, sprint):
    res = cli("hypothesis", "remove", "H9", "-s", sprint)
    assert res.exit_code == 1 and "geen hypothese 'H9'" in res.stderr


# --- learning cards ---------------------------------------------------------------------


def _learn(cli, sprint, hid="H1", decision="retest", *extra):
    return cli("learn", hid, "-s", sprint, "--observed", "o", "--learned", "l", "--action",
               "a", "--decision", decision, *extra)


def test_learn_edit_and_remove(cli, sprint):
    ok(_learn(cli, sprint))
    ok(cli("learn", "add", "H1", "-s", sprint, "--observed", "o", "--learned", "l",
           "--action", "a", "--decision", "adapt"))
    out = as_json(cli("learn", "edit", "L1", "-s", sprint, "--action", "we testen opnieuw",
                      "--format", "json"))
    assert out["changed"] == ["action"] and out["learning"]["action"] == "we testen opnieuw"
    assert data(sprint)["learnings"][0]["action"] == "we testen opnieuw"
    out = as_json(cli("learn", "remove", "L2", "-s", sprint, "--format", "json"))
    assert out == {"removed": "L2", "hypothesis": "H1"}
    ok(_learn(cli, sprint))
    assert [ln["id"] for ln in data(sprint)["learnings"]] == ["L1", "L3"]
    assert cli("learn", "remove", "L2", "-s", sprint).exit_code == 1


def test_learn_edit_against_the_verdict_still_needs_a_reason(cli, tmp_path):
    from evidence_support import count_hypotheses

    sprint = count_hypotheses(tmp_path / "c", [(12, 12)])  # H1 supported
    ok(_learn(cli, sprint, "H1", "adopt"))
    before = _text(sprint)
    res = cli("learn", "edit", "L1", "-s", sprint, "--decision", "drop")
    assert res.exit_code == 2 and "gaat tegen het oordeel in" in res.stderr
    assert _text(sprint) == before
    res = cli("learn", "edit", "L1", "-s", sprint, "--decision", "drop", "--reason", "geld op")
    ok(res)
    card = data(sprint)["learnings"][0]
    assert card["decision"] == "drop" and card["against_verdict"] is True
    ok(cli("learn", "edit", "L1", "-s", sprint, "--decision", "adopt"))
    assert "against_verdict" not in data(sprint)["learnings"][0]


def test_learn_edit_refusals(cli, sprint):
    ok(_learn(cli, sprint))
    assert cli("learn", "edit", "L1", "-s", sprint).exit_code == 2
    assert cli("learn", "edit", "L9", "-s", sprint, "--action", "x").exit_code == 1
    assert cli("learn", "edit", "L1", "-s", sprint, "--action", " ").exit_code == 2


# --- actions, team ---------------------------------------------------------------------------


def test_action_edit_and_remove(cli, sprint):
    ok(cli("action", "add", "Bellen", "-s", sprint))
    ok(cli("action", "add", "Mailen", "-s", sprint))
    out = as_json(cli("action", "edit", "A1", "-s", sprint, "--text", "Bel Jan op 0612345678",
                      "--owner", "Piet", "--due", "2026-04-01", "--status", "done",
                      "--format", "json"))
    assert out["changed"] == ["text", "owner", "due", "status"]
    action = data(sprint)["actions"][0]
    assert action["text"] == "Bel Jan op [TELEFOON]"
    assert (action["owner"], str(action["due"]), action["status"]) == ("Piet", "2026-04-01",
                                                                       "done")
    assert "done" in action
    assert cli("action", "edit", "A1", "-s", sprint, "--status", "escalated").exit_code == 2
    assert cli("action", "edit", "A1", "-s", sprint).exit_code == 2
    assert cli("action", "edit", "A7", "-s", sprint, "--text", "x").exit_code == 1
    assert as_json(cli("action", "remove", "A2", "-s", sprint, "--format", "json")) == {
        "removed": "A2"}
    res = cli("action", "add", "Opnieuw", "-s", sprint)
    ok(res)
    assert [a["id"] for a in data(sprint)["actions"]] == ["A1", "A3"]
    assert "A2" in data(sprint)["retired_ids"]


def test_team_edit(cli, sprint):
    ok(cli("team", "add", "Anna", "--role", "lead", "-s", sprint))
    ok(cli("team", "add", "Piet", "--role", "coach", "-s", sprint))
    ok(cli("action", "add", "Bellen", "--owner", "Anna", "-s", sprint))
    out = as_json(cli("team", "edit", "anna", "--name", "Anna de Boer", "--organisation",
                      "Jeugdteam", "--format", "json", "-s", sprint))
    assert out == {"name": "Anna de Boer", "role": "lead", "organisation": "Jeugdteam"}
    assert data(sprint)["actions"][0]["owner"] == "Anna de Boer"
    ok(cli("team", "edit", "Piet", "--role", "team coach", "-s", sprint))
    assert data(sprint)["team"][1]["role"] == "team coach"
    assert cli("team", "edit", "Piet", "--name", "Anna de Boer", "-s", sprint).exit_code == 1
    assert cli("team", "edit", "Kees", "--role", "x", "-s", sprint).exit_code == 1
    assert cli("team", "edit", "Piet", "-s", sprint).exit_code == 2


# --- decisions ---------------------------------------------------------------------------------


def test_decisions_add_edit_remove_list(cli, sprint):
    _key(cli, sprint, "Jan de Vries | Jan")
    out = as_json(cli("decision", "add", "Format invoeren", "--choice", "per 1 april",
                      "--rationale", "Jan de Vries vond het goed", "--decided-by", "stuurgroep",
                      "--date", "2026-03-20", "--format", "json", "-s", sprint))
    assert out["id"] == "D1" and out["date"] == "2026-03-20"
    assert out["rationale"].startswith("[NAAM-") and "Vries" not in _text(sprint)
    ok(cli("decision", "add", "Tweede", "-s", sprint))
    out = as_json(cli("decision", "edit", "D1", "--choice", "per 1 mei", "--format", "json",
                      "-s", sprint))
    assert out["choice"] == "per 1 mei" and out["title"] == "Format invoeren"
    ok(cli("decision", "remove", "D2", "-s", sprint))
    ok(cli("decision", "add", "Derde", "-s", sprint))
    listed = as_json(cli("decision", "list", "--format", "json", "-s", sprint))
    assert [d["id"] for d in listed] == ["D1", "D3"]
    text = cli("decision", "list", "-s", sprint)
    ok(text)
    assert "D1  Format invoeren — per 1 mei; door stuurgroep; 2026-03-20" in text.stdout
    assert cli("decision", "edit", "D2", "--title", "x", "-s", sprint).exit_code == 1
    assert cli("decision", "edit", "D1", "-s", sprint).exit_code == 2
    assert cli("decision", "add", " ", "-s", sprint).exit_code == 2
    assert "# title comment" in _text(sprint)


def test_corrections_from_python(sprint):
    from sprintkit import api
    from sprintkit.errors import SprintkitError, UsageError

    changed = api.edit_evidence(sprint, "H1", "E1", successes=10, reason="herteld")
    assert changed.result.successes == 13
    with pytest.raises(UsageError):
        api.remove_evidence(sprint, "H1", "E1", reason=None)
    with pytest.raises(SprintkitError):
        api.remove_hypothesis(sprint, "H1")
    assert api.remove_hypothesis(sprint, "H2").hypothesis.id == "H2"
    assert api.add_decision(sprint, title="Kiezen").id == "D1"


def test_a_removed_hypothesis_keeps_its_reason_and_the_report_names_it(cli, sprint):
    _key(cli, sprint, "Jansen")
    ok(cli("hypothesis", "remove", "H1", "-s", sprint, "--reason", "fout van Jansen"))
    ok(cli("hypothesis", "remove", "H2", "-s", sprint))
    removed = data(sprint)["removed_hypotheses"]
    assert [(r["id"], r["statement"], r["evidence"]) for r in removed] == [
        ("H1", "Voorkeur", 2), ("H2", "Wachttijd", 0)]
    assert "Jansen" not in removed[0]["reason"] and removed[0]["reason"].startswith("fout van")
    assert "reason" not in removed[1] or removed[1]["reason"] is None
    res = cli("report", "-s", sprint, "--format", "md", "-o", sprint / "r.md")
    ok(res)
    report = (sprint / "r.md").read_text(encoding="utf-8")
    section = report.split("Verwijderde hypothesen", 1)[1]
    assert "**H1**" in section and "na 2 keer bewijs" in section and "Voorkeur." in section
    assert "Reden: fout van" in section
    assert "H2" not in section  # removed before any evidence: not a caveat for the reader


def test_learning_cards_are_weighed_again_when_the_evidence_changes(cli, sprint):
    # H1 has 12/16 (75%, inconclusive against >=70%): adopting it is allowed without a reason
    ok(cli("learn", "H1", "-s", sprint, "--observed", "o", "--learned", "l", "--action", "a",
           "--decision", "adopt"))
    assert data(sprint)["learnings"][0].get("against_verdict", False) is False
    # correcting the count makes the hypothesis refuted: the card now goes against it
    res = cli("evidence", "edit", "H1", "E1", "-s", sprint, "--successes", "1", "--reason",
              "telfout")
    ok(res)
    assert data(sprint)["learnings"][0]["against_verdict"] is True
    assert "L1" in res.stderr and "learn edit L1 --reason" in res.stderr
    out = as_json(cli("evidence", "edit", "H1", "E2", "-s", sprint, "--successes", "0",
                      "--reason", "telfout", "--format", "json"))
    assert out["cards_against"] == []  # already flagged: no second warning
    # removing the wrong records brings it back: the flag goes with it
    ok(cli("evidence", "edit", "H1", "E1", "-s", sprint, "--successes", "9", "--reason", "terug"))
    ok(cli("evidence", "edit", "H1", "E2", "-s", sprint, "--successes", "3", "--reason", "terug"))
    assert data(sprint)["learnings"][0].get("against_verdict", False) is False
