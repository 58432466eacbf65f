"""Reading the README in tests: its sections, and the commands in its console blocks."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def readme() -> str:
    return README.read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of the ``## title`` section (up to the next ``## `` heading, outside fences)."""
    lines = readme().splitlines(keepends=True)
    start = None
    fenced = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        if fenced:
            continue
        if line.startswith("## "):
            if start is not None:
                return "".join(lines[start:i])
            if line[3:].strip() == title:
                start = i
    if start is None:
        raise AssertionError(f"the README has no section {title!r}")
    return "".join(lines[start:])


def blocks(text: str, kind: str) -> list[list[str]]:
    """The lines of every ```kind fenced block in ``text``."""
    return [b.splitlines() for b in re.findall(rf"```{kind}\n(.*?)```", text, flags=re.S)]


def console_steps(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) pairs from a console block; ``\\`` continues a line and
    a ``  # comment`` after a command is dropped."""
    steps: list[tuple[str, list[str]]] = []
    pending = ""
    for line in lines:
        if pending:
            pending += " " + line.strip().rstrip("\\").strip()
            if not line.rstrip().endswith("\\"):
                steps.append((pending, []))
                pending = ""
        elif line.startswith("$ "):
            command = re.sub(r"\s{2,}#.*$", "", line[2:].rstrip())
            if command.endswith("\\"):
                pending = command.rstrip("\\").strip()
            else:
                steps.append((command, []))
        elif steps and line.strip():
            steps[-1][1].append(line.rstrip())
    return steps


def all_commands() -> list[str]:
    """Every ``sprintkit …`` command line in the README's console and bash blocks."""
    text = readme()
    found = []
    for block in blocks(text, "console"):
        found += [c for c, _ in console_steps(block) if c.startswith("sprintkit ")]
    for block in blocks(text, "bash"):
        for line in "\n".join(block).replace("\\\n", " ").splitlines():
            line = line.split("  #", 1)[0].strip()
            if line.startswith("sprintkit "):
                found.append(line)
    return found
