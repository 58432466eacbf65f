"""The key file (*sleutelbestand*): the names to pseudonymise in everything typed into a sprint
(stories, quotes, notes, statements, answers), and the secret from which their stable codes are
derived. Every sprint can have one (``sprintkit key-file --create``).

It lives outside the sprint folder by default — in the user's data folder
(``platformdirs.user_data_dir("sprintkit")/keys/<sprint-id>.txt``) — so that it never travels
with the sprint files, their git history, exports or reports. It is created readable by its owner
only (0600). ``key_file`` (or, as before, ``stories.key_file``) in sprint.yaml may point
elsewhere (relative to the sprint folder, ``~`` allowed).

The format is plain text, one person per line::

    # comments start with #
    Jan de Vries | Jan | J. de Vries      <- several spellings of one person
    Fatima El Amrani = moeder-A           <- with a code of your own
    secret: 3f1c…                         <- written by sprintkit; do not share or change

Errors about this file name the line but never repeat a name from it."""

from __future__ import annotations

import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from sprintkit.engine.pseudonymise import NameEntry
from sprintkit.errors import InvalidFile, NotFound, Problem, SprintkitError
from sprintkit.files.textfile import display
from sprintkit.i18n import msg

KEYS_SUBDIR = "keys"

_HEADER = """\
# sprintkit key file (sleutelbestand) for sprint {sprint_id}
# Keep this file private: never copy it into the sprint folder, git, e-mail or a report.
# Houd dit bestand privé: zet het nooit in de sprintmap, git, e-mail of een rapport.
#
# One person per line; several spellings of the same person separated by |.
# Eén persoon per regel; meerdere schrijfwijzen van dezelfde persoon gescheiden door |.
# A code of your own after '=' (otherwise one is derived from the secret below):
# Een eigen code na '=' (anders wordt er een afgeleid van het geheim hieronder):
#
#   Jan de Vries | Jan | J. de Vries
#   Fatima El Amrani = moeder-A
#
secret: {secret}
"""


@dataclass
class KeyFile:
    """A read key file: where it is, its secret, the people in it, and warnings about it."""

    path: Path
    secret: bytes
    names: list[NameEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def default_key_path(sprint_id: str) -> Path:
    """Where a sprint's key file lives when sprint.yaml names none (the user's data folder)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("sprintkit", appauthor=False)) / KEYS_SUBDIR / f"{sprint_id}.txt"


def key_path(sprint_dir: Path, sprint_id: str, configured: str | None) -> Path:
    """The key file of a sprint: the configured path (relative to the sprint folder) or the
    default one in the user's data folder."""
    if not configured:
        return default_key_path(sprint_id)
    path = Path(os.path.expanduser(configured))
    return path if path.is_absolute() else sprint_dir / path


def is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def ensure_key_file(path: Path, sprint_id: str) -> bool:
    """Create the key file (0600, in a 0700 folder when the folder is new) with a fresh secret.

    Returns whether it was created; an existing file is never touched."""
    if path.exists():
        return False
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(parents=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    except OSError as exc:
        raise SprintkitError(msg("keyfile.cannot_create", path=display(path), reason=exc.strerror),
                             hint=msg("keyfile.cannot_create_hint")) from None
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:  # LF on Windows too
        handle.write(_HEADER.format(sprint_id=sprint_id, secret=secrets.token_hex(32)))
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o600)  # whatever the umask said
    return True


def read_key_file(path: Path) -> KeyFile:
    """Parse a key file. Problems name the line, never the names on it."""
    shown = display(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotFound(msg("keyfile.no_such", path=shown),
                       hint=msg("keyfile.no_such_hint")) from None
    except OSError as exc:
        raise SprintkitError(msg("keyfile.cannot_read", path=shown,
                                 reason=exc.strerror)) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    secret: bytes | None = None
    names: list[NameEntry] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        body = line.strip()
        if not body or body.startswith("#"):
            continue
        if body.lower().startswith("secret:"):
            value = body.split(":", 1)[1].strip()
            if len(value) < 16:
                problems.append(Problem(shown, number, 1, "secret", msg("keyfile.short_secret"),
                                        msg("keyfile.short_secret_hint")))
            secret = value.encode("utf-8")
            continue
        spelled, _, code = body.partition("=")
        aliases = tuple(a.strip() for a in spelled.split("|") if a.strip())
        if not aliases:
            problems.append(Problem(shown, number, 1, "", msg("keyfile.no_name")))
            continue
        if "=" in body and not code.strip():
            problems.append(Problem(shown, number, len(spelled) + 1, "",
                                    msg("keyfile.no_code"), msg("keyfile.no_code_hint")))
            continue
        names.append(NameEntry(aliases, code.strip() or None))
    if problems:
        raise InvalidFile(problems)
    warnings = []
    if secret is None:
        warnings.append(msg("keyfile.no_secret", path=shown))
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o600
    if os.name == "posix" and mode & 0o077:
        warnings.append(msg("keyfile.readable", path=shown, mode=f"{mode:o}"))
    return KeyFile(path, secret or b"", names, warnings)
