"""Validating sprint, method, programme and work-form files, detected by content."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sprintkit.errors import InvalidFile, NotFound, Problem, SprintkitError
from sprintkit.files.sprintfile import PROGRAMME_FILE, SPRINT_FILE
from sprintkit.files.textfile import display
from sprintkit.i18n import msg


@dataclass
class FileReport:
    """The outcome for one file: its detected kind and every problem found."""

    file: str
    kind: str | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

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
                    msg("validate.no_file", sprint=SPRINT_FILE, programme=PROGRAMME_FILE,
                        folder=display(path)),
                    hint=msg("validate.no_file_hint"),
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
        what = "validate.path_folder" if path.is_dir() else "validate.path_missing"
        return FileReport(shown, None, [Problem(shown, 0, 0, "", msg(what))])
    kind = detect_kind(path, doc.data)
    if isinstance(doc.data, dict) and kind in ("sprint", "programme"):
        from sprintkit import i18n

        i18n.found(str(doc.data.get("language") or "nl"))
    if kind is None and not isinstance(doc.data, dict):
        names = {list: "list", str: "text", int: "number", float: "number", bool: "bool"}
        what = msg("validate.top.empty") if doc.data is None else msg(
            f"validate.top.{names.get(type(doc.data), 'value')}")
        return FileReport(shown, None, [Problem(
            shown, 1, 1, "", msg("validate.not_mapping", what=what),
            msg("validate.not_mapping_hint"),
        )])
    if kind is None:
        return FileReport(shown, None, [Problem(
            shown, 1, 1, "", msg("validate.unknown_kind"), msg("validate.unknown_kind_hint"),
        )])
    try:
        model = validate_data(doc, model_for(kind), kind)
    except InvalidFile as exc:
        return FileReport(shown, kind, exc.problems)
    warnings = method_warnings(model, doc) if kind == "method" else []
    return FileReport(shown, kind, semantic_problems(kind, model, doc, path), warnings)


def method_warnings(method: Any, doc: Any) -> list[Problem]:
    """A method whose client documents would stay empty: every section a document needs
    that no output feeds (``feeds:``) is named, at the method's ``phases`` key."""
    from sprintkit.engine.readiness import ALTERNATIVES, OPTIONAL, documents_for
    from sprintkit.files.yamlio import locate
    from sprintkit.model.sections import DOCUMENT_SECTIONS, TOP_LEVEL

    fed = {o.feeds for p in method.phases for o in p.outputs if o.feeds}
    line, col = locate(doc.tree, ("phases",))
    warnings = []
    for document in documents_for(method):
        unfed = [section for section in DOCUMENT_SECTIONS[document]
                 if section not in OPTIONAL[document]
                 and not fed & {section, *ALTERNATIVES.get(section, ())}]
        if not unfed:
            continue
        by_hand = sorted({TOP_LEVEL[s] for s in unfed if s in TOP_LEVEL})
        warnings.append(Problem(
            doc.shown, line, col, "phases",
            msg("validate.unfed", document=msg(f"check.document.{document}"),
                sections=", ".join(unfed)),
            msg("validate.unfed_hint")
            + (msg("validate.unfed_by_hand", fields=", ".join(by_hand)) if by_hand else "")))
    return warnings


def semantic_problems(kind: str, model: Any, doc: Any, path: Path) -> list[Problem]:
    """Checks across files: a sprint against its method, a programme's sprint folders."""

    problems: list[Problem] = []
    if kind in ("sprint", "programme"):
        problems.extend(indicator_problems(model, doc))
    if kind == "programme":
        problems.extend(programme_problems(model, doc, path))
    if kind == "sprint":
        from sprintkit.engine.lineage import build
        from sprintkit.ops.checks import sprint_against_method

        problems.extend(sprint_against_method(model, doc, path))
        for p in build([model], programme=False).problems:  # references within the sprint
            problems.append(_lineage_problem(p, doc))
    return problems


def indicator_problems(model: Any, doc: Any) -> list[Problem]:
    """Baselines and targets that no measurement could be compared with (a rate given as a
    count or as a fraction, a target on the wrong side of the baseline), located."""
    from sprintkit.engine.indicators import definition_problems
    from sprintkit.files.yamlio import locate

    problems: list[Problem] = []
    for index, ind in enumerate(model.indicators):
        for what, message in definition_problems(ind).items():
            key = "target" if what == "side" else what
            line, col = locate(doc.tree, ("indicators", index, key))
            problems.append(Problem(doc.shown, line, col, f"indicators[{index}].{key}", message))
    return problems


def programme_problems(model: Any, doc: Any, path: Path) -> list[Problem]:
    """A programme's sprint folders (there, valid, in this programme, each once) and the
    ``derived_from`` references between its sprints (located in the sprint files)."""
    from sprintkit.engine.lineage import build
    from sprintkit.files.yamlio import locate
    from sprintkit.ops.programme import load_chain

    problems: list[Problem] = []

    def at(index: int, key: str, message: str, hint: str | None = None) -> None:
        line, col = locate(doc.tree, ("sprints", index, key))
        field_path = f"sprints[{index}]" + (f".{key}" if key else "")
        problems.append(Problem(doc.shown, line, col, field_path, message, hint))

    _, entries = load_chain(path, methods=False)
    seen_paths: dict[Path, int] = {}
    seen_ids: dict[str, int] = {}
    loaded = []
    for index, entry in enumerate(entries):
        if not entry.ok:
            hint = (msg("validate.sprint_details", path=entry.path)
                    if entry.state == "invalid" else msg("validate.sprint_path_hint"))
            at(index, "path", entry.problem or msg("validate.unreadable"), hint)
            continue
        folder = entry.folder.resolve()
        sprint = entry.sprint
        assert sprint is not None and entry.loaded is not None
        if folder in seen_paths:
            at(index, "path", msg("validate.sprint_twice", path=entry.path,
                                  n=seen_paths[folder] + 1))
            continue
        seen_paths[folder] = index
        if sprint.id in seen_ids:
            at(index, "path", msg("validate.id_twice", id=repr(sprint.id),
                                  n=seen_ids[sprint.id] + 1, ref=f"{sprint.id}:H1"),
               msg("validate.id_twice_hint"))
            continue
        seen_ids[sprint.id] = index
        if entry.entry_id is not None and entry.entry_id != sprint.id:
            at(index, "id", msg("validate.id_differs", given=repr(entry.entry_id),
                                path=entry.path, id=repr(sprint.id)),
               msg("validate.write", text=f"id: {sprint.id}"))
        if sprint.programme not in (None, model.id):
            file_problem = _at_key(entry.loaded.doc, ("programme",),
                                   msg("validate.other_programme",
                                       other=repr(sprint.programme), id=repr(model.id),
                                       file=doc.shown),
                                   msg("validate.other_programme_hint",
                                       text=f"programme: {model.id}"))
            problems.append(file_problem)
        loaded.append(entry)
    lineages = build([e.sprint for e in loaded if e.sprint is not None])
    for p in lineages.problems:
        sprint_file = loaded[p.sprint_index].loaded
        if sprint_file is not None:
            problems.append(_lineage_problem(p, sprint_file.doc))
    return problems


def _at_key(doc: Any, loc: tuple[Any, ...], message: str, hint: str | None = None) -> Problem:
    from sprintkit.files.yamlio import locate

    line, col = locate(doc.tree, loc)
    return Problem(doc.shown, line, col, ".".join(str(p) for p in loc), message, hint)


def _lineage_problem(p: Any, doc: Any) -> Problem:
    """A lineage problem at the hypothesis's ``derived_from`` in its sprint file."""
    from sprintkit.files.yamlio import locate

    loc = ("hypotheses", p.hypothesis_index, "derived_from")
    line, col = locate(doc.tree, loc)
    return Problem(doc.shown, line, col, f"hypotheses[{p.hypothesis_index}].derived_from",
                   p.message, p.hint)


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


# --- GitHub Actions annotations ------------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, level: str = "error") -> str:
    """One problem as a GitHub Actions workflow command, e.g.
    ``::error file=s/sprint.yaml,line=3,col=5,title=sprintkit validate::phases.x: …``.

    GitHub shows it on the file's line in the pull request; the location is left out when it is
    unknown (line 0), and the hint follows the message on a new line."""
    file = problem.file.replace(os.sep, "/")  # GitHub names files with '/', on Windows too
    props = [f"file={_escape_property(file)}"]
    if problem.line:
        props.append(f"line={problem.line}")
        if problem.column:
            props.append(f"col={problem.column}")
    props.append(f"title={_escape_property('sprintkit validate')}")
    message = f"{problem.path}: {problem.message}" if problem.path else problem.message
    if problem.hint:
        message += f"\n{msg('common.hint')} {problem.hint}"
    return f"::{level} {','.join(props)}::{_escape_data(message)}"

