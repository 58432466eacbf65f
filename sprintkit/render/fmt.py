"""Dates and numbers the way Dutch and English readers write them.

Small on purpose (no Babel): ``1 mei 2026`` / ``1 May 2026``, ``0,468`` / ``0.468``,
``12.345`` / ``12,345``, ``70%`` in both. Every function takes ``lang`` ("nl" or "en"; anything
else is treated as English)."""

from __future__ import annotations

from typing import Any

from sprintkit.i18n import numbers
from sprintkit.i18n import supported as _lang
from sprintkit.i18n.dates import MONTHS, WEEKDAYS, as_date, format_date

__all__ = ["MONTHS", "WEEKDAYS", "as_date", "format_date", "format_date_range", "format_number",
           "format_percent", "format_interval", "format_target", "join_words"]
_OPS = {">=": "at_least", ">": "more_than", "<=": "at_most", "<": "less_than"}
"""The catalogue keys (``doc.op.*``) of a criterion's comparison in words."""



def format_date_range(start: Any, end: Any, lang: str = "nl") -> str:
    """``1–15 mei 2026``, ``28 april – 3 mei 2026``, ``1 May 2026``; one side may be missing."""
    first, last = as_date(start), as_date(end)
    if first is None and last is None:
        return ""
    if first is None or last is None or first == last:
        return format_date(first or last, lang)
    lg = _lang(lang)
    if first.year == last.year and first.month == last.month:
        return f"{first.day}–{last.day} {MONTHS[lg][last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[lg][first.month - 1]} – {format_date(last, lang)}"
    return f"{format_date(first, lang)} – {format_date(last, lang)}"


def format_number(value: Any, lang: str = "nl", digits: int | None = None) -> str:
    """``0,468`` / ``0.468``; thousands grouped (``12.345`` / ``12,345``).

    ``digits`` fixes the number of decimals; without it at most three are shown and trailing
    zeros are dropped. Non-numbers are returned as text; NaN and infinities as ``–`` and ``∞``."""
    return numbers.number(value, lang, digits, trim=digits is None, missing="")


def format_percent(value: Any, lang: str = "nl", digits: int = 0) -> str:
    """A fraction as a percentage: ``0.7`` → ``70%``; ``0.4683`` with digits=1 → ``46,8%``."""
    return numbers.percent(value, lang, digits, trim=False, missing="")


def format_interval(low: Any, high: Any, lang: str = "nl", *, percent: bool = False,
                    digits: int | None = None) -> str:
    """``47%–91%`` or ``0,468–0,911``; empty when either end is missing."""
    if percent:
        return numbers.interval(low, high, lang, decimals=0 if digits is None else digits,
                                percent_of=True, trim=False)
    return numbers.interval(low, high, lang, decimals=digits, trim=digits is None)


def format_target(op: str, value: float, percent: bool, lang: str = "nl") -> str:
    """A criterion in words: ``minstens 70%`` / ``at least 70%``, ``hoogstens 14``."""
    from sprintkit.i18n import t

    words = t(f"doc.op.{_OPS[op]}", _lang(lang)) if op in _OPS else op
    shown = format_percent(value, lang, digits=_needed_digits(value * 100)) if percent else (
        format_number(value, lang))
    return f"{words} {shown}"


def _needed_digits(number: float) -> int:
    for digits in range(0, 4):
        if abs(round(number, digits) - number) < 1e-9:
            return digits
    return 3


def join_words(items: list[str], lang: str = "nl") -> str:
    """``a, b en c`` / ``a, b and c``."""
    items = [str(i) for i in items if str(i)]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    from sprintkit.i18n import t

    word = t("common.and", _lang(lang))
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def digits_for(x: float | None) -> int:
    """Decimals to show a number (an estimate, an interval bound) with: fewer as it grows."""
    if x is None:
        return 1
    size = abs(x)
    return 0 if size >= 100 else 1 if size >= 10 else 2 if size >= 1 else 3
