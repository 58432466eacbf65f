"""Reading the documentation in tests: README.md and the pages under docs/ (the English
reference and the Dutch pages in docs/nl/), their sections, and the commands in their console
blocks. A ``## `` section is found by its title whichever file holds it, so text can move
between the README and the pages without the tests that run it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"


def readme() -> str:
    return README.read_text(encoding="utf-8")


def pages() -> list[Path]:
    """Every Markdown page of the documentation site (docs/**/*.md), in a fixed order."""
    return sorted(DOCS.rglob("*.md"))


def dutch_pages() -> list[Path]:
    return sorted((DOCS / "nl").rglob("*.md"))


def documents(*, dutch: bool = True) -> list[Path]:
    """README.md, then the pages; without the Dutch ones when ``dutch`` is false."""
    found = [README] + pages()
    return found if dutch else [p for p in found if p not in dutch_pages()]


def documentation(*, dutch: bool = True) -> str:
    """The text of the README and every page, one after the other."""
    return "\n".join(p.read_text(encoding="utf-8") for p in documents(dutch=dutch))


def _section_in(text: str, title: str) -> str | None:
    lines = text.splitlines(keepends=True)
    start = None
    fenced = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        if fenced:
            continue
        if line.startswith("## ") or line.startswith("# "):
            if start is not None:
                return "".join(lines[start:i])
            if line.startswith("## ") and line[3:].strip() == title:
                start = i
    return None if start is None else "".join(lines[start:])


def section(title: str) -> str:
    """The text of the ``## title`` section (up to the next ``## `` or ``# `` heading, outside
    fences) in README.md or a page under docs/. A title must be used in one file only."""
    found = {p: s for p in documents() if (s := _section_in(p.read_text(encoding="utf-8"),
                                                                title)) is not None}
    if not found:
        raise AssertionError(f"neither the README nor docs/ has a section {title!r}")
    if len(found) > 1:
        names = ", ".join(str(p.relative_to(ROOT)) for p in found)
        raise AssertionError(f"the section {title!r} is in more than one file: {names}")
    return next(iter(found.values()))


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


def commands_in(text: str) -> list[str]:
    """Every ``sprintkit …`` command line in the console and bash blocks of ``text``."""
    found = []
    for block in blocks(text, "console"):
        found += [c for c, _ in console_steps(block) if c.startswith("sprintkit ")]
    for block in blocks(text, "bash"):
        for line in "\n".join(block).replace("\\\n", " ").splitlines():
            line = line.split("  #", 1)[0].strip()
            if line.startswith("sprintkit "):
                found.append(line)
    return found


def all_commands(*, dutch: bool = True) -> list[str]:
    """Every ``sprintkit …`` command line in the README and every page (the Dutch ones too,
    unless ``dutch`` is false)."""
    found: list[str] = []
    for path in documents(dutch=dutch):
        found += commands_in(path.read_text(encoding="utf-8"))
    return found
