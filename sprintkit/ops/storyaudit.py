"""`stories audit`: read a published story output back (a dashboard's HTML, or the JSON of
`stories summary`/`stories shifts`) and audit it with linear programming: per hidden count the
smallest and largest value that everything published together allows."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sprintkit.errors import InvalidFile, Problem, UsageError
from sprintkit.i18n import msg

_DATA = re.compile(r'<script type="application/json" id="data">(.*?)</script>', re.S)


def read_published(path: Path) -> dict[str, Any]:
    """The data of a dashboard HTML file or of a story output saved as JSON."""
    from sprintkit.files.textfile import display, read_text

    text = read_text(Path(path))
    shown = display(Path(path))
    match = _DATA.search(text) if text.lstrip().startswith("<") else None
    if text.lstrip().startswith("<") and match is None:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("stories.audit_html"),
                                   msg("stories.audit_html_hint"))])
    try:
        data = json.loads(match.group(1) if match else text)
    except json.JSONDecodeError as exc:
        raise InvalidFile([Problem(shown, exc.lineno, exc.colno, "", msg("stories.audit_json"),
                                   msg("stories.audit_json_hint"))]) from None
    if not isinstance(data, dict):
        raise InvalidFile([Problem(shown, 0, 0, "", msg("stories.audit_not_output"))])
    return data


def audit_file(*, file: Path, min_cell: int | None = None) -> dict[str, Any]:
    """Per hidden count its feasible interval and verdict; ``passed`` is the release rule for
    all of them (every interval spans at least ``min_cell``)."""
    from sprintkit.engine.storycells import audit_output
    from sprintkit.engine.storykeys import kind_of
    from sprintkit.files.textfile import display

    data = read_published(file)
    try:
        kind = kind_of(data)
    except ValueError as exc:
        raise InvalidFile([Problem(display(Path(file)), 0, 0, "", str(exc))]) from None
    limit = min_cell if min_cell is not None else data.get("min_cell")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise UsageError(msg("stories.audit_min_cell"))
    try:
        cells = audit_output(data, limit)
    except (KeyError, TypeError, AttributeError, ValueError):
        raise InvalidFile([Problem(display(Path(file)), 0, 0, "",
                                   msg("stories.audit_unreadable",
                                       kind=msg("stories.output." + kind)))]) from None
    failing = sum(1 for c in cells if not c["passes"])
    return {"file": display(Path(file)), "kind": kind, "min_cell": limit,
            "rule": f"max - min >= {limit} for every hidden count",
            "hidden": len(cells), "failing": failing, "passed": failing == 0, "cells": cells}
