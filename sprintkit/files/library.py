"""Finding and loading methods and work forms along a search path.

The search order, first match wins (the same id overrides a later one):

1. the sprint folder's ``methods/`` (and ``methods/workforms/``),
2. the user's config folder (``platformdirs.user_config_dir("sprintkit")/methods``),
3. the methods packaged with sprintkit.

A file's name is its id: ``methods/<id>.yaml`` and ``methods/workforms/<id>.yaml``; the ``id``
inside must match. User files are validated exactly like the sprint file, so every problem is
reported as ``file:line:column``. Built-in files are parsed once per process."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sprintkit.errors import InvalidFile, NotFound, Problem
from sprintkit.files.textfile import display
from sprintkit.i18n import language, msg

if TYPE_CHECKING:
    from sprintkit.files.yamlio import YamlDoc
    from sprintkit.model.method import Method, Workform
    from sprintkit.model.sprint import Sprint

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "methods"
WORKFORM_SUBDIR = "workforms"
METHODS_SUBDIR = "methods"

ORIGIN_SPRINT = "sprint"
ORIGIN_USER = "user"
ORIGIN_BUILTIN = "built-in"

M = TypeVar("M")


@dataclass(frozen=True)
class SearchDir:
    """One folder of the search path: where it is, what it is, whether it exists."""

    origin: str
    path: Path

    @property
    def exists(self) -> bool:
        return self.path.is_dir()

    @property
    def workforms(self) -> Path:
        return self.path / WORKFORM_SUBDIR


@dataclass
class Found(Generic[M]):
    """A loaded method or work form and where it came from."""

    model: M
    path: Path
    origin: str
    shadows: list[Path] = field(default_factory=list)
    """Files with the same id further down the search path, which this one overrides."""


def user_dir() -> Path:
    """The user's methods folder (it need not exist)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("sprintkit")) / METHODS_SUBDIR


def sprint_folder(sprint: Path | None) -> Path | None:
    """A sprint folder or its sprint.yaml -> the folder (``None`` stays ``None``)."""
    if sprint is None:
        return None
    sprint = Path(sprint)
    return sprint.parent if sprint.suffix in (".yaml", ".yml") or sprint.is_file() else sprint


def search_dirs(sprint: Path | None = None) -> list[SearchDir]:
    """The method folders in search order; ``sprint`` is a sprint folder or its sprint.yaml."""
    dirs = []
    folder = sprint_folder(sprint)
    if folder is not None:
        dirs.append(SearchDir(ORIGIN_SPRINT, folder / METHODS_SUBDIR))
    dirs.append(SearchDir(ORIGIN_USER, user_dir()))
    dirs.append(SearchDir(ORIGIN_BUILTIN, BUILTIN_DIR))
    return dirs


# --- finding files -------------------------------------------------------------------------


def _files(folder: Path) -> dict[str, Path]:
    """``id -> path`` of the YAML files directly in ``folder`` (``.yaml`` before ``.yml``)."""
    if not folder.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in (".yaml", ".yml") and not path.name.startswith("."):
            found.setdefault(path.stem, path)
    return found


def _located(kind: str, sprint: Path | None) -> dict[str, list[tuple[str, Path]]]:
    """``id -> [(origin, path), …]`` in search order, for methods or work forms."""
    result: dict[str, list[tuple[str, Path]]] = {}
    for sd in search_dirs(sprint):
        folder = sd.workforms if kind == "workform" else sd.path
        for ident, path in _files(folder).items():
            result.setdefault(ident, []).append((sd.origin, path))
    return result


def method_ids(sprint: Path | None = None) -> list[str]:
    return sorted(_located("method", sprint))


def workform_ids(sprint: Path | None = None) -> list[str]:
    return sorted(_located("workform", sprint))


def did_you_mean(name: str, known: list[str]) -> str | None:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    return msg("files.did_you_mean", name=repr(close[0])) if close else None


# --- loading -------------------------------------------------------------------------------

_builtin_cache: dict[tuple[Path, str], tuple[Any, Any]] = {}


def _load(path: Path, kind: str, origin: str) -> tuple[Any, YamlDoc]:
    """Validate one file as a method or work form (cached for built-ins)."""
    from sprintkit.files.yamlio import load_model
    from sprintkit.model.method import Method, Workform

    key = (path, kind)
    if origin == ORIGIN_BUILTIN and key in _builtin_cache:
        return _builtin_cache[key]
    model_cls: type[Any] = Method if kind == "method" else Workform
    model, doc = load_model(path, model_cls, kind.replace("workform", "work form"), fast=True)
    if model.id != path.stem:
        from sprintkit.files.yamlio import locate

        line, col = locate(doc.tree, ("id",))
        raise InvalidFile(
            [
                Problem(
                    doc.shown,
                    line,
                    col,
                    "id",
                    msg("files.id_not_name", id=repr(model.id), name=repr(path.name)),
                    msg("files.id_not_name_hint", id=model.id, stem=path.stem),
                )
            ]
        )
    if origin == ORIGIN_BUILTIN:
        _builtin_cache[key] = (model, doc)
    return model, doc


def _reference_problems(method: Method, doc: YamlDoc, known_workforms: list[str]) -> list[Problem]:
    """Work forms a method uses that are nowhere on the search path."""
    from sprintkit.files.yamlio import locate

    problems = []
    known = set(known_workforms)
    for pi, phase in enumerate(method.phases):
        for wi, use in enumerate(phase.workforms):
            if use.ref not in known:
                loc = ("phases", pi, "workforms", wi)
                line, col = locate(doc.tree, loc)
                problems.append(
                    Problem(
                        doc.shown,
                        line,
                        col,
                        f"phases[{pi}].workforms[{wi}]",
                        msg("files.unknown_workform", id=repr(use.ref)),
                        did_you_mean(use.ref, known_workforms) or msg("files.workforms_list"),
                    )
                )
    return problems


def get_method(method_id: str, sprint: Path | None = None) -> Found[Method]:
    """The method with this id, first on the search path. Raises NotFound or InvalidFile."""
    located = _located("method", sprint)
    if method_id not in located:
        known = sorted(located)
        raise NotFound(
            msg("files.no_method", id=repr(method_id)),
            hint=did_you_mean(method_id, known)
            or msg("files.available", names=", ".join(known) or msg("files.none")),
        )
    (origin, path), *rest = located[method_id]
    model, doc = _load(path, "method", origin)
    problems = _reference_problems(model, doc, workform_ids(sprint))
    if problems:
        raise InvalidFile(problems)
    return Found(model, path, origin, [p for _, p in rest])


def get_workform(workform_id: str, sprint: Path | None = None) -> Found[Workform]:
    """The work form with this id, first on the search path. Raises NotFound or InvalidFile."""
    located = _located("workform", sprint)
    if workform_id not in located:
        known = sorted(located)
        raise NotFound(
            msg("files.no_workform", id=repr(workform_id)),
            hint=did_you_mean(workform_id, known) or msg("files.workforms_see"),
        )
    (origin, path), *rest = located[workform_id]
    model, _ = _load(path, "workform", origin)
    return Found(model, path, origin, [p for _, p in rest])


def all_methods(sprint: Path | None = None) -> tuple[list[Found[Method]], list[Problem]]:
    """Every method on the search path (overrides applied), and the problems of broken files."""
    return _all("method", sprint)


def all_workforms(sprint: Path | None = None) -> tuple[list[Found[Workform]], list[Problem]]:
    """Every work form on the search path (overrides applied), and the problems of broken files."""
    return _all("workform", sprint)


def _all(kind: str, sprint: Path | None) -> tuple[list[Any], list[Problem]]:
    found: list[Any] = []
    problems: list[Problem] = []
    known_workforms = workform_ids(sprint) if kind == "method" else []
    for _ident, places in sorted(_located(kind, sprint).items()):
        (origin, path), *rest = places
        try:
            model, doc = _load(path, kind, origin)
        except InvalidFile as exc:
            problems.extend(exc.problems)
            continue
        if kind == "method":
            refs = _reference_problems(model, doc, known_workforms)
            if refs:
                problems.extend(refs)
                continue
        found.append(Found(model, path, origin, [p for _, p in rest]))
    return found, problems


def workform_index(method: Method, sprint: Path | None = None) -> dict[str, Workform]:
    """The work forms a method uses, by id (unknown ones are left out)."""
    index: dict[str, Workform] = {}
    for phase in method.phases:
        for use in phase.workforms:
            if use.ref not in index:
                try:
                    index[use.ref] = get_workform(use.ref, sprint).model
                except NotFound:
                    continue
    return index


def clear_cache() -> None:
    """Forget parsed built-ins (for tests that edit the package folder)."""
    _builtin_cache.clear()


# --- a sprint checked against its method ----------------------------------------------------


def validate_against_method(
    sprint: Sprint,
    doc: YamlDoc | None = None,
    path: Path | None = None,
    *,
    method: Method | None = None,
) -> list[Problem]:
    """Problems of a sprint measured against its method, located in the sprint file when
    ``doc`` is given: an unknown method (with a did-you-mean), phases the method lacks,
    captured or skipped outputs that the phase does not have, and answers that do not fit their
    output's type — checked by :func:`sprintkit.engine.answers.answer_problem`, the same rules
    the walkthrough applies to typed answers. ``path`` is the sprint.yaml (its folder's
    ``methods/`` is searched first)."""
    from sprintkit.files.yamlio import locate

    shown = doc.shown if doc is not None else (display(path) if path else "sprint.yaml")

    def where(loc: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        if doc is None:
            return 0, 0
        return locate(doc.tree, loc, key=key)

    if method is None:
        try:
            method = get_method(sprint.method, path).model
        except NotFound as exc:
            line, col = where(("method",))
            return [
                Problem(shown, line, col, "method",
                        msg("files.unknown_method", id=repr(sprint.method)), exc.hint)
            ]
        except InvalidFile as exc:
            line, col = where(("method",))
            first = exc.problems[0] if exc.problems else None
            return [
                Problem(
                    shown,
                    line,
                    col,
                    "method",
                    msg("files.method_problems_first", id=repr(sprint.method), first=first)
                    if first
                    else msg("files.method_problems", id=repr(sprint.method)),
                    msg("files.method_problems_hint", id=sprint.method),
                )
            ]

    from sprintkit.engine.answers import AnswerContext, answer_problem
    from sprintkit.engine.progress import all_answers

    context = AnswerContext(
        all_answers(sprint), frozenset(h.id for h in sprint.hypotheses), language()
    )
    problems: list[Problem] = []
    phase_ids = [p.id for p in method.phases]
    owner = {o.id: p.id for p in method.phases for o in p.outputs}
    for phase_id, state in sprint.phases.items():
        if phase_id not in phase_ids:
            line, col = where(("phases", phase_id), key=True)
            problems.append(
                Problem(
                    shown,
                    line,
                    col,
                    f"phases.{phase_id}",
                    msg("files.no_phase", method=repr(method.id), phase=repr(phase_id)),
                    did_you_mean(phase_id, phase_ids)
                    or msg("files.its_phases", phases=", ".join(phase_ids)),
                )
            )
            continue
        phase = method.phase(phase_id)
        own = [o.id for o in phase.outputs]
        for output_id in state.outputs:
            if output_id not in own:
                line, col = where(("phases", phase_id, "outputs", output_id), key=True)
                problems.append(
                    output_problem(
                        shown,
                        line,
                        col,
                        f"phases.{phase_id}.outputs.{output_id}",
                        phase_id,
                        output_id,
                        own,
                        owner,
                    )
                )
        for index, output_id in enumerate(state.skipped_outputs):
            if output_id not in own:
                line, col = where(("phases", phase_id, "skipped_outputs", index))
                problems.append(
                    output_problem(
                        shown,
                        line,
                        col,
                        f"phases.{phase_id}.skipped_outputs[{index}]",
                        phase_id,
                        output_id,
                        own,
                        owner,
                    )
                )
        for output_id, value in state.outputs.items():
            if output_id in own:
                spec = phase.outputs[own.index(output_id)]
                wrong = answer_problem(spec, value, context)
                if wrong is not None:
                    line, col = where(("phases", phase_id, "outputs", output_id))
                    problems.append(
                        Problem(
                            shown,
                            line,
                            col,
                            f"phases.{phase_id}.outputs.{output_id}",
                            wrong.message,
                            wrong.hint,
                        )
                    )
    return problems


def output_problem(
    shown: str,
    line: int,
    col: int,
    where: str,
    phase_id: str,
    output_id: str,
    own: list[str],
    owner: dict[str, str],
) -> Problem:
    if output_id in owner:
        hint = msg("files.output_belongs", output=repr(output_id), phase=repr(owner[output_id]))
    else:
        hint = did_you_mean(output_id, own) or (
            msg("files.phase_outputs", outputs=", ".join(own)) if own
            else msg("files.phase_no_outputs")
        )
    return Problem(shown, line, col, where,
                   msg("files.no_output", phase=repr(phase_id), output=repr(output_id)), hint)
