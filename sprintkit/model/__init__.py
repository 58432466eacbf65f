"""Pydantic models of every file sprintkit reads and writes (importing one loads pydantic).

The names below are loaded on first use, so importing one model module (``sprintkit.model.sprint``)
does not build the models of the others."""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "LocalText": "common", "Target": "common",
    "Method": "method", "Workform": "method",
    "Programme": "programme",
    "Evidence": "sprint", "Hypothesis": "sprint", "Sprint": "sprint",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'sprintkit.model' has no attribute {name!r}")
    return getattr(import_module(f"sprintkit.model.{_HOMES[name]}"), name)
