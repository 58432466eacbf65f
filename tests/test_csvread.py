"""The one CSV reader (files/csvimport.py), used by story imports, vote files and values files:
files as Excel writes them."""

from __future__ import annotations

import pytest

from sprintkit.errors import InvalidFile
from sprintkit.files.csvimport import open_csv, read_csv, sniff_delimiter
from sprintkit.files.valuesfile import read_values


def write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("line", "expected"), [
    ("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ("waarde", ","),
    ("prijs;1,5;2,5", ";"),          # Dutch Excel: decimal commas in a semicolon file
    ('"a;b",c,d', ","),              # a separator inside quotes does not count
    ("a\tb;c\td", "\t"),
])
def test_sniffing(line, expected):
    assert sniff_delimiter(line) == expected


def test_excel_csv_in_windows_1252_with_semicolons(tmp_path):
    data = "naam;wachttijd (dagen);opmerking\r\nJosé;12,5;één meting\r\nZoë;1.014,5;€ 3\r\n"
    path = write(tmp_path / "excel.csv", data.encode("cp1252"))
    table = read_csv(path)
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert table.rows == [(2, ["José", "12,5", "één meting"]), (3, ["Zoë", "1.014,5", "€ 3"])]
    values = read_values(path, "wachttijd (dagen)")
    assert values.values == [12.5, 1014.5]


def test_excel_csv_utf8_with_bom_and_utf16(tmp_path):
    text = "naam,dagen\r\nAnna,3\r\nBram,4\r\n"
    bom = read_csv(write(tmp_path / "bom.csv", b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert bom.header == ["naam", "dagen"] and bom.encoding == "utf-8-sig"
    utf16 = read_csv(write(tmp_path / "u16.csv", text.replace(",", "\t").encode("utf-16")))
    assert utf16.delimiter == "\t" and utf16.rows[-1] == (3, ["Bram", "4"])
    assert read_values(tmp_path / "u16.csv", "dagen").values == [3.0, 4.0]


def test_values_one_column_of_decimal_commas_and_a_header(tmp_path):
    path = write(tmp_path / "v.csv", "dagen\r\n3,5\r\n4\r\n\r\n1.234,5\r\n".encode("cp1252"))
    column = read_values(path)
    assert column.values == [3.5, 4.0, 1234.5] and column.column == "dagen"


def test_problems_name_their_line(tmp_path):
    data = b'a,b\n1,2\n"een\ncel over twee regels",3\n4,5,6\n7,8\n'
    with pytest.raises(InvalidFile) as caught:
        read_csv(write(tmp_path / "p.csv", data))
    assert [(p.line, "3 cellen" in p.message) for p in caught.value.problems] == [(5, True)]
    with pytest.raises(InvalidFile) as caught:
        read_csv(write(tmp_path / "q.csv", b'a,b\n1,2\n3,"nooit gesloten\n4,5\n6,7\n'))
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, 2) and "aanhalingsteken" in problem.message


def test_not_text_and_not_an_encoding_and_too_big(tmp_path, monkeypatch):
    with pytest.raises(InvalidFile, match="binair"):
        open_csv(write(tmp_path / "b.csv", b"a,b\n1,\x00\n"))
    with pytest.raises(InvalidFile) as caught:
        open_csv(write(tmp_path / "e.csv", b"a,b\n1,\x81\n"))
    assert "Windows-1252" in caught.value.problems[0].message
    monkeypatch.setenv("SPRINTKIT_MAX_CSV_MB", "1")
    with pytest.raises(InvalidFile) as caught:
        open_csv(write(tmp_path / "big.csv", b"a\n" + b"1\n" * (1 << 20)))
    assert "2,0 MiB; de grens is 1 MiB" in caught.value.problems[0].message


def test_the_stream_gives_digest_lines_and_rows_once(tmp_path):
    import hashlib

    data = b"a;b\n\n1;2\n3;4\n"
    source = open_csv(write(tmp_path / "s.csv", data))
    assert source.digest == hashlib.sha256(data).hexdigest()
    assert source.lines == 5 and source.header == ["a", "b"]
    assert list(source.rows()) == [(3, ["1", "2"]), (4, ["3", "4"])]
    with pytest.raises(RuntimeError):
        list(source.rows())
