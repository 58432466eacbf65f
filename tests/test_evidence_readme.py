"""The README section on evidence (docs/readme/evidence.md) runs exactly as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from evidence_support import ok

DOC = Path(__file__).resolve().parent.parent / "docs" / "readme" / "evidence.md"


def _blocks(text: str, kind: str) -> list[list[str]]:
    return [b.splitlines() for b in re.findall(rf"```{kind}\n(.*?)```", text, flags=re.S)]


def _steps(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) pairs from a console block."""
    steps: list[tuple[str, list[str]]] = []
    pending = ""
    for line in lines:
        if pending:
            pending += " " + line.strip().rstrip("\\").strip()
            if not line.rstrip().endswith("\\"):
                steps.append((pending, []))
                pending = ""
        elif line.startswith("$ "):
            command = line[2:].rstrip()
            if command.endswith("\\"):
                pending = command.rstrip("\\").strip()
            else:
                steps.append((command, []))
        elif steps and line.strip():
            steps[-1][1].append(line.rstrip())
    return steps


def test_readme_commands_run_as_written(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    text = DOC.read_text(encoding="utf-8")
    cwd = tmp_path
    monkeypatch.chdir(cwd)
    csv_text = "\n".join(_blocks(text, "text")[0]) + "\n"
    ran = 0
    for block in _blocks(text, "console"):
        for command, expected in _steps(block):
            argv = shlex.split(command)
            if argv[0] == "cd":
                cwd = cwd / argv[1]
                monkeypatch.chdir(cwd)
                (cwd / "wachttijden.csv").write_text(csv_text, encoding="utf-8")
                continue
            target = None
            if ">" in argv:
                target = cwd / argv[argv.index(">") + 1]
                argv = argv[: argv.index(">")]
            assert argv[0] == "sprintkit"
            res = cli(*argv[1:])
            ok(res)
            ran += 1
            if target is not None:
                target.write_text(res.stdout, encoding="utf-8")
            produced = {line.rstrip() for line in res.output.splitlines()}
            for line in expected:
                assert line in produced, (command, line, res.output)
    assert ran >= 12
    assert (cwd / "hypothesen.csv").read_text(encoding="utf-8").startswith("hypothesis,")
