"""A --reference-doc is checked before anything parses it: damaged, hostile or enormous
documents are refused with a clear message (exit 1), quickly and in bounded memory."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from robust_support import assert_clear_refusal, copy_report_sprint, sprintkit

from sprintkit.render.reference import build_reference_docx


def variant(target: Path, change=lambda name, data: data, extra=None) -> Path:
    """The default reference document with each part passed through ``change`` (None drops
    it), plus ``extra(zip)`` to add parts."""
    source = zipfile.ZipFile(io.BytesIO(build_reference_docx("nl")))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)
        if extra is not None:
            extra(out)
    return target


def zeros(out: zipfile.ZipFile, name: str, mib: int) -> None:
    with out.open(name, "w") as handle:
        chunk = bytes(1 << 20)
        for _ in range(mib):
            handle.write(chunk)


def with_dtd(name: str, data: bytes) -> bytes:
    if name != "word/styles.xml":
        return data
    head, _, rest = data.partition(b"?>")
    laughs = (b'<!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    return head + b"?>" + laughs + rest


def lying(path: Path, name: str, declared: int) -> Path:
    """Patch the zip so that ``name`` claims to unpack to ``declared`` bytes."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    local = data.find(b"PK\x03\x04")
    while local != -1:
        size = struct.unpack_from("<H", data, local + 26)[0]
        if bytes(data[local + 30:local + 30 + size]) == encoded:
            struct.pack_into("<I", data, local + 22, declared)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        size = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46:central + 46 + size]) == encoded:
            struct.pack_into("<I", data, central + 24, declared)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


CASES = {
    "no styles": (lambda p: variant(p, lambda n, d: None if n == "word/styles.xml" else d),
                  "heeft geen stijlen (geen word/styles.xml)"),
    "broken styles": (lambda p: variant(p, lambda n, d: d[:-20] if n == "word/styles.xml"
                                        else d), "'word/styles.xml' is geen goedgevormde XML"),
    "broken document": (lambda p: variant(p, lambda n, d: b"<w:document"
                                          if n == "word/document.xml" else d),
                        "'word/document.xml' is geen goedgevormde XML"),
    "entities": (lambda p: variant(p, with_dtd), "declareert een DTD of entiteiten"),
    "not a zip": (lambda p: (p.write_bytes(b"PK\x03\x04" + b"\x00" * 200), p)[1],
                  "geen leesbaar .docx-bestand"),
    "bomb": (lambda p: variant(p, extra=lambda z: zeros(z, "word/media/big.bin", 300)),
             "pakt uit tot 300 MiB (de grens is 100 MiB)"),
    "3 GB claimed": (lambda p: lying(variant(p), "word/styles.xml", 3_100_000_000),
                     "pakt uit tot 2.957 MiB (de grens is 100 MiB)"),
    "dense part": (lambda p: variant(p, extra=lambda z: zeros(z, "word/media/big.bin", 50)),
                   "keer groter uit dan het ingepakt is"),
    "lying directory": (lambda p: lying(variant(p, extra=lambda z: zeros(
        z, "word/media/big.bin", 300)), "word/media/big.bin", 1000),
        "'word/media/big.bin' is niet uit te pakken"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_reference_document_is_refused(tmp_path, case):
    make, message = CASES[case]
    reference = make(tmp_path / "ref.docx")
    sprint = copy_report_sprint(tmp_path / "s")
    for args in (["report", "-s", sprint, "--no-charts", "--reference-doc", reference,
                  "--out", tmp_path / "r.docx"],
                 ["templates", "check", reference]):
        run = sprintkit(*args, cwd=tmp_path)
        assert_clear_refusal(run, message)
        assert run.seconds < 20, f"{case}: {run.seconds:.1f} s"
        assert run.peak_mb < 300, f"{case}: {run.peak_mb:.0f} MiB"
    assert not (tmp_path / "r.docx").exists()


def test_the_bomb_is_small_on_disk(tmp_path):
    reference = CASES["bomb"][0](tmp_path / "ref.docx")
    assert reference.stat().st_size < 5 * 1024 * 1024


def test_a_good_reference_document_still_works(cli, tmp_path):
    reference = variant(tmp_path / "ref.docx")
    sprint = copy_report_sprint(tmp_path / "s")
    res = cli("report", "-s", sprint, "--no-charts", "--reference-doc", reference, "--out",
              tmp_path / "r.docx")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "r.docx").stat().st_size > 10_000
