"""Shared set-up for the hypothesis, evidence, verdict and learn tests."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

SPRINT_YAML = """\
# Experiment sprint — hand-written comment that must survive
id: exp1
title: Nieuwe werkwijze   # title comment
method: experiment
language: {language}
"""


def make_sprint(folder: Path, language: str = "nl") -> Path:
    """A minimal sprint folder; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sprint.yaml").write_text(SPRINT_YAML.format(language=language), encoding="utf-8")
    return folder


def data(folder: Path) -> dict:
    """The sprint file as plain data."""
    return yaml.safe_load((folder / "sprint.yaml").read_text(encoding="utf-8"))


def hyp(folder: Path, hid: str) -> dict:
    return next(h for h in data(folder)["hypotheses"] if h["id"] == hid)


def ok(res) -> None:
    assert res.exit_code == 0, res.output


def as_json(res):
    ok(res)
    return json.loads(res.stdout)


def count_hypotheses(folder: Path, counts: list[tuple[int, int]], target: str = ">=70%",
                     language: str = "nl") -> Path:
    """A sprint written by hand with one proportion hypothesis (H1, H2, …) per k-of-n count."""
    make_sprint(folder, language)
    lines = ["hypotheses:"]
    for i, (k, n) in enumerate(counts, start=1):
        lines += [
            f"  - id: H{i}",
            f"    statement: '{k} van {n}'",
            "    metric: voorkeur",
            f"    target: '{target}'",
            "    evidence:",
            "      - id: E1",
            f"        successes: {k}",
            f"        trials: {n}",
        ]
    with (folder / "sprint.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return folder
