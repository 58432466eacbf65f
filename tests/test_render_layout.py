"""Documents a client accepts: drafts and client copies, document properties, the table of
contents without Word's update dialog, table columns as wide as their words, keep-with-next."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from test_render_support import comments, load_fixture, render_bytes

from sprintkit.render import markup as mk
from sprintkit.render.to_docx import DocxOptions, build_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def model():
    return load_fixture()


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8", "replace")
                for name in archive.namelist() if name.endswith(".xml")}


def no_images(block):
    raise AssertionError("no images here")


def build(markup: str, **options) -> bytes:
    opts = DocxOptions(lang=options.pop("lang", "nl"), **options)
    return build_docx(mk.parse(markup), no_images, options=opts).data


NOTES = """::: titlepage
title: Rapport
:::

::: note
Eerst: nog niets ervoor op de pagina? Dan de titel.
:::

# Samenvatting

::: note
Aan het begin van een sectie: bij de kop.
:::

Een alinea met **vet** en gewoon.

::: note
Na de alinea.

- met een punt
:::

| a | b |
|---|---|
| cel 1 | cel 2 |

::: note
Over de tabel.
:::
"""


def test_a_client_copy_has_no_notes_anywhere(model):
    client = render_bytes("plan", model.model_copy(update={"plan": type(model.plan)()}))
    xml = parts(client.data)
    assert "word/comments.xml" not in xml
    assert not any("plan.communication" in text for text in xml.values())
    assert not any("CONCEPT" in text for text in xml.values())
    for fmt in ("md", "html"):
        out = render_bytes("plan", model.model_copy(update={"plan": type(model.plan)()}),
                           fmt=fmt).data.decode("utf-8")
        assert "plan.communication" not in out and "Notitie voor de auteur" not in out


def test_a_draft_has_each_note_as_a_comment_on_the_block_before_it():
    data = build(NOTES, draft_mark="CONCEPT", author="Anna de Vries, Bram Jansen")
    found = comments(data)
    assert found == [
        ("Eerst: nog niets ervoor op de pagina? Dan de titel.", "Rapport"),
        ("Aan het begin van een sectie: bij de kop.", "Samenvatting"),
        ("Na de alinea.\n– met een punt", "Een alinea met vet en gewoon."),
        ("Over de tabel.", "abcel 1cel 2"),
    ]
    from docx import Document

    doc = Document(io.BytesIO(data))  # python-docx reads it back
    assert {c.author for c in doc.comments} == {"Anna de Vries, Bram Jansen"}
    assert {c.initials for c in doc.comments} == {"AdV"}
    xml = parts(data)
    body = xml["word/document.xml"]
    assert body.count("<w:commentRangeStart") == body.count("<w:commentRangeEnd") == 4
    assert body.count("<w:commentReference") == 4
    assert "Over de tabel" not in body  # the notes live in comments.xml only
    bold = build("Tekst.\n\n::: note\n**Open punt.** Vul het in.\n:::\n", draft_mark="CONCEPT")
    runs = Document(io.BytesIO(bold)).comments.get(0).paragraphs[0].runs
    assert [(r.text, bool(r.bold)) for r in runs if r.text] == [("Open punt.", True),
                                                                 (" Vul het in.", False)]
    assert "CONCEPT" in body  # on the title page
    header = [text for name, text in xml.items() if name.startswith("word/header")]
    assert any("CONCEPT" in h for h in header)
    assert "DRAFT" in "".join(parts(build(NOTES, draft_mark="DRAFT", lang="en")).values())


def test_a_draft_is_reproducible_too():
    first = build(NOTES, draft_mark="CONCEPT")
    assert first == build(NOTES, draft_mark="CONCEPT")
    assert 'w:date="2000-01-01T00:00:00Z"' in parts(first)["word/comments.xml"]


def test_notes_in_a_document_without_text_are_not_lost():
    found = comments(build("::: note\nAlleen een notitie.\n:::\n", draft_mark="CONCEPT"))
    assert found == [("Alleen een notitie.", "CONCEPT")]


def render_as(fmt: str, markup: str, **options) -> str:
    import datetime as dt

    from sprintkit.render.document import build as build_document

    out = build_document(mk.parse(markup), fmt, no_images, lang=options.pop("lang", "nl"),
                         created=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), **options)
    return out.data.decode("utf-8")


def test_drafts_in_markdown_and_html_show_notes_as_marked_quotes():
    markup = NOTES.replace("Na de alinea.", "**Open punt.** Na de alinea.")
    md = render_as("md", markup, draft=True)
    assert "> **Notitie voor de auteur:** **Open punt.** Na de alinea.\\\n> – met een punt" in md
    assert 'status: "CONCEPT"' in md and "\n**CONCEPT**\n" in md
    html = render_as("html", markup, draft=True, lang="en")
    assert ('<aside class="note"><strong>Note for the author:</strong><p><strong>Open punt.'
            "</strong> Na de alinea.</p><p>– met een punt</p></aside>") in html
    assert '<p class="draft">DRAFT</p>' in html
    for fmt in ("md", "html"):  # the client copy
        client = render_as(fmt, markup)
        assert "Na de alinea" not in client and "CONCEPT" not in client
        assert "Een alinea met" in client


def test_properties_name_the_people_the_organisation_and_the_language(model):
    out = render_bytes("report", model, author="Anna de Vries, Bram Jansen",
                       organisation="Jeugdbescherming Kustregio & co", subject="Eindrapport",
                       description="Verslag van de experimentsprint", keywords="jeugdzorg")
    xml = parts(out.data)
    app = xml["docProps/app.xml"]
    assert "<Application>sprintkit</Application>" in app
    assert "<Company>Jeugdbescherming Kustregio &amp; co</Company>" in app
    assert not re.search(r"Microsoft|<Pages>|<Words>|<Characters>|<Lines>|<TotalTime>", app)
    core = xml["docProps/core.xml"]
    for expected in ("<dc:creator>Anna de Vries, Bram Jansen</dc:creator>",
                     "<dc:language>nl-NL</dc:language>", "<dc:subject>Eindrapport</dc:subject>",
                     "<cp:keywords>jeugdzorg</cp:keywords>",
                     "<dc:description>Verslag van de experimentsprint</dc:description>",
                     "<dc:title>Gezinsplan in één gesprek — Eindpresentatie</dc:title>"):
        assert expected in core
    assert re.search(r'<w:lang w:val="nl-NL"', xml["word/styles.xml"])
    assert "updateFields" not in xml["word/settings.xml"]
    assert "autoHyphenation" in xml["word/settings.xml"]
    assert not any('w:dirty="true"' in text for text in xml.values())  # Word would ask
    header = next(text for name, text in xml.items() if name.startswith("word/header"))
    assert "<w:t>Gezinsplan in één gesprek — Eindpresentatie</w:t>" in header  # TITLE's result
    with zipfile.ZipFile(io.BytesIO(out.data)) as archive:
        assert not any("thumbnail" in name for name in archive.namelist())
    english = parts(render_bytes("report", model, lang="en").data)
    assert "<dc:language>en-GB</dc:language>" in english["docProps/core.xml"]
    assert "<Company>" not in english["docProps/app.xml"]


def test_the_table_of_contents_lists_pages_when_they_are_known():
    markup = "::: toc | Inhoud\n\n# Een\n\ntekst\n\n## Twee\n\n# Drie\n"
    plain = build(markup)
    numbered = build(markup, toc_pages=[3, 4, None])
    from sprintkit.render.dump import dump_docx

    toc = [b for b in dump_docx(numbered)["body"] if b.get("p", "").startswith("toc")]
    assert [b["text"] for b in toc] == ["Een\t3", "Twee\t4", "Drie"]
    toc = [b for b in dump_docx(plain)["body"] if b.get("p", "").startswith("toc")]
    assert [b["text"] for b in toc] == ["Een", "Twee", "Drie"]
    assert build_docx(mk.parse(markup), no_images).toc == ["Een", "Twee", "Drie"]


def test_a_pdf_outline_gives_the_pages_of_the_headings():
    from sprintkit.render.to_pdf import heading_pages, match_pages

    pdf = (b"%PDF-1.4\n1 0 obj\n<</Type/Catalog/Pages 2 0 R/Outlines 5 0 R>>\nendobj\n"
           b"2 0 obj\n<</Type/Pages/Kids[ 3 0 R 4 0 R ]/Count 2>>\nendobj\n"
           b"3 0 obj\n<</Type/Page/Parent 2 0 R>>\nendobj\n4 0 obj\n<</Type/Page>>\nendobj\n"
           b"5 0 obj\n<</Count 2/First 6 0 R/Last 7 0 R>>\nendobj\n"
           b"6 0 obj\n<</Title<FEFF00C9006E>/Dest[3 0 R/XYZ 0 0 0]/Next 7 0 R/First 8 0 R>>\n"
           b"endobj\n7 0 obj\n<</Title(Drie \\(3\\))/Dest[4 0 R/XYZ 0 0 0]>>\nendobj\n"
           b"8 0 obj\n<</Title(Twee)/Dest[4 0 R/XYZ 0 0 0]>>\nendobj\n")
    outline = heading_pages(pdf)
    assert outline == [("Én", 1), ("Twee", 2), ("Drie (3)", 2)]
    assert match_pages(["Én", "Onbekend", "Drie  (3)"], outline) == [1, None, 2]
    assert heading_pages(b"not a pdf") == []


def cell_widths(data: bytes) -> list[list[int]]:
    body = parts(data)["word/document.xml"]
    return [[int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', grid)]
            for grid in re.findall(r"<w:tblGrid>(.*?)</w:tblGrid>", body)]


def test_columns_are_never_narrower_than_their_longest_word():
    from sprintkit.render.table_layout import column_widths, text_width_pt

    table = mk.parse("| **Bewijskracht** | Toelichting |\n|-|--------------------------|\n"
                     "| Innovatiesprint | kort |\n| waarnemingen | x |").blocks[0]
    layout = column_widths(table, 9000)
    assert sum(layout.widths) == 9000 and not layout.shrunk
    needed = 20 * max(text_width_pt("Bewijskracht", True), text_width_pt("Innovatiesprint"),
                      text_width_pt("waarnemingen"))
    assert layout.widths[0] >= needed + 170  # the word and the cell margins
    # the template's hint is followed once every column has room for its words
    wide = mk.parse("|--|------|\n| a | b |").blocks[0]
    assert column_widths(wide, 8000).widths == [2000, 6000]


def test_a_table_too_wide_for_its_words_gets_a_smaller_font_not_broken_words():
    from sprintkit.render.table_layout import column_widths

    words = " | ".join(["Verantwoordelijkheidsverdeling"] * 6)
    table = mk.parse(f"| {words} |").blocks[0]
    layout = column_widths(table, 9000)
    assert layout.shrunk and 7.0 <= layout.font_pt < 9.0
    data = build(f"| {words} |")
    size = int(layout.font_pt * 2)
    assert f'<w:sz w:val="{size}"/>' in parts(data)["word/document.xml"]


def test_table_cells_are_not_hyphenated_and_labels_keep_with_their_table():
    data = build("# Kop\n\nTekst.\n\n**Impact en inspanning per oplossing**\n\n| a | b |\n\n"
                 "Een gewone alinea.\n\n| c | d |\n\nTekst met\\n**een vet label**\n\n| e |\n")
    body = parts(data)["word/document.xml"]
    cells = re.findall(r"<w:tc>.*?</w:tc>", body)
    assert cells and all("<w:suppressAutoHyphens/>" in c for c in cells)
    paragraphs = re.findall(r"<w:p>.*?</w:p>", body.split("<w:body>")[1])
    keep = {re.sub(r"<[^>]+>", "", p): "<w:keepNext/>" in p for p in paragraphs
            if "<w:tc>" not in p}
    assert keep["Impact en inspanning per oplossing"]
    assert not keep["Een gewone alinea."] and not keep["Tekst."]
    assert keep["Tekst meteen vet label"]  # a paragraph ending in a bold line
    body = parts(build("**Wat niet werkte**\n\n- een\n- twee\n\nGewoon.\n\n- drie\n"))[
        "word/document.xml"]
    keep = {re.sub(r"<[^>]+>", "", p): "<w:keepNext/>" in p for p in re.findall(r"<w:p>.*?</w:p>",
                                                                             body)}
    assert keep["Wat niet werkte"] and not keep["Gewoon."]  # a label keeps with its list


def test_headings_and_titles_are_not_hyphenated():
    body = parts(build("::: titlepage\ntitle: Innovatiesprint\n:::\n\n# Kop\n\ntekst"))[
        "word/document.xml"]
    for text in ("Innovatiesprint", "Kop"):
        p = next(p for p in re.findall(r"<w:p>.*?</w:p>", body) if f">{text}<" in p)
        assert "<w:suppressAutoHyphens/>" in p
    p = next(p for p in re.findall(r"<w:p>.*?</w:p>", body) if ">tekst<" in p)
    assert "suppressAutoHyphens" not in p


def test_without_libreoffice_a_docx_has_no_page_numbers_and_says_so(model, monkeypatch):
    monkeypatch.setenv("SPRINTKIT_SOFFICE", "/nonexistent/soffice")
    out = render_bytes("report", model, page_numbers=True)
    from sprintkit.i18n import msg

    assert msg("render.toc_no_soffice") in out.warnings
    from sprintkit.errors import SprintkitError

    with pytest.raises(SprintkitError, match="needs LibreOffice|LibreOffice nodig"):
        render_bytes("report", model, fmt="pdf")


def test_a_failing_conversion_leaves_a_docx_without_numbers(model, monkeypatch):
    from sprintkit.errors import SprintkitError
    from sprintkit.render import to_pdf

    def broken(data, warnings=None, **_):
        raise SprintkitError("LibreOffice could not convert the document to PDF")

    monkeypatch.setattr(to_pdf, "find_soffice", lambda: "/usr/bin/true")
    monkeypatch.setattr(to_pdf, "docx_to_pdf", broken)
    out = render_bytes("report", model, page_numbers=True)
    assert out.data[:2] == b"PK"
    from sprintkit.i18n import msg

    assert out.warnings == [msg("render.toc_no_pages", reason="LibreOffice could not convert "
                                "the document to PDF")]


def test_a_pdf_without_an_outline_is_converted_once(model, monkeypatch):
    from sprintkit.render import to_pdf

    calls = []

    def convert(data, warnings=None, **_):
        calls.append(1)
        return b"%PDF-1.4 no outline"

    monkeypatch.setattr(to_pdf, "find_soffice", lambda: "/usr/bin/true")
    monkeypatch.setattr(to_pdf, "docx_to_pdf", convert)
    out = render_bytes("report", model, fmt="pdf")
    assert out.data == b"%PDF-1.4 no outline" and len(calls) == 1
    from sprintkit.i18n import msg

    assert msg("render.toc_unmatched") in out.warnings
