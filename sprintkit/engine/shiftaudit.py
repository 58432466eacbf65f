"""The tests behind story shifts, each with what a statistician needs to recompute it.

Every test returns ``name`` (a short id: ``chi-square``, ``fisher``, ``mann-whitney``,
``none``), ``statistic``, ``df`` and ``p`` as before, and audit fields:

* ``method`` — the test in words, e.g. ``Pearson chi-square test of homogeneity with Yates's
  continuity correction``;
* ``yates`` — whether the continuity correction was applied (chi-square: exactly when the table
  is 2×2, as ``scipy.stats.chi2_contingency(correction=True)`` does; ``None`` for other tests);
* ``table`` and ``expected`` — the observed counts (answers × [from, to]) and the expected
  counts under no shift (row total × column total / total);
* Mann-Whitney: ``u_of`` (``from``: U counts the pairs in which the earlier period's value is
  the larger, ties counting one half), ``mode`` (``exact`` or ``asymptotic``),
  ``continuity`` and the two sample sizes;
* Welch (difference of two scale means): ``df`` (Welch-Satterthwaite), ``se``, the two
  standard deviations and the t quantile.

scipy is imported inside the functions."""

from __future__ import annotations

import math
from typing import Any

CHI_SQUARE = "Pearson chi-square test of homogeneity"
YATES = " with Yates's continuity correction (2×2 table)"
FISHER = "Fisher's exact test, two-sided (2×2 table with an expected count below 5)"
MANN_WHITNEY = "Mann-Whitney U test, two-sided"
WELCH = "Welch t interval for the difference of two means"
NEWCOMBE = "Newcombe hybrid score interval (method 10) from two Wilson score intervals"
HOLM = "Holm-Bonferroni step-down adjustment"


def _none(reason: str, method: str = "none") -> dict[str, Any]:
    return {"name": "none", "reason": reason, "statistic": None, "df": None, "p": None,
            "method": method, "yates": None}


def expected_counts(rows: list[list[int]]) -> list[list[float]]:
    """Expected counts under homogeneity: row total × column total / total."""
    total = sum(map(sum, rows))
    cols = [sum(r[j] for r in rows) for j in range(len(rows[0]))] if rows else []
    return [[sum(r) * c / total if total else 0.0 for c in cols] for r in rows]


def table_test(table: list[list[int]]) -> dict[str, Any]:
    """Test of homogeneity for an answers × 2 periods table.

    Chi-square (with Yates's correction for a 2×2 table); Fisher's exact test for a 2×2 table
    with an expected count below 5; no test (``name`` ``none`` with a ``reason``) when there
    is one answer only, or a larger table's expected counts are too small for chi-square
    (Cochran: none below 1, at most 20% below 5). ``table``/``expected`` leave out answers
    nobody gave (they carry no information and would make the table sparse)."""
    rows = [list(r) for r in table if sum(r) > 0]
    if len(rows) < 2 or any(sum(r[j] for r in rows) == 0 for j in (0, 1)):
        return {**_none("no_variation"), "table": rows, "expected": None}
    expected = expected_counts(rows)
    flat = [e for row in expected for e in row]
    low = sum(1 for e in flat if e < 5)
    from scipy import stats

    if len(rows) == 2 and low:
        _, p = stats.fisher_exact(rows)
        return {"name": "fisher", "statistic": None, "df": None, "p": float(p),
                "method": FISHER, "yates": None, "table": rows, "expected": expected}
    if min(flat) < 1 or low > 0.2 * len(flat):
        return {**_none("expected_low"), "table": rows, "expected": expected}
    yates = len(rows) == 2
    chi2, p, dof, _ = stats.chi2_contingency(rows, correction=yates)
    return {"name": "chi-square", "statistic": float(chi2), "df": int(dof), "p": float(p),
            "method": CHI_SQUARE + (YATES if yates else " (no continuity correction)"),
            "yates": yates, "table": rows, "expected": expected}


def mann_whitney(counts1: dict[str, int], counts2: dict[str, int]) -> dict[str, Any]:
    """Mann-Whitney U from the counts of each scale value in the two periods; U is the
    statistic of the earlier period (``u_of: from``)."""
    import numpy as np
    from scipy import stats

    x = np.repeat([float(v) for v in counts1], list(counts1.values()))
    y = np.repeat([float(v) for v in counts2], list(counts2.values()))
    if len(x) == 0 or len(y) == 0 or len(set(x) | set(y)) < 2:
        return {**_none("no_variation"), "u_of": None, "mode": None}
    ties = len(set(x.tolist()) | set(y.tolist())) < len(x) + len(y)
    mode = "asymptotic" if (len(x) > 8 and len(y) > 8) or ties else "exact"
    res = stats.mannwhitneyu(x, y, alternative="two-sided", method=mode,
                             use_continuity=True)
    method = MANN_WHITNEY + (", exact distribution" if mode == "exact" else
                             ", normal approximation with tie correction and continuity "
                             "correction")
    return {"name": "mann-whitney", "statistic": float(res.statistic), "df": None,
            "p": float(res.pvalue), "method": method, "yates": None, "u_of": "from",
            "u_other": float(len(x) * len(y) - res.statistic), "mode": mode,
            "continuity": mode == "asymptotic", "n_from": int(len(x)), "n_to": int(len(y))}


def welch(n1: int, s1: float, q1: float, n2: int, s2: float, q2: float,
          confidence: float = 0.95) -> dict[str, Any] | None:
    """Difference of means (2 − 1) with a Welch t interval, from n, sum and sum of squares:
    ``difference``, ``low``, ``high`` and the audit fields (``df``, ``se``, ``sd_from``,
    ``sd_to``, ``t``); ``None`` with fewer than two values in a period."""
    if n1 < 2 or n2 < 2:
        return None
    from scipy import stats

    m1, m2 = s1 / n1, s2 / n2
    v1 = max(0.0, (q1 - n1 * m1 * m1) / (n1 - 1))
    v2 = max(0.0, (q2 - n2 * m2 * m2) / (n2 - 1))
    se2 = v1 / n1 + v2 / n2
    d = m2 - m1
    out: dict[str, Any] = {"difference": d, "method": WELCH, "confidence": confidence,
                           "sd_from": math.sqrt(v1), "sd_to": math.sqrt(v2),
                           "se": math.sqrt(se2), "df": None, "t": None}
    if se2 == 0:
        return {**out, "low": d, "high": d}
    df = se2 ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1)) if (v1 and v2) \
        else float(n1 - 1 if v1 else n2 - 1)
    t = float(stats.t.ppf(1 - (1 - confidence) / 2, df))
    half = t * math.sqrt(se2)
    return {**out, "low": d - half, "high": d + half, "df": float(df), "t": t}


def holm(pvalues: list[float | None]) -> list[float | None]:
    """Holm-Bonferroni adjusted p-values (``None`` stays ``None`` and is not counted)."""
    indexed = sorted((p, i) for i, p in enumerate(pvalues) if p is not None)
    m = len(indexed)
    adjusted: list[float | None] = [None] * len(pvalues)
    running = 0.0
    for rank, (p, i) in enumerate(indexed):
        running = max(running, min(1.0, (m - rank) * p))
        adjusted[i] = running
    return adjusted


def option_tests(ids: list[str], k1: dict[str, int], k2: dict[str, int], n1: int, n2: int,
                 alpha: float) -> dict[str, Any]:
    """A multichoice signifier: every option is its own 2×2 table (chose it / did not, × the
    two periods), tested with :func:`table_test`; the raw p-values are Holm-adjusted within the
    signifier (the family: the options with a p). An option is clear when its adjusted p is
    below ``alpha``. The signifier's ``p`` is the smallest adjusted option p; it then enters
    the Holm family of the signifiers."""
    options = []
    for a in ids:
        test = table_test([[k1[a], k2[a]], [n1 - k1[a], n2 - k2[a]]])
        test["rows"] = ["chose", "did_not"]
        options.append({"id": a, **test})
    adjusted = holm([o["p"] for o in options])
    for o, p_adj in zip(options, adjusted, strict=True):
        o["p_adjusted"] = p_adj
        o["clear"] = p_adj is not None and p_adj < alpha
    ps = [p for p in adjusted if p is not None]
    return {"name": "per-option (Holm)", "statistic": None, "df": None,
            "p": min(ps) if ps else None,
            "method": "per option: chi-square (Yates, 2×2) or Fisher's exact test; " + HOLM
                      + " within the signifier; the smallest adjusted p stands for the "
                      "signifier",
            "yates": None, "alpha": alpha,
            "holm": {"method": HOLM, "across": "options", "alpha": alpha,
                     "family": [o["id"] for o in options if o["p"] is not None]},
            "options": options}
