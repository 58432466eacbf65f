"""Counting a big group's votes: typed totals, a pasted column, the bound, and tables read from
CSV exports (engine.tally, engine.vote_table)."""

from __future__ import annotations

import pytest

from sprintkit.engine.tally import (
    Entry,
    TallyError,
    Totals,
    bar,
    count_of,
    dot_bound,
    find_item,
    participants_of,
    read_column,
    read_entry,
    rounded,
    tally,
)
from sprintkit.engine.vote_table import kind_of, read_table

ITEMS = ["Lange wachtlijsten", "Verhaal opnieuw vertellen", "Verschillen per gemeente",
         "Verschillen per school"]


def rows(*lines: str, sep: str = ";") -> list[tuple[int, list[str]]]:
    return [(n, line.split(sep)) for n, line in enumerate(lines, start=2)]


# --- one typed line -------------------------------------------------------------------------


def test_a_bare_number_goes_to_the_item_the_prompt_names():
    totals = Totals(ITEMS)
    totals.apply(read_entry("12", ITEMS))
    totals.apply(read_entry("7", ITEMS))
    assert totals.counts == {0: 12, 1: 7}
    assert totals.cursor == 2


def test_pairs_by_number_jump_and_the_prompt_goes_on_at_the_first_item_without_a_total():
    totals = Totals(ITEMS)
    totals.apply(read_entry("1=12 3=5, 4:2", ITEMS))
    assert totals.counts == {0: 12, 2: 5, 3: 2}
    assert totals.cursor == 1           # item 2 is the only one without a total
    totals.apply(read_entry("9", ITEMS))
    assert totals.result() == {ITEMS[0]: 12, ITEMS[1]: 9, ITEMS[2]: 5, ITEMS[3]: 2}
    assert totals.cursor == len(ITEMS)
    with pytest.raises(TallyError) as exc:
        totals.apply(read_entry("1", ITEMS))
    assert exc.value.key == "votes.all_given"


def test_item_text_with_a_count_matches_case_and_a_unique_start():
    assert read_entry("lange WACHTLIJSTEN =12", ITEMS).pairs == {0: 12}
    assert read_entry("Verhaal=3", ITEMS).pairs == {1: 3}
    assert read_entry("1=12, Verhaal opnieuw = 3 4=2", ITEMS).pairs == {0: 12, 1: 3, 3: 2}
    with pytest.raises(TallyError) as exc:
        read_entry("Verschillen =3", ITEMS)  # two items start so
    assert exc.value.key == "votes.ambiguous"
    with pytest.raises(TallyError) as exc:
        read_entry("Jongeren =3", ITEMS)
    assert exc.value.key == "votes.unknown"


@pytest.mark.parametrize(("text", "key"), [
    ("-3", "votes.negative"), ("drie", "votes.not_count"), ("2,5", "votes.not_count"),
    ("9=1", "votes.no_number"), ("1=x", "votes.not_count"), ("12 drie", "votes.bad_entry"),
    ("=4", "votes.bad_entry"), ("1=4 extra", "votes.bad_entry"), ("1:4 x:2", "votes.bad_entry"),
])
def test_bad_lines_are_refused_with_what_is_wrong(text, key):
    with pytest.raises(TallyError) as exc:
        read_entry(text, ITEMS)
    assert exc.value.key == key


def test_counts_accept_a_spreadsheets_whole_number_with_a_decimal_comma():
    assert count_of("12,0") == 12
    assert count_of(" 7 ") == 7
    with pytest.raises(TallyError):
        count_of("-0")


def test_a_line_over_the_groups_bound_changes_nothing():
    totals = Totals(ITEMS, bound=dot_bound(3, 5))     # 15 dots at most
    totals.apply(read_entry("1=10", ITEMS))
    with pytest.raises(TallyError) as exc:
        totals.apply(read_entry("2=4 3=2", ITEMS))
    assert exc.value.key == "votes.over_bound"
    assert exc.value.values == {"total": 16, "bound": 15}
    assert totals.counts == {0: 10}
    totals.apply(read_entry("2=5", ITEMS))
    assert totals.total == 15


# --- a pasted column --------------------------------------------------------------------------


def test_a_pasted_column_fills_the_items_in_order_empty_cells_are_zero():
    assert read_column(["12", "", "5", "3"], ITEMS) == [12, 0, 5, 3]
    assert read_column(["", "12", "7", "5", "3", "", ""], ITEMS) == [12, 7, 5, 3]
    assert read_column(["12", "7", "5", ""], ITEMS) == [12, 7, 5, 0]   # last cell empty


def test_a_column_of_the_wrong_length_is_refused_whole():
    totals = Totals(ITEMS)
    totals.apply(read_entry("1=4", ITEMS))
    with pytest.raises(TallyError) as exc:
        read_column(["12", "7", "5"], ITEMS)
    assert exc.value.key == "votes.column_count"
    assert exc.value.values == {"got": 3, "want": 4}
    with pytest.raises(TallyError) as exc:
        totals.apply(Entry("column", [1, 2, 3, 4, 5]))
    assert totals.counts == {0: 4}


def test_a_bad_cell_in_a_column_names_its_line():
    with pytest.raises(TallyError) as exc:
        read_column(["12", "x", "5", "3"], ITEMS)
    assert exc.value.key == "votes.column_cell"
    assert exc.value.values["n"] == 2


def test_a_row_of_numbers_on_one_line_is_a_column_too():
    entry = read_entry("12\t7\t5\t3", ITEMS)
    assert entry.kind == "column"
    assert entry.values == [12, 7, 5, 3]


# --- tally, bars, bound -------------------------------------------------------------------


def test_tally_ranks_ties_together_and_keeps_the_items_order():
    got = tally({"b": 5, "a": 5, "c": 9}, ["a", "b", "c"])
    assert got == [(1, "c", 9), (2, "a", 5), (2, "b", 5)]


def test_bars_are_relative_and_never_empty_above_zero():
    assert bar(28, 28) == "█" * 20
    assert bar(1, 200) == "█"
    assert bar(0, 10) == ""


def test_participants_come_from_the_participants_answer():
    assert participants_of({"participants": 45}) == 45
    assert participants_of({"participants": True}) is None
    assert participants_of({}) is None
    assert dot_bound(3, 45) == 135
    assert dot_bound(None, 45) is None


def test_find_item_by_number_and_spaces():
    assert find_item(" 2 ", ITEMS) == 1
    assert find_item("lange   wachtlijsten", ITEMS) == 0


def test_averages_keep_one_decimal_and_whole_numbers_stay_whole():
    assert rounded(4.96) == 5
    assert isinstance(rounded(4.96), int)
    assert rounded(3.14) == 3.1


# --- tables -------------------------------------------------------------------------------


def test_wide_dot_table_adds_up_per_item_and_flags_a_participant_over_the_limit():
    header = ["Deelnemer", "Organisatie", *ITEMS]
    table = read_table(header, rows("D1;Gemeente A;1;1;1;", "D2;Gemeente B;2;;;2",
                                    "D3;School;;;;"), ITEMS, "dot_vote", votes_per_person=3)
    assert table.shape == "wide"
    assert table.result == {ITEMS[0]: 3, ITEMS[1]: 1, ITEMS[2]: 1, ITEMS[3]: 2}
    assert table.participants == 2      # D3 gave no dots
    assert [(w.line, w.key, w.values) for w in table.warnings] == [
        (3, "votes.voter_over", {"dots": 4, "limit": 3}),
        (0, "votes.group_over", {"total": 7, "bound": 6, "per": 3, "people": 2})]
    assert not table.problems


def test_wide_table_cells_are_located_and_unknown_numeric_columns_listed():
    header = ["Naam", ITEMS[0], "Iets anders", ITEMS[1], "Tijd"]
    table = read_table(header, rows("a;1;2;x;10:00", "b;-1;0;1;10:01"), ITEMS, "dot_vote")
    assert [(p.line, p.column, p.key) for p in table.problems] == [
        (2, 4, "votes.not_count"), (3, 2, "votes.negative")]
    assert table.unknown == [(1, 3, "Iets anders")]    # a timestamp column is left alone


def test_long_dot_table_one_row_per_vote_or_with_counts():
    per_vote = read_table(["Deelnemer", "Punt"], rows("a;1", "a;Lange wachtlijsten", "b;2",
                                                      "b;Jongeren"), ITEMS, "dot_vote",
                          votes_per_person=1)
    assert per_vote.result[ITEMS[0]] == 2
    assert per_vote.unknown == [(5, 2, "Jongeren")]
    assert [(w.line, w.values["dots"]) for w in per_vote.warnings
            if w.key == "votes.voter_over"] == [(2, 2)]
    totals = read_table(["Item", "Stippen"], rows("1;12,0", "2;7", "3;", "4;drie"), ITEMS,
                        "dot_vote", votes_per_person=3, participants=5)
    assert totals.result[ITEMS[0]] == 12
    assert [(p.line, p.column, p.key) for p in totals.problems] == [(5, 2, "votes.not_count")]
    assert totals.participants == 5


def test_long_score_table_averages_per_item_with_decimal_commas():
    table = read_table(["Deelnemer", "Oplossing", "Impact", "Inspanning"],
                       rows("a;1;4;2", "b;1;5;3", "c;1;4,5;2", "a;2;;"), ITEMS,
                       "impact_effort")
    assert table.result == {ITEMS[0]: {"impact": 4.5, "effort": 2.3}}
    assert table.participants == 3


def test_score_cells_off_the_scale_or_not_numbers_are_located():
    table = read_table(["Oplossing", "Impact", "Effort"], rows("1;6;2", "2;hoog;0"), ITEMS,
                       "impact_effort", scale=(1, 5))
    assert [(p.line, p.column, p.key) for p in table.problems] == [
        (2, 2, "votes.off_scale"), (3, 2, "votes.not_score"), (3, 3, "votes.off_scale")]


def test_wide_score_table_reads_grid_headers():
    header = ["Naam", f"Impact [{ITEMS[0]}]", f"Inspanning [{ITEMS[0]}]",
              f"{ITEMS[1]} - impact", f"{ITEMS[1]} - effort"]
    table = read_table(header, rows("a;5;1;3;3", "b;4;2;;"), ITEMS, "impact_effort")
    assert table.shape == "wide"
    assert table.result == {ITEMS[0]: {"impact": 4.5, "effort": 1.5},
                            ITEMS[1]: {"impact": 3, "effort": 3}}
    assert table.participants == 2


def test_the_kind_of_a_file_shows_in_its_header():
    assert kind_of(["Naam", "Impact [x]", "Inspanning [x]"]) == "impact_effort"
    assert kind_of(["Naam", *ITEMS]) == "dot_vote"
