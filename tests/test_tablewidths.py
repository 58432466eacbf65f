"""A long verdict table with widths measured on the deciding rows looks exactly as rich draws it."""

from __future__ import annotations

from pathlib import Path

import pytest
from bigsprint_support import write_big_sprint

from sprintkit.engine.evidence import evaluate
from sprintkit.files.sprintfile import load_sprint
from sprintkit.ui import evidence_view, tablewidths
from sprintkit.ui.console import out


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(tmp_path_factory.mktemp("big"))
    write_big_sprint(folder, 400, 10)
    return folder


@pytest.fixture(scope="module")
def results(big: Path) -> list:
    return [evaluate(h, "nl") for h in load_sprint(big).model.hypotheses]


def _drawn(results: list, width: int, monkeypatch: pytest.MonkeyPatch, small: int) -> str:
    monkeypatch.setattr(tablewidths, "SMALL", small)
    console = out()
    old = console.width
    console.width = width
    try:
        with console.capture() as captured:
            evidence_view.verdict_table(results, "nl")
    finally:
        console.width = old
    return captured.get()


@pytest.mark.parametrize("width", [50, 72, 80, 95, 100, 140, 220])
def test_pinned_widths_draw_what_rich_draws(results: list, width: int,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _drawn(results, width, monkeypatch, small=60)
    assert fast == _drawn(results, width, monkeypatch, small=10**9)
    assert fast.count("\n") > len(results)


def test_widest_row_at_the_end_still_sets_the_width(results: list,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    last = results[-1]
    from dataclasses import replace

    odd = [*results[:-1], replace(last, id="H-met-een-heel-lange-naam", caveats=[
        "Eenwoordvaneenlengtedienietpast" * 3, *last.caveats])]
    for width in (80, 140):
        assert _drawn(odd, width, monkeypatch, 60) == _drawn(odd, width, monkeypatch, 10**9)


def test_small_tables_are_left_to_rich() -> None:
    from rich.table import Table

    def make() -> Table:
        table = Table()
        table.add_column("a")
        return table

    table = tablewidths.pinned(make, [("x",)] * 3, out(), out().options)
    assert "_calculate_column_widths" not in vars(table) and table.row_count == 3


@pytest.mark.parametrize("width", [72, 80, 100])
def test_long_tables_get_fixed_widths(results: list, width: int,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    real = tablewidths.pinned

    def spy(*args: object) -> object:
        made.append(real(*args))  # type: ignore[arg-type]
        return made[-1]

    monkeypatch.setattr(tablewidths, "pinned", spy)
    _drawn(results, width, monkeypatch, small=60)
    assert len(made) == 2  # the verdict table and the notes under it
    assert all("_calculate_column_widths" in vars(table) for table in made)


@pytest.mark.parametrize("width", [60, 80, 100, 160])
def test_the_hypothesis_list_draws_what_rich_draws(big: Path, width: int,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_sprint(big).model
    drawn = []
    for small in (60, 10**9):
        monkeypatch.setattr(tablewidths, "SMALL", small)
        console = out()
        old = console.width
        console.width = width
        try:
            with console.capture() as captured:
                evidence_view.hypothesis_table(model, "nl")
        finally:
            console.width = old
        drawn.append(captured.get())
    assert drawn[0] == drawn[1]
    assert drawn[0].count("\n") > len(model.hypotheses)
