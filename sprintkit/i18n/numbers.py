"""Numbers the way Dutch and English readers write them — the one place that formats them.

Every layer (engine texts, terminal views, documents, the dashboard) formats numbers through
this module, so one Dutch line never mixes ``2,75`` with ``+0.58``. Dutch uses a decimal comma
and a thousands point (``12.345,5``), English the reverse (``12,345.5``); any language other than
``nl`` reads as English. JSON output never goes through here: it keeps plain numbers.

Stdlib only, so :mod:`sprintkit.engine` may import it. A missing value (``None``) is shown as
``—``; NaN as ``–``; infinities as ``∞`` and ``−∞``. Negative numbers carry the true minus sign
(``−``) in :func:`signed` and :func:`pp`; the others keep the hyphen of plain numbers."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from sprintkit.i18n import supported as _lang

MISSING = "—"
MINUS = "\u2212"
_SEPARATORS = {"nl": (",", "."), "en": (".", ",")}  # decimal, thousands



def localise(text: str, lang: str | None) -> str:
    """Swap the separators of a number written the Python way (``12,345.5``) for ``lang``."""
    decimal, thousands = _SEPARATORS[_lang(lang)]
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def _odd(x: float) -> str | None:
    if math.isnan(x):
        return "–"
    if math.isinf(x):
        return "∞" if x > 0 else f"{MINUS}∞"
    return None


def _fixed(x: float, decimals: int, trim: bool, group: bool) -> str:
    decimals = max(0, decimals)
    rounded = round(x, decimals) + 0.0
    text = f"{rounded:,.{decimals}f}" if group else f"{rounded:.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")  # never "-0"
    return text


def number(x: Any, lang: str | None, decimals: int | None = None, *, trim: bool = True,
           group: bool = True, missing: str = MISSING) -> str:
    """``0,468`` / ``0.468``, ``12.345`` / ``12,345``.

    ``decimals`` is the number of decimals; with ``trim`` (the default) trailing zeros are
    dropped (``2,5`` not ``2,50``). Without ``decimals`` a whole number is shown exactly and a
    fraction with at most three decimals. ``group=False`` leaves out the thousands separator."""
    if x is None or x == "":
        return missing
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        try:
            x = float(str(x).replace(",", "."))
        except ValueError:
            return str(x)
    if isinstance(x, float) and (odd := _odd(x)) is not None:
        return odd
    if decimals is None and isinstance(x, int):
        return localise(f"{x:,}" if group else str(x), lang)
    return localise(_fixed(float(x), 3 if decimals is None else decimals, trim, group), lang)


def integer(n: Any, lang: str | None, *, missing: str = MISSING) -> str:
    """A whole number with thousands separator: ``12.345`` / ``12,345``."""
    if n is None or n == "":
        return missing
    return number(round(float(n)) if not isinstance(n, int) else n, lang, missing=missing)


def megabytes(size: int, decimals: int = 0) -> str:
    """A size in bytes as mebibytes in the language at hand, for messages: ``12,5``, ``1.024``."""
    from sprintkit.i18n import language

    return number(size / 1048576, language(), decimals, trim=False)


def decimals_for(x: float) -> int:
    """The decimals an amount of this size needs: none from 100 on, one from 10, two below."""
    size = abs(x)
    return 0 if size >= 100 else 1 if size >= 10 else 2


def amount(x: Any, lang: str | None, *, missing: str = MISSING) -> str:
    """A measured amount with as many decimals as its size needs: none from 100 on
    (``1.234``), one from 10 (``32,5``), two below (``2,75``); trailing zeros dropped."""
    if x is None or x == "":
        return missing
    return number(float(x), lang, decimals_for(float(x)), missing=missing)


def percent(x: Any, lang: str | None, decimals: int = 0, *, trim: bool = True,
            scale: float = 100, whole_ends: bool = False, missing: str = MISSING) -> str:
    """A share as a percentage: ``0.818`` → ``81,8%`` with one decimal (``81.8%`` in English).

    ``scale=1`` for a value that is already a percentage (``81.8`` → ``81,8%``). With
    ``trim=False`` the decimals are always shown (``80,0%``); ``whole_ends`` shows exactly 0%
    and 100% without them."""
    if x is None or x == "":
        return missing
    try:
        value = float(x) * scale
    except (TypeError, ValueError):
        return str(x)
    if whole_ends and value in (0.0, 100.0):
        decimals = 0
    return f"{number(value, lang, decimals, trim=trim)}%"


def signed(x: Any, lang: str | None, decimals: int | None = None, *, trim: bool = True,
           zero: str = "", missing: str = MISSING) -> str:
    """A change with its sign: ``+0,58``, ``−19`` (the true minus sign). Zero has no sign
    unless ``zero`` gives one (``±0``); a value that rounds to zero counts as zero."""
    if x is None or x == "":
        return missing
    value = float(x)
    if (odd := _odd(value)) is not None:
        return odd if value < 0 or math.isnan(value) else f"+{odd}"
    text = number(abs(value), lang, decimals, trim=trim)
    if text.strip("0.,") == "":
        return f"{zero}{text}"
    return f"{'+' if value > 0 else MINUS}{text}"


def pp(x: Any, lang: str | None, decimals: int = 1, *, missing: str = MISSING) -> str:
    """A difference of percentages in percentage points, signed: ``+6,5 pp``, ``−2 pp``.

    ``x`` is in points already (``6.5``, not ``0.065``)."""
    if x is None or x == "":
        return missing
    return f"{signed(x, lang, decimals, zero='±')} pp"


def significant(x: float, digits: int = 2) -> int:
    """How many decimals show ``x`` with ``digits`` significant digits (never scientific)."""
    if x == 0 or not math.isfinite(x):
        return 0
    return max(0, digits - 1 - math.floor(math.log10(abs(x))))


def p_number(p: Any, lang: str | None, *, missing: str = MISSING) -> str:
    """A probability from a test, readable and never scientific: ``< 0,001``, ``0,012``,
    ``0,43``, ``1`` (two significant digits)."""
    if p is None or p == "":
        return missing
    value = float(p)
    if math.isnan(value):
        return "–"
    if value < 0.001:
        return f"< {number(0.001, lang, 3)}"
    value = min(value, 1.0)
    return number(value, lang, significant(value, 2))


def p_value(p: Any, lang: str | None, name: str = "p", *, missing: str = MISSING) -> str:
    """``p < 0,001`` / ``p < 0.001``, else ``p = 0,012``; ``name`` for an adjusted p."""
    shown = p_number(p, lang, missing=missing)
    if shown.startswith("<") or shown == missing:
        return f"{name} {shown}" if shown != missing else missing
    return f"{name} = {shown}"


def interval(low: Any, high: Any, lang: str | None, *, decimals: int | None = None,
             percent_of: bool = False, spaced: bool = False, trim: bool = True,
             brackets: bool = False, show: Callable[[Any], str] | None = None) -> str:
    """An interval: ``47%–91%``, ``0,47–0,91``, ``[−2; +5]`` (``brackets``: signed, in square
    brackets with a semicolon, as after a difference). Empty when an end is missing.

    ``percent_of`` shows shares as percentages (``decimals`` default 0); ``spaced`` puts spaces
    round the dash; ``show`` formats each end some other way."""
    if low is None or high is None:
        return ""
    if show is None:
        if brackets:
            def show(v: Any) -> str:
                return signed(v, lang, decimals, trim=trim)
        elif percent_of:
            def show(v: Any) -> str:
                return percent(v, lang, 0 if decimals is None else decimals, trim=trim)
        else:
            def show(v: Any) -> str:
                return number(v, lang, decimals, trim=trim)
    if brackets:
        return f"[{show(low)}; {show(high)}]"
    dash = " – " if spaced else "–"
    return f"{show(low)}{dash}{show(high)}"
