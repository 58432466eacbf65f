"""Checks of a sprint against its method (method exists, phases and outputs are the method's)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sprintkit.errors import Problem


def sprint_against_method(sprint: Any, doc: Any, path: Path) -> list[Problem]:
    """Problems located in the sprint file; empty when the method library is not available."""
    try:
        from sprintkit.files import library
    except ImportError:  # the method library is optional for bare validation
        return []
    check = getattr(library, "validate_against_method", None)
    if check is None:
        return []
    return list(check(sprint, doc, path))
