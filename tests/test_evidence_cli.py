"""`sprintkit evidence add`: counts, values, values files and quotes; records accumulate."""

from __future__ import annotations

import datetime as dt

import pytest
from evidence_support import as_json, hyp, make_sprint, ok

from sprintkit.files.valuesfile import parse_number, read_values

HYPOTHESES = """\
hypotheses:
  - {id: H1, statement: Voorkeur, metric: keuze, target: '>=70%'}
  - {id: H2, statement: Wachttijd, metric: dagen, kind: mean, target: '<=14'}
  - {id: H3, statement: Gehoord, kind: qualitative}
"""


@pytest.fixture
def sprint(tmp_path):
    folder = make_sprint(tmp_path / "s")
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        handle.write(HYPOTHESES)
    return folder


def verdict(cli, sprint, hid):
    return as_json(cli("verdict", hid, "-s", sprint, "--format", "json"))


def test_counts_accumulate(cli, sprint):
    res = cli("evidence", "add", "H1", "-s", sprint, "--successes", "5", "--trials", "6",
              "--source", "team Noord", "--type", "survey", "--date", "2026-03-01",
              "--note", "eerste ronde")
    ok(res)
    assert "E1" in res.stderr and "5/6" in res.stderr
    ok(cli("evidence", "add", "H1", "-s", sprint, "--successes", "4", "--trials", "6"))
    records = hyp(sprint, "H1")["evidence"]
    assert [r["id"] for r in records] == ["E1", "E2"]
    assert records[0] == {"id": "E1", "date": dt.date(2026, 3, 1), "source": "team Noord",
                          "type": "survey", "successes": 5, "trials": 6, "note": "eerste ronde"}
    assert records[1]["date"] == dt.date.today()
    r = verdict(cli, sprint, "H1")
    assert (r["n"], r["successes"], r["verdict"]) == (12, 9, "inconclusive")
    assert (round(r["ci_low"], 3), round(r["ci_high"], 3)) == (0.468, 0.911)


def test_values_repeat_and_pool(cli, sprint):
    ok(cli("evidence", "add", "H2", "-s", sprint, "--value", "10", "--value", "12.5",
           "--value", "9"))
    ok(cli("evidence", "add", "H2", "-s", sprint, "--value", "11"))
    assert [r["values"] for r in hyp(sprint, "H2")["evidence"]] == [[10.0, 12.5, 9.0], [11.0]]
    r = verdict(cli, sprint, "H2")
    assert r["n"] == 4 and r["estimate"] == pytest.approx(10.625)


def test_a_value_may_be_typed_with_a_decimal_comma(cli, sprint):
    ok(cli("evidence", "add", "H2", "-s", sprint, "--value", "12,5", "--value", "-0,25",
           "--value", "9"))
    assert hyp(sprint, "H2")["evidence"][0]["values"] == [12.5, -0.25, 9.0]
    res = cli("evidence", "add", "H2", "-s", sprint, "--value", "1,2,3")
    assert res.exit_code == 2
    assert "geef een getal, zoals 12,5 of 12.5" in " ".join(res.stderr.split())
    assert len(hyp(sprint, "H2")["evidence"]) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "precies één van"),
        (["--successes", "3"], "zowel --successes"),
        (["--successes", "7", "--trials", "6"], "tussen 0 en --trials"),
        (["--successes", "3", "--trials", "6", "--quote", "x"], "precies één van"),
        (["--value", "3"], "waarden horen bij de soort 'gemiddelde'"),
        (["--quote", "  "], "mag niet leeg zijn"),
        (["--successes", "1", "--trials", "2", "--date", "31-2-2026"],
         "februari 2026 heeft geen dag 31"),
        (["--successes", "1", "--trials", "2", "--column", "x"], "--column hoort bij"),
        (["--successes", "1", "--trials", "2", "--type", "gossip"], "gossip"),
    ],
)
def test_bad_evidence_is_usage_error_and_writes_nothing(cli, sprint, args, message):
    before = (sprint / "sprint.yaml").read_bytes()
    res = cli("evidence", "add", "H1", "-s", sprint, *args)
    assert res.exit_code == 2, res.output
    assert message in res.stderr
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_counts_do_not_fit_a_mean_hypothesis(cli, sprint):
    res = cli("evidence", "add", "H2", "-s", sprint, "--successes", "1", "--trials", "2")
    assert res.exit_code == 2
    assert "--value" in res.stderr  # the hint says what fits


def test_unknown_hypothesis(cli, sprint):
    res = cli("evidence", "add", "H9", "-s", sprint, "--successes", "1", "--trials", "2")
    assert res.exit_code == 1
    assert "geen hypothese 'H9'" in res.stderr and "H1, H2, H3" in res.stderr


def test_quotes_are_pseudonymised_on_entry(cli, sprint, tmp_path):
    res = cli("evidence", "add", "H3", "-s", sprint, "--quote",
              "Bel me op 06-12345678 of mail jan@example.nl", "--type", "interview")
    ok(res)
    quote = hyp(sprint, "H3")["evidence"][0]["quote"]
    assert "06-12345678" not in quote and "jan@example.nl" not in quote
    assert "[E-MAIL]" in quote and "[TELEFOON]" in quote
    assert "gepseudonimiseerd" in res.stderr
    assert "example.nl" not in res.output  # never echoed


def test_names_from_the_key_file_are_replaced(cli, sprint, tmp_path):
    key = tmp_path / "keys" / "sleutel.txt"
    key.parent.mkdir()
    key.write_text("secret: 0123456789abcdef0123456789abcdef\nJan de Vries | Jan = vader-A\n",
                   encoding="utf-8")
    text = (sprint / "sprint.yaml").read_text(encoding="utf-8")
    (sprint / "sprint.yaml").write_text(text + f"stories:\n  key_file: {key}\n", encoding="utf-8")
    ok(cli("evidence", "add", "H3", "-s", sprint, "--quote", "Jan zei dat het hielp"))
    assert hyp(sprint, "H3")["evidence"][0]["quote"] == "vader-A zei dat het hielp"


# --- values files ---------------------------------------------------------------------------------


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_values_file_single_column(cli, sprint, tmp_path):
    f = write(tmp_path / "dagen.csv", "dagen\n10\n12\n\n15\n9\n")
    res = cli("evidence", "add", "H2", "-s", sprint, "--values-file", f)
    ok(res)
    assert "4 waarden uit kolom 'dagen'" in res.stderr
    assert hyp(sprint, "H2")["evidence"][0]["values"] == [10.0, 12.0, 15.0, 9.0]


def test_values_file_dutch_excel(cli, sprint, tmp_path):
    f = write(tmp_path / "export.csv",
              "\ufeffgezin;wachttijd (dagen);opmerking\nA;12,5;\nB;;geen meting\nC;1.014,5;x\n")
    ok(cli("evidence", "add", "H2", "-s", sprint, "--values-file", f,
           "--column", "Wachttijd (dagen)"))
    assert hyp(sprint, "H2")["evidence"][0]["values"] == [12.5, 1014.5]
    ok(cli("evidence", "add", "H2", "-s", sprint, "--values-file", f, "--column", "2"))


def test_values_file_needs_a_column_when_there_are_several(cli, sprint, tmp_path):
    f = write(tmp_path / "twee.csv", "a,b\n1,2\n3,4\n")
    res = cli("evidence", "add", "H2", "-s", sprint, "--values-file", f)
    assert res.exit_code == 2
    assert "--column" in res.stderr and "'a', 'b'" in res.stderr
    res = cli("evidence", "add", "H2", "-s", sprint, "--values-file", f, "--column", "c")
    assert res.exit_code == 2 and "geen kolom 'c'" in res.unwrapped
    ok(cli("evidence", "add", "H2", "-s", sprint, "--values-file", f, "--column", "b"))
    assert hyp(sprint, "H2")["evidence"][0]["values"] == [2.0, 4.0]


def test_values_file_errors_name_line_and_column(cli, sprint, tmp_path):
    f = write(tmp_path / "fout.csv", "naam;dagen\nA;12\nB;twaalf\nC;9\nD;n.v.t.\n")
    before = (sprint / "sprint.yaml").read_bytes()
    res = cli("evidence", "add", "H2", "-s", sprint, "--values-file", f, "--column", "dagen")
    assert res.exit_code == 1
    assert "fout.csv:3:3: dagen: 'twaalf' is geen getal" in res.stderr
    assert "fout.csv:5:3" in res.stderr
    assert (sprint / "sprint.yaml").read_bytes() == before


def test_values_file_missing_empty_or_not_text(cli, sprint, tmp_path):
    res = cli("evidence", "add", "H2", "-s", sprint, "--values-file", tmp_path / "geen.csv")
    assert res.exit_code == 1 and "niet gevonden" in " ".join(res.stderr.split())
    res = cli("evidence", "add", "H2", "-s", sprint, "--values-file",
              write(tmp_path / "leeg.csv", "\n\n"))
    assert res.exit_code == 1 and "empty" in res.stderr
    bad = tmp_path / "bin.csv"
    bad.write_bytes(b"1\n2\x00\n")
    res = cli("evidence", "add", "H2", "-s", sprint, "--values-file", bad)
    assert res.exit_code == 1 and "binair" in res.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3.0), ("3.5", 3.5), ("3,5", 3.5), ("-2", -2.0), ("1.234,5", 1234.5),
     ("1 234,5", 1234.5), (" 7 ", 7.0), ("1e3", 1000.0), ("abc", None), ("", None),
     ("nan", None), ("inf", None), ("1,2,3", None), ("12%", None)],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("3,5\n4,25\n", [3.5, 4.25]),               # one column, decimal comma, no header
        ("dagen\n3,5\n4\n", [3.5, 4.0]),            # ... with a header
        ("1\t2\n3\t4\n", None),                     # tab-separated: needs a column
        ("x;\n1;\n2;\n", [1.0, 2.0]),               # trailing separator
        ("12\n14\n", [12.0, 14.0]),
    ],
)
def test_read_values_dialects(tmp_path, text, values):
    from sprintkit.errors import UsageError

    f = write(tmp_path / "v.csv", text)
    if values is None:
        with pytest.raises(UsageError):
            read_values(f)
        assert read_values(f, "2").values == [2.0, 4.0]
    else:
        assert read_values(f).values == values


def test_read_values_counts_skipped_cells(tmp_path):
    f = write(tmp_path / "v.csv", "a;b\n1;2\n;3\n4;\n")
    got = read_values(f, "a")
    assert (got.values, got.skipped_empty, got.column) == ([1.0, 4.0], 1, "a")
