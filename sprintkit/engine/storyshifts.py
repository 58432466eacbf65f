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

from sprintkit.engine.shiftaudit import holm, mann_whitney, table_test
from sprintkit.engine.stories import (
    Cube,
    answer_ids,
    answer_label,
    collapse,
    composition,
)
from sprintkit.engine.storywords import words

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
    """Difference of means (2 - 1) with a Welch t interval, from n, sum and sum of squares
    (with its audit fields: :func:`sprintkit.engine.shiftaudit.welch`)."""
    from sprintkit.engine.shiftaudit import welch as detailed

    found = detailed(n1, s1, q1, n2, s2, q2, confidence)
    return None if found is None else (found["difference"], found["low"], found["high"])


# --- shifts --------------------------------------------------------------------------------


def shifts(cube: Cube, method: Any, *, period_from: str, period_to: str, min_cell: int,
           lang: str, perspective: str | None = None, alpha: float = 0.05,
           confidence: float | None = None, min_shift: float = 5.0,
           raw: bool = False) -> dict[str, Any]:
    """How each signifier's answers moved from ``period_from`` to ``period_to``.

    ``alpha`` is the significance level of every test (also each multichoice option) and sets
    the intervals' level (``confidence``, default ``1 - alpha``). ``min_shift`` is the smallest
    difference that matters, in percentage points: a statistically clear shift below it is
    classed ``clear_small`` (:mod:`sprintkit.engine.shiftclass`).

    Counts are protected as one linked set (:mod:`sprintkit.engine.storycells`): no share,
    difference or shift flag is shown for a hidden count. ``raw=True``: every true count, for an
    output that publishes this report together with other tables and protects them at once."""
    result = _shifts(cube, method, period_from=period_from, period_to=period_to,
                     min_cell=min_cell, lang=lang, perspective=perspective, alpha=alpha,
                     confidence=1 - alpha if confidence is None else confidence,
                     min_shift=min_shift)
    if not raw:
        from sprintkit.engine.storycells import protect_output

        protect_output(result, min_cell)
    return result


def _shifts(cube: Cube, method: Any, *, period_from: str, period_to: str, min_cell: int,
            lang: str, perspective: str | None, alpha: float,
            confidence: float, min_shift: float) -> dict[str, Any]:
    from sprintkit.engine import shiftclass
    from sprintkit.engine.shiftaudit import HOLM, NEWCOMBE

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
                                        confidence, alpha))
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
            shiftclass.classify_answer(a, lang, min_shift)
        if r["type"] == "scale" and r.get("mean"):
            interval = r["mean"].pop("_interval", None)
            mean_ok = supported and interval is not None and (interval[0] > 0 or interval[1] < 0)
            r["mean"]["shift"] = ("up" if interval[0] > 0 else "down") if mean_ok else None
            r["shifted"] = r["shifted"] or mean_ok
            shiftclass.classify_mean(r["mean"], lang, min_shift)
        r["notes"] = [w[n] for n in r["note_codes"]]
    return {
        "from": period_from,
        "to": period_to,
        "perspective": perspective,
        "stories": stories,
        "alpha": alpha,
        "confidence": confidence,
        "min_shift": min_shift,
        "interval_method": NEWCOMBE,
        "holm": {"method": HOLM, "across": "signifiers", "alpha": alpha,
                 "family": [r["id"] for r in results if r["test"]["p"] is not None]},
        "min_cell": min_cell,
        "small_sample_below": SMALL_SAMPLE,
        "method_note": shiftclass.method_note(lang, alpha=alpha, confidence=confidence,
                                              min_shift=min_shift),
        "class_labels": shiftclass.class_labels(lang),
        "marks": shiftclass.marks(lang),
        "interval_heading": shiftclass.interval_heading(confidence, lang),
        "small_note": shiftclass.small_note(lang, min_shift),
        "signifiers": results,
    }


def _signifier_shift(sig: Any, c: Cube, p1: str, p2: str, min_cell: int, lang: str,
                     confidence: float, alpha: float = 0.05) -> dict[str, Any]:
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
                          "p": None, "method": "none", "yates": None}
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
        from sprintkit.engine.shiftaudit import option_tests

        result["test"] = option_tests(ids, raw1, raw2, n1, n2, alpha)
        own_p = {o["id"]: o["p_adjusted"] for o in result["test"]["options"]}
    elif sig.type == "scale":
        result["test"] = mann_whitney(raw1, raw2)
    else:
        result["test"] = table_test([[raw1[a], raw2[a]] for a in ids])
        result["test"]["rows"] = [a for a in ids if raw1[a] + raw2[a] > 0]
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
            entry["_own_ok"] = own is not None and own < alpha
        if sig.type == "scale":
            entry["_own_ok"] = False  # scale values are shown, the mean carries the shift
        result["answers"].append(entry)
    if sig.type == "scale":
        from sprintkit.engine.shiftaudit import welch as detailed

        s1 = c.scale.get((p1, "", "", sig.id), (0, 0.0, 0.0))
        s2 = c.scale.get((p2, "", "", sig.id), (0, 0.0, 0.0))
        diff = detailed(s1[0], s1[1], s1[2], s2[0], s2[1], s2[2], confidence)
        interval = [diff["low"], diff["high"]] if diff else None
        result["mean"] = {
            "from": s1[1] / s1[0] if s1[0] else None,
            "to": s2[1] / s2[0] if s2[0] else None,
            "difference": diff["difference"] if diff else None,
            "interval": interval,
            "_interval": interval,
            "scale_range": sig.scale.max - sig.scale.min,
            "audit": {k: diff[k] for k in ("method", "confidence", "sd_from", "sd_to", "se",
                                           "df", "t")} if diff else None,
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
