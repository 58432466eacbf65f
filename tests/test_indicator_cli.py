"""`sprintkit indicator add|record|list|show` through the real app, with the Flevoland
acceleration outcomes; every refusal leaves the file as it was."""

from __future__ import annotations

import pytest
from board_support import as_json, data, fails, make_programme, make_sprint, ok, widest

PLACEMENTS = ("indicator add uhp --name 'Uithuisplaatsingen in de regio' "
              "--unit 'kinderen per jaar' --direction decrease --kind count --baseline 250 "
              "--baseline-period 2021 --target 200 --target-period 2024 "
              "--frequency 'per halfjaar' --source 'regionale monitor jeugdzorg'")
KEPT_HOME = ("indicator add thuis --name 'Kinderen thuis gebleven of teruggegaan' "
             "--unit '% van de kinderen waar het team meedacht' --direction increase "
             "--target 40% --target-period 2023")


@pytest.fixture
def sprint(tmp_path, cli, monkeypatch):
    folder = make_sprint(tmp_path / "flevoland")
    monkeypatch.chdir(folder)
    ok(cli(PLACEMENTS))
    ok(cli(KEPT_HOME))
    return folder


def test_add_writes_the_indicator_and_keeps_comments(sprint):
    text = (sprint / "sprint.yaml").read_text(encoding="utf-8")
    assert "# Versnellingsaanpak — a hand-written comment that must survive" in text
    assert "# title comment" in text
    uhp, thuis = data(sprint)["indicators"]
    assert uhp == {"id": "uhp", "name": "Uithuisplaatsingen in de regio",
                   "unit": "kinderen per jaar", "direction": "decrease", "kind": "count",
                   "baseline": 250.0, "baseline_period": "2021", "target": 200.0,
                   "target_period": "2024", "frequency": "per halfjaar",
                   "source": "regionale monitor jeugdzorg"}
    assert thuis["kind"] == "rate" and thuis["target"] == 40.0  # from the % unit and 40%


def test_add_says_what_it_added(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(make_sprint(tmp_path / "s"))
    res = cli("indicator add wacht --name Wachttijd --unit dagen --direction decrease "
              "--baseline 21 --baseline-period 2025-H2")
    ok(res)
    assert ("wacht toegevoegd (soort niet gegeven; lager is beter; nulmeting 21 in 2025-H2)"
            in res.stderr)
    assert "--kind count" in res.stderr and "--kind value" in res.stderr


@pytest.mark.parametrize(("args", "code", "words"), [
    ("--baseline 250", 2, ["--baseline vraagt om --baseline-period"]),
    ("--baseline-period 2021", 2, ["--baseline-period hoort bij --baseline"]),
    ("--target-period 2024", 2, ["--target-period hoort bij --target"]),
    ("--baseline 250 --baseline-period 2021-H3", 2, ["geen periode", "2026-H1"]),
    ("--baseline twee --baseline-period 2021", 2, ["'twee' is geen getal"]),
    ("--kind rate --baseline 250 --baseline-period 2021", 1,
     ["nulmeting 250 is geen percentage", "een percentage is geen aantal",
      "er is niets geschreven"]),
    ("--kind count --baseline 25% --baseline-period 2021", 2, ["Aantal is geen percentage"]),
    ("--baseline 250 --baseline-period 2021 --target 300", 1,
     ["streefwaarde 300 ligt boven de nulmeting 250", "een daling is de goede richting"]),
])
def test_add_refuses_bad_definitions(cli, tmp_path, monkeypatch, args, code, words):
    folder = make_sprint(tmp_path / "s")
    monkeypatch.chdir(folder)
    before = (folder / "sprint.yaml").read_bytes()
    res = cli(f"indicator add uhp --name Uithuisplaatsingen --direction decrease {args}")
    fails(res, code, *words)
    assert (folder / "sprint.yaml").read_bytes() == before


def test_add_refuses_a_second_indicator_with_the_same_id(cli, sprint):
    fails(cli(PLACEMENTS), 1, "indicator 'uhp' bestaat al")


def test_direction_is_required_and_checked(cli, sprint):
    fails(cli("indicator add x --name X"), 2, "--direction")
    fails(cli("indicator add x --name X --direction up"), 2, "increase", "decrease")


# --- record: the period rule ----------------------------------------------------------------


def test_a_rate_across_periods_is_refused_and_nothing_is_written(cli, sprint):
    before = (sprint / "sprint.yaml").read_bytes()
    res = cli("indicator record thuis --period 2022 --numerator 65 --denominator 250 "
              "--denominator-period 2021")
    fails(res, 1, "thuis 2022: 65 (2022) van 250 (2021) is geen percentage",
          "de teller telt 2022 en de noemer 2021", "er is niets geschreven")
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_a_rate_on_a_count_is_refused(cli, sprint):
    before = (sprint / "sprint.yaml").read_bytes()
    res = cli("indicator record uhp --period 2022 --numerator 65 --denominator 200")
    fails(res, 1, "65 van 200 is een percentage (32,5%)", "uhp is een aantal (kinderen per jaar)",
          "niet te vergelijken met de nulmeting van 250 (2021)")
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_a_rate_of_one_period_is_recorded(cli, sprint):
    res = cli("indicator record thuis --period 2022 --numerator 65 --denominator 200 "
              "--source 'registratie versnellingsteam'")
    ok(res)
    assert "thuis 2022: 32,5% (65/200) vastgelegd" in res.stderr
    (m,) = data(sprint)["indicators"][1]["measurements"]
    assert m == {"period": "2022", "numerator": 65.0, "denominator": 200.0,
                 "source": "registratie versnellingsteam"}


def test_a_half_year_count_is_compared_pro_rata_and_said(cli, sprint):
    ok(cli("indicator record uhp --period 2022 --value 231"))
    res = cli("indicator record uhp --period 2023-H1 --value 104")
    ok(res)
    flat = " ".join(res.stderr.split())
    assert "uhp 2023-H1: 104 vastgelegd — tegen 125 pro rata: beter · −21 (−16,8%)" in flat
    assert "84% van de weg naar de streefwaarde" in flat
    assert "de nulmeting 250 en de streefwaarde 200 zijn pro rata genomen als 125 en 100" in flat


def test_measurements_are_kept_in_period_order(cli, sprint):
    for period, value in (("2023", 205), ("2022", 231), ("2023-H1", 104)):
        ok(cli(f"indicator record uhp --period {period} --value {value}"))
    periods = [m["period"] for m in data(sprint)["indicators"][0]["measurements"]]
    assert periods == ["2022", "2023-H1", "2023"]


def test_a_period_is_recorded_once_unless_replaced(cli, sprint):
    ok(cli("indicator record uhp --period 2022 --value 231"))
    fails(cli("indicator record uhp --period 2022 --value 230"), 1,
          "uhp heeft al een meting over 2022 (231)", "--replace")
    res = cli("indicator record uhp --period 2022 --value 230 --replace")
    ok(res)
    assert "230 gecorrigeerd" in res.stderr
    assert [m["value"] for m in data(sprint)["indicators"][0]["measurements"]] == [230.0]


@pytest.mark.parametrize(("args", "code", "words"), [
    ("uhp --period 2022", 2, ["geef --value X, of --numerator K met --denominator N"]),
    ("uhp --period 2022 --value 1 --numerator 1 --denominator 2", 2, ["niet allebei"]),
    ("thuis --period 2022 --numerator 1", 2, ["zowel --numerator K als --denominator N nodig"]),
    ("thuis --period 2022 --numerator 1 --denominator 0", 2, ["--denominator moet meer"]),
    ("uhp --period 2022 --value 3 --denominator-period 2021", 2,
     ["--denominator-period hoort bij"]),
    ("uhp --period 2022-H3 --value 3", 2, ["'2022-H3' is geen periode", "2026-Q3"]),
    ("uhp --period 2022 --value 26%", 2, ["uhp is geen percentage"]),
    ("thuis --period 2022 --numerator 210 --denominator 200", 1, ["meer dan 100%"]),
    ("thuis --period 2022 --value 250", 1, ["250 is geen percentage tussen 0 en 100"]),
    ("nope --period 2022 --value 3", 1, ["geen indicator 'nope'", "indicatoren: uhp, thuis"]),
])
def test_record_refuses_bad_input(cli, sprint, args, code, words):
    before = (sprint / "sprint.yaml").read_bytes()
    fails(cli(f"indicator record {args}"), code, *words)
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_a_rate_value_may_be_written_as_a_percentage(cli, sprint):
    ok(cli("indicator record thuis --period 2023 --value 35,5%"))
    assert data(sprint)["indicators"][1]["measurements"][0]["value"] == 35.5


def test_a_note_is_pseudonymised(cli, sprint):
    res = cli("indicator record uhp --period 2022 --value 231 "
              "--note 'navragen bij j.jansen@example.nl of 06-12345678'")
    ok(res)
    note = data(sprint)["indicators"][0]["measurements"][0]["note"]
    assert "example.nl" not in note and "12345678" not in note
    assert "2 herleidbare gegeven(s) in de opmerking gepseudonimiseerd" in res.stderr


# --- list and show --------------------------------------------------------------------------


@pytest.fixture
def measured(cli, sprint):
    ok(cli("indicator record uhp --period 2022 --value 231"))
    ok(cli("indicator record uhp --period 2023-H1 --value 104"))
    ok(cli("indicator record thuis --period 2022 --numerator 65 --denominator 200"))
    return sprint


def test_list_reads_at_80_columns_in_dutch(cli, measured, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    res = cli("indicator list")
    ok(res)
    assert widest(res.stdout) <= 80
    text = res.stdout
    for words in ("Nulmeting", "→ streef", "Laatste", "Verloop", "250 (2021)", "→ 200 (2024)",
                  "2023-H1", "beter *", "−21 (−16,8%)", "84% van de weg", "32,5%", "(65/200)",
                  "geen nulmeting", "nog 7,5 pp", "Toelichting:"):
        assert words in text, words
    flat = " ".join(text.split())
    assert "kinderen per jaar, lager is" in text
    assert ("uhp: 2023-H1 beslaat een halfjaar en de nulmeting (2021) een jaar: de nulmeting "
            "250 en de streefwaarde 200 zijn pro rata genomen als 125 en 100") in flat


def test_list_in_english(cli, measured, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    res = cli("indicator list --lang en")
    ok(res)
    assert widest(res.stdout) <= 80
    for words in ("Baseline", "Trend", "better *", "−21 (−16.8%)", "84% of the way",
                  "7.5 pp to go", "Notes:"):
        assert words in res.stdout, words


def test_list_json(cli, measured):
    records = as_json(cli("indicator list --format json"))
    assert [r["id"] for r in records] == ["uhp", "thuis"]
    uhp = records[0]
    assert uhp["sprint"] == "flevoland" and uhp["kind"] == "count"
    latest = uhp["latest"]
    assert latest["period"] == "2023-H1" and latest["value"] == 104
    assert latest["baseline"] == 125 and latest["baseline_factor"] == 0.5
    assert latest["change"] == -21 and latest["progress"] == pytest.approx(0.84)
    assert latest["status"] == "better" and latest["good_direction"] is True
    assert latest["target_met"] is False and latest["gap"] == 4
    assert [m["period"] for m in uhp["measurements"]] == ["2022", "2023-H1"]
    thuis = records[1]
    assert thuis["kind"] == "rate" and thuis["kind_inferred"] is False
    assert thuis["latest"]["value"] == 32.5 and thuis["measurements"][0]["numerator"] == 65


def test_show_one_in_full(cli, measured, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    res = cli("indicator show uhp")
    ok(res)
    assert widest(res.stdout) <= 80
    assert "uhp — Uithuisplaatsingen in de regio" in res.stdout
    assert "Soort: aantal, kinderen per jaar; lager is beter" in res.stdout
    assert "125 (pro rata)" in res.stdout and "38%" in res.stdout
    one = as_json(cli("indicator show uhp --format json"))
    assert one["id"] == "uhp" and len(one["measurements"]) == 2


def test_show_an_unknown_indicator(cli, measured):
    fails(cli("indicator show nope"), 1, "geen indicator 'nope'")


def test_a_hand_written_rate_across_periods_is_shown_not_computed(cli, tmp_path, monkeypatch):
    """The seed's trap typed into the file by hand: 65 kept at home (2022) out of 250
    placements (2021). The list refuses to compute it and says why; no traceback."""
    folder = make_sprint(tmp_path / "s")
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        handle.write("indicators:\n  - id: thuis\n    name: Thuis gehouden\n"
                     "    direction: increase\n    measurements:\n"
                     "      - {period: '2022', numerator: 65, denominator: 250, "
                     "denominator_period: '2021'}\n")
    monkeypatch.chdir(folder)
    res = cli("indicator list")
    ok(res)
    assert "niet vergeleken" in res.stdout
    flat = " ".join(res.stdout.split())
    assert "65 (2022) van 250 (2021) is geen percentage" in flat
    record = as_json(cli("indicator show thuis --format json"))
    assert record["latest"]["value"] is None
    assert "is geen percentage" in record["measurements"][0]["problem"]


def test_empty_list(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(make_sprint(tmp_path / "s"))
    res = cli("indicator list")
    ok(res)
    assert "nog geen indicatoren" in res.output
    assert as_json(cli("indicator list --format json")) == []


# --- programme ------------------------------------------------------------------------------


def test_programme_indicators_and_the_sprints(cli, tmp_path, monkeypatch):
    make_sprint(tmp_path / "prog" / "flevoland")
    programme = make_programme(tmp_path / "prog", ["flevoland", "missing"])
    monkeypatch.chdir(tmp_path / "prog" / "flevoland")
    ok(cli(PLACEMENTS))
    monkeypatch.chdir(tmp_path)
    ok(cli("indicator add thuis --name 'Thuis gebleven' --unit % --direction increase "
           "--target 40 --programme prog"))
    ok(cli("indicator record thuis --period 2022 --numerator 65 --denominator 200 "
           "--programme prog"))
    text = (programme / "programme.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Traject — comment that must survive")
    assert data(programme, "programme.yaml")["indicators"][0]["measurements"][0]["numerator"] == 65
    records = as_json(cli("indicator list --programme prog --format json"))
    assert [(r["id"], r.get("programme"), r.get("sprint")) for r in records] == [
        ("thuis", "traject", None), ("uhp", None, "flevoland")]
    res = cli("indicator list --programme prog")
    ok(res)
    assert "Traject traject" in res.stdout and "Sprint flevoland" in res.stdout
    assert "missing" in res.stderr


def test_sprint_and_programme_together_is_a_usage_error(cli, sprint, tmp_path):
    fails(cli(f"indicator list -s {sprint} --programme {tmp_path}"), 2,
          "geef --sprint/-s of --programme, niet allebei")


def test_no_sprint_here(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fails(cli("indicator list"), 1, "geen sprint.yaml")
