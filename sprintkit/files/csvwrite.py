"""The one way sprintkit writes CSV, safe to open in a spreadsheet.

A spreadsheet runs a cell as a formula when it starts with ``=``, ``+``, ``-`` or ``@``
(``=HYPERLINK(…)``, ``+1+cmd|…``, ``@SUM(…)``), and some also after a tab, carriage return or
line feed, or after leading spaces. Following the OWASP rule, a text cell that starts with
one of ``= + - @``, a tab, a CR or a LF — after any leading whitespace — is written with a
leading single quote (``'=HYPERLINK(…)``), which spreadsheets show as text. Numbers written as
numbers, and text that is only numbers (``-3``, ``-1.5 2``), are written unchanged."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""A text cell starting with one of these (after leading whitespace) gets a leading quote."""

_NUMBER = r"-?\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?"
_NUMBERS = re.compile(rf"{_NUMBER}(?: {_NUMBER})*")


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell: ``None`` is empty, numbers stay numbers, text that a
    spreadsheet would run as a formula gets a leading single quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    if text[:1] in TRIGGERS or text.lstrip()[:1] in TRIGGERS:
        if _NUMBERS.fullmatch(text):
            return text
        return "'" + text
    return text


def csv_text(header: Sequence[str] | None, rows: Iterable[Sequence[Any]], *,
             delimiter: str = ",", lineterminator: str = "\n") -> str:
    """CSV text of ``rows`` (lists of values) under ``header``, every cell through
    :func:`safe_cell`."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator)
    if header is not None:
        writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()


def csv_records(header: Sequence[str], records: Iterable[dict[str, Any]], *,
                delimiter: str = ",", lineterminator: str = "\n") -> str:
    """CSV text of ``records`` (dicts; a missing key is an empty cell) in ``header``'s order."""
    return csv_text(header, ([r.get(h) for h in header] for r in records),
                    delimiter=delimiter, lineterminator=lineterminator)
