"""Reporting periods: ``2026`` (year), ``2026-H1`` (half-year), ``2026-Q3`` (quarter), ``2026-05``
(month). Periods are explicit so that rates are never computed across mismatched periods.

Read in any case, and a quarter also the Dutch way (``2026-K3``, kwartaal); always written
``2026-H1``, ``2026-Q3``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

PERIOD_PATTERN = r"^\d{4}(-([Hh][12]|[QqKk][1-4]|(0[1-9]|1[0-2])))?$"
_RE = re.compile(PERIOD_PATTERN)


@dataclass(frozen=True, order=True)
class Period:
    """A period as an inclusive range of months, with its original spelling."""

    year: int
    first_month: int
    last_month: int
    text: str

    @property
    def kind(self) -> str:
        months = self.last_month - self.first_month + 1
        return {12: "year", 6: "half-year", 3: "quarter", 1: "month"}[months]

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    def contains(self, day: date) -> bool:
        return day.year == self.year and self.first_month <= day.month <= self.last_month

    def __str__(self) -> str:
        return self.text


def parse_period(text: str) -> Period:
    """Parse a period; raises ``ValueError`` with the accepted forms when it is not one."""
    raw = str(text).strip()
    if not _RE.match(raw):
        from sprintkit.i18n import msg

        raise ValueError(msg("dates.not_a_period", value=repr(raw)))
    raw = raw.upper().replace("K", "Q")
    year = int(raw[:4])
    rest = raw[5:]
    if not rest:
        return Period(year, 1, 12, raw)
    if rest[0] == "H":
        half = int(rest[1])
        return Period(year, 6 * half - 5, 6 * half, raw)
    if rest[0] == "Q":
        q = int(rest[1])
        return Period(year, 3 * q - 2, 3 * q, raw)
    month = int(rest)
    return Period(year, month, month, raw)


def period_of(day: date, kind: str = "half-year") -> str:
    """The period of ``kind`` (year, half-year, quarter, month) that contains ``day``."""
    if kind == "year":
        return f"{day.year}"
    if kind == "half-year":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if kind == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if kind == "month":
        return f"{day.year}-{day.month:02d}"
    raise ValueError(f"unknown period kind {kind!r}; use year, half-year, quarter or month")
