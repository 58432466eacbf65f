"""Disclosure control: the LP audit on hand-made tables with known answers, and suppression
that passes it (sprintkit.engine.disclosure)."""

from __future__ import annotations

import math

import pytest

from sprintkit.engine.disclosure import Constraint, audit, passes, protect


def _sum(total: str, parts: list[str]) -> Constraint:
    coefs = {p: 1.0 for p in parts}
    coefs[total] = -1.0
    return Constraint(coefs, 0.0, 0.0)


def test_a_margin_reveals_a_single_hidden_cell():
    # alle 8 = H1 6 + H2 (hidden): H2 is exactly 2
    cells = {"all": 8, "h1": 6, "h2": None}
    assert audit(cells, [_sum("all", ["h1", "h2"])]) == {"h2": (2.0, 2.0)}
    # with H1 hidden as well, H2 can be anything from 0 to 8
    cells["h1"] = None
    found = audit(cells, [_sum("all", ["h1", "h2"])])
    assert found["h2"] == (0.0, 8.0) and passes(found["h2"], 5)
    assert not passes((2.0, 2.0), 5)


def test_mean_and_n_solve_two_hidden_levels():
    # a scale 1..5: n = 32 visible, levels 1 and 3 hidden (true 2 and 10), mean published
    counts = {"1": 2, "2": 0, "3": 10, "4": 10, "5": 10}
    mean = sum(int(k) * v for k, v in counts.items()) / 32
    cells: dict[str, int | None] = {f"c{k}": v for k, v in counts.items()}
    cells.update(c1=None, c3=None, n=32)
    column = _sum("n", [f"c{k}" for k in counts])
    without = audit(cells, [column])
    assert without["c1"] == (0.0, 12.0)  # c1 + c3 = 12: a wide interval
    with_mean = Constraint({f"c{k}": int(k) - mean for k in counts}, -1e-9, 1e-9)
    found = audit(cells, [column, with_mean])
    assert found["c1"] == pytest.approx((2.0, 2.0)) and found["c3"] == pytest.approx((10, 10))


def test_cross_tab_minus_its_margins():
    # 2 periods x 2 perspectives with all margins; one hidden cell is pinned, a rectangle not
    table = {("a", "x"): 3, ("a", "y"): 20, ("b", "x"): 15, ("b", "y"): 12}
    cells: dict[str, int | None] = {f"{p}{v}": n for (p, v), n in table.items()}
    cells.update(a=23, b=27, x=18, y=32, all=50)
    rules = [_sum("a", ["ax", "ay"]), _sum("b", ["bx", "by"]), _sum("x", ["ax", "bx"]),
             _sum("y", ["ay", "by"]), _sum("all", ["a", "b"])]
    cells["ax"] = None
    assert audit(cells, rules)["ax"] == (3.0, 3.0)
    for k in ("ay", "bx", "by"):
        cells[k] = None
    found = audit(cells, rules)
    # ax can move by t with ay, bx -t and by +t: 0 <= ax <= min(23, 18)
    assert found["ax"] == (0.0, 18.0)


def test_unpublished_inner_cells_are_unknowns():
    # margins by period and by perspective, no cross-tab: the cross cells are free unknowns
    cells = {"a": 23, "b": 27, "x": None, "y": 32}
    rules = [_sum("a", ["ax", "ay"]), _sum("b", ["bx", "by"]), _sum("x", ["ax", "bx"]),
             _sum("y", ["ay", "by"])]
    # x = a + b - y = 18, whatever the inner cells
    assert audit(cells, rules)["x"] == (18.0, 18.0)


def test_a_cell_in_no_relation_is_unbounded():
    assert audit({"lonely": None}, []) == {"lonely": (0.0, math.inf)}


def test_protect_chooses_the_complement_within_the_relation():
    # two rows; the small cell is in row r1, so its complement must come from r1 (or its
    # column), never from the unrelated row r2 that merely holds the smallest cell
    values = {"r1a": 3, "r1b": 30, "r1": 33, "r2a": 5, "r2b": 6, "r2": 11}
    rules = [_sum("r1", ["r1a", "r1b"]), _sum("r2", ["r2a", "r2b"])]
    result = protect(values, rules, 5, primary={"r1a"})
    assert "r1b" in result.hidden or "r1" in result.hidden
    assert not {"r2a", "r2b", "r2"} & result.hidden
    shown = {k: (None if k in result.hidden else v) for k, v in values.items()}
    assert all(passes(iv, 5) for iv in audit(shown, rules).values())


def test_protect_withholds_a_mean_that_pins_hidden_cells():
    counts = {"1": 2, "2": 0, "3": 10, "4": 10, "5": 10}
    mean = sum(int(k) * v for k, v in counts.items()) / 32
    values = {f"c{k}": v for k, v in counts.items()} | {"n": 32}
    rules = [_sum("n", [f"c{k}" for k in counts]),
             Constraint({f"c{k}": int(k) - mean for k in counts}, -1e-9, 1e-9, tag="mean")]
    result = protect(values, rules, 5, primary={"c1"})
    assert "mean" in result.withheld
    shown = {k: (None if k in result.hidden else v) for k, v in values.items()}
    found = audit(shown, rules, withheld=result.withheld)
    assert all(passes(iv, 5) for iv in found.values())


def test_a_cell_proven_zero_passes():
    assert passes((0.0, 0.0), 5)
    assert not passes((0.0, 4.0), 5) and passes((0.0, 5.0), 5) and passes((3.0, 8.0), 5)


def test_the_quick_path_agrees_with_the_lp():
    from sprintkit.engine.disclosure import _one_sum, _reduced, _solve

    cells = {"n": 20, "a": None, "b": None, "c": 12, "m": None}
    rules = [_sum("n", ["a", "b", "c"]), Constraint({"a": 1.0}, -math.inf, 6.0),
             Constraint({"m": 1.0, "a": -1.0}, 0.0, math.inf)]
    rows = _reduced(rules[:2], cells.get, set())
    quick = _one_sum(rows, ["a", "b"])
    assert quick == {"a": (0.0, 6.0), "b": (2.0, 8.0)}
    import scipy.optimize  # noqa: F401  (the LP is what the quick path must agree with)

    assert _one_sum(_reduced(rules, cells.get, set()), ["a"]) is None  # mixed signs: LP
    from sprintkit.engine import disclosure

    saved = disclosure._one_sum
    disclosure._one_sum = lambda rows, targets: None
    try:
        solved = _solve(rows, ["a", "b"], {}, 0)
        assert {k: tuple(round(x, 6) for x in v) for k, v in solved.items()} == quick
    finally:
        disclosure._one_sum = saved
