"""The library face of sprintkit: what a Python user, a notebook or a test calls.

Every command has a function here whose keyword arguments mirror the command's flags one to one
(``sprintkit evidence add H1 --successes 9 --trials 12`` is
``api.add_evidence(sprint=path, id="H1", successes=9, trials=12)``). The functions return plain
results (dataclasses and models) and raise :mod:`sprintkit.errors` types instead of printing.

Importing this module is cheap: each name is imported from its ``sprintkit.ops`` module on
first use.

    >>> from sprintkit import api
    >>> api.verdicts(sprint=Path("kust-experiment"))      # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS: dict[str, tuple[str, str]] = {}


def _export(module: str, *names: str, **renamed: str) -> None:
    for name in names:
        _EXPORTS[name] = (module, name)
    for public, private in renamed.items():
        _EXPORTS[public] = (module, private)


# files and schemas
_export("sprintkit.ops.validate", "validate_paths", "validate_file")
_export("sprintkit.model.schema", "json_schema", "schema_text")
_export("sprintkit.files.sprintfile", "load_sprint", "load_programme", "update_sprint",
        "update_programme")
# set up
_export("sprintkit.ops.methods", "list_methods", "show_method", "method_path", "method_json",
        "list_workforms", "show_workform")
_export("sprintkit.ops.agenda", "agenda", "agenda_markdown")
_export("sprintkit.ops.new", "new_sprint", "write_schema_file")
# run a sprint
_export("sprintkit.ops.run", "run_walkthrough", "Session")
_export("sprintkit.ops.status", "sprint_status")
# hypotheses and evidence
_export("sprintkit.ops.hypotheses", "add_hypothesis", "edit_hypothesis", "list_hypotheses",
        "get_hypothesis", "hypotheses_csv")
_export("sprintkit.ops.evidence", "add_evidence")
_export("sprintkit.ops.verdicts", "verdicts", "override_verdict", "clear_override")
_export("sprintkit.ops.learnings", "add_learning")
_export("sprintkit.ops.corrections", "remove_hypothesis", "edit_evidence", "remove_evidence",
        "edit_learning", "remove_learning")
_export("sprintkit.ops.decisions", "add_decision", "edit_decision", "remove_decision",
        "list_decisions")
_export("sprintkit.ops.notes", "add_note")
_export("sprintkit.ops.votes", "import_votes")
_export("sprintkit.engine.evidence", "evaluate")
# reports
_export("sprintkit.ops.docoptions", "DocumentOptions")
_export("sprintkit.ops.reports", "report", "plan", "render", "render_programme",
        "report_programme", "plan_programme", "list_templates", "template_paths",
        "check_reference", "write_reference_doc", "template_context",
        check_documents="check")
_export("sprintkit.ops.slides", "slides", check_slides_reference="check_reference")
# programmes, indicators and the board
_export("sprintkit.ops.programme", "new_programme", "add_sprint", "remove_sprint",
        "move_sprint")
_export("sprintkit.ops.programme_views", "programme_status", "programme_lineage")
_export("sprintkit.ops.indicators", "add_indicator", "record_measurement", "indicator_listing")
_export("sprintkit.ops.team", "add_member", "edit_member", "remove_member", "team_listing")
_export("sprintkit.ops.actions", "add_action", "move_action", "escalate_action",
        "edit_action", "remove_action", "action_listing")
_export("sprintkit.ops.board", "board")
# stories
_export("sprintkit.ops.keyfile", "key_file")
_export("sprintkit.ops.stories", "import_stories", "add_story", "export_stories",
        "purge_stories", "sample_stories", story_summary="summary",
        story_shifts="shifts", story_audit="audit")
_export("sprintkit.ops.storyviews", story_dashboard="write_dashboard")
_export("sprintkit.ops.storyreport", stories_report="write_story_report")

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'sprintkit.api' has no attribute {name!r}") from None
    value = getattr(import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
