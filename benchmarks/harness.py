"""The benchmark harness: cases, whole-process measurements, ratios against targets.

A *case* is a few commands measured in the same run, interleaved (A B C, A B C, …) after a
warm-up, so a busy machine slows them alike; each command is a whole process started with
``subprocess`` and reaped with ``os.wait4``, which gives its wall time, CPU time and peak memory
(``ru_maxrss``). A *target* compares the medians of two commands of a case: ``subject`` may take
at most ``limit`` times ``baseline``.

Adding a case is a module in ``benchmarks/cases/`` with a ``cases(ws)`` function; see
``benchmarks/README.md``."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PEERS = HERE / "peers"


@dataclass(frozen=True)
class Command:
    """One command line to time. ``before`` runs untimed before every run (e.g. a fresh copy)."""

    label: str
    argv: Sequence[str]
    cwd: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    before: Callable[[], None] | None = None


@dataclass(frozen=True)
class Target:
    """``subject``'s median may be at most ``limit`` × ``baseline``'s (labels of the case)."""

    subject: str
    baseline: str
    limit: float
    source: str  # where the target comes from, e.g. "issue 2"
    metric: str = "wall"  # wall | cpu | peak (MiB, the highest of all runs) | a reported figure
    baseline_metric: str | None = None
    """The baseline's metric when it differs (two figures one command reports in one run)."""
    absolute: float | None = None
    """A fixed baseline in the metric's unit (e.g. 300 for "peak memory ≤ 300 MiB"); then
    ``baseline`` is only its label."""

    @property
    def name(self) -> str:
        if self.baseline_metric is not None:
            return (f"{self.subject}: {self.metric} ≤ {self.limit:g}× "
                    f"{self.baseline_metric}")
        return f"{self.subject} ≤ {self.limit:g}× {self.baseline}"


@dataclass(frozen=True)
class Ratio:
    """A ratio worth reading beside the targets, with no bound: ``subject``'s median against
    ``baseline``'s (e.g. how much of a target's allowance the libraries alone take)."""

    subject: str
    baseline: str
    metric: str = "cpu"
    about: str = ""


@dataclass
class Case:
    """Commands measured together, and the targets their ratios must meet."""

    name: str
    commands: list[Command]
    targets: list[Target] = field(default_factory=list)
    runs: int = 9
    warmup: int = 2
    setup: Callable[[], object] | None = None
    """Makes the case's fixtures (not timed); called just before the case is measured."""
    skipped: dict[str, str] = field(default_factory=dict)
    """Commands left out, with the reason (e.g. pandoc is not installed)."""
    notes: list[str] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    maxrss_kib: int
    returncode: int
    reported: dict[str, float] = field(default_factory=dict)
    """Figures the command measured itself: a stdout line ``METRICS {"name": seconds, …}``
    (e.g. the p95 response time of a server under load)."""


class SetupFailed(Exception):
    def __init__(self, argv: Sequence[str], stderr: str) -> None:
        super().__init__(f"set-up failed: {' '.join(map(str, argv))}")
        self.stderr = stderr


class CommandFailed(Exception):
    def __init__(self, command: Command, sample: Sample, stderr: str) -> None:
        super().__init__(f"{command.label} exited with {sample.returncode}")
        self.command = command
        self.stderr = stderr


LAUNCHER = HERE / "launch.py"


def run_once(command: Command, base_env: dict[str, str]) -> Sample:
    """Run ``command`` once as a whole process; wall and CPU seconds, peak memory.

    The command is started by a small launcher process (``launch.py``) so that its peak
    memory is its own, not the high-water mark of this (much bigger) runner."""
    import json

    if command.before is not None:
        command.before()
    with tempfile.TemporaryDirectory(prefix="sprintkit-run-") as scratch:
        spec, result, err, out = (Path(scratch) / n for n in ("spec.json", "result.json",
                                                                "stderr", "stdout"))
        spec.write_text(json.dumps({
            "argv": [str(a) for a in command.argv],
            "cwd": str(command.cwd) if command.cwd else None,
            "env": {**base_env, **command.env} if base_env or command.env else None,
            "stderr": str(err), "result": str(result), "stdout": str(out),
        }), encoding="utf-8")
        subprocess.run([sys.executable, "-S", str(LAUNCHER), str(spec)], check=True)
        data = json.loads(result.read_text(encoding="utf-8"))
        sample = Sample(data["wall"], data["cpu"], data["maxrss_kib"],
                        os.waitstatus_to_exitcode(data["status"]), _reported(out))
        if sample.returncode != 0:
            stderr = err.read_text(encoding="utf-8", errors="replace") if err.exists() else ""
            raise CommandFailed(command, sample, stderr[-2000:])
    return sample


def _reported(out: Path) -> dict[str, float]:
    import json

    text = out.read_text(encoding="utf-8", errors="replace") if out.exists() else ""
    lines = [line for line in text.splitlines() if line.startswith("METRICS ")]
    return {k: float(v) for k, v in json.loads(lines[-1][8:]).items()} if lines else {}


@dataclass
class Result:
    """What one command measured: every run's samples."""

    command: Command
    samples: list[Sample] = field(default_factory=list)

    def median(self, metric: str = "wall") -> float:
        if metric in ("wall", "cpu"):
            return statistics.median(getattr(s, metric) for s in self.samples)
        return statistics.median(s.reported[metric] for s in self.samples)

    def value(self, metric: str) -> float:
        """The median wall or CPU time, or (``peak``) the peak memory in MiB."""
        return self.peak_mib if metric == "peak" else self.median(metric)

    @property
    def peak_mib(self) -> float:
        return max(s.maxrss_kib for s in self.samples) / 1024

    def to_json(self) -> dict[str, Any]:
        return {
            "argv": [str(a) for a in self.command.argv],
            "runs": len(self.samples),
            "wall_median_s": round(self.median("wall"), 4),
            "wall_min_s": round(min(s.wall for s in self.samples), 4),
            "wall_max_s": round(max(s.wall for s in self.samples), 4),
            "cpu_median_s": round(self.median("cpu"), 4),
            "peak_rss_mib": round(self.peak_mib, 1),
            "wall_s": [round(s.wall, 4) for s in self.samples],
            **({"reported": {k: [round(s.reported[k], 4) for s in self.samples]
                             for k in self.samples[0].reported}}
               if self.samples and self.samples[0].reported else {}),
        }


def measure(case: Case, base_env: dict[str, str], runs: int | None = None,
            warmup: int | None = None, progress: Callable[[str], None] | None = None
            ) -> dict[str, Result]:
    """Warm up, then run the case's commands interleaved ``runs`` times, rotating the order."""
    n_runs = case.runs if runs is None else runs
    n_warm = case.warmup if warmup is None else warmup
    results = {c.label: Result(c) for c in case.commands}
    for command in case.commands:
        for _ in range(n_warm):
            run_once(command, base_env)
    for i in range(n_runs):
        order = case.commands[i % len(case.commands):] + case.commands[:i % len(case.commands)]
        for command in order:
            results[command.label].samples.append(run_once(command, base_env))
        if progress is not None:
            progress(f"{case.name}: run {i + 1}/{n_runs}")
    return results


@dataclass
class Verdict:
    target: Target
    ratio: float | None
    met: bool | None  # None: not measured (a command was skipped)
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"target": self.target.name, "subject": self.target.subject,
                "baseline": self.target.baseline, "limit": self.target.limit,
                "metric": self.target.metric, "source": self.target.source,
                "ratio": None if self.ratio is None else round(self.ratio, 3),
                "met": self.met, "reason": self.reason}


def ratios(case: Case, results: dict[str, Result]) -> list[tuple[Ratio, float]]:
    """The case's unbounded ratios that could be measured (a skipped command leaves it out)."""
    return [(r, results[r.subject].value(r.metric) / results[r.baseline].value(r.metric))
            for r in case.ratios if r.subject in results and r.baseline in results]


def judge(case: Case, results: dict[str, Result]) -> list[Verdict]:
    verdicts = []
    for target in case.targets:
        labels = (target.subject,) if target.absolute is not None \
            else (target.subject, target.baseline)
        missing = [label for label in labels if label not in results]
        if missing:
            reason = "; ".join(case.skipped.get(m, f"{m} was not measured") for m in missing)
            verdicts.append(Verdict(target, None, None, reason))
            continue
        base = target.absolute if target.absolute is not None \
            else results[target.baseline].value(target.baseline_metric or target.metric)
        ratio = results[target.subject].value(target.metric) / base
        verdicts.append(Verdict(target, ratio, ratio <= target.limit))
    return verdicts


# --- the workspace: files and command lines the cases share ---------------------------------


class Workspace:
    """A scratch folder with the fixtures cases need, built once and shared between cases."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = root / "home"
        for sub in (".config", ".cache", ".local/share", ".local/state"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)

    @property
    def env(self) -> dict[str, str]:
        """The environment every measured process gets: isolated home, no colour, fixed width."""
        keep = {k: v for k, v in os.environ.items()
                if k in ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")}
        return {**keep, "HOME": str(self.home),
                "XDG_CONFIG_HOME": str(self.home / ".config"),
                "XDG_CACHE_HOME": str(self.home / ".cache"),
                "XDG_DATA_HOME": str(self.home / ".local/share"),
                "XDG_STATE_HOME": str(self.home / ".local/state"),
                "NO_COLOR": "1", "COLUMNS": "100", "LINES": "40", "TERM": "dumb",
                "SOURCE_DATE_EPOCH": "1767225600",
                "SPRINTKIT_NO_PROGRESS": "1"}

    # command lines

    @cached_property
    def sprintkit_exe(self) -> list[str]:
        script = Path(sys.executable).with_name("sprintkit")
        return [str(script)] if script.is_file() else [sys.executable, "-m", "sprintkit"]

    def sprintkit(self, *args: str | os.PathLike[str]) -> list[str]:
        """``sprintkit ARGS`` as a user runs it (the installed console script)."""
        return [*self.sprintkit_exe, *(str(a) for a in args)]

    def python(self, *args: str | os.PathLike[str]) -> list[str]:
        return [sys.executable, *(str(a) for a in args)]

    def typer_app(self, *args: str) -> list[str]:
        """The minimal two-command Typer app the start-up targets compare with."""
        return self.python(PEERS / "typer_app.py", *args)

    def model_floor(self, *args: str | os.PathLike[str]) -> list[str]:
        """A Typer command that only reads and validates a sprint (and its method) with
        sprintkit's model: the floor under the session commands (``peers/model_floor.py``)."""
        return self.python(PEERS / "model_floor.py", *args)

    def run(self, argv: Sequence[str], cwd: Path | None = None) -> None:
        """Run a set-up command (not timed); fail loudly when it fails."""
        proc = subprocess.run(list(argv), cwd=cwd, env=self.env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SetupFailed(argv, proc.stderr[-2000:])

    # fixtures

    # fixtures: each returns its path at once and makes it when first asked with make=True

    def typical_sprint(self, make: bool = False) -> Path:
        """A typical sprint: the hand-written sprint of the report tests (phases with outputs,
        hypotheses with evidence, learnings, actions, indicators; about 450 lines)."""
        folder = self.root / "typical"
        if make and not (folder / "sprint.yaml").is_file():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / "tests" / "data" / "report_sprint" / "sprint.yaml", folder)
        return folder

    def big_sprint(self, scale: int, make: bool = False) -> Path:
        """``scale`` × (2,000 hypotheses with evidence, 500 learnings), from
        ``benchmarks/bigsprint.py``."""
        folder = self.root / f"big-{scale}x"
        if make and not (folder / "sprint.yaml").is_file():
            from bigsprint import write_big_sprint

            write_big_sprint(folder, 2000 * scale, 500 * scale)
        return folder

    def pandoc(self) -> str | None:
        return shutil.which("pandoc")


def machine() -> dict[str, Any]:
    """Where the figures came from."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    pandoc = shutil.which("pandoc")
    pandoc_version = ""
    if pandoc:
        out = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
        pandoc_version = out.splitlines()[0] if out else ""
    versions = {}
    for module in ("typer", "pydantic", "ruamel.yaml", "docx", "pandas"):
        try:
            from importlib.metadata import version

            dist = {"docx": "python-docx", "ruamel.yaml": "ruamel.yaml"}.get(module, module)
            versions[module] = version(dist)
        except Exception:
            versions[module] = None
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "pandoc": pandoc_version,
        "packages": versions,
    }
