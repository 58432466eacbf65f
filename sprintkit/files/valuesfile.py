"""Reading a column of numbers from a CSV file (``evidence add --values-file``).

The file is read by the one CSV reader (:mod:`sprintkit.files.csvimport`), so it takes what
spreadsheets write:

* separator ``;``, tab or ``,`` (sniffed from the first line; a file of numbers with a decimal
  comma and no other separator is one column);
* a decimal point or a decimal comma (``3,5``), with ``.`` or a space as thousands separator
  when a decimal comma is used (``1.234,5``);
* UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8"), Windows-1252 (Excel's plain
  "CSV") or UTF-16 with a byte-order mark;
* an optional header row. ``column`` picks a column by header name (case-insensitive) or by
  number (1 = first); a file with one column needs no ``column``.

Empty cells are skipped. Anything else that is not a number is refused with its line and
column, and all problems are listed at once (up to :data:`MAX_PROBLEMS`)."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import InvalidFile, Problem, UsageError
from sprintkit.i18n import msg

if TYPE_CHECKING:
    from sprintkit.files.csvimport import CsvSource

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


def _one_column(source: CsvSource) -> bool:
    """A comma-sniffed file that is really one column of numbers with a decimal comma
    (``3,5``), perhaps under a plain header."""
    sample: list[str] = []
    with source.path.open(encoding=source.encoding, newline="") as handle:
        for text in handle:
            if text.strip():
                sample.append(text.strip())
            if len(sample) >= 20:
                break
    body = sample[1:] if parse_number(sample[0]) is None and "," not in sample[0] else sample
    return bool(body) and all(parse_number(line) is not None for line in body)


def read_values(path: Path, column: str | None = None) -> ValuesColumn:
    """The numbers in one column of the CSV file at ``path``."""
    from sprintkit.files.csvimport import ONE_COLUMN, open_csv
    from sprintkit.files.limits import max_file_bytes

    options: dict[str, Any] = {"max_bytes": max_file_bytes(), "ragged": True,
                               "too_big_hint": msg("files.too_big_hint")}
    source = open_csv(Path(path), **options)
    shown = source.shown
    if source.header is None:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.values_empty"),
                                   msg("files.values_empty_hint"))])
    if source.delimiter == "," and _one_column(source):
        source = open_csv(Path(path), delimiter=ONE_COLUMN, **options)
    first_line, first = source.header_line, source.header or []
    has_header = any(c.strip() and parse_number(c) is None for c in first)
    headers = [c.strip() for c in first] if has_header else []
    index, name = _pick_column(headers, len(first), column, shown)

    values: list[float] = []
    bad: list[tuple[int, str]] = []
    skipped = 0
    rows = source.rows()
    if not has_header:
        rows = itertools.chain([(first_line, first)], rows)
    for line_no, row in rows:
        if index >= len(row) or not row[index].strip():
            skipped += 1
            continue
        cell = row[index]
        number = parse_number(cell)
        if number is None:
            if len(bad) < MAX_PROBLEMS:
                bad.append((line_no, cell))
        else:
            values.append(number)
    if source.problems:
        raise InvalidFile(source.problems)
    if bad:
        texts = source.line_texts({line for line, _ in bad})
        problems = [Problem(
            shown, line_no, _column_offset(texts.get(line_no, ""), source.delimiter, index),
            name, msg("files.values_not_number", cell=repr(cell.strip()[:40])),
            msg("files.values_not_number_hint"),
        ) for line_no, cell in bad]
        raise InvalidFile(problems, msg("files.values_not_numbers", count=len(problems),
                                        file=shown)
                          + (" " + msg("files.values_first_ones") if len(problems) >= MAX_PROBLEMS
                             else ""))
    if not values:
        raise InvalidFile([Problem(shown, 0, 0, name, msg("files.values_none",
                                                           column=repr(name)))])
    return ValuesColumn(values, name, shown, skipped)


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
    if delimiter == "\x00" or index == 0:
        return 1
    position = 0
    for _ in range(index):
        found = line.find(delimiter, position)
        if found < 0:
            return 1
        position = found + 1
    return position + 1
