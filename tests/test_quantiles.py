"""The stdlib distribution functions of the verdict rule agree with scipy to 1e-9."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys

import pytest
from scipy import special, stats

from sprintkit.engine import quantiles

CONFIDENCES = (0.5, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999, 1e-6, 0.999999)
TARGETS = (1e-9, 0.001, 0.05, 0.1, 0.25, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.999)


def _close(a: float, b: float, tol: float = 1e-9) -> bool:
    return abs(a - b) <= tol * max(1.0, abs(b))


@pytest.mark.parametrize("confidence", CONFIDENCES)
def test_normal_quantile_matches_ndtri(confidence: float) -> None:
    q = 0.5 + confidence / 2
    assert _close(quantiles.norm_ppf(q), float(special.ndtri(q)))
    assert _close(quantiles.norm_ppf(1 - q), float(special.ndtri(1 - q)))


def _beta_cases() -> list[tuple[int, int, float]]:
    ns = [1, 2, 3, 5, 10, 12, 30, 57, 100, 160, 400, 999]
    cases = []
    for n in ns:
        ks = sorted({0, 1, n // 3, n // 2, n - 1, n} & set(range(n + 1)))
        cases += [(k, n, x) for k in ks for x in TARGETS]
    rng = random.Random(21)
    for _ in range(300):
        n = rng.randint(1, 999)
        cases.append((rng.randint(0, n), n, rng.random()))
    return cases


@pytest.mark.parametrize("k, n, x", _beta_cases())
def test_beta_tail_matches_betaincc(k: int, n: int, x: float) -> None:
    expected = float(special.betaincc(1 + k, 1 + n - k, x))
    assert abs(quantiles.beta_sf(1 + k, 1 + n - k, x) - expected) <= 1e-9
    assert abs(expected - float(stats.beta(1 + k, 1 + n - k).sf(x))) <= 1e-12


@pytest.mark.parametrize("k, n", [(0, 5000), (2500, 5000), (5000, 5000), (7, 10**6)])
def test_beta_tail_beyond_the_exact_limit_is_scipys(k: int, n: int) -> None:
    for x in (0.0, 0.3, 0.5, 1.0):
        expected = 1.0 if x == 0 else 0.0 if x == 1 else float(
            special.betaincc(1 + k, 1 + n - k, x))
        assert quantiles.beta_sf(1 + k, 1 + n - k, x) == expected


DFS = [1, 2, 3, 4, 5, 6, 7, 10, 11, 24, 29, 50, 99, 100, 500, 999, 1000, 1001, 1500, 5000,
       20_000, 10**6]


@pytest.mark.parametrize("df, confidence", list(itertools.product(DFS, CONFIDENCES)))
def test_t_quantile_matches_stdtrit(df: int, confidence: float) -> None:
    q = 0.5 + confidence / 2
    assert _close(quantiles.t_ppf(q, df), float(special.stdtrit(df, q)))
    assert _close(quantiles.t_ppf(1 - q, df), float(special.stdtrit(df, 1 - q)))


@pytest.mark.parametrize("df", [1, 2, 3, 4, 5, 8, 9, 11, 24, 99, 100, 1000, 5001, 200_000])
def test_t_cdf_matches_stdtr(df: int) -> None:
    for t in (-50.0, -8.0, -3.3, -1.96, -0.5, -1e-6, 0.0, 1e-6, 0.1, 1.0, 2.2, 4.0, 12.0, 300.0,
              float("inf"), float("-inf")):
        assert abs(quantiles.t_cdf(df, t) - float(special.stdtr(df, t))) <= 1e-9, t


def test_t_quantile_outside_zero_one_is_refused() -> None:
    with pytest.raises(ValueError):
        quantiles.t_ppf(1.0, 5)


def test_importing_the_verdict_engine_and_computing_a_verdict_loads_no_scipy() -> None:
    code = (
        "import sys\n"
        "from sprintkit.engine import evidence\n"
        "from sprintkit.model.common import Target\n"
        "evidence.wilson_interval(3, 10, 0.95)\n"
        "evidence.t_interval([1.0, 2.0, 4.0], 0.95)\n"
        "evidence.p_meets_proportion(3, 10, Target.parse('>=60%'))\n"
        "evidence.p_meets_mean(2.3, 1.5, 3, Target.parse('<=4'))\n"
        "evidence.needed_n_mean(2.3, 1.5, Target.parse('<=4'), 0.95)\n"
        "print('scipy' in sys.modules, 'numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["False", "False"]
