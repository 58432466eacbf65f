"""The one CSV reader: files as people make them, read as a stream.

* Encoding: UTF-8 with or without a BOM (Excel's "CSV UTF-8"), UTF-16 with a BOM ("Unicode
  text") or Windows-1252 (Excel's plain "CSV", older Excel). The whole file is scanned once in
  blocks to choose (and to take its SHA-256 and count its lines); then rows are decoded as they
  are read, so memory does not grow with the file.
* Separator: ``;`` (Dutch Excel), tab or ``,``, sniffed from the first line outside quotes:
  a ``;`` or tab there wins over commas (a semicolon file has decimal commas in its cells).
* Quoted cells may span lines; every row keeps the line number it starts on, and every
  problem names its line and column. A quote that is never closed is refused at its line.
* A size limit (``SPRINTKIT_MAX_CSV_MB`` for imports, the caller's for smaller files).

Only the shape of the file is checked here; what the cells mean is checked by the caller
(:mod:`sprintkit.ops.storyimport`, :mod:`sprintkit.ops.votes`,
:mod:`sprintkit.files.valuesfile`)."""

from __future__ import annotations

import codecs
import csv
import hashlib
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sprintkit.errors import InvalidFile, NotFound, Problem
from sprintkit.files.textfile import display
from sprintkit.i18n import msg
from sprintkit.i18n.numbers import megabytes

DELIMITERS = (",", ";", "\t")
ONE_COLUMN = "\x00"
"""The separator of a file read as one column (NUL never occurs in a text file read here)."""
BLOCK = 1 << 20


def max_csv_bytes() -> int:
    """Largest CSV read, in bytes (SPRINTKIT_MAX_CSV_MB, default 512 MiB)."""
    try:
        return int(os.environ.get("SPRINTKIT_MAX_CSV_MB", "512")) * 1024 * 1024
    except ValueError:
        return 512 * 1024 * 1024


@dataclass
class CsvTable:
    """A read CSV file: its header, and each row with the line it starts on."""

    shown: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    delimiter: str
    encoding: str
    header_line: int = 1

    def column(self, name: str) -> int:
        """Index of a column by name (case-insensitive), -1 when absent."""
        wanted = name.strip().casefold()
        for i, col in enumerate(self.header):
            if col.casefold() == wanted:
                return i
        return -1


@dataclass
class CsvSource:
    """A CSV file opened for streaming: its encoding, separator, header, digest and size.

    :meth:`rows` reads the data rows one by one. Problems with the shape of a row (too many
    cells, a quote never closed, unreadable CSV) do not stop the reading: they are collected in
    :attr:`problems` (the row is left out), so a caller can check every row and then refuse the
    whole file with all problems at once."""

    path: Path
    shown: str
    encoding: str
    delimiter: str
    digest: str
    lines: int
    """Physical lines in the file (at least the number of rows: for progress)."""
    header: list[str] | None = None
    header_line: int = 0
    ragged: bool = False
    """Yield rows as they are (a values file); otherwise pad short rows, refuse long ones."""
    problems: list[Problem] = field(default_factory=list)
    _started: bool = field(default=False, init=False, repr=False)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """The data rows after the header, each with the line it starts on. Read once."""
        if self._started:
            raise RuntimeError("a CsvSource is read once")
        self._started = True
        width = len(self.header or [])
        with self.path.open(encoding=self.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter, strict=False)
            start = line = 1
            try:
                for cells in reader:
                    line = start
                    start = reader.line_num + 1
                    if line <= self.header_line or not cells \
                            or all(not c.strip() for c in cells):
                        continue
                    if not self.ragged and len(cells) != width:
                        # trailing empty cells (Excel pads rows) are harmless
                        while len(cells) > width and not cells[-1].strip():
                            cells.pop()
                        if len(cells) < width:
                            cells = cells + [""] * (width - len(cells))
                        elif len(cells) > width:
                            self.problems.append(Problem(
                                self.shown, line, 0, "",
                                msg("files.csv_cells", cells=len(cells), columns=width),
                                msg("files.csv_cells_hint", delimiter=_name(self.delimiter)),
                            ))
                            continue
                    yield line, cells
            except csv.Error as exc:
                self.problems.append(Problem(self.shown, reader.line_num, 0, "",
                                             msg("files.csv_unreadable", error=exc)))
                return
        unclosed = self._unclosed_quote(line, start - 1)
        if unclosed is not None:
            self.problems.append(unclosed)

    def line_texts(self, numbers: set[int]) -> dict[int, str]:
        """The text of some physical lines (to point at a column in a problem)."""
        found: dict[int, str] = {}
        if not numbers:
            return found
        with self.path.open(encoding=self.encoding, newline="") as handle:
            for number, text in enumerate(handle, start=1):
                if number in numbers:
                    found[number] = text.rstrip("\r\n")
                    if len(found) == len(numbers):
                        break
        return found

    def _unclosed_quote(self, first: int, last: int) -> Problem | None:
        """The last record (lines ``first``..``last``) when a double quote in it is never
        closed: the reader then takes every following line into that one cell, silently."""
        if last <= first:
            return None
        with self.path.open(encoding=self.encoding, newline="") as handle:
            record = list(itertools.islice(handle, first - 1, last))
        strict = csv.reader(record, delimiter=self.delimiter, strict=True)
        try:
            for _ in strict:
                pass
        except csv.Error as exc:
            if "end of data" not in str(exc):
                return None
            cells = next(csv.reader(record, delimiter=self.delimiter), [])
            column = next((i + 1 for i, c in enumerate(cells) if "\n" in c or "\r" in c), 0)
            return Problem(self.shown, first, column, "",
                           msg("files.csv_quote", lines=last - first),
                           msg("files.csv_quote_hint"))
        return None


def sniff_delimiter(first_line: str) -> str:
    """The separator used in the first line, counted outside quotes: ``;`` or tab when either
    occurs (the more frequent of the two), else ``,`` (also for a line with none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    if counts[";"] or counts["\t"]:
        return ";" if counts[";"] >= counts["\t"] else "\t"
    return ","


def open_csv(path: Path, *, max_bytes: int | None = None, too_big_hint: str = "",
             delimiter: str | None = None, ragged: bool = False) -> CsvSource:
    """Open a CSV file for streaming: checks that it exists, fits ``max_bytes`` (default
    :func:`max_csv_bytes`), is text in one of the encodings above; reads its header (the first
    row that is not blank; ``header`` is None for a file with no such row). Raises NotFound or
    InvalidFile (located problems)."""
    path = Path(path)
    shown = display(path)
    if not path.exists():
        raise NotFound(msg("files.no_such", path=shown, what=msg("files.kind.file")))
    if path.is_dir():
        raise NotFound(msg("files.folder_not", path=shown, what=msg("files.kind.CSV_file")))
    limit = max_csv_bytes() if max_bytes is None else max_bytes
    size = path.stat().st_size
    if size > limit:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.too_big",
                                                         size=megabytes(size, 1),
                                                         limit=megabytes(limit)),
                                   too_big_hint or msg("files.csv_too_big_hint"))])
    try:
        encoding, digest, lines = _scan(path, limit)
    except PermissionError as exc:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.cannot_read",
                                                         reason=exc.strerror))]) from None
    except _Binary:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.csv_binary"),
                                   msg("files.csv_binary_hint"))]) from None
    except _TooBig:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.larger_than",
                                                         limit=limit // 1048576))]) from None
    except UnicodeDecodeError:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.csv_encoding"),
                                   msg("files.csv_encoding_hint"))]) from None
    first = ""
    with path.open(encoding=encoding, newline="") as handle:
        for text in handle:
            if text.strip():
                first = text
                break
    source = CsvSource(path, shown, encoding, delimiter or sniff_delimiter(first), digest,
                       lines, ragged=ragged)
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=source.delimiter, strict=False)
        start = 1
        try:
            for cells in reader:
                line, start = start, reader.line_num + 1
                if cells and any(c.strip() for c in cells):
                    source.header = [c.strip() for c in cells]
                    source.header_line = line
                    break
        except csv.Error as exc:
            raise InvalidFile([Problem(shown, reader.line_num, 0, "",
                                       msg("files.csv_unreadable", error=exc))]) from None
    return source


def read_csv(path: Path, **options: object) -> CsvTable:
    """Read a whole (small) CSV file; the options are :func:`open_csv`'s. Raises NotFound or
    InvalidFile with every problem of the file's shape."""
    source = open_csv(path, **options)  # type: ignore[arg-type]
    if source.header is None:
        raise InvalidFile([Problem(source.shown, 1, 1, "", msg("files.csv_empty"))])
    rows = list(source.rows())
    if source.problems:
        raise InvalidFile(source.problems)
    return CsvTable(source.shown, source.header, rows, source.delimiter, source.encoding,
                    source.header_line)


class _Binary(Exception):
    pass


class _TooBig(Exception):
    pass


def _scan(path: Path, limit: int) -> tuple[str, str, int]:
    """One pass over the bytes in blocks: (encoding, SHA-256, number of lines)."""
    digest = hashlib.sha256()
    lines = 0
    size = 0
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8 = True
    encoding = ""
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            if not encoding:
                if block.startswith(b"\xef\xbb\xbf"):
                    encoding = "utf-8-sig"
                elif block.startswith((b"\xff\xfe", b"\xfe\xff")):
                    encoding = "utf-16"
                else:
                    encoding = "utf-8"
            size += len(block)
            if size > limit:  # grew while we looked, or a special file
                raise _TooBig
            digest.update(block)
            lines += block.count(b"\n")
            if encoding == "utf-16":
                continue
            if b"\x00" in block:
                raise _Binary
            if is_utf8:
                try:
                    utf8.decode(block)
                except UnicodeDecodeError:
                    is_utf8 = False
        if is_utf8 and encoding != "utf-16":
            try:
                utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                is_utf8 = False
    if encoding == "utf-16":
        _check(path, "utf-16")
    elif not is_utf8:
        encoding = "cp1252"
        _check(path, encoding)
    return encoding or "utf-8", digest.hexdigest(), lines + 1


def _check(path: Path, encoding: str) -> None:
    """Raise UnicodeDecodeError when the file is not all ``encoding``."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            decoder.decode(block)
        decoder.decode(b"", final=True)


def _name(delimiter: str) -> str:
    names = {",": "files.csv_comma", ";": "files.csv_semicolon", "\t": "files.csv_tab"}
    return msg(names.get(delimiter, "files.csv_comma"))
