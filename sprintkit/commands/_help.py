"""Help texts that never break a sentence mid-line.

Docstrings are hard-wrapped at the source's line length. In rich markup mode Typer keeps every
single line break of a help text after its first paragraph, so ``--help`` showed a sentence cut
off wherever the source line ended (``… is never`` / ``overwritten.``), on top of the terminal's
own wrapping. :func:`unwrap` joins the lines of each paragraph into one before Typer sees the
text; blank lines (paragraph breaks), list items (``-``, ``*``, ``•``, ``1.``), indented lines
(examples) and Click's ``\\b`` no-rewrap paragraphs keep their line breaks. :func:`unwrap_app`
does it once for every command and group of an app. Stdlib only (it runs on every start)."""

from __future__ import annotations

import inspect
from typing import Any


def unwrap(text: str) -> str:
    """``text`` with the single line breaks inside each paragraph replaced by spaces."""
    body, stop, rest = inspect.cleandoc(text).partition("\f")
    body = "\n".join(line if line.strip() else "" for line in body.split("\n"))
    paragraphs = [p for p in body.split("\n\n") if p]
    return "\n\n".join(_paragraph(p.strip("\n")) for p in paragraphs) + stop + rest


def _is_item(line: str) -> bool:
    """A list item: ``- x``, ``* x``, ``• x``, ``1. x``, ``2) x`` (indented or not)."""
    text = line.lstrip()
    if text[:2] in ("- ", "* ", "• "):
        return True
    digits = len(text) - len(text.lstrip("0123456789"))
    return 0 < digits and text[digits:digits + 2] in (". ", ") ")


def _paragraph(paragraph: str) -> str:
    if paragraph.startswith("\b"):
        return paragraph
    lines: list[str] = []
    in_item = False
    for line in paragraph.split("\n"):
        if _is_item(line):
            lines.append(line.rstrip())
            in_item = True
        elif lines and (in_item or not line[:1].isspace()) and not _indented(lines[-1], in_item):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line.rstrip())
            in_item = False
    return "\n".join(lines)


def _indented(previous: str, in_item: bool) -> bool:
    """An example line (indented, not in a list item) is never joined with the next."""
    return not in_item and previous[:1].isspace()


def unwrap_app(app: Any) -> None:
    """Unwrap the help of ``app`` (a ``typer.Typer``), its commands and its groups, recursively;
    each command also gets its first paragraph on one line as its summary in listings."""
    if isinstance(app.info.help, str):
        app.info.help = unwrap(app.info.help)
    for info in app.registered_commands:
        text = info.help or (inspect.getdoc(info.callback) if info.callback else None)
        if text:
            info.help = unwrap(text)
            if info.short_help is None:
                info.short_help = info.help.split("\n\n", 1)[0].replace("\n", " ")
    for group in app.registered_groups:
        if isinstance(group.help, str):
            group.help = unwrap(group.help)
        if group.typer_instance is not None:
            unwrap_app(group.typer_instance)
