"""Every command in the stories README section runs as written, in order."""

from __future__ import annotations

import re
import shlex

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
