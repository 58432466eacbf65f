"""The outcome of a choosing exercise: a dot vote's ranking and the impact/effort quadrants
(shown the same way in the walkthrough, the report and the deliverables)."""

from __future__ import annotations

from typing import Any

from sprintkit.i18n import t


def vote_ranking(votes: dict[str, Any]) -> list[dict[str, Any]]:
    """A dot vote's items by votes, most first; equal votes share a rank (1, 2, 2, 4)."""
    numbers: list[tuple[str, float]] = [(str(k), _as_number(v)) for k, v in votes.items()]
    order = sorted(enumerate(numbers), key=lambda iv: (-iv[1][1], iv[0]))
    ranking: list[dict[str, Any]] = []
    previous = None
    rank = 0
    for position, (_, (item, count)) in enumerate(order, start=1):
        if count != previous:
            rank = position
            previous = count
        ranking.append({"rank": rank, "item": item, "votes": count})
    return ranking


def _as_number(value: Any) -> float:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return 0


def impact_effort_matrix(scores: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Impact/effort scores as rows with their quadrant (split at the middle of the scores'
    range) and its name in ``lang``; highest impact first."""
    rows: list[dict[str, Any]] = []
    numbers = [(str(k), _as_number(v.get("impact", 0)) if isinstance(v, dict) else 0,
                _as_number(v.get("effort", 0)) if isinstance(v, dict) else 0)
               for k, v in scores.items()]
    if not numbers:
        return rows
    impacts = [i for _, i, _ in numbers]
    efforts = [e for _, _, e in numbers]
    mid_i = (min(impacts) + max(impacts)) / 2  # the middle of the scores' range
    mid_e = (min(efforts) + max(efforts)) / 2
    for item, impact, effort in numbers:
        high, easy = impact >= mid_i, effort <= mid_e
        quadrant = ("quick_win" if high and easy else "major_project" if high
                    else "fill_in" if easy else "thankless")
        rows.append({"item": item, "impact": impact, "effort": effort, "quadrant": quadrant,
                     "quadrant_label": t(f"doc.label.{quadrant}", lang)})
    rows.sort(key=lambda r: (-r["impact"], r["effort"], r["item"]))
    return rows


def output_kind(value: Any) -> str:
    """The kind of a captured output its value shows, for an output the method does not
    describe: ``list``, ``dot_vote`` (numbers by item), ``impact_effort`` (impact and effort
    by item), ``dict``, ``bool`` or ``text``."""
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        if value and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                         for v in value.values()):
            return "dot_vote"
        if value and all(isinstance(v, dict) and {"impact", "effort"} <= set(v)
                         for v in value.values()):
            return "impact_effort"
        return "dict"
    if isinstance(value, bool):
        return "bool"
    return "text"
