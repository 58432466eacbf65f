"""The story database and the CSV import under attack: a database outside the sprint folder, a
read-only command that must not change the file, parallel imports of one file, a CSV with an
unclosed quote or an impossible date."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest
from stories_support import balanced_rows, csv_text, make_sprint, row


@pytest.fixture
def sprint(tmp_path):
    return make_sprint(tmp_path / "verhalen")


def said(res, *words):
    text = " ".join(res.stderr.split()) + " " + " ".join(res.stdout.split())
    return all(w in text for w in words) and "Traceback" not in res.output


def other_app_db(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('not yours')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def tables(path):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


# --- the database stays inside the sprint folder --------------------------------------------


@pytest.mark.parametrize("where", ["../other.db", "data/../../other.db", "ABSOLUTE"])
def test_a_database_outside_the_sprint_folder_is_refused_with_its_place(cli, tmp_path, where):
    other = tmp_path / "other.db"
    other_app_db(other)
    setting = str(other) if where == "ABSOLUTE" else where
    sprint = make_sprint(tmp_path / "verhalen", f"stories:\n  database: {setting}\n")
    line = (sprint / "sprint.yaml").read_text(encoding="utf-8").splitlines().index(
        f"  database: {setting}") + 1
    res = cli("validate", sprint)
    assert res.exit_code == 1
    assert said(res, f"sprint.yaml:{line}:", "in de sprintmap")
    for command in (["stories", "summary"], ["stories", "export"],
                    ["stories", "shifts", "--from", "2025-H1", "--to", "2025-H2"]):
        res = cli(*command, "-s", sprint)
        assert res.exit_code == 1, (command, res.output)
        assert said(res, f"sprint.yaml:{line}:", "in de sprintmap"), command
    assert tables(other) == {"notes"}


def test_a_read_only_command_never_changes_another_programs_database(cli, sprint, tmp_path):
    """Inside the folder but not ours: refused, and the file stays byte for byte the same."""
    path = sprint / "stories.db"
    before = other_app_db(path)
    for command in (["stories", "summary"], ["stories", "export"],
                    ["stories", "dashboard", "--out", tmp_path / "d.html"]):
        res = cli(*command, "-s", sprint)
        assert res.exit_code == 1 and said(res, "geen verhalendatabase"), (command, res.output)
    assert path.read_bytes() == before and tables(path) == {"notes"}
    data = tmp_path / "s.csv"
    data.write_text(csv_text([row()]), encoding="utf-8")
    res = cli("stories", "import", data, "-s", sprint)  # a writing command: also refused
    assert res.exit_code == 1 and said(res, "geen verhalendatabase")
    assert tables(path) == {"notes"}


def test_reading_commands_open_the_database_read_only(cli, sprint, tmp_path, monkeypatch):
    data = tmp_path / "s.csv"
    data.write_text(csv_text(balanced_rows({"2025-03-01": 6, "2025-09-01": 6})),
                    encoding="utf-8")
    assert cli("stories", "import", data, "-s", sprint).exit_code == 0
    path = sprint / "stories.db"
    opened = []
    connect = sqlite3.connect

    def recording(database, *args, **kwargs):
        opened.append(str(database))
        return connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", recording)
    path.chmod(0o400)  # a read-only file: every reading command still works
    try:
        before = path.read_bytes()
        for command in (["stories", "summary"], ["stories", "export"],
                        ["stories", "shifts", "--from", "2025-H1", "--to", "2025-H2"],
                        ["stories", "dashboard", "--out", tmp_path / "d.html"]):
            res = cli(*command, "-s", sprint)
            assert res.exit_code == 0, (command, res.output)
        assert path.read_bytes() == before
        assert not (sprint / "stories.db-journal").exists()
        assert opened and all(o.startswith("file:") and o.endswith("?mode=ro") for o in opened)
    finally:
        path.chmod(0o600)


def test_no_database_is_a_clear_message_and_no_new_file(cli, sprint, tmp_path):
    for command in (["stories", "summary"], ["stories", "export"],
                    ["stories", "dashboard", "--out", tmp_path / "d.html"]):
        res = cli(*command, "-s", sprint)
        assert res.exit_code == 1 and said(res, "nog geen verhalen"), (command, res.output)
    assert not (sprint / "stories.db").exists()
    (sprint / "stories.db").touch()  # an empty file: also "no stories yet", left empty
    res = cli("stories", "summary", "-s", sprint)
    assert res.exit_code == 1 and said(res, "nog geen verhalen")
    assert (sprint / "stories.db").read_bytes() == b""


def test_a_linked_database_is_refused(cli, sprint, tmp_path):
    other = tmp_path / "other.db"
    before = other_app_db(other)
    os.symlink(other, sprint / "stories.db")
    data = tmp_path / "s.csv"
    data.write_text(csv_text([row()]), encoding="utf-8")
    for command in (["stories", "import", data], ["stories", "summary"]):
        res = cli(*command, "-s", sprint)
        assert res.exit_code == 1 and said(res, "stories.db", "symbolische koppeling"), command
    assert other.read_bytes() == before


def test_a_linked_story_lock_file_never_empties_its_target(cli, sprint, tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("years of notes\n", encoding="utf-8")
    os.symlink(precious, sprint / ".sprintkit-stories.lock")  # a cloned folder can carry one
    data = tmp_path / "s.csv"
    data.write_text(csv_text([row()]), encoding="utf-8")
    for command in (["stories", "import", data],
                    ["stories", "add", "--perspective", "ouders", "--text", "Een verhaal."],
                    ["stories", "purge", "--period", "2025-H1", "--yes"]):
        res = cli(*command, "-s", sprint)
        assert res.exit_code == 1, (command, res.output)
        folded = "".join(res.stderr.split())  # a long path is folded at 80 columns
        assert all(w in folded for w in (".sprintkit-stories.lock", "symbolischekoppeling",
                                         str(precious))), (command, res.output)
    assert precious.read_text(encoding="utf-8") == "years of notes\n"
    assert not (sprint / "stories.db").exists()


# --- parallel imports -----------------------------------------------------------------------

IMPORT = """
import sys, time
from pathlib import Path
from sprintkit.ops.stories import import_stories
from sprintkit.errors import SprintkitError
go = Path(sys.argv[3])
while not go.exists():
    time.sleep(0.002)
try:
    result = import_stories(file=Path(sys.argv[1]), sprint=Path(sys.argv[2]))
    print("imported", result["imported"])
except SprintkitError as exc:
    print("refused", exc.message)
"""


def test_parallel_imports_of_one_file_store_it_once(sprint, tmp_path):
    data = tmp_path / "s.csv"
    data.write_text(csv_text(balanced_rows({"2025-03-01": 1000, "2025-09-01": 1000})),
                    encoding="utf-8")
    go = tmp_path / "go"
    env = {**os.environ, "SPRINTKIT_LOCK_TIMEOUT": "60"}
    procs = [subprocess.Popen([sys.executable, "-c", IMPORT, str(data), str(sprint), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env, cwd=tmp_path) for _ in range(5)]
    time.sleep(1.5)  # let every process load sprintkit and read the file
    go.touch()
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and "Traceback" not in err, err[-2000:]
        outcomes.append(out.strip())
    assert sum(o.startswith("imported 2000") for o in outcomes) == 1, outcomes
    assert sum("al eerder ingelezen" in o for o in outcomes) == 4, outcomes
    conn = sqlite3.connect(sprint / "stories.db")
    try:
        assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 2000
        assert conn.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 1
    finally:
        conn.close()


def test_a_failed_first_import_never_takes_another_imports_stories_with_it(sprint, tmp_path):
    """The first import makes the database and fails at its last row, so it removes the
    database again; a second import that reached the database meanwhile must not have written
    into the file being removed: its stories are stored and counted."""
    bad = tmp_path / "bad.csv"
    bad.write_text(csv_text(balanced_rows({"2025-03-01": 60000}) + [row(date="2025-02-30")]),
                   encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text(csv_text(balanced_rows({"2025-09-01": 100})), encoding="utf-8")
    first_go, second_go = tmp_path / "go1", tmp_path / "go2"
    env = {**os.environ, "SPRINTKIT_LOCK_TIMEOUT": "120"}
    procs = [subprocess.Popen([sys.executable, "-c", IMPORT, str(data), str(sprint), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env, cwd=tmp_path)
             for data, go in ((bad, first_go), (good, second_go))]
    time.sleep(1.5)  # let both load sprintkit
    first_go.touch()
    deadline = time.monotonic() + 60
    while not (sprint / "stories.db").exists() and time.monotonic() < deadline:
        time.sleep(0.002)
    second_go.touch()  # the first import is writing its 60,000 rows now
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0 and "Traceback" not in err, err[-2000:]
        outcomes.append(out.strip())
    assert outcomes[0].startswith("refused") and outcomes[1] == "imported 100", outcomes
    conn = sqlite3.connect(f"file:{sprint / 'stories.db'}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 100
        assert conn.execute("SELECT source FROM imports").fetchall() == [("good.csv",)]
    finally:
        conn.close()


# --- the CSV itself -------------------------------------------------------------------------


def test_an_unclosed_quote_is_refused_at_its_line(cli, sprint, tmp_path):
    text = csv_text([row(), row(date="2025-04-01")])
    lines = text.split("\r\n")
    lines[1] = lines[1].replace("Een verhaal.", '"Een verhaal, met een quote die niet sluit')
    bad = tmp_path / "bad.csv"
    bad.write_text("\r\n".join(lines), encoding="utf-8")
    res = cli("stories", "import", bad, "-s", sprint)
    assert res.exit_code == 1, res.output
    assert said(res, "bad.csv:2:3", "nooit gesloten")
    assert "niet sluit" not in res.output  # no story text in the message
    assert not (sprint / "stories.db").exists()


def test_a_quoted_cell_over_several_lines_still_imports(cli, sprint, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(csv_text([row(text="Regel een,\nregel twee."), row()]), encoding="utf-8")
    res = cli("stories", "import", good, "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["imported"] == 2


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2101-01-01", "01-01-0001"])
def test_a_date_outside_1900_2100_is_refused_at_its_line(cli, sprint, tmp_path, day):
    bad = tmp_path / "bad.csv"
    bad.write_text(csv_text([row(), row(date=day)]), encoding="utf-8")
    res = cli("stories", "import", bad, "-s", sprint)
    assert res.exit_code == 1, res.output
    assert said(res, "bad.csv:3:1", "tussen 1900 en 2100")
    assert not (sprint / "stories.db").exists()
    res = cli("stories", "add", "-s", sprint, "--text", "Kort verhaal.", "--perspective",
              "ouders", "--date", day)
    assert res.exit_code != 0 and said(res, "1900")


HALF_WRITE = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before the commit
conn.execute("BEGIN IMMEDIATE")
conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                 ((f"k{i}", "x" * 300) for i in range(5000)))
print("ready", flush=True)
time.sleep(60)
"""


def test_a_read_only_command_recovers_from_an_import_killed_mid_write(cli, sprint, tmp_path):
    data = tmp_path / "s.csv"
    data.write_text(csv_text(balanced_rows({"2025-03-01": 6, "2025-09-01": 6})),
                    encoding="utf-8")
    assert cli("stories", "import", data, "-s", sprint).exit_code == 0
    db = sprint / "stories.db"
    writer = subprocess.Popen([sys.executable, "-c", HALF_WRITE, str(db)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    writer.kill()
    writer.communicate()
    assert (sprint / "stories.db-journal").stat().st_size > 0  # a hot journal is left
    res = cli("stories", "summary", "-s", sprint, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["total_stories"] == 12
