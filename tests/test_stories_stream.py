"""Streamed story imports and exports: batches inside one transaction, rolled back whole."""

from __future__ import annotations

import json
import sqlite3

import pytest
from stories_support import csv_text, make_sprint, row

from sprintkit.errors import InvalidFile


@pytest.fixture
def sprint(tmp_path):
    return make_sprint(tmp_path / "sprint")


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of 7 stories, so a few dozen rows take several batches."""
    monkeypatch.setattr("sprintkit.files.storystore.BATCH", 7)


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def snapshot(db):
    con = sqlite3.connect(db)
    try:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("stories", "facts", "imports", "meta", "slots")}
    finally:
        con.close()


def test_a_problem_after_stored_batches_leaves_the_store_as_it_was(sprint, tmp_path,
                                                                   small_batches):
    from sprintkit.ops.stories import import_stories

    first = write(tmp_path / "first.csv", csv_text([row(text=f"Verhaal {i}.") for i in range(5)]))
    import_stories(file=first, sprint=sprint)
    db = sprint / "stories.db"
    before = snapshot(db)
    rows = [row(text=f"Nog een verhaal {i}.") for i in range(60)]
    rows.append(row(perspective="buren"))  # line 62, after eight batches went in
    bad = write(tmp_path / "bad.csv", csv_text(rows))
    with pytest.raises(InvalidFile) as caught:
        import_stories(file=bad, sprint=sprint)
    assert [(p.line, p.column, p.path) for p in caught.value.problems] == \
        [(62, 2, "perspective")]
    assert snapshot(db) == before
    assert not (sprint / "stories.db-journal").exists()


def test_a_failed_first_import_leaves_no_store(sprint, tmp_path, small_batches):
    from sprintkit.ops.stories import import_stories

    rows = [row(text=f"Verhaal {i}.") for i in range(30)] + [row(date="32-13-2025")]
    with pytest.raises(InvalidFile):
        import_stories(file=write(tmp_path / "bad.csv", csv_text(rows)), sprint=sprint)
    assert not (sprint / "stories.db").exists()
    assert not (sprint / "stories.db-journal").exists()


def test_a_shape_problem_is_reported_alone_and_nothing_is_stored(sprint, tmp_path,
                                                                small_batches):
    from sprintkit.ops.stories import import_stories

    text = csv_text([row(text=f"Verhaal {i}.") for i in range(20)] + [row(perspective="buren")])
    text += "2025-03-01,ouders,te veel,blij,contact,4,60/30/10,nee,extra\r\n"
    with pytest.raises(InvalidFile) as caught:
        import_stories(file=write(tmp_path / "bad.csv", text), sprint=sprint)
    assert [p.line for p in caught.value.problems] == [23]
    assert not (sprint / "stories.db").exists()


def test_a_large_import_counts_every_batch(sprint, tmp_path, small_batches):
    from sprintkit.ops.stories import import_stories

    rows = [row(text=f"Verhaal {i}.", date=f"2025-{1 + i % 12:02d}-01") for i in range(50)]
    seen = []
    result = import_stories(file=write(tmp_path / "ok.csv", csv_text(rows)), sprint=sprint,
                            progress=lambda done, total: seen.append((done, total)))
    assert result["imported"] == 50 and (result["first_id"], result["last_id"]) == (1, 50)
    assert result["periods"] == {"2025-H1": 26, "2025-H2": 24}
    assert seen[-1][0] == seen[-1][1]
    con = sqlite3.connect(sprint / "stories.db")
    try:
        assert con.execute("SELECT stories, pseudonymised FROM imports").fetchall() == [(50, 1)]
        assert con.execute("SELECT COUNT(*) FROM facts").fetchone() == (50,)
    finally:
        con.close()


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("batch", [1, 2, 3, 100])
def test_export_pieces_make_the_whole_export(sprint, tmp_path, fmt, batch):
    from sprintkit.ops.stories import export_stories, import_stories
    from sprintkit.ops.storyexport import export_chunks

    rows = [row(text=f'Verhaal {i}, met "aanhalingstekens"\nen een regel.') for i in range(7)]
    import_stories(file=write(tmp_path / "in.csv", csv_text(rows)), sprint=sprint)
    pieces = list(export_chunks(sprint=sprint, fmt=fmt, batch=batch))
    assert all(p.endswith("\n") for p in pieces)  # each can go to the terminal as it is
    whole = "".join(pieces)
    assert whole == export_stories(sprint=sprint, fmt=fmt)
    if fmt == "json":
        records = json.loads(whole)
        assert len(records) == 7
        assert whole == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    else:
        assert whole.count("\r\n") == 1 + 7 and whole.count("\n") == 1 + 7 * 2
    out = tmp_path / f"out.{fmt}"
    assert export_stories(sprint=sprint, fmt=fmt, out=out) == ""
    written = out.read_bytes().decode("utf-8")
    assert written == ("\ufeff" + whole if fmt == "csv" else whole)
    assert out.stat().st_mode & 0o777 == 0o600


def test_an_empty_selection_exports_an_empty_list(sprint, tmp_path):
    from sprintkit.ops.stories import export_stories, import_stories

    import_stories(file=write(tmp_path / "in.csv", csv_text([row()])), sprint=sprint)
    assert export_stories(sprint=sprint, fmt="json", period="2030-H1") == "[]\n"
    assert export_stories(sprint=sprint, period="2030-H1").count("\r\n") == 1
