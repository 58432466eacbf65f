"""Reading CSV files as people make them: comma- or semicolon-separated (Dutch Excel uses ``;``),
UTF-8 with or without a BOM, UTF-16 ("Unicode text") or Windows-1252 (older Excel), quoted cells
spanning lines. Every row keeps the line number it starts on, so problems can name it.

Only the shape of the file is checked here; what the cells mean is checked by the caller."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from sprintkit.errors import InvalidFile, NotFound, Problem
from sprintkit.files.textfile import display
from sprintkit.i18n import msg

DELIMITERS = (",", ";", "\t")


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

    def column(self, name: str) -> int:
        """Index of a column by name (case-insensitive), -1 when absent."""
        wanted = name.strip().casefold()
        for i, col in enumerate(self.header):
            if col.casefold() == wanted:
                return i
        return -1


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name). UTF-8 (BOM allowed), UTF-16 with a BOM, or cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252"), "cp1252"


def sniff_delimiter(first_line: str) -> str:
    """The separator used in the header line: the most frequent of , ; and tab outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path) -> CsvTable:
    """Read a whole CSV file. Raises NotFound or InvalidFile (located problems)."""
    shown = display(path)
    if not path.exists():
        raise NotFound(msg("files.no_such", path=shown, what=msg("files.kind.file")))
    if path.is_dir():
        raise NotFound(msg("files.folder_not", path=shown, what=msg("files.kind.CSV_file")))
    limit = max_csv_bytes()
    size = path.stat().st_size
    if size > limit:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.too_big",
                                                         size=f"{size / 1048576:.0f}",
                                                         limit=limit // 1048576),
                                   msg("files.csv_too_big_hint"))])
    raw = path.read_bytes()
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.csv_binary"),
                                   msg("files.csv_binary_hint"))])
    try:
        text, encoding = decode_bytes(raw)
    except UnicodeDecodeError:
        raise InvalidFile([Problem(shown, 0, 0, "", msg("files.csv_encoding"),
                                   msg("files.csv_encoding_hint"))]) from None
    return parse_csv(text, shown, encoding)


def parse_csv(text: str, shown: str = "<csv>", encoding: str = "utf-8") -> CsvTable:
    """Parse CSV text (header first). Rows with a wrong number of cells are problems."""
    first = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    problems: list[Problem] = []
    start = line = 1
    try:
        for cells in reader:
            line = start
            start = reader.line_num + 1
            if not cells or all(not c.strip() for c in cells):
                continue
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if len(cells) != len(header):
                # trailing empty cells (Excel pads rows) are harmless
                while len(cells) > len(header) and not cells[-1].strip():
                    cells.pop()
                if len(cells) < len(header):
                    cells = cells + [""] * (len(header) - len(cells))
                elif len(cells) > len(header):
                    problems.append(Problem(
                        shown, line, 0, "",
                        msg("files.csv_cells", cells=len(cells), columns=len(header)),
                        msg("files.csv_cells_hint", delimiter=_name(delimiter)),
                    ))
                    continue
            rows.append((line, cells))
    except csv.Error as exc:
        problems.append(Problem(shown, reader.line_num, 0, "", msg("files.csv_unreadable",
                                                                    error=exc)))
    else:
        unclosed = _unclosed_quote(text, shown, delimiter, line, reader.line_num)
        if unclosed is not None:
            problems.append(unclosed)
    if header is None:
        raise InvalidFile([Problem(shown, 1, 1, "", msg("files.csv_empty"))])
    if problems:
        raise InvalidFile(problems)
    return CsvTable(shown, header, rows, delimiter, encoding)


def _unclosed_quote(text: str, shown: str, delimiter: str, first: int, last: int
                    ) -> Problem | None:
    """The last record (lines ``first``..``last``) when a double quote in it is never closed:
    the reader then takes every following line into that one cell, silently."""
    if last <= first:
        return None
    lines = io.StringIO(text, newline="").readlines()
    record = "".join(lines[first - 1:last])
    reader = csv.reader(io.StringIO(record, newline=""), delimiter=delimiter, strict=True)
    try:
        for _ in reader:
            pass
    except csv.Error as exc:
        if "end of data" not in str(exc):
            return None
        cells = next(csv.reader(io.StringIO(record, newline=""), delimiter=delimiter), [])
        column = next((i + 1 for i, c in enumerate(cells) if "\n" in c or "\r" in c), 0)
        return Problem(
            shown, first, column, "",
            msg("files.csv_quote", lines=last - first), msg("files.csv_quote_hint"))
    return None


def _name(delimiter: str) -> str:
    names = {",": "files.csv_comma", ";": "files.csv_semicolon", "\t": "files.csv_tab"}
    return msg(names[delimiter])
