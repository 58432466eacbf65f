"""The JSON Schema next to a sprint or programme file (``.sprintkit/<kind>.schema.json``), which
the file's first line points editors to (``# yaml-language-server: $schema=…``)."""

from __future__ import annotations

import contextlib
from pathlib import Path

SCHEMA_DIR = ".sprintkit"
MODELINE = "# yaml-language-server: $schema="


def schema_path(folder: Path, kind: str) -> Path:
    return Path(folder) / SCHEMA_DIR / f"{kind}.schema.json"


def write_schema_file(folder: Path, kind: str = "sprint") -> Path:
    """Write ``FOLDER/.sprintkit/<kind>.schema.json`` (the file's JSON Schema, the same text as
    ``sprintkit schema <kind>``) so editors can check and complete sprint.yaml or
    programme.yaml. The file is left alone when it already holds exactly this text."""
    from sprintkit.files.atomic import write_atomic
    from sprintkit.model.schema import schema_text

    path = schema_path(folder, kind)
    text = schema_text(kind)
    try:
        if path.read_text(encoding="utf-8") == text:
            return path
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(path, text, inside=Path(folder))
    return path


def ensure_schema(file: Path, text: str, kind: str) -> None:
    """After sprintkit wrote ``file``: when its first line points to the schema in the folder's
    ``.sprintkit/`` and that is missing (a copied example, a fresh clone), write it. Best
    effort: a folder where it cannot be written keeps working without it."""
    first = text.split("\n", 1)[0].strip()
    if first != f"{MODELINE}{SCHEMA_DIR}/{kind}.schema.json":
        return
    if schema_path(file.parent, kind).exists():
        return
    from sprintkit.errors import SprintkitError

    with contextlib.suppress(OSError, SprintkitError):  # a linked .sprintkit/ is left alone
        write_schema_file(file.parent, kind)
