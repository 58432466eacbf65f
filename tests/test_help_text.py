"""``--help`` never breaks a sentence where a docstring's source line happened to end."""

from __future__ import annotations

import inspect
import re

import pytest

from sprintkit.commands._help import unwrap


def _commands() -> list[tuple[list[str], object]]:
    from typer.main import get_command

    from sprintkit.cli import app

    found: list[tuple[list[str], object]] = []

    def walk(group, prefix):
        found.append((prefix, group))
        for name in group.list_commands(None):
            cmd = group.get_command(None, name)
            if hasattr(cmd, "list_commands"):
                walk(cmd, [*prefix, name])
            else:
                found.append(([*prefix, name], cmd))

    walk(get_command(app), [])
    return found


def _description(output: str) -> list[list[str]]:
    """The paragraphs of the help text between the usage line and the first panel."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("Usage:")) + 1
    paragraphs: list[list[str]] = [[]]
    for line in lines[start:]:
        if line.lstrip().startswith(("╭", "+-")):
            break
        text = line.strip()
        if text:
            paragraphs[-1].append(text)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _words(text: str) -> list[str]:
    return re.sub(r"\[/?[a-z ]+\]", "", text).split()


@pytest.mark.parametrize("columns", [100, 80])
def test_every_help_fills_its_lines_and_says_the_whole_docstring(cli, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    width = columns - 2  # rich pads the help text by one space on each side
    commands = _commands()
    assert len(commands) > 40
    broken = []
    for argv, command in commands:
        res = cli(*argv, "--help")
        assert res.exit_code == 0, (argv, res.output)
        paragraphs = _description(res.stdout)
        assert paragraphs, argv
        for paragraph in paragraphs:
            for line, following in zip(paragraph, paragraph[1:], strict=False):
                # a line that ends while the next word would still have fit was broken by hand
                if len(line) + 1 + len(following.split()[0]) <= width:
                    broken.append((" ".join(argv), line, following))
        said = _words(" ".join(" ".join(p) for p in paragraphs))
        doc = unwrap(command.help or "").partition("\f")[0]
        assert said == _words(doc), argv
    assert broken == []


def test_the_reported_break_is_gone(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    res = cli("programme", "new", "--help")
    assert "An existing programme.yaml is never overwritten." in res.stdout


def test_unwrap_keeps_paragraphs_lists_and_examples():
    text = inspect.cleandoc("""First line
        goes on.

        A paragraph that
        was wrapped.

        - an item
          that goes on
        - another item

        Example:

            sprintkit new x
            sprintkit run
        """)
    assert unwrap(text) == (
        "First line goes on.\n\nA paragraph that was wrapped.\n\n"
        "- an item that goes on\n- another item\n\nExample:\n\n"
        "    sprintkit new x\n    sprintkit run")
    assert unwrap("\b\nkeep\nthese lines") == "\b\nkeep\nthese lines"
