"""Dates and numbers the way Dutch and English readers write them.

Small on purpose (no Babel): ``1 mei 2026`` / ``1 May 2026``, ``0,468`` / ``0.468``,
``12.345`` / ``12,345``, ``70%`` in both. Every function takes ``lang`` ("nl" or "en"; anything
else is treated as English)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
WEEKDAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_SEPARATORS = {"nl": (",", "."), "en": (".", ",")}  # decimal, thousands
_OPS = {
    "nl": {">=": "minstens", ">": "meer dan", "<=": "hoogstens", "<": "minder dan"},
    "en": {">=": "at least", ">": "more than", "<=": "at most", "<": "less than"},
}


def _lang(lang: str | None) -> str:
    return "nl" if lang == "nl" else "en"


def as_date(value: Any) -> dt.date | None:
    """A date from a date, a datetime or an ISO string; ``None`` for empty values."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def format_date(value: Any, lang: str = "nl", *, weekday: bool = False) -> str:
    """``1 mei 2026`` / ``1 May 2026``; text that is not a date is returned unchanged."""
    day = as_date(value)
    if day is None:
        return "" if value is None else str(value)
    lg = _lang(lang)
    text = f"{day.day} {MONTHS[lg][day.month - 1]} {day.year}"
    if weekday:
        text = f"{WEEKDAYS[lg][day.weekday()]} {text}"
    return text


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
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(str(value).replace(",", "."))
        except ValueError:
            return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        if math.isinf(value):
            return "∞" if value > 0 else "−∞"
    decimal, thousands = _SEPARATORS[_lang(lang)]
    if digits is None and not isinstance(value, float):
        text = f"{value:,}"
    else:
        places = 3 if digits is None else max(0, digits)
        rounded = round(float(value), places)
        if rounded == 0:
            rounded = 0.0  # no "-0"
        text = f"{rounded:,.{places}f}"
        if digits is None and "." in text:
            text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def format_percent(value: Any, lang: str = "nl", digits: int = 0) -> str:
    """A fraction as a percentage: ``0.7`` → ``70%``; ``0.4683`` with digits=1 → ``46,8%``."""
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return f"{format_number(number * 100, lang, digits)}%"


def format_interval(low: Any, high: Any, lang: str = "nl", *, percent: bool = False,
                    digits: int | None = None) -> str:
    """``47%–91%`` or ``0,468–0,911``; empty when either end is missing."""
    if low is None or high is None:
        return ""
    if percent:
        d = 0 if digits is None else digits
        return f"{format_percent(low, lang, d)}–{format_percent(high, lang, d)}"
    return f"{format_number(low, lang, digits)}–{format_number(high, lang, digits)}"


def format_target(op: str, value: float, percent: bool, lang: str = "nl") -> str:
    """A criterion in words: ``minstens 70%`` / ``at least 70%``, ``hoogstens 14``."""
    words = _OPS[_lang(lang)].get(op, op)
    shown = format_percent(value, lang, digits=_needed_digits(value * 100)) if percent else (
        format_number(value, lang))
    return f"{words} {shown}"


def _needed_digits(number: float) -> int:
    for digits in range(0, 4):
        if abs(round(number, digits) - number) < 1e-9:
            return digits
    return 3


def format_duration_days(days: int, lang: str = "nl") -> str:
    """``1 dag`` / ``3 dagen`` / ``1 day`` / ``3 days``."""
    if _lang(lang) == "nl":
        return f"{days} {'dag' if days == 1 else 'dagen'}"
    return f"{days} {'day' if days == 1 else 'days'}"


def join_words(items: list[str], lang: str = "nl") -> str:
    """``a, b en c`` / ``a, b and c``."""
    items = [str(i) for i in items if str(i)]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    word = "en" if _lang(lang) == "nl" else "and"
    return f"{', '.join(items[:-1])} {word} {items[-1]}"
