"""The root command: help, version, exit codes for wrong usage."""

from __future__ import annotations

import subprocess
import sys

from sprintkit import __version__


def test_version(cli):
    res = cli("--version")
    assert res.exit_code == 0
    assert res.stdout.strip() == f"sprintkit {__version__}"


def test_help_lists_groups(cli):
    res = cli("--help")
    assert res.exit_code == 0
    assert "Usage" in res.stdout


def test_unknown_command_is_usage_error(cli):
    res = cli("no-such-command")
    assert res.exit_code == 2
    assert "no-such-command" in res.stderr


def test_python_dash_m():
    proc = subprocess.run(
        [sys.executable, "-m", "sprintkit", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("sprintkit ")


HEAVY = ("docx", "jinja2", "ruamel", "matplotlib", "scipy", "pydantic", "pandas")


def test_help_and_version_stay_light():
    code = (
        "import sys\n"
        "from sprintkit.cli import app\n"
        "for argv in (['--help'], ['--version']):\n"
        "    try:\n"
        "        app(argv, prog_name='sprintkit')\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print('LOADED:' + ' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    loaded = proc.stdout.rsplit("LOADED:", 1)[1].strip()
    assert loaded == "", f"--help/--version imported heavy modules: {loaded}"


def test_shell_completion_completes_commands_and_subcommands():
    """Typer's completion: what `sprintkit --install-completion` wires into the shell."""
    import os

    def complete(words: str, cword: int) -> str:
        env = {**os.environ, "_SPRINTKIT_COMPLETE": "complete_bash", "COMP_WORDS": words,
               "COMP_CWORD": str(cword)}
        proc = subprocess.run([sys.executable, "-m", "sprintkit"], env=env, capture_output=True,
                              text=True, check=False)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    assert complete("sprintkit hyp", 1).split() == ["hypothesis"]
    assert set(complete("sprintkit programme ", 2).split()) >= {"new", "add", "status", "report"}


def test_every_command_summary_is_one_line(cli, monkeypatch):
    """The command lists in --help wrap summaries to the terminal, never at a docstring's
    own line breaks (rich markup mode keeps those): on a wide terminal each command's
    summary is one row, with no continuation rows."""
    monkeypatch.setenv("COLUMNS", "300")
    groups = ["", "methods", "workforms", "hypothesis", "evidence", "templates", "programme",
              "indicator", "team", "action", "stories"]
    rows = 0
    for group in groups:
        res = cli(*group.split(), "--help")
        assert res.exit_code == 0, res.output
        in_commands = False
        for line in res.stdout.splitlines():
            if line.startswith("╭─") and "Options" not in line and "Arguments" not in line:
                in_commands = True
            elif line.startswith("╰"):
                in_commands = False
            elif in_commands and line.startswith("│"):
                assert line[2] != " ", f"{group or 'sprintkit'} --help: a broken summary: {line}"
                rows += 1
    assert rows > 50
