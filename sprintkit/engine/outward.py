"""Intervals shown so that they never claim more than the numbers do: rounded outward.

A shown interval must contain the true one, so its lower bound is rounded *down* and its upper
bound *up* (never to the nearest). And a clear shift — an interval that excludes zero — must
not look as if it included zero: a bound that would round to 0 gets as many more decimals as it
needs to show its sign (``−1 [−2; −0,03]``, not ``−1 [−2; 0]``). The estimate is rounded to the
nearest, with more decimals too when a clear shift's estimate would otherwise show as 0.

This is the one function for every shifted interval a person reads: the terminal
(``stories shifts``), the dashboard's data and any document take the strings made here.
Dutch gets a decimal comma; negative numbers the true minus sign (``−``). Stdlib only.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from sprintkit.i18n.numbers import MINUS, localise

MAX_DECIMALS = 12
"""A bound closer to zero than 10^-12 is shown with this many decimals (and may show as 0)."""


def _quantize(x: float, decimals: int, rounding: str) -> Decimal:
    return Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def _nonzero(x: float, decimals: int, rounding: str, keep_sign: bool) -> tuple[Decimal, int]:
    """``x`` rounded at ``decimals`` or, when ``keep_sign`` and that shows 0, at the fewest more
    decimals that do not."""
    value = _quantize(x, decimals, rounding)
    while keep_sign and value == 0 and decimals < MAX_DECIMALS:
        decimals += 1
        value = _quantize(x, decimals, rounding)
    return value, decimals


def outward(low: float, high: float, decimals: int = 0, *,
            clear: bool | None = None) -> tuple[Decimal, Decimal]:
    """``(low, high)`` rounded outward at ``decimals`` (more where a clear interval's bound
    would show as 0). ``clear`` defaults to: the interval excludes zero."""
    if clear is None:
        clear = low > 0 or high < 0
    lo, _ = _nonzero(low, decimals, ROUND_FLOOR, clear and low > 0)
    hi, _ = _nonzero(high, decimals, ROUND_CEILING, clear and high < 0)
    return lo, hi


def estimate(value: float, decimals: int = 0, *, clear: bool = False) -> Decimal:
    """``value`` rounded to the nearest at ``decimals`` (more when ``clear`` and it shows 0)."""
    rounded, _ = _nonzero(value, decimals, ROUND_HALF_UP, clear and value != 0)
    return rounded


def text(value: Decimal, lang: str, *, sign: bool = True) -> str:
    """``+3``, ``−0,03`` (nl) or ``−0.03`` (en), with a true minus sign; 0 without a sign."""
    body = localise(f"{abs(value):f}", lang)
    if value == 0:
        return body
    if value < 0:
        return MINUS + body
    return ("+" + body) if sign else body


def shown(difference: float, low: float, high: float, lang: str, *, scale: float = 100,
          decimals: int = 0, clear: bool | None = None) -> tuple[str, str]:
    """The difference and its interval as a person reads them, e.g. ``("−1", "[−2; −0,03]")``.

    ``scale`` turns the stored numbers into the shown unit (100: shares → percentage points);
    ``decimals`` is the usual number of decimals; ``clear`` (default: the interval excludes
    zero) asks for the extra decimals a clear shift needs."""
    lo, hi = low * scale, high * scale
    if clear is None:
        clear = lo > 0 or hi < 0
    d = estimate(difference * scale, decimals, clear=clear)
    lo_r, hi_r = outward(lo, hi, decimals, clear=clear)
    return text(d, lang), f"[{text(lo_r, lang)}; {text(hi_r, lang)}]"
