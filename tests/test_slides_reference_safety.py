"""A --reference-pptx is checked before python-pptx opens it, with the same zip checks as a
--reference-doc (sprintkit.files.officezip): hostile, damaged or enormous files are refused with
a clear message and exit code 1, quickly and in bounded memory, and nothing is written."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from examples_support import EXAMPLES, IGNORE
from robust_support import assert_clear_refusal, sprintkit
from test_robust_reference import lying, zeros

pptx = pytest.importorskip("pptx")

from sprintkit.files.officezip import MAX_FILE, MAX_MEMBERS  # noqa: E402


def good_bytes() -> bytes:
    from pptx import Presentation

    buffer = io.BytesIO()
    Presentation().save(buffer)
    return buffer.getvalue()


def variant(target: Path, change=lambda name, data: data, extra=None) -> Path:
    """python-pptx's default presentation with each part passed through ``change`` (None
    drops it), plus ``extra(zip)`` to add parts."""
    source = zipfile.ZipFile(io.BytesIO(good_bytes()))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                out.writestr(info.filename, data)
        if extra is not None:
            extra(out)
    return target


def many_parts(out: zipfile.ZipFile) -> None:
    for n in range(MAX_MEMBERS + 1):
        out.writestr(f"ppt/media/part{n}.txt", b"x")


def with_entities(name: str, data: bytes) -> bytes:
    if name != "ppt/presentation.xml":
        return data
    head, _, rest = data.partition(b"?>")
    return head + b'?><!DOCTYPE p:presentation [<!ENTITY a "aaaaaaaaaa">]>' + rest


def huge(path: Path) -> Path:
    variant(path)
    with open(path, "r+b") as handle:  # a sparse tail: large on paper, nothing on disk
        handle.truncate(MAX_FILE + 1)
    return path


def linked(path: Path) -> Path:
    real = variant(path.with_name("echt.pptx"))
    path.symlink_to(real)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)  # reading it would wait for a writer forever
    return path


CASES = {
    "not a zip": (lambda p: (p.write_bytes(b"just some text, not a presentation"), p)[1],
                  "is geen .pptx-bestand"),
    "broken zip": (lambda p: (p.write_bytes(b"PK\x03\x04" + bytes(200)), p)[1],
                   "geen leesbaar .pptx-bestand"),
    "bomb": (lambda p: variant(p, extra=lambda z: zeros(z, "ppt/media/big.bin", 300)),
             "de .pptx pakt uit tot 300 MiB (de grens is 100 MiB)"),
    "3 GB claimed": (lambda p: lying(variant(p), "ppt/presentation.xml", 3_100_000_000),
                     "pakt uit tot 2.95"),
    "dense part": (lambda p: variant(p, extra=lambda z: zeros(z, "ppt/media/big.bin", 50)),
                   "keer groter uit dan het ingepakt is"),
    "lying directory": (lambda p: lying(variant(p, extra=lambda z: zeros(
        z, "ppt/media/big.bin", 300)), "ppt/media/big.bin", 1000),
        "'ppt/media/big.bin' is niet uit te pakken"),
    "too many parts": (lambda p: variant(p, extra=many_parts),
                       f"delen (de grens is {MAX_MEMBERS:,})"),
    "entities": (lambda p: variant(p, with_entities), "declareert een DTD of entiteiten"),
    "broken xml": (lambda p: variant(p, lambda n, d: d[:-30] if n == "ppt/presentation.xml"
                                     else d), "is geen goedgevormde XML"),
    "no presentation": (lambda p: variant(p, lambda n, d: None if n == "ppt/presentation.xml"
                                          else d), "geen ppt/presentation.xml"),
    "symlink": (linked, "is een symbolische koppeling"),
    "huge file": (huge, "de grens voor een .pptx als huisstijl is 50 MiB"),
    "not a file": (fifo, "is geen gewoon bestand"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_reference_presentation_is_refused(tmp_path, case):
    make, message = CASES[case]
    reference = make(tmp_path / "huisstijl.pptx")
    sprint = tmp_path / "s"
    shutil.copytree(EXAMPLES / "intervence" / "experiment-regieplan", sprint, ignore=IGNORE)
    for args in (["slides", "-s", sprint, "--reference-pptx", reference, "-o",
                  tmp_path / "deck.pptx"],
                 ["slides", "check-reference", reference]):
        run = sprintkit(*args, cwd=tmp_path)
        assert_clear_refusal(run, message)
        assert "huisstijl.pptx" in run.stderr
        assert run.seconds < 20, f"{case}: {run.seconds:.1f} s"
        assert run.peak_mb < 300, f"{case}: {run.peak_mb:.0f} MiB"
    assert not (tmp_path / "deck.pptx").exists()
    assert not (sprint / "reports").exists()


def test_the_hostile_files_are_small_on_disk(tmp_path):
    for case in ("bomb", "huge file"):
        path = CASES[case][0](tmp_path / f"{case}.pptx")
        assert os.stat(path).st_blocks * 512 < 5 * 1024 * 1024, case


def test_a_link_to_a_word_reference_is_refused_too(cli, tmp_path):
    """The same rule for --reference-doc: one module checks both."""
    from sprintkit.render.reference import build_reference_docx

    real = tmp_path / "echt.docx"
    real.write_bytes(build_reference_docx("nl"))
    link = tmp_path / "huis.docx"
    link.symlink_to(real)
    res = cli("templates", "check", link)
    assert res.exit_code == 1
    assert "symbolische koppeling" in " ".join(res.stderr.split())
    assert cli("templates", "check", real).exit_code in (0, 1)  # judged on its styles, not refused
    assert "koppeling" not in cli("templates", "check", real).stderr


def test_a_good_reference_presentation_still_works(cli, tmp_path):
    reference = variant(tmp_path / "huisstijl.pptx")
    assert cli("slides", "check-reference", reference).exit_code == 0
    sprint = tmp_path / "s"
    shutil.copytree(EXAMPLES / "intervence" / "experiment-regieplan", sprint, ignore=IGNORE)
    res = cli("slides", "-s", sprint, "--reference-pptx", reference, "-o", tmp_path / "d.pptx")
    assert res.exit_code == 0, res.stderr
    assert (tmp_path / "d.pptx").stat().st_size > 10_000
