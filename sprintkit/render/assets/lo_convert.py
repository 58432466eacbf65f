"""Convert a .docx to PDF with LibreOffice, updating the table of contents and fields first.

Run by a Python interpreter that has LibreOffice's ``uno`` module (not sprintkit's own):

    python3 lo_convert.py SOFFICE IN.docx OUT.pdf PROFILE_DIR

``soffice --convert-to pdf`` keeps a table of contents exactly as stored in the .docx; this
script asks LibreOffice to rebuild every index (with page numbers) before exporting.
Exit codes: 0 done, 3 LibreOffice did not start, 4 the document could not be converted."""

import os
import subprocess
import sys
import time

import uno  # noqa: I001  (LibreOffice's bridge; only importable in a Python that has it)
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(proc, pipe, seconds):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return None
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.1)
    return None


def main():
    soffice, src, dst, profile = sys.argv[1:5]
    pipe = f"sprintkit_{os.getpid()}"
    proc = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "--nolockcheck", f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    code = 4
    try:
        ctx = connect(proc, pipe, 90)
        if ctx is None:
            return 3
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            return 4
        try:
            for _ in range(2):  # the second pass settles page numbers the first one shifted
                indexes = doc.getDocumentIndexes()
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
                doc.getTextFields().refresh()
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                           (prop("FilterName", "writer_pdf_Export"),))
            code = 0
        finally:
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        return code
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    sys.exit(main())
