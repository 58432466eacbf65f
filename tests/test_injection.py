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
    for extra in (["--out", out], ["--out", out, "--semicolon", "--force"]):
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


# --- the terminal ---------------------------------------------------------------------------

STEERING = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202eevil\x7f\x08"


def hostile_sprint(tmp_path):
    sprint = copy_report_sprint(tmp_path / "s")
    path = sprint / "sprint.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = STEERING.encode("unicode_escape").decode("ascii")
    for old, new in [
        ("statement: Gezinsmanagers geven de voorkeur aan het nieuwe gezinsplanformat boven "
         "het oude.", f'statement: "{quoted} [bold red]BOLD[/bold red] statement"'),
        ("source: vragenlijst team Middelburg", f'source: "[red]source{quoted}"'),
        ("  text: Korte variant van het format voor crisissituaties ontwerpen",
         f'  text: "{quoted}[blink]action[/blink]"'),
        ("  owner: Samir El Amrani\n  due:", f'  owner: "[b]owner{quoted}"\n  due:'),
        ("title: Gezinsplan in één gesprek", f'title: "[bold]title{quoted}"'),
    ]:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return sprint


VIEWS = [["hypothesis", "show", "H1"], ["hypothesis", "list"], ["board"], ["verdict"],
         ["status"], ["action", "list"], ["team", "list"], ["indicator", "list"]]


@pytest.mark.parametrize("view", VIEWS, ids=" ".join)
def test_control_characters_never_reach_the_terminal(cli, tmp_path, view):
    sprint = hostile_sprint(tmp_path)
    res = cli(*view, "-s", sprint)
    assert res.exit_code == 0, res.output
    for char in "\x1b\x07\x9b\u202e\x7f\x08":
        assert char not in res.output, (repr(char), res.output)


def test_steering_characters_are_shown_as_stand_ins(cli, tmp_path):
    sprint = hostile_sprint(tmp_path)
    shown = " ".join(cli("hypothesis", "show", "H1", "-s", sprint).stdout.split())
    assert "␛[2J␛]0;pwned␇�31m�evil␡␈" in shown
    board = cli("board", "-s", sprint).stdout
    assert "␛" in board and "\x1b" not in board


@pytest.mark.parametrize("view, expected", [
    (["hypothesis", "show", "H1"], ["[bold red]BOLD[/bold red]", "[red]source"]),
    (["hypothesis", "list"], ["[bold"]),
    (["board"], ["[bold]title", "[blink]"]),
    (["action", "list"], ["[/blink]", "[b]owner"]),
])
def test_user_text_is_never_read_as_markup(cli, tmp_path, view, expected):
    sprint = hostile_sprint(tmp_path)
    res = cli(*view, "-s", sprint, "--lang", "en") if view[0] == "board" else cli(*view, "-s",
                                                                                  sprint)
    assert res.exit_code == 0, res.output
    for text in expected:
        assert text in res.stdout, (text, res.stdout)


def test_terminal_safe_keeps_lengths_and_ordinary_text():
    from sprintkit.ui.console import terminal_safe

    assert terminal_safe("Één café — 70% ✓\tok\n") == "Één café — 70% ✓\tok\n"
    assert terminal_safe(STEERING) == "␛[2J␛]0;pwned␇�31m�evil␡␈"
    assert len(terminal_safe("\ud800x")) == 2
