"""Reading what a person types: one line, several lines, a number from a menu.

Every prompt goes through :func:`line`, which reads with the terminal's own line editing and
turns a closed input (Ctrl-D, a terminal that went away) into :class:`KeyboardInterrupt`, so the
walkthrough stops the same way as on Ctrl-C: everything already given is saved."""

from __future__ import annotations

import os
import select
import sys
from collections.abc import Callable, Sequence
from typing import Any

from sprintkit.ui.console import out

BACK = "<"
SKIP = "-"
ADD = "+"

hook: Any = None
"""Set by the walkthrough (:mod:`sprintkit.ui.timer_keys`): ``hook.before()`` runs before each
prompt (the timer's status line), ``hook.handle(text)`` is true when the typed line was a
command for it (``:+5m``), and then the same prompt is asked again."""


def esc(text: Any) -> str:
    from rich.markup import escape

    return escape(str(text))


def line(prompt: str = "> ", *, markup: bool = True) -> str:
    """One line of input, without the newline. ``prompt`` may hold rich markup."""
    while True:
        if hook is not None:
            hook.before()
        try:
            text = out().input(prompt if markup else esc(prompt))
        except EOFError:
            raise KeyboardInterrupt from None
        if hook is None or not hook.handle(text):
            return text


PASTE_WAIT = 0.05
"""Seconds to wait for more lines after one is read: lines that arrive within it were pasted."""


def pasted() -> list[str]:
    """The lines already waiting on a terminal (the rest of a paste), read at once, with the
    last line of a paste copied without its final newline (:func:`unended`). On Windows
    ``select`` cannot wait on a console, so pasted lines arrive one by one, as if typed."""
    if os.name == "nt":
        return []
    try:
        fd = sys.stdin.fileno()
        if not os.isatty(fd):
            return []
        found: list[str] = []
        while select.select([fd], [], [], PASTE_WAIT)[0]:
            found.append(line("").rstrip("\r"))
        if found:  # lines came together: a paste, and what waits after it is its last line
            found += unended(fd)
        return found
    except (OSError, ValueError):
        return []


def unended(fd: int) -> list[str]:
    """What still waits on the terminal, chiefly the last line of a paste copied without its
    final newline. The terminal's line editing holds such a line back until Enter, so it is
    read with line editing off for a moment; the terminal already shows it, and the cursor
    goes to the next line as if Enter had been pressed."""
    import termios

    try:
        before = termios.tcgetattr(fd)
    except termios.error:
        return []
    if not before[3] & termios.ICANON:
        return []
    raw = list(before)
    raw[3] &= ~termios.ICANON
    raw[6] = list(before[6])
    raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
    data = b""
    try:
        termios.tcsetattr(fd, termios.TCSANOW, raw)
        while chunk := os.read(fd, 4096):
            data += chunk
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, before)
    text = data.decode(sys.stdin.encoding or "utf-8", errors="replace")
    if not text:
        return []
    if not text.endswith("\n"):
        out().print()
    return [part.rstrip("\r") for part in text.removesuffix("\n").split("\n")]


def inner_blanks_kept(block: list[str]) -> tuple[list[str], bool]:
    """A pasted block's lines up to its last text, and whether an empty line came after it
    (which ends the answer, as when typed). An empty line between texts does not end it."""
    last = max((i for i, text in enumerate(block) if text.strip()), default=-1)
    return block[:last + 1], last + 1 < len(block)


def lines(first_prompt: str = "> ", next_prompt: str = "  ") -> list[str]:
    """Lines until an empty line (the first line may be a command such as ``<``). A pasted
    text comes whole: its empty lines between paragraphs are kept."""
    result: list[str] = []
    while True:
        text = line(first_prompt if not result else next_prompt)
        if not text.strip():
            return result
        result.append(text.rstrip())
        if len(result) == 1 and text.strip() in (BACK, SKIP):
            return result
        more, ended = inner_blanks_kept(pasted())
        result += [m.rstrip() for m in more]
        if ended:
            return result


def numbered(options: Sequence[str], start: int = 1, indent: int = 2) -> None:
    """Print options as a numbered list whose wrapped lines hang under their text."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1, 0, 0))
    width = len(str(len(options) + start - 1)) + 1
    grid.add_column(width=indent + width, no_wrap=True, justify="right")
    grid.add_column()
    for n, option in enumerate(options, start=start):
        grid.add_row(f"{n}.", Text.from_markup(option))
    out().print(grid)


def ask_until(prompt: str, parse: Callable[[str], Any], show_error: Callable[[str], None]) -> Any:
    """Ask until ``parse`` accepts the text (it raises ``ValueError`` with the reason)."""
    while True:
        text = line(prompt)
        try:
            return parse(text)
        except ValueError as exc:
            show_error(str(exc))


def pick(prompt: str, count: int, show_error: Callable[[str], None], *,
         allow_empty: bool = True, wrong: str | None = None) -> int | None:
    """A number from 1 to ``count`` (``None`` for Enter when ``allow_empty``); ``wrong`` is the
    message for anything else (default: the catalogue's, in the language of the work)."""
    if wrong is None:
        from sprintkit.i18n import msg

        wrong = msg("walkthrough.wrong_number", n="{n}")

    def parse(text: str) -> int | None:
        text = text.strip()
        if not text and allow_empty:
            return None
        if text.isdigit() and 1 <= int(text) <= count:
            return int(text)
        raise ValueError(wrong.format(n=count))

    result: int | None = ask_until(prompt, parse, show_error)
    return result


def yes_no(prompt: str, lang: str, default: bool = False) -> bool:
    """``ja/nee`` or ``yes/no`` (Enter: the default)."""
    from sprintkit.i18n import t

    yes, no = t("walkthrough.yes", lang)[0], t("walkthrough.no", lang)[0]  # j/n, y/n
    shown = f"{yes.upper()}/{no}" if default else f"{yes}/{no.upper()}"
    while True:
        text = line(f"{prompt} [{shown}] ").strip().casefold()
        if not text:
            return default
        if text in ("j", "ja", "y", "yes"):
            return True
        if text in ("n", "nee", "no"):
            return False
