"""The one terminal facade: data goes to stdout, diagnostics to stderr.

``NO_COLOR`` is respected (rich does this), and ``COLUMNS`` pins the width in tests. JSON and
CSV are written to stdout as plain text so no wrapping or markup can corrupt them.

Text from sprint files never steers the terminal: every character that could (C0 and C1
control characters such as ESC, DEL, bidirectional overrides such as U+202E, line separators,
lone surrogates) is shown as a visible stand-in by both consoles (:func:`terminal_safe`:
``\x1b`` shows as ``␛``, U+202E as ``�``), whatever view prints it. Markup is the views' part:
they print user text escaped, as :class:`rich.text.Text`, or with ``markup=False`` (tables whose
cells hold user text are printed so)."""

from __future__ import annotations

import json
import re
import sys
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from sprintkit.i18n import msg

if TYPE_CHECKING:
    from rich.console import Console


_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
"""Characters a terminal could act on (or that cannot be written): controls except tab and
line feed, bidirectional marks and overrides, line/paragraph separators, lone surrogates."""


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␛ for ESC, ␍ for CR, ␀ for NUL
    return "\u2421" if code == 0x7F else "\ufffd"


def terminal_safe(text: str) -> str:
    """``text`` with every character that could steer a terminal replaced by one visible
    character (so lengths, and the spans of styled text, stay the same)."""
    return _UNSAFE.sub(_stand_in, text) if _UNSAFE.search(text) else text


@cache
def _console(stderr: bool) -> Console:
    from rich.console import Console
    from rich.segment import Segment
    from rich.text import Text

    class SafeConsole(Console):
        """A console that writes no terminal control from the text it is given."""

        def render_str(self, text: str, **kwargs: Any) -> Any:
            return super().render_str(terminal_safe(text), **kwargs)

        def render(self, renderable: Any, options: Any = None) -> Any:
            if isinstance(renderable, Text) and _UNSAFE.search(renderable.plain):
                renderable = renderable.copy()
                renderable.plain = terminal_safe(renderable.plain)
            for segment in super().render(renderable, options):
                if not segment.control and _UNSAFE.search(segment.text):
                    segment = Segment(terminal_safe(segment.text), segment.style)
                yield segment

    return SafeConsole(stderr=stderr, highlight=False, soft_wrap=False, emoji=False)


def out() -> Console:
    """The console for results (stdout)."""
    return _console(False)


def err() -> Console:
    """The console for messages about the work (stderr)."""
    return _console(True)


def reset() -> None:
    """Forget the consoles (tests swap stdout/stderr between runs)."""
    _console.cache_clear()


def info(message: str) -> None:
    err().print(message, markup=False)


def success(message: str) -> None:
    err().print(f"[green]✓[/green] {_escape(message)}")


def warning(message: str) -> None:
    err().print(f"[yellow]{msg('common.warning')}[/yellow] {_escape(message)}")


def error(message: str, hint: str | None = None) -> None:
    err().print(f"[red bold]{msg('common.error')}[/red bold] {_escape(message)}")
    if hint:
        err().print(f"  [dim]{msg('common.hint')}[/dim] {_escape(hint)}")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


def emit_json(data: Any) -> None:
    """Stable JSON for scripts: UTF-8, indented, keys in the order given."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_default)
    # a lone surrogate cannot be written as UTF-8: JSON spells it as an escape
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def emit_text(text: str) -> None:
    """Plain text to stdout, as given (for Markdown, CSV and other data) — except that a lone
    surrogate (which UTF-8 cannot hold) becomes U+FFFD, and on a terminal, characters that
    could steer it are shown as stand-ins (:func:`terminal_safe`; CR is kept)."""
    text = _SURROGATE.sub("\ufffd", text)
    if is_terminal() and _UNSAFE.search(text):
        text = "\r".join(terminal_safe(part) for part in text.split("\r"))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


_SURROGATE = re.compile("[\ud800-\udfff]")


def is_terminal() -> bool:
    """Whether stdout is a terminal."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def is_interactive() -> bool:
    """Whether a person can answer prompts: stdin and stdout are terminals."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
