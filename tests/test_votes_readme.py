"""The README section on big groups runs as written: its imports of the Zuid-Limburg example's
CSV files and the refused file it shows, each line of output as shown."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

from readme_support import blocks, console_steps, section

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/zuid-limburg-co-creation"


def test_the_big_groups_blocks_run_as_written(cli, tmp_path):
    text = section("Big groups: counting dot votes and scores")
    shutil.copytree(ROOT / EXAMPLE, tmp_path / EXAMPLE)
    (csv,) = blocks(text, "csv")
    (tmp_path / "telling.csv").write_text("\n".join(csv) + "\n", encoding="utf-8")
    before = (tmp_path / EXAMPLE / "sprint.yaml").read_bytes()
    ran = 0
    for block in blocks(text, "console"):
        for command, expected in console_steps(block):
            argv = shlex.split(command)
            res = cli(*argv[1:], cwd=tmp_path)
            refused = any(line.startswith("telling.csv:") for line in expected)
            assert res.exit_code == (1 if refused else 0), (command, res.output)
            produced = {line.rstrip() for line in res.output.splitlines()}
            for line in expected:
                assert line in produced, (command, line, res.output)
            ran += 1
    assert ran == 3
    # the example's scores are the averages of its CSV: importing them changes nothing
    assert (tmp_path / EXAMPLE / "sprint.yaml").read_bytes() == before
