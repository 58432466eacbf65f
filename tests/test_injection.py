"""Text from sprint files never acts on the program that shows it: no formulas in the CSV a
spreadsheet opens, no control sequences or markup in the terminal."""

from __future__ import annotations

import csv
import io

import pytest
from robust_support import copy_report_sprint
from stories_support import csv_text, make_sprint, row

from sprintkit.files.csvwrite import csv_text as write_csv
from sprintkit.files.csvwrite import safe_cell

# --- spreadsheet formulas -------------------------------------------------------------------

PAYLOADS = ["=HYPERLINK(\"http://x.test\",\"klik\")", "+1+cmd|' /C calc'!A0", "@SUM(1+1)",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "\n=1+1", "  =1+1", "\u3000@x"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_formula_cell_gets_a_leading_quote(payload):
    assert safe_cell(payload) == "'" + payload


@pytest.mark.parametrize("value, shown", [
    (-3, -3), (-1.5, -1.5), (0, 0), (None, ""), ("-3", "-3"), ("-1.5 2 -7e3", "-1.5 2 -7e3"),
    ("a=b", "a=b"), ("", ""), ("plain text", "plain text"), (">=70%", ">=70%"),
])
def test_numbers_and_ordinary_text_are_unchanged(value, shown):
    assert safe_cell(value) == shown


def test_the_writer_quotes_every_cell_and_keeps_numbers():
    text = write_csv(["a", "b"], [["=1+1", -2], ["\n@x", 3.5]])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=1+1", "-2"],
                                                   ["'\n@x", "3.5"]]


def test_stories_export_never_writes_a_formula(cli, tmp_path):
    sprint = make_sprint(tmp_path / "st")
    texts = ["\t=HYPERLINK(\"http://x.test\",\"klik\")", "+1+cmd|' /C calc'!A0",
             "@SUM(1+1)", "\r\n-2+3"]
    rows = [row(text=t) for t in texts]
    source = tmp_path / "in.csv"
    source.write_text(csv_text(rows), encoding="utf-8")
    assert cli("stories", "import", source, "-s", sprint).exit_code == 0
    out = tmp_path / "out.csv"
    for extra in (["--out", out], ["--out", out, "--semicolon"]):
        res = cli("stories", "export", "-s", sprint, *extra)
        assert res.exit_code == 0, res.stderr
        text = out.read_text(encoding="utf-8-sig")
        delimiter = ";" if "--semicolon" in extra else ","
        cells = [c for r in csv.reader(io.StringIO(text), delimiter=delimiter) for c in r]
        assert not [c for c in cells if c.lstrip()[:1] in ("=", "+", "@")], cells
        assert "'=HYPERLINK(\"http://x.test\",\"klik\")" in cells
        assert "'+1+cmd|' /C calc'!A0" in cells and "'@SUM(1+1)" in cells
        assert "'-2+3" in cells


def test_hypothesis_csv_quotes_a_cell_starting_with_a_line_feed(cli, tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    res = cli("hypothesis", "add", "-s", sprint, "--statement", "\n=HYPERLINK(\"x\")",
              "--metric", "@SUM(1)", "--target", ">=50%")
    assert res.exit_code == 0, res.stderr
    res = cli("hypothesis", "list", "-s", sprint, "--format", "csv")
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    new = rows[-1]
    assert new["statement"] == "'\n=HYPERLINK(\"x\")"
    assert new["metric"] == "'@SUM(1)"
    for r in rows:
        assert all(v.lstrip()[:1] not in ("=", "+", "@") for v in r.values()), r
    assert any(r["ci_low"] and float(r["ci_low"]) >= 0 for r in rows)
