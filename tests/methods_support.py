"""Helpers shared by the method, work-form, agenda and new tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

BUILTIN_METHODS = (
    "strategy-sprint",
    "innovation-sprint",
    "experiment-sprint",
    "acceleration",
    "story-cycle",
    "trial-implementation",
    "co-creation",
)


def user_methods_dir() -> Path:
    """The isolated user config folder's methods/ (conftest points XDG_CONFIG_HOME at tmp)."""
    return Path(os.environ["XDG_CONFIG_HOME"]) / "sprintkit" / "methods"


def local_texts(value: Any, where: str = "") -> list[tuple[str, Any]]:
    """Every LocalText inside a model, with a dotted path to it."""
    from pydantic import BaseModel

    from sprintkit.model.common import LocalText

    found: list[tuple[str, Any]] = []
    if isinstance(value, LocalText):
        found.append((where, value))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found += local_texts(getattr(value, name), f"{where}.{name}" if where else name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += local_texts(item, f"{where}[{index}]")
    return found


SMALL_METHOD = """\
schema_version: 1
id: {id}
kind: workshop
name:
  nl: {name_nl}
  en: {name_en}
summary:
  nl: Een korte werksessie.
  en: A short workshop.
phases:
  - id: open
    title: {{nl: Openen, en: Opening}}
    goal: {{nl: Beginnen, en: Start}}
    timebox: 1h
    workforms:
      - ref: how-might-we
    outputs:
      - id: questions
        type: list
        prompt: {{nl: Welke vragen?, en: Which questions?}}
"""
