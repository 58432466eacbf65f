"""PDF from a .docx with LibreOffice (headless), when it is installed.

With a Python that has LibreOffice's ``uno`` bridge (python3-uno on Debian/Ubuntu; bundled with
LibreOffice on Windows and macOS) the table of contents is rebuilt with page numbers before
export. Without it, ``soffice --convert-to pdf`` is used and the table of contents lists the
headings without page numbers (a warning says so). Each conversion uses a fresh LibreOffice
profile in a temporary folder, so it never clashes with a LibreOffice the user has open."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from sprintkit.errors import SprintkitError

TIMEOUT = 300
HELPER = Path(__file__).resolve().parent / "assets" / "lo_convert.py"
INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer python3-uno; "
    "macOS: brew install --cask libreoffice; Windows: https://www.libreoffice.org), or set "
    "SPRINTKIT_SOFFICE to the soffice program; meanwhile --format docx works without it"
)


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


def docx_to_pdf(data: bytes, warnings: list[str] | None = None, *, timeout: int = TIMEOUT
                ) -> bytes:
    """The PDF of a .docx (bytes in, bytes out)."""
    soffice = find_soffice()
    if soffice is None:
        raise SprintkitError("making a PDF needs LibreOffice, which was not found",
                             hint=INSTALL_HINT)
    notes = warnings if warnings is not None else []
    with tempfile.TemporaryDirectory(prefix="sprintkit-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "document.docx"
        target = folder / "document.pdf"
        source.write_bytes(data)
        profile = folder / "profile"
        python = find_uno_python(soffice)
        done = False
        if python is not None:
            done = _run([python, str(HELPER), soffice, str(source), str(target), str(profile)],
                        timeout) and target.is_file()
            if not done:
                notes.append("LibreOffice's scripting bridge failed; the PDF was made without "
                             "updating the table of contents")
        if not done:
            if python is None:
                notes.append("the table of contents in the PDF has no page numbers: install "
                             "python3-uno (or LibreOffice's bundled Python) for them")
            ok = _run([soffice, "--headless", "--norestore", "--nolockcheck",
                       f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                       "--outdir", str(folder), str(source)], timeout)
            if not ok or not target.is_file():
                raise SprintkitError("LibreOffice could not convert the document to PDF",
                                     hint="try opening the .docx in LibreOffice or Word, and "
                                          "report it if that works")
        return target.read_bytes()


def _run(argv: list[str], timeout: int) -> bool:
    try:
        proc = subprocess.run(argv, capture_output=True, timeout=timeout, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise SprintkitError(f"LibreOffice took longer than {timeout} seconds and was stopped",
                             hint="close other LibreOffice windows and try again") from None
    except OSError as exc:
        raise SprintkitError(f"cannot start LibreOffice: {exc.strerror}",
                             hint=INSTALL_HINT) from None
    return proc.returncode == 0
