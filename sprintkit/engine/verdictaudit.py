"""What a statistician needs to recompute a hypothesis's verdict (``verdict --format json``,
the ``audit`` object).

* proportion: the interval is the two-sided **Wilson score** interval with normal quantile
  ``z``; ``p_meets_target`` comes from the **Beta(1 + k, 1 + n − k)** posterior of a uniform
  Beta(1, 1) prior (``posterior.a``, ``posterior.b``);
* mean: the two-sided **Student-t** interval ``mean ± t · sd / √n`` with ``df = n − 1``, the
  sample standard deviation ``sd`` (divisor n − 1), the standard error ``se`` and the quantile
  ``t``; ``p_meets_target`` comes from the t posterior ``mean + se · T(df)``;
* the rule: supported when the whole interval meets the target, refuted when none of it does.

Pure logic; the quantiles come from :mod:`sprintkit.engine.quantiles` (standard library)."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from sprintkit.engine.quantiles import norm_ppf, t_ppf

RULE = ("supported when every point of the interval meets the target, refuted when none does, "
        "otherwise inconclusive")
WILSON = "Wilson score interval, two-sided"
STUDENT_T = "Student-t interval, two-sided: mean ± t(n − 1) · sd / √n"
BETA = "Beta(1 + k, 1 + n − k) posterior from a uniform Beta(1, 1) prior"
T_POSTERIOR = "t posterior: mean + se · T(n − 1)"


@lru_cache(maxsize=256)
def _z(confidence: float) -> float:
    return norm_ppf(0.5 + confidence / 2)


@lru_cache(maxsize=1024)
def _t(df: int, confidence: float) -> float:
    return t_ppf(0.5 + confidence / 2, df)


def verdict_audit(kind: str, *, n: int, confidence: float, successes: int | None = None,
                  values: list[float] | None = None,
                  sd: float | None = None) -> dict[str, Any]:
    """The audit object of one verdict (methods, quantiles, spread, posterior); ``sd``, when
    the caller has it, saves computing the standard deviation of ``values`` again."""
    audit: dict[str, Any] = {"rule": RULE, "confidence": confidence, "interval": None,
                             "posterior": None}
    if kind == "proportion":
        audit["interval"] = {"method": WILSON, "z": _z(confidence)}
        if n > 0 and successes is not None:
            audit["posterior"] = {"method": BETA, "a": 1 + successes, "b": 1 + n - successes}
        return audit
    if kind == "mean":
        audit["sd"] = None
        audit["interval"] = {"method": STUDENT_T, "df": None, "t": None, "se": None}
        if values is not None and len(values) >= 2:
            import statistics

            if sd is None:
                sd = statistics.stdev(values)
            se = sd / math.sqrt(len(values))
            df = len(values) - 1
            audit["sd"] = sd
            audit["interval"].update(df=df, t=_t(df, confidence), se=se)
            audit["posterior"] = {"method": T_POSTERIOR, "df": df,
                                  "loc": statistics.fmean(values), "scale": se}
        return audit
    audit["rule"] = "qualitative: the facilitator gives the verdict, with a reason"
    return audit
