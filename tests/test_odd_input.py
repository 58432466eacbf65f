"""Odd numbers and odd text in sprint files: refused with a located message (exit 1), never an
internal error later on."""

from __future__ import annotations

import pytest
from robust_support import copy_report_sprint


def edited(tmp_path, old: str, new: str, count: int = 1):
    sprint = copy_report_sprint(tmp_path / "s")
    path = sprint / "sprint.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return sprint


NUMBERS = [
    ("values: [75, 82", "values: [.nan, 82", "values", "eindig getal"),
    ("values: [75, 82", "values: [.inf, 82", "values", "eindig getal"),
    ("values: [75, 82", "values: [-.inf, 82", "values", "eindig getal"),
    ("values: [75, 82", "values: [1e300, 82", "values", "te groot"),
    ("    successes: 9\n", "    successes: true\n", "successes", "geen true/false"),
    ("    trials: 12\n", "    trials: true\n", "trials", "geen true/false"),
    ("values: [75, 82", "values: [true, 82", "values", "geen true/false"),
    ("schema_version: 1", "schema_version: true", "schema_version", "verwacht 1"),
]


@pytest.mark.parametrize("old, new, field, message", NUMBERS)
def test_odd_numbers_are_refused_where_they_are(cli, tmp_path, old, new, field, message):
    sprint = edited(tmp_path, old, new)
    res = cli("validate", sprint)
    assert res.exit_code == 1, res.output
    assert "sprint.yaml:" in res.output and field in res.output and message in res.output
    for args in (["verdict", "-s", sprint], ["status", "-s", sprint],
                 ["report", "-s", sprint, "--no-charts", "--format", "md", "--out",
                  tmp_path / "r.md"]):
        res = cli(*args)
        assert res.exit_code == 1, (args, res.output)
        assert "internal error" not in res.output and message in res.stderr


def test_every_number_field_refuses_nan_and_booleans():
    from sprintkit.model.sprint import Hypothesis, Indicator

    with pytest.raises(ValueError, match="eindig getal"):
        Indicator.model_validate({"id": "i", "name": "n", "direction": "increase",
                                  "baseline": float("nan")})
    with pytest.raises(ValueError, match="eindig getal"):
        Hypothesis.model_validate({"id": "H1", "statement": "s", "target": ">=1",
                                   "confidence": float("nan")})
    with pytest.raises(ValueError, match="geen true/false"):
        Hypothesis.model_validate({"id": "H1", "statement": "s", "target": ">=1",
                                   "min_n": True})


def test_ints_and_numbers_as_text_are_still_accepted():
    from sprintkit.model.sprint import Evidence, Measurement

    assert Evidence.model_validate({"successes": 3, "trials": 4}).trials == 4
    assert Evidence.model_validate({"values": [1, 2.5, -3]}).values == [1, 2.5, -3]
    assert Measurement.model_validate({"period": "2026", "value": "12"}).value == 12


def test_huge_values_from_the_command_line_are_refused(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    for _ in range(3):
        res = cli("evidence", "add", "H3", "-s", sprint, "--value", "1e308")
        assert res.exit_code in (1, 2), res.output
        assert "te groot" in res.stderr and "internal error" not in res.output
    for _ in range(3):
        assert cli("evidence", "add", "H3", "-s", sprint, "--value", "1e15").exit_code == 0
    res = cli("report", "-s", sprint, "--out", tmp_path / "r.docx")
    assert res.exit_code == 0, res.output
    assert cli("verdict", "-s", sprint).exit_code == 0


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDFFF", "\\U0000d800"])
def test_a_lone_surrogate_is_refused_where_it_is(cli, tmp_path, escape):
    sprint = edited(tmp_path, "title: Gezinsplan in één gesprek", f'title: "x{escape}"')
    for args in (["validate", sprint], ["status", "-s", sprint], ["board", "-s", sprint],
                 ["report", "-s", sprint, "--no-charts", "--out", tmp_path / "r.docx"]):
        res = cli(*args)
        assert res.exit_code == 1, (args, res.output)
        assert "sprint.yaml:5:10:" in res.output and "losse surrogaat" in res.output, res.output
        assert "internal error" not in res.output


def test_an_argument_that_is_not_utf8_is_not_written(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    before = (sprint / "sprint.yaml").read_bytes()
    res = cli("hypothesis", "add", "-s", sprint, "--statement", "a\udcffb", "--metric", "m",
              "--target", ">=50%")
    assert res.exit_code == 1, res.output
    assert "geen geldige UTF-8" in res.stderr and "niets geschreven" in res.stderr
    assert (sprint / "sprint.yaml").read_bytes() == before
    assert cli("validate", sprint).exit_code == 0


@pytest.mark.parametrize("value", ["abc", "99999999999999999999", "1e9", "-1e400"])
def test_a_bad_source_date_epoch_is_ignored_with_a_warning(tmp_path, value):
    from robust_support import sprintkit

    sprint = copy_report_sprint(tmp_path / "s")
    for args in (["report", "-s", sprint, "--no-charts", "--out", tmp_path / "r.docx"],
                 ["verdict", "-s", sprint]):
        run = sprintkit(*args, cwd=tmp_path, env={"SOURCE_DATE_EPOCH": value})
        assert run.returncode == 0, run.output[-2000:]
        # said before the sprint is read: in the default language, Dutch
        assert "SOURCE_DATE_EPOCH" in run.stderr and "genegeerd" in run.stderr
    assert (tmp_path / "r.docx").exists()


def test_a_good_source_date_epoch_is_used_quietly(tmp_path):
    from robust_support import sprintkit

    sprint = copy_report_sprint(tmp_path / "s")
    run = sprintkit("report", "-s", sprint, "--no-charts", "--format", "md", "--out",
                    tmp_path / "r.md", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": " 1700000000 "})
    assert run.returncode == 0 and "let op" not in run.stderr, run.output
