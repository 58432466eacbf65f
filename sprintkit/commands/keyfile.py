"""`sprintkit key-file`: where a sprint's key file (names to pseudonymise) is, or create it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from sprintkit.commands._common import PANEL_FILES, Format, FormatOpt, SprintOpt


def key_file(
    sprint: SprintOpt = Path("."),
    create: Annotated[bool, typer.Option(
        "--create", help="Create the key file (0600, outside the sprint folder) if it does not "
        "exist yet.")] = False,
    format: FormatOpt = Format.text,
) -> None:
    """Show where the sprint's key file (sleutelbestand) is and how many people it lists.

    Names in the key file are replaced by stable codes in everything typed into the sprint
    (statements, quotes, notes, learning cards, answers, stories). The file lives outside the
    sprint folder by default; it is never shown, exported or put in a report. The JSON keys
    (--format json) are: path, exists, created, names, warnings.
    """
    from sprintkit.ops.keyfile import key_file as find_key_file

    show(find_key_file(sprint=sprint, create=create), format)


def show(result: dict[str, Any], format: Format) -> None:
    """Print a key file's facts: the path on stdout, the rest on stderr (never a name)."""
    from sprintkit.i18n import msg
    from sprintkit.ui import console

    for message in result["warnings"]:
        console.warning(message)
    if format is Format.json:
        console.emit_json(result)
        return
    console.emit_text(result["path"])
    if result["created"]:
        console.info(msg("keyfile.created"))
    elif not result["exists"]:
        console.info(msg("keyfile.none_yet"))
    else:
        console.info(msg("keyfile.people", count=result["names"]))


def register(app: typer.Typer) -> None:
    """Add `key-file` to the root app."""
    app.command("key-file", rich_help_panel=PANEL_FILES)(key_file)
