"""Shifts (*verschuivingen*) between two periods, tested honestly.

For every signifier the distribution of answers in period 1 is compared with period 2:

* choice and triad (by region): a chi-square test of the answers × periods table; Fisher's exact
  test when the table is 2×2 and an expected count is below 5; no test at all when the table is
  larger and the expected counts are too small for chi-square (Cochran: none below 1, at most
  20% below 5) — the result then says so instead of guessing;
* multichoice: every option is its own 2×2 table (chose it / did not), Holm-adjusted within the
  signifier;
* scale: the Mann-Whitney U test, and the difference of the means with a Welch interval.

The p-values of the signifiers are Holm-adjusted across signifiers. Per answer, the difference of
the shares has a Newcombe (hybrid Wilson score) interval. An answer is flagged as shifted only
when the signifier's adjusted p is below ``alpha`` **and** its interval excludes zero. Samples
below 30 stories in a period are called small; below ``min_cell`` nothing is tested or shown.

scipy is imported inside the functions that need it."""

from __future__ import annotations

import math
from typing import Any

from sprintkit.engine.stories import (
    Cube,
    answer_ids,
    answer_label,
    collapse,
    composition,
)
from sprintkit.engine.storywords import words
from sprintkit.i18n import numbers

SMALL_SAMPLE = 30
"""Fewer stories than this in either period: the result is marked as a small sample."""


# --- intervals -----------------------------------------------------------------------------


def z_value(confidence: float) -> float:
    from statistics import NormalDist

    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def wilson(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a proportion k/n."""
    if n <= 0:
        return (0.0, 1.0)
    z = z_value(confidence)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (max(0.0, centre - half), min(1.0, centre + half))


def newcombe(k1: int, n1: int, k2: int, n2: int,
             confidence: float = 0.95) -> tuple[float, float, float]:
    """Difference p2 - p1 with Newcombe's hybrid score interval (method 10)."""
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1, confidence)
    l2, u2 = wilson(k2, n2, confidence)
    d = p2 - p1
    lower = d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    upper = d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return (d, lower, upper)


def welch(n1: int, s1: float, q1: float, n2: int, s2: float, q2: float,
          confidence: float = 0.95) -> tuple[float, float, float] | None:
    """Difference of means (2 - 1) with a Welch t interval, from n, sum and sum of squares."""
    if n1 < 2 or n2 < 2:
        return None
    from scipy import stats

    m1, m2 = s1 / n1, s2 / n2
    v1 = max(0.0, (q1 - n1 * m1 * m1) / (n1 - 1))
    v2 = max(0.0, (q2 - n2 * m2 * m2) / (n2 - 1))
    se2 = v1 / n1 + v2 / n2
    d = m2 - m1
    if se2 == 0:
        return (d, d, d)
    df = se2 ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1)) if (v1 and v2) \
        else (n1 - 1 if v1 else n2 - 1)
    t = float(stats.t.ppf(1 - (1 - confidence) / 2, df))
    half = t * math.sqrt(se2)
    return (d, d - half, d + half)


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


# --- tests ---------------------------------------------------------------------------------


def table_test(table: list[list[int]]) -> dict[str, Any]:
    """Test of homogeneity for an answers × 2 periods table.

    Returns ``{"name", "statistic", "df", "p"}``; name ``none`` with a ``reason`` when no
    honest test is possible (one answer only, or expected counts too small)."""
    rows = [r for r in table if sum(r) > 0]
    if len(rows) < 2 or any(sum(r[j] for r in rows) == 0 for j in (0, 1)):
        return {"name": "none", "reason": "no_variation", "statistic": None, "df": None, "p": None}
    total = sum(map(sum, rows))
    cols = [sum(r[j] for r in rows) for j in (0, 1)]
    expected = [sum(r) * c / total for r in rows for c in cols]
    low = sum(1 for e in expected if e < 5)
    from scipy import stats

    if len(rows) == 2 and low:
        _, p = stats.fisher_exact(rows)
        return {"name": "fisher", "statistic": None, "df": None, "p": float(p)}
    if min(expected) < 1 or low > 0.2 * len(expected):
        return {"name": "none", "reason": "expected_low", "statistic": None, "df": None,
                "p": None}
    chi2, p, dof, _ = stats.chi2_contingency(rows)
    return {"name": "chi-square", "statistic": float(chi2), "df": int(dof), "p": float(p)}


def mann_whitney(counts1: dict[str, int], counts2: dict[str, int]) -> dict[str, Any]:
    """Mann-Whitney U from the counts of each scale value in the two periods."""
    import numpy as np
    from scipy import stats

    x = np.repeat([float(v) for v in counts1], list(counts1.values()))
    y = np.repeat([float(v) for v in counts2], list(counts2.values()))
    if len(x) == 0 or len(y) == 0 or len(set(x) | set(y)) < 2:
        return {"name": "none", "reason": "no_variation", "statistic": None, "df": None, "p": None}
    res = stats.mannwhitneyu(x, y, alternative="two-sided")
    return {"name": "mann-whitney", "statistic": float(res.statistic), "df": None,
            "p": float(res.pvalue)}


# --- shifts --------------------------------------------------------------------------------


def shifts(cube: Cube, method: Any, *, period_from: str, period_to: str, min_cell: int,
           lang: str, perspective: str | None = None, alpha: float = 0.05,
           confidence: float = 0.95, raw: bool = False) -> dict[str, Any]:
    """How each signifier's answers moved from ``period_from`` to ``period_to``.

    Counts are protected as one linked set (:mod:`sprintkit.engine.storycells`): no share,
    difference or shift flag is shown for a hidden count. ``raw=True``: every true count, for an
    output that publishes this report together with other tables and protects them at once."""
    result = _shifts(cube, method, period_from=period_from, period_to=period_to,
                     min_cell=min_cell, lang=lang, perspective=perspective, alpha=alpha,
                     confidence=confidence)
    if not raw:
        from sprintkit.engine.storycells import protect_output

        protect_output(result, min_cell)
    return result


def _shifts(cube: Cube, method: Any, *, period_from: str, period_to: str, min_cell: int,
            lang: str, perspective: str | None, alpha: float,
            confidence: float) -> dict[str, Any]:
    w = words(lang)

    def group(p: str, v: str, b: str) -> str | None:
        if perspective is not None and v != perspective:
            return None
        return p if p in (period_from, period_to) else None

    c = collapse(cube, group)
    stories = {p: c.stories.get((p, "", ""), 0) for p in (period_from, period_to)}
    results = []
    for sig in method.signifiers:
        results.append(_signifier_shift(sig, c, period_from, period_to, min_cell, lang,
                                        confidence))
    adjusted = holm([r["test"]["p"] for r in results])
    for r, p_adj in zip(results, adjusted, strict=True):
        r["test"]["p_adjusted"] = p_adj
        supported = p_adj is not None and p_adj < alpha
        r["shifted"] = False
        for a in r["answers"]:
            excludes = a.pop("_excludes_zero", False)
            own_ok = a.pop("_own_ok", True)
            sign = a.pop("_sign", 0)
            flagged = supported and excludes and own_ok
            a["shift"] = ("up" if sign > 0 else "down") if flagged else None
            r["shifted"] = r["shifted"] or flagged
        if r["type"] == "scale" and r.get("mean"):
            interval = r["mean"].pop("_interval", None)
            mean_ok = supported and interval is not None and (interval[0] > 0 or interval[1] < 0)
            r["mean"]["shift"] = ("up" if interval[0] > 0 else "down") if mean_ok else None
            r["shifted"] = r["shifted"] or mean_ok
        r["notes"] = [w[n] for n in r["note_codes"]]
    return {
        "from": period_from,
        "to": period_to,
        "perspective": perspective,
        "stories": stories,
        "alpha": alpha,
        "confidence": confidence,
        "min_cell": min_cell,
        "small_sample_below": SMALL_SAMPLE,
        "method_note": w["method_note"].format(alpha=numbers.number(alpha, lang)),
        "signifiers": results,
    }


def _signifier_shift(sig: Any, c: Cube, p1: str, p2: str, min_cell: int, lang: str,
                     confidence: float) -> dict[str, Any]:
    n1 = c.answered.get((p1, "", "", sig.id), 0)
    n2 = c.answered.get((p2, "", "", sig.id), 0)
    seen = {k[4] for k in c.counts if k[3] == sig.id}
    ids = answer_ids(sig, seen)
    raw1 = {a: c.counts.get((p1, "", "", sig.id, a), 0) for a in ids}
    raw2 = {a: c.counts.get((p2, "", "", sig.id, a), 0) for a in ids}
    result: dict[str, Any] = {
        "id": sig.id,
        "type": sig.type,
        "question": sig.question.get(lang),
        "n_from": n1,
        "n_to": n2,
        "n_from_shown": str(n1),
        "n_to_shown": str(n2),
        "small_sample": min(n1, n2) < SMALL_SAMPLE,
        "note_codes": [],
        "answers": [],
    }
    if n1 < min_cell or n2 < min_cell:
        result["test"] = {"name": "none", "reason": "too_few", "statistic": None, "df": None,
                          "p": None}
        result["note_codes"].append("too_few")
        for a in ids:
            result["answers"].append({
                "id": a, "label": answer_label(sig, a, lang),
                "from": _cell(raw1[a], n1), "to": _cell(raw2[a], n2),
                "difference": None, "interval": None, "_sign": 0,
            })
        return result
    if result["small_sample"]:
        result["note_codes"].append("small_sample")
    own_p: dict[str, float | None] = {}
    if sig.type == "multichoice":
        tests = {a: table_test([[raw1[a], raw2[a]], [n1 - raw1[a], n2 - raw2[a]]]) for a in ids}
        adjusted = holm([tests[a]["p"] for a in ids])
        own_p = dict(zip(ids, adjusted, strict=True))
        ps = [p for p in adjusted if p is not None]
        result["test"] = {"name": "per-option (Holm)", "statistic": None, "df": None,
                          "p": min(ps) if ps else None}
    elif sig.type == "scale":
        result["test"] = mann_whitney(raw1, raw2)
    else:
        result["test"] = table_test([[raw1[a], raw2[a]] for a in ids])
    if result["test"]["p"] is None and result["test"].get("reason") == "expected_low":
        result["note_codes"].append("test_unreliable")
    for a in ids:
        d, lo, hi = newcombe(raw1[a], n1, raw2[a], n2, confidence)
        entry = {
            "id": a,
            "label": answer_label(sig, a, lang),
            "from": _cell(raw1[a], n1),
            "to": _cell(raw2[a], n2),
            "difference": d,
            "interval": [lo, hi],
            "_excludes_zero": lo > 0 or hi < 0,
            "_sign": 1 if d > 0 else -1,
        }
        if sig.type == "multichoice":
            own = own_p.get(a)
            entry["_own_ok"] = own is not None and own < 0.05
        if sig.type == "scale":
            entry["_own_ok"] = False  # scale values are shown, the mean carries the shift
        result["answers"].append(entry)
    if sig.type == "scale":
        s1 = c.scale.get((p1, "", "", sig.id), (0, 0.0, 0.0))
        s2 = c.scale.get((p2, "", "", sig.id), (0, 0.0, 0.0))
        diff = welch(s1[0], s1[1], s1[2], s2[0], s2[1], s2[2], confidence)
        result["mean"] = {
            "from": s1[1] / s1[0] if s1[0] else None,
            "to": s2[1] / s2[0] if s2[0] else None,
            "difference": diff[0] if diff else None,
            "interval": [diff[1], diff[2]] if diff else None,
            "_interval": [diff[1], diff[2]] if diff else None,
        }
    if sig.type == "triad":
        t1 = c.triad.get((p1, "", "", sig.id))
        t2 = c.triad.get((p2, "", "", sig.id))
        result["corners"] = [corner.label.get(lang) for corner in sig.corners]
        result["composition"] = {
            "from": composition(t1[0], t1[1:]) if t1 else None,
            "to": composition(t2[0], t2[1:]) if t2 else None,
        }
    return result


def _cell(count: int, n: int) -> dict[str, Any]:
    return {"count": count, "shown": str(count), "share": count / n if n else None}
