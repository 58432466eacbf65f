"""The .docx body is written out as it grows (render/docx_spool.py): the bytes are the same as
writing the whole tree at once, for long documents, big tables, a table of contents and a
draft's review comments anchored on tables."""

from __future__ import annotations

import datetime as dt

import pytest

from sprintkit.render import docx_spool
from sprintkit.render import markup as mk
from sprintkit.render.to_docx import DocxOptions, build_docx

STAMP = dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc)


def _source() -> str:
    parts = ["::: titlepage", "title: Een lang document", ":::", "", "::: toc depth=2 | Inhoud", ""]
    for number in range(1, 20):
        parts += [f"## Hoofdstuk {number}", "", f"Tekst van hoofdstuk {number} met **vet**.", "",
                  "**Een tabel:**", "", "| Nummer | Naam |", "|---|---|"]
        parts += [f"| {number}.{row} | rij {row} |" for row in range(1, 3 + number * 7)]
        parts += ["", "::: note", f"Opmerking bij tabel {number}.", ":::", "",
                  "- een", "- twee", ""]
    parts += ["| | |", "|---|---|"] + ["| | |"] * 150 + ["| laatste | rij |"] + ["| | |"] * 80
    parts += ["", "::: note", "Een opmerking bij een tabel met lege rijen.", ":::", ""]
    return "\n".join(parts)


def _build(draft: bool) -> bytes:
    document = mk.parse(_source())
    if not draft:
        document = document.without_notes()
    options = DocxOptions(lang="nl", title=document.title, created=STAMP,
                          toc_placeholder="Inhoud", draft_mark="CONCEPT" if draft else "")
    return build_docx(document, lambda block: (b"", 1.0, 1.0), options=options).data


@pytest.mark.parametrize("draft", [False, True])
def test_spooled_body_is_the_same_document(monkeypatch, draft):
    monkeypatch.setattr(docx_spool, "EVERY", 10**9)  # never spooled: the whole tree at once
    whole = _build(draft)
    monkeypatch.setattr(docx_spool, "EVERY", 3)
    spooled = _build(draft)
    assert spooled == whole
    if draft:
        import io
        import zipfile

        names = zipfile.ZipFile(io.BytesIO(spooled)).namelist()
        assert "word/comments.xml" in names


def test_marks_never_reach_the_document(monkeypatch):
    import io
    import zipfile

    monkeypatch.setattr(docx_spool, "EVERY", 2)
    data = _build(True)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert docx_spool.MARK.encode() not in xml
    assert xml.count(b"<w:tbl>") == 20
