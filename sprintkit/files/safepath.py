"""Where sprintkit may write, and what it may replace.

The rule (README, "Your files are safe"):

* sprintkit never writes through a symbolic link. Inside the sprint (or programme) folder, a
  link anywhere on the way to the file — ``sprint.yaml`` itself, ``reports/``, ``.sprintkit/``,
  the story database, the lock file — is refused, with a message saying what is a link and where
  it points. Outside that folder sprintkit only writes a file the user named with ``--out``, and
  that file itself must not be a link either.
* An existing file at ``--out`` is replaced only with ``--force``.

Each refusal is a :class:`~sprintkit.errors.SprintkitError` (exit code 1), never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from sprintkit.errors import SprintkitError
from sprintkit.i18n import msg


class LinkRefused(SprintkitError):
    """A file or folder sprintkit was about to write is a symbolic link."""


def _shown(path: Path) -> str:
    """The path as given (relative to the current folder when inside it), without following a
    link: the message must name the link, not what it points to."""
    full = os.path.abspath(path)
    try:
        return str(Path(full).relative_to(os.path.abspath(Path.cwd())))
    except ValueError:
        return full


def shown(path: Path) -> str:
    """The path as the user gave it, a link not followed (see :func:`_shown`)."""
    return _shown(path)


def link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def refuse_link(path: Path, what: str = "file", hint: str | None = None) -> None:
    """Raise :class:`LinkRefused` when ``path`` itself is a symbolic link."""
    if os.path.islink(path):
        from sprintkit.files.textfile import kind_name

        raise LinkRefused(
            msg("files.link", path=_shown(path), target=link_target(path)),
            hint=hint or msg("files.link_hint", what=kind_name(what)),
        )


def _inside(path: Path, folder: Path) -> Path | None:
    """``path`` relative to ``folder`` when it lies inside it (judged on the names, without
    following links), else None."""
    full = Path(os.path.abspath(path))
    base = Path(os.path.abspath(folder))
    try:
        return full.relative_to(base)
    except ValueError:
        return None


def check_write(path: Path, inside: Path | None = None) -> None:
    """Refuse to write ``path`` when it, or (when it lies inside the folder ``inside``) any
    folder between ``inside`` and it, is a symbolic link. ``inside`` itself may be a link: it is
    the folder the user named."""
    path = Path(path)
    if inside is not None:
        relative = _inside(path, inside)
        if relative is not None:
            current = Path(os.path.abspath(inside))
            for part in relative.parts[:-1]:
                current = current / part
                refuse_link(current, "folder")
    refuse_link(path)


def refuse_existing(path: Path, force: bool, option: str = "--out") -> None:
    """One overwrite rule for every output the user names: an existing file is replaced only
    with ``--force``."""
    path = Path(path)
    if path.is_dir() and not path.is_symlink():
        raise SprintkitError(msg("files.is_folder", path=_shown(path), option=option))
    if force or not os.path.lexists(path):
        return
    raise SprintkitError(msg("files.exists", path=_shown(path)),
                         hint=msg("files.exists_hint", option=option))


_OWN_FILES = {"the sprint file": "files.the_sprint_file", "the key file": "files.the_key_file",
              "the story database": "files.the_story_database",
              "the programme file": "files.the_programme_file"}


def refuse_protected(path: Path, protected: dict[str, Path], option: str = "--out") -> None:
    """Never write an output over one of sprintkit's own files (the sprint file, the story
    database, the key file), not even with ``--force``. ``protected`` maps a description to a
    path."""
    try:
        target = Path(path).resolve()
    except OSError:
        return
    for what, own in protected.items():
        try:
            same = target == Path(own).resolve()
        except OSError:
            continue
        if same:
            key = _OWN_FILES.get(what)
            raise SprintkitError(msg("files.protected", option=option,
                                     what=msg(key) if key else what,
                                     path=_shown(Path(path))),
                                 hint=msg("files.choose_another", option=option))
