"""`sprintkit hypothesis add|edit|list|show`, and the same through the Python API."""

from __future__ import annotations

import csv
import io

import pytest
from evidence_support import as_json, data, hyp, make_sprint, ok


@pytest.fixture
def sprint(tmp_path):
    return make_sprint(tmp_path / "s")


def add(cli, sprint, *args):
    return cli("hypothesis", "add", "-s", sprint, "--statement", "Gezinsmanagers kiezen het "
               "nieuwe format", "--metric", "voorkeur", *args)


@pytest.mark.parametrize(
    ("target", "kind", "stored"),
    [(">=70%", "proportion", ">=70%"), (">= 0.7", "proportion", ">=0.7"),
     ("<=14", "mean", "<=14"), (">3.5", "mean", ">3.5"), ("<=30 %", "proportion", "<=30%")],
)
def test_add_infers_kind_from_target(cli, sprint, target, kind, stored):
    ok(add(cli, sprint, "--target", target))
    h = hyp(sprint, "H1")
    assert (h["kind"], h["target"]) == (kind, stored)


def test_add_numbers_ids_and_keeps_comments(cli, sprint):
    ok(add(cli, sprint, "--target", ">=70%", "--risk", "desirability", "--owner", "Anna",
           "--test", "proef met 12 gezinsmanagers", "--criterion", "70% kiest het nieuwe",
           "--min-n", "10", "--confidence", "0.9"))
    ok(add(cli, sprint, "--target", "<=14"))
    ok(add(cli, sprint, "--target", "<=10", "--id", "wacht", "--derived-from", "H2"))
    text = (sprint / "sprint.yaml").read_text(encoding="utf-8")
    assert "# Experiment sprint — hand-written comment that must survive" in text
    assert "# title comment" in text
    assert [h["id"] for h in data(sprint)["hypotheses"]] == ["H1", "H2", "wacht"]
    h1 = hyp(sprint, "H1")
    assert (h1["risk"], h1["owner"], h1["min_n"], h1["confidence"]) == (
        "desirability", "Anna", 10, 0.9)
    assert "confidence" not in hyp(sprint, "H2")  # defaults are not written
    assert hyp(sprint, "wacht")["derived_from"] == "H2"
    ok(add(cli, sprint, "--target", "<=9"))
    assert data(sprint)["hypotheses"][-1]["id"] == "H3"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--target", "70"], 2, "geen streefwaarde"),
        (["--target", ">=140%"], 2, "tussen 0% en 100%"),
        (["--target", "<=14", "--kind", "proportion"], 2, "tussen 0% en 100%"),
        ([], 2, "--target is nodig"),
        (["--target", ">=70%", "--confidence", "95"], 2, "tussen 0,5 en 1"),
        (["--target", ">=70%", "--derived-from", "H9"], 1, "staat niet in deze sprint"),
        (["--target", ">=70%", "--id", "bad id!"], 2, "id"),
        (["--target", ">=70%", "--kind", "ratio"], 2, "ratio"),
    ],
)
def test_add_refuses_bad_input_without_writing(cli, sprint, args, code, message):
    before = (sprint / "sprint.yaml").read_bytes()
    res = add(cli, sprint, *args)
    assert res.exit_code == code, res.output
    assert message in res.stderr
    assert "Traceback" not in res.output
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_duplicate_id_is_refused(cli, sprint):
    ok(add(cli, sprint, "--target", ">=70%"))
    res = add(cli, sprint, "--target", ">=60%", "--id", "H1")
    assert res.exit_code == 1
    assert "bestaat al" in res.stderr


def test_qualitative_needs_no_target(cli, sprint):
    res = cli("hypothesis", "add", "-s", sprint, "--statement", "Ouders voelen zich gehoord",
              "--kind", "qualitative")
    ok(res)
    assert hyp(sprint, "H1")["kind"] == "qualitative"
    assert "target" not in hyp(sprint, "H1")


def test_metric_is_required_for_counted_hypotheses(cli, sprint):
    res = cli("hypothesis", "add", "-s", sprint, "--statement", "x", "--target", ">=70%")
    assert res.exit_code == 2
    assert "--metric" in res.stderr


def test_missing_sprint_is_a_clear_error(cli, tmp_path):
    res = add(cli, tmp_path / "nowhere", "--target", ">=70%")
    assert res.exit_code == 1
    assert "deze sprintmap" in res.unwrapped


# --- edit -------------------------------------------------------------------------------------


def test_edit_is_free_before_evidence(cli, sprint):
    ok(add(cli, sprint, "--target", ">=70%"))
    ok(cli("hypothesis", "edit", "H1", "-s", sprint, "--target", ">=60%", "--metric", "keuze"))
    h = hyp(sprint, "H1")
    assert (h["target"], h["metric"]) == (">=60%", "keuze")
    assert "history" not in h


def test_changing_the_criterion_after_evidence_needs_a_reason(cli, sprint):
    ok(add(cli, sprint, "--target", ">=70%"))
    ok(cli("evidence", "add", "H1", "-s", sprint, "--successes", "9", "--trials", "12"))
    before = (sprint / "sprint.yaml").read_bytes()
    for option, value in (("--target", ">=60%"), ("--metric", "x"), ("--kind", "qualitative"),
                          ("--confidence", "0.9"), ("--min-n", "5"), ("--criterion", "y")):
        res = cli("hypothesis", "edit", "H1", "-s", sprint, option, value)
        assert res.exit_code == 2, (option, res.output)
        assert "vraagt om een reden" in res.stderr
    assert (sprint / "sprint.yaml").read_bytes() == before

    res = cli("hypothesis", "edit", "H1", "-s", sprint, "--target", ">=60%",
              "--reason", "afgesproken met de financier")
    ok(res)
    assert "geschiedenis" in res.stderr
    h = hyp(sprint, "H1")
    assert h["target"] == ">=60%"
    [entry] = h["history"]
    assert (entry["field"], entry["old"], entry["new"], entry["reason"]) == (
        "target", ">=70%", ">=60%", "afgesproken met de financier")
    assert entry["date"]

    # a statement may be reworded without a reason, but the change is still kept
    ok(cli("hypothesis", "edit", "H1", "-s", sprint, "--statement", "Nieuw format werkt"))
    assert hyp(sprint, "H1")["history"][-1]["field"] == "statement"

    verdict = as_json(cli("verdict", "H1", "-s", sprint, "--format", "json"))
    assert any("(criterium)" in c and "geschiedenis" in c for c in verdict["caveats"])


def test_edit_validates_the_whole_card(cli, sprint):
    ok(add(cli, sprint, "--target", "<=14"))
    res = cli("hypothesis", "edit", "H1", "-s", sprint, "--kind", "proportion")
    assert res.exit_code == 2
    assert "tussen 0% en 100%" in res.stderr


def test_edit_without_changes_is_usage_error(cli, sprint):
    ok(add(cli, sprint, "--target", ">=70%"))
    res = cli("hypothesis", "edit", "H1", "-s", sprint)
    assert res.exit_code == 2
    assert "niets te wijzigen" in res.stderr
    res = cli("hypothesis", "edit", "H7", "-s", sprint, "--owner", "Piet")
    assert res.exit_code == 1
    assert "H1" in res.stderr  # the hint names the hypotheses there are


# --- list / show --------------------------------------------------------------------------------


@pytest.fixture
def filled(cli, sprint):
    ok(add(cli, sprint, "--target", ">=70%"))
    ok(cli("evidence", "add", "H1", "-s", sprint, "--successes", "5", "--trials", "6",
           "--source", "=HYPERLINK(\"x\")", "--type", "survey", "--date", "2026-02-01"))
    ok(cli("evidence", "add", "H1", "-s", sprint, "--successes", "4", "--trials", "6",
           "--type", "behaviour", "--date", "2026-02-08"))
    ok(cli("hypothesis", "add", "-s", sprint, "--statement", "Wachttijd daalt", "--metric",
           "dagen", "--target", "<=14"))
    return sprint


def test_list_json_has_cards_and_verdicts(cli, filled):
    records = as_json(cli("hypothesis", "list", "-s", filled, "--format", "json"))
    assert [r["id"] for r in records] == ["H1", "H2"]
    h1 = records[0]
    assert len(h1["evidence"]) == 2
    assert h1["result"]["n"] == 12 and h1["result"]["successes"] == 9
    assert h1["result"]["verdict"] == "inconclusive"
    assert round(h1["result"]["ci_low"], 3) == 0.468
    assert records[1]["result"]["verdict"] == "insufficient_data"
    one = as_json(cli("hypothesis", "show", "H2", "-s", filled, "--format", "json"))
    assert one["id"] == "H2" and one["target"] == "<=14"


def test_csv_has_one_row_per_evidence_record(cli, filled):
    res = cli("hypothesis", "list", "-s", filled, "--format", "csv")
    ok(res)
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["hypothesis"], r["evidence"]) for r in rows] == [("H1", "E1"), ("H1", "E2"),
                                                                ("H2", "")]
    first = rows[0]
    assert first["verdict"] == first["final"] == "inconclusive"
    assert (first["n"], first["successes"], first["target"]) == ("12", "9", ">=70%")
    assert (first["evidence_successes"], first["evidence_trials"]) == ("5", "6")
    assert first["evidence_date"] == "2026-02-01"
    assert first["evidence_source"].startswith("'=")  # not run as a formula by a spreadsheet
    assert abs(float(first["ci_high"]) - 0.911) < 5e-4
    only = cli("hypothesis", "show", "H2", "-s", filled, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(only.stdout)))) == 1


def test_text_list_and_show_in_the_sprint_language(cli, filled):
    res = cli("hypothesis", "list", "-s", filled)
    ok(res)
    assert "onbeslist" in res.stdout and "onvoldoende" in res.stdout
    res = cli("hypothesis", "show", "H1", "-s", filled)
    ok(res)
    for text in ("Gezinsmanagers kiezen", "Bewijs", "5/6", "4/6", "gedrag", "46,8 – 91,1%"):
        assert text in res.stdout
    res = cli("hypothesis", "show", "H1", "-s", filled, "--lang", "en")
    assert "Evidence" in res.stdout and "inconclusive" in res.stdout


def test_empty_sprint_lists_nothing_politely(cli, sprint):
    res = cli("hypothesis", "list", "-s", sprint)
    ok(res)
    assert "nog geen hypothesen" in res.stderr  # a Dutch sprint
    assert "no hypotheses yet" in cli("hypothesis", "list", "-s", sprint, "--lang", "en").stderr
    assert as_json(cli("hypothesis", "list", "-s", sprint, "--format", "json")) == []


# --- the Python API ---------------------------------------------------------------------------


def test_api_mirrors_the_flags(sprint):
    from sprintkit.errors import UsageError
    from sprintkit.ops import hypotheses as ops
    from sprintkit.ops.evidence import add_evidence
    from sprintkit.ops.verdicts import verdicts

    h = ops.add_hypothesis(sprint, statement="s", metric="m", target=">=70%")
    assert (h.id, h.kind) == ("H1", "proportion")
    add_evidence(sprint, "H1", successes=12, trials=12)
    with pytest.raises(UsageError):
        ops.edit_hypothesis(sprint, "H1", target=">=75%")
    edited = ops.edit_hypothesis(sprint, "H1", target=">=75%", reason="strenger")
    assert edited.changed == ["target"] and edited.recorded
    assert [r.verdict for r in verdicts(sprint)] == ["supported"]
    assert ops.get_hypothesis(sprint, "H1").history[0].old == ">=70%"
    assert [x.id for x in ops.list_hypotheses(sprint)] == ["H1"]
