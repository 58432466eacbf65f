"""Honest verdicts: pooled evidence, an interval, and a three-way rule fixed before the evidence.

The rule (see the product brief, "Honest evidence"):

* **proportion** — pool all count records into k of n; the two-sided Wilson score interval at
  the hypothesis's confidence. ``p_meets_target`` is the probability that the true rate meets
  the target under a Beta(1 + k, 1 + n − k) posterior (uniform prior).
* **mean** — pool all values; the Student-t interval ``mean ± t(n−1) · sd / √n``.
  ``p_meets_target`` comes from the t posterior ``mean + sd/√n · T(n−1)``.
* **supported** when every point of the interval meets the target, **refuted** when no point
  does, otherwise **inconclusive**; **insufficient_data** with no observations, with fewer than
  ``min_n`` (when set), and for a mean with fewer than two values.
* **qualitative** — there is no computed verdict (always ``insufficient_data``); the
  facilitator's override, which always carries a reason, gives the final verdict.

``needed_n`` is the smallest *total* number of observations at which, keeping the observed
rate (or the observed mean and standard deviation), the interval would lie wholly on one side
of the target — never less than ``min_n``. When the verdict is already reached it is the
current n. It is ``None`` when there is nothing to extrapolate from (no observations, a single
value), when the observed rate or mean equals the target, or when no n up to
:data:`NEEDED_N_LIMIT` would do. For proportions, ``k`` is scaled as ``rate · n`` (a fraction is
fine: the question is about the rate, not a particular count).

Pure logic: no files, no terminal. The distributions come from :mod:`sprintkit.engine.quantiles`
(standard library; scipy only for a proportion over 1,000 trials).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sprintkit.engine.quantiles import beta_sf, norm_ppf, t_cdf, t_ppf
from sprintkit.vocabulary import ids, label

if TYPE_CHECKING:
    from sprintkit.model.common import Target
    from sprintkit.model.sprint import Evidence, Hypothesis

VERDICTS: tuple[str, ...] = ids("verdict")
STRENGTHS: tuple[str, ...] = ids("strength")
NEEDED_N_LIMIT = 1_000_000
"""needed_n is searched up to this many observations; beyond it, ``None``."""

DOING_TYPES = frozenset({"behaviour", "observation"})
"""Evidence types that record what people do (weighs more than what they say)."""
STRONG_N = 30
MODERATE_N = 10

def verdict_label(verdict: str, lang: str = "en") -> str:
    """A verdict for people: ``supported`` -> ``ondersteund`` (nl) / ``supported`` (en)."""
    return label("verdict", verdict, lang)


def strength_label(strength: str, lang: str = "en") -> str:
    """An evidence-strength label for people: ``strong`` -> ``sterk`` (nl)."""
    return label("strength", strength, lang)


def decision_label(decision: str, lang: str = "en") -> str:
    """A decision for people: ``adopt`` -> ``doorvoeren`` (nl)."""
    return label("decision", decision, lang)


# --- intervals -----------------------------------------------------------------------------


# The quantiles and tail probabilities come from sprintkit.engine.quantiles (the standard
# library; equal to scipy.special's ndtri, stdtrit, betaincc and stdtr to 1e-9, see
# tests/test_quantiles.py): importing scipy would cost more than the rest of a command.


@lru_cache(maxsize=64)
def _z(confidence: float) -> float:
    _check_confidence(confidence)
    return norm_ppf(0.5 + confidence / 2)


def _t_quantile(q: float, df: int) -> float:
    """``scipy.stats.t.ppf(q, df)``."""
    return t_ppf(q, df)


def _check_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie between 0 and 1, not {confidence}")


def _wilson(k: float, n: float, z: float) -> tuple[float, float]:
    """Wilson score interval for a (possibly fractional) k of n, given the normal quantile."""
    z2 = z * z
    denom = n + z2
    centre = (k + z2 / 2) / denom
    half = z / denom * math.sqrt(max(k * (n - k) / n, 0.0) + z2 / 4)
    low = 0.0 if k <= 0 else max(0.0, centre - half)
    high = 1.0 if k >= n else min(1.0, centre + half)
    return low, high


def wilson_interval(k: int, n: int, confidence: float) -> tuple[float, float]:
    """Two-sided Wilson score interval for ``k`` successes in ``n`` trials."""
    if n <= 0:
        raise ValueError("the Wilson interval needs at least one trial")
    if not 0 <= k <= n:
        raise ValueError(f"successes ({k}) must lie between 0 and the trials ({n})")
    return _wilson(k, n, _z(confidence))


def t_interval(values: list[float], confidence: float) -> tuple[float, float, float]:
    """Mean and two-sided Student-t interval ``(mean, low, high)``; needs two or more values."""
    _check_confidence(confidence)
    n = len(values)
    if n < 2:
        raise ValueError("a t interval needs at least two values")
    mean, sd = _mean_sd(values)
    half = _t_quantile(0.5 + confidence / 2, n - 1) * sd / math.sqrt(n)
    return mean, mean - half, mean + half


def _mean_sd(values: list[float]) -> tuple[float, float]:
    import statistics

    return statistics.fmean(values), statistics.stdev(values)


# --- the three-way rule --------------------------------------------------------------------


def classify(low: float, high: float, target: Target) -> str:
    """supported when the whole interval meets the target, refuted when none of it does."""
    meets_low, meets_high = target.met_by(low), target.met_by(high)
    if meets_low and meets_high:
        return "supported"
    if not meets_low and not meets_high:
        return "refuted"
    return "inconclusive"


def _decided(low: float, high: float, target: Target) -> bool:
    return classify(low, high, target) != "inconclusive"


def _smallest_n(start: int, decided: Callable[[int], bool]) -> int | None:
    """The smallest n >= start with ``decided(n)``, assuming it stays decided for larger n."""
    if start > NEEDED_N_LIMIT:
        return None
    if decided(start):
        return start
    low = high = start
    while True:
        low, high = high, min(high * 2, NEEDED_N_LIMIT)
        if decided(high):
            break
        if high >= NEEDED_N_LIMIT:
            return None
    while high - low > 1:  # decided(high) holds, decided(low) does not
        mid = (low + high) // 2
        if decided(mid):
            high = mid
        else:
            low = mid
    return high


def needed_n_proportion(
    k: int, n: int, target: Target, confidence: float, *, start: int = 1
) -> int | None:
    """Smallest total n (from ``start``) at which the observed rate k/n would give a Wilson
    interval wholly on one side of the target; ``None`` when the rate equals the target or no
    n up to :data:`NEEDED_N_LIMIT` would do."""
    if n <= 0:
        return None
    rate = k / n
    if math.isclose(rate, target.value, abs_tol=1e-12):
        return None
    z = _z(confidence)

    def decided(m: int) -> bool:
        return _decided(*_wilson(rate * m, m, z), target)

    return _smallest_n(max(1, start), decided)


def needed_n_mean(
    mean: float, sd: float, target: Target, confidence: float, *, start: int = 2
) -> int | None:
    """Smallest total n (from ``start``, at least 2) at which mean ± t·sd/√n lies wholly on one
    side of the target; ``None`` when the mean equals the target or no n would do."""
    if math.isclose(mean, target.value, rel_tol=1e-12, abs_tol=1e-12):
        return None
    start = max(2, start)
    if sd == 0:
        return start if _decided(mean, mean, target) else None

    def decided(m: int) -> bool:
        half = _t_quantile(0.5 + confidence / 2, m - 1) * sd / math.sqrt(m)
        return _decided(mean - half, mean + half, target)

    return _smallest_n(start, decided)


def p_meets_proportion(k: int, n: int, target: Target) -> float:
    """P(true rate meets the target) under the Beta(1 + k, 1 + n − k) posterior."""
    x = target.value  # scipy.stats.beta(1 + k, 1 + n - k).sf(x), support [0, 1]
    above = beta_sf(1 + k, 1 + n - k, x)
    return above if target.op in (">=", ">") else 1.0 - above


def p_meets_mean(mean: float, sd: float, n: int, target: Target) -> float:
    """P(true mean meets the target) under the t posterior mean + sd/√n · T(n − 1)."""
    if sd == 0:
        return 1.0 if target.met_by(mean) else 0.0
    # scipy.stats.t.sf(x, n - 1)
    above = t_cdf(n - 1, -(target.value - mean) / (sd / math.sqrt(n)))
    return above if target.op in (">=", ">") else 1.0 - above


# --- the result ----------------------------------------------------------------------------


@dataclass(frozen=True)
class VerdictResult:
    """Everything a person or a report needs to check a hypothesis's verdict."""

    id: str
    kind: str
    target: str | None
    n: int
    successes: int | None
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    confidence: float
    p_meets_target: float | None
    verdict: str
    needed_n: int | None
    strength: str
    caveats: list[str] = field(default_factory=list)
    override: str | None = None
    override_reason: str | None = None
    final: str = "insufficient_data"
    audit: dict[str, Any] = field(default_factory=dict)
    """How to recompute the figures (:mod:`sprintkit.engine.verdictaudit`)."""

    def to_json(self) -> dict[str, Any]:
        """The fields in a stable order, for ``--format json`` and reports."""
        return {
            "id": self.id,
            "kind": self.kind,
            "target": self.target,
            "n": self.n,
            "successes": self.successes,
            "estimate": self.estimate,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "confidence": self.confidence,
            "p_meets_target": self.p_meets_target,
            "verdict": self.verdict,
            "needed_n": self.needed_n,
            "strength": self.strength,
            "caveats": list(self.caveats),
            "override": self.override,
            "override_reason": self.override_reason,
            "final": self.final,
            "audit": self.audit,
        }

    @property
    def still_needed(self) -> int | None:
        """Observations still to gather (needed_n − n, never negative); None when none would do."""
        return None if self.needed_n is None else max(0, self.needed_n - self.n)


def _is_count(e: Evidence) -> bool:
    return e.successes is not None and e.trials is not None


def _observations(e: Evidence) -> int:
    if _is_count(e):
        return int(e.trials or 0)
    if e.values is not None:
        return len(e.values)
    return 1


def evidence_strength(records: Iterable[Evidence], n: int) -> str:
    """``none`` / ``weak`` / ``moderate`` / ``strong`` from the amount and type of evidence.

    What people do (behaviour, observation) weighs more than what they say (interview, survey)
    or what is written (document, or no type given):

    * strong — n >= 30 and at least half of the observations record what people do;
    * moderate — n >= 30, or n >= 10 with at least half recording what people do;
    * weak — any other evidence; none — no observations.
    """
    if n <= 0:
        return "none"
    counted = list(records)
    total = sum(_observations(e) for e in counted)
    doing = sum(_observations(e) for e in counted if e.type in DOING_TYPES)
    mostly_doing = total > 0 and doing * 2 >= total
    if n >= STRONG_N and mostly_doing:
        return "strong"
    if n >= STRONG_N or (n >= MODERATE_N and mostly_doing):
        return "moderate"
    return "weak"


GUARDED_FIELDS = ("target", "metric", "kind", "criterion", "confidence", "min_n")
"""Hypothesis fields that change what the verdict means; edits after evidence leave a trail."""


EVIDENCE_FIELD = "evidence"
"""History entries about an evidence record have the field ``evidence E2`` (old and new: the
record's summary; new is empty when the record was removed)."""


def evidence_history(h: Hypothesis) -> list[tuple[str, Any]]:
    """``(evidence id, history entry)`` for every recorded change to the evidence of ``h``."""
    found = []
    for entry in h.history:
        head, _, eid = entry.field.partition(" ")
        if head == EVIDENCE_FIELD and eid:
            found.append((eid, entry))
    return found


def used_evidence_ids(h: Hypothesis) -> list[str]:
    """Evidence ids ``h`` has ever had: its records and the removed ones (never reused)."""
    return [e.id or "" for e in h.evidence] + [eid for eid, _ in evidence_history(h)]


def _caveat(key: str, lang: str, **params: Any) -> str:
    from sprintkit.i18n import t

    return t(f"evidence.caveat.{key}", lang, **params)


def field_label(field: str, lang: str) -> str:
    """What a person calls a hypothesis field named in its history (``target`` → ``criterium``;
    ``evidence E2`` → ``bewijs E2``); a field without a word stays as it is."""
    from sprintkit.i18n import has, t

    head, _, rest = field.partition(" ")
    return t(f"evidence.field.{head}", lang, id=rest) if has(f"evidence.field.{head}") else field


def _kind_name(kind: str, lang: str) -> str:
    from sprintkit.i18n import t

    return t(f"evidence.kind_name.{kind}", lang)


def _smallest_supporting_n(target: Target, z: float) -> int | None:
    """Smallest n at which the best possible proportion outcome (all or none) is supported."""
    best = _best_rate(target)

    def supported(m: int) -> bool:
        return classify(*_wilson(best * m, m, z), target) == "supported"

    return _smallest_n(1, supported)


def _best_rate(target: Target) -> float:
    return 1.0 if target.op in (">=", ">") else 0.0


def _several_metrics(metric: str | None) -> bool:
    if not metric:
        return False
    text = f" {metric.lower()} "
    return ";" in text or " and " in text or " en " in text or " & " in text


def evaluate(h: Hypothesis, lang: str = "en") -> VerdictResult:
    """The verdict for one hypothesis from all of its evidence; caveats in ``lang`` (nl/en)."""
    kind = h.kind
    target = h.target
    caveats: list[str] = []
    counts = [e for e in h.evidence if _is_count(e)]
    valued = [e for e in h.evidence if e.values is not None]
    quotes = [e for e in h.evidence if e.quote is not None]

    n = 0
    successes: int | None = None
    estimate = ci_low = ci_high = p_meets = None
    needed: int | None = None
    verdict = "insufficient_data"
    used: list[Evidence] = []
    values: list[float] | None = None
    sd: float | None = None

    if kind == "proportion" and target is not None:
        used = counts
        n = sum(int(e.trials or 0) for e in counts)
        successes = sum(int(e.successes or 0) for e in counts)
        z = _z(h.confidence)
        if n > 0:
            estimate = successes / n
            ci_low, ci_high = _wilson(successes, n, z)
            p_meets = p_meets_proportion(successes, n, target)
            verdict = classify(ci_low, ci_high, target)
            if classify(*_wilson(_best_rate(target) * n, n, z), target) != "supported":
                m = _smallest_supporting_n(target, z)
                key = "tiny" if m is not None else "tiny_never"
                caveats.append(_caveat(key, lang, n=n, target=target.shown(lang), m=m))
            if verdict == "inconclusive":
                needed = needed_n_proportion(successes, n, target, h.confidence, start=n + 1)
            else:
                needed = n
        if valued:
            caveats.append(_caveat("mixed_kinds", lang, other=_kind_name("values", lang)))
    elif kind == "mean" and target is not None:
        used = valued
        values = [float(v) for e in valued for v in (e.values or [])]
        n = len(values)
        if n == 1:
            estimate = values[0]
            caveats.append(_caveat("one_value", lang))
        elif n >= 2:
            mean, sd = _mean_sd(values)
            estimate, ci_low, ci_high = t_interval(values, h.confidence)
            p_meets = p_meets_mean(mean, sd, n, target)
            verdict = classify(ci_low, ci_high, target)
            if sd == 0:
                caveats.append(_caveat("no_spread", lang))
            elif n < 10:
                caveats.append(_caveat("small_mean", lang, n=n))
            if verdict == "inconclusive":
                needed = needed_n_mean(mean, sd, target, h.confidence, start=n + 1)
            else:
                needed = n
        if counts:
            caveats.append(_caveat("mixed_kinds", lang, other=_kind_name("counts", lang)))
    else:  # qualitative: the facilitator decides
        used = quotes
        n = len(quotes)
        caveats.append(_caveat("qualitative", lang))

    if h.min_n is not None and 0 < n < h.min_n and kind != "qualitative":
        verdict = "insufficient_data"
        caveats.append(_caveat("below_min_n", lang, n=n, min_n=h.min_n))
        if needed is not None:
            needed = max(needed, h.min_n)
    elif h.min_n is not None and needed is not None:
        needed = max(needed, h.min_n)

    sources = Counter((e.source or "").strip() for e in used if (e.source or "").strip())
    for source, count in sorted(sources.items()):
        if count > 1:
            caveats.append(_caveat("same_source", lang, count=count, source=source))
    if _several_metrics(h.metric):
        caveats.append(_caveat("several_metrics", lang))
    changed = sorted({entry.field for entry in h.history if entry.field in GUARDED_FIELDS})
    if changed:
        caveats.append(_caveat("changed", lang, fields=", ".join(
            field_label(f, lang) for f in changed)))
    for eid, entry in evidence_history(h):
        key = "evidence_changed" if entry.new is not None else "evidence_removed"
        caveats.append(_caveat(key, lang, id=eid, date=entry.date.date().isoformat(),
                               reason=entry.reason or "—"))

    override = h.override.verdict if h.override else None
    reason = h.override.reason if h.override else None
    final = override or verdict
    if override:
        key = "override" if override != verdict and kind != "qualitative" else "override_given"
        caveats.append(
            _caveat(
                key,
                lang,
                final=verdict_label(override, lang),
                computed=verdict_label(verdict, lang),
                reason=reason,
            )
        )

    from sprintkit.engine.verdictaudit import verdict_audit

    return VerdictResult(
        id=h.id,
        kind=kind,
        target=str(target) if target is not None else None,
        n=n,
        successes=successes,
        estimate=estimate,
        ci_low=ci_low,
        ci_high=ci_high,
        confidence=h.confidence,
        p_meets_target=p_meets,
        verdict=verdict,
        needed_n=needed,
        strength=evidence_strength(used, n),
        caveats=caveats,
        override=override,
        override_reason=reason,
        final=final,
        audit=verdict_audit(kind if target is not None else "qualitative", n=n,
                            confidence=h.confidence, successes=successes,
                            values=values, sd=sd),
    )


def latest_decision(learnings: Iterable[Any], hid: str) -> str | None:
    """The decision of the last learning card about ``hid`` that has one."""
    decisions = [ln.decision for ln in learnings if ln.hypothesis == hid and ln.decision]
    return decisions[-1] if decisions else None


def decision_against_verdict(decision: str | None, verdict: str) -> bool:
    """Adopting a refuted hypothesis, or dropping a supported one."""
    return (decision == "adopt" and verdict == "refuted") or (
        decision == "drop" and verdict == "supported"
    )
