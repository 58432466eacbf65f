"""The shape of the story database: its tables, and how a signifier's answers are kept in
columns of the ``facts`` table (a *slot*), as checked new stories and as stored ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sprintkit.engine.stories import AnswerRow, triad_logs

STORE_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    source TEXT NOT NULL,
    stories INTEGER NOT NULL,
    pseudonymised INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    import_id INTEGER REFERENCES imports(id),
    date TEXT,
    period TEXT NOT NULL,
    perspective TEXT NOT NULL,
    text TEXT NOT NULL,
    consent INTEGER NOT NULL DEFAULT 0,
    pseudonymised INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS stories_group ON stories(period, perspective);
CREATE TABLE IF NOT EXISTS slots (
    signifier TEXT PRIMARY KEY,
    slot INTEGER NOT NULL UNIQUE,
    type TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
    story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    perspective TEXT NOT NULL
);
"""
SLOT_COLUMNS = {
    "choice": ("v{k} TEXT",),
    "multichoice": ("v{k} TEXT",),
    "scale": ("v{k} TEXT", "n{k} REAL"),
    "triad": ("v{k} TEXT", "a{k} REAL", "b{k} REAL", "c{k} REAL", "la{k} REAL", "lb{k} REAL",
              "lc{k} REAL"),
}


@dataclass(frozen=True)
class Slot:
    """Where a signifier's answers live in the facts table."""

    signifier: str
    slot: int
    type: str

    @property
    def columns(self) -> list[str]:
        return [c.split()[0].format(k=self.slot) for c in SLOT_COLUMNS[self.type]]

    def cells(self, rows: list[AnswerRow]) -> tuple[Any, ...]:
        """Stored answer rows -> this slot's column values."""
        width = len(SLOT_COLUMNS[self.type])
        if not rows:
            return (None,) * width
        if self.type == "multichoice":
            return ("|" + "|".join(r[0] for r in rows) + "|",)
        value, num, a, b, c = rows[0]
        if self.type == "scale":
            return (value, num)
        if self.type == "triad":
            return (value, a, b, c, *triad_logs(a, b, c))  # type: ignore[arg-type]
        return (value,)

    def rows(self, cells: Sequence[Any]) -> list[AnswerRow]:
        """Column values -> stored answer rows (the inverse of :meth:`cells`)."""
        value = cells[0]
        if value is None:
            return []
        if self.type == "multichoice":
            return [(v, None, None, None, None) for v in value.strip("|").split("|") if v]
        if self.type == "scale":
            return [(value, cells[1], None, None, None)]
        if self.type == "triad":
            return [(value, None, cells[1], cells[2], cells[3])]
        return [(value, None, None, None, None)]


@dataclass
class NewStory:
    """A checked, pseudonymised story ready to store."""

    period: str
    perspective: str
    text: str
    date: str | None = None
    consent: bool = False
    pseudonymised: bool = True
    answers: list[tuple[str, AnswerRow]] = field(default_factory=list)
    """(signifier id, stored answer) pairs; a multichoice answer has one pair per choice."""


@dataclass
class StoredStory:
    id: int
    date: str | None
    period: str
    perspective: str
    text: str
    consent: bool
    pseudonymised: bool
    answers: dict[str, list[AnswerRow]]
