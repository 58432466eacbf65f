"""Library functions behind ``sprintkit methods`` and ``sprintkit workforms``.

``sprint`` is a sprint folder (or its sprint.yaml) whose ``methods/`` folder is searched first;
``None`` searches only the user's config folder and the built-in methods."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import NotFound, Problem
from sprintkit.files import library
from sprintkit.files.library import Found, SearchDir, validate_against_method

if TYPE_CHECKING:
    from sprintkit.model.method import Method, Workform

OFF_SESSION = ("asynchronous", "fieldwork")

__all__ = [
    "MethodListing",
    "WorkformListing",
    "list_methods",
    "list_workforms",
    "method_json",
    "method_path",
    "method_summary",
    "session_seconds",
    "show_method",
    "show_workform",
    "total_seconds",
    "validate_against_method",
    "workform_json",
]


@dataclass
class MethodListing:
    methods: list[Found[Method]]
    problems: list[Problem] = field(default_factory=list)


@dataclass
class WorkformListing:
    workforms: list[Found[Workform]]
    problems: list[Problem] = field(default_factory=list)


def _check_sprint(sprint: Path | None) -> None:
    if sprint is not None and not Path(sprint).exists():
        from sprintkit.i18n import msg

        raise NotFound(
            msg("methods.no_sprint", path=sprint),
            hint=msg("methods.no_sprint_hint"),
        )


def method_path(*, sprint: Path | None = None) -> list[SearchDir]:
    """The folders searched for methods, first match wins (work forms: their workforms/)."""
    return library.search_dirs(sprint)


def list_methods(*, sprint: Path | None = None) -> MethodListing:
    """Every method on the search path; broken user files are listed as problems."""
    _check_sprint(sprint)
    found, problems = library.all_methods(sprint)
    return MethodListing(found, problems)


def show_method(method_id: str, *, sprint: Path | None = None) -> Found[Method]:
    """The resolved method with this id. Raises NotFound (with a did-you-mean) or InvalidFile."""
    _check_sprint(sprint)
    return library.get_method(method_id, sprint)


def list_workforms(*, sprint: Path | None = None) -> WorkformListing:
    _check_sprint(sprint)
    found, problems = library.all_workforms(sprint)
    return WorkformListing(found, problems)


def show_workform(workform_id: str, *, sprint: Path | None = None) -> Found[Workform]:
    _check_sprint(sprint)
    return library.get_workform(workform_id, sprint)


def total_seconds(method: Method) -> int:
    """All phases' timeboxes together."""
    return sum(p.seconds for p in method.phases)


def session_seconds(method: Method) -> int:
    """The phases that happen in sessions (not asynchronous assignments or fieldwork)."""
    return sum(p.seconds for p in method.phases if p.session_type not in OFF_SESSION)


def _durations(method: Method) -> dict[str, Any]:
    from sprintkit.model.common import format_duration

    total = total_seconds(method)
    session = session_seconds(method)
    return {
        "total_duration": format_duration(total),
        "total_minutes": total // 60,
        "session_duration": format_duration(session),
        "session_minutes": session // 60,
    }


def _origin(found: Found[Any]) -> dict[str, Any]:
    return {
        "origin": found.origin,
        "path": str(found.path),
        "overrides": [str(p) for p in found.shadows],
    }


def method_summary(found: Found[Method]) -> dict[str, Any]:
    """One line of ``methods list --format json``."""
    method = found.model
    return {
        "id": method.id,
        "kind": method.kind,
        "name": method.name.model_dump(mode="json"),
        "days": method.days,
        "phases": len(method.phases),
        "duration": method.duration.model_dump(mode="json") if method.duration else None,
        **_durations(method),
        **_origin(found),
    }


def method_json(found: Found[Method], *, sprint: Path | None = None) -> dict[str, Any]:
    """The whole resolved method (as in its file, defaults filled in), its durations, where it
    came from, and the work forms it uses, resolved along the same search path."""
    method = found.model
    data = method.model_dump(mode="json")
    data.update(_durations(method))
    data["source"] = _origin(found)
    data["workforms"] = {
        wid: wf.model_dump(mode="json")
        for wid, wf in library.workform_index(method, sprint).items()
    }
    return data


def workform_json(found: Found[Workform]) -> dict[str, Any]:
    data = found.model.model_dump(mode="json")
    data["source"] = _origin(found)
    return data
