"""The evidence engine computes its distributions with the standard library (fast, see
sprintkit/engine/quantiles.py); its numbers agree to 1e-9 with the scipy.stats distributions
the statistics are written in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from sprintkit.engine import evidence as ev
from sprintkit.model.common import Target

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)


@SETTINGS
@given(st.integers(0, 400), st.integers(0, 400),
       st.one_of(st.floats(-0.5, 1.5), st.sampled_from([0.0, 1.0, 0.5, 0.7, -0.0])),
       st.sampled_from([">=", ">", "<=", "<"]))
def test_p_meets_proportion_is_the_beta_posterior(k, extra, value, op):
    n = k + extra
    target = Target(op=op, value=value)
    above = float(stats.beta(1 + k, 1 + n - k).sf(value))
    expected = above if op in (">=", ">") else 1.0 - above
    assert abs(ev.p_meets_proportion(k, n, target) - expected) <= 1e-9


@SETTINGS
@given(st.floats(-1e4, 1e4), st.floats(0.001, 1e3), st.integers(2, 500), st.floats(-1e4, 1e4),
       st.sampled_from([">=", "<="]))
def test_p_meets_mean_is_the_t_posterior(mean, sd, n, value, op):
    import math

    target = Target(op=op, value=value)
    above = float(stats.t.sf((value - mean) / (sd / math.sqrt(n)), n - 1))
    expected = above if op == ">=" else 1.0 - above
    assert abs(ev.p_meets_mean(mean, sd, n, target) - expected) <= 1e-9


@SETTINGS
@given(st.floats(0.5, 0.9999), st.integers(1, 1000))
def test_quantiles_are_scipy_stats_quantiles(confidence, df):
    q = 0.5 + confidence / 2
    assert abs(ev._z(confidence) - float(stats.norm.ppf(q))) <= 1e-9
    t = float(stats.t.ppf(q, df))
    assert abs(ev._t_quantile(q, df) - t) <= 1e-9 * max(1.0, abs(t))


def test_a_report_does_not_import_scipy_stats():
    import subprocess
    import sys

    from bigsprint_support import BENCH

    code = ("import sys\nfrom sprintkit.engine.evidence import evaluate\n"
            f"sys.path.insert(0, {str(BENCH)!r})\nfrom bigsprint import big_sprint\n"
            "s = big_sprint(30, 5)\n"
            "[evaluate(h) for h in s.hypotheses]\n"
            "print('scipy.stats' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
