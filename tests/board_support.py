"""Shared set-up for the indicator, team, action and board tests: a small acceleration sprint
(Flevoland) written by hand, a programme around sprints, and reading files back."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

SPRINT_YAML = """\
# Versnellingsaanpak — a hand-written comment that must survive
id: {id}
title: {title}   # title comment
method: acceleration
language: {language}
hypotheses:
  - id: H1
    statement: Meedenken naast de professional voorkomt uithuisplaatsing
    metric: kinderen die thuis blijven
    target: '>=30%'
"""


def make_sprint(folder: Path, language: str = "nl", id: str = "flevoland",
                title: str = "Versnellingsaanpak Flevoland") -> Path:
    """A minimal acceleration sprint with one hypothesis (H1); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sprint.yaml").write_text(
        SPRINT_YAML.format(id=id, title=title, language=language), encoding="utf-8")
    return folder


def make_programme(folder: Path, sprints: list[str], language: str = "nl") -> Path:
    """A programme file chaining the sprint folders (relative paths); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["# Traject — comment that must survive", "schema_version: 1", "id: traject",
             "title: Intervence traject", f"language: {language}",
             "sprints:" if sprints else "sprints: []"]
    lines += [f"  - {path}" for path in sprints]
    (folder / "programme.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def data(folder: Path, name: str = "sprint.yaml") -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def ok(res) -> None:
    assert res.exit_code == 0, res.output


def as_json(res):
    ok(res)
    return json.loads(res.stdout)


def fails(res, code: int, *words: str) -> None:
    """The command failed with ``code`` and its message holds every word (no traceback)."""
    assert res.exit_code == code, res.output
    assert "Traceback" not in res.output
    flat = " ".join(res.output.split())
    for word in words:
        assert word in flat, (word, res.output)


def widest(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)
