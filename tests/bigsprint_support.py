"""The benchmarks' generated big sprints (``benchmarks/bigsprint.py``, outside the package) for
the tests that need one."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from bigsprint import big_sprint, big_sprint_data, write_big_sprint  # noqa: E402

__all__ = ["BENCH", "big_sprint", "big_sprint_data", "write_big_sprint"]
