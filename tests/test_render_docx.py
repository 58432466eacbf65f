"""The documents themselves, read back: golden dumps, fields, reproducible bytes, house style,
hostile text, and the Markdown and HTML outputs."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from test_render_support import FIXTURE, check_golden, comments, load_fixture, render_bytes

from sprintkit.render.dump import dump_docx


@pytest.fixture(scope="module")
def model():
    return load_fixture()


@pytest.mark.parametrize(("template", "lang"), [
    ("report", "nl"), ("plan", "nl"), ("intent", "nl"), ("report", "en"), ("plan", "en"),
    ("intent", "en"),
])
def test_golden_dumps(model, template, lang):
    out = render_bytes(template, model, lang=lang)
    dump = dump_docx(out.data)
    check_golden(f"{template}_{lang}", dump["body"])
    assert out.missing_styles == []


def test_report_content_that_matters(model):
    body = dump_docx(render_bytes("report", model).data)["body"]
    texts = [b.get("text", "") for b in body if "p" in b]
    headings = [b["text"] for b in body if b.get("p") == "Heading 1"]
    assert headings == ["Managementsamenvatting", "Aanleiding en vraag", "Aanpak", "Resultaten",
                        "Conclusies en besluiten", "Vervolgstappen", "Bijlagen"]
    assert body[0] == {"p": "Title", "text": "Gezinsplan in één gesprek"}
    tables = [b for b in body if "table" in b]
    h1 = next(t for t in tables if ["**Bewijs**", "23/28 = 82%"] in t["rows"])
    assert ["**Betrouwbaarheidsinterval (95%)**", "64,4%–92,1%"] in h1["rows"]
    assert ["**Oordeel**", "**onbeslist**"] in h1["rows"]
    h5 = next(t for t in tables if ["**Oordeel**", "**ondersteund** (oordeel facilitator; "
                                    "berekend: onvoldoende gegevens)"] in t["rows"])
    assert h5
    assert any(t.startswith("**Oordeel van de facilitator** (Anna de Vries, 15 mei 2026): "
                            "Zeven van de acht") for t in texts)
    assert any("Minder waarnemingen (6) dan het minimum" in t for t in texts)
    images = [b for b in body if "images" in b]
    # the overview, H3's own chart, and the two indicators over time
    assert [i["images"] for i in images] == [[16.0], [16.0], [16.0], [16.0]]
    outcomes = next(t for t in tables if t["rows"][0][-1] == "T.o.v. nulmeting")
    assert outcomes["rows"][1] == ["Tijd per gezinsplan (minuten)", "120\n2026-Q1", "90\n2026-H2",
                                   "77\n2026-05", "beter · −43 (−35,8%) · 143% van de weg naar "
                                   "de streefwaarde · streefwaarde gehaald"]
    assert outcomes["rows"][2][1:3] == ["55%", "80%"]  # a rate, in percent
    toc = next(b for b in body if b.get("field", "").startswith("TOC"))
    assert toc["field"] == 'TOC \\o "1-2" \\h \\z \\u' and "Managementsamenvatting" in toc["text"]


def test_fields_settings_page_and_properties(model):
    dump = dump_docx(render_bytes("report", model).data)
    assert dump["settings"] == {"updateFields": False}  # Word would ask on every opening
    assert dump["page"] == {"width_cm": 21.0, "height_cm": 29.7}
    assert "field: PAGE" in dump["footer"] and "field: TITLE" in dump["header"]
    assert dump["core"]["title"] == "Gezinsplan in één gesprek — Eindpresentatie"
    assert dump["core"]["language"] == "nl-NL"
    assert dump["core"]["created"] == "2026-01-01T00:00:00+00:00"  # SOURCE_DATE_EPOCH (conftest)


def test_same_input_same_bytes(model, monkeypatch):
    first = render_bytes("report", model).data
    second = render_bytes("report", model).data
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    third = render_bytes("report", model).data
    assert third != first

    def undated(data: bytes) -> list[Any]:  # the title page says the document's date
        return [b for b in dump_docx(data)["body"]
                if not str(b.get("text", "")).startswith("Datum:")]

    assert undated(third) == undated(first)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    # without it, the sprint's own dates stamp the document: still the same every time
    assert render_bytes("plan", model).data == render_bytes("plan", model).data
    created = dump_docx(render_bytes("plan", model).data)["core"]["created"]
    assert created == "2026-05-15T00:00:00+00:00"


def test_plan_gaps_are_author_notes_in_a_draft_only(model):
    bare = model.model_copy(deep=True)
    bare.plan = type(model.plan)()
    bare.indicators = []
    bare.learnings = []
    client = render_bytes("plan", bare, fmt="md").data.decode("utf-8")
    for leak in ("sprint.yaml", "plan.", "sprintkit ", "learnings"):
        assert leak not in client, leak
    assert "Voor deze invoering zijn geen indicatoren afgesproken." in client
    draft = render_bytes("plan", bare, fmt="md", draft=True).data.decode("utf-8")
    for where in ("plan.communication", "plan.evaluation", "plan.risks", "plan.support",
                  "plan.stakeholders"):
        assert where in draft, where
    notes = [text for text, _ in comments(render_bytes("plan", bare, draft=True).data)]
    for where in ("plan.communication", "plan.risks", "plan.stakeholders"):
        assert any(where in n for n in notes), where  # Word review comments in a draft
    full = dump_docx(render_bytes("plan", model).data)["body"]
    assert any(b.get("text", "").startswith("**Middenmanagement.** Teamleiders") for b in full)


def test_intent_has_a_signatories_table(model):
    body = dump_docx(render_bytes("intent", model, lang="en").data)["body"]
    tables = [b for b in body if "table" in b]
    signatures = tables[-1]["rows"]
    assert signatures[0] == ["Organisation", "Name", "Signature", "Place and date"]
    assert [r[0] for r in signatures[1:]] == ["Jeugdbescherming Kustregio",
                                              "Sociaal team Middelburg", "Gemeente Goes"]
    assert signatures[1][1] == "Marieke Visser"
    # room to sign: a line at the foot of the signature and place-and-date cells
    assert signatures[1][2].endswith("____") and signatures[1][2].startswith("\n")
    assert signatures[1][3].endswith("____")


def test_hostile_text_is_kept_and_never_breaks_the_document(model):
    nasty = ("# kop? | pijp **vet?** *schuin?* <tag> & &amp; \\n {{ jinja }} {% raw %} "
             "\x00\x07ctrl\x1b 😀 " + "Donaudampfschifffahrtsgesellschaftskapitän" * 6
             + "\nregel 2")
    expected = nasty.replace("\x00", "").replace("\x07", "").replace("\x1b", "")
    hostile = model.model_copy(deep=True)
    hostile.title = nasty
    hostile.hypotheses[0].statement = nasty
    hostile.hypotheses[0].title = nasty
    hostile.hypotheses[0].evidence[0].source = nasty
    hostile.learnings[0].observed = nasty
    hostile.team[0].name = nasty
    hostile.conclusions = [nasty]
    hostile.plan.support = nasty
    for template, least in (("report", 6), ("plan", 2), ("intent", 1)):
        out = render_bytes(template, hostile)
        dump = dump_docx(out.data)
        texts = [b.get("text", "") for b in dump["body"]]
        texts += [c for b in dump["body"] if "table" in b for row in b["rows"] for c in row]
        assert sum(expected in t for t in texts) >= least, template
        flat = expected.replace("\n", " ")  # as the table of contents lists a heading
        assert not any("**vet?**" in t.replace(expected, "").replace(flat, "") for t in texts)
    md = render_bytes("report", hostile, fmt="md").data.decode("utf-8")
    assert "\x00" not in md and "Donaudampf" in md
    html = render_bytes("report", hostile, fmt="html").data.decode("utf-8")
    assert "&lt;tag&gt; &amp; &amp;amp;" in html and "<tag>" not in html


def test_a_house_style_reference_keeps_its_page_and_gets_missing_styles(model):
    from docx import Document
    from docx.shared import Cm

    house = Document()
    section = house.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)
    section.header.paragraphs[0].text = "Huisstijl BV"
    house.add_paragraph("this body text is dropped")
    buffer = io.BytesIO()
    house.save(buffer)
    out = render_bytes("report", model, reference=buffer.getvalue())
    assert set(out.missing_styles) >= {"Report Table", "Table Text", "Title Page Info"}
    dump = dump_docx(out.data)
    assert dump["page"] == {"width_cm": 21.6, "height_cm": 27.9}
    assert dump["header"] == ["text: Huisstijl BV"]
    assert not any("dropped" in b.get("text", "") for b in dump["body"])
    assert {b["table"] for b in dump["body"] if "table" in b} == {"Report Table"}
    from docx import Document as Read

    names = {s.name for s in Read(io.BytesIO(out.data)).styles}
    assert {"Report Table", "Table Text"} <= names


def test_markdown_and_html(model, tmp_path):
    out = render_bytes("report", model, fmt="md")
    text = out.data.decode("utf-8")
    assert text.startswith('---\ntitle: "Gezinsplan in één gesprek"\n')
    assert "## Wat we toetsten" in text and "| H1. Gezinsmanagers" in text
    assert sorted(out.files) == sorted(f for f in out.files if f.startswith("document_files/"))
    assert len(out.files) == 4 and all(v.startswith(b"\x89PNG") for v in out.files.values())
    html = render_bytes("plan", model, lang="en", fmt="html").data.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert html.count("data:image/png;base64,") == 2 and "<h1" in html
    assert "Middle management." in html


def test_images_from_template_folder_only(model, tmp_path):
    from sprintkit.errors import SprintkitError
    from sprintkit.render import markup as mk
    from sprintkit.render.document import Images

    logo = tmp_path / "logo.png"
    from sprintkit.render.charts import render_png

    logo.write_bytes(render_png({"type": "indicator", "points": [{"period": "2026", "value": 1}]}))
    images = Images({}, [tmp_path])
    data, width, _ = images(mk.Image("file", "logo.png"))
    assert data.startswith(b"\x89PNG") and width > 1
    with pytest.raises(SprintkitError, match="outside|buiten"):
        images(mk.Image("file", "../" + tmp_path.name + "/../etc/passwd"))
    with pytest.raises(SprintkitError, match="chart|grafiek"):
        images(mk.Image("chart", "nope"))
    assert FIXTURE.is_dir()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_empty_sprint_still_gives_finished_documents(lang):
    from sprintkit.model.sprint import Sprint

    empty = Sprint.model_validate({"id": "leeg", "title": "Nog niets", "method": "nowhere",
                                   "language": lang})
    for template in ("report", "plan", "intent"):
        body = dump_docx(render_bytes(template, empty, lang=lang).data)["body"]
        assert body[0]["p"] == "Title"
        assert not any(b.get("p") == "Note" for b in body)  # the client copy has no notes
        out = render_bytes(template, empty, lang=lang, draft=True)
        assert comments(out.data)  # the draft's open points, as Word review comments
        for fmt in ("md", "html"):
            assert render_bytes(template, empty, lang=lang, fmt=fmt).data
        draft = render_bytes(template, empty, lang=lang, fmt="md", draft=True).data
        assert b"sprint.yaml" in draft  # the author is told where to fill it in
