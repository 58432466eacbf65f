"""Reading a table of votes or scores (a CSV export of Mentimeter, Slido, Forms or Excel) into
the totals of a dot vote or the averaged impact/effort scores of the items.

The shapes read (the header decides; cells are matched to items as
:func:`sprintkit.engine.tally.find_item` does, so an item's number also works):

* **long** — a column naming the item (``item``, ``punt``, ``knelpunt``, ``oplossing``,
  ``optie``, ``option``, ``antwoord``, ``answer``, ``keuze``, ``choice``…), one row per vote or
  per item. Dot votes: a column with the dots (``stippen``, ``stemmen``, ``dots``, ``votes``,
  ``aantal``, ``count``…) or none (each row is one dot). Scores: an ``impact`` and an
  ``effort``/``inspanning`` column.
* **wide** — the items as columns, one row per participant. Dot votes: each cell the dots that
  participant gave the item (empty: 0). Scores: two columns per item whose header holds the
  item and ``impact`` or ``effort``/``inspanning`` (``Impact [item]``, ``item - inspanning``).

A ``deelnemer``/``participant``/``naam``/``name``/``e-mail`` column says who gave a row (only
used to count the participants and check each one's dots); other columns without numbers
(timestamps, organisations) are left alone. Dots are added up; scores are averaged over the
participants who scored the item (one decimal).

Problems are collected whole (up to :data:`MAX_PROBLEMS`), each with its line and column:
cells that are not a count or not on the scale, items the sprint does not have. Over-limit dots
(one participant over the method's dots each, or the group over dots × participants) are
warnings: the result is kept, the facilitator decides."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sprintkit.engine.tally import TallyError, count_of, find_item, rounded

MAX_PROBLEMS = 20

_ITEM_COLUMNS = {"item", "items", "punt", "punten", "knelpunt", "knelpunten", "oplossing",
                 "oplossingen", "optie", "opties", "option", "options", "antwoord", "answer",
                 "keuze", "choice", "idee", "idea", "onderwerp", "topic", "label"}
_DOT_COLUMNS = {"stippen", "stip", "stemmen", "stem", "dots", "dot", "votes", "vote", "aantal",
                "count", "punten gegeven", "score", "totaal", "total"}
_WHO_COLUMNS = {"deelnemer", "participant", "naam", "name", "e-mail", "email", "respondent",
                "respondent id", "id", "voter", "stemmer", "persoon", "person", "user",
                "gebruiker"}
_IMPACT = ("impact",)
_EFFORT = ("inspanning", "effort", "moeite")


@dataclass(frozen=True)
class CellProblem:
    """One problem of the table: where, and a ``votes.*`` key with its values."""

    line: int
    column: int
    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class VoteTable:
    """What a table says: per item the total dots, or the averaged scores."""

    kind: str
    shape: str
    result: dict[str, Any]
    participants: int | None
    problems: list[CellProblem] = field(default_factory=list)
    warnings: list[CellProblem] = field(default_factory=list)
    unknown: list[tuple[int, int, str]] = field(default_factory=list)
    """Cells naming no item: (line, column, text), each text once."""
    rows: int = 0


def _norm(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split()).casefold().strip(" :*")


def _find(header: Sequence[str], names: set[str]) -> int:
    for n, cell in enumerate(header):
        if _norm(cell) in names:
            return n
    return -1


def kind_of(header: Sequence[str]) -> str:
    """``impact_effort`` when a column is about impact or effort, else ``dot_vote``."""
    return "impact_effort" if any(_split_score_header(h) for h in header) else "dot_vote"


def read_table(header: Sequence[str], rows: Sequence[tuple[int, list[str]]], items: Sequence[str],
               kind: str, *, votes_per_person: int | None = None,
               participants: int | None = None, scale: tuple[int, int] = (1, 5)) -> VoteTable:
    """Read ``rows`` (each with the line it starts on) under ``header`` for a ``dot_vote`` or
    ``impact_effort`` output over ``items``. ``participants`` is used for the group's bound
    when the table does not say who voted."""
    item_col = _find(header, _ITEM_COLUMNS)
    who_col = _find(header, _WHO_COLUMNS)
    if kind == "dot_vote":
        table = (_dots_long(header, rows, items, item_col, who_col) if item_col >= 0
                 else _dots_wide(header, rows, items, who_col))
        _dot_limits(table, votes_per_person, participants)
    else:
        table = (_scores_long(header, rows, items, item_col, who_col, scale) if item_col >= 0
                 else _scores_wide(header, rows, items, who_col, scale))
    table.rows = len(rows)
    del table.problems[MAX_PROBLEMS:]
    return table


def _unknown(table: VoteTable, line: int, column: int, text: str) -> None:
    if all(text != known for _, _, known in table.unknown):
        table.unknown.append((line, column, text))


def _item(table: VoteTable, line: int, column: int, ref: str, items: Sequence[str]) -> str | None:
    """The item ``ref`` names (number, text or unique start); an unknown one is recorded at
    ``line``/``column`` (1-based) and gives ``None``."""
    try:
        return items[find_item(ref, items)]
    except TallyError:
        _unknown(table, line, column, ref)
        return None


def _problem(table: VoteTable, line: int, column: int, exc: TallyError) -> None:
    table.problems.append(CellProblem(line, column, exc.key, dict(exc.values)))


# --- dot votes --------------------------------------------------------------------------------


def _dots_long(header: Sequence[str], rows: Sequence[tuple[int, list[str]]],
               items: Sequence[str], item_col: int, who_col: int) -> VoteTable:
    dots_col = _find(header, _DOT_COLUMNS)
    totals = dict.fromkeys(items, 0)
    table = VoteTable("dot_vote", "long", totals, None)
    per_voter: dict[str, tuple[int, int]] = {}
    for line, cells in rows:
        ref = cells[item_col].strip()
        item = _item(table, line, item_col + 1, ref, items) if ref else None
        if item is None:
            continue
        dots = 1
        if dots_col >= 0:
            try:
                dots = count_of(cells[dots_col]) if cells[dots_col].strip() else 0
            except TallyError as exc:
                _problem(table, line, dots_col + 1, exc)
                continue
        totals[item] += dots
        if who_col >= 0 and cells[who_col].strip():
            who = cells[who_col].strip()
            first, given = per_voter.get(who, (line, 0))
            per_voter[who] = (first, given + dots)
    if who_col >= 0:
        table.participants = len(per_voter)
        table.warnings.extend(CellProblem(first, 0, "votes.voter_over", {"dots": given})
                              for first, given in per_voter.values())
    return table


def _dots_wide(header: Sequence[str], rows: Sequence[tuple[int, list[str]]],
               items: Sequence[str], who_col: int) -> VoteTable:
    columns = _item_columns(header, rows, items, who_col)
    table = VoteTable("dot_vote", "wide", dict.fromkeys(items, 0), 0)
    table.unknown = columns.unknown
    if not columns.by_item and not columns.unknown:
        table.problems.append(CellProblem(1, 0, "votes.no_columns", {}))
        return table
    for line, cells in rows:
        given = 0
        for col, item in columns.by_item.items():
            cell = cells[col]
            if not cell.strip():
                continue
            try:
                dots = count_of(cell)
            except TallyError as exc:
                _problem(table, line, col + 1, exc)
                continue
            table.result[item] += dots
            given += dots
        if given:
            assert table.participants is not None
            table.participants += 1
            table.warnings.append(CellProblem(line, 0, "votes.voter_over", {"dots": given}))
    return table


def _dot_limits(table: VoteTable, votes_per_person: int | None,
                participants: int | None) -> None:
    """Keep the per-participant warnings that are over the limit; add the group's bound."""
    over = [w for w in table.warnings
            if votes_per_person is not None and w.values["dots"] > votes_per_person]
    table.warnings = [CellProblem(w.line, 0, w.key, {**w.values, "limit": votes_per_person})
                      for w in over]
    people = table.participants or participants
    if table.participants is None:
        table.participants = participants
    total = sum(table.result.values())
    if votes_per_person is not None and people and total > votes_per_person * people:
        table.warnings.append(CellProblem(0, 0, "votes.group_over", {
            "total": total, "bound": votes_per_person * people, "per": votes_per_person,
            "people": people}))


@dataclass
class _Columns:
    by_item: dict[int, str] = field(default_factory=dict)
    unknown: list[tuple[int, int, str]] = field(default_factory=list)


def _item_columns(header: Sequence[str], rows: Sequence[tuple[int, list[str]]],
                  items: Sequence[str], who_col: int) -> _Columns:
    """Which columns are items. A column that is no item is left alone when its cells are not
    numbers (a timestamp, an organisation), and listed as an unknown item when they are."""
    found = _Columns()
    for col, name in enumerate(header):
        if col == who_col or not name.strip():
            continue
        try:
            found.by_item[col] = items[find_item(name, items)]
        except TallyError:
            cells = [cells[col] for _, cells in rows if cells[col].strip()]
            if cells and all(re.match(r"^\s*[+-]?\d+([.,]\d+)?\s*$", c) for c in cells):
                found.unknown.append((1, col + 1, name.strip()))
    return found


# --- impact / effort ----------------------------------------------------------------------------


def _score(cell: str, scale: tuple[int, int]) -> float:
    raw = cell.strip().replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        raise TallyError("votes.not_score", got=cell.strip()[:12], lo=scale[0], hi=scale[1]
                         ) from None
    if not scale[0] <= value <= scale[1]:
        raise TallyError("votes.off_scale", got=cell.strip()[:12], lo=scale[0], hi=scale[1])
    return value


def _scores_long(header: Sequence[str], rows: Sequence[tuple[int, list[str]]],
                 items: Sequence[str], item_col: int, who_col: int,
                 scale: tuple[int, int]) -> VoteTable:
    impact_col = _find(header, set(_IMPACT))
    effort_col = _find(header, set(_EFFORT))
    table = VoteTable("impact_effort", "long", {}, None)
    if impact_col < 0 or effort_col < 0:
        table.problems.append(CellProblem(1, 0, "votes.no_score_columns", {}))
        return table
    sums: dict[str, list[list[float]]] = {}
    voters: set[str] = set()
    for line, cells in rows:
        ref = cells[item_col].strip()
        item = _item(table, line, item_col + 1, ref, items) if ref else None
        if item is None:
            continue
        pair = _pair(table, line, cells, impact_col, effort_col, scale)
        if pair is not None:
            got = sums.setdefault(item, [[], []])
            got[0].append(pair[0])
            got[1].append(pair[1])
        if who_col >= 0 and cells[who_col].strip():
            voters.add(cells[who_col].strip())
    table.result = _averaged(sums, items)
    table.participants = len(voters) if who_col >= 0 else None
    return table


def _pair(table: VoteTable, line: int, cells: list[str], impact_col: int, effort_col: int,
          scale: tuple[int, int]) -> tuple[float, float] | None:
    """Both scores of one row, or ``None`` (a problem recorded; both empty: not scored)."""
    if not cells[impact_col].strip() and not cells[effort_col].strip():
        return None
    values: list[float] = []
    for col in (impact_col, effort_col):
        try:
            values.append(_score(cells[col], scale))
        except TallyError as exc:
            _problem(table, line, col + 1, exc)
    return (values[0], values[1]) if len(values) == 2 else None


def _split_score_header(name: str) -> tuple[str, str] | None:
    """``Impact [item]`` / ``item - inspanning`` -> (``impact``|``effort``, item reference)."""
    folded = name.casefold()
    for what, words in (("impact", _IMPACT), ("effort", _EFFORT)):
        for word in words:
            at = folded.find(word)
            if at >= 0:
                rest = (name[:at] + " " + name[at + len(word):]).strip()
                rest = re.sub(r"^[\s\[\](){}:|\-–—]+|[\s\[\](){}:|\-–—]+$", "", rest)
                return what, rest
    return None


def _scores_wide(header: Sequence[str], rows: Sequence[tuple[int, list[str]]],
                 items: Sequence[str], who_col: int, scale: tuple[int, int]) -> VoteTable:
    table = VoteTable("impact_effort", "wide", {}, 0)
    pairs: dict[str, list[int]] = {}
    for col, name in enumerate(header):
        split = _split_score_header(name) if col != who_col else None
        if split is None or not split[1]:
            continue
        what, ref = split
        item = _item(table, 1, col + 1, ref, items)
        if item is None:
            continue
        pairs.setdefault(item, [-1, -1])[0 if what == "impact" else 1] = col
    if not pairs and not table.unknown:
        table.problems.append(CellProblem(1, 0, "votes.no_score_columns", {}))
        return table
    sums: dict[str, list[list[float]]] = {}
    for impact_col, effort_col in pairs.values():
        if impact_col < 0 or effort_col < 0:
            table.problems.append(CellProblem(1, max(impact_col, effort_col) + 1,
                                              "votes.half_pair", {}))
    for line, cells in rows:
        scored = False
        for item, (impact_col, effort_col) in pairs.items():
            if impact_col < 0 or effort_col < 0:
                continue
            pair = _pair(table, line, cells, impact_col, effort_col, scale)
            if pair is not None:
                got = sums.setdefault(item, [[], []])
                got[0].append(pair[0])
                got[1].append(pair[1])
                scored = True
        if scored:
            assert table.participants is not None
            table.participants += 1
    table.result = _averaged(sums, items)
    return table


def _averaged(sums: dict[str, list[list[float]]], items: Sequence[str]) -> dict[str, Any]:
    return {item: {"impact": rounded(sum(sums[item][0]) / len(sums[item][0])),
                   "effort": rounded(sum(sums[item][1]) / len(sums[item][1]))}
            for item in items if item in sums and sums[item][0]}
