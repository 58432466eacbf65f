"""The story database: one SQLite file in the sprint folder (``stories.db`` by default).

* An import is one transaction: all stories are stored, or none.
* Fast at 100,000 stories: rows go in with ``executemany`` in batches inside that transaction.
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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sprintkit.engine.stories import MIXED, AnswerRow, Cube, triad_logs
from sprintkit.errors import NotFound, SprintkitError
from sprintkit.files.textfile import display
from sprintkit.i18n import msg

STORE_VERSION = 1
BATCH = 5000

_SCHEMA = """
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
_SLOT_COLUMNS = {
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
        return [c.split()[0].format(k=self.slot) for c in _SLOT_COLUMNS[self.type]]

    def cells(self, rows: list[AnswerRow]) -> tuple[Any, ...]:
        """Stored answer rows -> this slot's column values."""
        width = len(_SLOT_COLUMNS[self.type])
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
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_NOFOLLOW", 0), 0o600)
            os.close(fd)
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
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
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
            self.conn.executescript("BEGIN IMMEDIATE;" + _SCHEMA
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
            for column in _SLOT_COLUMNS[kind]:
                self.conn.execute(f"ALTER TABLE facts ADD COLUMN {column.format(k=number)}")
            self.conn.execute("INSERT INTO slots (signifier, slot, type) VALUES (?, ?, ?)",
                              (sig, number, kind))
            slot = known[sig] = Slot(sig, number, kind)
            # a covering index per signifier: its counts are an index scan, never a sort
            covered = ", ".join(c for c in slot.columns if c[0] not in "abc")
            self.conn.execute(f"CREATE INDEX facts_s{number} ON facts(period, perspective, "
                              f"{covered})")
        return known

    def add(self, stories: Sequence[NewStory], *, source: str,
            signifiers: Sequence[tuple[str, str]] = (),
            progress: Callable[[int, int], None] | None = None,
            check: Callable[[], None] | None = None,
            finish: Callable[[list[int]], None] | None = None) -> list[int]:
        """Store all stories in one transaction; returns their ids. Nothing is stored on error.

        ``signifiers`` are the (id, type) pairs of the method's signifiers; answers to other
        signifiers are refused. ``check`` runs first and ``finish`` (with the new ids) last,
        both inside the transaction, which holds the database's write lock from the start: a
        check such as "this file was imported before" cannot race another import."""
        conn = self.conn
        total = len(stories)
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
            pseudo = int(all(s.pseudonymised for s in stories))
            import_id = conn.execute(
                "INSERT INTO imports (at, source, stories, pseudonymised) VALUES (?, ?, ?, ?)",
                (now, source, total, pseudo),
            ).lastrowid
            row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'stories'").fetchone()
            first = (row[0] if row else 0) + 1
            # a large import into a small store: build the indexes once afterwards (a sort)
            # instead of growing them row by row; still inside the one transaction
            rebuild = total >= 2000 and total >= first - 1
            indexes = self._indexes() if rebuild else []
            for name, _sql in indexes:
                conn.execute(f"DROP INDEX {name}")
            for start in range(0, total, BATCH):
                chunk = stories[start:start + BATCH]
                story_rows = []
                fact_rows = []
                for offset, s in enumerate(chunk):
                    sid = first + start + offset
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
                conn.executemany(
                    "INSERT INTO stories (id, import_id, date, period, perspective, text, "
                    "consent, pseudonymised) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", story_rows)
                conn.executemany(fact_sql, fact_rows)
                if progress:
                    progress(min(start + BATCH, total), total)
            for _name, sql in indexes:
                conn.execute(sql)
            if finish is not None:
                finish(list(range(first, first + total)))
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
        """All counts a summary needs.

        ``signifiers`` are the method's (with ``id``, ``type``, ``choices``, ``corners``).
        Without ``cross`` every signifier is one scan of its covering index. With ``cross`` (a
        signifier id) the cube's third key is that signifier's answer (``''`` when there is
        none; a multichoice cross counts a story once for every option it chose), and all
        signifiers are counted in one scan with conditional sums."""
        slots = self.slots()
        where, params = _filters(period, perspective)
        used = [(sig, slots[sig.id]) for sig in signifiers if sig.id in slots]
        cube = Cube()
        cross_slot = slots.get(cross) if cross else None
        if cross_slot is None:
            for p, v, n in self.conn.execute(
                f"SELECT period, perspective, COUNT(*) FROM facts{where} GROUP BY 1, 2", params,
            ):
                cube.stories[(p, v, "")] = n
            for sig, slot in used:
                self._count(cube, sig, slot, where, params)
            return cube
        if cross_slot.type == "multichoice":
            col = f"v{cross_slot.slot}"
            sig = next((s for s in signifiers if s.id == cross), None)
            options = [c.id for c in sig.choices] if sig is not None else []
            for option in options:
                clause, args = _and(where, params, [f"instr({col}, ?) > 0"], [f"|{option}|"])
                self._cross(cube, used, "?", [option], clause, args)
            clause, args = _and(where, params, [f"{col} IS NULL"])
            self._cross(cube, used, "''", [], clause, args)
        else:
            self._cross(cube, used, f"COALESCE(v{cross_slot.slot}, '')", [], where, params,
                        by=cross)
        return cube

    def _values(self, sig: Any, slot: Slot) -> list[str]:
        """The answers to count: the method's, and any other stored value (old choices)."""
        k = slot.slot
        if slot.type == "multichoice":
            return [c.id for c in sig.choices]
        known = [c.id for c in getattr(sig, "choices", [])]
        if slot.type == "triad":
            known = [c.id for c in sig.corners] + [MIXED]
        stored = [r[0] for r in self.conn.execute(
            f"SELECT DISTINCT v{k} FROM facts WHERE v{k} IS NOT NULL")]
        return known + [v for v in stored if v not in known]

    def _count(self, cube: Cube, sig: Any, slot: Slot, where: str, params: list[Any]) -> None:
        """One signifier, by period and perspective: a scan of its covering index."""
        k = slot.slot
        clause, args = _and(where, params, [f"v{k} IS NOT NULL"])
        if slot.type == "multichoice":
            options = self._values(sig, slot)
            sums = "".join(f", SUM(instr(v{k}, ?) > 0)" for _ in options)
            rows = self.conn.execute(
                f"SELECT period, perspective, COUNT(*){sums} FROM facts{clause} GROUP BY 1, 2",
                [f"|{o}|" for o in options] + args)
            for p, v, n, *chosen in rows:
                cube.answered[(p, v, "", sig.id)] = n
                for option, count in zip(options, chosen, strict=True):
                    if count:
                        cube.counts[(p, v, "", sig.id, option)] = count
            return
        extra = {"scale": f", SUM(n{k}), SUM(n{k} * n{k})",
                 "triad": f", SUM(la{k}), SUM(lb{k}), SUM(lc{k})"}.get(slot.type, "")
        rows = self.conn.execute(
            f"SELECT period, perspective, v{k}, COUNT(*){extra} FROM facts{clause} "
            "GROUP BY 1, 2, 3", args)
        for p, v, value, n, *stats in rows:
            _merge(cube, (p, v, ""), sig.id, slot.type, {value: n}, n, stats)

    def _cross(self, cube: Cube, used: list[tuple[Any, Slot]], head: str,
               head_args: list[Any], where: str, params: list[Any], by: str | None = None
               ) -> None:
        """All signifiers along the cross key in one scan, with a sum per answer.

        ``by`` names a single-answer cross signifier: its answer is the group key itself, so
        its counts come from the group sizes instead of a sum per answer."""
        parts: list[str] = []
        args: list[Any] = []
        layout = []
        for sig, slot in used:
            k = slot.slot
            values = [] if sig.id == by else self._values(sig, slot)
            if slot.type == "multichoice":
                parts += [f"SUM(instr(v{k}, ?) > 0)" for _ in values]
                args += [f"|{v}|" for v in values]
            else:
                parts += [f"SUM(v{k} = ?)" for _ in values]
                args += values
            parts.append(f"COUNT(v{k})")
            stats = {"scale": [f"SUM(n{k})", f"SUM(n{k} * n{k})"],
                     "triad": [f"SUM(la{k})", f"SUM(lb{k})", f"SUM(lc{k})"]}.get(slot.type, [])
            parts += stats
            layout.append((sig, slot, values, len(stats)))
        sql = (f"SELECT period, perspective, {head}, COUNT(*), {', '.join(parts)} "
               "FROM facts NOT INDEXED"
               f"{where} GROUP BY 1, 2, 3")
        for p, v, b, n, *sums in self.conn.execute(sql, head_args + args + params):
            cube.stories[(p, v, b)] = cube.stories.get((p, v, b), 0) + n
            at = 0
            for sig, slot, values, width in layout:
                counts = dict(zip(values, sums[at:at + len(values)], strict=True))
                at += len(values)
                answered = sums[at]
                stats = sums[at + 1:at + 1 + width]
                at += 1 + width
                if sig.id == by and b != "":
                    counts = {b: answered}  # every story of this group gave answer b
                if answered:
                    _merge(cube, (p, v, b), sig.id, slot.type, counts, answered, stats)

    def stories(self, *, period: str | None = None, perspective: str | None = None,
                consent_only: bool = False, newest_first: bool = False,
                limit: int | None = None) -> Iterator[StoredStory]:
        """Stories with their answers, in id order (or newest first)."""
        slots = list(self.slots().values())
        columns = [c for slot in slots for c in slot.columns]
        where, params = _filters(period, perspective, alias="s")
        if consent_only:
            where, params = _and(where, params, ["s.consent = 1"])
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


def _merge(cube: Cube, group: tuple[str, str, str], sid: str, kind: str,
           counts: dict[str, int], answered: int, stats: Sequence[float | None]) -> None:
    """Add one group's counts (and scale or triad sums) for one signifier to the cube."""
    key = (*group, sid)
    cube.answered[key] = cube.answered.get(key, 0) + answered
    for value, n in counts.items():
        if n:
            ckey = (*group, sid, value)
            cube.counts[ckey] = cube.counts.get(ckey, 0) + n
    if kind == "scale":
        old = cube.scale.get(key, (0, 0.0, 0.0))
        cube.scale[key] = (old[0] + answered, old[1] + (stats[0] or 0.0),
                           old[2] + (stats[1] or 0.0))
    elif kind == "triad":
        old3 = cube.triad.get(key, (0, 0.0, 0.0, 0.0))
        cube.triad[key] = (old3[0] + answered, old3[1] + (stats[0] or 0.0),
                           old3[2] + (stats[1] or 0.0), old3[3] + (stats[2] or 0.0))


def _filters(period: str | None, perspective: str | None,
             alias: str = "") -> tuple[str, list[Any]]:
    prefix = f"{alias}." if alias else ""
    clauses = []
    params: list[Any] = []
    if period is not None:
        clauses.append(f"{prefix}period = ?")
        params.append(period)
    if perspective is not None:
        clauses.append(f"{prefix}perspective = ?")
        params.append(perspective)
    return _and("", [], clauses, params)


def _and(where: str, params: list[Any], clauses: list[str],
         clause_params: list[Any] | None = None) -> tuple[str, list[Any]]:
    """``where`` with more clauses ANDed to it, and the parameters in order."""
    if not clauses:
        return where, params + (clause_params or [])
    joined = " AND ".join(clauses)
    where = f"{where} AND {joined}" if where else f" WHERE {joined}"
    return where, params + (clause_params or [])


def _chunks(items: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def _chunked_select(conn: Any, sql: str, ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    for chunk in _chunks(ids):
        yield from conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
