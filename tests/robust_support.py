"""Shared helpers for the robustness tests: run sprintkit as a real process with bounded time
and memory, and measure what it used."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
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


def sprintkit(*args: object, cwd: Path | None = None, timeout: float = 60,
              memory_mb: int | None = MEMORY_LIMIT_MB, env: dict[str, str] | None = None,
              stdin: str | None = None) -> Run:
    """``python -m sprintkit ARGS`` in a child process (the test's isolated environment), with
    an address-space limit; wall time and peak resident memory (``ru_maxrss``) measured."""

    def limit() -> None:  # in the child, before exec
        if memory_mb is not None:
            size = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

    argv = [sys.executable, "-m", "sprintkit", *(str(a) for a in args)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env={**os.environ, **(env or {})},
                                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                stdout=out, stderr=err, text=True, preexec_fn=limit)
        if stdin is not None:
            assert proc.stdin is not None
            proc.stdin.write(stdin)
            proc.stdin.close()
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        run = Run(proc.returncode, out.read(), err.read(), seconds, usage.ru_maxrss / 1024)
    if seconds >= timeout:
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
    assert "error:" in run.stderr, run.stderr[-3000:]
    for needle in needles:
        assert needle in run.output, (needle, run.output[-3000:])
