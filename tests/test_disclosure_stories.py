"""The attacks on the story outputs (issue: hidden cells worked out by subtraction), each as a
regression test: what sprintkit publishes must pass the LP audit, per output and as a whole
dashboard; `stories audit` reads the outputs back; a property test on random story sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stories_support import balanced_rows, csv_text, make_sprint, method_model

from sprintkit.engine.storycells import audit_output


def _rows() -> list[list[str]]:
    """2025-H1 34 stories, 2025-H2 41; small cells: 2 'verdrietig' and 2 scale-1 answers in
    H2, a social-team group of 3 stories."""
    rows = balanced_rows({"2025-03-01": 22}, emotie="blij", tevreden="4")
    rows += balanced_rows({"2025-03-02": 6}, emotie="verdrietig", thema="wachttijd",
                          tevreden="2")
    rows += balanced_rows({"2025-03-03": 6}, emotie="blij", perspective="team", tevreden="5")
    rows += balanced_rows({"2025-09-01": 24}, emotie="blij", tevreden="4")
    rows += balanced_rows({"2025-09-02": 2}, emotie="verdrietig", thema="wachttijd",
                          tevreden="1")
    rows += balanced_rows({"2025-09-03": 12}, emotie="blij", perspective="team",
                          thema="veiligheid", tevreden="3")
    rows += balanced_rows({"2025-09-04": 3}, emotie="boos", perspective="sociaal-team",
                          tevreden="5", balans="10/10/80")
    return rows


@pytest.fixture(scope="module")
def sprint(tmp_path_factory) -> Path:
    from sprintkit.ops.stories import import_stories

    tmp = tmp_path_factory.mktemp("disclosure")
    folder = make_sprint(tmp / "sprint")
    source = tmp / "in.csv"
    source.write_text(csv_text(_rows()), encoding="utf-8")
    import_stories(file=source, sprint=folder)
    return folder


def _json(cli, *argv) -> dict:
    res = cli(*argv, "--format", "json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def _audited(cli, tmp_path: Path, data: dict | None = None, path: Path | None = None) -> dict:
    if path is None:
        path = tmp_path / "out.json"
        path.write_text(json.dumps(data), encoding="utf-8")
    res = cli("stories", "audit", path, "--format", "json")
    result = json.loads(res.stdout)
    assert res.exit_code == (0 if result["passed"] else 1), res.stderr
    return result


def test_margin_attack_summary_by_period(cli, sprint, tmp_path):
    # alle 8 'verdrietig', 2025-H1 6 beside a hidden 2025-H2 used to give 2 away
    data = _json(cli, "stories", "summary", "-s", sprint)
    emotie = next(s for s in data["signifiers"] if s["id"] == "emotie")
    assert emotie["columns"]["2025-H2"]["counts"]["verdrietig"] is None
    row = [emotie["columns"][g]["counts"]["verdrietig"] for g in ("", "2025-H1", "2025-H2")]
    assert row.count(None) >= 2  # never one hidden cell in a relation
    result = _audited(cli, tmp_path, data)
    assert result["passed"] and result["hidden"] >= 2
    assert all(c["max"] is None or c["max"] - c["min"] >= 5 for c in result["cells"])


def test_mean_and_n_attack_in_shifts(cli, sprint, tmp_path):
    # H2 scale: 2 x '1' hidden beside a hidden complement; n and the mean used to solve both
    data = _json(cli, "stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to", "2025-H2")
    tevreden = next(s for s in data["signifiers"] if s["id"] == "tevreden")
    one = next(a for a in tevreden["answers"] if a["id"] == "1")
    assert one["to"]["count"] is None
    assert _audited(cli, tmp_path, data)["passed"]


@pytest.mark.parametrize("by", [["perspective"], ["period", "perspective"],
                                ["perspective", "emotie"], ["perspective", "thema"]])
def test_cross_tab_and_totals_pass_the_audit(cli, sprint, tmp_path, by):
    argv = [x for b in by for x in ("--by", b)]
    data = _json(cli, "stories", "summary", "-s", sprint, *argv)
    assert data["disclosure"]["audit"] == "passed"
    assert _audited(cli, tmp_path, data)["passed"]


def test_filtered_summary_and_shifts_pass(cli, sprint, tmp_path):
    for argv in (("summary", "--perspective", "ouders"), ("summary", "--period", "2025-H2"),
                 ("shifts", "--from", "2025-H1", "--to", "2025-H2", "--perspective", "team")):
        data = _json(cli, "stories", *argv, "-s", sprint)
        assert _audited(cli, tmp_path, data)["passed"], argv


def test_dashboard_as_one_linked_set(cli, sprint, tmp_path):
    out = tmp_path / "dashboard.html"
    assert cli("stories", "dashboard", "-s", sprint, "--out", out).exit_code == 0
    result = _audited(cli, tmp_path, path=out)
    assert result["kind"] == "dashboard" and result["passed"] and result["hidden"] > 0
    res = cli("stories", "audit", out)
    assert res.exit_code == 0 and "controle geslaagd" in res.stderr
    assert "ok" in res.stdout and "TE SMAL" not in res.stdout


def test_no_shift_flag_or_figure_for_a_hidden_cell(cli, sprint):
    from sprintkit.ops.stories import context
    from sprintkit.ops.storyviews import dashboard_data

    data = dashboard_data(context(sprint, None))
    seen = 0
    for result in data["shifts"].values():
        for sig in result["signifiers"]:
            for a in sig["answers"]:
                if a["from"]["count"] is None or a["to"]["count"] is None:
                    seen += 1
                    assert a["shift"] is None and a["difference"] is None
                    assert a["interval"] is None
            if sig["n_from"] is None or sig["n_to"] is None:
                assert not sig["shifted"]
    assert seen > 0


def test_the_report_section_passes(sprint):
    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.ops.storyviews import story_section

    section = story_section(load_sprint(sprint), "nl")
    assert section["disclosure"]["audit"] == "passed"
    assert all(c["passes"] for c in audit_output(json.loads(json.dumps(section)), 5))


# --- the audit command on outputs that leak -----------------------------------------------


def _leaky_summary() -> dict:
    """The issue's example as the old suppression published it: the H2 column hidden, the
    margin and H1 shown."""
    def col(n, blij, verdrietig):
        counts = {"blij": blij, "verdrietig": verdrietig}
        return {"n": n, "counts": counts,
                "shares": {k: (v / n if v is not None and n else None)
                           for k, v in counts.items()}}

    return {"min_cell": 5, "by": ["period"], "filters": {}, "by_signifier": None,
            "groups": [{"key": "", "stories": 72}, {"key": "2025-H1", "stories": 34},
                       {"key": "2025-H2", "stories": 38}],
            "signifiers": [{"id": "emotie", "type": "choice",
                            "answers": [{"id": "blij"}, {"id": "verdrietig"}],
                            "columns": {"": col(72, 64, 8), "2025-H1": col(34, 28, 6),
                                        "2025-H2": col(38, None, None)}}]}


def test_audit_finds_the_margin_attack(cli, tmp_path):
    result = _audited(cli, tmp_path, _leaky_summary())
    assert not result["passed"] and result["failing"] == 2
    cell = next(c for c in result["cells"] if c["cell"] == "emotie=verdrietig [2025-H2]")
    assert (cell["min"], cell["max"]) == (2, 2)
    path = tmp_path / "leaky.json"
    path.write_text(json.dumps(_leaky_summary()), encoding="utf-8")
    res = cli("stories", "audit", path)
    assert res.exit_code == 1
    assert "TE SMAL" in res.stdout and "2 van de 2 verborgen aantallen" in res.stderr


def test_audit_rejects_what_it_cannot_read(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    res = cli("stories", "audit", bad)
    assert res.exit_code == 1 and "geen geldige JSON" in res.stderr
    assert "Traceback" not in res.stderr
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    res = cli("stories", "audit", other)
    assert res.exit_code == 1 and "geen verhalensamenvatting" in res.stderr
    page = tmp_path / "page.html"
    page.write_text("<html><body>hi</body></html>", encoding="utf-8")
    res = cli("stories", "audit", page)
    assert res.exit_code == 1 and "dashboard" in res.stderr
    assert cli("stories", "audit", tmp_path / "missing.json").exit_code == 1


# --- property: whatever the stories, what is published passes ------------------------------

PERIODS = ("2025-H1", "2025-H2")
PERSPECTIVES = ("ouders", "team")
cell_counts = st.lists(st.integers(min_value=0, max_value=9), min_size=8, max_size=8)


def _cube(counts: list[int]):
    from sprintkit.engine.stories import Cube

    cube = Cube()
    answers = ("blij", "boos")
    i = 0
    for p in PERIODS:
        for v in PERSPECTIVES:
            total = 0
            for a in answers:
                n = counts[i]
                i += 1
                if n:
                    cube.counts[(p, v, "", "emotie", a)] = n
                    cube.counts[(p, v, "", "tevreden", "4" if a == "blij" else "2")] = n
                    total += n
            if total:
                cube.stories[(p, v, "")] = total
                cube.answered[(p, v, "", "emotie")] = total
                cube.answered[(p, v, "", "tevreden")] = total
                low = cube.counts.get((p, v, "", "tevreden", "2"), 0)
                cube.scale[(p, v, "", "tevreden")] = (total, 4.0 * (total - low) + 2.0 * low,
                                                      16.0 * (total - low) + 4.0 * low)
    return cube


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cell_counts)
def test_published_outputs_always_pass_the_audit(counts):
    from sprintkit.engine.stories import summarise
    from sprintkit.engine.storyshifts import shifts

    method = method_model()
    cube = _cube(counts)
    if not cube.stories:
        return
    for by in (["period"], ["period", "perspective"]):
        result = summarise(cube, method, by=by, min_cell=5, lang="nl")
        assert all(c["passes"] for c in audit_output(json.loads(json.dumps(result)), 5)), by
    present = {k[0] for k in cube.stories}
    if len(present) == 2:
        result = shifts(cube, method, period_from=PERIODS[0], period_to=PERIODS[1],
                        min_cell=5, lang="nl")
        assert all(c["passes"] for c in audit_output(json.loads(json.dumps(result)), 5))


def test_no_flag_for_a_hidden_cell_that_shifted():
    # 0 -> 11 'verdrietig' (min_cell 12) is a clear shift of a hidden cell: no flag, no figure
    from sprintkit.engine.stories import Cube
    from sprintkit.engine.storyshifts import shifts

    cube = Cube()
    for p, counts in (("2025-H1", {"blij": 100, "neutraal": 100}),
                      ("2025-H2", {"blij": 60, "boos": 79, "neutraal": 50, "verdrietig": 11})):
        cube.stories[(p, "ouders", "")] = 200
        cube.answered[(p, "ouders", "", "emotie")] = 200
        for a, n in counts.items():
            cube.counts[(p, "ouders", "", "emotie", a)] = n
    result = shifts(cube, method_model(), period_from="2025-H1", period_to="2025-H2",
                    min_cell=12, lang="nl")
    emotie = next(s for s in result["signifiers"] if s["id"] == "emotie")
    cells = {a["id"]: a for a in emotie["answers"]}
    assert cells["verdrietig"]["to"]["count"] is None
    assert cells["verdrietig"]["shift"] is None and cells["verdrietig"]["difference"] is None
    assert emotie["test"]["name"] == "chi-square"
    assert all(c["passes"] for c in audit_output(json.loads(json.dumps(result)), 12))


# --- the story example ---------------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "foodvalley-stories"


@pytest.mark.slow
def test_every_output_of_the_foodvalley_example_passes(tmp_path):
    import shutil

    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.ops.stories import context, import_stories, shifts, summary
    from sprintkit.ops.storyviews import dashboard_data, story_section

    folder = tmp_path / "foodvalley"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("stories.db", "reports"))
    import_stories(file=folder / "verhalen.csv", sprint=folder)
    outputs = {"dashboard": dashboard_data(context(folder, None)),
               "section": story_section(load_sprint(folder), "nl"),
               "shifts": shifts(sprint=folder, period_from="2025-H1", period_to="2025-H2")}
    for by in (["period"], ["perspective"], ["period", "perspective"]):
        outputs[f"summary {by}"] = summary(sprint=folder, by=by)
    for name, output in outputs.items():
        cells = audit_output(json.loads(json.dumps(output)), 5)
        assert cells and all(c["passes"] for c in cells), name
