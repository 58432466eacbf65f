"""`sprintkit schema KIND`: print a file format's JSON Schema for editors and CI."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from sprintkit.commands._common import PANEL_FILES


class Kind(str, Enum):
    sprint = "sprint"
    method = "method"
    programme = "programme"
    workform = "workform"


def schema(
    kind: Annotated[Kind, typer.Argument(help="Which file format.")] = Kind.sprint,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --out when it exists.")] = False,
) -> None:
    """Print the JSON Schema (draft-07) of a file format.

    Files sprintkit writes start with a `# yaml-language-server: $schema=…` line, so editors
    such as VS Code (YAML extension) autocomplete keys and flag typos."""
    from sprintkit.files.atomic import write_atomic
    from sprintkit.model.schema import schema_text
    from sprintkit.ui import console

    text = schema_text(kind.value)
    if out is None:
        console.emit_text(text)
    else:
        from sprintkit.files.safepath import refuse_existing

        refuse_existing(out, force)
        write_atomic(out, text)
        from sprintkit.i18n import msg

        console.success(msg("setup.wrote", file=out))


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel=PANEL_FILES)(schema)
