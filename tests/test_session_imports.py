"""The commands typed during a live session stay light (issue 21): none imports the numerical,
charting or document libraries, nor the round-trip YAML library: the reading ones read with
libyaml (``files/yamlfast``), and the writing ones add or change plain entries, which
``files/yamlplain`` writes as the round trip would (a value it cannot write still takes it).

The commands run one after another in one fresh interpreter: a module any of them imports is in
``sys.modules`` at the end, so the check covers each of them (and takes seconds, not one start
per command)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

HEAVY = ("scipy", "numpy", "matplotlib", "docx", "pptx", "jinja2", "pandas")
ROUND_TRIP = ("ruamel",)

REPORT_SPRINT = Path(__file__).parent / "data" / "report_sprint" / "sprint.yaml"

READS = [
    ["status"],
    ["verdict"],
    ["hypothesis", "list"],
    ["hypothesis", "show", "H1"],
    ["board"],
    ["action", "list"],
    ["team", "list"],
    ["indicator", "list"],
]
WRITES = [
    ["hypothesis", "add", "--statement", "Teamleiders openen het dashboard elke week.",
     "--target", ">=60%", "--metric", "aandeel teamleiders"],
    ["evidence", "add", "H1", "--successes", "3", "--trials", "5", "--source", "test",
     "--type", "behaviour"],
    ["learn", "add", "H2", "--observed", "o", "--learned", "l", "--action", "a",
     "--decision", "adopt"],
    ["action", "add", "Tablets bestellen", "--owner", "Anna de Vries", "--due", "2026-06-01"],
    ["action", "move", "A2", "doing"],
    ["team", "add", "Kees Bakker", "--role", "gezinsmanager"],
    ["indicator", "record", "I1", "--period", "2026-06", "--value", "75"],
]

SCRIPT = """
import json, sys
from sprintkit.cli import app

commands, watched = json.loads(sys.argv[1]), json.loads(sys.argv[2])
codes = []
for argv in commands:
    try:
        app(argv, prog_name="sprintkit")
    except SystemExit as exc:
        codes.append(exc.code or 0)
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(watched))
print("RESULT:" + json.dumps({"codes": codes, "loaded": loaded}))
"""


def _run(commands: list[list[str]], watched: tuple[str, ...], folder: Path) -> dict[str, list]:
    argv = [[*c, "-s", str(folder)] for c in commands]
    proc = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(argv), json.dumps(watched)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, list] = json.loads(proc.stdout.rsplit("RESULT:", 1)[1])
    assert result["codes"] == [0] * len(commands), proc.stderr[-2000:]
    return result


def _sprint(tmp_path: Path) -> Path:
    folder = tmp_path / "s"
    folder.mkdir()
    shutil.copy(REPORT_SPRINT, folder / "sprint.yaml")
    return folder


def test_reading_commands_import_no_heavy_library_nor_the_round_trip_reader(tmp_path):
    folder = _sprint(tmp_path)
    before = (folder / "sprint.yaml").read_bytes()
    result = _run(READS, HEAVY + ROUND_TRIP, folder)
    assert result["loaded"] == []
    assert (folder / "sprint.yaml").read_bytes() == before


def test_writing_commands_import_no_heavy_library_nor_the_round_trip_writer(tmp_path):
    folder = _sprint(tmp_path)
    result = _run(WRITES, HEAVY + ROUND_TRIP, folder)
    assert result["loaded"] == []
    text = (folder / "sprint.yaml").read_text(encoding="utf-8")
    assert "Kees Bakker" in text and "Tablets bestellen" in text and "2026-06" in text


def test_a_value_only_the_round_trip_writes_still_takes_it(tmp_path):
    folder = _sprint(tmp_path)
    result = _run([["evidence", "add", "H1", "--successes", "1", "--trials", "2",
                    "--note", "twee\nregels"]], HEAVY + ROUND_TRIP, folder)
    assert result["loaded"] == ["ruamel"]
    assert "note: |-\n" in (folder / "sprint.yaml").read_text(encoding="utf-8")
