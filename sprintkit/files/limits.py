"""Bounds on what sprintkit reads, so hostile input is refused quickly and in bounded memory."""

from __future__ import annotations

import os


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


MAX_FILE_MB = _env_int("SPRINTKIT_MAX_FILE_MB", 20)
"""Largest YAML file read, in MiB (override with SPRINTKIT_MAX_FILE_MB)."""
MAX_NODES = 2_000_000
"""Largest number of YAML nodes after expanding aliases (stops 'billion laughs')."""
MAX_DEPTH = 100
"""Deepest nesting of mappings and lists."""


def max_file_bytes() -> int:
    return _env_int("SPRINTKIT_MAX_FILE_MB", MAX_FILE_MB) * 1024 * 1024
