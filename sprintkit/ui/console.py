"""The one terminal facade: data goes to stdout, diagnostics to stderr.

``NO_COLOR`` is respected (rich does this), and ``COLUMNS`` pins the width in tests. JSON and
CSV are written to stdout as plain text so no wrapping or markup can corrupt them."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


@cache
def _console(stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False, emoji=False)


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
    err().print(f"[yellow]warning:[/yellow] {_escape(message)}")


def error(message: str, hint: str | None = None) -> None:
    err().print(f"[red bold]error:[/red bold] {_escape(message)}")
    if hint:
        err().print(f"  [dim]hint:[/dim] {_escape(hint)}")


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
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")
    sys.stdout.flush()


def emit_text(text: str) -> None:
    """Plain text to stdout, exactly as given (for Markdown, CSV and other data)."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def is_interactive() -> bool:
    """Whether a person can answer prompts: stdin and stdout are terminals."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
