"""The statistics of story shifts a manager and a statistician can trust: intervals rounded
outward, a practical threshold (stories.min_shift), and audit fields that recompute with scipy.

The tests and intervals scipy has (chi-square with and without Yates, Fisher, Mann-Whitney,
Welch, Wilson, Student-t, the Beta posterior) are recomputed with scipy; the two it has not —
Newcombe's interval for a difference of proportions and Holm's adjustment — with statsmodels
(a test extra, never a dependency of sprintkit)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from stories_support import balanced_rows, csv_text, make_sprint, method_model

from sprintkit.engine import outward
from sprintkit.engine.shiftaudit import mann_whitney, table_test, welch
from sprintkit.engine.shiftclass import shift_class
from sprintkit.engine.stories import Cube
from sprintkit.engine.storyshifts import shifts


def number(text: str) -> float:
    """A shown number back as a float (true minus, decimal comma)."""
    return float(text.replace(outward.MINUS, "-").replace(",", "."))


def flat(rows) -> list[float]:
    return [float(x) for row in rows for x in row]


def bounds(interval_shown: str) -> tuple[float, float]:
    low, high = interval_shown.strip("[]").split("; ")
    return number(low), number(high)


@pytest.fixture(scope="module")
def method():
    return method_model()


# --- outward rounding ----------------------------------------------------------------------


def test_the_issues_examples():
    # −1 [−2; 0] with a true upper bound of −0.03 pp
    assert outward.shown(-0.012, -0.024, -0.0003, "nl") == ("−1", "[−3; −0,03]")
    # [−0.36 pp, +16 pp] printed as [0; +16]
    assert outward.shown(0.079, -0.0036, 0.16, "nl") == ("+8", "[−1; +16]")
    # the issue's own example, with one decimal
    assert outward.shown(-0.012, -0.024, -0.0003, "nl", decimals=1) == (
        "−1,2", "[−2,4; −0,03]")
    assert outward.shown(-0.012, -0.024, -0.0003, "en", decimals=1) == (
        "−1.2", "[−2.4; −0.03]")
    # a clear shift whose estimate rounds to 0 shows its sign too
    assert outward.shown(0.004, 0.0001, 0.008, "en") == ("+0.4", "[+0.01; +1]")


def test_a_bound_is_never_rounded_inward():
    # 2.01 pp lower bound: to the nearest gives 2; outward gives 2 (floor) — and 2.99 gives 2
    assert bounds(outward.shown(0.03, 0.0299, 0.0401, "en")[1]) == (2, 5)
    assert outward.text(outward.outward(-0.0, 0.0)[0], "nl") == "0"  # never "−0"


intervals = st.tuples(
    st.floats(-1, 1, allow_nan=False), st.floats(-1, 1, allow_nan=False),
    st.floats(0, 1, allow_nan=False),
).map(lambda t: (min(t[0], t[1]), max(t[0], t[1]), t[2]))


@settings(max_examples=400, deadline=None)
@given(intervals, st.sampled_from(["nl", "en"]), st.integers(0, 2))
def test_shown_interval_contains_the_true_one_and_a_clear_one_never_shows_zero(
        interval, lang, decimals):
    low, high, where = interval
    difference = low + (high - low) * where
    shown_d, shown_i = outward.shown(difference, low, high, lang, decimals=decimals)
    lo, hi = bounds(shown_i)
    assert lo <= low * 100 + 1e-9 and hi >= high * 100 - 1e-9  # contains the true interval
    if (low > 1e-12 or high < -1e-12) and max(abs(low), abs(high)) > 0:
        assert lo != 0 and hi != 0  # a clear shift never shows 0 as a bound
        assert (lo > 0) == (low > 0) and (hi < 0) == (high < 0)
        assert number(shown_d) != 0 or difference == 0
    if lang == "nl":
        assert "." not in shown_i
    assert "-" not in shown_i and "−0 " not in shown_i + " "


# --- the threshold -------------------------------------------------------------------------


def test_shift_classes():
    assert shift_class(True, -7.0, 5) == "clear_large"
    assert shift_class(True, 5.0, 5) == "clear_large"  # the threshold itself matters
    assert shift_class(True, 4.99, 5) == "clear_small"
    assert shift_class(False, 30.0, 5) == "not_clear"
    assert shift_class(True, 0.5, 0) == "clear_large"
    assert shift_class(True, None, 5) is None


@pytest.mark.parametrize(("difference", "min_shift", "shown", "cls"), [
    (0.0496, 5, "+4,96", "clear_small"),  # "+5" beside "klein: less than 5" would contradict
    (0.0449, 5, "+4", "clear_small"),
    (0.0504, 5, "+5", "clear_large"),
    (-0.0496, 5, "−4,96", "clear_small"),
    (0.0245, 2.45, "+2,5", "clear_large"),  # "+2" would read as below 2.45
    (0.0496, 5, "+5", None),  # not flagged: no class to keep apart, the usual rounding
])
def test_a_classed_difference_shows_the_side_of_the_threshold_it_is_on(difference, min_shift,
                                                                        shown, cls):
    from sprintkit.engine.shiftclass import classify_answer

    answer = {"difference": difference, "interval": [difference - 0.02, difference + 0.02],
              "shift": ("up" if difference > 0 else "down") if cls else None}
    classify_answer(answer, "nl", min_shift)
    assert answer["shift_class"] == (cls or "not_clear")
    assert answer["difference_shown"] == shown
    # the interval keeps its own rounding: outward, whole points unless a bound is near 0
    lo, hi = bounds(answer["interval_shown"])
    assert lo <= (difference - 0.02) * 100 + 1e-9 and hi >= (difference + 0.02) * 100 - 1e-9
    if min(abs(difference - 0.02), abs(difference + 0.02)) >= 0.01:
        assert "," not in answer["interval_shown"]


def test_the_marks_are_the_terminals():
    from sprintkit.engine.shiftclass import mark, marks

    assert marks("nl") == {"up": "▲ omhoog", "down": "▼ omlaag", "up_small": "△ omhoog, klein",
                           "down_small": "▽ omlaag, klein"}
    assert marks("en")["down_small"] == mark("down", "clear_small", "en")


def _emotie_cube(h1: tuple[int, int], h2: tuple[int, int]) -> Cube:
    cube = Cube()
    for p, (a, b) in (("2025-H1", h1), ("2025-H2", h2)):
        cube.stories[(p, "ouders", "")] = a + b
        cube.answered[(p, "ouders", "", "emotie")] = a + b
        cube.counts[(p, "ouders", "", "emotie", "blij")] = a
        cube.counts[(p, "ouders", "", "emotie", "boos")] = b
    return cube


def _emotie(result):
    return next(s for s in result["signifiers"] if s["id"] == "emotie")


def test_large_n_small_shift_is_clear_but_small(method):
    # 10,000 stories per period, 50% → 52% happy: clear, but 2 pp is below 5
    cube = _emotie_cube((5000, 5000), (5200, 4800))
    result = shifts(cube, method, period_from="2025-H1", period_to="2025-H2", min_cell=5,
                    lang="nl")
    blij = {a["id"]: a for a in _emotie(result)["answers"]}["blij"]
    assert blij["shift"] == "up" and blij["shift_class"] == "clear_small"
    assert result["min_shift"] == 5.0 and result["class_labels"]["clear_small"]
    lo, hi = bounds(blij["interval_shown"])
    assert 0 < lo <= blij["interval"][0] * 100 and hi >= blij["interval"][1] * 100
    # with min_shift 1 the same shift matters; with 0, every clear shift does
    for min_shift in (1, 0):
        again = shifts(cube, method, period_from="2025-H1", period_to="2025-H2", min_cell=5,
                       lang="nl", min_shift=min_shift)
        assert {a["id"]: a for a in _emotie(again)["answers"]}["blij"]["shift_class"] == \
            "clear_large"
    not_clear = shifts(_emotie_cube((50, 50), (52, 48)), method, period_from="2025-H1",
                       period_to="2025-H2", min_cell=5, lang="nl")
    assert {a["id"]: a for a in _emotie(not_clear)["answers"]}["blij"]["shift_class"] == \
        "not_clear"


def test_min_shift_in_sprint_yaml_reaches_the_cli(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s", "stories:\n  min_shift: 50\n")
    rows = balanced_rows({"2025-03-01": 40}, emotie="boos")
    rows += balanced_rows({"2025-03-02": 20}, emotie="blij")
    rows += balanced_rows({"2025-09-01": 15}, emotie="boos")
    rows += balanced_rows({"2025-09-02": 45}, emotie="blij")
    (tmp_path / "s.csv").write_text(csv_text(rows), encoding="utf-8")
    assert cli("stories", "import", tmp_path / "s.csv", "-s", sprint).exit_code == 0
    args = ("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to", "2025-H2")
    data = json.loads(cli(*args, "--format", "json").stdout)
    blij = {a["id"]: a for a in _emotie(data)["answers"]}["blij"]
    assert data["min_shift"] == 50 and blij["shift"] == "up"
    assert blij["shift_class"] == "clear_small"  # +41.7 pp, below the sprint's 50
    text = cli(*args).stdout
    assert "△ omhoog, klein" in text and "▲ omhoog" not in text
    assert "minder dan 50 procentpunt" in text
    assert f"{blij['difference_shown']} {blij['interval_shown']}" in text
    assert "95%-interval" in text


@pytest.mark.parametrize("value", ["150", "-1", "true", "veel", ".nan"])
def test_bad_min_shift_is_a_located_error(cli, tmp_path, value):
    sprint = make_sprint(tmp_path / "s", f"stories:\n  min_shift: {value}\n")
    res = cli("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to", "2025-H2")
    assert res.exit_code == 1, res.stderr
    assert "min_shift" in res.stderr and "sprint.yaml:" in res.stderr
    assert "Traceback" not in res.stderr


# --- audit fields, recomputed with scipy ---------------------------------------------------


def test_two_by_two_chi_square_uses_yates_and_says_so():
    table = [[30, 50], [70, 50]]
    test = table_test(table)
    chi2, p, dof, expected = stats.chi2_contingency(table, correction=True)
    assert test["yates"] is True and "Yates" in test["method"]
    assert (test["statistic"], test["p"], test["df"]) == pytest.approx((chi2, p, dof))
    assert flat(test["expected"]) == pytest.approx(flat(expected))
    plain = stats.chi2_contingency(table, correction=False)
    assert plain.pvalue < test["p"]  # without Yates the p would have been smaller
    larger = table_test([[30, 50], [40, 30], [30, 20]])
    ref = stats.chi2_contingency([[30, 50], [40, 30], [30, 20]])
    assert larger["yates"] is False and "no continuity correction" in larger["method"]
    assert (larger["statistic"], larger["p"], larger["df"]) == pytest.approx(
        (ref.statistic, ref.pvalue, ref.dof))
    assert flat(larger["expected"]) == pytest.approx(flat(ref.expected_freq))


def test_fisher_for_a_small_two_by_two():
    test = table_test([[3, 0], [2, 6]])
    assert test["name"] == "fisher" and "Fisher" in test["method"]
    assert test["p"] == pytest.approx(stats.fisher_exact([[3, 0], [2, 6]])[1])
    assert min(min(r) for r in test["expected"]) < 5


def test_mann_whitney_says_which_u():
    counts1 = {"1": 5, "2": 10, "3": 20, "4": 10, "5": 5}
    counts2 = {"1": 2, "2": 6, "3": 18, "4": 16, "5": 8}
    test = mann_whitney(counts1, counts2)
    x = [float(v) for v, n in counts1.items() for _ in range(n)]
    y = [float(v) for v, n in counts2.items() for _ in range(n)]
    ref = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")
    assert test["u_of"] == "from" and test["mode"] == "asymptotic" and test["continuity"]
    assert (test["statistic"], test["p"]) == pytest.approx((ref.statistic, ref.pvalue))
    assert test["u_other"] == pytest.approx(len(x) * len(y) - ref.statistic)
    assert test["n_from"] == 50 and test["n_to"] == 50
    exact = mann_whitney({"1": 1, "2": 1, "3": 1}, {"4": 1, "5": 1, "6": 1, "7": 1})
    assert exact["mode"] == "exact" and exact["p"] == pytest.approx(
        stats.mannwhitneyu([1, 2, 3], [4, 5, 6, 7], method="exact").pvalue)


def test_welch_df_and_standard_error():
    x = [1.0, 2, 2, 3, 3, 3, 4, 5, 5]
    y = [2.0, 3, 4, 4, 5, 5, 5, 5, 4, 3, 4]
    found = welch(len(x), sum(x), sum(v * v for v in x), len(y), sum(y),
                  sum(v * v for v in y), 0.95)
    ref = stats.ttest_ind(y, x, equal_var=False)
    ci = ref.confidence_interval(0.95)
    assert found["df"] == pytest.approx(ref.df)
    assert found["se"] == pytest.approx((sum(y) / len(y) - sum(x) / len(x)) / ref.statistic)
    assert (found["low"], found["high"]) == pytest.approx((ci.low, ci.high))
    assert found["sd_from"] == pytest.approx(stats.tstd(x))
    assert found["t"] == pytest.approx(stats.t.ppf(0.975, ref.df))


def _holm(ps: list[float]) -> list[float]:
    """Holm's adjustment written out independently of the product's."""
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    out = [0.0] * len(ps)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(ps) - rank) * ps[i]))
        out[i] = running
    return out


def _thema_cube(chosen1: dict[str, int], chosen2: dict[str, int], n: int = 100) -> Cube:
    cube = Cube()
    for p, chosen in (("2025-H1", chosen1), ("2025-H2", chosen2)):
        cube.stories[(p, "ouders", "")] = n
        cube.answered[(p, "ouders", "", "thema")] = n
        for option, k in chosen.items():
            cube.counts[(p, "ouders", "", "thema", option)] = k
    return cube


THEMA = _thema_cube({"wachttijd": 30, "contact": 50, "veiligheid": 20},
                    {"wachttijd": 50, "contact": 50, "veiligheid": 20})


def test_raw_and_holm_adjusted_p_per_option(method):
    result = shifts(THEMA, method, period_from="2025-H1", period_to="2025-H2", min_cell=5,
                    lang="en")
    thema = next(s for s in result["signifiers"] if s["id"] == "thema")
    options = {o["id"]: o for o in thema["test"]["options"]}
    raw = {}
    for option, (k1, k2) in {"wachttijd": (30, 50), "contact": (50, 50),
                             "veiligheid": (20, 20)}.items():
        ref = stats.chi2_contingency([[k1, k2], [100 - k1, 100 - k2]], correction=True)
        assert options[option]["p"] == pytest.approx(ref.pvalue)
        assert options[option]["yates"] is True
        assert flat(options[option]["expected"]) == pytest.approx(flat(ref.expected_freq))
        raw[option] = ref.pvalue
    assert options["samenwerking"]["p"] is None  # nobody chose it: not in the family
    family = ["wachttijd", "contact", "veiligheid"]
    assert thema["test"]["holm"]["family"] == family
    for option, p_adj in zip(family, _holm([raw[o] for o in family]), strict=True):
        assert options[option]["p_adjusted"] == pytest.approx(p_adj)
    assert thema["test"]["p"] == pytest.approx(min(_holm(list(raw.values()))))
    assert result["holm"]["family"] == ["thema"]  # the only signifier with a test
    assert result["interval_method"].startswith("Newcombe")


def test_alpha_reaches_the_options_and_the_interval_level(method):
    common = dict(period_from="2025-H1", period_to="2025-H2", min_cell=5, lang="en")
    at05 = shifts(THEMA, method, alpha=0.05, **common)
    at01 = shifts(THEMA, method, alpha=0.01, **common)

    def wachttijd(result):
        thema = next(s for s in result["signifiers"] if s["id"] == "thema")
        option = next(o for o in thema["test"]["options"] if o["id"] == "wachttijd")
        answer = next(a for a in thema["answers"] if a["id"] == "wachttijd")
        return option, answer

    option05, answer05 = wachttijd(at05)
    option01, answer01 = wachttijd(at01)
    assert 0.01 < option05["p_adjusted"] < 0.05
    assert option05["clear"] and answer05["shift"] == "up"
    assert not option01["clear"] and answer01["shift"] is None
    assert at01["confidence"] == pytest.approx(0.99)
    assert answer01["interval"][0] < answer05["interval"][0]  # the 99% interval is wider
    z = stats.norm.ppf(0.995)
    w1 = _wilson(30, 100, z)
    w2 = _wilson(50, 100, z)
    lower = 0.2 - math.sqrt((0.5 - w2[0]) ** 2 + (w1[1] - 0.3) ** 2)
    assert answer01["interval"][0] == pytest.approx(lower)  # Newcombe at 99%
    assert "99% interval" in at01["method_note"] and "below 0.01" in at01["method_note"]


def _wilson(k: int, n: int, z: float) -> tuple[float, float]:
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=2 * stats.norm.cdf(z) - 1,
                                              method="wilson")
    return ci.low, ci.high


def _both_cube() -> Cube:
    """Emotion (a choice) and theme (a multichoice) in one cube: two signifiers with a test."""
    cube = _thema_cube({"wachttijd": 30, "contact": 50, "veiligheid": 20},
                       {"wachttijd": 50, "contact": 44, "veiligheid": 9}, n=120)
    emotie = _emotie_cube((70, 50), (88, 32))
    for part in ("answered", "counts"):
        getattr(cube, part).update(getattr(emotie, part))
    return cube


@pytest.mark.parametrize("alpha", [0.05, 0.01, 0.2])
def test_newcombe_intervals_agree_with_statsmodels(method, alpha):
    from statsmodels.stats.proportion import confint_proportions_2indep

    result = shifts(_both_cube(), method, period_from="2025-H1", period_to="2025-H2",
                    min_cell=5, lang="en", alpha=alpha)
    assert result["confidence"] == pytest.approx(1 - alpha)
    compared = 0
    for sig in result["signifiers"]:
        n_from, n_to = sig["n_from"], sig["n_to"]
        for a in sig["answers"]:
            if a["interval"] is None:
                continue
            k_from, k_to = a["from"]["count"], a["to"]["count"]
            low, high = confint_proportions_2indep(k_to, n_to, k_from, n_from, method="newcomb",
                                                   compare="diff", alpha=alpha)
            assert a["interval"] == pytest.approx([low, high], abs=1e-12), (sig["id"], a["id"])
            assert a["difference"] == pytest.approx(k_to / n_to - k_from / n_from)
            compared += 1
    assert compared >= 5


def test_holm_adjustments_agree_with_statsmodels(method):
    from statsmodels.stats.multitest import multipletests

    result = shifts(_both_cube(), method, period_from="2025-H1", period_to="2025-H2",
                    min_cell=5, lang="en")
    sigs = {s["id"]: s for s in result["signifiers"]}
    # within the multichoice signifier: its options
    test = sigs["thema"]["test"]
    family = test["holm"]["family"]
    options = {o["id"]: o for o in test["options"]}
    raw = [options[o]["p"] for o in family]
    reject, adjusted, _, _ = multipletests(raw, alpha=0.05, method="holm")
    assert [options[o]["p_adjusted"] for o in family] == pytest.approx(list(adjusted))
    assert [options[o]["clear"] for o in family] == list(reject)
    assert test["p"] == pytest.approx(min(adjusted))
    # across the signifiers: each signifier's p (for the multichoice: its smallest adjusted p)
    across = result["holm"]["family"]
    assert set(across) == {"emotie", "thema"}
    _, adjusted, _, _ = multipletests([sigs[s]["test"]["p"] for s in across], method="holm")
    assert [sigs[s]["test"]["p_adjusted"] for s in across] == pytest.approx(list(adjusted))


def test_alpha_option_on_the_cli(cli, tmp_path):
    sprint = make_sprint(tmp_path / "s")
    rows = balanced_rows({"2025-03-01": 40}, emotie="boos")
    rows += balanced_rows({"2025-03-02": 20}, emotie="blij")
    rows += balanced_rows({"2025-09-01": 15}, emotie="boos")
    rows += balanced_rows({"2025-09-02": 45}, emotie="blij")
    (tmp_path / "s.csv").write_text(csv_text(rows), encoding="utf-8")
    cli("stories", "import", tmp_path / "s.csv", "-s", sprint)
    args = ("stories", "shifts", "-s", sprint, "--from", "2025-H1", "--to", "2025-H2",
            "--alpha", "0.01")
    data = json.loads(cli(*args, "--format", "json").stdout)
    assert data["alpha"] == 0.01 and data["confidence"] == pytest.approx(0.99)
    emotie = _emotie(data)
    # only two answers were given: a 2×2 table, so Yates's correction, said in the output
    assert emotie["test"]["yates"] is True and emotie["test"]["rows"] == ["blij", "boos"]
    ref = stats.chi2_contingency([[20, 45], [40, 15]], correction=True)
    assert emotie["test"]["table"] == [[20, 45], [40, 15]]
    assert emotie["test"]["statistic"] == pytest.approx(ref.statistic)
    assert "99%-interval" in cli(*args).stdout


def test_audit_fields_go_with_hidden_counts(method):
    # 3 angry stories in H1: hidden, so the table, the expected counts and the statistic go
    result = shifts(_emotie_cube((40, 3), (30, 30)), method, period_from="2025-H1",
                    period_to="2025-H2", min_cell=5, lang="en")
    emotie = _emotie(result)
    assert emotie["test"]["statistic"] is None
    assert emotie["test"]["table"] is None and emotie["test"]["expected"] is None
    boos = {a["id"]: a for a in emotie["answers"]}["boos"]
    assert boos["interval_shown"] is None and boos["shift_class"] is None


# --- verdicts ------------------------------------------------------------------------------


def test_verdict_audit_recomputes_with_scipy(cli, tmp_path):
    from evidence_support import as_json, ok
    from evidence_support import make_sprint as evidence_sprint

    folder = evidence_sprint(tmp_path / "v")
    ok(cli("hypothesis", "add", "-s", folder, "--statement", "p", "--metric", "m",
           "--target", ">=70%"))
    ok(cli("evidence", "add", "H1", "-s", folder, "--successes", 9, "--trials", 12))
    ok(cli("hypothesis", "add", "-s", folder, "--statement", "m", "--metric", "dagen",
           "--target", "<=14"))
    values = [10.0, 12.5, 16.0, 9.0, 13.0]
    ok(cli("evidence", "add", "H2", "-s", folder, *[a for v in values for a in ("--value", v)]))
    prop, mean = as_json(cli("verdict", "-s", folder, "--format", "json"))

    audit = prop["audit"]
    assert audit["interval"]["method"].startswith("Wilson")
    z = audit["interval"]["z"]
    assert z == pytest.approx(stats.norm.ppf(0.975))
    assert (prop["ci_low"], prop["ci_high"]) == pytest.approx(_wilson(9, 12, z))
    post = audit["posterior"]
    assert "Beta(1, 1)" in post["method"] and (post["a"], post["b"]) == (10, 4)
    assert prop["p_meets_target"] == pytest.approx(stats.beta(10, 4).sf(0.7))

    audit = mean["audit"]
    sd = stats.tstd(values)
    se = sd / math.sqrt(len(values))
    assert audit["sd"] == pytest.approx(sd) and audit["interval"]["se"] == pytest.approx(se)
    assert audit["interval"]["df"] == 4 and audit["interval"]["method"].startswith("Student-t")
    t = stats.t.ppf(0.975, 4)
    assert audit["interval"]["t"] == pytest.approx(t)
    avg = sum(values) / len(values)
    assert (mean["ci_low"], mean["ci_high"]) == pytest.approx((avg - t * se, avg + t * se))
    assert mean["p_meets_target"] == pytest.approx(stats.t(4, loc=avg, scale=se).cdf(14))


def test_dashboard_data_carries_the_classes_and_the_shown_intervals(cli, tmp_path):
    from sprintkit.ops.stories import context
    from sprintkit.ops.storyviews import dashboard_data

    sprint = make_sprint(tmp_path / "s", "stories:\n  min_shift: 50\n")
    rows = balanced_rows({"2025-03-01": 40}, emotie="boos")
    rows += balanced_rows({"2025-09-02": 45}, emotie="blij")
    rows += balanced_rows({"2025-03-02": 20}, emotie="blij")
    rows += balanced_rows({"2025-09-01": 15}, emotie="boos")
    (tmp_path / "s.csv").write_text(csv_text(rows), encoding="utf-8")
    assert cli("stories", "import", tmp_path / "s.csv", "-s", sprint).exit_code == 0
    data = dashboard_data(context(sprint, "en"), quote_limit=0)
    assert data["min_shift"] == 50
    view = data["shifts"]["2025-H1|2025-H2|"]
    assert view["interval_heading"] == "95% interval"
    assert view["class_labels"] == {"clear_large": "clear shift",
                                    "clear_small": "clear but small", "not_clear": "not clear"}
    assert "less than 50 percentage points" in view["small_note"]
    blij = {a["id"]: a for a in _emotie(view)["answers"]}["blij"]
    assert blij["shift_class"] == "clear_small"
    assert blij["difference_shown"] == "+42"
    lo, hi = bounds(blij["interval_shown"])
    assert lo <= blij["interval"][0] * 100 and hi >= blij["interval"][1] * 100
