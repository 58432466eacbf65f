"""Office files a user hands sprintkit to borrow a house style from (a reference .docx for the
report, a reference .pptx for the slides), read and checked before anything parses them.

An Office file is a zip of XML parts. One that is hostile or damaged is refused with a clear
message (:class:`~sprintkit.errors.SprintkitError`, exit code 1), quickly and in bounded
memory:

* the path must be a file itself: a symbolic link is refused (it could point anywhere, a
  device or another user's file), and so is anything that is not a regular file;
* the file at most :data:`MAX_FILE` bytes, its zip at most :data:`MAX_MEMBERS` parts, which
  together unpack to at most :data:`MAX_UNPACKED` bytes (summed from the zip's directory,
  before anything is unpacked: no zip bomb), none over 1 MiB more than :data:`MAX_RATIO` times
  its packed size;
* every part is unpacked in small pieces, so a part whose data is larger than the directory
  claims fails its checksum before it can fill memory;
* XML parts must be well-formed and declare no DTD or entities (refused, never expanded).

The caller names the parts its kind of file must have (``word/document.xml``,
``ppt/presentation.xml``); only then does python-docx or python-pptx open the bytes."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from sprintkit.errors import NotFound, SprintkitError
from sprintkit.i18n import msg
from sprintkit.i18n.numbers import megabytes

MAX_FILE = 50 * 1024 * 1024
"""Most bytes of a reference file."""
MAX_UNPACKED = 100 * 1024 * 1024
"""Most bytes its zip members may unpack to, together."""
MAX_MEMBERS = 2000
"""Most members its zip may have."""
MAX_RATIO = 100
"""Largest unpacked/packed ratio of a member over 1 MiB (text compresses about 10:1)."""

Required = tuple[str, str, str | None]
"""(part name, problem when it is missing, hint or None)."""

_NO_DTD = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"),
           "<!DOCTYPE".encode("utf-16-be"), "<!ENTITY".encode("utf-16-le"),
           "<!ENTITY".encode("utf-16-be"))


def read_office_file(path: Path | str, *, kind: str, missing: str, hint: str) -> bytes:
    """The bytes of the Office file at ``path`` (``kind`` is ``.docx`` or ``.pptx``), refused
    when it is missing (the message ``missing``), a link, not a regular file,
    larger than :data:`MAX_FILE` or not a zip. Its parts are checked with
    :func:`check_office_zip`, which the caller runs with the parts its kind needs."""
    from sprintkit.files.safepath import link_target
    from sprintkit.files.safepath import shown as unfollowed
    from sprintkit.files.textfile import display

    path = Path(path).expanduser()
    shown = display(path)
    try:
        if os.path.islink(path):
            raise SprintkitError(msg("files.office_link", path=unfollowed(path),
                                     target=link_target(path), kind=kind),
                                 hint=msg("files.office_link_hint", kind=kind))
        if not os.path.lexists(path):
            raise NotFound(missing)
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise SprintkitError(msg("files.office_not_file", path=shown, kind=kind), hint=hint)
        if info.st_size > MAX_FILE:
            raise SprintkitError(msg("files.office_too_big", path=shown, kind=kind,
                                     size=megabytes(info.st_size, 1),
                                     limit=megabytes(MAX_FILE)), hint=hint)
        with open(path, "rb") as handle:  # never more than the limit, if it grew meanwhile
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        raise SprintkitError(msg("files.office_unreadable", path=shown, kind=kind,
                                 reason=exc.strerror or type(exc).__name__)) from None
    if len(data) > MAX_FILE:
        raise SprintkitError(msg("files.office_too_big", path=shown, kind=kind,
                                 size=f"> {MAX_FILE // 1048576}", limit=MAX_FILE // 1048576),
                             hint=hint)
    if not data.startswith(b"PK"):
        raise SprintkitError(msg("files.office_not_zip", path=shown, kind=kind), hint=hint)
    return data


def check_office_zip(data: bytes, shown: str, *, kind: str, hint: str,
                     required: Sequence[Required] = ()) -> None:
    """Check the zip of an Office file (see the module's description); ``required`` are the
    parts it must have. Raises :class:`~sprintkit.errors.SprintkitError` whose message starts
    with ``shown`` (the file as the user named it)."""
    import zipfile
    import zlib

    def refuse(problem: str, part_hint: str | None = None) -> SprintkitError:
        return SprintkitError(f"{shown}: {problem}", hint=part_hint or hint)

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise refuse(msg("files.office_bad_zip", kind=kind)) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise refuse(msg("files.office_parts", kind=kind, n=f"{len(members):,}",
                             limit=f"{MAX_MEMBERS:,}"))
        total = sum(m.file_size for m in members)
        if total > MAX_UNPACKED:
            raise refuse(msg("files.office_unpacked", kind=kind,
                             size=megabytes(total), limit=megabytes(MAX_UNPACKED)))
        for m in members:
            ratio = m.file_size // max(m.compress_size, 1)
            if m.file_size > 1048576 and ratio > MAX_RATIO:
                raise refuse(msg("files.office_bomb", part=repr(m.filename),
                                 ratio=f"{ratio:,}"))
        names = {m.filename for m in members}
        for part, problem, part_hint in required:
            if part not in names:
                raise refuse(problem, part_hint)
        for m in members:
            xml = m.filename.endswith((".xml", ".rels"))
            pieces = []
            try:
                with archive.open(m) as handle:
                    while piece := handle.read(1 << 16):
                        if xml:
                            pieces.append(piece)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError,
                    zlib.error, OSError, ValueError):
                raise refuse(msg("files.office_part_packed", part=repr(m.filename))) from None
            if xml:
                _check_xml(b"".join(pieces), m.filename, refuse)


def _check_xml(part: bytes, name: str, refuse: Callable[[str], SprintkitError]) -> None:
    """A part that declares a DTD or entities is refused; one that is not well-formed XML
    is refused with its line."""
    from lxml import etree

    if any(marker in part for marker in _NO_DTD):
        raise refuse(msg("files.office_entities", part=repr(name)))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, dtd_validation=False)
    try:
        root = etree.fromstring(part, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if getattr(exc, "lineno", None) else "?"
        raise refuse(msg("files.office_xml", part=repr(name), line=line)) from None
    if root.getroottree().docinfo.doctype:
        raise refuse(msg("files.office_entities", part=repr(name)))
