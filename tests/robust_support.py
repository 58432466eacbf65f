"""Shared helpers for the robustness tests: run sprintkit as a real process with bounded time
and memory, and measure what it used."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REPORT_SPRINT = REPO / "tests" / "data" / "report_sprint"
MEMORY_LIMIT_MB = 1536
"""Address-space limit for hostile-input runs: an unbounded allocation fails instead of
swapping the machine."""


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


LAUNCHER = REPO / "benchmarks" / "launch.py"


def sprintkit(*args: object, cwd: Path | None = None, timeout: float = 60,
              memory_mb: int | None = MEMORY_LIMIT_MB, env: dict[str, str] | None = None,
              stdin: str | None = None) -> Run:
    """``python -m sprintkit ARGS`` in a child process (the test's isolated environment), with
    an address-space limit; wall time and peak resident memory (``ru_maxrss``) measured.

    The child is started through ``benchmarks/launch.py``, a small process, so its peak memory
    is its own and not that of this test process (Linux carries a parent's high-water mark over
    into a forked child's ``ru_maxrss``)."""
    argv = [sys.executable, "-m", "sprintkit", *(str(a) for a in args)]
    with tempfile.TemporaryDirectory(prefix="sprintkit-test-run-") as scratch:
        files = {name: Path(scratch) / name for name in ("spec", "result", "out", "err", "in")}
        if stdin is not None:
            files["in"].write_text(stdin, encoding="utf-8")
        files["spec"].write_text(json.dumps({
            "argv": argv, "cwd": str(cwd) if cwd else None,
            "env": {**os.environ, **(env or {})},
            "stdin": str(files["in"]) if stdin is not None else None,
            "stdout": str(files["out"]), "stderr": str(files["err"]),
            "result": str(files["result"]),
            "memory_bytes": memory_mb * 1024 * 1024 if memory_mb else None,
            "timeout": timeout,
        }), encoding="utf-8")
        subprocess.run([sys.executable, "-S", str(LAUNCHER), str(files["spec"])], check=True)
        result = json.loads(files["result"].read_text(encoding="utf-8"))
        run = Run(os.waitstatus_to_exitcode(result["status"]),
                  files["out"].read_text(encoding="utf-8", errors="replace"),
                  files["err"].read_text(encoding="utf-8", errors="replace"),
                  result["wall"], result["maxrss_kib"] / 1024)
    if result["timed_out"]:
        raise AssertionError(f"sprintkit {' '.join(map(str, args))} took more than {timeout} s"
                             f"\n{run.stderr[-2000:]}")
    return run


def copy_report_sprint(folder: Path) -> Path:
    """A copy of the hand-written sprint of the report tests (hypotheses, evidence, phases)."""
    shutil.copytree(REPORT_SPRINT, folder)
    return folder


def assert_clear_refusal(run: Run, *needles: str, code: int = 1) -> None:
    """Refused with exit ``code``: an error line, the given words, and no traceback."""
    assert run.returncode == code, (run.returncode, run.output[-3000:])
    assert "Traceback" not in run.output, run.output[-3000:]
    assert "unexpected internal error" not in run.output, run.output[-3000:]
    assert re.search(r"^(error|fout):", run.stderr, re.M), run.stderr[-3000:]
    for needle in needles:
        assert needle in run.output, (needle, run.output[-3000:])
