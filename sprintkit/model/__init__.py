"""Pydantic models of every file sprintkit reads and writes (importing this loads pydantic)."""

from sprintkit.model.common import LocalText, Target
from sprintkit.model.method import Method, Workform
from sprintkit.model.programme import Programme
from sprintkit.model.sprint import Evidence, Hypothesis, Sprint

__all__ = [
    "Evidence", "Hypothesis", "LocalText", "Method", "Programme", "Sprint", "Target", "Workform",
]
