"""The sprint behind the story commands: its method's perspectives and signifiers (cached in
the story database while the method file is unchanged), its story settings, its pseudonymiser,
and the rule for every file a story command writes."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import NotFound, SprintkitError
from sprintkit.i18n import msg

if TYPE_CHECKING:
    from sprintkit.engine.pseudonymise import Pseudonymiser
    from sprintkit.files.sprintfile import SprintFile
    from sprintkit.files.storystore import StoryStore
    from sprintkit.model.method import Method
    from sprintkit.model.sprint import StorySettings

@dataclass
class StoryContext:
    """Everything the story commands need about one sprint."""

    sprint_file: SprintFile
    method: Method | StoryMethod
    settings: StorySettings
    lang: str

    @property
    def db_path(self) -> Path:
        return self.sprint_file.dir / self.settings.database

    @property
    def key_path(self) -> Path:
        from sprintkit.ops.keyfile import sprint_key_path

        return sprint_key_path(self.sprint_file.model, self.sprint_file.dir)

    @property
    def signifier_types(self) -> list[tuple[str, str]]:
        return [(s.id, s.type) for s in self.method.signifiers]

    def open_store(self, create: bool = False, write: bool | None = None) -> StoryStore:
        """The story database; read-only unless ``create`` or ``write``."""
        from sprintkit.files.storystore import StoryStore

        return StoryStore.open(self.db_path, create=create, write=write,
                               inside=self.sprint_file.dir)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the story database's writers' lock: every command that changes the database
        holds it, so a failed first import can remove the database it made without another
        writer having opened that file in the meantime (its stories would be lost with it)."""
        from sprintkit.files.lock import STORIES_LOCK_NAME, locked

        with locked(self.sprint_file.dir, name=STORIES_LOCK_NAME):
            yield


def load_method(method_id: str, sprint_dir: Path) -> Method:
    """The sprint's method through the method library (sprint folder first)."""
    from sprintkit.files import library

    loader = getattr(library, "load_method", None)
    if loader is not None:
        found = loader(method_id, sprint_dir)
        return getattr(found, "model", found)
    return library.get_method(method_id, sprint_dir).model


@dataclass
class StoryMethod:
    """The parts of a method the stories need, as cached in the story database."""

    id: str
    perspectives: list[Any]
    signifiers: list[Any]


def method_file(method_id: str, sprint_dir: Path) -> Path | None:
    """The file the library would load for ``method_id`` (first on its search path)."""
    from sprintkit.files.library import search_dirs

    for folder in search_dirs(sprint_dir):
        for suffix in (".yaml", ".yml"):
            candidate = folder.path / f"{method_id}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def _method_key(method_id: str, sprint_dir: Path) -> tuple[str, str] | None:
    """(meta key, file and digest of the method) for the cache; None without a file."""
    import hashlib

    path = method_file(method_id, sprint_dir)
    if path is None:
        return None
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return f"method:{method_id}", f"{path.resolve()}|{digest}"


def remember_method(store: StoryStore, ctx: StoryContext) -> None:
    """Cache the method's perspectives and signifiers, keyed by its file's digest, so reading
    commands need not parse the method's YAML while it is unchanged."""
    import json

    key = _method_key(ctx.method.id, ctx.sprint_file.dir)
    if key is None:
        return
    payload = {
        "source": key[1],
        "perspectives": [p.model_dump(mode="json", exclude_none=True)
                         for p in ctx.method.perspectives],
        "signifiers": [s.model_dump(mode="json", exclude_none=True)
                       for s in ctx.method.signifiers],
    }
    store.set_meta(key[0], json.dumps(payload, ensure_ascii=False))


def _cached_method(method_id: str, sprint_dir: Path, db_path: Path) -> StoryMethod | None:
    import json

    if not db_path.exists():
        return None
    key = _method_key(method_id, sprint_dir)
    if key is None:
        return None
    from sprintkit.files.storystore import StoryStore
    from sprintkit.model.method import Perspective, Signifier

    try:
        with StoryStore.open(db_path, inside=sprint_dir) as store:
            raw = store.get_meta(key[0])
    except NotFound:
        return None
    if raw is None:
        return None
    data = json.loads(raw)
    if data.get("source") != key[1]:
        return None
    return StoryMethod(method_id, [Perspective.model_validate(p) for p in data["perspectives"]],
                       [Signifier.model_validate(s) for s in data["signifiers"]])


def context(sprint: Path | None = None, lang: str | None = None,
            sprint_file: SprintFile | None = None, cached: bool = False) -> StoryContext:
    """The sprint, its method's perspectives and signifiers, and its story settings.

    With ``cached`` (reading commands) the method comes from the story database's cache while
    the method file is unchanged since the last import or story."""
    from sprintkit.files.sprintfile import load_sprint
    from sprintkit.model.sprint import StorySettings

    loaded = sprint_file if sprint_file is not None else load_sprint(sprint)
    model = loaded.model
    settings = model.stories or StorySettings.model_validate({})
    method: Any = None
    if cached:
        method = _cached_method(model.method, loaded.dir, loaded.dir / settings.database)
    if method is None:
        method = load_method(model.method, loaded.dir)
    if not method.perspectives or not method.signifiers:
        raise SprintkitError(
            msg("stories.method_unfit", id=repr(method.id)), hint=msg("stories.method_unfit_hint"),
        )
    return StoryContext(loaded, method, settings, lang or model.language)


def pseudonymiser(ctx: StoryContext, create: bool = True) -> tuple[Pseudonymiser, dict[str, Any]]:
    """The sprint's pseudonymiser, and facts about its key file (path, created, warnings)."""
    from sprintkit.ops.keyfile import sprint_pseudonymiser

    return sprint_pseudonymiser(ctx.sprint_file.model, ctx.sprint_file.dir, lang=ctx.lang,
                                create=create)


def check_output(out: Path, ctx: StoryContext, force: bool) -> None:
    """Before any work: ``--out`` is not the key file, not a link, and not an existing file
    unless ``force`` (one rule for every output; see files/safepath)."""
    from sprintkit.files.safepath import check_write, refuse_existing, refuse_protected

    refuse_protected(out, {"the key file": ctx.key_path, "the sprint file": ctx.sprint_file.path,
                           "the story database": ctx.db_path})
    check_write(out, ctx.sprint_file.dir)
    refuse_existing(out, force)
