"""The programme file (``programme.yaml``): an ordered chain of sprints with one aim
(*traject*), e.g. strategy → innovation ×2 → experiment ×3 → implementation plan."""

import datetime as dt
from typing import Any

from pydantic import Field, field_validator, model_validator

from sprintkit.model.common import (
    SCHEMA_VERSION,
    Identifier,
    Language,
    NonEmpty,
    SchemaVersion,
    Strict,
    new_list,
    unique_ids,
)
from sprintkit.model.sprint import Action, Indicator, PlanSection, TeamMember


class ProgrammeSprint(Strict):
    """A sprint in the chain, by folder path relative to the programme file."""

    path: NonEmpty = Field(description="Sprint folder, relative to programme.yaml.")
    id: Identifier | None = Field(
        None, description="The sprint's id (filled in by `programme add`)."
    )
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_path(cls, value: Any) -> Any:
        return {"path": value} if isinstance(value, str) else value


class Programme(Strict):
    """An ordered set of sprints with a shared goal."""

    schema_version: SchemaVersion = Field(SCHEMA_VERSION, description="File format version.")
    id: Identifier
    title: NonEmpty
    organisation: str | None = None
    language: Language = "nl"
    goal: str | None = None
    description: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    facilitators: list[str] = Field(default_factory=new_list)
    sprints: list[ProgrammeSprint] = Field(default_factory=new_list, description="In order.")
    team: list[TeamMember] = Field(default_factory=new_list)
    indicators: list[Indicator] = Field(default_factory=new_list)
    actions: list[Action] = Field(default_factory=new_list)
    plan: PlanSection = Field(default_factory=PlanSection)
    conclusions: list[str] = Field(default_factory=new_list)
    next_steps: list[str] = Field(default_factory=new_list)
    retired_ids: list[Identifier] = Field(
        default_factory=new_list,
        description="Ids of removed programme actions (A4): never handed out again, so an id "
        "always means the same thing.",
    )

    @field_validator("indicators", "actions")
    @classmethod
    def _unique(cls, items: list[Any], info: Any) -> list[Any]:
        unique_ids(items, info.field_name.rstrip("s"))
        return items
