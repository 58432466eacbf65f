"""Programmes (*trajecten*): a chain of sprints with one aim — loading the chain, a new
programme, adding, removing and moving its sprints. The views across it (status, lineages) are
in :mod:`sprintkit.ops.programme_views`.

Library functions behind ``sprintkit programme``; keyword arguments mirror the command-line
flags. The programme file is written only through :func:`update_programme` and a sprint only
through :func:`update_sprint` (locked, atomic, comment-preserving). Sprint folders that are
missing or invalid never make a view crash: :func:`load_chain` records them per entry."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import (
    InvalidFile,
    MissingInput,
    NotFound,
    Problem,
    SprintkitError,
    UsageError,
)
from sprintkit.files.sprintfile import PROGRAMME_FILE, SPRINT_FILE
from sprintkit.files.textfile import display
from sprintkit.i18n import msg, t

if TYPE_CHECKING:
    from sprintkit.files.sprintfile import ModelFile
    from sprintkit.model.method import Method
    from sprintkit.model.programme import Programme
    from sprintkit.model.sprint import Sprint

SCHEMA_URL = ".sprintkit/programme.schema.json"


# --- the chain as loaded -------------------------------------------------------------------


@dataclass
class ChainEntry:
    """One sprint of the chain: where it should be and what was found there."""

    position: int
    path: str
    folder: Path
    entry_id: str | None
    state: str = "ok"  # ok | missing | invalid
    problem: str | None = None
    problems: list[Problem] = field(default_factory=list)
    loaded: ModelFile[Sprint] | None = None
    method: Method | None = None
    method_problem: str | None = None

    @property
    def sprint(self) -> Sprint | None:
        return self.loaded.model if self.loaded is not None else None

    @property
    def id(self) -> str:
        if self.loaded is not None:
            return self.loaded.model.id
        return self.entry_id or self.path

    @property
    def ok(self) -> bool:
        return self.state == "ok"


def load_chain(programme: Path | None = None, *, methods: bool = True,
               progress: Callable[[int, int], None] | None = None
               ) -> tuple[ModelFile[Programme], list[ChainEntry]]:
    """The programme and each of its sprints in order; a sprint that is missing or invalid is
    recorded in its entry rather than raised."""
    from sprintkit.files.sprintfile import load_programme

    loaded = load_programme(programme)
    entries = []
    total = len(loaded.model.sprints)
    for number, item in enumerate(loaded.model.sprints, start=1):
        entries.append(_load_entry(loaded.dir, number, item.path, item.id, methods))
        if progress is not None:
            progress(number, total)
    return loaded, entries


def _load_entry(base: Path, position: int, path: str, entry_id: str | None, methods: bool
                ) -> ChainEntry:
    from sprintkit.files.sprintfile import load_sprint

    folder = base / path
    entry = ChainEntry(position, path, folder, entry_id)
    if folder.name == SPRINT_FILE and folder.is_file():
        entry.folder = folder.parent
    elif not (folder / SPRINT_FILE).is_file():
        entry.state = "missing"
        entry.problem = (msg("cli.programme.no_sprint_file", file=SPRINT_FILE,
                             folder=display(folder)) if folder.is_dir()
                         else msg("cli.programme.no_folder", folder=display(folder)))
        return entry
    try:
        entry.loaded = load_sprint(entry.folder)
    except InvalidFile as exc:
        entry.state = "invalid"
        entry.problems = exc.problems
        count = len(exc.problems)
        entry.problem = msg("cli.programme.invalid_one" if count == 1
                            else "cli.programme.invalid_many",
                            path=display(entry.folder / SPRINT_FILE), count=count,
                            first=exc.problems[0].message if exc.problems else exc.message)
        return entry
    except SprintkitError as exc:
        entry.state = "invalid"
        entry.problem = exc.message
        return entry
    if methods:
        from sprintkit.files.library import get_method

        try:
            entry.method = get_method(entry.loaded.model.method, entry.folder).model
        except SprintkitError as exc:
            entry.method_problem = exc.message
    return entry


def chain_problem(entries: list[ChainEntry]) -> SprintkitError | None:
    """One error naming every sprint that is missing or invalid (None when all are fine)."""
    bad = [e for e in entries if not e.ok]
    if not bad:
        return None
    lines = "; ".join(f"{e.position}. {e.id}: {e.problem}" for e in bad)
    return SprintkitError(
        msg("cli.programme.chain_problem", bad=len(bad), count=len(entries), lines=lines),
        hint=msg("cli.programme.chain_problem_hint"))


# --- new -----------------------------------------------------------------------------------


@dataclass
class NewProgramme:
    path: Path
    schema_path: Path
    programme: Programme


def new_programme(
    folder: Path,
    *,
    title: str | None = None,
    org: str | None = None,
    lang: str | None = None,
    id: str | None = None,
    goal: str | None = None,
    no_input: bool = False,
    ask: Callable[[str, bool], str | None] | None = None,
) -> NewProgramme:
    """Create ``folder/programme.yaml`` (commented, with a schema line) and its schema file.

    ``ask(prompt, required)`` is called for a missing title and organisation when given and
    ``no_input`` is false. Refuses to overwrite an existing programme.yaml."""
    from pydantic import ValidationError

    from sprintkit.model.programme import Programme
    from sprintkit.ops.new import slugify

    folder = Path(folder)
    target = folder / PROGRAMME_FILE
    if target.exists():
        raise SprintkitError(msg("cli.programme.exists", path=display(target)),
                             hint=msg("cli.programme.exists_hint"))
    if folder.exists() and not folder.is_dir():
        raise SprintkitError(msg("cli.programme.is_file", path=display(folder)))
    if lang is not None and lang not in ("nl", "en"):
        raise UsageError(msg("cli.programme.bad_lang", lang=repr(lang)))
    language = lang or "nl"
    if ask is not None and not no_input:
        if not title:
            title = ask(t("cli.programme.ask_title", language), True)
        if org is None:
            org = ask(t("cli.programme.ask_org", language), False) or None
    if not title or not title.strip():
        raise MissingInput([msg("cli.programme.missing_title")],
                           msg("cli.programme.missing_title_hint"))
    data: dict[str, Any] = {
        "schema_version": 1,
        "id": id or slugify(folder.resolve().name),
        "title": title.strip(),
        "organisation": org,
        "language": language,
        "goal": goal,
        "sprints": [],
    }
    data = {k: v for k, v in data.items() if v is not None}
    try:
        programme = Programme.model_validate(data)
    except ValidationError as exc:
        problems = [Problem("--" + ".".join(str(p) for p in e["loc"]), 0, 0,
                            ".".join(str(p) for p in e["loc"]), e["msg"])
                    for e in exc.errors(include_url=False)]
        raise InvalidFile(problems, msg("cli.programme.invalid_values")) from None
    text = render_programme_file(programme, display(folder))
    from sprintkit.files.yamlio import parse_yaml, validate_data

    validate_data(parse_yaml(text, target), Programme, "programme")  # ours must always load
    from sprintkit.files.atomic import write_atomic
    from sprintkit.files.lock import locked
    from sprintkit.ops.new import write_schema_file

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SprintkitError(msg("cli.programme.cannot_create", path=display(folder),
                                 reason=exc.strerror)) from None
    with locked(folder):
        if target.exists():
            raise SprintkitError(msg("cli.programme.exists", path=display(target)))
        schema = write_schema_file(folder, "programme")
        write_atomic(target, text)
    return NewProgramme(target, schema, programme)


def render_programme_file(programme: Programme, shown_dir: str = ".") -> str:
    """The text of a new programme.yaml: schema line, explanation, values and hints."""
    import shlex

    from sprintkit.files.yamlwrite import SCHEMA_LINE, dump, fresh, model_data
    from sprintkit.ops.new import yaml_comment

    lang = programme.language

    def lines(key: str, **values: Any) -> list[str]:
        return t(f"cli.programme.file.{key}", lang, **values).split("\n")

    data = model_data(programme)
    text = SCHEMA_LINE.format(url=SCHEMA_URL)
    text += yaml_comment(lines("head", title=programme.title, dir=shlex.quote(shown_dir))) + "\n"
    for key in ("schema_version", "id", "title", "organisation", "language", "goal"):
        if key in data:
            text += dump(fresh({key: data[key]}))
        elif key in ("organisation", "goal"):
            text += yaml_comment(lines(key))
    text += yaml_comment(lines("dates")) + yaml_comment(lines("facilitators"))
    text += "\n" + yaml_comment(lines("sprints")) + "sprints: []\n"
    text += "\n" + yaml_comment(lines("rest"))
    return text


# --- add, remove, move ---------------------------------------------------------------------


@dataclass
class ChainChange:
    """What ``add``/``remove``/``move`` did."""

    programme: Programme
    path: Path
    sprint_id: str
    position: int
    warnings: list[str] = field(default_factory=list)


def _set_programme(sprint: Sprint, pid: str | None) -> None:
    sprint.programme = pid
    if pid is None:  # drop the key instead of writing null
        sprint.__pydantic_fields_set__.discard("programme")


def _relative(folder: Path, base: Path) -> str:
    return Path(os.path.relpath(folder.resolve(), base.resolve())).as_posix()


def _index_of(programme: Programme, base: Path, ref: str, option: str) -> int:
    """The index of the entry named by id or path; NotFound listing the entries."""
    for index, entry in enumerate(programme.sprints):
        if ref in (entry.id, entry.path):
            return index
    wanted = (base / ref)
    for index, entry in enumerate(programme.sprints):
        if wanted.exists() and (base / entry.path).resolve() == wanted.resolve():
            return index
    known = (", ".join(e.id or e.path for e in programme.sprints)
             or msg("cli.programme.none_yet"))
    raise NotFound(msg("cli.programme.no_such_sprint", option=option, ref=repr(ref)),
                   hint=msg("cli.programme.sprints_known", known=known))


def add_sprint(sprint_dir: Path, *, after: str | None = None,
               programme: Path | None = None) -> ChainChange:
    """Add the sprint at ``sprint_dir`` to the programme (after ``after``, else at the end),
    and record the programme's id in the sprint's ``programme`` field."""
    from sprintkit.files.sprintfile import (
        load_programme,
        load_sprint,
        update_programme,
        update_sprint,
    )
    from sprintkit.model.programme import ProgrammeSprint

    prog = load_programme(programme)
    sprint = load_sprint(sprint_dir)  # a sprint that does not validate is refused here
    model = sprint.model
    pid = prog.model.id
    rel = _relative(sprint.dir, prog.dir)
    if model.programme not in (None, pid):
        raise SprintkitError(
            msg("cli.programme.belongs_elsewhere", sprint=repr(model.id),
                programme=repr(model.programme)),
            hint=msg("cli.programme.belongs_elsewhere_hint", path=display(sprint.path)))

    def check(p: Programme) -> int:
        for entry in p.sprints:
            if entry.id == model.id:
                raise SprintkitError(msg("cli.programme.already_in", sprint=repr(model.id),
                                         path=entry.path))
            if (prog.dir / entry.path).resolve() == sprint.dir.resolve():
                raise SprintkitError(msg("cli.programme.path_already_in", path=entry.path))
        if after is None:
            return len(p.sprints)
        return _index_of(p, prog.dir, after, "--after ") + 1

    check(prog.model)  # clear messages before anything is written

    def put(p: Programme) -> int:
        at = check(p)
        p.sprints.insert(at, ProgrammeSprint(path=rel, id=model.id))
        return at + 1

    previous = model.programme
    if previous != pid:
        update_sprint(sprint.path, lambda s: _set_programme(s, pid))
    try:
        position = update_programme(prog.path, put)
    except BaseException:
        if previous != pid:  # leave the sprint as it was
            update_sprint(sprint.path, lambda s: _set_programme(s, previous))
        raise
    warnings = []
    if model.language != prog.model.language:
        warnings.append(msg("cli.programme.other_language", sprint=repr(model.id),
                            sprint_lang=repr(model.language),
                            programme_lang=repr(prog.model.language)))
    fresh = load_programme(prog.path).model
    return ChainChange(fresh, prog.path, model.id, position, warnings)


def remove_sprint(ref: str, *, programme: Path | None = None) -> ChainChange:
    """Take a sprint (by id or path) out of the chain; its folder is left alone, and its
    ``programme`` field is cleared when it names this programme."""
    from sprintkit.files.sprintfile import load_programme, update_programme, update_sprint

    prog = load_programme(programme)
    index = _index_of(prog.model, prog.dir, ref, "")
    entry = prog.model.sprints[index]
    _, entries = load_chain(prog.path, methods=False)
    removed = entries[index]
    sprint_id = removed.id
    warnings = []
    from sprintkit.engine.lineage import parse_ref

    for other in entries:
        if other.sprint is None or other.position == index + 1:
            continue
        for h in other.sprint.hypotheses:
            if h.derived_from and parse_ref(h.derived_from, other.id).sprint == sprint_id:
                warnings.append(msg("cli.programme.orphaned", ref=f"{other.id}:{h.id}",
                                    parent=h.derived_from))

    def take(p: Programme) -> None:
        at = _index_of(p, prog.dir, entry.id or entry.path, "")
        del p.sprints[at]

    update_programme(prog.path, take)
    pid = prog.model.id
    if removed.sprint is not None and removed.sprint.programme == pid and removed.loaded:
        update_sprint(removed.loaded.path, lambda s: _set_programme(s, None))
    fresh = load_programme(prog.path).model
    return ChainChange(fresh, prog.path, sprint_id, index + 1, warnings)


def move_sprint(ref: str, *, after: str | None = None, first: bool = False,
                programme: Path | None = None) -> ChainChange:
    """Move a sprint (by id or path) to just after ``after``, or to the front with ``first``."""
    from sprintkit.files.sprintfile import load_programme, update_programme

    if (after is None) == (not first):
        raise UsageError(msg("cli.programme.after_or_first"))
    prog = load_programme(programme)
    _index_of(prog.model, prog.dir, ref, "")
    if after is not None:
        _index_of(prog.model, prog.dir, after, "--after ")

    def move(p: Programme) -> int:
        at = _index_of(p, prog.dir, ref, "")
        entry = p.sprints.pop(at)
        if after is not None and after in (entry.id, entry.path):
            p.sprints.insert(at, entry)
            raise UsageError(msg("cli.programme.after_itself", ref=repr(ref)))
        to = 0 if first else _index_of(p, prog.dir, after or "", "--after ") + 1
        p.sprints.insert(to, entry)
        return to + 1

    position = update_programme(prog.path, move)
    fresh = load_programme(prog.path).model
    entry = fresh.sprints[position - 1]
    return ChainChange(fresh, prog.path, entry.id or entry.path, position)
