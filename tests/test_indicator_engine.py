"""The period rule and the comparison with baseline and target (sprintkit.engine.indicators),
with the Flevoland acceleration numbers: 250 out-of-home placements a year before the approach,
about 200 children considered, 65 kept at or returned home."""

from __future__ import annotations

import pytest

from sprintkit.engine.indicators import (
    compare,
    definition_problems,
    kind_of,
    looks_like_percent,
    number,
    order_key,
    read,
    summary,
    trend,
)
from sprintkit.model.periods import parse_period
from sprintkit.model.sprint import Indicator, Measurement


def placements(**extra) -> Indicator:
    data = {"id": "uhp", "name": "Uithuisplaatsingen", "unit": "kinderen per jaar",
            "direction": "decrease", "kind": "count", "baseline": 250,
            "baseline_period": "2021", "target": 200, "target_period": "2024"}
    data.update(extra)
    return Indicator.model_validate(data)


def kept_home(**extra) -> Indicator:
    data = {"id": "thuis", "name": "Thuis gebleven of teruggegaan",
            "unit": "% van de kinderen waar het team meedacht", "direction": "increase",
            "baseline": 20, "baseline_period": "2021", "target": 40, "target_period": "2023"}
    data.update(extra)
    return Indicator.model_validate(data)


def m(period: str, **data) -> Measurement:
    return Measurement.model_validate({"period": period, **data})


# --- rule 1: a rate only from a numerator and denominator of the same period ------------------


def test_a_rate_from_numerator_and_denominator_of_one_period():
    r = read(kept_home(), m("2022", numerator=65, denominator=200))
    assert r.problem is None
    assert r.value == pytest.approx(32.5)


def test_a_rate_across_periods_is_refused_naming_both():
    r = read(kept_home(), m("2022", numerator=65, denominator=250, denominator_period="2021"))
    assert r.value is None
    assert r.problem == ("65 (2022) out of 250 (2021) is not a rate: the numerator counts 2022 "
                         "and the denominator 2021; count both over the same period")
    nl = read(kept_home(), m("2022", numerator=65, denominator=250, denominator_period="2021"),
              "nl")
    assert nl.problem.startswith("65 (2022) van 250 (2021) is geen percentage: de teller telt 2022")


def test_a_half_year_is_not_the_same_period_as_its_year():
    r = read(kept_home(), m("2022-H1", numerator=30, denominator=200, denominator_period="2022"))
    assert r.value is None and "2022-H1" in r.problem and "(2022)" in r.problem


def test_the_same_period_spelled_out_is_accepted():
    r = read(kept_home(), m("2022-Q3", numerator=12, denominator=48, denominator_period="2022-Q3"))
    assert r.problem is None and r.value == pytest.approx(25.0)


# --- rule 2: a rate is never compared with a count --------------------------------------------


def test_a_rate_recorded_on_a_count_is_refused():
    r = read(placements(), m("2022", numerator=65, denominator=200))
    assert r.value is None
    assert r.problem == (
        "65 out of 200 is a rate (32.5%), but uhp is a count (kinderen per jaar): a rate cannot "
        "be compared with its baseline of 250 (2021); record the number itself with --value, or "
        "keep the rate in an indicator of its own (kind: rate)")


def test_the_seed_example_by_hand_65_of_200_against_250_a_year():
    """No kind written, a count baseline, a numerator/denominator measurement: taken as a rate
    (every measurement is one), and then the baseline of 250 is no percentage to compare with."""
    ind = Indicator.model_validate({
        "id": "thuis", "name": "Kinderen thuis", "direction": "increase", "baseline": 250,
        "baseline_period": "2021",
        "measurements": [{"period": "2022", "numerator": 65, "denominator": 200}]})
    assert kind_of(ind) == ("rate", True)
    t = trend(ind)
    assert "baseline" in t.problems
    latest = t.latest
    assert latest.value == pytest.approx(32.5)
    assert latest.change is None and latest.progress is None and latest.status is None
    assert latest.problem.startswith("not compared: the baseline 250 is not a percentage")
    assert "a rate is not a count" in latest.problem


def test_a_rate_target_that_is_a_count_is_not_used():
    ind = kept_home(target=65)
    assert definition_problems(ind) == {}
    ind = kept_home(target=250)
    c = compare(ind, read(ind, m("2022", numerator=65, denominator=200)))
    assert c.target is None and c.target_met is None and c.progress is None
    assert c.change == pytest.approx(12.5)
    assert any("target 250 is not a percentage" in n for n in c.notes)


def test_a_rate_written_as_a_fraction_is_a_problem():
    ind = kept_home(baseline=0.2, target=0.4)
    problems = definition_problems(ind)
    assert problems["baseline"] == ("the baseline 0.2 reads as 0.2%; a rate is written in "
                                    "percent, so write 20 for 20%")
    assert "write 40 for 40%" in problems["target"]
    assert "schrijf 40 voor 40%" in definition_problems(ind, "nl")["target"]
    assert definition_problems(kept_home(baseline=0, target=1)) == {}


def test_more_than_all_is_no_rate():
    r = read(kept_home(), m("2022", numerator=210, denominator=200))
    assert r.value is None and "more than 100%" in r.problem


def test_a_rate_value_outside_0_to_100_is_refused():
    r = read(kept_home(), m("2022", value=250))
    assert r.value is None and r.problem == "250 is not a percentage between 0 and 100"


def test_value_kind_takes_no_numerator_either():
    ind = Indicator.model_validate({"id": "wacht", "name": "Wachttijd", "unit": "dagen",
                                    "direction": "decrease", "kind": "value"})
    r = read(ind, m("2022", numerator=3, denominator=10))
    assert r.value is None and "wacht is a value (dagen)" in r.problem
    assert "its other measurements" in r.problem


# --- rule 3: periods of different lengths ----------------------------------------------------


def test_a_half_year_count_is_compared_pro_rata_and_says_so():
    ind = placements()
    c = compare(ind, read(ind, m("2023-H1", value=104)))
    assert c.baseline == pytest.approx(125) and c.baseline_factor == pytest.approx(0.5)
    assert c.target == pytest.approx(100) and c.target_factor == pytest.approx(0.5)
    assert c.change == pytest.approx(-21)
    assert c.change_relative == pytest.approx(-21 / 125)
    assert c.progress == pytest.approx(21 / 25)
    assert c.status == "better" and c.good_direction is True and c.target_met is False
    assert c.notes == [
        "2023-H1 covers a half-year and the baseline (2021) a year: the baseline 250 and the "
        "target 200 are taken pro rata as 125 and 100 (assuming an even spread over time)"]


def test_a_count_over_the_baseline_length_needs_no_note():
    ind = placements()
    c = compare(ind, read(ind, m("2022", value=231)))
    assert (c.baseline, c.target, c.baseline_factor) == (250, 200, None)
    assert c.change == -19 and c.progress == pytest.approx(19 / 50)
    assert c.notes == []
    assert summary(c, "en") == "better · −19 (−7.6%) · 38% of the way to the target"
    assert summary(c, "nl") == "beter · −19 (−7,6%) · 38% van de weg naar de streefwaarde"


def test_a_target_over_another_length_is_scaled_on_its_own():
    ind = placements(target=95, target_period="2024-H2")
    c = compare(ind, read(ind, m("2022", value=231)))
    assert c.baseline == 250 and c.target == pytest.approx(190)
    assert len(c.notes) == 1 and "the target 95 is taken pro rata as 190" in c.notes[0]


def test_unknown_kind_refuses_periods_of_another_length():
    ind = placements(kind=None)
    assert kind_of(ind) == (None, True)
    c = compare(ind, read(ind, m("2023-H1", value=104)))
    assert c.change is None and c.baseline is None
    assert c.problem.startswith(
        "2023-H1 covers a half-year and the baseline (2021) a year: not compared")
    assert "kind: count" in c.problem and "kind: value" in c.problem
    same = compare(ind, read(ind, m("2022", value=231)))
    assert same.problem is None and same.change == -19


def test_value_kind_is_compared_as_is_over_any_length():
    ind = Indicator.model_validate({"id": "wacht", "name": "Wachttijd", "unit": "dagen",
                                    "direction": "decrease", "kind": "value", "baseline": 21,
                                    "baseline_period": "2025", "target": 14,
                                    "target_period": "2026-H2"})
    c = compare(ind, read(ind, m("2026-Q1", value=17.5)))
    assert (c.baseline, c.target) == (21, 14) and c.notes == []
    assert c.progress == pytest.approx(0.5)


def test_a_rate_is_compared_as_is_in_points():
    ind = kept_home()
    c = compare(ind, read(ind, m("2023-H1", numerator=26, denominator=80)))
    assert c.value == pytest.approx(32.5) and c.baseline == 20 and c.notes == []
    assert c.change == pytest.approx(12.5) and c.change_relative is None
    assert summary(c, "nl") == "beter · +12,5 pp · 62% van de weg naar de streefwaarde"
    alone = compare(kept_home(baseline=None, baseline_period=None),
                    read(ind, m("2022", numerator=65, denominator=200)))
    assert summary(alone, "en") == "7.5 pp to go to the target"


def test_a_baseline_without_period_is_said_for_a_count():
    ind = placements(baseline_period=None, target_period=None)
    c = compare(ind, read(ind, m("2023-H1", value=104)))
    assert c.change == -146
    assert c.notes[0] == ("the baseline's period is not given, so it is not known whether it "
                          "covers as long a period as 2023-H1")


def test_a_measurement_before_the_baseline_is_noted():
    ind = placements()
    c = compare(ind, read(ind, m("2020", value=262)))
    assert c.status == "worse" and c.good_direction is False
    assert "2020 lies before the baseline (2021)" in c.notes


# --- kinds, direction, order ------------------------------------------------------------------


@pytest.mark.parametrize(("unit", "expected"), [
    ("%", True), ("procent", True), ("percent of families", True), ("% van de kinderen", True),
    ("kinderen per jaar", False), ("dagen", False), (None, False), ("", False),
    ("percentielscore", False),
])
def test_percent_units(unit, expected):
    assert looks_like_percent(unit) is expected


def test_a_target_on_the_wrong_side_is_a_problem_and_gives_no_progress():
    ind = placements(target=300)
    assert definition_problems(ind)["side"] == (
        "the target 300 is above the baseline 250, but a decrease is the good direction")
    c = compare(ind, read(ind, m("2022", value=231)))
    assert c.progress is None and c.status == "better"
    assert any("above the baseline" in n for n in c.notes)


def test_unchanged_and_target_met():
    ind = placements()
    c = compare(ind, read(ind, m("2022", value=250)))
    assert c.status == "unchanged" and c.good_direction is None and c.progress == 0
    c = compare(ind, read(ind, m("2024", value=190)))
    assert c.target_met is True and c.progress == pytest.approx(1.2)


def test_trend_orders_by_period_and_the_latest_is_the_last_period():
    ind = placements(measurements=[
        {"period": "2023", "value": 205}, {"period": "2022", "value": 231},
        {"period": "2023-H1", "value": 104}])
    t = trend(ind)
    assert [c.period for c in t.comparisons] == ["2022", "2023-H1", "2023"]
    assert t.latest.period == "2023" and t.latest.change == -45
    points = t.chart_points()
    assert [(p["period"], p["value"], p["pro_rata"]) for p in points] == [
        ("2022", 231, False), ("2023-H1", 208, True), ("2023", 205, False)]
    assert t.chart_target() == 200


def test_chart_leaves_out_what_cannot_be_compared():
    ind = placements(kind=None, measurements=[
        {"period": "2022", "value": 231}, {"period": "2023-H1", "value": 104}])
    t = trend(ind)
    assert [p["period"] for p in t.chart_points()] == ["2022"]


def test_order_key():
    texts = ["2023-H2", "2023", "2023-05", "2022-Q4", "2023-H1", "2023-Q1"]
    ordered = sorted(texts, key=lambda t: order_key(parse_period(t)))
    assert ordered == ["2022-Q4", "2023-Q1", "2023-05", "2023-H1", "2023", "2023-H2"]


def test_json_has_stable_keys():
    ind = placements(measurements=[{"period": "2022", "value": 231, "source": "monitor"}])
    data = trend(ind).to_json()
    assert list(data) == ["id", "name", "unit", "kind", "kind_inferred", "direction",
                          "baseline", "baseline_period", "target", "target_period",
                          "frequency", "source", "description", "problems", "latest",
                          "measurements"]
    assert data["latest"]["change"] == -19
    assert data["measurements"][0]["source"] == "monitor"
    assert data["measurements"][0]["comparison"]["status"] == "better"


@pytest.mark.parametrize(("x", "lang", "text"), [
    (1234.5, "nl", "1.234,5"), (1234.5, "en", "1,234.5"), (32.5, "nl", "32,5"),
    (0.125, "en", "0.12"), (250.0, "nl", "250"), (-0.001, "en", "0"), (None, "en", "—"),
])
def test_numbers(x, lang, text):
    digits = 1 if x == 1234.5 else None
    assert number(x, lang, digits) == text
