"""Run sprintkit's benchmarks: ``make bench`` (or ``python benchmarks/run.py``).

Every case in ``benchmarks/cases/`` is measured in this one run; the tables printed at the end
(Markdown, so they can be pasted into a README) give each command's median wall time, CPU time
and peak memory, and each target's ratio. The results go to ``benchmarks/results.json``. The
exit code is 1 when a target is missed (the message says which), 2 when a command failed.

Options: ``--only NAME`` (repeatable), ``--runs N``/``--warmup N`` (override every case),
``--quick`` (3 runs, 1 warm-up), ``--list``, ``--out FILE``, ``--keep`` (keep the scratch folder).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import pkgutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import harness  # noqa: E402
from harness import Case, CommandFailed, Ratio, Result, Verdict, Workspace  # noqa: E402


def discover() -> list[Any]:
    """The case modules, in ``ORDER``."""
    import cases

    modules = [importlib.import_module(f"cases.{info.name}")
               for info in pkgutil.iter_modules(cases.__path__) if not info.name.startswith("_")]
    modules = [m for m in modules if hasattr(m, "cases")]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.__name__))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def measurements_table(rows: list[tuple[str, Result]]) -> list[str]:
    lines = ["| case | command | runs | wall (median) | CPU (median) | peak memory |",
             "|---|---|---:|---:|---:|---:|"]
    for case_name, result in rows:
        lines.append(f"| {case_name} | {result.command.label} | {len(result.samples)} | "
                     f"{fmt_s(result.median('wall'))} | {fmt_s(result.median('cpu'))} | "
                     f"{result.peak_mib:.0f} MiB |")
    return lines


def targets_table(verdicts: list[tuple[str, Verdict]]) -> list[str]:
    lines = ["| target | source | ratio | limit | result |", "|---|---|---:|---:|---|"]
    for _case_name, v in verdicts:
        if v.met is None:
            ratio, result = "—", f"skipped: {v.reason}"
        else:
            ratio, result = f"{v.ratio:.2f}×", "met" if v.met else "**missed**"
        metric = "" if v.target.metric == "wall" else f" ({v.target.metric})"
        if v.target.baseline_metric is not None:
            metric = f" ({v.target.metric} vs {v.target.baseline_metric})"
        lines.append(f"| {v.target.subject} vs {v.target.baseline}{metric} | {v.target.source} "
                     f"| {ratio} | ≤ {v.target.limit:g}× | {result} |")
    return lines


def ratios_table(rows: list[tuple[str, Ratio, float]]) -> list[str]:
    lines = ["| ratio | value | what it says |", "|---|---:|---|"]
    for _case_name, r, value in rows:
        lines.append(f"| {r.subject} vs {r.baseline} ({r.metric}) | {value:.2f}× | {r.about} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="run only cases whose name contains NAME (repeatable)")
    parser.add_argument("--runs", type=int, help="measured runs per command (every case)")
    parser.add_argument("--warmup", type=int, help="warm-up runs per command (every case)")
    parser.add_argument("--quick", action="store_true", help="3 runs after 1 warm-up")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    parser.add_argument("--out", type=Path, default=HERE / "results.json",
                        help="where to write the results (default: benchmarks/results.json)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    runs, warmup = (3, 1) if args.quick else (args.runs, args.warmup)

    root = Path(tempfile.mkdtemp(prefix="sprintkit-bench-"))
    ws = Workspace(root)
    started = time.perf_counter()
    all_cases: list[Case] = []
    for module in discover():
        for case in module.cases(ws):  # cheap: fixtures are made by each case's setup
            if not args.only or any(o in case.name for o in args.only):
                all_cases.append(case)
    if args.list:
        for case in all_cases:
            print(case.name)
        return 0

    measured: list[tuple[str, Result]] = []
    verdicts: list[tuple[str, Verdict]] = []
    other: list[tuple[str, Ratio, float]] = []
    report: list[dict[str, Any]] = []
    failed: list[str] = []
    for case in all_cases:
        log(f"== {case.name}: {len(case.commands)} command(s)")
        for label, reason in case.skipped.items():
            log(f"   skipping {label}: {reason}")
        try:
            if case.setup is not None:
                log("   setting up (not timed)")
                case.setup()
            results = harness.measure(case, ws.env, runs=runs, warmup=warmup, progress=log)
        except (CommandFailed, harness.SetupFailed) as exc:
            log(f"!! {case.name}: {exc}\n{exc.stderr}")
            failed.append(f"{case.name}: {exc}")
            report.append({"case": case.name, "error": str(exc), "stderr": exc.stderr})
            continue
        case_verdicts = harness.judge(case, results)
        measured.extend((case.name, r) for r in results.values())
        verdicts.extend((case.name, v) for v in case_verdicts)
        case_ratios = harness.ratios(case, results)
        other.extend((case.name, r, value) for r, value in case_ratios)
        report.append({
            "case": case.name,
            "notes": case.notes,
            "skipped": case.skipped,
            "commands": {label: r.to_json() for label, r in results.items()},
            "targets": [v.to_json() for v in case_verdicts],
            "ratios": [{"subject": r.subject, "baseline": r.baseline, "metric": r.metric,
                        "ratio": round(value, 3), "about": r.about}
                       for r, value in case_ratios],
        })

    lines = ["", "Measurements (whole processes; medians after warm-up):", ""]
    lines += measurements_table(measured)
    for case_name, result in measured:  # figures a command measured itself (medians)
        if result.samples and result.samples[0].reported:
            figures = ", ".join(f"{k} {result.median(k):.3g}"
                                for k in result.samples[0].reported)
            lines.append(f"\n{case_name}, {result.command.label}: {figures}")
    lines += ["", "Targets (ratios of medians measured in this run):", ""]
    lines += targets_table(verdicts)
    if other:
        lines += ["", "Other ratios (no bound; for reading the targets):", ""]
        lines += ratios_table(other)
    info = harness.machine()
    lines += ["", f"Machine: {info['cpus']} CPUs, {info['cpu_model']}, Python {info['python']}"
              + (f", {info['pandoc']}" if info["pandoc"] else ", no pandoc")]
    print("\n".join(lines))

    missed = [v.target.name for _, v in verdicts if v.met is False]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
        "machine": info,
        "cases": report,
        "missed": missed,
        "failed": failed,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"\nresults written to {args.out}")
    if args.keep:
        log(f"scratch folder kept: {root}")
    else:
        import shutil

        shutil.rmtree(root, ignore_errors=True)
    if failed:
        log("FAILED: " + "; ".join(failed))
        return 2
    if missed:
        log("MISSED TARGETS: " + "; ".join(missed))
        return 1
    log("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
