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
