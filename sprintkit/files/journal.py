"""The journal of walkthrough answers that could not be written to ``sprint.yaml`` yet (a hand
edit made it invalid, another process holds the lock): ``.sprintkit/pending-answers.yaml`` next
to it, replaced atomically, removed when empty."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

JOURNAL = Path(".sprintkit") / "pending-answers.yaml"


def journal_path(sprint_file: Path) -> Path:
    return sprint_file.parent / JOURNAL


def read_journal(sprint_file: Path) -> list[dict[str, Any]]:
    """The pending answers (empty when there are none)."""
    from sprintkit.files.yamlio import load_yaml

    path = journal_path(sprint_file)
    if not path.is_file():
        return []
    data = load_yaml(path).data
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def write_journal(sprint_file: Path, entries: list[dict[str, Any]]) -> Path:
    """Replace the journal atomically (removed when ``entries`` is empty)."""
    from sprintkit.files.atomic import write_atomic
    from sprintkit.files.yamlwrite import dump, fresh

    path = journal_path(sprint_file)
    if not entries:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return path
    head = ("# Answers given in `sprintkit run` that could not be written to sprint.yaml yet.\n"
            "# The next `sprintkit run` applies them; delete this file to drop them.\n")
    write_atomic(path, head + dump(fresh(entries)), inside=sprint_file.parent)
    return path
