"""`sprintkit verdict`: the brief's worked numbers end to end, text at 80 columns, overrides."""

from __future__ import annotations

import pytest
from evidence_support import as_json, count_hypotheses, hyp, make_sprint, ok

WORKED = [(9, 12, 0.468, 0.911, "inconclusive"), (12, 12, 0.758, 1.0, "supported"),
          (5, 12, 0.193, 0.680, "refuted"), (30, 32, 0.799, 0.983, "supported")]


@pytest.fixture
def sprint(tmp_path):
    return count_hypotheses(tmp_path / "s", [(k, n) for k, n, *_ in WORKED])


def test_worked_numbers_entered_through_the_cli(cli, tmp_path):
    folder = make_sprint(tmp_path / "cli")
    for i, (k, n, low, high, verdict) in enumerate(WORKED, start=1):
        ok(cli("hypothesis", "add", "-s", folder, "--statement", f"{k} van {n}", "--metric",
               "voorkeur", "--target", ">=70%"))
        ok(cli("evidence", "add", f"H{i}", "-s", folder, "--successes", k, "--trials", n))
        r = as_json(cli("verdict", f"H{i}", "-s", folder, "--format", "json"))
        assert (round(r["ci_low"], 3), round(r["ci_high"], 3), r["verdict"]) == (
            low, high, verdict)


def test_worked_numbers_through_the_cli(cli, sprint):
    results = as_json(cli("verdict", "-s", sprint, "--format", "json"))
    assert [r["id"] for r in results] == ["H1", "H2", "H3", "H4"]
    for r, (k, n, low, high, verdict) in zip(results, WORKED, strict=True):
        assert (r["successes"], r["n"]) == (k, n)
        assert (round(r["ci_low"], 3), round(r["ci_high"], 3)) == (low, high)
        assert r["verdict"] == r["final"] == verdict
        assert r["target"] == ">=70%" and r["confidence"] == 0.95
    assert list(results[0])[:12] == ["id", "kind", "target", "n", "successes", "estimate",
                                     "ci_low", "ci_high", "confidence", "p_meets_target",
                                     "verdict", "needed_n"]
    assert results[0]["needed_n"] == 323
    single = as_json(cli("verdict", "H3", "-s", sprint, "--format", "json"))
    assert isinstance(single, dict) and single["verdict"] == "refuted"


def test_text_table_fits_80_columns(cli, sprint, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    res = cli("verdict", "-s", sprint)
    ok(res)
    lines = res.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    text = res.stdout
    for cell in ("Criterium", "Kans", "Oordeel", "Nodig n", "Bewijskracht", "9/12",
                 "46,8 –", "91,1%", "onbeslist", "ondersteund", "weerlegd", "323"):
        assert cell in text, cell
    assert "nog 311" in text  # observations still needed, said in words
    en = cli("verdict", "-s", sprint, "--lang", "en").stdout
    for cell in ("P(meets)", "Verdict", "Needed n", "Strength", "46.8 –", "inconclusive",
                 "311 more"):
        assert cell in en, cell
    monkeypatch.setenv("COLUMNS", "100")
    wide = cli("verdict", "-s", sprint).stdout
    assert "9/12 (75,0%)" in wide and "46,8 – 91,1%" in wide


def test_mean_table_fits_80_columns(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    folder = make_sprint(tmp_path / "m")
    ok(cli("hypothesis", "add", "-s", folder, "--statement", "w", "--metric", "dagen",
           "--target", "<=14", "--min-n", "20"))
    ok(cli("evidence", "add", "H1", "-s", folder, "--value", "1012.5", "--value", "9.25"))
    res = cli("verdict", "-s", folder)
    ok(res)
    assert max(len(line.rstrip()) for line in res.stdout.splitlines()) <= 80
    for cell in ("Bewijskracht", "onvoldoende", "gegevens", "gem.", "(n=2)", "20"):
        assert cell in res.stdout, cell


def test_caveats_are_shown(cli, tmp_path):
    folder = make_sprint(tmp_path / "c", language="en")
    ok(cli("hypothesis", "add", "-s", folder, "--statement", "x", "--metric", "m", "--target",
           ">=70%"))
    for _ in range(2):
        ok(cli("evidence", "add", "H1", "-s", folder, "--successes", "2", "--trials", "2",
               "--source", "team Noord"))
    res = cli("verdict", "-s", folder)
    assert "Tiny sample" in res.stdout and "n=4" in res.stdout
    assert "not be" in res.stdout and "independent" in res.stdout


# --- overrides ---------------------------------------------------------------------------------


def test_override_needs_a_reason(cli, sprint):
    before = (sprint / "sprint.yaml").read_bytes()
    for args in (["--override", "supported"], ["--override", "supported", "--reason", "  "]):
        res = cli("verdict", "H1", "-s", sprint, *args)
        assert res.exit_code == 2
        assert "vraagt om een reden" in res.stderr
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_override_keeps_both_verdicts(cli, sprint):
    res = cli("verdict", "H1", "-s", sprint, "--override", "supported", "--reason",
              "de gezinsmanagers die niet kozen, werkten nog niet met het format", "--by", "Anna")
    ok(res)
    assert "berekend: onbeslist" in res.stderr
    assert "inconclusive" not in res.stderr  # the label, never the internal id
    override = hyp(sprint, "H1")["override"]
    assert (override["verdict"], override["computed"], override["by"]) == (
        "supported", "inconclusive", "Anna")
    r = as_json(cli("verdict", "H1", "-s", sprint, "--format", "json"))
    assert (r["verdict"], r["override"], r["final"]) == ("inconclusive", "supported",
                                                         "supported")
    assert r["override_reason"].startswith("de gezinsmanagers")
    text = cli("verdict", "-s", sprint).stdout
    assert "ondersteund*" in text and "wijkt af" in text

    ok(cli("verdict", "H1", "-s", sprint, "--override", "refuted", "--reason", "herzien"))
    h = hyp(sprint, "H1")
    assert h["override"]["verdict"] == "refuted"
    assert (h["history"][-1]["field"], h["history"][-1]["old"], h["history"][-1]["new"]) == (
        "override", "supported", "refuted")

    res = cli("verdict", "H1", "-s", sprint, "--clear-override")
    assert res.exit_code == 2
    ok(cli("verdict", "H1", "-s", sprint, "--clear-override", "--reason", "toch niet"))
    h = hyp(sprint, "H1")
    assert "override" not in h and h["history"][-1]["reason"] == "toch niet"


@pytest.mark.parametrize(
    "args",
    [["--override", "supported", "--reason", "x"],            # no ID
     ["H1", "--reason", "x"],                                 # reason without override
     ["H1", "--override", "maybe", "--reason", "x"],          # not a verdict
     ["H1", "--override", "insufficient_data", "--reason", "x"],
     ["H1", "--override", "refuted", "--clear-override", "--reason", "x"]],
)
def test_override_usage_errors(cli, sprint, args):
    res = cli("verdict", "-s", sprint, *args)
    assert res.exit_code == 2, res.output


def test_qualitative_verdict_comes_from_the_facilitator(cli, tmp_path):
    folder = make_sprint(tmp_path / "q")
    ok(cli("hypothesis", "add", "-s", folder, "--statement", "Ouders voelen zich gehoord",
           "--kind", "qualitative"))
    ok(cli("evidence", "add", "H1", "-s", folder, "--quote", "Eindelijk luistert iemand"))
    r = as_json(cli("verdict", "H1", "-s", folder, "--format", "json"))
    assert (r["verdict"], r["final"], r["n"]) == ("insufficient_data", "insufficient_data", 1)
    ok(cli("verdict", "H1", "-s", folder, "--override", "supported", "--reason",
           "alle zes gesprekken positief"))
    r = as_json(cli("verdict", "H1", "-s", folder, "--format", "json"))
    assert (r["verdict"], r["final"]) == ("insufficient_data", "supported")
    assert hyp(folder, "H1")["override"]["computed"] == "insufficient_data"


def test_no_hypotheses(cli, tmp_path):
    folder = make_sprint(tmp_path / "e")
    res = cli("verdict", "-s", folder)
    ok(res)
    assert "nog geen hypothesen" in res.stderr  # a Dutch sprint
    assert "no hypotheses yet" in cli("verdict", "-s", folder, "--lang", "en").stderr
    assert as_json(cli("verdict", "-s", folder, "--format", "json")) == []
