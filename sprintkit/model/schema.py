"""JSON Schemas of the file formats, in draft-07 form so yaml-language-server (VS Code and
others) autocompletes keys and flags typos offline."""

from __future__ import annotations

import json
from typing import Any

KINDS = ("sprint", "method", "programme", "workform")

SHORTHANDS = {
    "LocalText": "The same text in Dutch and English.",
    "WorkformUse": "The id of a work form.",
    "ExitCriterion": "The criterion in words.",
    "ProgrammeSprint": "The sprint folder, relative to programme.yaml.",
}
"""Models that also accept a plain string (their ``mode="before"`` validators); the schema
says so, or editors would flag valid files."""


_CLASSES = {"sprint": ("sprint", "Sprint"), "method": ("method", "Method"),
            "programme": ("programme", "Programme"), "workform": ("method", "Workform")}


def model_for(kind: str) -> Any:
    """The model class of a file kind (only its own module's models are built)."""
    from importlib import import_module

    module, name = _CLASSES[kind]
    return getattr(import_module(f"sprintkit.model.{module}"), name)


def json_schema(kind: str) -> dict[str, Any]:
    """The draft-07 JSON Schema of a file kind (sprint, method, programme, workform)."""
    schema = model_for(kind).model_json_schema(by_alias=True, mode="validation")
    text = json.dumps(schema).replace('"#/$defs/', '"#/definitions/')
    schema = json.loads(text)
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    for name, definition in schema.get("definitions", {}).items():
        if name in SHORTHANDS:
            schema["definitions"][name] = {
                "anyOf": [{"type": "string", "description": SHORTHANDS[name]}, definition]
            }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"sprintkit:{kind}-1.schema.json",
        **schema,
    }


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
