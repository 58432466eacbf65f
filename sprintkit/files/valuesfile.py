"""Reading a column of numbers from a CSV file (``evidence add --values-file``).

Spreadsheets write CSV in several dialects; all of these are read:

* separator ``,``, ``;`` or tab (detected from the first lines);
* a decimal point or a decimal comma (``3,5``), with ``.`` or a space as thousands separator
  when a decimal comma is used (``1.234,5``);
* a UTF-8 byte-order mark (Excel's "CSV UTF-8");
* an optional header row. ``column`` picks a column by header name (case-insensitive) or by
  number (1 = first); a file with one column needs no ``column``.

Empty cells are skipped. Anything else that is not a number is refused with its line and
column, and all problems are listed at once (up to :data:`MAX_PROBLEMS`)."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from sprintkit.errors import InvalidFile, Problem, UsageError
from sprintkit.files.textfile import display, read_text
from sprintkit.i18n import msg

MAX_PROBLEMS = 20
_POINT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_COMMA = re.compile(r"^[+-]?\d{1,3}([. ]\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$")


@dataclass(frozen=True)
class ValuesColumn:
    """The numbers read, and where they came from."""

    values: list[float]
    column: str
    file: str
    skipped_empty: int


def parse_number(text: str) -> float | None:
    """``'3.5'``, ``'3,5'``, ``'1.234,5'``, ``'-2'`` -> a float; None when it is not a number."""
    raw = text.strip().replace("\u00a0", " ")
    if _POINT.match(raw):
        value = float(raw)
    elif _COMMA.match(raw):
        value = float(raw.replace(".", "").replace(" ", "").replace(",", "."))
    else:
        return None
    return value if math.isfinite(value) else None


def _delimiter(lines: list[str]) -> str:
    """The separator, or ``"\n"`` for a file with one column."""
    sample = [line for line in lines if line.strip()][:20]
    joined = "\n".join(sample)
    if ";" in joined:
        return ";"
    if "\t" in joined:
        return "\t"
    if "," not in joined:
        return "\n"
    # a single column of numbers with a decimal comma ("3,5"), perhaps under a plain header
    body = sample[1:] if parse_number(sample[0]) is None and "," not in sample[0] else sample
    if body and all(parse_number(line) is not None for line in body):
        return "\n"
    return ","


def read_values(path: Path, column: str | None = None) -> ValuesColumn:
    """The numbers in one column of the CSV file at ``path``."""
    text = read_text(Path(path), "CSV file")
    shown = display(Path(path))
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.values_empty"),
                                   msg("files.values_empty_hint"))])
    delimiter = _delimiter(lines)
    if delimiter == "\n":
        numbered = [(i, [line]) for i, line in enumerate(lines, start=1)]
    else:  # physical line numbers: a quoted cell may span lines
        numbered = _number_rows(text, delimiter, shown)

    first_line, first = next((ln, r) for ln, r in numbered if any(c.strip() for c in r))
    has_header = any(c.strip() and parse_number(c) is None for c in first)
    headers = [c.strip() for c in first] if has_header else []
    index, name = _pick_column(headers, len(first), column, shown)

    values: list[float] = []
    problems: list[Problem] = []
    skipped = 0
    for line_no, row in numbered:
        if has_header and line_no <= first_line:
            continue
        if not any(c.strip() for c in row):
            continue
        if index >= len(row) or not row[index].strip():
            skipped += 1
            continue
        cell = row[index]
        number = parse_number(cell)
        if number is None:
            col = _column_offset(lines[line_no - 1], delimiter, index)
            problems.append(Problem(
                shown, line_no, col, name,
                msg("files.values_not_number", cell=repr(cell.strip()[:40])),
                msg("files.values_not_number_hint"),
            ))
            if len(problems) >= MAX_PROBLEMS:
                break
        else:
            values.append(number)
    if problems:
        raise InvalidFile(problems, msg("files.values_not_numbers", count=len(problems),
                                        file=shown)
                          + (" " + msg("files.values_first_ones") if len(problems) >= MAX_PROBLEMS
                             else ""))
    if not values:
        raise InvalidFile([Problem(shown, 0, 0, name, msg("files.values_none",
                                                           column=repr(name)))])
    return ValuesColumn(values, name, shown, skipped)


def _number_rows(text: str, delimiter: str, shown: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    out: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            out.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        problem = Problem(shown, reader.line_num, 0, "", msg("files.csv_unreadable", error=exc))
        raise InvalidFile([problem]) from None
    return out


def _pick_column(headers: list[str], width: int, column: str | None, shown: str) -> tuple[int, str]:
    if column is None:
        named = [i for i, h in enumerate(headers) if h]
        if width == 1:
            return 0, headers[0] if headers and headers[0] else "1"
        if len(named) == 1:  # e.g. "days;" — a trailing separator
            return named[0], headers[named[0]]
        names = (", ".join(repr(h) for h in headers) if headers
                 else msg("files.values_range", width=width))
        raise UsageError(msg("files.values_which", file=shown, width=width),
                         hint=msg("files.values_which_hint", names=names))
    wanted = column.strip().lower()
    for i, header in enumerate(headers):
        if header.lower() == wanted:
            return i, header
    if wanted.isdigit() and 1 <= int(wanted) <= width:
        i = int(wanted) - 1
        return i, headers[i] if headers and headers[i] else wanted
    names = (", ".join(repr(h) for h in headers) if headers
             else msg("files.values_numbers_range", width=width))
    raise UsageError(msg("files.values_no_column", file=shown, column=repr(column)),
                     hint=msg("files.values_columns", names=names))


def _column_offset(line: str, delimiter: str, index: int) -> int:
    """1-based column of the ``index``-th cell in a physical line (approximate with quotes)."""
    if delimiter == "\n" or index == 0:
        return 1
    position = 0
    for _ in range(index):
        found = line.find(delimiter, position)
        if found < 0:
            return 1
        position = found + 1
    return position + 1
