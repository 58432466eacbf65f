"""The benchmark harness (``benchmarks/``) measures whole processes, judges ratios against
targets and says which target was missed; a quick real run of the start-up case."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import harness  # noqa: E402


def _result(label: str, walls: list[float]) -> harness.Result:
    command = harness.Command(label, ["true"])
    return harness.Result(command, [harness.Sample(w, w / 2, 1024, 0) for w in walls])


def test_targets_compare_medians_and_say_what_was_skipped():
    case = harness.Case(
        name="demo", commands=[],
        targets=[harness.Target("fast", "peer", 1.1, "issue 0"),
                 harness.Target("slow", "peer", 1.1, "issue 0"),
                 harness.Target("fast", "absent", 2.0, "issue 0")],
        skipped={"absent": "absent is not installed"})
    results = {"fast": _result("fast", [1.0, 1.05, 9.0]),  # one outlier: the median ignores it
               "slow": _result("slow", [1.5, 1.6, 1.4]),
               "peer": _result("peer", [1.0, 1.0, 1.0])}
    fast, slow, absent = harness.judge(case, results)
    assert fast.met is True and fast.ratio == pytest.approx(1.05)
    assert slow.met is False and slow.ratio == pytest.approx(1.5)
    assert absent.met is None and absent.reason == "absent is not installed"
    assert results["fast"].to_json()["wall_median_s"] == 1.05
    assert results["fast"].peak_mib == 1.0


def test_ratios_without_a_bound_are_reported_beside_the_targets():
    import run

    case = harness.Case(
        name="demo", commands=[],
        ratios=[harness.Ratio("floor", "peer", metric="cpu", about="what the libraries take"),
                harness.Ratio("absent", "peer")])
    results = {"floor": _result("floor", [2.6, 2.8, 3.0]), "peer": _result("peer", [2.0] * 3)}
    (ratio, value), = harness.ratios(case, results)  # the one not measured is left out
    assert ratio.subject == "floor" and value == pytest.approx(1.4)  # CPU medians: 1.4 / 1.0
    table = run.ratios_table([("demo", ratio, value)])
    assert table[2] == "| floor vs peer (cpu) | 1.40× | what the libraries take |"


def test_the_model_floor_reads_and_validates_a_sprint(tmp_path):
    """The floor peer of the session case does what it says: it fails on an invalid sprint."""
    import shutil

    folder = tmp_path / "sprint"
    folder.mkdir()
    shutil.copy(BENCH.parent / "tests" / "data" / "report_sprint" / "sprint.yaml", folder)
    floor = [sys.executable, str(BENCH / "peers" / "model_floor.py")]
    proc = subprocess.run([*floor, "read", "--method", str(folder)], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    hypotheses, phases = map(int, proc.stdout.split())
    assert hypotheses > 0 and phases > 0
    proc = subprocess.run([*floor, "read", "--table", str(folder)], capture_output=True,
                          text=True, env={**os.environ, "COLUMNS": "100", "NO_COLOR": "1"})
    rows = re.findall(r"^\S H\d+ ", proc.stdout, flags=re.M)  # "│ H1 │" (or "| H1 |")
    assert proc.returncode == 0 and len(rows) == hypotheses, proc.stdout
    path = folder / "sprint.yaml"
    path.write_text(path.read_text().replace("schema_version: 1", "schema_version: 1\nbogus: 1"))
    proc = subprocess.run([*floor, "read", str(folder)], capture_output=True, text=True)
    assert proc.returncode != 0 and "bogus" in proc.stderr


def test_a_run_measures_a_whole_process(tmp_path):
    sample = harness.run_once(harness.Command("py", [sys.executable, "-c",
                                                     "x = bytearray(50_000_000)"]), {})
    assert sample.returncode == 0 and sample.wall > 0 and sample.cpu > 0
    assert sample.maxrss_kib > 45_000
    import resource

    tiny = harness.run_once(harness.Command("tiny", [sys.executable, "-S", "-c", "pass"]), {})
    ours = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert tiny.maxrss_kib < 30_000 < ours  # its own peak, not this big test process's
    with pytest.raises(harness.CommandFailed) as failed:
        harness.run_once(harness.Command("bad", [sys.executable, "-c",
                                                 "import sys; sys.exit('no luck')"]), {})
    assert "no luck" in failed.value.stderr


def test_measure_interleaves_after_a_warm_up(tmp_path):
    log = tmp_path / "order.txt"
    commands = [harness.Command(name, [sys.executable, "-c",
                                       f"open({str(log)!r}, 'a').write({name!r})"])
                for name in "AB"]
    results = harness.measure(harness.Case("order", commands, runs=3, warmup=1), {})
    assert log.read_text() == "AB" + "AB" + "BA" + "AB"
    assert [len(r.samples) for r in results.values()] == [3, 3]


@pytest.mark.slow
def test_the_startup_case_runs_and_reports(tmp_path):
    out = tmp_path / "results.json"
    proc = subprocess.run([sys.executable, str(BENCH / "run.py"), "--only", "startup",
                           "--runs", "1", "--warmup", "0", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    assert "| target | source | ratio | limit | result |" in proc.stdout
    assert "sprintkit --help vs typer app --help | issue 2 |" in proc.stdout
    results = json.loads(out.read_text())
    startup = next(c for c in results["cases"] if c["case"] == "startup")
    assert set(startup["commands"]) >= {"typer app --help", "sprintkit --help"}
    assert startup["targets"][0]["ratio"] > 0
    assert results["machine"]["cpus"] >= 1
    if proc.returncode == 1:
        assert "MISSED TARGETS: sprintkit --help ≤ 1.1× typer app --help" in proc.stderr


def test_every_case_module_builds_its_cases_without_running_anything(tmp_path):
    import run

    ws = harness.Workspace(tmp_path)
    names = [case.name for module in run.discover() for case in module.cases(ws)]
    assert names[:3] == ["startup", "status", "validate"]
    assert {"report", "stories"} <= set(names)
    assert not any(tmp_path.glob("big-*")) and not (tmp_path / "stories").exists()
