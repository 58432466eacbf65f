"""Reading and writing ``sprint.yaml`` (and other model files) safely.

Every change is a transaction: take the folder's lock, read the file fresh (so edits made by
hand in the meantime are kept), apply the change to the model, validate, merge it back into the
user's YAML (comments, key order and quoting survive) and replace the file atomically. If the
file changes on disk during the transaction, nothing is written and the change is applied again
to the new content."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sprintkit.errors import EditConflict, InvalidFile, NotFound
from sprintkit.files.atomic import remove_leftovers, write_atomic
from sprintkit.files.collector import gc_paused
from sprintkit.files.lock import locked
from sprintkit.files.safepath import refuse_link
from sprintkit.files.schemafile import ensure_schema
from sprintkit.files.textfile import display, has_bom, keep_style
from sprintkit.i18n import msg

if TYPE_CHECKING:
    from sprintkit.files.yamlio import YamlDoc
    from sprintkit.model.programme import Programme
    from sprintkit.model.sprint import Sprint

SPRINT_FILE = "sprint.yaml"
PROGRAMME_FILE = "programme.yaml"
SCHEMA_DIR = ".sprintkit"

M = TypeVar("M")
T = TypeVar("T")


@dataclass
class ModelFile(Generic[M]):
    """A validated file: the model, where it lives, and the YAML it was read from."""

    model: M
    path: Path
    doc: YamlDoc

    @property
    def dir(self) -> Path:
        return self.path.parent

    @property
    def digest(self) -> str:
        return self.doc.digest


SprintFile = ModelFile["Sprint"]
ProgrammeFile = ModelFile["Programme"]


def resolve_file(path: Path | None, name: str, what: str, create_hint: str) -> Path:
    """A folder or the file itself -> the file's path (which must exist)."""
    target = Path.cwd() if path is None else Path(path)
    if target.is_dir():
        candidate = target / name
        if not candidate.is_file():
            raise NotFound(msg("files.no_file_in", name=name, folder=display(target)),
                           hint=create_hint)
        return candidate
    if not target.exists():
        raise NotFound(msg("files.no_such_" + what, path=display(target)), hint=create_hint)
    return target


def resolve_sprint(path: Path | None) -> Path:
    return resolve_file(
path, SPRINT_FILE, "sprint", msg("files.sprint_hint"))


def resolve_programme(path: Path | None) -> Path:
    return resolve_file(
path, PROGRAMME_FILE, "programme", msg("files.programme_hint"))


def load_file(path: Path, model: type[M], what: str, *, fast: bool = True,
              for_writing: bool = False) -> ModelFile[M]:
    """Load and validate a model file. ``fast`` reads plain data quickly (with libyaml);
    ``for_writing`` also keeps where every entry is, so a transaction can write back only the
    entries it changed (the round-trip tree is built only when that is not possible)."""
    from sprintkit import i18n
    from sprintkit.files.yamlio import load_model

    with gc_paused():
        value, doc = load_model(path, model, what, fast=fast, nodes=for_writing)
    i18n.found(getattr(value, "language", None))
    return ModelFile(value, path, doc)


def load_sprint(path: Path | None = None) -> ModelFile[Sprint]:
    from sprintkit.model.sprint import Sprint

    return load_file(resolve_sprint(path), Sprint, "sprint")


def load_programme(path: Path | None = None) -> ModelFile[Programme]:
    from sprintkit.model.programme import Programme

    return load_file(resolve_programme(path), Programme, "programme")


def _write_back(loaded: ModelFile[Any], model: type[Any]) -> str:
    """Validate the changed model and merge it into the loaded YAML; returns the new text."""
    from pydantic import ValidationError

    from sprintkit.errors import Problem
    from sprintkit.files.yamlwrite import dump, merge, model_data

    data = model_data(loaded.model)
    try:  # the change itself must leave a valid file
        model.model_validate(data)
    except ValidationError as exc:
        from sprintkit.files.yamlio import describe

        problems = [
            Problem(loaded.doc.shown, 0, 0, ".".join(str(p) for p in e["loc"]),
                    *describe(dict(e), model))
            for e in exc.errors(include_url=False)
        ]
        raise InvalidFile(problems, msg("files.change_invalid")) from None
    if loaded.doc.nodes is not None:  # rewrite only the entries that changed
        from sprintkit.files.yamlsplice import splice

        spliced = splice(loaded.doc.text, loaded.doc.nodes, loaded.doc.data, data)
        if spliced is not None:
            _refuse_surrogates(spliced, data)
            return keep_style(spliced, loaded.doc.text)
    tree = loaded.doc.tree
    if tree is None:
        from sprintkit.files.yamlwrite import fresh

        tree = fresh(data)
    else:
        tree = merge(tree, data)
    text = dump(tree, like=loaded.doc.text)
    _refuse_surrogates(text, data)
    return keep_style(_keep_header(loaded.doc.text, text), loaded.doc.text)


def _refuse_surrogates(text: str, data: Any) -> None:
    """A lone surrogate (from a command-line argument that is not UTF-8) is not written: the
    file could not be read again."""
    from sprintkit.errors import SprintkitError
    from sprintkit.files.yamlio import has_surrogate

    if "\\u" in text.lower() and has_surrogate(data):
        raise SprintkitError(msg("files.write_surrogate"), hint=msg("files.write_surrogate_hint"))


def _keep_header(old: str, new: str) -> str:
    """ruamel keeps leading comments; make sure a schema modeline is never lost."""
    first = old.splitlines()[0] if old else ""
    if first.startswith("# yaml-language-server:") and not new.startswith(first):
        return first + "\n" + new
    return new


def update_file(
    path: Path, model: type[M], what: str, change: Callable[[M], T], *, retries: int = 3
) -> T:
    """Apply ``change`` to the file's model in one locked, atomic, comment-preserving write."""
    refuse_link(path, what + " file")
    for attempt in range(retries + 1):
        with locked(path.parent), gc_paused():
            remove_leftovers(path)  # of writers killed mid-write; we hold the lock
            loaded = load_file(path, model, what, for_writing=True)
            result = change(loaded.model)
            text = _write_back(loaded, model)
            if _digest_of(path) != loaded.digest:
                if attempt < retries:
                    continue  # edited by hand during the change: apply it again to the new text
                raise EditConflict(msg("files.keeps_changing", path=display(path)),
                                   hint=msg("files.keeps_changing_hint"))
            if text != loaded.doc.text:
                _save(path, text)
                ensure_schema(path, text, what)
            return result
    raise AssertionError("unreachable")


def update_sprint(path: Path | None, change: Callable[[Sprint], T]) -> T:
    """Change the sprint at ``path`` (folder or sprint.yaml) and save it safely."""
    from sprintkit.model.sprint import Sprint

    return update_file(resolve_sprint(path), Sprint, "sprint", change)


def update_programme(path: Path | None, change: Callable[[Programme], T]) -> T:
    from sprintkit.model.programme import Programme

    return update_file(resolve_programme(path), Programme, "programme", change)


@contextmanager
def edit_sprint(path: Path | None) -> Iterator[ModelFile[Sprint]]:
    """``with edit_sprint(p) as sf: sf.model.title = "…"`` — one transaction, no retry."""
    from sprintkit.model.sprint import Sprint

    file = resolve_sprint(path)
    refuse_link(file, "sprint file")
    with locked(file.parent):
        remove_leftovers(file)
        loaded = load_file(file, Sprint, "sprint", for_writing=True)
        yield loaded
        with gc_paused():
            text = _write_back(loaded, Sprint)
        if _digest_of(file) != loaded.digest:
            raise EditConflict(msg("files.changed_on_disk", path=display(file)),
                               hint=msg("files.run_again"))
        if text != loaded.doc.text:
            _save(file, text)
            ensure_schema(file, text, "sprint")


def _save(path: Path, text: str) -> None:
    """Replace the file, keeping its byte order mark when it had one (line endings are kept by
    :func:`_write_back`)."""
    write_atomic(path, ("\ufeff" + text) if has_bom(path) else text, inside=path.parent)


def _digest_of(path: Path) -> str:
    try:
        return sha256(path.read_bytes().removeprefix(b"\xef\xbb\xbf")).hexdigest()
    except OSError:
        return ""


def digest_of(path: Path) -> str:
    """The digest :class:`ModelFile` uses, for noticing changes made by hand."""
    return _digest_of(path)
