"""The totals prompt's handling of a typed line or a pasted block (ui.vote_entry), without a
terminal: a block is taken whole or not at all, and what is wrong is said in the sprint's
language."""

from __future__ import annotations

from sprintkit.engine.tally import Totals
from sprintkit.ui import vote_entry

ITEMS = ["Wachtlijsten", "Verhaal opnieuw", "Verschillen per gemeente"]


class View:
    def __init__(self, lang: str = "nl") -> None:
        self.lang = lang
        self.errors: list[str] = []

    def _error(self, message: str, hint: str | None = None) -> None:
        self.errors.append(message)


def test_a_pasted_block_with_one_bad_line_changes_nothing():
    view, totals = View(), Totals(ITEMS)
    assert vote_entry._apply(view, totals, ["2=4"])
    assert not vote_entry._apply(view, totals, ["1=3", "3=x"])
    assert totals.counts == {1: 4}
    assert totals.cursor == 2
    assert view.errors == ["'x' is geen aantal stippen; verwacht een geheel getal, 0 of meer"]


def test_a_pasted_column_replaces_the_totals_and_a_bad_cell_is_named_by_its_line():
    view, totals = View("en"), Totals(ITEMS, bound=30)
    assert vote_entry._apply(view, totals, ["12", "7", "3"])
    assert totals.result() == {"Wachtlijsten": 12, "Verhaal opnieuw": 7,
                               "Verschillen per gemeente": 3}
    assert not vote_entry._apply(view, totals, ["12", "-1", "3"])
    assert view.errors == ["line 2 of the pasted column: '-1' is negative; a number of dots is 0 "
                           "or more"]
    assert not vote_entry._apply(view, totals, ["20", "7", "4"])
    assert "more than the 30 the group could give" in view.errors[-1]
    assert totals.total == 22


def test_a_short_numeric_block_waits_for_its_last_line():
    assert vote_entry._short_column(["12", "7"], 3)
    assert not vote_entry._short_column(["12"], 3)           # one line: a typed total
    assert not vote_entry._short_column(["12", "7", "3"], 3)
    assert not vote_entry._short_column(["1=12", "7"], 3)
