"""The story database: one SQLite file in the sprint folder (``stories.db`` by default).

* An import is one transaction: all stories are stored, or none.
* Bounded memory and fast at a million stories: the stories may come as a stream and go in with
  ``executemany`` in batches inside that transaction; reading is one cursor.
* The tables and slots are in :mod:`sprintkit.files.storyrows`, the counting in
  :mod:`sprintkit.files.storycounts`.
  The answers live apart from the text in a compact ``facts`` table — one row per story, a
  column (or a few) per signifier — so every summary, also a cross-tab by another signifier,
  is one scan of one small table with a SQL ``GROUP BY``, without joins.
* Deleting really deletes: ``secure_delete`` overwrites freed content, the rollback journal is
  used in DELETE mode (no write-ahead log that keeps old pages), temporary data stays in memory,
  and a purge ends with ``VACUUM`` so no free page keeps a copy.
* The file is created readable by its owner only (0600); SQLite gives its journal the same mode.

Story text is never put in an error message raised here."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sprintkit.engine.stories import AnswerRow, Cube
from sprintkit.errors import NotFound, SprintkitError
from sprintkit.files.storycounts import Counter, and_where, filters
from sprintkit.files.storyrows import (
    SCHEMA,
    SLOT_COLUMNS,
    STORE_VERSION,
    NewStory,
    Slot,
    StoredStory,
)
from sprintkit.files.textfile import display
from sprintkit.i18n import msg

__all__ = ["BATCH", "STORE_VERSION", "NewStory", "Slot", "StoredStory", "StoryStore"]

BATCH = 5000

def _open_read_only(path: Path) -> sqlite3.Connection:
    """A ``mode=ro`` connection. When an import was killed mid-write, its journal must be rolled
    back before anyone can read (SQLite's own crash recovery, which a read-only connection
    cannot do): then one plain connection reads the file once, which rolls it back, and the
    read-only connection is made again."""
    from urllib.parse import quote

    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if "readonly" not in str(exc).replace("-", "").replace(" ", ""):
            raise
    recovery = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    try:
        recovery.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    finally:
        recovery.close()
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)


class StoryStore:
    """An open story database. Use as a context manager; it is closed on exit."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = False, write: bool | None = None,
             inside: Path | None = None) -> StoryStore:
        """Open the database; NotFound ("no stories yet") when absent, unless ``create``.

        ``write`` (default: ``create``) opens it for changes; otherwise it is opened read-only
        (a ``mode=ro`` URI): nothing in the file changes, no table is made, the journal mode is
        left alone. The file, its journal and (when it lies inside the folder ``inside``) every
        folder on the way to it must not be symbolic links."""
        from sprintkit.files.safepath import check_write

        writing = create if write is None else write
        shown = display(path)
        check_write(path, inside)
        for side in ("-journal", "-wal", "-shm"):
            check_write(path.with_name(path.name + side))
        if not path.exists():
            if not create:
                raise NotFound(msg("stories.none_yet_missing", path=shown),
                               hint=msg("stories.import_hint"))
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                             | getattr(os, "O_NOFOLLOW", 0), 0o600)
                os.close(fd)
            except FileExistsError:  # made by another writer this very moment: use it
                check_write(path, inside)
        try:
            if writing:
                conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
            else:
                conn = _open_read_only(path)
        except sqlite3.Error as exc:
            raise SprintkitError(msg("stories.cannot_open", path=shown, error=exc)) from None
        store = cls(path, conn)
        try:
            store._prepare(shown, writing)
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self, shown: str, writing: bool = True) -> None:
        not_ours = SprintkitError(
            msg("stories.not_ours", path=shown), hint=msg("stories.not_ours_hint"))
        try:
            # one read transaction: another process or thread creating the store at this very
            # moment is seen either before (empty) or after (tables and version), never half way
            self.conn.execute("BEGIN")
            try:
                version = self.conn.execute("PRAGMA user_version").fetchone()[0]
                tables = {r[0] for r in self.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")}
            finally:
                self.conn.execute("COMMIT")
        except sqlite3.DatabaseError:
            raise not_ours from None
        if version > STORE_VERSION:
            raise SprintkitError(msg("stories.newer", path=shown, version=version),
                                 hint=msg("stories.newer_hint"))
        if version == 0 and tables - {"sqlite_sequence"}:
            raise not_ours  # another program's database: never add tables to it
        if not writing:
            if version == 0:
                raise NotFound(msg("stories.none_yet_empty", path=shown),
                               hint=msg("stories.import_hint"))
            try:
                self.conn.execute("PRAGMA temp_store = MEMORY")
                self.conn.execute("PRAGMA cache_size = -65536")
                self.conn.execute("PRAGMA query_only = ON")
            except sqlite3.DatabaseError:
                raise not_ours from None
            return
        try:
            self.conn.execute("PRAGMA secure_delete = ON")
            mode = self.conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            self.conn.execute("PRAGMA temp_store = MEMORY")
            self.conn.execute("PRAGMA cache_size = -65536")
            self.conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError:
            raise not_ours from None
        if str(mode).lower() != "delete":
            raise SprintkitError(msg("stories.wal", path=shown))
        if version == 0:
            self.conn.executescript("BEGIN IMMEDIATE;" + SCHEMA
                                    + f"PRAGMA user_version = {STORE_VERSION}; COMMIT;")

    def close(self) -> None:
        self.conn.close()

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def __enter__(self) -> StoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def _indexes(self) -> list[tuple[str, str]]:
        """(name, CREATE statement) of the indexes on stories and facts."""
        return [(name, sql) for name, sql in self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name IN ('stories', 'facts') AND sql IS NOT NULL")]

    def slots(self) -> dict[str, Slot]:
        return {sig: Slot(sig, slot, kind) for sig, slot, kind in
                self.conn.execute("SELECT signifier, slot, type FROM slots ORDER BY slot")}

    def _ensure_slots(self, signifiers: Sequence[tuple[str, str]]) -> dict[str, Slot]:
        """Give every signifier (id, type) its columns; inside the caller's transaction."""
        known = self.slots()
        for sig, kind in signifiers:
            slot = known.get(sig)
            if slot is not None:
                if slot.type != kind:
                    raise SprintkitError(
                        msg("stories.signifier_changed", id=repr(sig), kind=kind,
                            stored=slot.type),
                        hint=msg("stories.signifier_changed_hint"),
                    )
                continue
            number = max((s.slot for s in known.values()), default=0) + 1
            for column in SLOT_COLUMNS[kind]:
                self.conn.execute(f"ALTER TABLE facts ADD COLUMN {column.format(k=number)}")
            self.conn.execute("INSERT INTO slots (signifier, slot, type) VALUES (?, ?, ?)",
                              (sig, number, kind))
            slot = known[sig] = Slot(sig, number, kind)
            # a covering index per signifier: its counts are an index scan, never a sort
            covered = ", ".join(c for c in slot.columns if c[0] not in "abc")
            self.conn.execute(f"CREATE INDEX facts_s{number} ON facts(period, perspective, "
                              f"{covered})")
        return known

    def add(self, stories: Iterable[NewStory], *, source: str,
            signifiers: Sequence[tuple[str, str]] = (),
            progress: Callable[[int, int], None] | None = None,
            check: Callable[[], None] | None = None,
            finish: Callable[[range], None] | None = None) -> range:
        """Store all stories in one transaction; returns their ids. Nothing is stored on error.

        ``stories`` may be a stream (a generator reading a file): they are inserted in batches
        of :data:`BATCH`, so memory does not grow with their number, and an error raised by the
        stream itself (a problem found in a later row) rolls the whole transaction back too.
        ``signifiers`` are the (id, type) pairs of the method's signifiers; answers to other
        signifiers are refused. ``check`` runs first and ``finish`` (with the new ids) last,
        both inside the transaction, which holds the database's write lock from the start: a
        check such as "this file was imported before" cannot race another import.
        ``progress`` gets (stored so far, 0) after every batch."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if check is not None:
                check()
            slots = self._ensure_slots(signifiers)
            order = list(slots.values())
            columns = [c for slot in order for c in slot.columns]
            fact_sql = (f"INSERT INTO facts (story_id, period, perspective"
                        f"{''.join(', ' + c for c in columns)}) VALUES "
                        f"({', '.join('?' * (3 + len(columns)))})")
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            import_id = conn.execute(
                "INSERT INTO imports (at, source, stories, pseudonymised) VALUES (?, ?, ?, ?)",
                (now, source, 0, 1),
            ).lastrowid
            row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'stories'").fetchone()
            first = (row[0] if row else 0) + 1
            # a large import into a small store: build the indexes once afterwards (a sort)
            # instead of growing them row by row; still inside the one transaction. Decided
            # when the stream has brought that many stories.
            threshold = max(2000, first - 1)
            indexes: list[tuple[str, str]] = []
            total = 0
            pseudo = True
            story_rows: list[tuple[Any, ...]] = []
            fact_rows: list[list[Any]] = []
            for s in stories:
                sid = first + total
                total += 1
                pseudo = pseudo and s.pseudonymised
                story_rows.append((sid, import_id, s.date, s.period, s.perspective, s.text,
                                   int(s.consent), int(s.pseudonymised)))
                answers: dict[str, list[AnswerRow]] = {}
                for sig, answer in s.answers:
                    if sig not in slots:
                        raise SprintkitError(msg("stories.unknown_signifier", id=repr(sig)))
                    answers.setdefault(sig, []).append(answer)
                cells: list[Any] = [sid, s.period, s.perspective]
                for slot in order:
                    cells.extend(slot.cells(answers.get(slot.signifier, [])))
                fact_rows.append(cells)
                if len(story_rows) >= BATCH:
                    if not indexes and total >= threshold:
                        indexes = self._drop_indexes()
                    self._insert(story_rows, fact_sql, fact_rows)
                    story_rows, fact_rows = [], []
                    if progress:
                        progress(total, 0)
            if not indexes and total >= threshold:
                indexes = self._drop_indexes()
            self._insert(story_rows, fact_sql, fact_rows)
            for _name, sql in indexes:
                conn.execute(sql)
            conn.execute("UPDATE imports SET stories = ?, pseudonymised = ? WHERE id = ?",
                         (total, int(pseudo), import_id))
            ids = range(first, first + total)
            if finish is not None:
                finish(ids)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return ids

    def _drop_indexes(self) -> list[tuple[str, str]]:
        indexes = self._indexes()
        for name, _sql in indexes:
            self.conn.execute(f"DROP INDEX {name}")
        return indexes

    def _insert(self, story_rows: list[tuple[Any, ...]], fact_sql: str,
                fact_rows: list[list[Any]]) -> None:
        self.conn.executemany(
            "INSERT INTO stories (id, import_id, date, period, perspective, text, consent, "
            "pseudonymised) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", story_rows)
        self.conn.executemany(fact_sql, fact_rows)

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
                        msg("stories.no_ids", ids=", ".join(map(str, missing[:20]))),
                        hint=msg("stories.no_ids_hint"),
                    )
                for chunk in _chunks(wanted):
                    marks = ",".join("?" * len(chunk))
                    conn.execute(f"DELETE FROM facts WHERE story_id IN ({marks})", chunk)
                    conn.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
                deleted = len(wanted)
            elif period is not None:
                conn.execute("DELETE FROM facts WHERE period = ?", (period,))
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

    def cube(self, signifiers: Sequence[Any], *, period: str | None = None,
             perspective: str | None = None, cross: str | None = None) -> Cube:
        """All counts a summary needs: :meth:`sprintkit.files.storycounts.Counter.cube`."""
        return Counter(self.conn, self.slots()).cube(signifiers, period=period,
                                                     perspective=perspective, cross=cross)

    def stories(self, *, period: str | None = None, perspective: str | None = None,
                consent_only: bool = False, newest_first: bool = False,
                limit: int | None = None) -> Iterator[StoredStory]:
        """Stories with their answers, in id order (or newest first)."""
        slots = list(self.slots().values())
        columns = [c for slot in slots for c in slot.columns]
        where, params = filters(period, perspective, alias="s")
        if consent_only:
            where, params = and_where(where, params, ["s.consent = 1"])
        order = "DESC" if newest_first else "ASC"
        sql = ("SELECT s.id, s.date, s.period, s.perspective, s.text, s.consent, s.pseudonymised"
               + "".join(f", f.{c}" for c in columns)
               + f" FROM stories s LEFT JOIN facts f ON f.story_id = s.id{where} "
               f"ORDER BY s.id {order}")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cursor = self.conn.cursor()
        try:
            for sid, day, p, v, text, consent, pseudo, *cells in cursor.execute(sql, params):
                answers: dict[str, list[AnswerRow]] = {}
                at = 0
                for slot in slots:
                    width = len(slot.columns)
                    rows = slot.rows(cells[at:at + width])
                    at += width
                    if rows:
                        answers[slot.signifier] = rows
                yield StoredStory(sid, day, p, v, text, bool(consent), bool(pseudo), answers)
        finally:
            cursor.close()


def _chunks(items: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def _chunked_select(conn: Any, sql: str, ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    for chunk in _chunks(ids):
        yield from conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
