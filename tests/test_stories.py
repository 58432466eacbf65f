"""`sprintkit stories`: import (all or nothing, Excel files), add, export, summary, shifts."""

from __future__ import annotations

import json

import pytest
from stories_support import balanced_rows, csv_text, make_sprint, method_model, row

from sprintkit.engine.storygen import fictional_csv


@pytest.fixture
def sprint(tmp_path):
    return make_sprint(tmp_path / "sprint")


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_import_then_summary_counts(cli, sprint, tmp_path):
    rows = balanced_rows({"2025-03-01": 6, "2025-09-01": 7}, emotie="blij")
    rows += balanced_rows({"2025-10-01": 5}, emotie="boos", perspective="team")
    res = cli("stories", "import", write(tmp_path / "s.csv", csv_text(rows)), "-s", sprint,
              "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["imported"] == 18
    assert data["periods"] == {"2025-H1": 6, "2025-H2": 12}
    assert data["first_id"] == 1 and data["last_id"] == 18

    res = cli("stories", "summary", "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.stderr
    summary = json.loads(res.stdout)
    assert summary["total_stories"] == 18
    emotie = next(s for s in summary["signifiers"] if s["id"] == "emotie")
    assert emotie["columns"][""]["counts"] == {"blij": 13, "boos": 5, "verdrietig": 0,
                                               "neutraal": 0}
    assert emotie["columns"]["2025-H2"]["counts"]["boos"] == 5
    assert emotie["columns"]["2025-H2"]["shares"]["blij"] == pytest.approx(7 / 12)
    balans = next(s for s in summary["signifiers"] if s["id"] == "balans")
    assert balans["columns"][""]["composition"] == pytest.approx([0.6, 0.3, 0.1])
    tevreden = next(s for s in summary["signifiers"] if s["id"] == "tevreden")
    assert tevreden["columns"][""]["mean"] == pytest.approx(4)


def test_semicolon_cp1252_file_from_excel(cli, sprint, tmp_path):
    rows = [row(date="01-03-2025", text="Het café was dicht; één keer", emotie="Verdrietig",
                thema="contact;veiligheid", tevreden="3,5")] * 5
    path = write(tmp_path / "excel.csv", csv_text(rows, delimiter=";"), encoding="cp1252")
    res = cli("stories", "import", path, "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["encoding"] == "cp1252" and data["delimiter"] == ";"
    res = cli("stories", "export", "-s", sprint)
    assert "Het café was dicht; één keer" in res.stdout
    assert "contact|veiligheid" in res.stdout and ",3.5," in res.stdout


def test_utf8_bom_file(cli, sprint, tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_text([row()] * 5).encode("utf-8"))
    res = cli("stories", "import", path, "-s", sprint)
    assert res.exit_code == 0, res.stderr
    assert "5 verhalen ingelezen" in res.stderr


def test_the_same_file_is_not_imported_twice_by_accident(cli, sprint, tmp_path):
    path = write(tmp_path / "s.csv", csv_text(balanced_rows({"2025-03-01": 6})))
    assert cli("stories", "import", path, "-s", sprint).exit_code == 0
    res = cli("stories", "import", path, "-s", sprint)
    assert res.exit_code == 1
    err = " ".join(res.stderr.split())
    assert "s.csv is al eerder ingelezen, op " in err
    assert "(6 verhalen, ids 1–6); er is niets ingelezen" in err
    assert "--again" in res.stderr
    total = json.loads(cli("stories", "summary", "-s", sprint, "--format", "json").stdout)
    assert total["total_stories"] == 6
    other = write(tmp_path / "t.csv", csv_text(balanced_rows({"2025-04-01": 5})))
    assert cli("stories", "import", other, "-s", sprint).exit_code == 0  # another file: fine
    res = cli("stories", "import", path, "-s", sprint, "--again", "--format", "json")
    assert res.exit_code == 0 and json.loads(res.stdout)["first_id"] == 12


def test_import_is_all_or_nothing_with_every_problem_located(cli, sprint, tmp_path):
    rows = [
        row(),                                              # line 2: fine
        row(text="Een verhaal\nover twee regels"),          # lines 3-4: fine
        row(perspective="buren"),                           # line 5
        row(date="32-13-2025"),                             # line 6
        row(text="   "),                                    # line 7
        row(emotie="woest", balans="50/50"),                # line 8: two problems
        row(consent="misschien"),                           # line 9
    ]
    path = write(tmp_path / "bad.csv", csv_text(rows))
    res = cli("stories", "import", path, "-s", sprint)
    assert res.exit_code == 1
    err = res.stderr
    assert "bad.csv:5:2: perspective: onbekend perspectief 'buren'" in err
    assert "bad.csv:6:1: date:" in err
    assert "bad.csv:7:3: text: de tekst van het verhaal is leeg" in err
    assert "bad.csv:8:4: emotie: onbekend antwoord 'woest'" in err
    assert "bad.csv:8:7: balans:" in err
    assert "bad.csv:9:8: consent_quote:" in err
    assert "6 problemen in" in err and "er is niets ingelezen" in " ".join(err.split())
    assert not (sprint / "stories.db").exists()


def test_unknown_column_and_missing_column(cli, sprint, tmp_path):
    header = ["date", "perspectief", "text", "emotie"]
    path = write(tmp_path / "h.csv", csv_text([["2025-01-01", "ouders", "x", "blij"]],
                                              header=header))
    res = cli("stories", "import", path, "-s", sprint)
    assert res.exit_code == 1
    assert "h.csv:1:2: perspectief: onbekende kolom 'perspectief'" in res.stderr
    assert "bedoel je 'perspective'?" in res.stderr
    assert "de kolom 'perspective' ontbreekt" in res.stderr


def test_missing_signifier_column_warns(cli, sprint, tmp_path):
    header = ["date", "perspective", "text", "emotie"]
    path = write(tmp_path / "h.csv", csv_text([["2025-01-01", "ouders", "x", "blij"]] * 5,
                                              header=header))
    res = cli("stories", "import", path, "-s", sprint)
    assert res.exit_code == 0, res.stderr
    assert "geen kolom voor duidingsvraag/-vragen thema, tevreden, balans" in res.stderr


def test_period_option_overrides_dates(cli, sprint, tmp_path):
    path = write(tmp_path / "s.csv", csv_text([row(date="2025-02-01")] * 5))
    res = cli("stories", "import", path, "-s", sprint, "--period", "2024-H2", "--format", "json")
    assert json.loads(res.stdout)["periods"] == {"2024-H2": 5}
    res = cli("stories", "import", path, "-s", sprint, "--period", "2024-H3")
    assert res.exit_code == 2 and "--period" in res.stderr


def test_quarterly_periods_from_settings(cli, tmp_path):
    sprint = make_sprint(tmp_path / "q", "stories:\n  period_kind: quarter\n")
    path = write(tmp_path / "s.csv", csv_text([row(date="2025-05-01")] * 5))
    res = cli("stories", "import", path, "-s", sprint, "--format", "json")
    assert json.loads(res.stdout)["periods"] == {"2025-Q2": 5}


def test_add_with_flags_and_missing_input(cli, sprint):
    res = cli("stories", "add", "-s", sprint, "--text", "Fijn gesprek gehad.",
              "--perspective", "team", "--answer", "emotie=blij",
              "--answer", "thema=contact|veiligheid", "--answer", "balans=20/20/60",
              "--date", "2026-02-03", "--consent", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data == {"id": 1, "period": "2026-H1", "perspective": "team", "replaced": {},
                    "pseudonymised": True, "warnings": []}
    exported = cli("stories", "export", "-s", sprint, "--format", "json")
    (story,) = json.loads(exported.stdout)
    assert story["thema"] == "contact|veiligheid" and story["consent_quote"] == "yes"
    assert story["balans"] == "0.2/0.2/0.6" and story["tevreden"] == ""

    res = cli("stories", "add", "-s", sprint, "--answer", "emotie=blij")
    assert res.exit_code == 1
    assert "het verhaal (--text)" in res.stderr and "het perspectief (--perspective)" in res.stderr

    res = cli("stories", "add", "-s", sprint, "--text", "x", "--perspective", "team",
              "--answer", "kleur=rood")
    assert res.exit_code == 2 and "onbekende duidingsvraag 'kleur'" in res.stderr


def test_export_round_trip(cli, sprint, tmp_path):
    csv_in = write(tmp_path / "s.csv", fictional_csv(method_model(), 120, seed=7))
    assert cli("stories", "import", csv_in, "-s", sprint).exit_code == 0
    out = tmp_path / "export.csv"
    res = cli("stories", "export", "-s", sprint, "--out", out, "--semicolon")
    assert res.exit_code == 0, res.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel recognises UTF-8
    other = make_sprint(tmp_path / "other")
    res = cli("stories", "import", out, "-s", other)
    assert res.exit_code == 0, res.stderr
    one = json.loads(cli("stories", "summary", "-s", sprint, "--format", "json").stdout)
    two = json.loads(cli("stories", "summary", "-s", other, "--format", "json").stdout)
    for key in ("total_stories", "groups"):
        assert one[key] == two[key]
    for a, b in zip(one["signifiers"], two["signifiers"], strict=True):
        assert a["columns"].keys() == b["columns"].keys()
        for g in a["columns"]:
            assert a["columns"][g]["counts"] == b["columns"][g]["counts"]


def test_summary_text_has_bars_and_hard_data(cli, sprint, tmp_path):
    rows = balanced_rows({"2025-03-01": 8, "2025-09-01": 8})
    cli("stories", "import", write(tmp_path / "s.csv", csv_text(rows)), "-s", sprint)
    res = cli("stories", "summary", "-s", sprint)
    assert res.exit_code == 0, res.stderr
    assert "Welke emotie hoort bij dit verhaal?" in res.stdout
    assert "█" in res.stdout
    assert "Harde data (indicatoren)" in res.stdout and "Gemiddelde wachttijd" in res.stdout
    en = cli("stories", "summary", "-s", sprint, "--lang", "en")
    assert "Which emotion goes with this story?" in en.stdout
    assert "Hard data (indicators)" in en.stdout


def test_summary_hard_data_beside_baseline_target_and_direction(cli, tmp_path):
    """As on the dashboard: the unit under the name, never a second pair of brackets
    ("(dagen (gemiddeld))"), then the baseline, the target and the desired direction; a sprint
    without indicators says so."""
    sprint = make_sprint(tmp_path / "s")
    yaml = sprint / "sprint.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("unit: dagen",
                                                             "unit: dagen (gemiddeld)"),
                    encoding="utf-8")
    rows = balanced_rows({"2025-03-01": 8, "2025-09-01": 8})
    cli("stories", "import", write(tmp_path / "s.csv", csv_text(rows)), "-s", sprint)
    out = cli("stories", "summary", "-s", sprint).stdout
    hard = out[out.index("Harde data (indicatoren)"):]
    cells = {line.split("│")[0].strip(): [c.strip() for c in line.split("│")[2:]]
             for line in hard.splitlines() if "│" in line}
    assert cells["2025-H1"] == ["140", "42"]
    assert cells["nulmeting"] == ["–", "42"]
    assert cells["streefwaarde"] == ["–", "–"]
    assert cells["gewenste"] == ["▼ lager is beter", "▼ lager is beter"]
    yaml.write_text(yaml.read_text(encoding="utf-8").split("indicators:")[0], encoding="utf-8")
    out = cli("stories", "summary", "-s", sprint).stdout
    assert "Deze sprint heeft nog geen indicatoren (harde data)" in out
    assert "nulmeting" not in out


def test_summary_hard_data_json(cli, sprint, tmp_path):
    rows = balanced_rows({"2025-03-01": 8, "2025-09-01": 3})
    cli("stories", "import", write(tmp_path / "s.csv", csv_text(rows)), "-s", sprint)
    data = json.loads(cli("stories", "summary", "-s", sprint, "--format", "json").stdout)
    hard = data["hard_data"]
    assert hard["periods"] == ["2025-H1", "2025-H2"]
    assert hard["stories_shown"] == {"2025-H1": "*", "2025-H2": "*"}
    wacht = next(i for i in hard["indicators"] if i["id"] == "wachttijd")
    assert wacht["values"] == {"2025-H1": 42, "2025-H2": 31}


def test_summary_by_perspective_signifier_and_filters(cli, sprint, tmp_path):
    rows = balanced_rows({"2025-03-01": 6}, emotie="blij", thema="wachttijd")
    rows += balanced_rows({"2025-03-02": 7}, emotie="boos", thema="contact", perspective="team")
    rows += balanced_rows({"2025-09-02": 5}, emotie="boos", thema="contact", perspective="team")
    cli("stories", "import", write(tmp_path / "s.csv", csv_text(rows)), "-s", sprint)
    data = json.loads(cli("stories", "summary", "-s", sprint, "--by", "perspective",
                          "--format", "json").stdout)
    assert [g["key"] for g in data["groups"]] == ["", "ouders", "team"]
    data = json.loads(cli("stories", "summary", "-s", sprint, "--by", "thema", "--period",
                          "2025-H1", "--format", "json").stdout)
    assert data["total_stories"] == 13
    assert [g["key"] for g in data["groups"]] == ["", "contact", "wachttijd"]
    emotie = next(s for s in data["signifiers"] if s["id"] == "emotie")
    assert emotie["columns"]["contact"]["counts"]["boos"] == 7
    assert emotie["columns"]["wachttijd"]["counts"]["blij"] == 6
    assert all(s["id"] != "thema" for s in data["signifiers"])
    res = cli("stories", "summary", "-s", sprint, "--by", "kleur")
    assert res.exit_code == 2 and "period, perspective of de id van een duidingsvraag" in res.stderr
    res = cli("stories", "summary", "-s", sprint, "--period", "2030-H1")
    assert res.exit_code == 1 and "geen verhalen in periode 2030-H1" in res.stderr


def test_shifts_flags_supported_shift_only(cli, sprint, tmp_path):
    rows = balanced_rows({"2025-03-01": 40}, emotie="boos")
    rows += balanced_rows({"2025-03-02": 20}, emotie="blij")
    rows += balanced_rows({"2025-09-01": 15}, emotie="boos")
    rows += balanced_rows({"2025-09-02": 45}, emotie="blij")
    cli("stories", "import", write(tmp_path / "s.csv", csv_text(rows)), "-s", sprint)
    res = cli("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to", "2025-H2",
              "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["stories"] == {"2025-H1": 60, "2025-H2": 60}
    emotie = next(s for s in data["signifiers"] if s["id"] == "emotie")
    assert emotie["test"]["name"] == "chi-square" and emotie["test"]["p_adjusted"] < 0.001
    assert {a["id"]: a["shift"] for a in emotie["answers"]}["blij"] == "up"
    assert emotie["n_from"] == 60 and emotie["n_to"] == 60
    thema = next(s for s in data["signifiers"] if s["id"] == "thema")
    assert not thema["shifted"]  # every story said 'contact' in both periods
    text = cli("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to", "2025-H2")
    assert "▲ omhoog" in text.stdout and "Verschuivingen: 2025-H1 → 2025-H2" in text.stdout
    res = cli("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to", "2026-H1")
    assert res.exit_code == 1 and "geen verhalen in periode 2026-H1" in res.stderr


def test_no_stories_yet(cli, sprint):
    res = cli("stories", "summary", "-s", sprint)
    assert res.exit_code == 1
    assert "nog geen verhalen" in res.stderr and "stories import" in res.stderr


def test_method_without_signifiers(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s")
    text = (sprint / "methods" / "verhalen-test.yaml").read_text()
    (sprint / "methods" / "verhalen-test.yaml").write_text(text.split("perspectives:")[0])
    res = cli("stories", "summary", "-s", sprint)
    assert res.exit_code == 1 and "geen perspectieven of duidingsvragen" in res.stderr


@pytest.mark.slow
def test_twenty_thousand_stories_import_and_summarise(cli, sprint, tmp_path):
    """How fast is measured by `make bench` (stories summary against pandas), not here."""
    path = write(tmp_path / "big.csv", fictional_csv(method_model(), 20_000, seed=3))
    res = cli("stories", "import", path, "-s", sprint)
    assert res.exit_code == 0, res.stderr
    res = cli("stories", "summary", "-s", sprint, "--by", "perspective", "--by", "thema",
              "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["total_stories"] == 20_000


def test_reading_commands_use_the_cached_method_until_it_changes(cli, sprint, tmp_path,
                                                                 monkeypatch):
    from sprintkit.files import library
    from sprintkit.ops import stories as ops

    path = write(tmp_path / "s.csv", csv_text([row()] * 5))
    assert cli("stories", "import", path, "-s", sprint).exit_code == 0

    def no_parsing(*args, **kwargs):
        raise AssertionError("the method was parsed although it did not change")

    monkeypatch.setattr(library, "get_method", no_parsing)
    result = ops.summary(sprint=sprint, by=["period"])
    assert result["signifiers"][0]["question"] == "Welke emotie hoort bij dit verhaal?"
    monkeypatch.undo()

    method = sprint / "methods" / "verhalen-test.yaml"
    method.write_text(method.read_text().replace("Welke emotie hoort", "Wat voor emotie hoort"))
    res = cli("stories", "summary", "-s", sprint, "--format", "json")
    assert json.loads(res.stdout)["signifiers"][0]["question"].startswith("Wat voor emotie")


def test_large_import_keeps_indexes_and_rolls_back_whole(cli, sprint, tmp_path):
    import sqlite3

    from sprintkit.ops import stories as ops

    path = write(tmp_path / "big.csv", fictional_csv(method_model(), 2500, seed=5))
    assert cli("stories", "import", path, "-s", sprint).exit_code == 0
    db = sprint / "stories.db"

    def indexes() -> set[str]:
        with sqlite3.connect(db) as con:
            names = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
        con.close()
        return names

    before = indexes()
    assert {"stories_group", "facts_s1", "facts_s4"} <= before

    def interrupted(done: int, total: int) -> None:
        if total // 2 < done < total:  # storing, after the first batch went in
            raise KeyboardInterrupt

    more = write(tmp_path / "more.csv", fictional_csv(method_model(), 6000, seed=6))
    with pytest.raises(KeyboardInterrupt):
        ops.import_stories(file=more, sprint=sprint, progress=interrupted)
    assert indexes() == before
    summary = json.loads(cli("stories", "summary", "-s", sprint, "--format", "json").stdout)
    assert summary["total_stories"] == 2500
    assert not (sprint / "stories.db-journal").exists()


def test_sample_is_deterministic_and_importable(cli, sprint, tmp_path):
    one = cli("stories", "sample", "-s", sprint, "--count", "50", "--seed", "4").stdout
    two = cli("stories", "sample", "-s", sprint, "--count", "50", "--seed", "4").stdout
    assert one == two and one.count("\n") == 51
    assert one.splitlines()[0] == ",".join(
        ["date", "perspective", "text", "emotie", "thema", "tevreden", "balans",
         "consent_quote"])
    out = tmp_path / "oefen.csv"
    res = cli("stories", "sample", "-s", sprint, "-n", "80", "--periods", "4", "--out", out,
              "--semicolon")
    assert res.exit_code == 0, res.stderr
    res = cli("stories", "import", out, "-s", sprint, "--format", "json")
    assert json.loads(res.stdout)["periods"] == {"2025-H1": 20, "2025-H2": 20, "2026-H1": 20,
                                                 "2026-H2": 20}
