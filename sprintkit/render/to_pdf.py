"""PDF from a .docx with LibreOffice (headless), when it is installed.

The table of contents gets its page numbers from LibreOffice's own layout
(:func:`paginate`): the document is converted once, each heading's page is read from the PDF's
outline (bookmarks), the .docx is built again with those numbers in the table of contents, and
converted again (once more if the numbers moved a heading). This needs only ``soffice``; the
``uno`` bridge (``docx_to_pdf(..., update_indexes=True)``, which lets LibreOffice rebuild the
indexes in its own format) is no longer needed. Each conversion uses a fresh LibreOffice profile
in a temporary folder, so it never clashes with a LibreOffice the user has open."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sprintkit.errors import SprintkitError
from sprintkit.i18n import msg

if TYPE_CHECKING:
    from sprintkit.render import markup as mk
    from sprintkit.render.to_docx import DocxOptions, DocxResult

TIMEOUT = 300
HELPER = Path(__file__).resolve().parent / "assets" / "lo_convert.py"


def find_soffice() -> str | None:
    """The LibreOffice program, from ``SPRINTKIT_SOFFICE``, the PATH or the usual places."""
    configured = os.environ.get("SPRINTKIT_SOFFICE", "").strip()
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                      r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"):
        if Path(candidate).is_file():
            return candidate
    return None


@lru_cache(maxsize=4)
def find_uno_python(soffice: str) -> str | None:
    """A Python interpreter that can ``import uno`` (LibreOffice's bridge), if there is one."""
    program = Path(soffice).resolve().parent
    candidates = [str(program / "python"), str(program / "python.exe"),
                  str(program.parent / "Resources" / "python"), "/usr/bin/python3",
                  shutil.which("python3") or "", sys.executable]
    for candidate in dict.fromkeys(c for c in candidates if c):
        if not Path(candidate).is_file():
            continue
        try:
            probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True,
                                   timeout=20, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return candidate
    return None


def docx_to_pdf(data: bytes, warnings: list[str] | None = None, *, timeout: int = TIMEOUT,
                update_indexes: bool = False, suffix: str = ".docx") -> bytes:
    """The PDF of a .docx (bytes in, bytes out). ``update_indexes`` lets LibreOffice rebuild
    the table of contents itself when its scripting bridge is there (:func:`paginate` does not
    need it). ``suffix`` names another kind of office file (``.pptx``)."""
    soffice = find_soffice()
    if soffice is None:
        raise SprintkitError(msg("render.no_libreoffice"), hint=msg("render.install_hint"))
    with tempfile.TemporaryDirectory(prefix="sprintkit-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / f"document{suffix}"
        target = folder / "document.pdf"
        source.write_bytes(data)
        profile = folder / "profile"
        python = find_uno_python(soffice) if update_indexes else None
        done = False
        if python is not None:
            done = _run([python, str(HELPER), soffice, str(source), str(target), str(profile)],
                        timeout) and target.is_file()
        if not done:
            ok = _run([soffice, "--headless", "--norestore", "--nolockcheck",
                       f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                       "--outdir", str(folder), str(source)], timeout)
            if not ok or not target.is_file():
                raise SprintkitError(msg("render.pdf_failed"),
                                     hint=msg("render.pdf_failed_hint"))
        return target.read_bytes()


def _run(argv: list[str], timeout: int) -> bool:
    try:
        proc = subprocess.run(argv, capture_output=True, timeout=timeout, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise SprintkitError(msg("render.pdf_timeout", seconds=timeout),
                             hint=msg("render.pdf_timeout_hint")) from None
    except OSError as exc:
        raise SprintkitError(msg("render.pdf_cannot_start", reason=exc.strerror),
                             hint=msg("render.install_hint")) from None
    return proc.returncode == 0


PAGINATION_ROUNDS = 3
"""Conversions at most: measure, fill in, and once more if the numbers moved a heading."""


def paginate(document: mk.Document, images: Any, reference: bytes | None,
             options: DocxOptions, want_pdf: bool) -> tuple[DocxResult, bytes]:
    """The .docx with page numbers in its table of contents, and its PDF (when ``want_pdf``).

    Without LibreOffice a PDF is an error, and a .docx comes without page numbers (with a
    warning)."""
    from dataclasses import replace

    from sprintkit.render.to_docx import build_docx

    result = build_docx(document, images, reference=reference, options=options)
    if find_soffice() is None:
        if want_pdf:
            raise SprintkitError(msg("render.no_libreoffice"), hint=msg("render.install_hint"))
        result.warnings.append(msg("render.toc_no_soffice"))
        return result, b""
    warnings = result.warnings
    try:
        pdf = docx_to_pdf(result.data, warnings)
    except SprintkitError as error:
        if want_pdf:
            raise
        warnings.append(msg("render.toc_no_pages", reason=error.message))
        return result, b""
    if not result.toc:
        return result, pdf
    pages: list[int | None] | None = None
    for _ in range(PAGINATION_ROUNDS - 1 if want_pdf else 1):
        measured = match_pages(result.toc, heading_pages(pdf))
        if measured == pages or all(page is None for page in measured):
            pages = pages or measured  # (no outline at all: nothing to fill in)
            break
        pages = measured
        result = build_docx(document, images, reference=reference,
                            options=replace(options, toc_pages=pages))
        result.warnings[:0] = warnings
        if not want_pdf:  # the numbers rarely move the headings: one measurement will do
            break
        pdf = docx_to_pdf(result.data, result.warnings)
    if pages is None or any(page is None for page in pages):
        result.warnings.append(msg("render.toc_unmatched"))
    return result, pdf if want_pdf else b""


def match_pages(titles: list[str], outline: list[tuple[str, int]]) -> list[int | None]:
    """The page of each title, matching ``outline`` entries in order (skipping others)."""
    out: list[int | None] = []
    position = 0
    for title in titles:
        wanted = _norm(title)
        found = None
        for index in range(position, len(outline)):
            if _norm(outline[index][0]) == wanted:
                found = index
                break
        if found is None:
            out.append(None)
            continue
        out.append(outline[found][1])
        position = found + 1
    return out


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)\bendobj", re.S)
_REF = rb"(\d+)\s+0\s+R"


def heading_pages(pdf: bytes) -> list[tuple[str, int]]:
    """The PDF's outline (bookmarks) in document order: title and page number (from 1).

    Reads the uncompressed outline LibreOffice writes; an empty list when there is none."""
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(pdf)}
    root = next((body for body in objects.values() if re.search(rb"/Type\s*/Catalog", body)),
                None)
    if root is None:
        return []
    pages: list[int] = []

    def collect(number: int, depth: int = 0) -> None:
        body = objects.get(number, b"")
        kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
        if kids is None or depth > 20:
            pages.append(number)
            return
        for ref in re.finditer(_REF, kids.group(1)):
            collect(int(ref.group(1)), depth + 1)

    tree = re.search(rb"/Pages\s+" + _REF, root)
    if tree is None:
        return []
    collect(int(tree.group(1)))
    page_of = {number: index + 1 for index, number in enumerate(pages)}
    outlines = re.search(rb"/Outlines\s+" + _REF, root)
    out: list[tuple[str, int]] = []
    seen: set[int] = set()

    def walk(number: int | None) -> None:
        while number is not None and number not in seen:
            seen.add(number)
            body = objects.get(number, b"")
            title = re.search(rb"/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))", body, re.S)
            dest = re.search(rb"/Dest\s*\[\s*" + _REF, body)
            if title is not None and dest is not None:
                page = page_of.get(int(dest.group(1)))
                if page is not None:
                    out.append((_pdf_string(title.group(1)), page))
            first = re.search(rb"/First\s+" + _REF, body)
            if first is not None:
                walk(int(first.group(1)))
            nxt = re.search(rb"/Next\s+" + _REF, body)
            number = int(nxt.group(1)) if nxt is not None else None

    if outlines is not None:
        first = re.search(rb"/First\s+" + _REF, objects.get(int(outlines.group(1)), b""))
        if first is not None:
            walk(int(first.group(1)))
    return out


def _pdf_string(raw: bytes) -> str:
    if raw.startswith(b"<"):
        data = bytes.fromhex(re.sub(rb"\s", b"", raw[1:-1]).decode("ascii"))
        if data.startswith(b"\xfe\xff"):
            return data[2:].decode("utf-16-be", "replace")
        return data.decode("latin-1")
    body = raw[1:-1]
    body = re.sub(rb"\\([nrtbf()\\])", lambda m: {b"n": b"\n", b"r": b"\r", b"t": b"\t",
                  b"b": b"\b", b"f": b"\f"}.get(m.group(1), m.group(1)), body)
    if body.startswith(b"\xfe\xff"):
        return body[2:].decode("utf-16-be", "replace")
    return body.decode("latin-1")
