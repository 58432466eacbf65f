"""The README section on running a sprint runs exactly as written: the
terminal session in a real pseudo-terminal, the unattended replay through the CLI."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from readme_support import blocks, section
from run_support import spawn


def _blocks(kind: str) -> list[list[str]]:
    return blocks(section("Running a sprint: `run`, `status` and `timer`"), kind)


def _steps(lines: list[str]) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("$ "):
            steps.append((line[2:].strip(), []))
        elif steps and line.strip():
            steps[-1][1].append(line.rstrip())
    return steps


def _write_yaml_blocks(cwd: Path) -> list[str]:
    names = []
    for block in _blocks("yaml"):
        name = block[0].removeprefix("# ").split(" ")[0]
        (cwd / name).write_text("\n".join(block) + "\n", encoding="utf-8")
        names.append(name)
    return names


def test_the_unattended_blocks_run_as_written(cli, tmp_path, monkeypatch):
    from sprintkit.ui import timer_view

    monkeypatch.setattr(timer_view, "sleep", lambda s: None)
    ticks = iter(range(0, 10_000))
    monkeypatch.setattr(timer_view, "clock", lambda: next(ticks) * 0.5)
    from sprintkit.ops import timer as shared

    monkeypatch.setattr(shared, "clock", lambda: 1_800_000_000.0)  # the shared timer stands
    monkeypatch.chdir(tmp_path)
    assert _write_yaml_blocks(tmp_path) == ["antwoorden.yaml", "stemmen.yaml"]
    ran = 0
    for block in _blocks("console")[1:]:
        for command, expected in _steps(block):
            argv = shlex.split(command)
            assert argv[0] == "sprintkit"
            res = cli(*argv[1:])
            failing = any(line.startswith(("error:", "fout:")) for line in expected)
            assert res.exit_code == (1 if failing else 0), (command, res.output)
            produced = {line.replace("\a", "").rstrip() for line in res.output.splitlines()}
            for line in expected:
                assert line in produced, (command, line, res.output)
            ran += 1
    assert ran >= 10


@pytest.mark.pty
@pytest.mark.slow
def test_the_terminal_session_runs_as_written(cli, tmp_path):
    assert cli("new", "experiment-sprint", tmp_path / "veiligheid", "--title",
               "Veiligheidsformat", "--no-input").exit_code == 0
    block = _blocks("console")[0]
    assert block[0] == "$ sprintkit run -s veiligheid"
    child = spawn(shlex.split(block[0][2:])[1:], tmp_path, tmp_path / "home", columns=80)
    for line in block[1:]:
        stripped = line.strip()
        numbered = re.fullmatch(r"(\d+)\.(?: (.*))?", stripped)
        if not stripped or stripped == "…":
            continue
        if stripped.startswith(">"):
            child.sendline(stripped[1:].strip())
        elif stripped == "^C":
            child.sendintr()
        elif stripped.endswith("Enter voor nee:"):
            child.expect_exact(stripped)
            child.sendline("")
        elif numbered:  # an item typed at a list prompt
            child.expect_exact(f"{numbered.group(1)}. ")
            child.sendline(numbered.group(2) or "")
        else:
            child.expect_exact(stripped)
    child.expect(__import__("pexpect").EOF)
    child.close()
    assert child.exitstatus == 130
    from sprintkit.files.sprintfile import load_sprint

    frame = load_sprint(tmp_path / "veiligheid").model.phases["frame"]
    assert frame.outputs["assumptions"] == ["Gezinsmanagers vullen het format sneller in",
                                            "Ouders begrijpen het plan beter"]
