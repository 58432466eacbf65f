"""The stories engine: reading answers, suppression, compositions, intervals and tests."""

from __future__ import annotations

import math

import pytest
from stories_support import method_model

from sprintkit.engine.stories import (
    MIXED,
    AnswerError,
    AnswerReader,
    Cube,
    composition,
    hide_cells,
    read_consent,
    read_date,
    summarise,
    triad_logs,
)
from sprintkit.engine.storyshifts import holm, newcombe, shifts, table_test, welch, wilson


@pytest.fixture(scope="module")
def method():
    return method_model()


def sig(method, sid):
    return next(s for s in method.signifiers if s.id == sid)


# --- reading answers -----------------------------------------------------------------------


def test_choice_by_id_or_label_any_case(method):
    reader = AnswerReader(sig(method, "emotie"))
    assert reader.read("blij") == [("blij", None, None, None, None)]
    assert reader.read(" BOOS ") == [("boos", None, None, None, None)]
    assert reader.read("happy") == [("blij", None, None, None, None)]  # the English label
    assert reader.read("") == []
    with pytest.raises(AnswerError, match="onbekend antwoord 'woest'.*blij, boos"):
        reader.read("woest")


def test_multichoice_separated_by_bar_or_semicolon(method):
    reader = AnswerReader(sig(method, "thema"))
    assert [r[0] for r in reader.read("wachttijd|contact")] == ["wachttijd", "contact"]
    assert [r[0] for r in reader.read("contact; veiligheid ;contact")] == ["contact", "veiligheid"]


def test_scale_range_and_decimal_comma(method):
    reader = AnswerReader(sig(method, "tevreden"))
    assert reader.read("3,5") == [("3.5", 3.5, None, None, None)]
    with pytest.raises(AnswerError, match="buiten de schaal 1 tot en met 5"):
        reader.read("7")
    with pytest.raises(AnswerError, match="geen getal"):
        reader.read("heel")


def test_triad_weights_normalised(method):
    reader = AnswerReader(sig(method, "balans"))
    ((region, _, a, b, c),) = reader.read("60/30/10")
    assert region == "gezin" and (a, b, c) == pytest.approx((0.6, 0.3, 0.1))
    ((region, *_),) = reader.read("0.4/0.35/0.25")
    assert region == MIXED
    for bad, message in (("60/30", "geen triade"), ("50/30/10", "tellen op tot 90"),
                         ("a/b/c", "moeten getallen zijn"), ("-10/60/50", "negatief")):
        with pytest.raises(AnswerError, match=message):
            reader.read(bad)


def test_long_values_are_not_echoed(method):
    reader = AnswerReader(sig(method, "emotie"))
    secret = "Mijn buurvrouw Annelies vertelde dat haar zoon weer thuis woont"
    with pytest.raises(AnswerError) as info:
        reader.read(secret)
    assert "Annelies" not in str(info.value) and "niet getoond" in str(info.value)


def test_dates_and_consent():
    assert read_date("2026-03-15").isoformat() == "2026-03-15"
    assert read_date("15-03-2026").isoformat() == "2026-03-15"
    assert read_date("15/3/2026 10:30").isoformat() == "2026-03-15"
    assert read_date("2026-03-15 10:30:00").isoformat() == "2026-03-15"
    with pytest.raises(AnswerError):
        read_date("31-02-2026")
    assert read_consent("Ja") and read_consent("yes") and not read_consent("")
    assert not read_consent("nee")
    with pytest.raises(AnswerError):
        read_consent("misschien")


# --- suppression ---------------------------------------------------------------------------


def test_small_cells_hidden_and_single_hidden_cell_protected():
    shown, second = hide_cells({"a": 3, "b": 0, "c": 10, "d": 20}, 33, 5, exclusive=True)
    assert shown == {"a": None, "b": 0, "c": None, "d": 20}
    assert second == {"c"}  # otherwise a = 33 - 0 - 10 - 20
    shown, second = hide_cells({"a": 3, "b": 2, "c": 10}, 15, 5, exclusive=True)
    assert shown == {"a": None, "b": None, "c": 10} and not second


def test_multichoice_hides_near_total_counts():
    shown, _ = hide_cells({"a": 18, "b": 10}, 20, 5, exclusive=False)
    assert shown == {"a": None, "b": 10}  # 2 storytellers did not choose a


def test_summary_suppresses_small_groups(method):
    cube = Cube()
    for persp, n in (("ouders", 12), ("team", 3)):
        cube.stories[("2025-H1", persp, "")] = n
        cube.answered[("2025-H1", persp, "", "emotie")] = n
        cube.counts[("2025-H1", persp, "", "emotie", "blij")] = n
    result = summarise(cube, method, by=["perspective"], min_cell=5, lang="nl")
    groups = {g["key"]: g for g in result["groups"]}
    assert groups[""]["stories"] == 15
    assert groups["team"]["shown"] == "*" and groups["team"]["stories"] is None
    # the only other group is hidden too, or team = 15 - ouders
    assert groups["ouders"]["stories"] is None and groups["ouders"]["shown"] == "*"
    emotie = next(s for s in result["signifiers"] if s["id"] == "emotie")
    assert emotie["columns"]["team"]["counts"]["blij"] is None
    assert emotie["columns"]["team"]["shares"]["blij"] is None
    assert emotie["columns"][""]["counts"]["blij"] == 15


# --- compositions --------------------------------------------------------------------------


def test_composition_is_closed_geometric_mean():
    answers = [(0.6, 0.3, 0.1), (0.2, 0.2, 0.6)]
    sums = [sum(triad_logs(*a)[i] for a in answers) for i in range(3)]
    comp = composition(2, tuple(sums))
    geo = [math.sqrt(0.6 * 0.2), math.sqrt(0.3 * 0.2), math.sqrt(0.1 * 0.6)]
    assert comp == pytest.approx([g / sum(geo) for g in geo])
    assert sum(comp) == pytest.approx(1)


# --- intervals and tests -------------------------------------------------------------------


def test_wilson_matches_the_brief():
    lo, hi = wilson(9, 12)
    assert (round(lo, 3), round(hi, 3)) == (0.468, 0.911)


def test_newcombe_matches_published_example():
    # Newcombe (1998), example (a): 56/70 vs 48/80, method 10 -> 0.0524 to 0.3339
    d, lo, hi = newcombe(48, 80, 56, 70)
    assert d == pytest.approx(0.2)
    assert (round(lo, 4), round(hi, 4)) == (0.0524, 0.3339)


def test_welch_interval():
    # values 1,2,3 vs 4,5,6: difference 3, se = sqrt(1/3 + 1/3), df = 4
    d, lo, hi = welch(3, 6, 14, 3, 15, 77)
    assert d == pytest.approx(3)
    assert (hi - lo) / 2 == pytest.approx(2.776445 * math.sqrt(2 / 3), rel=1e-4)


def test_holm():
    assert holm([0.01, 0.04, 0.03, None]) == [0.03, 0.06, 0.06, None]


def test_table_test_picks_an_honest_test():
    assert table_test([[30, 10], [10, 30]])["name"] == "chi-square"
    assert table_test([[3, 0], [2, 6]])["name"] == "fisher"
    many = table_test([[1, 2], [1, 0], [2, 1], [30, 30]])
    assert many["name"] == "none" and many["reason"] == "expected_low" and many["p"] is None
    assert table_test([[10, 12], [0, 0]])["reason"] == "no_variation"


def _cube_two_periods(a1: int, b1: int, a2: int, b2: int) -> Cube:
    cube = Cube()
    for p, (a, b) in (("2025-H1", (a1, b1)), ("2025-H2", (a2, b2))):
        cube.stories[(p, "ouders", "")] = a + b
        cube.answered[(p, "ouders", "", "emotie")] = a + b
        cube.counts[(p, "ouders", "", "emotie", "blij")] = a
        cube.counts[(p, "ouders", "", "emotie", "boos")] = b
    return cube


def test_shift_flagged_only_when_supported(method):
    strong = shifts(_cube_two_periods(20, 60, 60, 20), method, period_from="2025-H1",
                    period_to="2025-H2", min_cell=5, lang="en")
    emotie = next(s for s in strong["signifiers"] if s["id"] == "emotie")
    assert emotie["shifted"] and not emotie["small_sample"]
    flags = {a["id"]: a["shift"] for a in emotie["answers"]}
    assert flags == {"blij": "up", "boos": "down", "verdrietig": None, "neutraal": None}

    weak = shifts(_cube_two_periods(10, 12, 13, 9), method, period_from="2025-H1",
                  period_to="2025-H2", min_cell=5, lang="en")
    emotie = next(s for s in weak["signifiers"] if s["id"] == "emotie")
    assert not emotie["shifted"]
    assert emotie["small_sample"] and "small sample: read with care" in emotie["notes"]
    assert all(a["shift"] is None for a in emotie["answers"])


def test_shift_below_min_cell_is_not_tested(method):
    result = shifts(_cube_two_periods(2, 1, 40, 30), method, period_from="2025-H1",
                    period_to="2025-H2", min_cell=5, lang="nl")
    emotie = next(s for s in result["signifiers"] if s["id"] == "emotie")
    assert emotie["test"]["reason"] == "too_few" and emotie["test"]["p"] is None
    assert emotie["n_from"] is None and emotie["n_from_shown"] == "*"
    assert all(a["from"]["count"] is None and a["shift"] is None for a in emotie["answers"])
