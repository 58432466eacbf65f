"""The verdict rule: Wilson and t intervals, posterior probabilities, the three-way rule,
needed n, strength and caveats — checked against independent reference values."""

from __future__ import annotations

import datetime as dt
import math
from statistics import NormalDist, fmean, stdev

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sprintkit.engine import evidence as ev
from sprintkit.model.common import Target
from sprintkit.model.sprint import Evidence, HistoryEntry, Hypothesis, Override


def wilson_by_hand(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson (1927) by the textbook formula, with the normal quantile from the stdlib."""
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    p = k / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denom = 1 + z * z / n
    return (centre - spread) / denom, (centre + spread) / denom


def beta_sf_by_binomial(k: int, n: int, t: float) -> float:
    """P(p >= t) for p ~ Beta(1+k, 1+n-k) = P(Binomial(n+1, t) <= k) (integer parameters)."""
    return sum(math.comb(n + 1, j) * t**j * (1 - t) ** (n + 1 - j) for j in range(k + 1))


def prop(k: int, n: int, target: str = ">=70%", **kw) -> Hypothesis:
    records = [Evidence(successes=k, trials=n)] if n else []
    return Hypothesis(id="H1", statement="s", target=target, evidence=records, **kw)


def mean_h(values: list[float], target: str = "<=14", **kw) -> Hypothesis:
    records = [Evidence(values=values)] if values else []
    return Hypothesis(id="H2", statement="s", kind="mean", target=target, evidence=records, **kw)


# --- the brief's worked numbers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("k", "n", "low", "high", "verdict"),
    [
        (9, 12, 0.468, 0.911, "inconclusive"),
        (12, 12, 0.758, 1.000, "supported"),
        (5, 12, 0.193, 0.680, "refuted"),
        (30, 32, 0.799, 0.983, "supported"),
    ],
)
def test_brief_worked_numbers(k, n, low, high, verdict):
    r = ev.evaluate(prop(k, n))
    assert (r.n, r.successes) == (n, k)
    assert round(r.ci_low, 3) == low
    assert round(r.ci_high, 3) == high
    assert r.verdict == verdict == r.final
    assert r.estimate == pytest.approx(k / n)
    by_hand = wilson_by_hand(k, n)
    assert r.ci_low == pytest.approx(by_hand[0], abs=1e-12)
    assert r.ci_high == pytest.approx(by_hand[1], abs=1e-12)


# --- Wilson against published and hand-computed values ---------------------------------------


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [  # Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (score)
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_matches_newcombe(k, n, low, high):
    got = ev.wilson_interval(k, n, 0.95)
    assert got[0] == pytest.approx(low, abs=5e-5)
    assert got[1] == pytest.approx(high, abs=5e-5)


@pytest.mark.parametrize("confidence", [0.8, 0.9, 0.95, 0.99])
@pytest.mark.parametrize(("k", "n"), [(1, 3), (7, 10), (45, 50), (123, 400)])
def test_wilson_matches_hand_formula(k, n, confidence):
    assert ev.wilson_interval(k, n, confidence) == pytest.approx(
        wilson_by_hand(k, n, confidence), abs=1e-12
    )


def test_wilson_refuses_nonsense():
    with pytest.raises(ValueError):
        ev.wilson_interval(1, 0, 0.95)
    with pytest.raises(ValueError):
        ev.wilson_interval(5, 4, 0.95)
    with pytest.raises(ValueError):
        ev.wilson_interval(1, 4, 1.5)


# --- t interval ------------------------------------------------------------------------------


def test_t_interval_matches_scipy_reference():
    from scipy import stats

    values = [12.0, 9.5, 15.0, 11.0, 13.5, 10.0, 16.5]
    mean, low, high = ev.t_interval(values, 0.95)
    ref = stats.t.interval(0.95, len(values) - 1, loc=fmean(values), scale=stats.sem(values))
    assert mean == pytest.approx(fmean(values))
    assert (low, high) == pytest.approx(ref, abs=1e-12)


def test_t_interval_textbook_value():
    # n = 4, mean 10, sd 2: t(0.975, 3) = 3.182446 -> 10 ± 3.182446 = 6.8176 .. 13.1824
    mean, low, high = ev.t_interval([8.0, 8.0, 12.0, 12.0], 0.95)
    assert stdev([8.0, 8.0, 12.0, 12.0]) == pytest.approx(4 / math.sqrt(3))
    half = 3.182446305284263 * (4 / math.sqrt(3)) / 2
    assert (mean, low, high) == pytest.approx((10, 10 - half, 10 + half), abs=1e-9)


def test_t_interval_needs_two_values():
    with pytest.raises(ValueError):
        ev.t_interval([3.0], 0.95)


# --- posterior probabilities -----------------------------------------------------------------


@pytest.mark.parametrize(("k", "n"), [(9, 12), (12, 12), (5, 12), (30, 32), (0, 3)])
def test_p_meets_proportion_matches_binomial_identity(k, n):
    r = ev.evaluate(prop(k, n))
    assert r.p_meets_target == pytest.approx(beta_sf_by_binomial(k, n, 0.7), abs=1e-10)


def test_p_meets_proportion_at_most_target():
    r = ev.evaluate(prop(3, 20, target="<=30%"))
    assert r.p_meets_target == pytest.approx(1 - beta_sf_by_binomial(3, 20, 0.3), abs=1e-10)
    assert r.verdict == "inconclusive"  # 0.052 .. 0.360 straddles 0.30


def test_p_meets_mean_from_t_posterior():
    from scipy import stats

    values = [10.0, 12.0, 15.0, 9.0, 13.0, 11.0]
    r = ev.evaluate(mean_h(values, "<=14"))
    se = stdev(values) / math.sqrt(len(values))
    assert r.p_meets_target == pytest.approx(
        stats.t.cdf((14 - fmean(values)) / se, len(values) - 1), abs=1e-12
    )
    assert r.verdict == "supported"  # 9.400 .. 13.934 lies below 14
    assert round(r.ci_low, 3) == 9.400
    assert round(r.ci_high, 3) == 13.934


# --- the three-way rule and operators --------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "target", "verdict"),
    [
        (0.7, 0.9, ">=0.7", "supported"),
        (0.7, 0.9, ">0.7", "inconclusive"),
        (0.5, 0.7, ">=0.7", "inconclusive"),
        (0.5, 0.7, ">0.7", "refuted"),
        (0.5, 0.69, ">=0.7", "refuted"),
        (10, 14, "<=14", "supported"),
        (10, 14, "<14", "inconclusive"),
        (14, 20, "<=14", "inconclusive"),
        (14, 20, "<14", "refuted"),
        (14.5, 20, "<=14", "refuted"),
    ],
)
def test_classify_respects_operator(low, high, target, verdict):
    assert ev.classify(low, high, Target.parse(target)) == verdict


def test_mean_refuted_and_inconclusive():
    assert ev.evaluate(mean_h([20, 22, 19, 25, 21], "<=14")).verdict == "refuted"
    assert ev.evaluate(mean_h([10, 18, 12, 17, 14], "<=14")).verdict == "inconclusive"


# --- insufficient data ------------------------------------------------------------------------


def test_no_evidence_is_insufficient():
    r = ev.evaluate(prop(0, 0))
    assert (r.verdict, r.n, r.estimate, r.ci_low, r.needed_n, r.strength) == (
        "insufficient_data", 0, None, None, None, "none",
    )


def test_below_min_n_is_insufficient_but_still_shows_the_numbers():
    r = ev.evaluate(prop(12, 12, min_n=20))
    assert r.verdict == "insufficient_data"
    assert round(r.ci_low, 3) == 0.758
    assert r.needed_n == 20
    assert any("minimum" in c for c in r.caveats)


def test_mean_with_one_value_is_insufficient():
    r = ev.evaluate(mean_h([12.0]))
    assert (r.verdict, r.n, r.estimate, r.ci_low, r.needed_n) == (
        "insufficient_data", 1, 12.0, None, None,
    )


def test_qualitative_gets_its_verdict_only_from_an_override():
    h = Hypothesis(
        id="H3", statement="s", kind="qualitative",
        evidence=[Evidence(quote="fijn"), Evidence(quote="helder")],
    )
    r = ev.evaluate(h)
    assert (r.verdict, r.final, r.n, r.target, r.needed_n) == (
        "insufficient_data", "insufficient_data", 2, None, None,
    )
    h.override = Override(verdict="supported", reason="all families positive", computed=r.verdict)
    r = ev.evaluate(h)
    assert (r.verdict, r.override, r.final) == ("insufficient_data", "supported", "supported")
    assert r.override_reason == "all families positive"


def test_override_keeps_the_computed_verdict_and_warns():
    h = prop(9, 12)
    h.override = Override(verdict="supported", reason="context", computed="inconclusive")
    r = ev.evaluate(h)
    assert (r.verdict, r.override, r.final) == ("inconclusive", "supported", "supported")
    assert any("differs" in c for c in r.caveats)


# --- needed n ---------------------------------------------------------------------------------


def _decided_at(rate: float, m: int, target: Target, confidence: float = 0.95) -> bool:
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    k = rate * m
    p = k / m
    centre = p + z * z / (2 * m)
    spread = z * math.sqrt(max(p * (1 - p), 0) / m + z * z / (4 * m * m))
    low, high = (centre - spread) / (1 + z * z / m), (centre + spread) / (1 + z * z / m)
    if k == 0:
        low = 0.0
    if k == m:
        high = 1.0
    return ev.classify(low, high, target) != "inconclusive"


@pytest.mark.parametrize(
    ("k", "n", "target"),
    [(9, 12, ">=70%"), (8, 12, ">=70%"), (3, 10, "<=20%"), (1, 4, ">50%"), (2, 2, ">=80%")],
)
def test_needed_n_is_the_smallest_deciding_total(k, n, target):
    t = Target.parse(target)
    r = ev.evaluate(prop(k, n, target))
    assert r.verdict == "inconclusive"
    assert r.needed_n is not None and r.needed_n > n
    assert _decided_at(k / n, r.needed_n, t)
    assert not _decided_at(k / n, r.needed_n - 1, t) or r.needed_n - 1 == n
    # brute force: nothing between n and needed_n decides
    assert not any(_decided_at(k / n, m, t) for m in range(n + 1, r.needed_n))


def test_needed_n_none_when_rate_equals_target():
    r = ev.evaluate(prop(7, 10))
    assert r.verdict == "inconclusive" and r.needed_n is None


def test_needed_n_is_current_n_once_decided():
    assert ev.evaluate(prop(30, 32)).needed_n == 32
    assert ev.evaluate(prop(5, 12)).needed_n == 12


def test_needed_n_mean_brute_force():
    from scipy import stats

    values = [10.0, 18.0, 12.0, 17.0, 14.5, 11.0]
    r = ev.evaluate(mean_h(values, "<=16"))
    assert r.verdict == "inconclusive"
    mean, sd = fmean(values), stdev(values)

    def decided(m: int) -> bool:
        half = stats.t.ppf(0.975, m - 1) * sd / math.sqrt(m)
        return mean + half <= 16 or mean - half > 16

    assert decided(r.needed_n)
    assert not any(decided(m) for m in range(len(values) + 1, r.needed_n))


def test_needed_n_none_beyond_the_limit(monkeypatch):
    monkeypatch.setattr(ev, "NEEDED_N_LIMIT", 50)
    assert ev.evaluate(prop(9, 12)).needed_n is None  # 323 would be needed


# --- strength and caveats --------------------------------------------------------------------


def _records(kind_counts: list[tuple[str | None, int]]) -> list[Evidence]:
    return [Evidence(successes=n // 2, trials=n, type=t) for t, n in kind_counts]


@pytest.mark.parametrize(
    ("records", "strength"),
    [
        ([("interview", 5)], "weak"),
        ([("behaviour", 12)], "moderate"),
        ([("survey", 12)], "weak"),
        ([("survey", 40)], "moderate"),
        ([("behaviour", 20), ("survey", 20)], "strong"),
        ([("observation", 10), ("interview", 30)], "moderate"),
        ([(None, 100)], "moderate"),
    ],
)
def test_strength_weighs_doing_over_saying(records, strength):
    h = Hypothesis(id="H1", statement="s", target=">=50%", evidence=_records(records))
    assert ev.evaluate(h).strength == strength


def test_tiny_sample_caveat_names_the_needed_n():
    r = ev.evaluate(prop(3, 3))
    assert r.verdict == "inconclusive"
    assert any("n=3" in c and "9" in c for c in r.caveats)
    assert not any("Tiny" in c for c in ev.evaluate(prop(12, 12)).caveats)
    nl = ev.evaluate(prop(3, 3), lang="nl")
    assert any("Zeer kleine steekproef" in c for c in nl.caveats)


def test_caveat_same_source_mixed_kinds_several_metrics_and_changes():
    h = Hypothesis(
        id="H1", statement="s", target=">=70%", metric="preference and speed",
        evidence=[
            Evidence(successes=4, trials=5, source="team Noord"),
            Evidence(successes=3, trials=4, source="team Noord"),
            Evidence(values=[3.0, 4.0]),
        ],
        history=[HistoryEntry(date=dt.datetime(2026, 1, 5), field="target", old=">=80%",
                              new=">=70%", reason="agreed with funder")],
    )
    caveats = " | ".join(ev.evaluate(h).caveats)
    assert "2 records come from one source (team Noord)" in caveats
    assert "another kind (values)" in caveats
    assert "more than one measure" in caveats
    assert "changed after evidence existed (target)" in caveats


def test_labels_in_both_languages():
    assert ev.verdict_label("supported", "nl") == "ondersteund"
    assert ev.verdict_label("refuted", "nl") == "weerlegd"
    assert ev.verdict_label("inconclusive", "nl") == "onbeslist"
    assert ev.verdict_label("insufficient_data", "nl") == "onvoldoende gegevens"
    assert ev.verdict_label("insufficient_data", "en") == "insufficient data"
    assert ev.strength_label("strong", "nl") == "sterk"
    assert ev.decision_label("retest", "nl") == "opnieuw testen"


def test_to_json_field_order():
    keys = list(ev.evaluate(prop(9, 12)).to_json())
    assert keys == [
        "id", "kind", "target", "n", "successes", "estimate", "ci_low", "ci_high",
        "confidence", "p_meets_target", "verdict", "needed_n", "strength", "caveats",
        "override", "override_reason", "final", "audit",
    ]


def test_decision_against_verdict():
    assert ev.decision_against_verdict("adopt", "refuted")
    assert ev.decision_against_verdict("drop", "supported")
    assert not ev.decision_against_verdict("adopt", "supported")
    assert not ev.decision_against_verdict("retest", "refuted")


# --- properties ---------------------------------------------------------------------------------

ORDER = {"refuted": 0, "inconclusive": 1, "supported": 2}
counts = st.integers(min_value=1, max_value=300).flatmap(
    lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))
)
thresholds = st.integers(min_value=1, max_value=99).map(lambda p: p / 100)
confidences = st.sampled_from([0.8, 0.9, 0.95, 0.99])


@settings(max_examples=300, deadline=None)
@given(counts, thresholds, st.sampled_from([">=", ">"]), confidences)
def test_a_supporting_observation_never_moves_the_verdict_down(kn, t, op, conf):
    k, n = kn
    target = f"{op}{t}"
    before = ev.evaluate(prop(k, n, target, confidence=conf)).verdict
    after = ev.evaluate(prop(k + 1, n + 1, target, confidence=conf)).verdict
    assert ORDER[after] >= ORDER[before]


@settings(max_examples=300, deadline=None)
@given(counts, thresholds, st.sampled_from(["<=", "<"]), confidences)
def test_a_supporting_observation_for_an_upper_bound_never_moves_down(kn, t, op, conf):
    k, n = kn  # for "at most" targets, a non-success supports the hypothesis
    target = f"{op}{t}"
    before = ev.evaluate(prop(k, n, target, confidence=conf)).verdict
    after = ev.evaluate(prop(k, n + 1, target, confidence=conf)).verdict
    assert ORDER[after] >= ORDER[before]


@settings(max_examples=300, deadline=None)
@given(counts, confidences)
def test_wilson_contains_the_estimate_and_stays_in_unit_range(kn, conf):
    k, n = kn
    low, high = ev.wilson_interval(k, n, conf)
    assert 0.0 <= low <= k / n <= high <= 1.0


@settings(max_examples=200, deadline=None)
@given(counts, st.sampled_from([0.8, 0.9, 0.95]))
def test_higher_confidence_gives_a_wider_interval(kn, conf):
    k, n = kn
    low, high = ev.wilson_interval(k, n, conf)
    low99, high99 = ev.wilson_interval(k, n, 0.99)
    assert low99 <= low + 1e-15 and high99 >= high - 1e-15


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(min_value=-1e4, max_value=1e4, allow_nan=False), min_size=2, max_size=60),
    confidences,
)
def test_t_interval_contains_the_mean_and_matches_scipy(values, conf):
    from scipy import stats

    mean, low, high = ev.t_interval(values, conf)
    assert low <= mean + 1e-9 and mean - 1e-9 <= high
    sd = stdev(values)
    if sd > 0:
        ref = stats.t.interval(conf, len(values) - 1, loc=fmean(values),
                               scale=sd / math.sqrt(len(values)))
        assert (low, high) == pytest.approx(ref, rel=1e-9, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(counts, thresholds, st.sampled_from([">=", ">", "<=", "<"]))
def test_needed_n_decides_and_is_minimal(kn, t, op):
    k, n = kn
    target = Target.parse(f"{op}{t}")
    r = ev.evaluate(prop(k, n, str(target)))
    if r.verdict != "inconclusive" or r.needed_n is None:
        return
    assert _decided_at(k / n, r.needed_n, target)
    if r.needed_n - 1 > n:
        assert not _decided_at(k / n, r.needed_n - 1, target)


@settings(max_examples=150, deadline=None)
@given(counts, thresholds, st.sampled_from([">=", ">", "<=", "<"]))
def test_probability_agrees_with_the_verdict_direction(kn, t, op):
    k, n = kn
    r = ev.evaluate(prop(k, n, f"{op}{t}"))
    assert 0.0 <= r.p_meets_target <= 1.0
    if r.verdict == "supported":
        assert r.p_meets_target > 0.5
    if r.verdict == "refuted":
        assert r.p_meets_target < 0.5
