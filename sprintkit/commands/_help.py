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
import re
from typing import Any

_ITEM = re.compile(r"\s*([-*•]|\d+[.)])\s")


def unwrap(text: str) -> str:
    """``text`` with the single line breaks inside each paragraph replaced by spaces."""
    body, stop, rest = inspect.cleandoc(text).partition("\f")
    paragraphs = re.split(r"\n[ \t]*\n", body)
    return "\n\n".join(_paragraph(p) for p in paragraphs) + stop + rest


def _paragraph(paragraph: str) -> str:
    if paragraph.startswith("\b"):
        return paragraph
    lines: list[str] = []
    in_item = False
    for line in paragraph.split("\n"):
        if _ITEM.match(line):
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
