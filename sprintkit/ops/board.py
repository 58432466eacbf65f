"""The board: a sprint's actions (or a programme's own and all its sprints') in four columns —
to do, doing, done, escalated — with overdue cards marked and counts from
:func:`sprintkit.engine.progress.action_counts`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sprintkit.engine.progress import BOARD_COLUMNS, action_counts
from sprintkit.i18n import msg
from sprintkit.ops.actions import Card, card
from sprintkit.ops.scope import id_number, programme_sprints, scope, today_or


@dataclass(frozen=True)
class Board:
    where: str
    """``sprint`` or ``programme``."""
    id: str
    title: str
    lang: str
    today: dt.date
    columns: dict[str, list[Card]]
    counts: dict[str, int]
    sprints: list[str] = field(default_factory=list)
    """For a programme: the sprints whose actions are on the board, in order."""
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "scope": self.where,
            "id": self.id,
            "title": self.title,
            "today": self.today,
            "counts": dict(self.counts),
            "sprints": list(self.sprints),
            "columns": {k: [c.to_json() for c in v] for k, v in self.columns.items()},
            "warnings": list(self.warnings),
        }


def _order(column: str, cards: list[Card]) -> list[Card]:
    """Done: the most recently done first. Otherwise the most overdue first, then by due date
    (none last), then by id."""
    if column == "done":
        return sorted(cards, key=lambda c: (-(c.action.done or dt.date.min).toordinal(),
                                            c.sprint or "", id_number(c.action.id)))
    return sorted(cards, key=lambda c: (c.action.due is None, c.action.due or dt.date.max,
                                        c.sprint or "", id_number(c.action.id)))


def board(
    sprint: Path | None = None,
    *,
    programme: Path | None = None,
    lang: str | None = None,
    today: dt.date | None = None,
) -> Board:
    """The board of a sprint, or of a programme: its own actions and every sprint's (each card
    says which sprint; a sprint that cannot be read is named in ``warnings``)."""
    day = today_or(today)
    where = scope(sprint, programme)
    model = where.load()
    cards = [card(a, day) for a in model.actions]
    sprints: list[str] = []
    warnings: list[str] = []
    if where.is_programme:
        for entry in programme_sprints(where.folder()):
            if entry.sprint is None:
                warnings.append(msg("board.not_on_board", problem=entry.problem))
                continue
            sprints.append(entry.sprint.id)
            cards.extend(card(a, day, entry.sprint.id) for a in entry.sprint.actions)
    columns = {
        col: _order(col, [c for c in cards if c.action.status == col]) for col in BOARD_COLUMNS
    }
    counts = action_counts([c.action for c in cards], day)
    return Board(where.what, model.id, model.title, lang or model.language, day, columns,
                 counts, sprints, warnings)
