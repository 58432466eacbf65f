"""The distribution functions of the verdict rule, from the standard library.

Importing scipy costs more than the rest of an everyday command, so the quantiles and tail
probabilities of the evidence rule are computed here with exact finite formulas:

* normal quantile — :class:`statistics.NormalDist` (Wichura's AS 241, about 1e-16 relative);
* Beta(a, b) upper tail for whole a, b — the finite binomial sum
  ``P(Beta(a, b) > x) = P(Binomial(a + b − 1, x) ≤ a − 1)`` (scipy only beyond
  :data:`BETA_EXACT_LIMIT` trials, where the terms no longer fit a float);
* Student-t distribution for whole degrees of freedom — the finite series of Abramowitz and
  Stegun 26.7.3/26.7.4; the quantile by Newton's method on it, and for more than
  :data:`T_SERIES_LIMIT` degrees of freedom by the Cornish–Fisher expansion (26.7.5).

tests/test_quantiles.py compares every function with scipy to 1e-9 over many cases.
"""

from __future__ import annotations

import math
from functools import lru_cache
from statistics import NormalDist

BETA_EXACT_LIMIT = 1000
"""Largest a + b − 1 for which the binomial sum is used (math.comb stays below 1e300)."""
T_SERIES_LIMIT = 1000
"""Largest df for which the t quantile is found on the exact series."""

_STANDARD = NormalDist()


@lru_cache(maxsize=256)
def norm_ppf(q: float) -> float:
    """The standard normal quantile (``scipy.special.ndtri``)."""
    return _STANDARD.inv_cdf(q)


def beta_sf(a: int, b: int, x: float) -> float:
    """``P(Beta(a, b) > x)`` for whole a, b >= 1 (``scipy.special.betaincc(a, b, x)``)."""
    if x <= 0:
        return 1.0
    if x >= 1:
        return 0.0
    m = a + b - 1
    if m > BETA_EXACT_LIMIT:
        from scipy.special import betaincc

        return float(betaincc(a, b, x))
    # P(Binomial(m, x) <= a - 1); the smaller tail is summed, so nothing cancels
    y = 1.0 - x
    if a - 1 <= m * x:
        return math.fsum(math.comb(m, i) * x**i * y ** (m - i) for i in range(a))
    upper = math.fsum(math.comb(m, i) * x**i * y ** (m - i) for i in range(a, m + 1))
    return 1.0 - upper


def t_cdf(df: int, t: float) -> float:
    """``P(T <= t)`` for Student's t with whole ``df`` >= 1 (``scipy.special.stdtr``)."""
    if math.isinf(t):
        return 1.0 if t > 0 else 0.0
    half = _t_central(df, abs(t)) / 2  # P(0 <= T <= |t|)
    return 0.5 + half if t >= 0 else 0.5 - half


def _t_central(df: int, t: float) -> float:
    """``A(t | df) = P(|T| <= t)`` for t >= 0: Abramowitz and Stegun 26.7.3 and 26.7.4."""
    theta = math.atan2(t, math.sqrt(df))
    s, c = math.sin(theta), math.cos(theta)
    c2 = c * c
    if df % 2 == 1:
        if df == 1:
            return 2 * theta / math.pi
        term = total = c
        for j in range(1, (df - 3) // 2 + 1):  # 2·4···2j / 3·5···(2j+1) · cos^(2j+1)
            term *= c2 * (2 * j) / (2 * j + 1)
            total += term
        return 2 / math.pi * (theta + s * total)
    term = total = 1.0
    for j in range(1, (df - 2) // 2 + 1):  # 1·3···(2j−1) / 2·4···2j · cos^(2j)
        term *= c2 * (2 * j - 1) / (2 * j)
        total += term
    return s * total


def _t_pdf(df: int, t: float) -> float:
    log_norm = (math.lgamma((df + 1) / 2) - math.lgamma(df / 2)
                - 0.5 * math.log(df * math.pi))
    return math.exp(log_norm - (df + 1) / 2 * math.log1p(t * t / df))


@lru_cache(maxsize=4096)
def t_ppf(q: float, df: int) -> float:
    """The Student-t quantile for whole ``df`` >= 1 (``scipy.special.stdtrit(df, q)``)."""
    if not 0 < q < 1:
        raise ValueError(f"a quantile needs 0 < q < 1, not {q}")
    if q < 0.5:
        return -t_ppf(1 - q, df)
    if q == 0.5:
        return 0.0
    if df == 1:
        return math.tan(math.pi * (q - 0.5))
    if df == 2:
        return (2 * q - 1) / math.sqrt(2 * q * (1 - q))
    x = norm_ppf(q)
    if df > T_SERIES_LIMIT:
        return _cornish_fisher(x, df)
    # Newton's method on the exact CDF, from the normal quantile (below the t quantile: the
    # CDF is concave on t > 0, so the steps climb to the root without overshooting) or, from 30
    # degrees of freedom, from the Cornish-Fisher value (close: one or two steps). The error
    # after a step is of the order of the step squared: a step below 1e-10 leaves it exact.
    t = _cornish_fisher(x, df) if df >= 30 else x
    for _ in range(100):
        step = (t_cdf(df, t) - q) / _t_pdf(df, t)
        t -= step
        if abs(step) <= 1e-10 * max(1.0, abs(t)):
            break
    return t


def _cornish_fisher(x: float, df: int) -> float:
    """Abramowitz and Stegun 26.7.5 (error of order df⁻⁵: below 1e-11 for df > 1000)."""
    x2 = x * x
    g1 = (x2 + 1) * x / 4
    g2 = ((5 * x2 + 16) * x2 + 3) * x / 96
    g3 = (((3 * x2 + 19) * x2 + 17) * x2 - 15) * x / 384
    g4 = ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945) * x / 92160
    return x + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
