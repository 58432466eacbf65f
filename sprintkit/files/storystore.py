"""The story database: one SQLite file in the sprint folder (``stories.db`` by default).

* An import is one transaction: all stories are stored, or none.
* Fast at 100,000 stories: rows go in with ``executemany`` in batches inside that transaction,
  and every summary is a single SQL ``GROUP BY`` over an indexed answers table.
* Deleting really deletes: ``secure_delete`` overwrites freed content, the rollback journal is
  used in DELETE mode (no write-ahead log that keeps old pages), temporary data stays in memory,
  and a purge ends with ``VACUUM`` so no free page keeps a copy.
* The file is created readable by its owner only (0600); SQLite gives its journal the same mode.

Story text is never put in an error message raised here."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sprintkit.engine.stories import AnswerRow, Cube, triad_logs
from sprintkit.errors import NotFound, SprintkitError
from sprintkit.files.textfile import display

STORE_VERSION = 1
BATCH = 5000

_SCHEMA = """
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
CREATE TABLE IF NOT EXISTS answers (
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    perspective TEXT NOT NULL,
    signifier TEXT NOT NULL,
    value TEXT NOT NULL,
    first_row INTEGER NOT NULL,
    num REAL, a REAL, b REAL, c REAL, la REAL, lb REAL, lc REAL
);
CREATE INDEX IF NOT EXISTS stories_group ON stories(period, perspective);
CREATE INDEX IF NOT EXISTS answers_story ON answers(story_id, signifier);
CREATE INDEX IF NOT EXISTS answers_group ON answers(period, perspective, signifier, value);
"""


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


class StoryStore:
    """An open story database. Use as a context manager; it is closed on exit."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> StoryStore:
        """Open (or with ``create``, create) the database. NotFound when absent."""
        shown = display(path)
        if not path.exists():
            if not create:
                raise NotFound(f"no stories yet: {shown} does not exist",
                               hint="import stories with `sprintkit stories import FILE.csv`")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise SprintkitError(f"cannot open the story database {shown}: {exc}") from None
        store = cls(path, conn)
        try:
            store._prepare(shown)
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self, shown: str) -> None:
        try:
            self.conn.execute("PRAGMA secure_delete = ON")
            mode = self.conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            self.conn.execute("PRAGMA temp_store = MEMORY")
            self.conn.execute("PRAGMA foreign_keys = ON")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise SprintkitError(
                f"{shown} is not a story database ({exc})",
                hint="set stories.database in sprint.yaml to another file") from None
        if str(mode).lower() != "delete":
            raise SprintkitError(f"{shown}: cannot switch off the write-ahead log")
        if version > STORE_VERSION:
            raise SprintkitError(f"{shown} was made by a newer sprintkit (format {version})",
                                 hint="upgrade sprintkit")
        if version == 0:
            self.conn.executescript("BEGIN IMMEDIATE;" + _SCHEMA
                                    + f"PRAGMA user_version = {STORE_VERSION}; COMMIT;")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> StoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def add(self, stories: Sequence[NewStory], *, source: str,
            progress: Callable[[int, int], None] | None = None) -> list[int]:
        """Store all stories in one transaction; returns their ids. Nothing is stored on error."""
        conn = self.conn
        total = len(stories)
        conn.execute("BEGIN IMMEDIATE")
        try:
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            pseudo = int(all(s.pseudonymised for s in stories))
            import_id = conn.execute(
                "INSERT INTO imports (at, source, stories, pseudonymised) VALUES (?, ?, ?, ?)",
                (now, source, total, pseudo),
            ).lastrowid
            row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'stories'").fetchone()
            first = (row[0] if row else 0) + 1
            for start in range(0, total, BATCH):
                chunk = stories[start:start + BATCH]
                story_rows = []
                answer_rows = []
                for offset, s in enumerate(chunk):
                    sid = first + start + offset
                    story_rows.append((sid, import_id, s.date, s.period, s.perspective, s.text,
                                       int(s.consent), int(s.pseudonymised)))
                    seen: set[str] = set()
                    for sig, (value, num, a, b, c) in s.answers:
                        logs = triad_logs(a, b, c) if a is not None else (None, None, None)
                        answer_rows.append((sid, s.period, s.perspective, sig, value,
                                            int(sig not in seen), num, a, b, c, *logs))
                        seen.add(sig)
                conn.executemany(
                    "INSERT INTO stories (id, import_id, date, period, perspective, text, "
                    "consent, pseudonymised) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", story_rows)
                conn.executemany(
                    "INSERT INTO answers (story_id, period, perspective, signifier, value, "
                    "first_row, num, a, b, c, la, lb, lc) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", answer_rows)
                if progress:
                    progress(min(start + BATCH, total), total)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return list(range(first, first + total))

    def purge(self, *, ids: Sequence[int] = (), period: str | None = None) -> int:
        """Delete stories for good (by id, or a whole period) and compact the file.

        All ids must exist, or nothing is deleted. Returns the number of stories deleted."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if ids:
                wanted = sorted(set(ids))
                found = {r[0] for r in _chunked_select(
                    conn, "SELECT id FROM stories WHERE id IN ({})", wanted)}
                missing = [i for i in wanted if i not in found]
                if missing:
                    raise NotFound(
                        f"no story with id {', '.join(map(str, missing[:20]))}; nothing deleted",
                        hint="`sprintkit stories export` lists the ids",
                    )
                for chunk in _chunks(wanted):
                    marks = ",".join("?" * len(chunk))
                    conn.execute(f"DELETE FROM answers WHERE story_id IN ({marks})", chunk)
                    conn.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
                deleted = len(wanted)
            elif period is not None:
                conn.execute("DELETE FROM answers WHERE period = ?", (period,))
                deleted = conn.execute("DELETE FROM stories WHERE period = ?", (period,)).rowcount
            else:
                raise ValueError("purge needs ids or a period")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self.compact()
        return deleted

    def compact(self) -> None:
        """Rebuild the file so no deleted content survives in free pages."""
        self.conn.execute("VACUUM")

    # --- reading ---------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0])

    def periods(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT period FROM stories ORDER BY period")]

    def cube(self, *, period: str | None = None, perspective: str | None = None,
             cross: str | None = None) -> Cube:
        """All counts a summary needs, in one GROUP BY (two with a cross signifier).

        With ``cross`` (a signifier id) the cube's third key is that signifier's answer
        (``''`` for stories without one)."""
        where, params = _filters("a", period, perspective)
        cube = Cube()
        if cross is None:
            sql = (
                "SELECT a.period, a.perspective, '', a.signifier, a.value, COUNT(*), "
                "SUM(a.first_row), COUNT(a.num), SUM(a.num), SUM(a.num * a.num), COUNT(a.la), "
                "SUM(a.la), SUM(a.lb), SUM(a.lc) FROM answers a" + where
                + " GROUP BY a.period, a.perspective, a.signifier, a.value"
            )
            rows = self.conn.execute(sql, params)
            swhere, sparams = _filters("s", period, perspective)
            story_sql = ("SELECT s.period, s.perspective, '', COUNT(*) FROM stories s" + swhere
                         + " GROUP BY s.period, s.perspective")
            story_rows = self.conn.execute(story_sql, sparams)
        else:
            sql = (
                "SELECT a.period, a.perspective, COALESCE(b.value, ''), a.signifier, a.value, "
                "COUNT(*), SUM(a.first_row), COUNT(a.num), SUM(a.num), SUM(a.num * a.num), "
                "COUNT(a.la), SUM(a.la), SUM(a.lb), SUM(a.lc) FROM answers a "
                "LEFT JOIN answers b ON b.story_id = a.story_id AND b.signifier = ?" + where
                + " GROUP BY 1, 2, 3, 4, 5"
            )
            rows = self.conn.execute(sql, [cross, *params])
            swhere, sparams = _filters("s", period, perspective)
            story_sql = ("SELECT s.period, s.perspective, COALESCE(b.value, ''), COUNT(*) "
                         "FROM stories s LEFT JOIN answers b ON b.story_id = s.id "
                         "AND b.signifier = ?" + swhere + " GROUP BY 1, 2, 3")
            story_rows = self.conn.execute(story_sql, [cross, *sparams])
        for p, v, b, sig, value, n, first, nnum, snum, sq, ntri, la, lb, lc in rows:
            cube.counts[(p, v, b, sig, value)] = n
            key = (p, v, b, sig)
            cube.answered[key] = cube.answered.get(key, 0) + first
            if nnum:
                old = cube.scale.get(key, (0, 0.0, 0.0))
                cube.scale[key] = (old[0] + nnum, old[1] + snum, old[2] + sq)
            if ntri:
                old3 = cube.triad.get(key, (0, 0.0, 0.0, 0.0))
                cube.triad[key] = (old3[0] + ntri, old3[1] + la, old3[2] + lb, old3[3] + lc)
        for p, v, b, n in story_rows:
            cube.stories[(p, v, b)] = n
        return cube

    def stories(self, *, period: str | None = None, perspective: str | None = None,
                consent_only: bool = False, newest_first: bool = False,
                limit: int | None = None) -> Iterator[StoredStory]:
        """Stories with their answers, in id order (or newest first)."""
        where, params = _filters("s", period, perspective)
        if consent_only:
            where += (" AND" if where else " WHERE") + " s.consent = 1"
        order = "DESC" if newest_first else "ASC"
        sql = ("SELECT s.id, s.date, s.period, s.perspective, s.text, s.consent, s.pseudonymised "
               f"FROM stories s{where} ORDER BY s.id {order}")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        story_cur = self.conn.cursor()
        answer_cur = self.conn.cursor()
        try:
            rows = story_cur.execute(sql, params)
            while True:
                batch = rows.fetchmany(2000)
                if not batch:
                    break
                answers: dict[int, dict[str, list[AnswerRow]]] = {}
                ids = [r[0] for r in batch]
                for sid, sig, value, num, a, b, c in _chunked_select(
                    answer_cur, "SELECT story_id, signifier, value, num, a, b, c FROM answers "
                    "WHERE story_id IN ({}) ORDER BY rowid", ids,
                ):
                    answers.setdefault(sid, {}).setdefault(sig, []).append((value, num, a, b, c))
                for sid, day, p, v, text, consent, pseudo in batch:
                    yield StoredStory(sid, day, p, v, text, bool(consent), bool(pseudo),
                                      answers.get(sid, {}))
        finally:
            story_cur.close()
            answer_cur.close()


def _filters(alias: str, period: str | None, perspective: str | None) -> tuple[str, list[Any]]:
    clauses = []
    params: list[Any] = []
    if period is not None:
        clauses.append(f"{alias}.period = ?")
        params.append(period)
    if perspective is not None:
        clauses.append(f"{alias}.perspective = ?")
        params.append(perspective)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _chunks(items: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def _chunked_select(conn: Any, sql: str, ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    for chunk in _chunks(ids):
        yield from conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
