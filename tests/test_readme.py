"""The README and the documentation pages under docs/ are true: the README opens with the two
set-up commands, every command is documented, every command shown parses, the short tour runs
exactly as written (in English and in Dutch), and the Dutch pages show only commands the English
ones show."""

from __future__ import annotations

import shlex
from typing import Any

import pytest
from readme_support import (
    all_commands,
    blocks,
    commands_in,
    console_steps,
    documentation,
    dutch_pages,
    readme,
    section,
)
from typer.main import get_command

from sprintkit.cli import app

LONG_RUNNING = ("timer",)
"""Commands that would really wait (a countdown); their options are checked with --help only."""


def _command_paths() -> list[str]:
    paths: list[str] = []

    def walk(cmd: Any, prefix: str) -> None:
        subcommands = getattr(cmd, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            paths.append(prefix)

    walk(get_command(app), "")
    return paths


def _argv(line: str) -> list[str]:
    argv = shlex.split(line)
    for stop in (">", "|", "&&"):
        if stop in argv:
            argv = argv[: argv.index(stop)]
    return argv[1:]


def test_first_screen_shows_the_two_setup_commands():
    first = "\n".join(readme().splitlines()[:40])
    assert "make demo" in first and "make test" in first


def test_every_command_is_documented():
    text = documentation(dutch=False)
    missing = [p for p in _command_paths() if f"sprintkit {p}" not in text]
    assert missing == [], f"commands not shown in the README or docs/: {missing}"


def test_the_readme_links_every_reference_page():
    from readme_support import DOCS, pages

    text = readme()
    missing = [str(p.relative_to(DOCS)) for p in pages()
               if f"(docs/{p.relative_to(DOCS).as_posix()}" not in text]
    assert missing == [], f"pages the README does not link: {missing}"


def test_the_dutch_pages_show_only_commands_the_english_ones_show():
    english = set(all_commands(dutch=False))
    for page in dutch_pages():
        shown = commands_in(page.read_text(encoding="utf-8"))
        assert shown, page
        assert [c for c in shown if c not in english] == [], page


def test_every_documented_command_line_parses(cli, tmp_path_factory):
    """Each command line shown, run in an empty folder, is never a usage error (exit 2): the
    command exists and takes every option shown. (Most stop at 'no sprint.yaml here'.)"""
    commands = all_commands()
    assert len(commands) > 40
    for line in commands:
        argv = _argv(line)
        if argv and argv[0] in LONG_RUNNING:
            argv = [argv[0], "--help"]
        res = cli(*argv, cwd=tmp_path_factory.mktemp("readme"))
        assert res.exit_code != 2, f"README command is wrong usage: {line}\n{res.output}"
        assert "Traceback" not in res.output, line


@pytest.mark.parametrize("title", ["A short tour", "Een korte rondleiding"])
def test_the_short_tour_runs_as_written(cli, tmp_path, monkeypatch, title):
    monkeypatch.chdir(tmp_path)
    cwd = tmp_path
    [block] = blocks(section(title), "console")
    steps = console_steps(block)
    assert len(steps) >= 8
    for command, expected in steps:
        argv = shlex.split(command)
        if argv[0] == "cd":
            cwd = cwd / argv[1]
            monkeypatch.chdir(cwd)
            continue
        res = cli(*argv[1:])
        assert res.exit_code == 0, (command, res.output)
        produced = {line.rstrip() for line in res.output.splitlines()}
        for line in expected:
            assert line in produced, (command, line, res.output)
    assert (cwd / "reports" / "kust-experiment-eindpresentatie.docx").is_file()


def _slug(heading: str) -> str:
    import re

    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", heading).strip().lower())


def test_the_readme_links_lead_somewhere():
    """The README's links into docs/ (and its picture) point at files that exist, and an anchor
    at a heading of that page: mkdocs checks the pages' links, this checks the front door's."""
    import re

    from readme_support import ROOT

    links = re.findall(r"\]\(([^)#\s]+)(?:#([^)\s]+))?\)", readme())
    local = [(target, anchor) for target, anchor in links if "://" not in target]
    assert len(local) > 15
    for target, anchor in local:
        path = ROOT / target
        assert path.exists(), target
        if anchor:
            headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
            assert anchor in {_slug(h) for h in headings}, (target, anchor)
