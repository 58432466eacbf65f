"""Every command in the stories section runs as written, in order; the README shows the
dashboard."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from readme_support import section

INTERACTIVE = {"sprintkit stories add -s regio"}


def _commands() -> list[str]:
    text = section("Stories: a story cycle with a dashboard")
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("  #", 1)[0].strip()
            if line and line not in INTERACTIVE:
                commands.append(line)
    return commands


def test_documented_commands_run(cli, tmp_path):
    commands = _commands()
    assert len(commands) >= 15
    for line in commands:
        argv = shlex.split(line)
        assert argv[0] == "sprintkit", line
        res = cli(*argv[1:], cwd=tmp_path)
        assert res.exit_code == 0, f"{line}\n{res.stderr}"
    assert (tmp_path / "regio" / "dashboard.html").exists()
    assert (tmp_path / "verhalen-export.csv").exists()


def test_the_readme_shows_the_dashboard():
    text = section("The story dashboard")
    image = re.search(r"!\[[^\]]+\]\((docs/images/dashboard\.png)\)", text)
    assert image and "stories dashboard" in text
    png = (Path(__file__).resolve().parent.parent / image.group(1)).read_bytes()
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 1280
