"""The README section on benchmarks runs as written, and the figures it
quotes match benchmarks/README.md."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from readme_support import section as readme_section

REPO = Path(__file__).resolve().parent.parent
BENCH_README = REPO / "benchmarks" / "README.md"


def _steps(text: str) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:].strip(), []))
            elif steps and line.strip():
                steps[-1][1].append(line.rstrip())
    return steps


@pytest.mark.slow
def test_the_commands_in_the_section_run_as_written(tmp_path):
    import shutil

    # a copy of benchmarks/, so this run's results.json does not replace the real one
    shutil.copytree(REPO / "benchmarks", tmp_path / "benchmarks",
                    ignore=shutil.ignore_patterns("results.json", "__pycache__"))
    steps = _steps(readme_section("Benchmarks"))
    assert [command.split()[0] for command, _ in steps] == ["make", "make", ".venv/bin/python",
                                                             ".venv/bin/python"]
    for command, expected in steps:
        argv = shlex.split(command)
        if argv[0] == "make":  # the real thing takes minutes: check what it would run
            env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
            proc = subprocess.run(["make", "-n", "--no-print-directory", *argv[1:]], cwd=REPO,
                                  capture_output=True, text=True, env=env)
            assert proc.returncode == 0, proc.stderr
            runs = [line.strip() for line in proc.stdout.splitlines()
                    if "benchmarks/run.py" in line]
            extra = " ".join(a.split("=", 1)[1] for a in argv[1:] if "=" in a)
            assert runs == [f".venv/bin/python benchmarks/run.py {extra}".strip()], proc.stdout
            continue
        assert argv[:2] == [".venv/bin/python", "benchmarks/run.py"]
        proc = subprocess.run([sys.executable, *argv[1:]], cwd=tmp_path, capture_output=True,
                              text=True, timeout=300)
        assert proc.returncode in (0, 1), proc.stderr  # 1: a target missed on a busy machine
        for line in expected:
            if not (line.startswith("|") and any(c.isdigit() for c in line)):  # figures vary
                assert line in proc.stdout, (command, line, proc.stdout)


def test_the_section_quotes_the_table_of_the_benchmark_readme():
    section = readme_section("Benchmarks")
    readme = BENCH_README.read_text(encoding="utf-8")
    rows = [line for line in section.splitlines() if line.startswith("| ") and "×" in line]
    assert len(rows) >= 5
    for row in rows:
        assert row in readme, row
    assert "make bench" in section and "benchmarks/README.md" in section
