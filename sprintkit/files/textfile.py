"""Reading a user's text file safely: it exists, is not a folder, not too large, not binary,
and is valid UTF-8 — each refusal with a clear, located message."""

from __future__ import annotations

from pathlib import Path

from sprintkit.errors import InvalidFile, NotFound, Problem
from sprintkit.files.limits import max_file_bytes


def display(path: Path) -> str:
    """The path as the user would recognise it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def kind_name(what: str) -> str:
    """The name of a kind of file (``sprint``, ``work form``, ``CSV file``) in the language of
    the work at hand; a name the catalogue does not know is shown as given."""
    from sprintkit.i18n import has, msg

    key = "files.kind." + what.replace(" ", "_")
    return msg(key) if has(key) else what


def read_text(path: Path, what: str = "file") -> str:
    """The file's text, decoded as UTF-8 (a BOM is allowed)."""
    from sprintkit.i18n import msg
    from sprintkit.i18n.numbers import megabytes

    shown = display(path)
    if not path.exists():
        raise NotFound(msg("files.no_such", path=shown, what=kind_name(what)))
    if path.is_dir():
        raise NotFound(msg("files.folder_not", path=shown, what=kind_name(what)))
    limit = max_file_bytes()
    try:
        size = path.stat().st_size
        if size > limit:
            raise InvalidFile(
                [Problem(shown, 0, 0, "", msg("files.too_big", size=megabytes(size, 1),
                                              limit=megabytes(limit)),
                         msg("files.too_big_hint"))]
            )
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except PermissionError as exc:
        problem = Problem(shown, 0, 0, "", msg("files.cannot_read", reason=exc.strerror))
        raise InvalidFile([problem]) from None
    if len(raw) > limit:  # grew while we looked, or a special file
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.larger_than",
                                                         limit=limit // 1048576))])
    return decode(raw, shown)


def decode(raw: bytes, shown: str) -> str:
    """UTF-8 text, or a problem naming the line and column of the first bad byte."""
    from sprintkit.i18n import msg

    if b"\x00" in raw:
        raise InvalidFile(
            [Problem(shown, 0, 0, "", msg("files.binary"), msg("files.binary_hint"))]
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InvalidFile(
            [Problem(shown, line, column, "",
                     msg("files.not_utf8", byte=f"0x{raw[exc.start]:02x}"),
                     msg("files.not_utf8_hint"))]
        ) from None


BOM = b"\xef\xbb\xbf"


def has_bom(path: Path) -> bool:
    """Whether the file starts with a UTF-8 byte order mark (False when it cannot be read)."""
    try:
        with path.open("rb") as handle:
            return handle.read(3) == BOM
    except OSError:
        return False


def line_ending(text: str) -> str:
    """The file's own line ending: ``\\r\\n`` when most of its lines end so, else ``\\n``."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


def keep_style(new: str, old: str) -> str:
    """``new`` with the line ending of ``old`` (the text it replaces) on every line."""
    new = new.replace("\r\n", "\n")
    ending = line_ending(old)
    return new if ending == "\n" else new.replace("\n", ending)
