"""The one number formatter (sprintkit.i18n.numbers) and the one day parser (sprintkit.i18n.dates),
and the commands that use them: Dutch sprints show decimal commas, every date option reads
2026-03-02, 2-3-2026 and 02-03-2026, an impossible date is refused without a traceback."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from board_support import data, make_programme, ok
from board_support import make_sprint as make_board_sprint
from evidence_support import count_hypotheses, hyp

from sprintkit import i18n
from sprintkit.i18n import numbers as n
from sprintkit.i18n.dates import DateError, as_date, format_date, parse_date

# --- numbers ----------------------------------------------------------------------------------


def test_numbers_in_dutch_and_english():
    assert n.number(12345, "nl") == "12.345" and n.number(12345, "en") == "12,345"
    assert n.integer(1234567, "nl") == "1.234.567" and n.integer(1234567.4, "en") == "1,234,567"
    assert n.number(2.75, "nl") == "2,75" and n.number(2.75, "en") == "2.75"
    assert n.number(12345.678, "nl", 1) == "12.345,7"
    assert n.number(2.5, "nl", 2) == "2,5" and n.number(2.5, "nl", 2, trim=False) == "2,50"
    assert n.number(-0.0001, "nl", 2) == "0"  # never "-0"
    assert n.number(None, "nl") == "—" and n.number(float("nan"), "nl") == "–"
    assert n.amount(1234.6, "nl") == "1.235" and n.amount(32.54, "nl") == "32,5"
    assert n.amount(2.754, "en") == "2.75"


def test_percentages_signs_and_points():
    assert n.percent(9 / 11, "nl", 1) == "81,8%" and n.percent(9 / 11, "en", 1) == "81.8%"
    assert n.percent(0.8, "nl", 1, trim=False) == "80,0%"
    assert n.percent(1.0, "nl", 1, trim=False, whole_ends=True) == "100%"
    assert n.percent(32.5, "nl", 1, scale=1) == "32,5%"
    assert n.signed(0.58, "nl", 2) == "+0,58" and n.signed(0.58, "en", 2) == "+0.58"
    assert n.signed(-19, "nl") == "\u221219"  # the true minus sign
    assert n.signed(0.001, "nl", 2, trim=False) == "0,00"
    assert n.pp(6.5, "nl") == "+6,5 pp" and n.pp(-2, "en") == "\u22122 pp"
    assert n.pp(0, "nl") == "±0 pp"


@pytest.mark.parametrize(("p", "nl", "en"), [
    (2.5e-23, "p < 0,001", "p < 0.001"),
    (0.0009999, "p < 0,001", "p < 0.001"),
    (0.001, "p = 0,001", "p = 0.001"),
    (0.012345, "p = 0,012", "p = 0.012"),
    (0.04999, "p = 0,05", "p = 0.05"),
    (0.4321, "p = 0,43", "p = 0.43"),
    (1.0, "p = 1", "p = 1"),
])
def test_p_values_are_readable_never_scientific(p, nl, en):
    assert n.p_value(p, "nl") == nl and n.p_value(p, "en") == en


def test_no_p_value_is_ever_scientific():
    for exponent in range(-300, 1):
        for mantissa in (1.0, 2.5, 9.99):
            shown = n.p_value(mantissa * 10.0 ** exponent, "en")
            assert "e" not in shown.lower(), shown
    assert n.p_value(0.03, "nl", "p (gecorrigeerd)") == "p (gecorrigeerd) = 0,03"


def test_intervals():
    assert n.interval(0.47, 0.911, "nl", percent_of=True) == "47%–91%"
    assert n.interval(0.468, 0.911, "nl") == "0,468–0,911"
    assert n.interval(0.468, 0.911, "en", decimals=2, spaced=True) == "0.47 – 0.91"
    assert n.interval(-2, 5, "nl", decimals=0, brackets=True) == "[\u22122; +5]"
    assert n.interval(-0.25, 0.5, "nl", decimals=2, trim=False, brackets=True) == (
        "[\u22120,25; +0,50]")
    assert n.interval(None, 3, "nl") == ""


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2026-03-02", "2-3-2026", "02-03-2026", "2/3/2026",
                                  "2.3.2026", " 2026-3-2 "])
def test_every_accepted_form(text):
    assert parse_date(text) == dt.date(2026, 3, 2)


def test_impossible_dates_say_what_is_wrong_in_the_language_of_the_work():
    i18n.choose("nl")
    try:
        with pytest.raises(DateError, match="februari 2026 heeft geen dag 30"):
            parse_date("30-2-2026", "--date")
        with pytest.raises(DateError, match="^--due: die datum bestaat niet .er is geen maand 13"):
            parse_date("2026-13-01", "--due")
        with pytest.raises(DateError, match="dat is geen datum"):
            parse_date("morgen")
        i18n.choose("en")
        with pytest.raises(DateError, match="February 2026 has no day 30"):
            parse_date("30-02-2026")
        with pytest.raises(DateError, match="not a date.*2-3-2026 or 2026-03-02"):
            parse_date("2026/03/02x")
    finally:
        i18n.reset()
    with pytest.raises(DateError) as info:
        parse_date("31-4-1987")  # a birth date is not repeated back
    assert "1987" not in str(info.value).replace("april 1987", "")


def test_leap_days_and_display():
    assert parse_date("29-2-2028") == dt.date(2028, 2, 29)
    with pytest.raises(DateError):
        parse_date("29-2-2027")
    assert format_date(dt.date(2026, 3, 2), "nl") == "2 maart 2026"
    assert format_date("2-3-2026", "en", weekday=True) == "Monday 2 March 2026"
    assert as_date("2026-03-02T10:00") == dt.date(2026, 3, 2) and as_date("x") is None


@pytest.mark.parametrize(("text", "kept"), [("2026", "2026"), ("2026-h1", "2026-H1"),
                                            ("2026-K3", "2026-Q3"), ("2026-q4", "2026-Q4"),
                                            (" 2026-05 ", "2026-05")])
def test_periods_in_any_case_and_the_dutch_quarter(text, kept):
    from sprintkit.model.periods import parse_period

    assert parse_period(text).text == kept


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", "'2026-X1' is geen periode; gebruik 2026, 2026-H1, 2026-Q3 (of 2026-K3) of 2026-05"),
    ("en", "'2026-X1' is not a period; use 2026, 2026-H1, 2026-Q3 or 2026-05"),
])
def test_a_wrong_period_is_told_in_the_language_of_the_work(lang, words):
    from sprintkit.model.periods import parse_period

    i18n.choose(lang)
    try:
        with pytest.raises(ValueError) as info:
            parse_period("2026-X1")
    finally:
        i18n.reset()
    assert str(info.value) == words


# --- commands ---------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["2-3-2026", "02-03-2026", "2026-03-02"])
def test_evidence_action_and_decision_take_every_form(cli, tmp_path, day):
    sprint = make_board_sprint(tmp_path / "s")
    ok(cli("evidence", "add", "H1", "-s", sprint, "--successes", "1", "--trials", "2",
           "--date", day))
    assert hyp(sprint, "H1")["evidence"][0]["date"] == dt.date(2026, 3, 2)
    ok(cli("action", "add", "Iets doen", "-s", sprint, "--due", day))
    assert data(sprint)["actions"][0]["due"] == dt.date(2026, 3, 2)
    ok(cli("decision", "add", "Besluit", "-s", sprint, "--date", day))
    assert data(sprint)["decisions"][0]["date"] == dt.date(2026, 3, 2)
    ok(cli("board", "-s", sprint, "--as-of", day))


def test_a_measurement_takes_a_dutch_quarter_and_keeps_the_usual_form(cli, tmp_path):
    sprint = make_board_sprint(tmp_path / "s")
    ok(cli("indicator", "add", "wacht", "-s", sprint, "--name", "Wachttijd", "--kind", "telling",
           "--direction", "lager is beter", "--baseline", "40", "--baseline-period", "2025-k4"))
    ok(cli("indicator", "record", "wacht", "-s", sprint, "--period", "2026-K1", "--value", "35"))
    [indicator] = [i for i in data(sprint)["indicators"] if i["id"] == "wacht"]
    assert indicator["baseline_period"] == "2025-Q4"
    assert [m["period"] for m in indicator["measurements"]] == ["2026-Q1"]


def test_new_start_takes_the_dutch_form(cli, tmp_path):
    ok(cli("new", "experiment-sprint", tmp_path / "s", "--title", "Proef", "--start", "2-3-2026",
           "--no-input"))
    assert data(tmp_path / "s")["start"] == dt.date(2026, 3, 2)


@pytest.mark.parametrize("argv", [
    ["new", "experiment-sprint", "{dir}/n", "--title", "T", "--start", "31-2-2026", "--no-input"],
    ["evidence", "add", "H1", "-s", "{dir}/s", "--successes", "1", "--trials", "2",
     "--date", "30-2-2026"],
    ["action", "add", "x", "-s", "{dir}/s", "--due", "2026-02-30"],
    ["decision", "add", "x", "-s", "{dir}/s", "--date", "0-3-2026"],
    ["board", "-s", "{dir}/s", "--as-of", "2-13-2026"],
])
def test_bad_dates_are_refused_clearly_and_write_nothing(cli, tmp_path, argv):
    sprint = make_board_sprint(tmp_path / "s")
    before = (sprint / "sprint.yaml").read_bytes()
    res = cli(*[a.format(dir=tmp_path) for a in argv])
    assert res.exit_code == 2, res.output
    said = " ".join(res.stderr.split())
    assert "bestaat niet" in said and "2-3-2026 of 2026-03-02" in said
    assert "Traceback" not in res.output
    assert (sprint / "sprint.yaml").read_bytes() == before
    assert not (tmp_path / "n").exists()


@pytest.mark.parametrize(("language", "shown"), [("nl", "H1 nu: 9/11 (81,8%)"),
                                                 ("en", "H1 now: 9/11 (81.8%)")])
def test_evidence_line_speaks_the_numbers_of_the_sprint(cli, tmp_path, language, shown):
    sprint = count_hypotheses(tmp_path / "s", [(8, 10)], language=language)
    res = cli("evidence", "add", "H1", "-s", sprint, "--successes", "1", "--trials", "1")
    ok(res)
    assert shown in res.stderr
    assert ("81.8%" in res.stderr) is (language == "en")


@pytest.mark.parametrize(("language", "shown", "other"), [("nl", ">=7,5", ">=7.5"),
                                                          ("en", ">=7.5", ">=7,5")])
def test_a_criterion_with_decimals_is_shown_the_sprints_way_and_kept_the_files_way(
        cli, tmp_path, language, shown, other):
    from evidence_support import make_sprint as make_evidence_sprint

    sprint = make_evidence_sprint(tmp_path / "s", language)
    res = cli("hypothesis", "add", "-s", sprint, "--statement", "Ouders geven een hoog cijfer",
              "--metric", "cijfer", "--target", ">=7,5", "--kind", "mean")
    ok(res)
    assert shown in res.stderr
    ok(cli("evidence", "add", "H1", "-s", sprint, "--value", "8", "--value", "9"))
    said = "".join(cli(*args, "-s", sprint).stdout for args in (
        ["verdict"], ["hypothesis", "list"], ["hypothesis", "show", "H1"]))
    assert said.count(shown) >= 3 and other not in said
    assert json.loads(cli("verdict", "-s", sprint, "--format", "json").stdout)[0]["target"] == (
        ">=7.5")  # JSON and the file keep the point
    assert hyp(sprint, "H1")["target"] == ">=7.5"
    ok(cli("hypothesis", "edit", "H1", "-s", sprint, "--target", ">=8.5", "--confidence", "0.9",
           "--reason", "strenger"))
    history = cli("hypothesis", "show", "H1", "-s", sprint).stdout
    assert f"{shown} → {shown.replace('7', '8')}" in history
    assert ("0,95 → 0,9" if language == "nl" else "0.95 → 0.9") in history


@pytest.mark.parametrize(("language", "words"), [
    ("nl", ["--start: '9u' is geen kloktijd", "--value: 'abc' is geen getal", "32,5",
            "TEXT mag niet leeg zijn"]),
    ("en", ["--start: '9u' is not a clock time", "--value: 'abc' is not a number", "32.5",
            "TEXT may not be empty"]),
])
def test_a_wrong_time_number_or_empty_text_is_told_in_the_sprints_language(
        cli, tmp_path, monkeypatch, language, words):
    sprint = make_board_sprint(tmp_path / "s", language=language)
    monkeypatch.setenv("SPRINTKIT_LANG", "en" if language == "nl" else "nl")
    ok(cli("indicator", "add", "wacht", "-s", sprint, "--name", "Wachttijd", "--kind", "count",
           "--direction", "decrease"))
    said = ""
    for args in (["agenda", "--start", "9u"],
                 ["indicator", "record", "wacht", "--period", "2026", "--value", "abc"],
                 ["action", "add", " "]):
        res = cli(*args, "-s", sprint)
        assert res.exit_code == 2, res.output
        said += " ".join(res.stderr.split()) + "\n"
    assert all(w in said for w in words), said


def test_a_number_too_large_names_the_option_and_the_limit_the_dutch_way(cli, tmp_path):
    from evidence_support import make_sprint as make_evidence_sprint

    sprint = make_evidence_sprint(tmp_path / "s")
    ok(cli("hypothesis", "add", "-s", sprint, "--statement", "Ouders geven een hoog cijfer",
           "--metric", "cijfer", "--target", ">=7", "--kind", "mean"))
    res = cli("evidence", "add", "H1", "-s", sprint, "--value", "2e15", "--value", "3")
    assert res.exit_code == 2
    assert "--value: het getal is te groot (de grens is 1.000.000.000.000.000)" in res.stderr


# --- programme: DIR or -p -----------------------------------------------------------------------


@pytest.fixture
def programme(cli, tmp_path):
    make_board_sprint(tmp_path / "a", id="a")
    make_board_sprint(tmp_path / "b", id="b")
    return make_programme(tmp_path / "traject", ["../a"])


def chain(programme):
    return [str(s["path"] if isinstance(s, dict) else s).rsplit("/", 1)[-1]
            for s in data(programme, "programme.yaml")["sprints"]]


def test_every_programme_command_takes_dir_or_p(cli, tmp_path, programme):
    ok(cli("programme", "add", tmp_path / "b", programme))
    assert chain(programme) == ["a", "b"]
    ok(cli("programme", "move", "b", programme, "--first"))
    assert chain(programme) == ["b", "a"]
    ok(cli("programme", "move", "../a", "-p", programme, "--first"))
    assert chain(programme) == ["a", "b"]
    shown = {}
    for how in ([programme], ["-p", programme], [programme, "-p", programme / "programme.yaml"]):
        res = cli("programme", "status", *how, "--format", "json")
        ok(res)
        shown[len(how)] = json.loads(res.stdout)
        ok(cli("programme", "lineage", *how, "--format", "json"))
        context = cli("programme", "context", *how)
        ok(context)
        assert json.loads(context.stdout)
    assert shown[1] == shown[2] == shown[3]
    ok(cli("programme", "lineage", programme))  # DIR alone is the folder, not a hypothesis
    ok(cli("programme", "remove", "b", programme))
    assert chain(programme) == ["a"]
    ok(cli("programme", "new", "-p", tmp_path / "tweede", "--title", "T", "--no-input"))
    assert (tmp_path / "tweede" / "programme.yaml").is_file()


@pytest.mark.parametrize("sub", [["status"], ["lineage", "H1"], ["context"], ["report"], ["plan"],
                                 ["remove", "a"], ["move", "a", "--first"]])
def test_two_different_programme_folders_are_a_usage_error(cli, tmp_path, programme, sub):
    before = (programme / "programme.yaml").read_bytes()
    res = cli("programme", *sub, programme, "-p", tmp_path / "a")
    assert res.exit_code == 2, res.output
    assert "--programme/-p" in res.stderr and "Traceback" not in res.output
    assert (programme / "programme.yaml").read_bytes() == before


def test_programme_new_needs_a_folder(cli, tmp_path):
    res = cli("programme", "new", "--title", "T", "--no-input", cwd=tmp_path)
    assert res.exit_code == 2 and "--programme/-p" in res.stderr


# --- stories: one Dutch line never mixes 2,75 with +0.58 ----------------------------------------


def test_story_shifts_in_a_dutch_sprint_use_decimal_commas_and_readable_p_values(cli, tmp_path):
    import re

    from stories_support import balanced_rows, csv_text
    from stories_support import make_sprint as make_story_sprint

    sprint = make_story_sprint(tmp_path / "sprint")
    rows = balanced_rows({"2025-03-01": 30}, emotie="boos", tevreden="2")
    rows += balanced_rows({"2025-03-02": 30}, emotie="blij", tevreden="3")
    rows += balanced_rows({"2025-09-01": 10}, emotie="boos", tevreden="3")
    rows += balanced_rows({"2025-09-02": 50}, emotie="blij", tevreden="4")
    (tmp_path / "s.csv").write_text(csv_text(rows), encoding="utf-8")
    ok(cli("stories", "import", tmp_path / "s.csv", "-s", sprint))
    res = cli("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to", "2025-H2")
    ok(res)
    text = res.stdout
    assert "2,50" in text and "3,83" in text and "+1,33" in text  # the means and their shift
    assert "p < 0,001" in text
    assert re.search(r"\d\.\d", text) is None, text  # no decimal point anywhere
    assert re.search(r"\de-?\d", text) is None  # nothing scientific
