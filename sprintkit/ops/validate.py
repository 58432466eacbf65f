"""Validating sprint, method, programme and work-form files, detected by content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sprintkit.errors import InvalidFile, NotFound, Problem, SprintkitError
from sprintkit.files.sprintfile import PROGRAMME_FILE, SPRINT_FILE
from sprintkit.files.textfile import display


@dataclass
class FileReport:
    """The outcome for one file: its detected kind and every problem found."""

    file: str
    kind: str | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def detect_kind(path: Path, data: Any) -> str | None:
    """sprint, method, programme or workform — from the content, then the file name."""
    if isinstance(data, dict):
        if "sprints" in data:
            return "programme"
        if isinstance(data.get("phases"), list):
            return "method"
        if "instructions" in data and "mode" in data:
            return "workform"
        if "method" in data:
            return "sprint"
    name = path.name.lower()
    if name == SPRINT_FILE:
        return "sprint"
    if name == PROGRAMME_FILE:
        return "programme"
    return None


def expand(paths: list[Path]) -> list[Path]:
    """Folders become the sprint.yaml / programme.yaml inside them."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [path / n for n in (SPRINT_FILE, PROGRAMME_FILE) if (path / n).is_file()]
            if not found:
                raise NotFound(
                    f"no {SPRINT_FILE} or {PROGRAMME_FILE} in {display(path)}",
                    hint="give a sprint folder, a sprint.yaml, a method file or a programme file",
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def validate_file(path: Path) -> FileReport:
    from sprintkit.files.yamlio import load_yaml, validate_data
    from sprintkit.model.schema import model_for

    shown = display(path)
    try:
        doc = load_yaml(path, fast=True)
    except InvalidFile as exc:
        return FileReport(shown, None, exc.problems)
    except NotFound:
        what = "is a folder without sprint.yaml" if path.is_dir() else "does not exist"
        return FileReport(shown, None, [Problem(shown, 0, 0, "", f"the path {what}")])
    kind = detect_kind(path, doc.data)
    if kind is None:
        return FileReport(shown, None, [Problem(
            shown, 1, 1, "", "cannot tell what kind of file this is",
            "a sprint has 'method:', a method has a list of 'phases:', a programme has "
            "'sprints:', a work form has 'mode:' and 'instructions:'",
        )])
    try:
        model = validate_data(doc, model_for(kind), kind)
    except InvalidFile as exc:
        return FileReport(shown, kind, exc.problems)
    return FileReport(shown, kind, semantic_problems(kind, model, doc, path))


def semantic_problems(kind: str, model: Any, doc: Any, path: Path) -> list[Problem]:
    """Checks across files: a sprint against its method, a programme's sprint folders."""
    from sprintkit.files.yamlio import locate

    problems: list[Problem] = []
    if kind == "programme":
        for index, entry in enumerate(model.sprints):
            folder = (path.parent / entry.path)
            if not (folder / SPRINT_FILE).is_file():
                line, col = locate(doc.tree, ("sprints", index))
                problems.append(Problem(doc.shown, line, col, f"sprints[{index}].path",
                                        f"no {SPRINT_FILE} in {entry.path}"))
    if kind == "sprint":
        from sprintkit.ops.checks import sprint_against_method

        problems.extend(sprint_against_method(model, doc, path))
    return problems


def validate_paths(paths: list[Path]) -> list[FileReport]:
    """Validate every path (folders expand to their sprint/programme file)."""
    reports = []
    for path in paths:
        try:
            files = expand([path])
        except SprintkitError as exc:
            problem = Problem(display(path), 0, 0, "", exc.message, exc.hint)
            reports.append(FileReport(display(path), None, [problem]))
            continue
        reports.extend(validate_file(f) for f in files)
    return reports
