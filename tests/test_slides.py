"""`sprintkit slides`: the end presentation as .pptx, opened again with python-pptx."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from examples_support import EXAMPLES, IGNORE, copy_example, programme_copy

pptx = pytest.importorskip("pptx")
from pptx import Presentation  # noqa: E402
from pptx.enum.chart import XL_CHART_TYPE  # noqa: E402


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return programme_copy(tmp_path_factory)


def deck(path: Path):
    return Presentation(str(path))


def titles(prs) -> list[str]:
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in
            prs.slides]


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def charts(prs) -> list:
    return [shape.chart for s in prs.slides for shape in s.shapes if shape.has_chart]


def all_text(prs) -> str:
    """Every text a viewer can see: shapes, speaker notes and the charts' data and titles."""
    parts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_chart:
                chart = shape.chart
                if chart.has_title:
                    parts.append(chart.chart_title.text_frame.text)
                for plot in chart.plots:
                    parts += [str(c) for c in plot.categories]
                    parts += [s.name for s in plot.series]
        parts.append(notes(slide))
    return "\n".join(parts)


def workbook_numbers(chart) -> list[float]:
    """The numbers in the chart's embedded workbook (the data PowerPoint opens to edit)."""
    blob = chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    return [float(v) for v in re.findall(r"<c [^>]*?(?<!t=\"s\")><v>([^<]+)</v>", sheet)]


def context(cli, sprint: Path, *extra: str) -> dict:
    result = cli("templates", "context", "-s", sprint, *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- one sprint ----------------------------------------------------------------------------


def test_sprint_deck_has_the_report_content_a_slide_per_hypothesis_and_notes(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/experiment-regieplan")
    result = cli("slides", "-s", sprint)
    assert result.exit_code == 0, result.stderr
    path = sprint / "reports" / "experiment-regieplan-presentatie.pptx"
    assert result.stdout.strip().endswith("experiment-regieplan-presentatie.pptx")
    prs = deck(path)
    names = titles(prs)
    assert names[0] == "Experimentsprint 1: het regieplan"
    for heading in ("Vraag en doel", "Aanpak", "Wat we leerden", "Keuzes en besluiten",
                    "Volgende stappen en wie"):
        assert heading in names, heading
    ctx = context(cli, sprint)["sprint"]
    hypotheses = ctx["hypotheses"]
    assert len(hypotheses) == 4
    for h in hypotheses:
        index = next(i for i, n in enumerate(names) if n.startswith(f"{h['id']} · "))
        slide = prs.slides[index]
        text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert h["result"]["final_label"] in text and "Criterium" in text
        said = notes(slide)
        assert f"{h['result']['n']} waarnemingen" in said  # the sample size is in the notes
        assert h["statement"].split()[-1] in said
    # the approach as a timeline: one numbered step per phase held
    approach = prs.slides[names.index("Aanpak")]
    held = [p for p in ctx["phases"] if p["held"]]
    assert sum(1 for s in approach.shapes if s.has_text_frame and s.text_frame.text.isdigit()
               ) == len(held)


def test_interval_charts_are_native_with_the_sprints_numbers(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/experiment-regieplan")
    assert cli("slides", "-s", sprint, "-o", tmp_path / "deck.pptx").exit_code == 0
    prs = deck(tmp_path / "deck.pptx")
    found = charts(prs)
    hypotheses = context(cli, sprint)["sprint"]["hypotheses"]
    assert len(found) == len(hypotheses) == 4
    for chart, h in zip(found, hypotheses, strict=True):
        assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
        assert chart.part.chart_workbook.xlsx_part is not None  # editable in PowerPoint
        r = h["result"]
        low, to_estimate, to_high = (s.values[0] for s in chart.plots[0].series)
        assert low == pytest.approx(r["ci_low"])
        assert low + to_estimate == pytest.approx(r["estimate"])
        assert low + to_estimate + to_high == pytest.approx(r["ci_high"])
        assert workbook_numbers(chart) == pytest.approx([low, to_estimate, to_high])
        assert [c for c in chart.plots[0].categories] == [h["id"]]


def test_same_input_same_bytes_with_source_date_epoch(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/experiment-regieplan")
    assert cli("slides", "-s", sprint, "-o", tmp_path / "a.pptx").exit_code == 0
    assert cli("slides", "-s", sprint, "-o", tmp_path / "b.pptx").exit_code == 0
    first, second = (tmp_path / "a.pptx").read_bytes(), (tmp_path / "b.pptx").read_bytes()
    assert first == second
    props = deck(tmp_path / "a.pptx").core_properties
    assert props.created.year == 2026 and props.modified == props.created  # conftest's epoch
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        books = [n for n in z.namelist() if n.endswith(".xlsx")]
        assert books
        for name in books:  # the embedded workbooks carry the same date, not the clock
            with zipfile.ZipFile(io.BytesIO(z.read(name))) as book:
                assert {i.date_time for i in book.infolist()} == {(2026, 1, 1, 0, 0, 0)}
                core = book.read("docProps/core.xml").decode()
                assert re.findall(r"<dcterms:created[^>]*>([^<]+)<", core) == [
                    "2026-01-01T00:00:00Z"]


def test_english_deck(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/experiment-regieplan")
    result = cli("slides", "-s", sprint, "--lang", "en", "-o", tmp_path / "en.pptx")
    assert result.exit_code == 0, result.stderr
    names = titles(deck(tmp_path / "en.pptx"))
    for heading in ("Question and goal", "Approach", "What we learned",
                    "Choices and decisions", "Next steps and owners"):
        assert heading in names
    assert "Vraag en doel" not in names


# --- co-creation and programme --------------------------------------------------------------


def test_co_creation_ranking_and_matrix_are_native_charts(cli, tmp_path):
    sprint = copy_example(tmp_path, "zuid-limburg-co-creation")
    assert cli("slides", "-s", sprint, "-o", tmp_path / "zl.pptx").exit_code == 0
    prs = deck(tmp_path / "zl.pptx")
    findings = context(cli, sprint)["sprint"]["doc"]
    ranking = next(g for g in findings["findings"] if g["shape"] == "ranking")["ranking"]
    matrix = next(g for g in findings["choices"] if g["shape"] == "matrix")["matrix"]
    found = charts(prs)
    bars = [c for c in found if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED]
    scatter = [c for c in found if c.chart_type == XL_CHART_TYPE.XY_SCATTER]
    assert len(bars) == 1 and len(scatter) == 1
    assert list(bars[0].plots[0].series[0].values) == [r["votes"] for r in ranking]
    assert workbook_numbers(bars[0]) == [r["votes"] for r in ranking]
    points = [(s.iter_values().__next__(), s.name) for s in scatter[0].plots[0].series]
    assert [p[0] for p in points] == [r["impact"] for r in matrix]  # y: impact
    xs = [float(v) for v in re.findall(
        r"<c:xVal>.*?<c:v>([^<]+)</c:v>", scatter[0]._chartSpace.xml, re.S)]
    assert xs == [r["effort"] for r in matrix]  # x: effort
    assert scatter[0].part.chart_workbook.xlsx_part is not None


def test_programme_deck_has_the_chain_the_lineages_and_indicator_trends(cli, programme,
                                                                         tmp_path):
    result = cli("slides", "-p", programme, "-o", tmp_path / "p.pptx")
    assert result.exit_code == 0, result.stderr
    prs = deck(tmp_path / "p.pptx")
    names = titles(prs)
    assert names[0] == "Van strategie naar implementatie: regie en veiligheid"
    assert "De keten van sprints" in names and "Hoe de hypothesen zich ontwikkelden" in names
    lineage = prs.slides[names.index("Hoe de hypothesen zich ontwikkelden")]
    assert "→" in lineage.shapes[1].text_frame.text or any(
        "→" in s.text_frame.text for s in lineage.shapes if s.has_text_frame)
    # every sprint's decisions once, on the programme's own slide, not again per sprint
    assert names.count("Keuzes en besluiten") == 1
    trends = [c for c in charts(prs)
              if c.chart_type in (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS)]
    ctx = json.loads(cli("programme", "context", programme).stdout)
    specs = [ctx["charts"][i["chart"]] for i in ctx["programme"]["all_indicators"]
             if i["chart"]]
    assert len(trends) == len(specs) >= 2
    for chart, spec in zip(trends, specs, strict=True):
        series = list(chart.plots[0].series)
        assert list(series[0].values) == pytest.approx([p["value"] for p in spec["points"]])
        assert list(chart.plots[0].categories) == [str(p["period"]) for p in spec["points"]]
        flat = [spec[k] for k in ("baseline", "target") if spec[k] is not None]
        assert [s.values[0] for s in series[1:]] == pytest.approx(flat)  # flat lines
        assert chart.part.chart_workbook.xlsx_part is not None


# --- client copy and draft -----------------------------------------------------------------


def test_client_copy_names_no_files_keys_or_commands_and_draft_marks_notes(cli, tmp_path):
    sprint = copy_example(tmp_path, "zuid-limburg-co-creation")
    assert cli("slides", "-s", sprint, "-o", tmp_path / "client.pptx").exit_code == 0
    text = all_text(deck(tmp_path / "client.pptx"))
    assert ".yaml" not in text and ".csv" not in text and "sprintkit " not in text
    for key in ("pain_point_votes", "top_pain_points", "impact_effort", "next_steps"):
        assert key not in text
    assert "NOTITIE VOOR DE AUTEUR" not in text
    assert cli("slides", "-s", sprint, "--draft", "-o", tmp_path / "draft.pptx").exit_code == 0
    draft = deck(tmp_path / "draft.pptx")
    assert "CONCEPT" in all_text(draft)
    first = notes(draft.slides[0])
    points = context(cli, sprint)["sprint"]["points"]
    assert points  # an open point of `sprintkit check`: a note to the author, in the draft only
    assert "NOTITIE VOOR DE AUTEUR" in first and points[0]["message"] in first
    assert points[0]["message"] not in text


# --- house style ---------------------------------------------------------------------------


def reference(path: Path, rename: dict[str, str] | None = None) -> Path:
    prs = Presentation()
    for layout in prs.slide_layouts:
        if rename and layout.name in rename:
            layout.name = rename[layout.name]
    prs.save(str(path))
    return path


def test_reference_layouts_are_used_by_name(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/experiment-regieplan")
    ref = reference(tmp_path / "huisstijl.pptx")
    ok = cli("slides", "check-reference", ref)
    assert ok.exit_code == 0, ok.stderr
    assert "4" in ok.stderr
    result = cli("slides", "-s", sprint, "--reference-pptx", ref, "-o", tmp_path / "r.pptx")
    assert result.exit_code == 0, result.stderr
    prs = deck(tmp_path / "r.pptx")
    used = [s.slide_layout.name for s in prs.slides]
    assert used[0] == "Title Slide" and "Title and Content" in used and "Title Only" in used
    assert prs.slide_width == Presentation(str(ref)).slide_width  # the reference's page


def test_missing_layouts_are_reported(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/experiment-regieplan")
    ref = reference(tmp_path / "oud.pptx", {"Title Only": "Alleen titel",
                                            "Section Header": "Sectiekop"})
    check = cli("slides", "check-reference", ref)
    assert check.exit_code == 1
    assert check.stdout.split() == ["Title", "Only", "Section", "Header"]
    assert "mist 2 van de 4" in check.stderr
    as_json = cli("slides", "check-reference", ref, "--format", "json")
    assert json.loads(as_json.stdout)["missing"] == ["Title Only", "Section Header"]
    result = cli("slides", "-s", sprint, "--reference-pptx", ref, "-o", tmp_path / "m.pptx")
    assert result.exit_code == 0, result.stderr
    assert "Title Only" in result.stderr  # said, and taken from another layout
    assert len(deck(tmp_path / "m.pptx").slides) > 5


# --- bad input -----------------------------------------------------------------------------


def test_bad_input_gives_clear_messages_and_exit_codes(cli, tmp_path):
    sprint = copy_example(tmp_path, "intervence/experiment-regieplan")
    missing = cli("slides", "-s", sprint, "--reference-pptx", tmp_path / "nope.pptx")
    assert missing.exit_code == 1 and "nope.pptx" in missing.stderr
    assert "Traceback" not in missing.stderr
    (tmp_path / "fake.pptx").write_text("not a presentation")
    fake = cli("slides", "check-reference", tmp_path / "fake.pptx")
    assert fake.exit_code == 1 and "fake.pptx" in fake.stderr and "Traceback" not in fake.stderr
    docx = tmp_path / "word.pptx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    assert cli("slides", "check-reference", docx).exit_code == 1
    both = cli("slides", "-s", sprint, "-p", sprint)
    assert both.exit_code == 2
    bad = cli("slides", "-s", sprint, "--format", "key")
    assert bad.exit_code == 2 and "pptx" in bad.stderr
    assert not (sprint / "reports").exists()  # nothing was written
    out = tmp_path / "taken.pptx"
    out.write_bytes(b"x")
    taken = cli("slides", "-s", sprint, "-o", out)
    assert taken.exit_code != 0 and out.read_bytes() == b"x"


# --- PDF -----------------------------------------------------------------------------------


def test_pdf_without_impress_says_what_to_install(cli, tmp_path, monkeypatch):
    import sprintkit.ops.slides as ops

    monkeypatch.setattr(ops, "has_impress", lambda: False)
    sprint = copy_example(tmp_path, "zuid-limburg-co-creation")
    result = cli("slides", "-s", sprint, "--format", "pdf", "-o", tmp_path / "zl.pdf")
    assert result.exit_code == 1 and "LibreOffice Impress" in result.stderr
    assert "libreoffice-impress" in result.stderr and not (tmp_path / "zl.pdf").exists()


@pytest.mark.slow
def test_slides_as_pdf(cli, tmp_path):
    from sprintkit.render.to_pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    sprint = copy_example(tmp_path, "zuid-limburg-co-creation")
    result = cli("slides", "-s", sprint, "--format", "pdf", "-o", tmp_path / "zl.pdf")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "zl.pdf").read_bytes().startswith(b"%PDF")


# --- README --------------------------------------------------------------------------------


def test_readme_slides_block_is_true(cli, tmp_path):
    from readme_support import blocks, console_steps, section

    text = section("Reports, plans and other documents").split("### Slides", 1)[1]
    text = text.split("\n### ", 1)[0]
    [block] = blocks(text, "console")
    steps = console_steps(block)
    assert [c.split()[1] for c, _ in steps] == ["slides"] * 4
    for name in ("intervence", "zuid-limburg-co-creation"):
        shutil.copytree(EXAMPLES / name, tmp_path / "examples" / name, ignore=IGNORE)
    reference(tmp_path / "house.pptx", {"Section Header": "Sectiekop"})
    from sprintkit.render.to_pdf import find_soffice

    for command, expected in steps:
        if "--format pdf" in command and find_soffice() is None:
            continue
        result = cli(*command.split()[1:], cwd=tmp_path)
        assert result.exit_code == (1 if "check-reference" in command else 0), result.stderr
        assert result.stdout.splitlines() == expected, command
