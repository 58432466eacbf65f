"""Dates the way people type and read them — the one day parser and the one date formatter.

:func:`parse_date` accepts the ISO form ``2026-03-02`` and the Dutch short form, day first:
``2-3-2026``, ``02-03-2026``, ``2/3/2026`` or ``2.3.2026``. An impossible date (``31-2-2026``) is
refused with a message in the language of the work at hand that says what is wrong, without
repeating what was typed. :func:`format_date` writes ``2 maart 2026`` / ``2 March 2026``.

Stdlib only, so :mod:`sprintkit.engine` may import it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sprintkit.i18n import msg
from sprintkit.i18n import supported as _lang

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
SHORT_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
WEEKDAYS = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
FORMS = "2-3-2026 or 2026-03-02"  # for help texts
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")


class DateError(ValueError):
    """Text that is not a date; the message is in the language of the work at hand."""



def parse_date(text: Any, option: str | None = None) -> dt.date:
    """A date from ``2026-03-02``, ``2-3-2026``, ``02-03-2026``, ``2/3/2026`` or ``2.3.2026``
    (surrounding spaces ignored); a date or datetime is taken as it is.

    Raises :class:`DateError` (a ``ValueError``) for anything else or for a date that does not
    exist; ``option`` (``--start``) leads the message."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    raw = str(text).strip() if text is not None else ""
    if (m := _ISO.fullmatch(raw)) is not None:
        year, month, day = (int(g) for g in m.groups())
    elif (m := _DMY.fullmatch(raw)) is not None:
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    else:
        raise DateError(_lead(option, msg("dates.not_a_date")))
    try:
        return dt.date(year, month, day)
    except ValueError:
        pass
    if not 1 <= month <= 12:
        reason = msg("dates.no_month", month=month)
    else:
        reason = msg("dates.no_day", day=day, month=MONTHS[_lang(_language())][month - 1],
                     year=year)
    raise DateError(_lead(option, msg("dates.impossible", reason=reason))) from None


def optional_date(text: Any, option: str | None = None) -> dt.date | None:
    """:func:`parse_date`, but ``None`` and empty text give ``None``."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    return parse_date(text, option)


def as_date(value: Any) -> dt.date | None:
    """A date from a date, a datetime or text in an accepted form (a time after an ISO date is
    ignored); ``None`` for empty values and for text that is not a date. Never raises."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return parse_date(value)
    text = str(value).strip()
    if len(text) > 10 and text[10] in " T" and _ISO.fullmatch(text[:10]):
        text = text[:10]
    try:
        return parse_date(text)
    except DateError:
        return None


def short_date(day: Any, lang: str | None = "nl", this_year: int | None = None) -> str:
    """``3 mrt`` (in ``this_year``) or ``3 mrt 2027``; ``—`` for no date."""
    day = as_date(day)
    if day is None:
        return "—"
    text = f"{day.day} {SHORT_MONTHS[_lang(lang)][day.month - 1]}"
    return text if day.year == this_year else f"{text} {day.year}"


def format_date(value: Any, lang: str | None = "nl", *, weekday: bool = False) -> str:
    """``2 maart 2026`` / ``2 March 2026`` (``maandag 2 maart 2026`` with ``weekday``); text
    that is not a date is returned unchanged, ``None`` as empty text."""
    day = as_date(value)
    if day is None:
        return "" if value is None else str(value)
    lg = _lang(lang)
    text = f"{day.day} {MONTHS[lg][day.month - 1]} {day.year}"
    if weekday:
        text = f"{WEEKDAYS[lg][day.weekday()]} {text}"
    return text


def _lead(option: str | None, text: str) -> str:
    return f"{option}: {text}" if option else text


def _language() -> str:
    from sprintkit.i18n import language

    return language()
